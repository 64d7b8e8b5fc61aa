"""Replay a recorded training: the decision regions, layer 1's zero lines and the loss,
epoch by epoch, with a slider in JupyterLab and as small multiples everywhere else.

The numbers come from :mod:`lab_helpers.replay`; :class:`TrainingExplorer` only draws
them (``plot``) and changes its figure in place (``update``).
"""

from __future__ import annotations

import functools
import sys

from .checks import (
    check_class_count,
    check_class_ids,
    check_points,
    check_whole_number,
    named_argument,
)
from .display import Blitter, bundle_with_fallback, png_base64, slider_and_play
from .draw import (
    RegionsArtist,
    draw_classes,
    few_ticks,
    grid_figsize,
    label_axes,
    new_figure,
    panels,
)
from .replay import default_static_epochs, line_in_box, training_replay  # noqa: F401
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


def epoch_title(replay, epoch, *, short=False):
    """What ``epoch`` achieved: its loss and accuracy, on two lines if ``short``."""
    loss, accuracy = replay.loss_and_accuracy(epoch)
    if short:
        return f"epoch {epoch}\nloss {loss:.2f}, {accuracy:.0%} right"
    return f"epoch {epoch}: loss {loss:.3f}, accuracy {accuracy:.0%}"


def draw_epoch(ax, replay, epoch, *, short=False):
    """The regions, the examples and the zero lines of ``epoch`` on ``ax``, with its title.

    Returns
    -------
    regions : RegionsArtist
    dots : list of Line2D, one per class
    lines : list of Line2D, one per layer-1 unit
    title : Text
    """
    r = replay
    regions = RegionsArtist(ax, r.xx0, r.xx1, r.regions(epoch), r.n_classes)
    dots = draw_classes(ax, r.X, r.y, r.n_classes, size=DOT_SIZE)
    lines = [ax.plot(*seg.T, **ZERO_LINE)[0] for seg in r.zero_lines(epoch)]
    # (the regions image spans the box and sets the limits; everything else is inside)
    label_axes(ax)
    few_ticks(ax)
    return regions, dots, lines, ax.set_title(epoch_title(r, epoch, short=short))


def draw_loss(ax, replay, epoch):
    """The loss curve on ``ax``, with a marker on ``epoch``, which it returns."""
    h = replay.history
    ax.plot(h.epochs, h.loss, **LOSS_LINE)
    (marker,) = ax.plot([epoch], [replay.loss_and_accuracy(epoch)[0]], **EPOCH_MARKER)
    label_axes(ax, "epoch", "loss")
    ax.set_title("Training loss")
    few_ticks(ax)
    return marker


