"""Shared fixtures: paths, and executed copies of the lab notebook."""

import os
import sys
from pathlib import Path

import pytest

# TensorFlow: no start-up notices on stderr, standard CPU kernels (as the notebook sets).
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import run_notebook  # noqa: E402
from support.notebook_outputs import CHECK_CELLS  # noqa: E402


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def executed_notebook():
    """The lab executed headlessly, as `make run` does, plus cells printing its weights."""
    return run_notebook.execute(extra_cells=CHECK_CELLS)


@pytest.fixture(scope="session")
def notebook_at_seed(root, executed_notebook):
    """``run(seed)``: the lab executed with that seed (each seed once per session)."""
    import nbformat
    from support.notebook_outputs import cell_containing

    runs = {1234: executed_notebook}

    def run(seed):
        if seed not in runs:
            nb = nbformat.read(root / run_notebook.NOTEBOOK.name, as_version=4)
            cell = cell_containing(nb, "seed = 1234 ")  # the parameters cell
            cell.source = cell.source.replace("seed = 1234 ", f"seed = {seed} ")
            runs[seed] = run_notebook.execute(nb, extra_cells=CHECK_CELLS)
        return runs[seed]

    return run


@pytest.fixture(scope="session")
def executed_again():
    """A second, independent execution (fresh kernel) for the reproducibility checks."""
    return run_notebook.execute(extra_cells=CHECK_CELLS)


LAB_CENTERS = [[-5, 2], [-2, -2], [1, 2], [5, -2]]


@pytest.fixture(scope="session")
def lab_data():
    """The lab's data set: X (100, 2), y (100,)."""
    from sklearn.datasets import make_blobs

    return make_blobs(n_samples=100, centers=LAB_CENTERS, cluster_std=1.0, random_state=30)


@pytest.fixture(scope="session")
def lab_model(lab_data):
    """The lab's network trained as the notebook trains it (seed 1234): 100% on lab_data."""
    from support.keras_models import train_lab_network

    return train_lab_network(*lab_data)


@pytest.fixture(scope="session")
def recorded_training(lab_data):
    """The lab network trained as the notebook trains it, with a WeightHistory of every
    epoch: (model, history)."""
    from support.keras_models import train_lab_network

    import lab_utils_multiclass_TF as mc

    history = mc.WeightHistory(*lab_data)
    return train_lab_network(*lab_data, [history]), history


@pytest.fixture(scope="session")
def recorded_history(recorded_training):
    return recorded_training[1]


@pytest.fixture(scope="session")
def lab_weights(lab_model):
    """(W1, b1, W2, b2) of the trained lab network."""
    return (*lab_model.get_layer("L1").get_weights(), *lab_model.get_layer("L2").get_weights())


@pytest.fixture(autouse=True)
def _no_figures_left_open():
    """Every test closes what it opens."""
    import matplotlib.pyplot as plt

    yield
    plt.close("all")
