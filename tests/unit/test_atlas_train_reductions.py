"""The training's row reductions over the last axis, against plain Python on each row."""

import numpy as np
import pytest

from lab_helpers.atlas_train import _last_axis_max, _last_axis_sum


@pytest.mark.parametrize("k", [1, 2, 4, 7])
def test_row_max_and_sum_match_each_rows_own(k):
    rows = np.random.default_rng(k).normal(size=(3, 5, k)).astype(np.float32)
    biggest, total = _last_axis_max(rows), _last_axis_sum(rows)
    assert biggest.shape == total.shape == (3, 5, 1)
    assert biggest.dtype == total.dtype == np.float32
    for index in np.ndindex(3, 5):
        row = rows[index].tolist()
        assert biggest[index][0] == max(row)
        running = np.float32(0)
        for value in row:  # float32, left to right
            running = np.float32(running + np.float32(value))
        assert total[index][0] == running
