"""Replay a recorded training: the decision regions and layer 1's zero lines over the
input plane, the examples moving in layer 2's plane, and the loss, epoch by epoch, with a
slider in JupyterLab and as small multiples everywhere else.

The numbers come from :mod:`lab_helpers.replay`, the drawings from
:mod:`lab_helpers.explorer_draw`; :class:`TrainingExplorer` lays them out (``plot``) and
changes its figure in place (``update``).
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
from .display import (
    Blitter,
    FigureDisplay,
    bundle_with_fallback,
    png_base64,
    slider_and_play,
)
from .draw import new_figure
from .explorer_draw import (  # noqa: F401 (ZERO_LINE, LOSS_LINE: the look, by their old home)
    LOSS_LINE,
    PLANE_TITLE,
    ZERO_LINE,
    InputView,
    PlaneView,
    draw_loss,
    draw_static_replay,
    epoch_title,
)
from .replay import default_static_epochs, line_in_box, training_replay  # noqa: F401
from .style import lab_style

# How the figures look (judged by eye, in the notebook and the report's screenshots).
# The input plane, layer 2's plane, then the loss: a bit narrower; 840 pixels wide, as
# the trace figure, so it fits a notebook in a window 1280 pixels wide.
LIVE_FIGSIZE, LIVE_WIDTHS = (8.4, 3.4), [1.15, 1.15, 1]
LIVE_LAYOUT = dict(left=0.075, right=0.985, bottom=0.15, top=0.8, wspace=0.42)
TITLE_SPOT = (0.5, 0.97)  # figure fractions
SLIDER_LOOK = dict(description="epoch", readout=False, continuous_update=True)
PLAY_FRAMES, PLAY_FRAME_MS = 100, 60  # Play shows about 100 recorded epochs, 60 ms apart
LABEL = ("Training replay: at several epochs, the decision regions and the layer-1 zero "
         "lines (dashed, named by unit) with the training examples; the examples in layer "
         "2's plane over the areas where each output unit wins; the loss curve with those "
         "epochs marked")


class _ExplorerNamesBeforeTheSplit(FigureDisplay):
    """The explorer's artists and numbers by the names they had before it became a Display
    of a :class:`~lab_helpers.replay.TrainingReplay`."""

    @property
    def artists(self):
        """``"regions"``, ``"lines"``, ``"names"``, ``"marker"``, ``"title"`` and, with
        layer 2's plane, ``"plane regions"``, ``"plane dots"`` and ``"counts"``."""
        named = {"regions": self.regions_, "lines": self.zero_lines_,
                 "names": self.input_.names, "marker": self.point_, "title": self.title_}
        if self.plane_ is not None:
            named.update({"plane regions": self.plane_.regions, "plane dots": self.plane_.dots,
                          "counts": self.plane_.counts})
        return named

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


