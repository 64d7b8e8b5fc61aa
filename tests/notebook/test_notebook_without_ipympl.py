"""The lab in a kernel without ipympl (Google Colab, a plain `pip install jupyter`).

A real environment: a virtual environment of its own whose site-packages hold
everything the project's environment has except ipympl, with a kernel spec of
its own. The notebook runs there through `tools/run_notebook.py`, as `make run`
runs it.
"""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import run_notebook
from run_notebook import printed_lines
from support.notebook_outputs import (
    CHECK_CELLS,
    code_cells,
    figure_cells,
    figure_pngs,
    outputs,
    stream_text,
)

pytestmark = pytest.mark.notebook

KERNEL = "lab-without-ipympl"
FALLBACK_LINE = ("Static figures. For live ones: %pip install ipympl, then restart the kernel "
                 "and reload the page (in Colab, also run "
                 "google.colab.output.enable_custom_widget_manager()).")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PROBE_CELL = ("import importlib.util, sys\n"
              "print('kernel prefix', sys.prefix)\n"
              "print('ipympl found', importlib.util.find_spec('ipympl') is not None)")


def is_ipympl(entry):
    return entry.name == "ipympl" or entry.name.lower().startswith("ipympl-")


def environment_without_ipympl(folder):
    """A virtual environment that links every package of this one but ipympl.

    Returns its Jupyter data folder, which holds the kernel spec ``KERNEL``.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    purelib = subprocess.run([str(python), "-c",
                              "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = Path(sysconfig.get_path("purelib"))
    for entry in ours.iterdir():
        if not is_ipympl(entry):
            (Path(purelib) / entry.name).symlink_to(entry)
    data = folder / "share" / "jupyter"
    subprocess.run([str(python), "-m", "ipykernel", "install", "--prefix", str(folder),
                    "--name", KERNEL, "--display-name", "Python 3 (no ipympl)"],
                   check=True, capture_output=True)
    return data


@pytest.fixture(scope="module")
def without_ipympl(tmp_path_factory):
    """The lab executed in the kernel of an environment without ipympl."""
    data = environment_without_ipympl(tmp_path_factory.mktemp("no-ipympl") / "venv")
    with pytest.MonkeyPatch.context() as patch:
        # Jupyter looks for kernel specs on this path too; the kernel inherits nothing else.
        patch.setenv("JUPYTER_PATH", os.pathsep.join(filter(None, [
            str(data), os.environ.get("JUPYTER_PATH")])))
        return run_notebook.execute(kernel_name=KERNEL,
                                    extra_cells=[*CHECK_CELLS, PROBE_CELL])


def test_kernel_is_the_environment_without_ipympl(without_ipympl):
    *_, prefix, found = printed_lines(without_ipympl)
    assert found == "ipympl found False"
    assert prefix.startswith("kernel prefix ") and prefix != f"kernel prefix {sys.prefix}"


def test_runs_without_error_or_stderr(without_ipympl):
    assert all(c.execution_count for c in code_cells(without_ipympl))
    kinds = {(o["output_type"], o.get("name")) for o in outputs(without_ipympl)}
    assert ("error", None) not in kinds
    assert ("stream", "stderr") not in kinds


def test_first_cell_prints_one_line_on_how_to_get_live_figures(without_ipympl):
    first = code_cells(without_ipympl)[0]
    assert stream_text(first).splitlines() == [FALLBACK_LINE]


def test_lab_with_ipympl_prints_no_such_line(executed_notebook):
    assert stream_text(code_cells(executed_notebook)[0]) == ""


def test_every_figure_is_a_static_picture_in_its_own_cell(without_ipympl):
    drawn = [id(cell) for cell in figure_cells(without_ipympl)]
    assert len(drawn) == 8  # the lab's eight figures, as the notebook stands
    for cell in code_cells(without_ipympl):
        pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(pngs) == (id(cell) in drawn), cell.source
        assert all(WIDGET_VIEW not in o["data"] for o in pngs)
    assert len(figure_pngs(without_ipympl)) == 8
    for image in figure_pngs(without_ipympl):
        assert image.shape[0] > 100 and image.shape[1] > 100
        assert image.std() > 20, "a figure is (almost) a single colour"


def test_explorer_shows_its_small_multiples(without_ipympl):
    explorer = figure_cells(without_ipympl)[-2]  # the seed atlas follows it
    (out,) = [o for o in explorer.outputs if "image/png" in o["data"]]
    assert out["data"]["text/plain"].startswith("TrainingExplorer(epochs 0..200)")


def test_same_weights_and_printed_results_as_with_ipympl(without_ipympl, executed_notebook):
    # everything but the fallback line and the probe's two lines
    ours = printed_lines(without_ipympl)[1:-2]
    assert printed_lines(without_ipympl)[0] == FALLBACK_LINE
    assert ours == printed_lines(executed_notebook)
