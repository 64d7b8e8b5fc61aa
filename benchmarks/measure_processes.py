"""Benchmark of the lab: headless run against its floor, training, figures, scaling, memory.

Usage: ``python benchmarks/bench.py [--quick] [--out build/bench.json]`` (``make bench``).

Prints a table and writes the numbers as JSON. Every number is the median of
repeats taken in this one invocation, and every ratio compares numbers of this
invocation only (the machine may be shared and noisy).

(a) floor: a fresh kernel that runs only the notebook's first code cell (imports)
(b) the whole notebook in a fresh kernel, executed as ``make run`` does
(c) (b) / (a)
(d) the training cell, timed by the kernel that runs the notebook
(e) each lab figure built and drawn on Agg, against the same axes layout drawn empty
(f) decision regions (``plt_cat_mc``) for growing numbers of points
(g) the training explorer's slider update, once the lab has an explorer
(h) peak RSS of the notebook's kernel and of this process
(i) ``import lab_utils_multiclass_TF`` in a fresh interpreter (no TensorFlow, no Keras)
(j) one move of the traced point (``plt_forward_trace``), what a click on its data panel does

``--quick`` keeps every section with fewer repeats and smaller data (for the tests).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import gc
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

# As `make run` and the notebook: no TensorFlow notices, standard CPU kernels.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import matplotlib

matplotlib.use("Agg")  # figures are timed without a front end

import keras
import matplotlib.pyplot as plt
import nbformat
import numpy as np
import run_notebook
import tensorflow as tf
from matplotlib.cm import ScalarMappable
from sklearn.datasets import make_blobs

import lab_utils_multiclass_TF as lab
from lab_utils_common import lab_style

FIGURES = ("plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear")
TRAINING_CELL = "model.fit("  # the code cell that contains this is the training cell
EXPLORER = "plt_training_explorer"
TRACE = "plt_forward_trace"

# Targets (issue 8).
RATIO_MAX = 1.5              # headless notebook / floor
FIGURE_BUDGET = 0.1          # seconds per figure ...
EMPTY_LAYOUT_FACTOR = 1.5    # ... or this close to matplotlib's own empty layout,
MOST_OF_BUDGET = 0.5         # where that layout alone takes most of the budget
LARGEST_N_BUDGET = 3.0       # seconds for the decision regions of 10^6 points
LINEAR_GROWTH_MAX = 12.0     # per 10x more points (10 is exactly linear)
EXPLORER_BUDGET = 0.05       # seconds per slider update
TRACE_BUDGET = 0.05          # seconds per move of the traced point (issue 14)
IMPORT_BUDGET = 0.5          # seconds for importing the helpers in a fresh interpreter

# Appended to both kernel runs (floor and whole notebook), so its few
# milliseconds cancel out in the ratio. It tells whether the kernel is our child
# process (then RUSAGE_CHILDREN covers it) and its own peak RSS.
PROBE_CELL = (
    "import json as _json, os as _os, resource as _resource\n"
    "print(_json.dumps({'ppid': _os.getppid(),\n"
    "                   'maxrss': _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss}))"
)


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


# ---------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------
def machine_info():
    return {
        "cores": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "numpy": np.__version__,
        "matplotlib": matplotlib.__version__,
    }


def rss_mib(maxrss):
    """``ru_maxrss`` in MiB: it is KiB on Linux, bytes on macOS."""
    return maxrss / 2**20 if sys.platform == "darwin" else maxrss / 2**10


# ---------------------------------------------------------------------------
# (a)-(d), (h): kernels, run by tools/run_notebook.py as `make run` runs them
# ---------------------------------------------------------------------------
def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def floor_notebook(nb):
    """The notebook cut down to its first code cell: the imports."""
    floor = copy.deepcopy(nb)
    floor.cells = code_cells(floor)[:1]
    return floor


def _stamp(cell, event):
    """A kernel timestamp that nbclient stored (``record_timing``), as epoch seconds."""
    return datetime.fromisoformat(cell.metadata.execution[event]).timestamp()


def cell_seconds(cell):
    """Time the kernel spent on the cell: from receiving the code to replying."""
    return _stamp(cell, "shell.execute_reply") - _stamp(cell, "iopub.execute_input")


def run_kernel(nb):
    """Execute a copy of ``nb`` plus the probe cell in a fresh kernel; time it and its cells.

    The cells are timed by the kernel's own message timestamps (nbclient's
    ``record_timing``), so the notebook runs unchanged: nothing is inserted
    between its cells.
    """
    nb = copy.deepcopy(nb)
    wall_start, start = time.time(), time.perf_counter()
    run_notebook.execute(nb, extra_cells=[PROBE_CELL], record_timing=True)
    seconds = time.perf_counter() - start
    wall_end = time.time()
    *cells, probe = code_cells(nb)
    return {
        "seconds": seconds,
        "kernel_start": _stamp(cells[0], "iopub.status.busy") - wall_start,
        "shutdown": wall_end - _stamp(probe, "iopub.status.idle"),
        "cells": [cell_seconds(c) for c in cells],
        "probe": json.loads(probe.outputs[-1]["text"]),
    }


def measure_kernels(nb, runs):
    """Floor and whole-notebook kernels, alternated so that drift hits both alike."""
    floors, fulls = [], []
    for _ in range(runs):
        floors.append(run_kernel(floor_notebook(nb)))
        fulls.append(run_kernel(nb))
    return floors, fulls


def summarise_kernels(nb, floors, fulls):
    sources = [c.source for c in code_cells(nb)]
    training = next(i for i, src in enumerate(sources) if TRAINING_CELL in src)
    med = statistics.median
    per_cell = [med(run["cells"][i] for run in fulls) for i in range(len(sources))]
    floor_s, full_s = med(r["seconds"] for r in floors), med(r["seconds"] for r in fulls)
    return {
        "floor": {"seconds": floor_s, "runs": [r["seconds"] for r in floors],
                  "import_cell_seconds": med(r["cells"][0] for r in floors)},
        "notebook": {
            "seconds": full_s,
            "runs": [r["seconds"] for r in fulls],
            "breakdown": {
                "kernel_start": med(r["kernel_start"] for r in fulls),
                "import_cell": per_cell[0],
                "training_cell": per_cell[training],
                "other_cells": med(sum(r["cells"]) - r["cells"][0] - r["cells"][training]
                                   for r in fulls),
                "shutdown": med(r["shutdown"] for r in fulls),
            },
            "cells": [{"first_line": src.splitlines()[0], "seconds": s}
                      for src, s in zip(sources, per_cell, strict=True)],
        },
        "ratio": full_s / floor_s,
        "training_cell": {"seconds": per_cell[training],
                          "runs": [r["cells"][training] for r in fulls]},
    }


def kernel_memory(runs):
    """Peak RSS of the kernels. Read after they have exited and been reaped."""
    is_child = all(r["probe"]["ppid"] == os.getpid() for r in runs)
    in_kernel = max(rss_mib(r["probe"]["maxrss"]) for r in runs)
    # RUSAGE_CHILDREN holds the largest reaped child: the whole-notebook kernel.
    children = rss_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {
        "kernel_is_child": is_child,
        "kernel_peak_rss_mib": children if is_child else in_kernel,
        "kernel_peak_rss_in_kernel_mib": in_kernel,
    }


# ---------------------------------------------------------------------------
# (e)-(g): the notebook's code run in this process, figures on Agg
# ---------------------------------------------------------------------------
def python_source(cell):
    """A code cell with ``pass`` for each IPython magic (``%matplotlib widget`` picks a
    front-end backend; here everything draws on Agg). ``pass`` keeps an ``if`` around a
    magic valid Python."""
    lines = cell.source.splitlines()
    return "\n".join(line[:len(line) - len(line.lstrip())] + "pass"
                     if line.lstrip().startswith(("%", "!")) else line for line in lines)


def run_in_process(nb):
    """Run the notebook's code here; return its namespace and each figure call's arguments.

    So the figures are timed with the lab's data, the model trained exactly as
    the notebook trains it, and the arguments the notebook passes.
    """
    ns = {"__name__": "__lab_notebook__"}
    calls = {}
    for i, cell in enumerate(code_cells(nb)):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(python_source(cell), f"<notebook cell {i}>", "exec"), ns)
        for name in (*FIGURES, EXPLORER, TRACE):  # record calls, once a cell imports them
            if name in ns and not hasattr(ns[name], "records"):
                ns[name] = _recording(name, ns[name], calls)
        plt.close("all")
    missing = set(FIGURES) - set(calls)
    if missing:
        raise RuntimeError(f"the notebook no longer calls {sorted(missing)}")
    return ns, calls


def _recording(name, func, calls):
    """``func``, keeping the arguments of its first call (e.g. ``plt_cat_mc`` without the
    options a later cell adds)."""
    def record(*args, **kwargs):
        calls.setdefault(name, (args, kwargs))
        return func(*args, **kwargs)
    record.records = name
    return record


def draw_seconds(make_figure):
    """Seconds from the call to after ``fig.canvas.draw()``; the figure is then closed."""
    gc.collect()  # no pending collection inside the timed part
    start = time.perf_counter()
    fig = make_figure()
    fig.canvas.draw()
    seconds = time.perf_counter() - start
    plt.close(fig)
    return seconds


@dataclass(frozen=True)
class Layout:
    """What a figure's axes look like without their content."""

    figsize: tuple[float, float]
    nrows: int
    ncols: int
    colorbars: tuple[bool, ...]  # one per panel: has a colour bar


