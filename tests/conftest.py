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
from notebook_outputs import WEIGHT_DIGEST_CELL  # noqa: E402


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def executed_notebook():
    """The lab executed headlessly, as `make run` does, plus a cell printing a weight digest."""
    return run_notebook.execute(extra_cells=[WEIGHT_DIGEST_CELL])


@pytest.fixture(scope="session")
def executed_again():
    """A second, independent execution (fresh kernel) for the reproducibility checks."""
    return run_notebook.execute(extra_cells=[WEIGHT_DIGEST_CELL])
