"""One point followed through the network, in one figure whose panels move together.

The numbers come from :mod:`lab_helpers.trace` (:func:`~lab_helpers.trace.forward_traces`
for the maps, :func:`~lab_helpers.trace.trace_layers` for the point); this module
only draws them. In a live figure (ipympl in JupyterLab, or any interactive
backend) a click on the data panel moves the point and every panel follows in place.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .checks import (
    check_class_count,
    check_class_ids,
    check_one_point,
    check_points,
    check_whole_number,
)
from .display import Blitter, FigureDisplay, on_left_click
from .draw import (
    RegionsArtist,
    class_labels,
    draw_classes,
    draw_value_map,
    few_ticks,
    label_axes,
    label_coinciding,
    panels,
    relu_norm,
)
from .layout import space_panels
from .style import ACTIVATION_CMAP, BOUNDARY, CLASS_DARK, CLASS_LIGHT, lab_style
from .trace import check_two_layers, forward_traces, trace_layers
from .value_axis import ValueAxis

PANEL_SIZE = (2.8, 2.6)  # inches per panel: 3 across fit a notebook at 1280 pixels
LABEL = ("One point through the network: the point (a star) in the data, in each layer-1 "
         "unit's map, in layer 2's plane, and its scores and probabilities as bars")
POINT_STYLE = dict(linestyle="none", marker="*", markersize=15, markerfacecolor="white",
                   markeredgecolor=BOUNDARY, markeredgewidth=1.5, zorder=5)
WINNER_EDGE = 2.5  # line width around the winning class's bars


def draw_data_panel(ax, traces):
    """The examples over the decision regions; returns the regions and the point's marker."""
    t = traces
    regions = RegionsArtist(ax, t.xx0, t.xx1, t.grid.predicted.reshape(t.xx0.shape),
                            t.n_classes)
    draw_classes(ax, t.X, t.y, t.n_classes, size=16)
    few_ticks(ax)
    label_axes(ax)
    ax.set_title("The point followed")  # the same words suit a static image
    return regions, ax.plot([], [], **POINT_STYLE)[0]


def draw_unit_panel(ax, traces, j):
    """Layer-1 unit ``j``'s output over the plane; returns the point's marker and the text
    above the panel."""
    t = traces
    draw_value_map(ax, t.xx0, t.xx1, t.grid.a1[:, j].reshape(t.xx0.shape),
                   ACTIVATION_CMAP, f"a{j}", norm=relu_norm(t.grid.a1))
    draw_classes(ax, t.X, t.y, t.n_classes, size=9)
    label_axes(ax)
    ax.set_title(f"Layer 1, unit {j}", pad=20)  # room for the numbers below it
    text = ax.text(0.5, 1.03, "", transform=ax.transAxes, ha="center", va="bottom",
                   fontsize="large")
    return ax.plot([], [], **POINT_STYLE)[0], text


def draw_plane_panel(ax, traces):
    """Layer 2's plane with the examples; returns its regions and the point's marker, or a
    note (and two None) when layer 1 has no two units."""
    t, plane = traces, traces.plane
    if plane is None:
        ax.axis("off")
        note = ax.text(0.5, 0.5, "Layer 2's plane (a0, a1)\nis drawn when layer 1\n"
                       f"has 2 units; it has {t.network.hidden_units}.", ha="center",
                       va="center", transform=ax.transAxes, fontsize="large")
        return None, None, note
    regions = RegionsArtist(ax, plane.xx0, plane.xx1, plane.ids, t.n_classes)
    draw_classes(ax, t.examples.a1, t.y, t.n_classes, size=16)
    label_coinciding(ax, t.examples.a1, t.y)
    ax.set_xlim(plane.a0_rng)
    ax.set_ylim(plane.a1_rng)
    few_ticks(ax)
    label_axes(ax, "a0 (layer 1)", "a1 (layer 1)")
    ax.set_title("What layer 2 sees")
    return regions, ax.plot([], [], **POINT_STYLE)[0], None