def layout_of(fig):
    bars = {im.colorbar.ax for ax in fig.axes for im in ax.images if im.colorbar is not None}
    panels = [ax for ax in fig.axes if ax not in bars]
    nrows, ncols, *_ = panels[0].get_subplotspec().get_topmost_subplotspec().get_geometry()
    return Layout(tuple(float(v) for v in fig.get_size_inches()), int(nrows), int(ncols),
                  tuple(any(im.colorbar is not None for im in ax.images) for ax in panels))


def empty_figure(layout):
    """The layout drawn by matplotlib alone: same size, panels and colour bars, no data."""
    with lab_style():
        fig = plt.figure(figsize=layout.figsize)
        axes = fig.subplots(layout.nrows, layout.ncols, squeeze=False).ravel()
        for ax in axes[len(layout.colorbars):]:
            ax.remove()
        for ax, bar in zip(axes, layout.colorbars, strict=False):
            if bar:
                fig.colorbar(ScalarMappable(cmap="Greys"), ax=ax)
    return fig


def measure_figures(calls, repeats):
    """(e) Each lab figure and its empty layout, alternated, median of ``repeats``."""
    results = {}
    for name in FIGURES:
        func, (args, kwargs) = getattr(lab, name), calls[name]
        fig = func(*args, **kwargs)
        layout = layout_of(fig)
        plt.close(fig)
        times, empty = [], []
        for _ in range(repeats):
            times.append(draw_seconds(lambda f=func, a=args, k=kwargs: f(*a, **k)))
            empty.append(draw_seconds(lambda lay=layout: empty_figure(lay)))
        seconds, empty_s = statistics.median(times), statistics.median(empty)
        results[name] = {"seconds": seconds, "empty_layout_seconds": empty_s,
                         "ratio_to_empty": seconds / empty_s, "layout": asdict(layout)}
    return results


