"""benchmarks/bench.py in quick mode: every section is there, with positive numbers; its
targets and table (benchmarks/targets.py, benchmarks/report.py) judge and print them.

Nothing here asserts a timing: a benchmark is not a test.
"""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.notebook  # runs the notebook in two kernels

FIGURES = {"plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear"}


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


def test_explorer_update_is_measured(bench, root):
    done, result = bench
    assert "plt_training_explorer(" in (root / "C2_W2_Multiclass_TF.ipynb").read_text()
    explorer = result["explorer"]
    assert explorer["available"] and explorer["status"] == "measured"
    lines = done.stdout.splitlines()
    row = next(line for line in lines if line.startswith("(g)"))
    assert f"{explorer['seconds'] * 1000:.1f} ms" in row
    assert explorer["redraw_seconds"] > 0
    redraw_row = lines[lines.index(row) + 1]
    assert redraw_row.lstrip().startswith("explorer full redraw (Agg)")
    assert f"{explorer['redraw_seconds'] * 1000:.1f} ms" in redraw_row
    (target,) = [t for t in result["targets"] if t["name"] == "explorer full redraw"]
    assert target["target"] == "<= 300 ms on Agg"
    assert target["met"] == (explorer["redraw_seconds"] <= 0.3)


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
    import measure_figures
    import report
    import targets

    trace = measure_figures.measure_trace_update({}, 3)  # a notebook that never calls it
    assert trace == {"available": True, "seconds": None,
                     "status": "not measured (the notebook does not call plt_forward_trace)"}
    result = {**bench[1], "trace": trace}
    result["targets"] = targets.evaluate_targets(result)
    row = next(line for line in report.format_table(result).splitlines()
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


def test_every_target_is_printed(bench):
    done, result = bench
    names = [t["name"] for t in result["targets"]]
    assert len(names) == len(set(names)) == 4 + 7 + 2  # 4 figures, 7 other, 2 seed atlas
    targets = done.stdout.split("targets:", 1)[1]
    for target in result["targets"]:
        line = f"{script_verdict(target['met'])} {target['name']}: {target['target']}"
        assert line in " ".join(targets.split()), line


def script_verdict(met):
    return {True: "met", False: "NOT met", None: "n/a"}[met]


def synthetic_result(**changes):
    """A benchmark result with every number just inside its target."""
    fig = {"seconds": 0.09, "empty_layout_seconds": 0.02}
    result = {
        "ratio": 1.49, "figures": {name: dict(fig) for name in FIGURES},
        "decision_regions": {"sizes": [10**4, 10**5, 10**6], "seconds": [0.1, 0.5, 2.9],
                             "growth": [5.0, 5.8]},
        "explorer": {"seconds": 0.049, "redraw_seconds": 0.29}, "trace": {"seconds": 0.049},
        "import": {"seconds": 0.49, "heavy_modules": []},
        "memory": {"kernel_peak_rss_mib": 600.0, "bench_peak_rss_mib": 700.0},
        "atlas": {"counts": [1, 8, 16, 100], "ratio_to_one": [1.0, 3.0, 4.0, 30.0]},
    }
    for path, value in changes.items():
        *keys, last = path.split("__")
        target = result
        for key in keys:
            target = target[key]
        target[last] = value
    return result


@pytest.mark.parametrize(("changes", "name", "met"), [
    ({}, None, True),
    ({"ratio": 1.51}, "headless notebook / floor", False),
    ({"figures__plt_mc": {"seconds": 0.11, "empty_layout_seconds": 0.02}}, "plt_mc", False),
    # slower than 0.1 s, but within 1.5x of an empty layout that takes most of 0.1 s
    ({"figures__plt_mc": {"seconds": 0.2, "empty_layout_seconds": 0.14}}, "plt_mc", True),
    ({"figures__plt_mc": {"seconds": 0.22, "empty_layout_seconds": 0.14}}, "plt_mc", False),
    ({"decision_regions__seconds": [0.1, 0.5, 3.1]}, "decision regions, 10^6 points", False),
    ({"decision_regions__growth": [5.0, 12.5]}, "decision regions, 10^6 points", False),
    ({"decision_regions__sizes": [10**2, 10**3, 10**4]}, "decision regions, 10^6 points",
     None),
    ({"explorer__seconds": 0.051}, "explorer slider update", False),
    ({"explorer__seconds": None}, "explorer slider update", None),
    ({"explorer__redraw_seconds": 0.31}, "explorer full redraw", False),
    ({"explorer__redraw_seconds": None}, "explorer full redraw", None),
    ({"trace__seconds": 0.051}, "trace point update", False),
    ({"import__seconds": 0.51}, "import lab_utils_multiclass_TF", False),
    ({"import__heavy_modules": ["tensorflow"]}, "import lab_utils_multiclass_TF", False),
    ({"atlas__ratio_to_one": [1.0, 3.0, 4.1, 30.0]}, "seed atlas, 16 seeds", False),
])
def test_target_verdicts(root, monkeypatch, changes, name, met):
    monkeypatch.syspath_prepend(str(root / "benchmarks"))
    import targets

    verdicts = {t["name"]: t["met"] for t in targets.evaluate_targets(synthetic_result(**changes))}
    expected = dict.fromkeys(verdicts, True)
    if name is not None:
        expected[name] = met
    assert verdicts == expected
