"""The README's example of using the helpers runs as written, and its name tables are the API."""

import os
import re
import subprocess
import sys

import lab_utils_common
import lab_utils_multiclass_TF

SECTION = "## Using the helpers in your own notebook"


def readme_section(root):
    return (root / "README.md").read_text().split(SECTION, 1)[1].split("\n## ", 1)[0]


def readme_example(root):
    return re.search(r"```python\n(.*?)```", readme_section(root), re.S).group(1)


def run_example(code, cwd, *, python=sys.executable, env=None):
    """The example in a fresh interpreter with warnings as errors, and what it left loaded."""
    probe = code + ("\nimport sys\n"
                    "print('loaded:', sorted({'tensorflow', 'keras'} & set(sys.modules)))\n")
    env = {**(env or os.environ), "MPLBACKEND": "Agg"}
    return subprocess.run([str(python), "-W", "error", "-c", probe], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_helpers_example_runs_from_the_repository_on_the_path(tmp_path, root):
    env = {**os.environ, "PYTHONPATH": str(root)}  # the route without installing
    done = run_example(readme_example(root), tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == ["(100, 100)", "loaded: []"]
    assert (tmp_path / "regions.png").stat().st_size > 10_000


def documented_names(root, module_name):
    """The names in the README's table of ``module_name``'s public names."""
    section = readme_section(root)
    start = section.index(f"`{module_name}`")
    table = section[start:].split("\n\n", 2)[1]
    return {name for line in table.splitlines()[2:]
            for name in re.findall(r"`(\w+)`", line.split("|")[2])}


def test_readme_tables_list_exactly_the_public_names(root):
    assert documented_names(root, "lab_utils_multiclass_TF") == set(
        lab_utils_multiclass_TF.__all__)
    assert documented_names(root, "lab_utils_common") == set(lab_utils_common.__all__)


def test_readme_lists_every_module_of_the_package(root):
    listed = set(re.findall(r"^\| `(\w+\.py)` \|", readme_section(root), re.M))
    shipped = {p.name for p in (root / "lab_helpers").glob("*.py")} - {"__init__.py"}
    assert listed == shipped
