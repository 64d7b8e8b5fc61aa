"""The training explorer's drawings: one epoch over the input plane, one epoch over layer
2's plane, the loss curve, and the static replay built from them.

Each view draws on the axes it is given (inside :func:`lab_helpers.style.lab_style`)
and can show another epoch by changing its artists in place (``update``).
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patheffects import withStroke

from .coinciding_labels import count_label, show_counts
from .draw import RegionsArtist, draw_classes, few_ticks, label_axes
from .style import BOUNDARY, EDGE, dlblue, dldarkred

DOT_SIZE = 16
HALO = [withStroke(linewidth=3.6, foreground="white")]  # keeps a line seen over boundaries
# above the regions and their boundaries (images) and the examples (2)
ZERO_LINE = dict(color=BOUNDARY, linestyle="--", linewidth=1.3, zorder=4, path_effects=HALO)
UNIT_LABEL = dict(color=BOUNDARY, fontsize="small", ha="center", va="center", zorder=5,
                  path_effects=HALO)
NAME_FROM = 0.12  # fraction of a zero line from its end where the first unit's name sits
AXIS_LINE = dict(color=EDGE, linewidth=0.8, alpha=0.5, zorder=1)  # a0 = 0 and a1 = 0
LOSS_LINE = dict(color=dlblue, linewidth=2)
EPOCH_MARKER = dict(marker="o", linestyle="none", color=dldarkred, markersize=7, zorder=3)
PLANE_AXES = ("a0 (unit 0)", "a1 (unit 1)")
PLANE_TITLE = "Layer 2's plane"


def epoch_title(replay, epoch, *, short=False):
    """What ``epoch`` achieved: its loss and accuracy, on two lines if ``short``."""
    loss, accuracy = replay.loss_and_accuracy(epoch)
    if short:
        return f"epoch {epoch}\nloss {loss:.2f}, {accuracy:.0%} right"
    return f"epoch {epoch}: loss {loss:.3f}, accuracy {accuracy:.0%}"


def label_spot(segment, j, units):
    """Where unit ``j``'s name goes on its zero line ``segment`` (2, 2): unit 0's near the
    line's left end, the last unit's near its right end, others between, so the names of
    lines that cross (all of them at the origin at epoch 0) stay apart."""
    t = 0.5 if units == 1 else NAME_FROM + (1 - 2 * NAME_FROM) * j / (units - 1)
    return segment[0] + t * (segment[1] - segment[0])


class InputView:
    """One epoch over the input plane: the decision regions, the examples, and layer 1's
    zero lines, each named by its unit.

    Attributes
    ----------
    regions : RegionsArtist
    dots : list of Line2D, one per class
    lines : list of Line2D, one per layer-1 unit
    names : list of Text, one per layer-1 unit ("unit 0", ...)
    """

    def __init__(self, ax, replay, epoch):
        r = replay
        self.replay = r
        self.regions = RegionsArtist(ax, r.xx0, r.xx1, r.regions(epoch), r.n_classes)
        self.dots = draw_classes(ax, r.X, r.y, r.n_classes, size=DOT_SIZE)
        segments = r.zero_lines(epoch)
        self.lines = [ax.plot(*seg.T, **ZERO_LINE)[0] for seg in segments]
        self.names = [ax.text(0, 0, f"unit {j}", **UNIT_LABEL) for j in range(len(segments))]
        self._place_names(segments)
        # (the regions image spans the box and sets the limits; everything else is inside)
        label_axes(ax)
        few_ticks(ax)

    def _place_names(self, segments):
        for j, (name, segment) in enumerate(zip(self.names, segments, strict=True)):
            spot = label_spot(segment, j, len(segments))
            name.set_visible(bool(np.isfinite(spot).all()))  # no line in the plot, no name
            name.set_position(np.nan_to_num(spot))

    def update(self, epoch):
        self.regions.update(self.replay.regions(epoch))
        segments = self.replay.zero_lines(epoch)
        for line, segment in zip(self.lines, segments, strict=True):
            line.set_data(*segment.T)
        self._place_names(segments)

    @property
    def changing(self):
        """The artists an update changes, and those drawn over them."""
        return [self.regions.image, self.regions.boundaries, *self.dots, *self.lines,
                *self.names]


class PlaneView:
    """One epoch over layer 2's plane: every example at its layer-1 outputs ``(a0, a1)``,
    over the areas where each output unit wins, with the counts of examples of one class
    that coincide. The limits are the replay's :attr:`TrainingReplay.plane`, the same at
    every epoch.

    Attributes
    ----------
    regions : RegionsArtist
    dots : list of Line2D, one per class
    counts : list of Annotation
        As many as the replay ever needs; those not needed at an epoch are hidden.
    """

    def __init__(self, ax, replay, epoch):
        r, plane = replay, replay.plane
        self.replay = r
        self.regions = RegionsArtist(ax, plane.xx0, plane.xx1, r.plane_regions(epoch),
                                     r.n_classes)
        ax.axhline(0, **AXIS_LINE)
        ax.axvline(0, **AXIS_LINE)
        self.dots = draw_classes(ax, r.hidden(epoch), r.y, r.n_classes, size=DOT_SIZE)
        self.counts = [count_label(ax) for _ in range(r.most_coinciding)]
        show_counts(self.counts, *r.coinciding(epoch))
        ax.set_xlim(plane.box[:2])
        ax.set_ylim(plane.box[2:])
        label_axes(ax, *PLANE_AXES)
        few_ticks(ax)

    def update(self, epoch):
        r = self.replay
        self.regions.update(r.plane_regions(epoch))
        A = r.hidden(epoch)
        for k, dots in enumerate(self.dots):
            dots.set_data(A[r.y == k, 0], A[r.y == k, 1])
        show_counts(self.counts, *r.coinciding(epoch))

    @property
    def changing(self):
        return [self.regions.image, self.regions.boundaries, *self.dots, *self.counts]


def draw_loss(ax, replay, epochs):
    """The loss curve on ``ax``, with a marker on each of ``epochs``: the marker (Line2D)."""
    h = replay.history
    ax.plot(h.epochs, h.loss, **LOSS_LINE)
    (marker,) = ax.plot(epochs, [replay.loss_and_accuracy(e)[0] for e in epochs],
                        **EPOCH_MARKER)
    label_axes(ax, "epoch", "loss")
    ax.set_title("Training loss")
    few_ticks(ax)
    return marker


STATIC_PANEL = (2.2, 2.1)  # inches per panel of the static replay
STATIC_LOSS_HEIGHT = 1.8  # inches of its loss curve, under the epochs
STATIC_PER_ROW = 3  # epochs per row
STATIC_LAYOUT = dict(left=0.07, right=0.98, bottom=0.08, top=0.9, wspace=0.45, hspace=0.8)


def static_grid(fig, n, views):
    """The static replay's panels on ``fig``: for each of ``n`` epochs ``views`` panels side
    by side (up to three epochs a row), and the loss curve across the bottom.

    Returns
    -------
    epoch_axes : list of lists of Axes, ``views`` per epoch
    loss_ax : Axes
    """
    per_row = min(n, STATIC_PER_ROW)
    rows = math.ceil(n / per_row)
    width, height = STATIC_PANEL
    fig.set_size_inches(width * per_row * views, height * rows + STATIC_LOSS_HEIGHT)
    grid = fig.add_gridspec(rows + 1, per_row * views,
                            height_ratios=[height] * rows + [STATIC_LOSS_HEIGHT])
    epoch_axes = [[fig.add_subplot(grid[i // per_row, (i % per_row) * views + v])
                   for v in range(views)] for i in range(n)]
    return epoch_axes, fig.add_subplot(grid[rows, :])


def draw_static_replay(fig, replay, epochs):
    """For each of ``epochs`` the input plane and, if layer 1 has two units, layer 2's
    plane side by side; under them the loss curve with those epochs marked.

    Returns
    -------
    marker : Line2D
        The marks on the loss curve.
    """
    views = 2 if replay.has_plane else 1
    epoch_axes, loss_ax = static_grid(fig, len(epochs), views)
    for axes, epoch in zip(epoch_axes, epochs, strict=True):
        InputView(axes[0], replay, epoch)
        axes[0].set_title(epoch_title(replay, epoch, short=True))
        if views == 2:
            PlaneView(axes[1], replay, epoch)
            axes[1].set_title(f"{PLANE_TITLE},\nepoch {epoch}")
    fig.subplots_adjust(**STATIC_LAYOUT)
    return draw_loss(loss_ax, replay, list(epochs))
