"""Measuring the lab's figures in this process, on Agg, with the arguments the notebook
passed them in its kernel (see measure_processes.notebook_objects).

(e) each lab figure built and drawn, against the same axes layout drawn empty
(f) decision regions (``plt_cat_mc``) for growing numbers of points
(g) the training explorer's slider update (all three views) and its full redraw
(j) one move of the traced point (``plt_forward_trace``), what a click on its data panel does
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import asdict, dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from sklearn.datasets import make_blobs

import lab_utils_multiclass_TF as lab
from lab_utils_common import lab_style

FIGURES = ("plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear")
EXPLORER = "plt_training_explorer"
TRACE = "plt_forward_trace"


def check_calls(calls):
    """Stop if the notebook no longer calls one of the figures timed in (e)."""
    missing = set(FIGURES) - set(calls)
    if missing:
        raise RuntimeError(f"the notebook no longer calls {sorted(missing)}")


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
    """(g) One step of the training explorer's epoch slider, median of ``repeats`` steps,
    and one full redraw of its figure on Agg, median of ``repeats`` redraws.

    The explorer is built as the notebook builds it and drawn once; each step
    moves to another recorded epoch with ``show_epoch``, which is what the
    slider's observer calls, and includes the redraw (the input plane, layer 2's
    plane and the loss marker). A full redraw is what a resize or the first view
    costs.
    """
    missing = not_measured(EXPLORER, calls)
    if missing:
        return {**missing, "redraw_seconds": None}
    args, kwargs = calls[EXPLORER]
    explorer = getattr(lab, EXPLORER)(*args, **kwargs)
    # Without a live view pyplot may let go of the figure (its canvas then draws nothing):
    # give it an Agg canvas, as ipympl's live one is, so each step is really drawn.
    FigureCanvasAgg(explorer.fig)
    explorer.fig.canvas.draw()  # as first shown: at the last epoch
    epochs = explorer.history.epochs
    steps = epochs[np.linspace(0, len(epochs) - 2, repeats).round().astype(int)]
    show = explorer.show_epoch  # what the slider's observer calls
    seconds = statistics.median(update_seconds(explorer.fig, lambda e=int(e): show(e))
                                for e in steps)
    redraw = statistics.median(update_seconds(explorer.fig, explorer.fig.canvas.draw)
                               for _ in range(repeats))
    explorer.close()
    return {"available": True, "seconds": seconds, "redraw_seconds": redraw,
            "status": "measured"}


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
