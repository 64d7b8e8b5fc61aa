"""The base install (`pip install <repo>`: NumPy and matplotlib only) in a fresh virtual
environment without Keras: help(), `import *`, drawing, and the error of a Keras-only name."""

import subprocess
import sys
import sysconfig
import textwrap
from importlib.metadata import distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from test_package import pip, wheel  # noqa: F401  (wheel: the fixture building the wheel)

BASE = ["numpy", "matplotlib"]  # the package's only requirements
INSTALL_LINE = 'pip install "multiclass-tf-lab[keras]"'


def requirements_closure(names):
    """The distributions ``names`` need, themselves included (extras left out)."""
    seen, todo = set(), list(names)
    while todo:
        dist = distribution(todo.pop())
        name = dist.metadata["Name"].lower()
        if name in seen:
            continue
        seen.add(name)
        for text in dist.requires or ():
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def top_level_entries(names):
    """The entries of site-packages that the distributions ``names`` installed."""
    entries = set()
    for name in names:
        for file in distribution(name).files:
            entries.add(Path(file).parts[0])
    return {e for e in entries if e not in ("..", "__pycache__") and not e.endswith(".pth")}


@pytest.fixture(scope="module")
def base_python(tmp_path_factory, wheel):  # noqa: F811
    """The python of a new environment holding the wheel and only what NumPy and
    matplotlib need (linked from this environment: nothing is downloaded)."""
    folder = tmp_path_factory.mktemp("base-install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig."
                                "get_path('purelib'))"], capture_output=True, text=True,
                               check=True).stdout.strip())
    ours = Path(sysconfig.get_path("purelib"))
    for entry in top_level_entries(requirements_closure(BASE)):
        if (ours / entry).exists() and not (site / entry).exists():
            (site / entry).symlink_to(ours / entry)
    pip(python, "install", "--quiet", str(wheel))
    return python


def run(python, code, cwd):
    return subprocess.run([str(python), "-c", textwrap.dedent(code)], cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_the_environment_has_no_keras(base_python, tmp_path):
    done = run(base_python, """
        import importlib.util
        print([importlib.util.find_spec(n) is None for n in ("keras", "tensorflow", "numpy")])
    """, tmp_path)
    assert done.stdout.strip() == "[True, True, False]", done.stderr


def test_help_works_without_keras(base_python, tmp_path):
    done = run(base_python, "import lab_utils_multiclass_TF as m; help(m)", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "plt_output_layer_linear" in done.stdout
    assert INSTALL_LINE in done.stdout  # the stand-ins' docstrings say what they need


def test_import_star_works_without_keras(base_python, tmp_path):
    done = run(base_python, """
        from lab_utils_multiclass_TF import *
        from lab_utils_common import *
        print(plt_cat_mc.__name__, decision_regions.__name__, sigmoid.__name__)
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["plt_cat_mc", "decision_regions", "sigmoid"]


@pytest.mark.parametrize("use", ["PrintLoss()", "WeightHistory([[0.0, 1.0]], [0])"])
def test_a_keras_only_name_says_how_to_get_keras(base_python, tmp_path, use):
    done = run(base_python, f"""
        from lab_utils_multiclass_TF import PrintLoss, WeightHistory
        {use}
    """, tmp_path)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    name = use.partition("(")[0]
    assert last.startswith(f"ModuleNotFoundError: {name} needs Keras")
    assert last.endswith(INSTALL_LINE)


def test_drawing_needs_no_keras(base_python, tmp_path):
    done = run(base_python, """
        import numpy as np
        from lab_utils_multiclass_TF import decision_regions
        X = np.array([[0.0, 0.0], [1.0, 1.0]])
        _, _, ids = decision_regions(X, lambda P: (P[:, :1] > 0.5).astype(int), resolution=4)
        print(ids.shape, sorted(set(ids.ravel().tolist())))
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(4, 4) [0, 1]"
