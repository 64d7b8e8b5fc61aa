"""The lab without make (Windows): the kernel transport of each platform, a kernel really
reached over TCP, and the README's make-free commands run on Linux."""

import base64
import re
import subprocess
import sys

import nbformat
import pytest
import run_notebook

# What the kernel itself says it was reached by.
PRINT_TRANSPORT = ("import json\nfrom ipykernel.connect import get_connection_info\n"
                   "print(json.loads(get_connection_info())['transport'])")


@pytest.mark.parametrize(("platform", "expected"),
                         [("win32", "tcp"), ("linux", "ipc"), ("darwin", "ipc")])
def test_transport_by_platform(platform, expected):
    assert run_notebook.kernel_transport(platform) == expected


def test_an_unknown_transport_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"transport must be 'ipc' or 'tcp'; got 'udp'"):
        run_notebook.kernel_config("udp", tmp_path)


@pytest.mark.parametrize("transport", ["tcp", "ipc"])
def test_kernel_is_reached_over_the_transport_chosen(transport, tmp_path):
    nb = nbformat.v4.new_notebook()
    done = run_notebook.execute(nb, cwd=tmp_path, extra_cells=[PRINT_TRANSPORT],
                                transport=transport)
    assert run_notebook.printed_lines(done) == [transport]


def readme_block(root, language):
    """The README's code block of the Windows section in ``language``."""
    readme = (root / "README.md").read_text()
    section = readme.split("## Windows, or without make", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(rf"```{language}\n(.*?)```", section, re.DOTALL)
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_gives_the_same_steps_for_powershell_and_cmd(root):
    powershell, cmd = readme_block(root, "powershell"), readme_block(root, "bat")
    steps = [
        "py -3.12 -m venv .venv",
        "ACTIVATE",
        "python -m pip install -r requirements.txt",
        r"python tools\run_notebook.py --out build",
        "python -m jupyter lab C2_W2_Multiclass_TF.ipynb",
    ]
    assert powershell == [r".venv\Scripts\Activate.ps1" if s == "ACTIVATE" else s for s in steps]
    assert cmd == [r".venv\Scripts\activate.bat" if s == "ACTIVATE" else s for s in steps]


@pytest.mark.notebook
def test_make_free_run_on_linux(root, tmp_path):
    """The README's last step with this environment's python (the venv and pip steps are
    what `make setup` does), over TCP as on Windows."""
    out = tmp_path / "build"
    done = subprocess.run([sys.executable, str(root / "tools" / "run_notebook.py"),
                           "--out", str(out), "--transport", "tcp"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "training accuracy: 100.0%"
    # the lab's own accuracy only, not the seed atlas's diagnoses
    assert sum("training accuracy" in line for line in done.stdout.splitlines()) == 1
    nb = nbformat.read(out / "C2_W2_Multiclass_TF.ipynb", as_version=4)
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    assert (out / "C2_W2_Multiclass_TF.html").stat().st_size > 100_000
    # each figure's PNG as a file, named after the tag of the cell that drew it
    outputs = [(cell.metadata["tags"][0], base64.b64decode(o["data"]["image/png"]))
               for cell in nb.cells for o in cell.get("outputs", [])
               if "image/png" in o.get("data", {})]
    files = sorted((out / "figures").iterdir())
    assert len(files) == len(outputs) >= 8
    assert {p.read_bytes() for p in files} == {png for _, png in outputs}
    for tag, png in outputs:
        assert any(p.read_bytes() == png and p.stem.startswith(tag) for p in files), tag