def draw_bars(ax, k, title, label, *, limits=None):
    """``k`` empty bars, one per class, and a text for each; returns both and, without
    fixed ``limits``, the :class:`~lab_helpers.value_axis.ValueAxis` they stand on (else
    None), refitted to each point."""
    bars = ax.bar(np.arange(k), np.zeros(k), color=CLASS_LIGHT[:k], edgecolor=BOUNDARY,
                  linewidth=0)
    values = [ax.text(i, 0.0, "", ha="center", fontsize="small") for i in range(k)]
    ax.set_xticks(np.arange(k), class_labels(k, None))
    ax.set_title(title)
    if limits is None:  # scores can be anything: an axis of their own at each point
        ax.set_ylabel(label, labelpad=24)  # room for the value axis's labels
        return bars, values, ValueAxis(ax)
    ax.set_ylabel(label)
    ax.axhline(0.0, color=BOUNDARY, linewidth=1)
    ax.set_ylim(limits)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    return bars, values, None


class _TraceNamesBeforeTheSplit(FigureDisplay):
    """The trace's artists by the names they had before it became a Display."""

    @property
    def artists(self):
        """The named artists, panel by panel, as a dict."""
        plane = ({"note": self.plane_note_} if self.plane_point_ is None
                 else {"regions": self.plane_regions_, "point": self.plane_point_})
        return {
            "data": {"regions": self.regions_, "point": self.point_},
            "units": [{"point": p, "text": t}
                      for p, t in zip(self.unit_points_, self.unit_texts_, strict=True)],
            "plane": plane,
            "scores": {"bars": self.score_bars_, "values": self.score_values_,
                       "axis": self.score_axis_},
            "probabilities": {"bars": self.probability_bars_,
                              "values": self.probability_values_},
        }


class ForwardTraceView(_TraceNamesBeforeTheSplit):
    """A figure that follows one point through a two-layer network: a Display of
    :class:`lab_helpers.trace.ForwardTraces`; made by :func:`plt_forward_trace`.

    Panels, in reading order: the data over the decision regions; each layer-1
    unit's output over the plane, with the point's z and a above it; layer 2's
    plane (a0, a1) with the examples, the point and the output units' winning
    areas, on the limits of the output-layer figure, with the count where examples
    of a class coincide (only when layer 1 has two units; a note otherwise); layer 2's
    scores (bars standing on a value axis fitted to the point's scores, so the winner's
    is the tallest, numbers above them; see :class:`lab_helpers.value_axis.ValueAxis`)
    and their softmax probabilities, the winner dark and outlined.

    :meth:`update` (or :meth:`move_to`, or a click on the data panel of a live
    figure) changes only the point's markers, numbers, bars and score axis, and
    redraws only them (blitting) where the canvas supports it, else the whole figure.

    Parameters
    ----------
    traces : ForwardTraces
    point : ndarray of shape (1, 2)
        The point to follow first.

    Attributes
    ----------
    figure_ : matplotlib Figure
        Also ``fig``.
    regions_ : RegionsArtist
        The decision regions of the data panel.
    point_ : Line2D
        The point in the data panel.
    unit_points_, unit_texts_ : list of Line2D, list of Text
        The point in each layer-1 unit's panel, and its z and a above it.
    plane_regions_, plane_point_ : RegionsArtist and Line2D, or None without layer 2's plane
    score_bars_, probability_bars_ : BarContainer
    score_values_, probability_values_ : list of Text, the number on each bar
    score_axis_ : ValueAxis, the scores' tick labels, grid and zero line at each point
    trace : PointTrace
        The numbers of the point shown (one row).
    """

    def __init__(self, traces, *, point):
        self.traces, self.point = traces, point

    # -- draw once -----------------------------------------------------------
    def plot(self, fig=None):
        """Draw every panel on ``fig`` (by default a new pyplot figure), at ``point``; in a
        live figure a left click on the data panel moves the point.

        Returns
        -------
        self
        """
        t = self.traces
        units, k = t.network.hidden_units, t.n_classes
        with lab_style():
            fig, axes = panels(fig, units + 4, PANEL_SIZE, label=LABEL)
            self.figure_ = fig
            self.regions_, self.point_ = draw_data_panel(axes[0], t)
            drawn = [draw_unit_panel(ax, t, j) for j, ax in enumerate(axes[1:units + 1])]
            self.unit_points_ = [point for point, _ in drawn]
            self.unit_texts_ = [text for _, text in drawn]
            self.plane_regions_, self.plane_point_, self.plane_note_ = draw_plane_panel(
                axes[units + 1], t)
            self.score_bars_, self.score_values_, self.score_axis_ = draw_bars(
                axes[units + 2], k, "Layer 2: the scores", "score")
            self.probability_bars_, self.probability_values_, _ = draw_bars(
                axes[units + 3], k, "Softmax: probabilities", "probability", limits=(0, 1.15))
            space_panels(fig)
        self._show(trace_layers(t.network, self.point))
        self._blitter = Blitter(fig, self._changing_artists())
        on_left_click(axes[0], lambda x0, x1: self.update(point=np.array([[x0, x1]])))
        return self

    def _changing_artists(self):
        """Every artist that :meth:`update` changes (the rest of the figure stays)."""
        found = [self.point_, *self.unit_points_, *self.unit_texts_]
        found += [*self.score_axis_.artists, *self.score_bars_, *self.score_values_]
        found += [*self.probability_bars_, *self.probability_values_]
        return found if self.plane_point_ is None else [*found, self.plane_point_]

    # -- update in place -----------------------------------------------------
    def _show(self, trace):
        """Every panel to the point of ``trace`` (one row): markers, numbers, bars."""
        self.trace, (x,), (z1,), (a1,) = trace, trace.x, trace.z1, trace.a1
        winner = int(trace.predicted[0])
        self.point_.set_data([x[0]], [x[1]])
        for j, (point, text) in enumerate(zip(self.unit_points_, self.unit_texts_,
                                              strict=True)):
            point.set_data([x[0]], [x[1]])
            text.set_text(f"z = {z1[j]:.2f},  a = {a1[j]:.2f}")
        if self.plane_point_ is not None:
            self.plane_point_.set_data([a1[0]], [a1[1]])
        scores = trace.scores[0]
        self.score_axis_.fit(scores)  # the bars stand on its bottom: the winner's is tallest
        _set_bars(self.score_bars_, self.score_values_, scores,
                  self.score_axis_.position(scores), winner)
        probabilities = trace.probabilities[0]
        _set_bars(self.probability_bars_, self.probability_values_, probabilities,
                  probabilities, winner)

    def update(self, *, point):
        """Follow ``point``, an array (1, 2), instead: every panel changes in place."""
        self.point = point
        self._show(trace_layers(self.traces.network, point))
        self._blitter.refresh()

    def move_to(self, point):
        """Follow ``point`` (x0, x1) instead: every panel is updated in place."""
        self.update(point=check_one_point(point=point))


