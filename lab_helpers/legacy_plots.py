"""The original module's general plots: they draw on the axes the caller gives them.

Their positional parameters are those of the original ``lab_utils_multiclass_TF``
(and ``plot_mc_data`` of the week's sibling module); new options are
keyword-only. A function of one point at a time is evaluated with
``pointwise=True`` (``vector=False`` in ``plot_cat_decision_boundary_mc``).
"""

from __future__ import annotations

import numpy as np
from matplotlib import cm
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from .checks import (
    MAX_CLASSES,
    check_class_count,
    check_class_ids,
    check_label_names,
    check_points,
    check_predicted_ids,
    check_range,
    check_whole_number,
)
from .compute import _decision_regions, mesh, mesh_points

# (imported under other names: the original parameters ``legend`` and ``class_labels``
# would hide them)
from .draw import RegionsArtist, draw_classes, draw_value_map
from .draw import class_labels as legend_labels
from .draw import legend as draw_legend
from .predictor import as_predictor
from .style import ACTIVATION_CMAP, CLASS_LIGHT, as_colormap, lab_style


def plt_mc_data(ax, X, y, classes, class_labels=None, map=cm.Paired,  # noqa: A002
                legend=False, size=50, m="o", equal_xy=False):
    """Scatter ``X`` onto ``ax``, one colour per class.

    Parameters
    ----------
    ax : matplotlib Axes
    X : ndarray of shape (m, 2)
    y : ndarray of shape (m,) or (m, 1)
    classes : int
    class_labels : list of str, optional
        Legend labels; ``"c0", "c1", ...`` by default.
    map : Colormap, default=matplotlib.cm.Paired
        ``Paired`` gives the lab's class colours; another map is sampled evenly.
    legend : bool, default=False
    size : float, default=50
        Marker area in points squared (as ``scatter``'s ``s``).
    m : str, default="o"
        ``"o"`` gives each class its own marker shape (circles for class 0, then
        squares, triangles, ...), so that classes differ in more than colour; any
        other marker is used for every class.
    equal_xy : bool, default=False
        Equal scaling of both axes.
    """
    X = check_points(X=X)
    classes = check_class_count(classes=classes)
    y = check_class_ids(y=y, rows_of=("X", X), classes=classes)
    class_labels = check_label_names(class_labels=class_labels, classes=classes)
    _draw_mc_data(ax, X, y, classes, class_labels, map, legend, size, m, equal_xy)


def _draw_mc_data(ax, X, y, classes, class_labels, map, legend, size, m, equal_xy):  # noqa: A002
    colors = None if getattr(map, "name", map) == "Paired" else _sample_colors(map, classes)
    with lab_style():
        draw_classes(ax, X, y, classes, labels=class_labels, size=size,
                     marker=None if m == "o" else m, colors=colors)
        if equal_xy:
            ax.set_aspect("equal")
        if legend:
            draw_legend(ax)


def _sample_colors(cmap, n):
    cmap = as_colormap(cmap)
    if isinstance(cmap, ListedColormap):
        return cmap(np.arange(n) % cmap.N)
    return cmap(np.linspace(0, 1, n))


def plot_mc_data(X, y, class_labels=None, legend=False, size=40, *, ax=None):
    """Scatter ``X`` by class on ``ax`` (default: the current axes).

    Parameters
    ----------
    X : ndarray of shape (m, 2)
    y : ndarray of shape (m,) or (m, 1)
        Class ids; the number of classes is ``max(y) + 1``.
    class_labels : list of str, optional
    legend : bool, default=False
    size : float, default=40
    ax : matplotlib Axes, optional

    Returns
    -------
    fig : matplotlib Figure
    """
    y = check_class_ids(y=y)
    X = check_points(X=X)
    y = check_class_ids(y=y, rows_of=("X", X))
    classes = int(y.max()) + 1
    class_labels = check_label_names(class_labels=class_labels, classes=classes)
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    _draw_mc_data(ax, X, y, classes, class_labels, cm.Paired, legend, size, "o", False)
    return ax.figure


def plot_cat_decision_boundary_mc(ax, X, predict, class_labels=None, legend=False,
                                  vector=True, *, resolution=200):
    """Draw the decision regions of ``predict`` on ``ax`` over a mesh around ``X``.

    Parameters
    ----------
    ax : matplotlib Axes
    X : ndarray of shape (m, 2)
    predict : callable or model
        Returns class ids (or scores) for an array of points.
    class_labels : list of str, optional
        Names of the classes, for the legend; also fixes the number of classes.
    legend : bool, default=False
    vector : bool, default=True
        ``False``: ``predict`` takes one point (1, 2) at a time.
    resolution : int, default=200
    """
    X = check_points(X=X)
    predictor = as_predictor(predict=predict, pointwise=not vector, switch="vector=False")
    class_labels = check_label_names(class_labels=class_labels)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    xx0, xx1, ids = _decision_regions(X, predictor, resolution)
    n = len(class_labels) if class_labels is not None else min(int(ids.max()) + 1, MAX_CLASSES)
    check_predicted_ids(ids, n, predictor.name)
    with lab_style():
        RegionsArtist(ax, xx0, xx1, ids, n)
        if legend:
            handles = [Patch(color=CLASS_LIGHT[k], label=label)
                       for k, label in enumerate(legend_labels(n, class_labels))]
            ax.legend(handles=handles, loc="best", fontsize="small")


def plt_prob_z(ax, fwb, x0_rng=(-8, 8), x1_rng=(-5, 4), *, resolution=100, pointwise=False):
    """Shade ``ax`` by the scalar function ``fwb`` with a colour bar and its zero contour.

    Parameters
    ----------
    ax : matplotlib Axes
    fwb : callable
        Maps points of shape (n, 2) to n values.
    x0_rng, x1_rng : (float, float)
    resolution : int, default=100
    pointwise : bool, default=False
        ``fwb`` takes one point (1, 2) at a time and returns one value.
    """
    fwb = as_predictor(fwb=fwb, pointwise=pointwise)
    x0_rng, x1_rng = check_range(x0_rng=x0_rng), check_range(x1_rng=x1_rng)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    xx0, xx1 = mesh(x0_rng, x1_rng, resolution)
    values = fwb.values(mesh_points(xx0, xx1)).reshape(xx0.shape)
    with lab_style():
        draw_value_map(ax, xx0, xx1, values, ACTIVATION_CMAP, "value")