def measure_decision_regions(ns, sizes, repeats):
    """(f) ``plt_cat_mc`` on N points drawn from the lab's 4 blobs, with the trained model."""
    seconds = []
    for n, reps in zip(sizes, repeats, strict=True):
        X, y = make_blobs(n_samples=n, centers=ns["centers"], cluster_std=ns["std"],
                          random_state=30)
        seconds.append(statistics.median(
            draw_seconds(lambda X=X, y=y: lab.plt_cat_mc(X, y, ns["model"], ns["classes"]))
            for _ in range(reps)))
    growth = [b / a for a, b in zip(seconds, seconds[1:], strict=False)]
    return {"sizes": list(sizes), "seconds": seconds, "growth": growth}


def measure_explorer_update(calls, repeats):
    """(g) One step of the training explorer's epoch slider, median of ``repeats`` steps.

    The explorer is built as the notebook builds it and drawn once; each step
    moves to another recorded epoch with ``show_epoch``, which is what the
    slider's observer calls, and includes the redraw.
    """
    missing = not_measured(EXPLORER, calls)
    if missing:
        return missing
    args, kwargs = calls[EXPLORER]
    explorer = getattr(lab, EXPLORER)(*args, **kwargs)
    explorer.fig.canvas.draw()  # as first shown: at the last epoch
    epochs = explorer.history.epochs
    steps = epochs[np.linspace(0, len(epochs) - 2, repeats).round().astype(int)]
    show = explorer.show_epoch  # what the slider's observer calls
    seconds = statistics.median(update_seconds(explorer.fig, lambda e=int(e): show(e))
                                for e in steps)
    explorer.close()
    return {"available": True, "seconds": seconds, "status": "measured"}


def measure_trace_update(calls, repeats):
    """(j) One move of the traced point, what a click on the data panel does: median of
    ``repeats`` moves to points spread at random (seeded) over the data panel.

    The figure is built as the notebook builds it and drawn once (as when first
    shown); each move is ``move_to``, which redraws what it changed, plus any
    redraw it leaves pending.
    """
    missing = not_measured(TRACE, calls)
    if missing:
        return missing
    args, kwargs = calls[TRACE]
    view = getattr(lab, TRACE)(*args, **kwargs)
    view.fig.canvas.draw()
    data_panel = view.fig.axes[0]
    (x0, x1), (y0, y1) = data_panel.get_xlim(), data_panel.get_ylim()
    rng = np.random.default_rng(14)
    moves = np.column_stack([rng.uniform(x0, x1, repeats), rng.uniform(y0, y1, repeats)])
    seconds = statistics.median(update_seconds(view.fig, lambda p=p: view.move_to(p))
                                for p in moves)
    view.close()
    return {"available": True, "seconds": seconds, "status": "measured"}


