"""benchmarks/atlas_bench.py: its measurement's shape, and how it judges and prints ratios.

Nothing here asserts a timing: a benchmark is not a test.
"""

import sys

import pytest


@pytest.fixture(scope="module")
def atlas_bench(root):
    sys.path.insert(0, str(root / "benchmarks"))
    import atlas_bench

    return atlas_bench


def made_up(counts, seconds):
    return {"counts": counts, "seconds": seconds, "repeats": 1, "epochs": 200,
            "ratio_to_one": [s / seconds[0] for s in seconds]}


def test_measures_each_count_with_its_ratio_to_one_seed(atlas_bench, lab_data):
    result = atlas_bench.measure(*lab_data, repeats=1, counts=(1, 3), epochs=2)
    assert result["counts"] == [1, 3] and result["epochs"] == 2
    assert all(s > 0 for s in result["seconds"])
    assert result["ratio_to_one"] == [1.0, result["seconds"][1] / result["seconds"][0]]


def test_judges_eight_and_sixteen_seeds_against_their_ratio_targets(atlas_bench):
    result = made_up([1, 8, 16, 100], [0.1, 0.3, 0.41, 2.0])  # 3.0x: met; 4.1x: not met
    judged = {t["name"]: t["met"] for t in atlas_bench.targets(result)}
    assert judged == {"seed atlas, 8 seeds": True, "seed atlas, 16 seeds": False}


def test_a_count_not_measured_cannot_be_judged(atlas_bench):
    judged = {t["name"]: t["met"] for t in atlas_bench.targets(made_up([1, 8], [0.1, 0.2]))}
    assert judged["seed atlas, 16 seeds"] is None


def test_prints_one_row_per_count(atlas_bench):
    result = made_up([1, 8], [0.1, 0.25])
    rows = atlas_bench.rows(result, {"seed atlas, 8 seeds": "met"})
    assert rows == [("(k) seed atlas, 200 epochs (ratio to 1 seed)", "", ""),
                    ("    1 seed", "0.100 s (1.0x)", ""),
                    ("    8 seeds", "0.250 s (2.5x)", "met")]
