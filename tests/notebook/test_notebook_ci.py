"""The notebook as CI authors and other front ends meet it: papermill's parameters,
testbook's tags, and the notebook opened alone (Colab) stopping in its first code cell."""

import ast
import copy
import shutil
import subprocess
import sys

import nbformat
import numpy as np
import pytest
import run_notebook
from bs4 import BeautifulSoup
from nbclient.exceptions import CellExecutionError
from support.keras_models import train_lab_network
from support.notebook_outputs import (
    CHECK_CELLS,
    code_cells,
    figure_cells,
    prose_pictures,
    trained_weights,
)
from testbook import testbook

MAIN_TAGS = ["setup", "parameters", "data", "training"]  # enough to train the network


@pytest.fixture(scope="module")
def stored(root):
    return nbformat.read(root / run_notebook.NOTEBOOK.name, as_version=4)


def tagged(nb, tag):
    return [c for c in code_cells(nb) if tag in c.metadata.get("tags", [])]


def test_parameters_cell_holds_one_integer_seed(stored):
    (cell,) = tagged(stored, "parameters")
    (statement,) = ast.parse(cell.source).body
    assert isinstance(statement, ast.Assign)
    assert [t.id for t in statement.targets] == ["seed"]
    assert type(statement.value.value) is int  # one literal a reader can change
    # it comes right after the setup cell, before anything uses it
    cells = code_cells(stored)
    assert cells.index(cell) == 1
    (training,) = tagged(stored, "training")
    assert "set_random_seed(seed)" in training.source


def test_every_code_cell_has_a_tag_of_its_own(stored):
    names = [tag for c in code_cells(stored) for tag in c.metadata.get("tags", [])]
    assert len(names) == len(code_cells(stored)) == len(set(names))
    assert set(MAIN_TAGS + ["decision-regions", "trace", "replay"]) <= set(names)


@pytest.fixture(scope="module")
def papermill_run(root, stored, tmp_path_factory):
    """The README's papermill command (seed 7) on the lab plus the weight-printing cells,
    run from a folder holding the pictures; the path of the executed notebook."""
    folder = tmp_path_factory.mktemp("papermill")
    shutil.copytree(root / "images", folder / "images")
    nb = copy.deepcopy(stored)
    nb.cells.extend(nbformat.v4.new_code_cell(src) for src in CHECK_CELLS)
    source, out = folder / "lab.ipynb", folder / "seed7.ipynb"
    nbformat.write(nb, source)
    done = subprocess.run([sys.executable, "-m", "papermill", str(source), str(out),
                           "-p", "seed", "7", "--cwd", str(root), "--no-progress-bar"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "does not contain a cell with tag" not in done.stderr
    return out


def test_papermill_trains_the_seed_it_is_given(papermill_run, lab_data):
    ran = nbformat.read(papermill_run, as_version=4)
    (injected,) = tagged(ran, "injected-parameters")
    assert "seed = 7" in injected.source
    by_papermill = trained_weights(ran)
    # an independent training with seed 7, in this process, as the notebook trains
    X, y = lab_data
    model = train_lab_network(X, y, seed=7)
    for got, expected in zip(by_papermill, model.get_weights(), strict=True):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    default = train_lab_network(X, y, seed=1234).get_weights()
    assert not np.allclose(by_papermill[0], default[0])  # not the default seed's network


def test_readme_page_of_the_papermill_run_shows_every_figure(papermill_run, stored):
    done = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html",
                           "--ClearMetadataPreprocessor.enabled=True",
                           "--HTMLExporter.embed_images=True", str(papermill_run)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    page = BeautifulSoup(papermill_run.with_suffix(".html").read_text(), "html.parser")
    sources = [img["src"] for img in page.find_all("img")]
    figures = len(figure_cells(stored))
    assert len(sources) == figures + len(prose_pictures(stored))
    assert all(src.startswith("data:image/png;base64,") for src in sources)
    assert "application/vnd.jupyter.widget-view+json" not in str(page)


def test_testbook_runs_cells_by_tag(root):
    with testbook(root / run_notebook.NOTEBOOK.name, execute=MAIN_TAGS, timeout=300) as tb:
        assert tb.value("seed") == 1234
        assert tb.value("len(weight_history.epochs)") == 201  # epoch 0 and 200 more
        assert tb.value("'W1' in globals()") is False  # the layer-1 cell did not run


def test_notebook_alone_stops_in_its_first_code_cell(stored, tmp_path):
    nb = copy.deepcopy(stored)
    with pytest.raises(CellExecutionError):
        run_notebook.execute(nb, cwd=tmp_path)
    first, *rest = code_cells(nb)
    (error,) = first.outputs
    assert error.output_type == "error"
    assert error.ename == "ModuleNotFoundError"
    message = error.evalue
    for missing in ("lab_utils_multiclass_TF.py", "lab_utils_common.py", "lab_helpers"):
        assert missing in message
    assert '%pip install "git+<the repository\'s URL>"' in message
    assert all(c.execution_count is None and not c.outputs for c in rest)


def test_readme_nbmake_command_runs_the_lab_and_keeps_its_outputs(root, stored, tmp_path):
    for name in ("lab_utils_multiclass_TF.py", "lab_utils_common.py"):
        shutil.copy(root / name, tmp_path / name)
    for folder in ("lab_helpers", "images"):
        shutil.copytree(root / folder, tmp_path / folder)
    lab = tmp_path / run_notebook.NOTEBOOK.name
    shutil.copy(root / run_notebook.NOTEBOOK.name, lab)
    done = subprocess.run([sys.executable, "-m", "pytest", "--nbmake", "--overwrite",
                           "-p", "no:cacheprovider", "-q", lab.name],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("1 passed")
    ran = nbformat.read(lab, as_version=4)
    assert all(c.execution_count for c in code_cells(ran))
    shown = [c for c in figure_cells(ran) if any("image/png" in o.get("data", {})
                                                 for o in c.outputs)]
    assert len(shown) == len(figure_cells(stored))
