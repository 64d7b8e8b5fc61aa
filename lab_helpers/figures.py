"""The lab's four figures: the data, the decision regions, layer 1's units, the output units.

Each checks its arguments first, computes with :mod:`lab_helpers.compute`, draws
inside the course style and returns the figure. ``ax=`` or ``fig=`` draws into
an existing axes or figure.
"""

from __future__ import annotations

import numbers

import numpy as np
from matplotlib.colors import Normalize

from .checks import (
    MAX_CLASSES,
    MAX_UNITS,
    as_finite_array,
    check_bias,
    check_class_count,
    check_class_ids,
    check_kernel,
    check_points,
    check_predicted_ids,
    check_range,
    check_whole_number,
    named_argument,
)
from .compute import _decision_regions, _plane_limits, _plot_limits, _unit_maps
from .draw import (
    RegionsArtist,
    confidence_colorbar,
    draw_classes,
    draw_value_map,
    figure_and_axes,
    label_axes,
    label_coinciding,
    legend,
    panels,
    relu_norm,
)
from .layout import space_panels
from .network import predicted_classes
from .predictor import as_predictor
from .style import ACTIVATION_CMAP, lab_style, output_cmap

PANEL_SIZE = (3.4, 2.8)   # inches per panel of the per-unit figures
SINGLE_SIZE = (3.6, 3.2)  # inches of the one-panel figures
CONFIDENCE_SIZE = (5.4, 3.2)  # ... with a colour bar of one strip per class

# Each figure's window title: its caption above the static image, and the image's
# description (alt text) in the HTML report.
LABELS = {
    "data": "The data set: each training example at its (x0, x1), one colour and marker "
            "shape per class",
    "regions": "Decision regions: the class the model predicts at each point (background), "
               "with the training examples",
    "confidence": "How sure the model is: each region fades from its class's colour (sure) to "
                  "white where the classes tie, with the training examples",
    "layer1": "Layer 1: each ReLU unit's output over the input plane (white where it is 0), "
              "with the training examples",
    "output": "Output layer: each unit's score over the layer-1 outputs (a0, a1), one colour "
              "scale, outlined where it wins",
}


def plt_mc(X_train, y_train, classes, centers=None, std=None, *, ax=None):
    """Scatter a multi-class data set, one colour per class.

    Parameters
    ----------
    X_train : ndarray of shape (m, 2)
    y_train : ndarray of shape (m,) or (m, 1)
        Class ids ``0 .. classes - 1``.
    classes : int
        Number of classes.
    centers : array-like of shape (classes, 2), or int, optional
        Cluster centres used to make the data, marked with a cross (a number of
        centres, as ``make_blobs`` also accepts, marks nothing).
    std : float or sequence of float, optional
        Cluster standard deviation; a single value is shown in the title.
    ax : matplotlib Axes, optional
        Draw here instead of on a new figure.

    Returns
    -------
    fig : matplotlib Figure
    """
    X_train, classes, y_train = _check_data(X_train, y_train, classes)
    if centers is not None and not isinstance(centers, numbers.Integral):
        centers = check_points(centers=centers)
    else:  # make_blobs also takes a number of centres: nothing to mark then
        centers = None
    with lab_style():
        fig, ax = figure_and_axes(ax, SINGLE_SIZE, label=LABELS["data"])
        draw_classes(ax, X_train, y_train, classes)
        if centers is not None:
            ax.plot(centers[:, 0], centers[:, 1], linestyle="none", marker="+",
                    markersize=9, markeredgewidth=2, color="black", label="centre")
        title = f"{classes}-class data"
        ax.set_title(title if np.ndim(std) != 0 or std is None
                     else f"{title}, std {float(std):g}")
        label_axes(ax)
        legend(ax)
    return fig


def _check_data(X, y, classes, *, names=("X_train", "y_train")):
    """The examples (m, 2), the number of classes and one class id per example, checked."""
    X = check_points(**{names[0]: X})
    classes = check_class_count(classes=classes)
    y = check_class_ids(**{names[1]: y}, rows_of=(names[0], X), classes=classes)
    return X, classes, y


def plt_cat_mc(X_train, y_train, model, classes, *, ax=None, resolution=200, pointwise=False,
               confidence=False):
    """The data set over the model's decision regions.

    Parameters
    ----------
    X_train : ndarray of shape (m, 2)
    y_train : ndarray of shape (m,) or (m, 1)
    model : keras.Model, scikit-learn classifier or callable
        See :func:`lab_helpers.compute.predict_class_ids`. Called once, on the whole mesh.
    classes : int
    ax : matplotlib Axes, optional
    resolution : int, default=200
        Mesh points per axis.
    pointwise : bool, default=False
        Call ``model`` once per mesh point, for a function of one point (1, 2).
    confidence : bool, default=False
        Shade each region by the probability of the class predicted there (the
        softmax of the model's scores, or ``predict_proba``): white where the
        classes tie, the class's colour where the model is sure; with a colour bar.

    Returns
    -------
    fig : matplotlib Figure
    """
    X_train, classes, y_train = _check_data(X_train, y_train, classes)
    predictor = as_predictor(model=model, pointwise=pointwise)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    regions = _decision_regions(X_train, predictor, resolution, probabilities=confidence)
    xx0, xx1, ids = regions[:3]
    check_predicted_ids(ids, classes, predictor.name)
    sureness = regions[3].max(axis=-1) if confidence else None
    with lab_style():
        fig, ax = figure_and_axes(ax, CONFIDENCE_SIZE if confidence else SINGLE_SIZE,
                                  label=LABELS["confidence" if confidence else "regions"])
        RegionsArtist(ax, xx0, xx1, ids, classes, confidence=sureness)
        if confidence:
            confidence_colorbar(ax, classes, "probability of the predicted class")
        draw_classes(ax, X_train, y_train, classes)
        ax.set_title("How sure the model is" if confidence else "Decision regions")
        label_axes(ax)
        legend(ax)
    return fig