class TrainingExplorer(_ExplorerNamesBeforeTheSplit):
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
        The interactive figure (input plane, layer 2's plane, loss curve); also ``fig``.
    regions_ : RegionsArtist
    zero_lines_ : list of Line2D, one per layer-1 unit
    input_ : InputView
        What the input plane shows (regions, examples, named zero lines).
    plane_ : PlaneView, or None
        What layer 2's plane shows; None when layer 1 has more or fewer than two units.
    point_ : Line2D
        The epoch shown, on the loss curve.
    title_ : Text
        The epoch, its loss and accuracy, above the panels.
    slider, play : ipywidgets widgets, or None where there is no live canvas
    """

    def __init__(self, replay, *, static_epochs):
        self.replay, self.static_epochs = replay, static_epochs
        self.slider = self.play = self._box = None

    # -- draw ----------------------------------------------------------------
    def plot(self, fig=None):
        """Draw the last recorded epoch over the input plane and over layer 2's plane, and
        the loss curve, on ``fig`` (by default a new pyplot figure); in a live canvas, with
        the slider and Play above it.

        Returns
        -------
        self
        """
        import matplotlib.pyplot as plt

        epoch = int(self.replay.epochs[-1])
        created = fig is None
        with lab_style():
            fig, axes = _live_panels(fig, 3 if self.replay.has_plane else 2)
            self.figure_ = fig
            self.input_ = InputView(axes[0], self.replay, epoch)
            axes[0].set_title("Input plane")
            self.plane_ = PlaneView(axes[1], self.replay, epoch) if len(axes) == 3 else None
            if self.plane_ is not None:
                axes[1].set_title(PLANE_TITLE)
            self.point_ = draw_loss(axes[-1], self.replay, [epoch])
            self.title_ = _draw_title(axes[0], epoch_title(self.replay, epoch))
        self.regions_, self.zero_lines_ = self.input_.regions, self.input_.lines
        # the examples lie on the regions: redrawn over them, so they change too
        changing = self.input_.changing + ([] if self.plane_ is None else self.plane_.changing)
        self._blitter = Blitter(fig, [*changing, self.point_, self.title_])
        epochs = self.replay.epochs
        self._box, self.slider, self.play = slider_and_play(
            fig, len(epochs), lambda i: self.update(epoch=int(epochs[i])), look=SLIDER_LOOK,
            width="60%", frames=PLAY_FRAMES, frame_ms=PLAY_FRAME_MS)
        if created and self._box is None:  # no live view: pyplot must not show it later,
            plt.close(fig)  # under another cell's figure (the inline backend shows them all)
        return self

    def update(self, *, epoch):
        """Show ``epoch`` instead: the artists change in place, none is added."""
        self.input_.update(epoch)
        if self.plane_ is not None:
            self.plane_.update(epoch)
        self.point_.set_data([epoch], [self.replay.loss_and_accuracy(epoch)[0]])
        self.title_.set_text(epoch_title(self.replay, epoch))
        self._blitter.refresh()

    def show_epoch(self, epoch):
        """Update the interactive figure in place to ``epoch`` (no new artists)."""
        self.update(epoch=epoch)

    def static_figure(self):
        """The static replay on a figure of its own (not pyplot's): for each of
        ``static_epochs`` the input plane and layer 2's plane side by side, and the loss
        curve with those epochs marked."""
        from matplotlib.figure import Figure

        with lab_style():
            fig = Figure()
            draw_static_replay(fig, self.replay, self.static_epochs)
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
        super().close()
        for widget in (self._box, self.slider, self.play):
            if widget is not None:
                widget.close()


def _live_panels(fig, count):
    """``count`` panels side by side for the live figure: on ``fig``, or on a new pyplot
    figure (made with pyplot's interactive mode off: it is shown in the widget box, not on
    its own). Returns the figure and its axes."""
    import matplotlib.pyplot as plt

    widths = LIVE_WIDTHS[-count:]
    if fig is None:
        with plt.ioff():
            fig, axes = new_figure(LIVE_FIGSIZE, 1, count, width_ratios=widths)
        axes = axes[0]
    else:
        axes = fig.subplots(1, count, width_ratios=widths)
    fig.subplots_adjust(**LIVE_LAYOUT)
    return fig, axes


def _draw_title(ax, text):
    """The epoch's title, centred above the panels: a text of ``ax`` (which saving draws,
    although animated) placed in figure coordinates."""
    return ax.text(*TITLE_SPOT, text, transform=ax.figure.transFigure, ha="center",
                   va="top", fontsize="large")


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
    """Replay a recorded training: decision regions and layer-1 zero lines, the examples in
    layer 2's plane, and the loss curve.

    In JupyterLab (ipympl backend) it shows one figure with a slider over the
    recorded epochs and a Play button; moving the slider updates the input plane,
    layer 2's plane (when layer 1 has two units) and the loss marker in place.
    Elsewhere (a headless run, the HTML report) it shows ``static_epochs``, each as
    the input plane and layer 2's plane side by side, over the loss curve with
    those epochs marked.

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
