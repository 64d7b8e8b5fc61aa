"""Fixtures of the unit tests that more than one file uses."""

import pytest

import lab_utils_multiclass_TF as mc

EXPLORER_RESOLUTION = 40  # grid points per side: coarse, so the explorer draws quickly


@pytest.fixture
def explorer(lab_data, recorded_training):
    """The training explorer of the recorded training run, closed after the test."""
    X, y = lab_data
    ex = mc.plt_training_explorer(X, y, recorded_training[1], 4, resolution=EXPLORER_RESOLUTION)
    yield ex
    ex.close()
