"""Replay a recorded training: the decision regions, layer 1's zero lines and the loss,
epoch by epoch, with a slider in JupyterLab and as small multiples everywhere else."""

from __future__ import annotations

import functools
import sys

import numpy as np

from .checks import check_class_count, check_class_ids, check_points, check_whole_number
from .compute import _plot_limits, extent, mesh, mesh_points
from .display import bundle_with_fallback, png_base64, size_canvas_for_a_box
from .draw import (
    RegionsArtist,
    draw_classes,
    few_ticks,
    grid_figsize,
    label_axes,
    new_figure,
    panels,
)
from .network import Network
from .style import BOUNDARY, dlblue, dldarkred, lab_style

SMALL_PANEL = (2.6, 2.4)  # inches per epoch of the small multiples
# How the figures look (judged by eye, in the notebook and the report's screenshots).
LIVE_FIGSIZE, LIVE_WIDTHS = (7.2, 3.3), [1.25, 1]  # regions, then the loss: a bit narrower
LIVE_LAYOUT = dict(left=0.08, right=0.97, bottom=0.15, top=0.86, wspace=0.28)
STATIC_LAYOUT = dict(left=0.08, right=0.98, bottom=0.1, top=0.88, wspace=0.3, hspace=0.65)
DOT_SIZE = 16
ZERO_LINE = dict(color=BOUNDARY, linestyle="--", linewidth=1.3)
LOSS_LINE = dict(color=dlblue, linewidth=2)
EPOCH_MARKER = dict(marker="o", color=dldarkred, markersize=7)
SLIDER_LOOK = dict(description="epoch", readout=False, continuous_update=True)
PLAY_FRAMES, PLAY_FRAME_MS = 100, 60  # Play shows about 100 recorded epochs, 60 ms apart
LABEL = ("Training replay: the decision regions and the layer-1 zero lines (dashed) at "
         "several epochs, with the training examples")


def line_in_box(w, b, box):
    """The segment of the line ``w . x + b = 0`` inside ``box`` = (x0min, x0max, x1min, x1max).

    Returns
    -------
    ndarray of shape (2, 2)
        Its two end points (rows), on the box's edges, left one first; NaN if the
        line misses the box or touches it in a single point.
    """
    x0min, x0max, x1min, x1max = box
    found = []
    if abs(w[1]) > 1e-12:  # not parallel to the vertical edges: crosses them somewhere
        for x0 in (x0min, x0max):
            x1 = -(w[0] * x0 + b) / w[1]
            if x1min <= x1 <= x1max:
                found.append((x0, x1))
    if abs(w[0]) > 1e-12:  # likewise the horizontal edges
        for x1 in (x1min, x1max):
            x0 = -(w[1] * x1 + b) / w[0]
            if x0min <= x0 <= x0max:
                found.append((x0, x1))
    ends = np.unique(np.array(found).reshape(len(found), 2), axis=0)  # floats: x1 / w[1] etc.
    # (a corner is found twice, by rounding even as two points a hair apart: keep the extremes)
    if len(ends) < 2:
        return np.full((2, 2), np.nan)
    return ends[[0, -1]]


def default_static_epochs(epochs, count=6):
    """Up to ``count`` recorded epochs from first to last, denser early (training moves fast
    then): the recorded epochs nearest to a geometric sequence; all of them if no more."""
    if len(epochs) <= count:
        return [int(e) for e in epochs]
    last = epochs[-1]
    targets = np.concatenate([[epochs[0]], np.geomspace(last / 2 ** (count - 2), last,
                                                        count - 1)])
    return sorted({int(epochs[np.argmin(np.abs(epochs - t))]) for t in targets})