def not_measured(name, calls):
    """Why the live figure ``name`` cannot be timed, as its result; None if it can."""
    if name not in calls:
        return {"available": True, "seconds": None,
                "status": f"not measured (the notebook does not call {name})"}
    return None


def update_seconds(fig, update):
    """Seconds for ``update()`` to change ``fig`` and show it."""
    gc.collect()
    start = time.perf_counter()
    update()
    if fig.stale:  # the backend deferred the redraw (draw_idle): do it now
        fig.canvas.draw()
    return time.perf_counter() - start


# ---------------------------------------------------------------------------
# (i): importing the helpers
# ---------------------------------------------------------------------------
IMPORT_PROBE = (
    "import time; start = time.perf_counter(); import lab_utils_multiclass_TF; "
    "seconds = time.perf_counter() - start; import json, sys; "
    "print(json.dumps([seconds, sorted({'tensorflow', 'keras'} & set(sys.modules))]))"
)


def measure_import(repeats):
    """(i) The import statement in a fresh interpreter started from another folder, and
    the whole process (interpreter start included); medians of ``repeats``."""
    statement, process, loaded = [], [], set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", IMPORT_PROBE], cwd=ROOT / "benchmarks",
                              env=env, capture_output=True, text=True, check=True)
        process.append(time.perf_counter() - start)
        seconds, names = json.loads(done.stdout)
        statement.append(seconds)
        loaded |= set(names)
        if done.stderr:
            raise RuntimeError(f"importing the helpers wrote to stderr: {done.stderr}")
    return {"seconds": statistics.median(statement),
            "process_seconds": statistics.median(process), "heavy_modules": sorted(loaded)}


# ---------------------------------------------------------------------------
# Targets, table, JSON
# ---------------------------------------------------------------------------
def figure_target_met(fig):
    seconds, empty = fig["seconds"], fig["empty_layout_seconds"]
    return seconds <= FIGURE_BUDGET or (
        empty >= MOST_OF_BUDGET * FIGURE_BUDGET and seconds <= EMPTY_LAYOUT_FACTOR * empty)


def evaluate_targets(result):
    """Each target with ``met`` True, False, or None (cannot be judged in this run)."""
    targets = [{"name": "headless notebook / floor", "target": f"<= {RATIO_MAX}x",
                "met": result["ratio"] <= RATIO_MAX}]
    for name, fig in result["figures"].items():
        targets.append({"name": name, "met": figure_target_met(fig),
                        "target": f"<= {FIGURE_BUDGET} s, or <= {EMPTY_LAYOUT_FACTOR}x "
                                  "an empty layout that takes most of it"})
    regions = result["decision_regions"]
    largest = regions["sizes"][-1] >= 10**6
    targets.append({
        "name": "decision regions, 10^6 points",
        "target": f"<= {LARGEST_N_BUDGET} s, growth <= {LINEAR_GROWTH_MAX}x per 10x",
        "met": (regions["seconds"][-1] <= LARGEST_N_BUDGET
                and max(regions["growth"]) <= LINEAR_GROWTH_MAX) if largest else None,
    })
    explorer = result["explorer"]["seconds"]
    targets.append({"name": "explorer slider update", "target": f"<= {EXPLORER_BUDGET * 1000:g} ms",
                    "met": None if explorer is None else explorer <= EXPLORER_BUDGET})
    trace = result["trace"]["seconds"]
    targets.append({"name": "trace point update", "target": f"<= {TRACE_BUDGET * 1000:g} ms",
                    "met": None if trace is None else trace <= TRACE_BUDGET})
    imported = result["import"]
    targets.append({"name": "import lab_utils_multiclass_TF",
                    "target": f"<= {IMPORT_BUDGET} s, without TensorFlow or Keras",
                    "met": imported["seconds"] <= IMPORT_BUDGET
                    and not imported["heavy_modules"]})
    memory = result["memory"]
    targets.append({"name": "peak RSS", "target": "reported",
                    "met": memory["kernel_peak_rss_mib"] > 0 and memory["bench_peak_rss_mib"] > 0})
    return targets


def verdict(met):
    return {True: "met", False: "NOT met", None: "n/a"}[met]


