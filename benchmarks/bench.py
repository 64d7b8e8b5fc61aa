"""Benchmark of the lab: headless run against its floor, training, figures, scaling, memory.

Usage: ``python benchmarks/bench.py [--quick] [--out build/bench.json]`` (``make bench``).

Prints a table and writes the numbers as JSON. Every number is the median of
repeats taken in this one invocation, and every ratio compares numbers of this
invocation only (the machine may be shared and noisy). The work is split by job:
measure_processes (kernels and imports, (a)-(d), (h), (i)), measure_figures
(figures on Agg, (e)-(g), (j)), atlas_bench (the seed atlas, (k)), targets (the
verdicts) and report (table and JSON).

``--quick`` keeps every section with fewer repeats and smaller data (for the tests).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT), str(ROOT / "tools")]

# As `make run` and the notebook: no TensorFlow notices, standard CPU kernels.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import matplotlib

matplotlib.use("Agg")  # figures are timed without a front end

import atlas_bench
import measure_figures as figures
import measure_processes as processes
import nbformat
import run_notebook
from report import format_table, write_json
from targets import evaluate_targets


@dataclass(frozen=True)
class Plan:
    """How much to measure."""

    kernel_runs: int          # pairs of (floor, whole notebook) kernels, interleaved
    figure_repeats: int
    sizes: tuple[int, ...]    # numbers of points for the decision regions
    size_repeats: tuple[int, ...]
    explorer_repeats: int
    import_repeats: int
    trace_repeats: int


FULL = Plan(kernel_runs=5, figure_repeats=7, sizes=(10**4, 10**5, 10**6),
            size_repeats=(5, 5, 3), explorer_repeats=20, import_repeats=9, trace_repeats=30)
QUICK = Plan(kernel_runs=1, figure_repeats=3, sizes=(10**2, 10**3, 10**4),
             size_repeats=(3, 3, 3), explorer_repeats=3, import_repeats=3, trace_repeats=3)


def run(plan, mode):
    """Measure everything ``plan`` says; the result with its targets judged."""
    nb = nbformat.read(run_notebook.NOTEBOOK, as_version=4)
    # Kernels first, while this process is still small and idle.
    floors, fulls = processes.measure_kernels(nb, plan.kernel_runs)
    result = {"mode": mode, "machine": processes.machine_info(), "repeats": asdict(plan)}
    result.update(processes.summarise_kernels(nb, floors, fulls))
    memory = processes.kernel_memory(floors + fulls)
    made = processes.notebook_objects(nb, (*figures.FIGURES, figures.EXPLORER, figures.TRACE))
    calls = made["calls"]
    figures.check_calls(calls)
    result["figures"] = figures.measure_figures(calls, plan.figure_repeats)
    result["decision_regions"] = figures.measure_decision_regions(made, plan.sizes,
                                                                  plan.size_repeats)
    result["explorer"] = figures.measure_explorer_update(calls, plan.explorer_repeats)
    result["import"] = processes.measure_import(plan.import_repeats)
    result["trace"] = figures.measure_trace_update(calls, plan.trace_repeats)
    X_train, y_train = calls["plt_mc"][0][:2]  # the lab's data, as the notebook passes it
    result["atlas"] = atlas_bench.measure(
        X_train, y_train,
        repeats=atlas_bench.QUICK_REPEATS if mode == "quick" else atlas_bench.FULL_REPEATS)
    memory["bench_peak_rss_mib"] = processes.own_peak_rss_mib()
    result["memory"] = memory
    result["targets"] = evaluate_targets(result)
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats and smaller data, every section (for the tests)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json",
                        help="where to write the JSON (default: build/bench.json)")
    args = parser.parse_args(argv)
    result = run(QUICK if args.quick else FULL, "quick" if args.quick else "full")
    print(format_table(result))
    write_json(result, args.out)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