def _set_bars(bars, texts, values, heights, winner):
    """Bars of ``heights`` (>= 0), each value written above its bar; the winner dark, outlined."""
    for i, (bar, text, v, h) in enumerate(zip(bars, texts, values, heights, strict=True)):
        bar.set_height(h)
        bar.set_facecolor(CLASS_DARK[i] if i == winner else CLASS_LIGHT[i])
        bar.set_linewidth(WINNER_EDGE if i == winner else 0)
        text.set_position((i, h + 0.03))
        text.set_verticalalignment("bottom")
        text.set_text(f"{v:.2f}")


def plt_forward_trace(X, y, model, classes, point, *, resolution=150):
    """Follow one point through the network: every layer's numbers for it, in one figure.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
        The examples, drawn for reference.
    y : ndarray of shape (m,) or (m, 1)
    model : keras.Model of two Dense layers, or list of ndarray
        See :func:`lab_helpers.trace.forward_trace`: 1 to 8 layer-1 units and one
        output unit per class.
    classes : int
        2 to 10.
    point : array-like of shape (2,) or (1, 2)
        The point (x0, x1) to follow.
    resolution : int, default=150
        Mesh points per axis of the maps over the input plane.

    Returns
    -------
    ForwardTraceView
        Its ``fig`` is shown like the other figures; a click on the data panel of a
        live figure (JupyterLab) moves the point, and ``move_to`` does it from code.
    """
    X = check_points(X=X)
    classes = check_class_count(classes=classes)
    y = check_class_ids(y=y, rows_of=("X", X), classes=classes)
    network = check_two_layers(model=model)
    point = check_one_point(point=point)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    classes = check_class_count(classes=classes, least=2)
    outputs = network.outputs  # check_two_layers checked the rest, as for forward_trace
    if outputs != classes:
        raise ValueError(f"model must have one output unit per class ({classes}); got {outputs}")
    traces = forward_traces(network, X, y, classes, resolution)
    return ForwardTraceView(traces, point=point).plot()