def format_table(result):
    m, nb, figs = result["machine"], result["notebook"], result["figures"]
    regions, memory = result["decision_regions"], result["memory"]
    met = {t["name"]: verdict(t["met"]) for t in result["targets"]}
    bd = nb["breakdown"]
    rows = [
        ("(a) floor: fresh kernel + import cell", f"{result['floor']['seconds']:.2f} s", ""),
        ("(b) whole notebook headless", f"{nb['seconds']:.2f} s", ""),
        ("    kernel start / imports / training",
         f"{bd['kernel_start']:.2f} / {bd['import_cell']:.2f} / {bd['training_cell']:.2f} s", ""),
        ("    other cells / kernel shutdown",
         f"{bd['other_cells']:.2f} / {bd['shutdown']:.2f} s", ""),
        ("(c) ratio (b)/(a)", f"{result['ratio']:.2f}x",
         f"<= {RATIO_MAX}x: {met['headless notebook / floor']}"),
        ("(d) training cell (in the kernel)", f"{result['training_cell']['seconds']:.2f} s", ""),
        ("(e) figure on Agg (empty layout, ratio)", "", ""),
    ]
    for name, fig in figs.items():
        rows.append((f"    {name}",
                     f"{fig['seconds']:.3f} s ({fig['empty_layout_seconds']:.3f} s, "
                     f"{fig['ratio_to_empty']:.1f}x)", met[name]))
    rows.append(("(f) decision regions, N points", "", ""))
    growth = [""] + [f", {g:.1f}x" for g in regions["growth"]]
    for n, seconds, g in zip(regions["sizes"], regions["seconds"], growth, strict=True):
        rows.append((f"    N = 10^{round(np.log10(n))}", f"{seconds:.3f} s{g}", ""))
    rows[-1] = (*rows[-1][:2], met["decision regions, 10^6 points"])
    explorer = result["explorer"]
    rows.append(("(g) explorer slider update",
                 explorer["status"] if explorer["seconds"] is None
                 else f"{explorer['seconds'] * 1000:.1f} ms", met["explorer slider update"]))
    rows.append(("(h) peak RSS: notebook kernel", f"{memory['kernel_peak_rss_mib']:.0f} MiB",
                 met["peak RSS"]))
    rows.append(("    peak RSS: this process", f"{memory['bench_peak_rss_mib']:.0f} MiB", ""))
    imported = result["import"]
    rows.append(("(i) import lab_utils_multiclass_TF",
                 f"{imported['seconds']:.3f} s ({imported['process_seconds']:.2f} s with "
                 "interpreter start)", met["import lab_utils_multiclass_TF"]))
    trace = result["trace"]
    rows.append(("(j) trace point update", trace["status"] if trace["seconds"] is None
                 else f"{trace['seconds'] * 1000:.1f} ms", met["trace point update"]))
    header = (f"machine: {m['cores']} cores, {m['platform']}, Python {m['python']}, "
              f"TensorFlow {m['tensorflow']}, Keras {m['keras']}, NumPy {m['numpy']}, "
              f"matplotlib {m['matplotlib']}")
    repeats = result["repeats"]
    lines = [header,
             f"mode: {result['mode']}; medians of {repeats['kernel_runs']} kernel runs, "
             f"{repeats['figure_repeats']} figure repeats, {repeats['size_repeats']} "
             "repeats per N", ""]
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows if r[2])
    lines += [f"{label:<{width}}  {value:<{value_width}}  {target}".rstrip()
              for label, value, target in rows]
    lines += ["", "targets:"]
    lines += [f"  {verdict(t['met']):<8} {t['name']}: {t['target']}" for t in result["targets"]]
    return "\n".join(lines)


def run(plan, mode):
    nb = nbformat.read(run_notebook.NOTEBOOK, as_version=4)
    # Kernels first, while this process is still small and idle.
    floors, fulls = measure_kernels(nb, plan.kernel_runs)
    result = {"mode": mode, "machine": machine_info(), "repeats": asdict(plan)}
    result.update(summarise_kernels(nb, floors, fulls))
    memory = kernel_memory(floors + fulls)
    ns, calls = run_in_process(nb)
    result["figures"] = measure_figures(calls, plan.figure_repeats)
    result["decision_regions"] = measure_decision_regions(ns, plan.sizes, plan.size_repeats)
    result["explorer"] = measure_explorer_update(calls, plan.explorer_repeats)
    result["import"] = measure_import(plan.import_repeats)
    result["trace"] = measure_trace_update(calls, plan.trace_repeats)
    memory["bench_peak_rss_mib"] = rss_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
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
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