def plt_layer_relu(X, Y, W1, b1, classes, *, fig=None, resolution=100):
    """One panel per layer-1 ReLU unit: its output over the input plane.

    The background is the unit's output ``max(0, x @ W1[:, j] + b1[j])`` (white
    where it is 0, with a colour bar; one colour scale for all panels); the dark
    line is where the output turns from zero to positive; the data are drawn on top.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
    Y : ndarray of shape (m,) or (m, 1)
    W1 : ndarray of shape (2, units), 1 <= units <= 8
    b1 : ndarray of shape (units,)
    classes : int
    fig : matplotlib Figure, optional
        An empty figure to draw into.
    resolution : int, default=100

    Returns
    -------
    fig : matplotlib Figure
    """
    X, classes, Y = _check_data(X, Y, classes, names=("X", "Y"))
    W1 = check_kernel(W1=W1, rows_of=("X", X), most=MAX_UNITS)
    b1 = check_bias(b1=b1, fits=("W1", W1))
    resolution = check_whole_number(resolution=resolution, minimum=2)
    x0_rng, x1_rng = _plot_limits(X)
    xx0, xx1, maps = _unit_maps(W1, b1, x0_rng, x1_rng, relu=True, resolution=resolution)
    shared = relu_norm(maps)  # one scale: the outputs are the next layer's two axes
    with lab_style():
        fig, axes = panels(fig, len(maps), PANEL_SIZE,
                           label=LABELS["layer1"])
        for j, ax in enumerate(axes):
            draw_value_map(ax, xx0, xx1, maps[j], ACTIVATION_CMAP, f"a{j}", norm=shared)
            draw_classes(ax, X, Y, classes, size=25)
            ax.set_title(f"Layer 1, unit {j}")
            label_axes(ax)
        legend(axes[0])
        space_panels(fig)
    return fig


def check_layer1_pair(**kwargs):
    """The outputs of exactly two layer-1 units, one row per example, a finite float
    array (m, 2): the output-layer figure draws over their plane."""
    name, value = named_argument(kwargs)
    arr = as_finite_array(value, name)
    if arr.ndim == 2 and arr.shape[1] != 2:
        raise ValueError(f"{name} must hold the outputs (a0, a1) of two layer-1 units: this "
                         f"figure draws over their plane, so it needs a layer 1 of exactly two "
                         f"units; got {arr.shape[1]} columns (shape {arr.shape})")
    return arr


def plt_output_layer_linear(X, Y, W, b, classes, x0_rng=None, x1_rng=None, *, fig=None,
                            resolution=100):
    """One panel per output unit: its linear output over the plane of layer-1 outputs.

    The background is the unit's output ``a @ W[:, k] + b[k]`` (strong colour =
    high score), on one colour scale for all panels, so that a shade means the
    same score in each; the dark line outlines where unit k has the largest
    output of all units, i.e. where the network predicts class k.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
        Layer-1 outputs ``a1`` of the examples: the figure needs a layer 1 of two units.
    Y : ndarray of shape (m,) or (m, 1)
    W : ndarray of shape (2, units), 1 <= units <= 10
    b : ndarray of shape (units,)
    classes : int
    x0_rng, x1_rng : (float, float), optional
        Ranges of the a0 and a1 axes; by default they cover the data and the origin
        (:func:`lab_helpers.compute.plane_limits`). Where two or more examples of a
        class coincide, their count is written beside them.
    fig : matplotlib Figure, optional
    resolution : int, default=100

    Returns
    -------
    fig : matplotlib Figure
    """
    X = check_layer1_pair(X=X)
    X, classes, Y = _check_data(X, Y, classes, names=("X", "Y"))
    W = check_kernel(W=W, rows_of=("X", X), most=MAX_CLASSES)
    b = check_bias(b=b, fits=("W", W))
    auto0, auto1 = _plane_limits(X)
    x0_rng = auto0 if x0_rng is None else check_range(x0_rng=x0_rng)
    x1_rng = auto1 if x1_rng is None else check_range(x1_rng=x1_rng)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    xx0, xx1, maps = _unit_maps(W, b, x0_rng, x1_rng, resolution=resolution)
    winner = predicted_classes(maps, axis=0)
    shared = Normalize(maps.min(), maps.max())  # one scale: compare the panels by colour
    with lab_style():
        fig, axes = panels(fig, len(maps), PANEL_SIZE,
                           label=LABELS["output"])
        for k, ax in enumerate(axes):
            draw_value_map(ax, xx0, xx1, maps[k], output_cmap(k), f"z{k}",
                           outline=winner == k, norm=shared)
            draw_classes(ax, X, Y, classes, size=25)
            label_coinciding(ax, X, Y)
            ax.set_xlim(x0_rng)
            ax.set_ylim(x1_rng)
            ax.set_title(f"Output unit {k}")
            label_axes(ax, "a0 (layer 1)", "a1 (layer 1)")
        legend(axes[0])
        space_panels(fig)
    return fig
