"""The notebook as stored in the repository."""

import json
import re

import nbformat
import pytest
from support.notebook_outputs import prose_pictures

NOTEBOOK = "C2_W2_Multiclass_TF.ipynb"


@pytest.fixture(scope="module")
def stored(root):
    return nbformat.read(root / NOTEBOOK, as_version=4)


def test_is_valid_nbformat(stored):
    nbformat.validate(stored)


def test_is_stored_without_outputs_or_execution_counts(root):
    raw = json.loads((root / NOTEBOOK).read_text())
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    assert "widgets" not in raw["metadata"]


def test_uses_interactive_figures(stored):
    assert any("%matplotlib widget" in c.source for c in stored.cells if c.cell_type == "code")


def test_images_it_shows_exist(stored, root):
    paths = prose_pictures(stored)
    assert "images/network.png" in paths
    for path in paths:
        assert not path.startswith(("http:", "https:", "/"))
        assert (root / path).is_file(), path


def test_the_network_it_trains_is_the_lab_network(stored):
    code = "\n".join(c.source for c in stored.cells if c.cell_type == "code")
    assert "random_state=30" in code
    (training,) = [c.source for c in stored.cells if "model.fit(" in c.source]
    # seeded, built, compiled and trained in one cell: running it again starts afresh
    assert re.match(r"tf\.keras\.utils\.set_random_seed\(seed\)", training)
    assert re.search(r'Dense\(2, activation="relu", name="L1"\)', training)
    assert re.search(r'Dense\(4, activation="linear", name="L2"\)', training)
    assert "SparseCategoricalCrossentropy(from_logits=True)" in training
    assert "Adam(0.01)" in training
    assert "epochs=200" in training
    assert "steps_per_execution" not in training  # it changed nothing measurable