class TrainingExplorer:
    """A replay of the training recorded by a ``WeightHistory``.

    Shown in a notebook, it is an ipympl figure with an epoch slider and a Play
    button when the front end can run widgets, and small multiples of chosen
    epochs (a static PNG) everywhere else: the HTML report, a headless run.
    Create it with :func:`plt_training_explorer`.

    Attributes
    ----------
    fig : matplotlib Figure
        The interactive figure (decision regions, layer-1 zero lines, loss curve).
    artists : dict
        ``"regions"`` (RegionsArtist), ``"lines"`` (one Line2D per layer-1 unit),
        ``"marker"`` (the epoch on the loss curve) and ``"title"``.
    slider, play : ipywidgets widgets, or None where there is no live canvas
    """

    def __init__(self, X, y, history, n_classes, resolution, static_epochs):
        self.X, self.y, self.history, self.n_classes = X, y, history, n_classes
        self.static_epochs = static_epochs
        self._xx0, self._xx1 = mesh(*_plot_limits(X), resolution)
        self.box = extent(self._xx0, self._xx1)
        self._grid = mesh_points(self._xx0, self._xx1)
        import matplotlib.pyplot as plt

        with lab_style():
            with plt.ioff():  # shown inside the widget box, not on its own
                self.fig, axes = new_figure(LIVE_FIGSIZE, 1, 2, width_ratios=LIVE_WIDTHS)
            self.fig.subplots_adjust(**LIVE_LAYOUT)
            self.artists = self._draw(self.history.epochs[-1], *axes[0])
        self.slider = self.play = None
        self._box = self._controls()

    # -- compute -------------------------------------------------------------
    def regions(self, epoch):
        """Class ids predicted on the mesh by the weights of ``epoch``: (r, r) ints."""
        network = Network(self.history.layers(self.history.weights_at(epoch)))
        return network.class_ids(self._grid).reshape(self._xx0.shape)

    def zero_lines(self, epoch):
        """End points of each layer-1 unit's line ``z = 0`` in the plot: (units, 2, 2), NaN
        where the line misses the plot."""
        W1, b1 = self.history.weights_at(epoch)[:2]
        return np.array([line_in_box(W1[:, j], b1[j], self.box) for j in range(W1.shape[1])])

    # -- draw ----------------------------------------------------------------
    def _draw(self, epoch, ax, loss_ax=None):
        """Regions, data and zero lines of ``epoch`` on ``ax``; the loss curve on ``loss_ax``."""
        regions = RegionsArtist(ax, self._xx0, self._xx1, self.regions(epoch), self.n_classes)
        draw_classes(ax, self.X, self.y, self.n_classes, size=DOT_SIZE)
        lines = [ax.plot(*seg.T, **ZERO_LINE)[0] for seg in self.zero_lines(epoch)]
        # (the regions image spans the box and sets the limits; everything else is inside)
        label_axes(ax)
        few_ticks(ax)
        title = ax.set_title(self._title(epoch, short=loss_ax is None))
        artists = {"regions": regions, "lines": lines, "title": title}
        if loss_ax is not None:
            h = self.history
            loss_ax.plot(h.epochs, h.loss, **LOSS_LINE)
            (artists["marker"],) = loss_ax.plot([epoch], [h.loss[h.index_of(epoch)]],
                                                **EPOCH_MARKER)
            label_axes(loss_ax, "epoch", "loss")
            loss_ax.set_title("Training loss")
            few_ticks(loss_ax)
        return artists

    def _title(self, epoch, *, short=False):
        i = self.history.index_of(epoch)
        loss, accuracy = self.history.loss[i], self.history.accuracy[i]
        if short:
            return f"epoch {epoch}\nloss {loss:.2f}, {accuracy:.0%} right"
        return f"epoch {epoch}: loss {loss:.3f}, accuracy {accuracy:.0%}"

    def show_epoch(self, epoch):
        """Update the interactive figure in place to ``epoch`` (no new artists)."""
        i = self.history.index_of(epoch)
        a = self.artists
        a["regions"].update(self.regions(epoch))
        segments = self.zero_lines(epoch)  # one per line drawn: one per layer-1 unit
        for j, line in enumerate(a["lines"]):
            line.set_data(*segments[j].T)
        a["marker"].set_data([epoch], [self.history.loss[i]])
        a["title"].set_text(self._title(epoch))
        self.fig.canvas.draw_idle()

    def static_figure(self):
        """Small multiples of ``static_epochs`` on a figure of its own (not pyplot's)."""
        from matplotlib.figure import Figure

        with lab_style():
            n = len(self.static_epochs)
            fig, axes = panels(Figure(figsize=grid_figsize(n, SMALL_PANEL)), n)
            for i, ax in enumerate(axes):  # one panel per epoch
                self._draw(self.static_epochs[i], ax)
                ax.label_outer()  # same axes everywhere: label the outer panels only
            fig.subplots_adjust(**STATIC_LAYOUT)
        return fig

    # -- show ----------------------------------------------------------------
    def _controls(self):
        """Slider and Play button above the live canvas; None without a live canvas."""
        canvas = size_canvas_for_a_box(self.fig)
        if canvas is None:
            return None
        import ipywidgets

        last = len(self.history.epochs) - 1  # both move over positions in the record, from 0
        self.slider = ipywidgets.IntSlider(value=last, max=last, **SLIDER_LOOK,
                                           layout=ipywidgets.Layout(width="60%"))
        self.play = ipywidgets.Play(value=last, max=last, interval=PLAY_FRAME_MS,
                                    step=max(1, last // PLAY_FRAMES))
        ipywidgets.jslink((self.play, "value"), (self.slider, "value"))
        self.slider.observe(
            lambda change: self.show_epoch(int(self.history.epochs[change["new"]])),
            names="value")
        return ipywidgets.VBox([ipywidgets.HBox([self.play, self.slider]), canvas])

    @functools.cached_property
    def _static_png(self):
        """The small multiples as base64 PNG: built once, whatever displays it again."""
        return png_base64(self.static_figure())  # a modest dpi: also built when live

    def _repr_mimebundle_(self, **kwargs):
        epochs = self.history.epochs
        return bundle_with_fallback(self._box, f"TrainingExplorer(epochs {epochs[0]}.."
                                               f"{epochs[-1]})", self._static_png, LABEL)

    def close(self):
        """Close the interactive figure and its widgets."""
        import matplotlib.pyplot as plt

        plt.close(self.fig)
        for widget in (self._box, self.slider, self.play):
            if widget is not None:
                widget.close()


def _is_weight_history(obj):
    """Without importing Keras: a WeightHistory exists only once its module is loaded."""
    callbacks = sys.modules.get(f"{__package__}.callbacks")
    return callbacks is not None and isinstance(obj, callbacks.WeightHistory)


def plt_training_explorer(X, y, history, classes, *, static_epochs=None, resolution=120):
    """Replay a recorded training: decision regions, layer-1 zero lines and the loss curve.

    In JupyterLab (ipympl backend) it shows one figure with a slider over the
    recorded epochs and a Play button; moving the slider updates the figure in
    place. Elsewhere (a headless run, the HTML report) it shows small multiples
    of ``static_epochs``.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
    y : ndarray of shape (m,) or (m, 1)
    history : WeightHistory
        Passed to ``model.fit(..., callbacks=[history])`` beforehand.
    classes : int
    static_epochs : list of int, optional
        Recorded epochs for the small multiples (1 to 6); by default about six,
        denser early in training.
    resolution : int, default=120
        Mesh points per axis for the decision regions.

    Returns
    -------
    TrainingExplorer
        Display it (last line of a cell) to show it.
    """
    X = check_points(X=X)
    classes = check_class_count(classes=classes)
    y = check_class_ids(y=y, rows_of=("X", X), classes=classes)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    if not _is_weight_history(history):
        raise TypeError(f"history must be a WeightHistory; got {type(history).__name__}")
    epochs = history.epochs
    if epochs.size == 0:
        raise ValueError("history is empty: pass it to model.fit(..., callbacks=[history]) first")
    inputs = history.weights[0][0].shape[0]
    if inputs != 2:
        raise ValueError(f"the recorded model must take 2 inputs, as X; got {inputs}")
    static_epochs = default_static_epochs(epochs) if static_epochs is None else [
        int(e) for e in static_epochs]
    if not 1 <= len(static_epochs) <= 6:
        raise ValueError(f"static_epochs must list 1 to 6 epochs; got {len(static_epochs)}")
    for e in static_epochs:
        history.index_of(e)  # raises with the recorded range
    return TrainingExplorer(X, y, history, classes, resolution, static_epochs)