class TrainingExplorer:
    """A replay of the training recorded by a ``WeightHistory``: a Display of a
    :class:`lab_helpers.replay.TrainingReplay`.

    Shown in a notebook, it is an ipympl figure with an epoch slider and a Play
    button when the front end can run widgets, and small multiples of chosen
    epochs (a static PNG) everywhere else: the HTML report, a headless run.
    Create it with :func:`plt_training_explorer`, which also calls :meth:`plot`.

    Parameters
    ----------
    replay : TrainingReplay
    static_epochs : list of int
        Recorded epochs for the small multiples.

    Attributes
    ----------
    figure_ : matplotlib Figure
        The interactive figure (decision regions, layer-1 zero lines, loss curve); also
        ``fig``.
    regions_ : RegionsArtist
    zero_lines_ : list of Line2D, one per layer-1 unit
    point_ : Line2D
        The epoch shown, on the loss curve.
    title_ : Text
    slider, play : ipywidgets widgets, or None where there is no live canvas
    """

    def __init__(self, replay, *, static_epochs):
        self.replay, self.static_epochs = replay, static_epochs
        self.slider = self.play = self._box = None

    # -- what it shows, by the names it had before the split ------------------
    @property
    def fig(self):
        return self.figure_

    @property
    def artists(self):
        """``"regions"``, ``"lines"``, ``"marker"`` and ``"title"``: the named artists."""
        return {"regions": self.regions_, "lines": self.zero_lines_, "marker": self.point_,
                "title": self.title_}

    @property
    def history(self):
        return self.replay.history

    @property
    def box(self):
        return self.replay.box

    def regions(self, epoch):
        """Class ids predicted on the mesh by the weights of ``epoch``: (r, r) ints."""
        return self.replay.regions(epoch)

    def zero_lines(self, epoch):
        """End points of each layer-1 unit's line ``z = 0`` in the plot: (units, 2, 2)."""
        return self.replay.zero_lines(epoch)

    # -- draw ----------------------------------------------------------------
    def plot(self, fig=None):
        """Draw the last recorded epoch and the loss curve on ``fig`` (by default a new
        pyplot figure); in a live canvas, with the slider and Play above it.

        Returns
        -------
        self
        """
        import matplotlib.pyplot as plt

        epoch = int(self.replay.epochs[-1])
        created = fig is None
        with lab_style():
            if fig is None:
                with plt.ioff():  # shown inside the widget box, not on its own
                    fig, axes = new_figure(LIVE_FIGSIZE, 1, 2, width_ratios=LIVE_WIDTHS)
                axes = axes[0]
            else:
                axes = fig.subplots(1, 2, width_ratios=LIVE_WIDTHS)
            fig.subplots_adjust(**LIVE_LAYOUT)
            self.figure_ = fig
            drawn = draw_epoch(axes[0], self.replay, epoch)
            self.regions_, dots, self.zero_lines_, self.title_ = drawn
            self.point_ = draw_loss(axes[1], self.replay, epoch)
        # the examples lie on the regions: redrawn over them, so they change too
        self._blitter = Blitter(fig, [self.regions_.image, self.regions_.boundaries, *dots,
                                      *self.zero_lines_, self.point_, self.title_])
        epochs = self.replay.epochs
        self._box, self.slider, self.play = slider_and_play(
            fig, len(epochs), lambda i: self.update(epoch=int(epochs[i])), look=SLIDER_LOOK,
            width="60%", frames=PLAY_FRAMES, frame_ms=PLAY_FRAME_MS)
        if created and self._box is None:  # no live view: pyplot must not show it later,
            plt.close(fig)  # under another cell's figure (the inline backend shows them all)
        return self

    def update(self, *, epoch):
        """Show ``epoch`` instead: the artists change in place, none is added."""
        self.regions_.update(self.replay.regions(epoch))
        for line, segment in zip(self.zero_lines_, self.replay.zero_lines(epoch), strict=True):
            line.set_data(*segment.T)
        self.point_.set_data([epoch], [self.replay.loss_and_accuracy(epoch)[0]])
        self.title_.set_text(epoch_title(self.replay, epoch))
        self._blitter.refresh()

    def show_epoch(self, epoch):
        """Update the interactive figure in place to ``epoch`` (no new artists)."""
        self.update(epoch=epoch)

    def static_figure(self):
        """Small multiples of ``static_epochs`` on a figure of its own (not pyplot's)."""
        from matplotlib.figure import Figure

        with lab_style():
            n = len(self.static_epochs)
            fig, axes = panels(Figure(figsize=grid_figsize(n, SMALL_PANEL)), n)
            for ax, epoch in zip(axes, self.static_epochs, strict=True):  # one panel an epoch
                draw_epoch(ax, self.replay, epoch, short=True)
                ax.label_outer()  # same axes everywhere: label the outer panels only
            fig.subplots_adjust(**STATIC_LAYOUT)
        return fig

    # -- show ----------------------------------------------------------------
    @functools.cached_property
    def _static_png(self):
        """The small multiples as base64 PNG: built once, whatever displays it again."""
        return png_base64(self.static_figure())  # a modest dpi: also built when live

    def _repr_mimebundle_(self, **kwargs):
        epochs = self.replay.epochs
        return bundle_with_fallback(self._box, f"TrainingExplorer(epochs {epochs[0]}.."
                                               f"{epochs[-1]})", self._static_png, LABEL)

    def close(self):
        """Close the interactive figure and its widgets."""
        import matplotlib.pyplot as plt

        plt.close(self.figure_)
        for widget in (self._box, self.slider, self.play):
            if widget is not None:
                widget.close()


def check_history(**kwargs):
    """A WeightHistory that recorded a model of 2 inputs: ``history = check_history(history=h)``.

    Without importing Keras: a WeightHistory exists only once its module is loaded.
    """
    name, history = named_argument(kwargs)
    callbacks = sys.modules.get(f"{__package__}.callbacks")
    if callbacks is None or not isinstance(history, callbacks.WeightHistory):
        raise TypeError(f"{name} must be a WeightHistory; got {type(history).__name__}")
    if history.epochs.size == 0:
        raise ValueError(f"{name} is empty: pass it to model.fit(..., callbacks=[{name}]) "
                         "first")
    inputs = history.weights[0][0].shape[0]
    if inputs != 2:
        raise ValueError(f"the recorded model must take 2 inputs, as X; got {inputs}")
    return history


def _check_static_epochs(static_epochs, history):
    """1 to 6 recorded epochs, as ints; by default about six, denser early."""
    if static_epochs is None:
        return default_static_epochs(history.epochs)
    static_epochs = [int(e) for e in static_epochs]
    if not 1 <= len(static_epochs) <= 6:
        raise ValueError(f"static_epochs must list 1 to 6 epochs; got {len(static_epochs)}")
    for epoch in static_epochs:
        history.index_of(epoch)  # raises with the recorded range
    return static_epochs


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
    history = check_history(history=history)
    static_epochs = _check_static_epochs(static_epochs, history)
    replay = training_replay(X, y, history, classes, resolution)
    return TrainingExplorer(replay, static_epochs=static_epochs).plot()
