"""benchmarks/bench.py in quick mode: every section is there, with positive numbers.

Nothing here asserts a timing: a benchmark is not a test.
"""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.notebook  # runs the notebook in two kernels

FIGURES = {"plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear"}
NOT_AVAILABLE = "not available (explorer not implemented)"


@pytest.fixture(scope="module")
def bench(tmp_path_factory, root):
    """The quick benchmark's printed table and JSON; warnings turned into errors."""
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    done = subprocess.run(
        [sys.executable, "-W", "error", str(root / "benchmarks" / "bench.py"),
         "--quick", "--out", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done, json.loads(out.read_text())


def test_runs_cleanly_and_prints_the_table(bench):
    done, _ = bench
    assert done.stderr == ""
    for label in ["machine:", "(a) floor", "(b) whole notebook", "(c) ratio", "(d) training",
                  "(e) figure", "(f) decision regions", "(g) explorer", "(h) peak RSS",
                  "(i) import lab_utils_multiclass_TF", "(j) trace point update", "targets:"]:
        assert label in done.stdout


def test_has_every_section(bench):
    _, result = bench
    assert set(result) >= {"machine", "floor", "notebook", "ratio", "training_cell",
                           "figures", "decision_regions", "explorer", "memory", "import",
                           "trace", "targets"}
    assert result["mode"] == "quick"


def test_machine_info(bench):
    machine = bench[1]["machine"]
    assert machine["cores"] > 0
    for lib in ["python", "tensorflow", "keras", "numpy", "matplotlib"]:
        assert machine[lib][0].isdigit()


def test_kernel_numbers_are_positive(bench):
    _, result = bench
    assert result["floor"]["seconds"] > 0
    assert result["notebook"]["seconds"] > 0
    assert result["ratio"] > 0
    assert result["training_cell"]["seconds"] > 0
    assert all(v > 0 for v in result["notebook"]["breakdown"].values())


def test_every_figure_against_its_empty_layout(bench):
    figures = bench[1]["figures"]
    assert set(figures) == FIGURES
    for fig in figures.values():
        assert fig["seconds"] > 0 and fig["empty_layout_seconds"] > 0 and fig["ratio_to_empty"] > 0


def test_decision_regions_at_three_sizes(bench):
    regions = bench[1]["decision_regions"]
    assert len(regions["sizes"]) == len(regions["seconds"]) == 3
    assert regions["sizes"] == sorted(regions["sizes"])
    assert all(s > 0 for s in regions["seconds"])
    assert len(regions["growth"]) == 2 and all(g > 0 for g in regions["growth"])


def test_explorer_is_measured_or_said_to_be_missing(bench, root):
    import lab_utils_multiclass_TF as lab

    done, result = bench
    explorer = result["explorer"]
    called = "plt_training_explorer(" in (root / "C2_W2_Multiclass_TF.ipynb").read_text()
    if not hasattr(lab, "plt_training_explorer"):
        assert not explorer["available"] and explorer["seconds"] is None
        assert NOT_AVAILABLE in done.stdout
    elif called:
        assert explorer["available"] and explorer["seconds"] > 0
    else:
        assert explorer["available"] and explorer["status"] in done.stdout


def test_trace_update_is_measured_with_a_verdict(bench, root):
    done, result = bench
    assert "plt_forward_trace(" in (root / "C2_W2_Multiclass_TF.ipynb").read_text()
    trace = result["trace"]
    assert trace["available"] and trace["status"] == "measured" and trace["seconds"] > 0
    row = next(line for line in done.stdout.splitlines() if line.startswith("(j)"))
    assert f"{trace['seconds'] * 1000:.1f} ms" in row
    (target,) = [t for t in result["targets"] if t["name"] == "trace point update"]
    assert target["target"] == "<= 50 ms" and target["met"] == (trace["seconds"] <= 0.05)
    assert row.endswith("met")  # "met" or "NOT met"


def test_trace_row_says_why_it_is_not_measured(bench, root, monkeypatch):
    monkeypatch.syspath_prepend(str(root / "benchmarks"))
    import bench as script

    trace = script.measure_trace_update({}, 3)  # a notebook that never calls it
    assert trace == {"available": True, "seconds": None,
                     "status": "not measured (the notebook does not call plt_forward_trace)"}
    result = {**bench[1], "trace": trace}
    result["targets"] = script.evaluate_targets(result)
    row = next(line for line in script.format_table(result).splitlines()
               if line.startswith("(j)"))
    assert trace["status"] in row and row.endswith("n/a")


def test_import_is_measured_without_heavy_modules(bench):
    imported = bench[1]["import"]
    assert 0 < imported["seconds"] < imported["process_seconds"]
    assert imported["heavy_modules"] == []


def test_peak_memory_of_the_kernel_and_the_bench(bench):
    memory = bench[1]["memory"]
    assert memory["kernel_is_child"]
    assert memory["kernel_peak_rss_mib"] > 0
    assert memory["bench_peak_rss_mib"] > 0


def test_every_target_has_a_verdict(bench):
    done, result = bench
    assert len(result["targets"]) >= 8
    for target in result["targets"]:
        assert target["met"] in (True, False, None)
        assert target["name"] in done.stdout


def test_explorer_row_says_not_available_without_the_explorer(bench, root, monkeypatch):
    monkeypatch.syspath_prepend(str(root / "benchmarks"))
    import bench as script

    monkeypatch.delattr(script.lab, "plt_training_explorer", raising=False)
    result = {**bench[1], "explorer": script.measure_explorer_update({}, 3)}
    assert result["explorer"] == {"available": False, "seconds": None, "status": NOT_AVAILABLE}
    result["targets"] = script.evaluate_targets(result)
    row = next(line for line in script.format_table(result).splitlines()
               if line.startswith("(g)"))
    assert NOT_AVAILABLE in row and row.endswith("n/a")
