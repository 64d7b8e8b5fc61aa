"""One point followed through the network, in one figure whose panels move together.

The numbers come from :func:`lab_helpers.trace.trace_layers`; this module only
draws them. In a live figure (ipympl in JupyterLab, or any interactive backend)
a click on the data panel moves the point and every panel follows in place.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .checks import (
    MAX_CLASSES,
    MAX_UNITS,
    checked,
    class_count,
    labels_of,
    point_or_points,
    points,
    whole_number,
)
from .compute import mesh, mesh_points, plane_limits, plot_limits, unit_maps
from .display import Blitter
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
    space_panels,
)
from .style import ACTIVATION_CMAP, BOUNDARY, CLASS_DARK, CLASS_LIGHT, lab_style
from .trace import trace_layers, two_layers
from .value_axis import ValueAxis

PANEL_SIZE = (2.8, 2.6)  # inches per panel: 3 across fit a notebook at 1280 pixels
LABEL = ("One point through the network: the point (a star) in the data, in each layer-1 "
         "unit's map, in layer 2's plane, and its scores and probabilities as bars")
POINT_STYLE = dict(linestyle="none", marker="*", markersize=15, markerfacecolor="white",
                   markeredgecolor=BOUNDARY, markeredgewidth=1.5, zorder=5)
WINNER_EDGE = 2.5  # line width around the winning class's bars


def one_point(value, name, args=None):
    """Check: one point (x0, x1), shape (2,) or (1, 2), as a float array (1, 2)."""
    arr = point_or_points(value, name)
    if len(arr) != 1:
        raise ValueError(f"{name} must be one point (x0, x1); got {len(arr)} points")
    return arr


class ForwardTraceView:
    """A figure that follows one point through a two-layer network; made by
    :func:`plt_forward_trace`.

    Panels, in reading order: the data over the decision regions; each layer-1
    unit's output over the plane, with the point's z and a above it; layer 2's
    plane (a0, a1) with the examples, the point and the output units' winning
    areas, on the limits of the output-layer figure, with the count where examples
    of a class coincide (only when layer 1 has two units; a note otherwise); layer 2's
    scores (bars standing on a value axis fitted to the point's scores, so the winner's
    is the tallest, numbers above them; see :class:`lab_helpers.value_axis.ValueAxis`)
    and their softmax probabilities, the winner dark and outlined.

    :meth:`move_to` (or a click on the data panel of a live figure) changes only the
    point's markers, numbers and bars, and redraws only them (blitting) where the
    canvas allows it.

    Attributes
    ----------
    fig : matplotlib Figure
    artists : dict
        Per panel: ``"data"`` {``"regions"`` (RegionsArtist), ``"point"`` (Line2D)};
        ``"units"``, a list with one {``"point"``, ``"text"`` (its z and a)} per
        layer-1 unit; ``"plane"`` {``"regions"``, ``"point"``} or {``"note"``};
        ``"scores"`` and ``"probabilities"`` {``"bars"`` (BarContainer), ``"values"``
        (one Text per bar)}, the scores also ``"axis"`` (their ValueAxis).
    trace : PointTrace
        The numbers of the point shown (one row).
    """

    def __init__(self, X, y, layers, n_classes, point, resolution):
        self.layers, self.n_classes = layers, n_classes
        xx0, xx1 = mesh(*plot_limits(X), resolution)
        grid = trace_layers(layers, mesh_points(xx0, xx1))
        examples = trace_layers(layers, X)
        units = layers[0].units
        self.trace = trace_layers(layers, point)
        with lab_style():
            self.fig, axes = panels(None, units + 4, PANEL_SIZE,
                                    label=LABEL)
            self.artists = {
                "data": self._draw_data(axes[0], X, y, xx0, xx1, grid),
                "units": [self._draw_unit(ax, j, X, y, xx0, xx1, grid)
                          for j, ax in enumerate(axes[1:units + 1])],
                "plane": self._draw_plane(axes[units + 1], examples, y),
                # a value axis fitted to each point's scores (see _show)
                "scores": self._draw_bars(axes[units + 2], None, "Layer 2: the scores",
                                          "score"),
                "probabilities": self._draw_bars(axes[units + 3], (0.0, 1.15),
                                                 "Softmax: probabilities", "probability"),
            }
            space_panels(self.fig)
        self._data_ax = axes[0]
        self._show(self.trace)
        self._blitter = Blitter(self.fig, self._changing_artists())
        self.fig.canvas.mpl_connect("button_press_event", self._on_click)

    def _changing_artists(self):
        """Every artist that :meth:`move_to` changes (the rest of the figure stays)."""
        a = self.artists
        found = [a["data"]["point"], a["plane"].get("point")]
        found += [unit[key] for unit in a["units"] for key in ("point", "text")]
        found += a["scores"]["axis"].artists  # under the bars
        for bars in (a["scores"], a["probabilities"]):
            found += [*bars["bars"], *bars["values"]]
        return [artist for artist in found if artist is not None]

    # -- draw once -----------------------------------------------------------
    def _draw_data(self, ax, X, y, xx0, xx1, grid):
        regions = RegionsArtist(ax, xx0, xx1, grid.predicted.reshape(xx0.shape),
                                self.n_classes)
        draw_classes(ax, X, y, self.n_classes, size=16)
        few_ticks(ax)
        label_axes(ax)
        ax.set_title("The point followed")  # the same words suit a static image
        return {"regions": regions, "point": ax.plot([], [], **POINT_STYLE)[0]}

    def _draw_unit(self, ax, j, X, y, xx0, xx1, grid):
        values = grid.a1[:, j].reshape(xx0.shape)
        draw_value_map(ax, xx0, xx1, values, ACTIVATION_CMAP, f"a{j}", norm=relu_norm(grid.a1))
        draw_classes(ax, X, y, self.n_classes, size=9)
        label_axes(ax)
        ax.set_title(f"Layer 1, unit {j}", pad=20)  # room for the numbers below it
        text = ax.text(0.5, 1.03, "", transform=ax.transAxes, ha="center", va="bottom",
                       fontsize="large")
        return {"point": ax.plot([], [], **POINT_STYLE)[0], "text": text}

    def _draw_plane(self, ax, examples, y):
        units = self.layers[0].units
        if units != 2:
            ax.axis("off")
            note = ax.text(0.5, 0.5, "Layer 2's plane (a0, a1)\nis drawn when layer 1\n"
                           f"has 2 units; it has {units}.", ha="center", va="center",
                           transform=ax.transAxes, fontsize="large")
            return {"note": note}
        a0_rng, a1_rng = plane_limits(examples.a1)  # as the output-layer figure
        out = self.layers[1]
        pxx0, pxx1, scores = unit_maps(out.kernel, out.bias, a0_rng, a1_rng, resolution=120)
        regions = RegionsArtist(ax, pxx0, pxx1, np.argmax(scores, axis=0), self.n_classes)
        draw_classes(ax, examples.a1, y, self.n_classes, size=16)
        label_coinciding(ax, examples.a1, y)
        ax.set_xlim(a0_rng)
        ax.set_ylim(a1_rng)
        few_ticks(ax)
        label_axes(ax, "a0 (layer 1)", "a1 (layer 1)")
        ax.set_title("What layer 2 sees")
        return {"regions": regions, "point": ax.plot([], [], **POINT_STYLE)[0]}

    def _draw_bars(self, ax, limits, title, label):
        k = self.n_classes
        bars = ax.bar(np.arange(k), np.zeros(k), color=CLASS_LIGHT[:k], edgecolor=BOUNDARY,
                      linewidth=0)
        values = [ax.text(i, 0.0, "", ha="center", fontsize="small") for i in range(k)]
        ax.set_xticks(np.arange(k), class_labels(k, None))
        ax.set_title(title)
        ax.set_ylabel(label, labelpad=24 if limits is None else None)
        if limits is None:  # no fixed limits: a value axis refitted to each point
            return {"bars": bars, "values": values, "axis": ValueAxis(ax)}
        ax.axhline(0.0, color=BOUNDARY, linewidth=1)
        ax.set_ylim(limits)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        return {"bars": bars, "values": values}

    # -- update in place -----------------------------------------------------
    def _show(self, trace):
        """Every panel to the point of ``trace`` (one row): markers, numbers, bars."""
        a, (x,), (z1,), (a1,) = self.artists, trace.x, trace.z1, trace.a1
        winner = int(trace.predicted[0])
        a["data"]["point"].set_data([x[0]], [x[1]])
        for j, unit in enumerate(a["units"]):
            unit["point"].set_data([x[0]], [x[1]])
            unit["text"].set_text(f"z = {z1[j]:.2f},  a = {a1[j]:.2f}")
        if "point" in a["plane"]:
            a["plane"]["point"].set_data([a1[0]], [a1[1]])
        scores, axis = trace.scores[0], a["scores"]["axis"]
        axis.fit(scores)  # the bars stand on the axis's bottom: the winner's is the tallest
        self._set_bars(a["scores"], scores, axis.position(scores), winner)
        probabilities = trace.probabilities[0]
        self._set_bars(a["probabilities"], probabilities, probabilities, winner)

    @staticmethod
    def _set_bars(panel, values, heights, winner):
        """Bars of ``heights``, each with its value written above it; the winner dark and
        outlined."""
        for i, (bar, text, v, h) in enumerate(zip(panel["bars"], panel["values"], values,
                                                  heights, strict=True)):
            bar.set_height(h)
            bar.set_facecolor(CLASS_DARK[i] if i == winner else CLASS_LIGHT[i])
            bar.set_linewidth(WINNER_EDGE if i == winner else 0)
            text.set_position((i, h + 0.03))
            text.set_verticalalignment("bottom")
            text.set_text(f"{v:.2f}")

    def move_to(self, point):
        """Follow ``point`` (x0, x1) instead: every panel is updated in place."""
        self.trace = trace_layers(self.layers, one_point(point, "point"))
        self._show(self.trace)
        self._blitter.refresh()

    def _on_click(self, event):
        """A left click on the data panel, with no zoom or pan tool active."""
        toolbar = self.fig.canvas.toolbar
        if (event.inaxes is not self._data_ax or event.button != 1
                or (toolbar is not None and toolbar.mode)):
            return
        self.move_to((event.xdata, event.ydata))

    def close(self):
        """Close the figure."""
        import matplotlib.pyplot as plt

        plt.close(self.fig)


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
    if not 2 <= classes <= MAX_CLASSES:
        raise ValueError(f"classes must be between 2 and {MAX_CLASSES}; got {classes}")
    units, outputs = model[0].units, model[1].units
    if not 1 <= units <= MAX_UNITS:
        raise ValueError(f"model's first layer must have 1 to {MAX_UNITS} units; got {units}")
    if outputs != classes:
        raise ValueError(f"model must have one output unit per class ({classes}); got {outputs}")
    return ForwardTraceView(X, y, model, classes, point, resolution)


plt_forward_trace = checked(
    plt_forward_trace, X=points, classes=class_count, y=labels_of("X", "classes"),
    model=two_layers, point=one_point, resolution=whole_number(2))
