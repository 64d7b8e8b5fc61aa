"""Helpers of the multi-class classification lab: data, decision regions,
and what each unit of a small ReLU -> linear network computes.

The module is organised as *compute, then draw*:

* pure functions return arrays (``predict_class_ids``, ``decision_regions``,
  ``relu_layer``, ``unit_maps``);
* drawing functions validate their input, call the compute functions, draw
  inside the course style (:func:`lab_utils_common.lab_style`) and return the
  figure. They accept ``ax=`` or ``fig=`` to draw into an existing figure.

Importing the module changes no global state.
"""

from __future__ import annotations

import base64
import functools
import io
import math
import numbers
from dataclasses import dataclass

import keras
import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, LinearSegmentedColormap, ListedColormap

from lab_utils_common import (
    as_finite_array,
    dlblue,
    dlc,
    dlcolors,
    dldarkblue,
    dldarkred,
    dlmagenta,
    dlmedblue,
    dlorange,
    dlpurple,
    lab_style,
    sigmoid,
)

__all__ = [
    # colours (re-exported from lab_utils_common, plus the class colours)
    "dlblue", "dlorange", "dldarkred", "dlmagenta", "dlpurple", "dldarkblue", "dlmedblue",
    "dlcolors", "dlc", "dkcolors", "ltcolors", "dkcolors_map", "ltcolors_map", "class_colors",
    # compute
    "predict_class_ids", "plot_limits", "decision_regions", "relu_layer", "unit_maps",
    # draw
    "plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear",
    "plt_mc_data", "plot_mc_data", "plot_cat_decision_boundary_mc", "plt_prob_z",
    "truncate_colormap",
    # explaining a trained network
    "CLASS_COLOR_NAMES", "ReluUnit", "OutputUnit", "describe_relu_units", "describe_output_units",
    "explain_units", "confusions", "confusion_summary",
    # training, and replaying it
    "PrintLoss", "WeightHistory", "plt_training_explorer", "TrainingExplorer",
]

# ---------------------------------------------------------------------------
# Colours: class 0 blue, 1 green, 2 orange, 3 purple (the prose relies on it)
# ---------------------------------------------------------------------------
_PAIRED = mpl.colormaps["Paired"]
_TAB20 = mpl.colormaps["tab20"]
dkcolors = _PAIRED(np.array([1, 3, 7, 9, 5, 11]))
ltcolors = _PAIRED(np.array([0, 2, 6, 8, 4, 10]))
dkcolors_map = ListedColormap(dkcolors, name="dkcolors")
ltcolors_map = ListedColormap(ltcolors, name="ltcolors")

# Classes 6-9 continue with tab20's pink, grey, olive and cyan pairs.
_DARK = np.vstack([dkcolors, _TAB20(np.array([12, 14, 16, 18]))])
_LIGHT = np.vstack([ltcolors, _TAB20(np.array([13, 15, 17, 19]))])
MAX_CLASSES = len(_DARK)
MAX_UNITS = 8
CLASS_COLOR_NAMES = ("blue", "green", "orange", "purple", "red", "brown", "pink", "grey",
                     "olive", "cyan")

_EDGE = "#333333"
_BOUNDARY = "#222222"


def class_colors(n_classes):
    """Dark and light RGBA colours of classes ``0 .. n_classes - 1``.

    Returns
    -------
    dark, light : ndarray of shape (n_classes, 4)
    """
    n = _n_classes(n_classes)
    return _DARK[:n], _LIGHT[:n]


def truncate_colormap(cmap, minval=0.0, maxval=1.0, n=100):
    """Colormap made of the ``[minval, maxval]`` part of ``cmap`` (a Colormap or its name)."""
    cmap = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
    if not 0.0 <= minval < maxval <= 1.0:
        raise ValueError(f"need 0 <= minval < maxval <= 1; got minval={minval}, maxval={maxval}")
    colors = cmap(np.linspace(minval, maxval, int(n)))
    return LinearSegmentedColormap.from_list(
        f"trunc({cmap.name},{minval:.2f},{maxval:.2f})", colors
    )


# Background of the layer-1 maps: white where the unit outputs 0, grey where it is active.
_ACTIVATION_CMAP = truncate_colormap("Greys", 0.0, 0.55)


def _output_cmap(k):
    """White-to-class-colour ramp for output unit ``k``: strong colour = high score."""
    return LinearSegmentedColormap.from_list(f"unit{k}", ["white", _LIGHT[k % MAX_CLASSES],
                                                          _DARK[k % MAX_CLASSES]])


# ---------------------------------------------------------------------------
# Argument checks
# ---------------------------------------------------------------------------
def _points(X, name="X"):
    """``X`` as a finite float array of shape (m, 2)."""
    return as_finite_array(X, name, ndim=2, columns=2)


def _n_classes(classes, name="classes"):
    """Number of classes from an int or from the ids ``[0, 1, ..., k-1]``."""
    if isinstance(classes, numbers.Integral) and not isinstance(classes, bool):
        n = int(classes)
    else:
        ids = np.asarray(classes)
        if not np.issubdtype(ids.dtype, np.integer):
            raise TypeError(
                f"{name} must be the number of classes or the ids 0..k-1; got {classes!r}"
            )
        if ids.ndim != 1 or not np.array_equal(ids, np.arange(ids.size)):
            raise ValueError(f"{name} must be the ids 0..k-1 in order; got {classes!r}")
        n = ids.size
    if not 1 <= n <= MAX_CLASSES:
        raise ValueError(f"{name} must be between 1 and {MAX_CLASSES}; got {n}")
    return n


def _labels(y, m, n_classes, name="y"):
    """``y`` of shape (m,) or (m, 1) as int class ids in ``[0, n_classes)``."""
    arr = as_finite_array(y, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must have shape (m,) or (m, 1); got shape {arr.shape}")
    if arr.shape[0] != m:
        raise ValueError(f"X and {name} must have the same length; got {m} and {arr.shape[0]}")
    ids = arr.astype(np.int64)
    if not np.array_equal(ids, arr):
        raise ValueError(f"{name} must hold integer class ids; got non-integer values")
    bad = ids[(ids < 0) | (ids >= n_classes)]
    if bad.size:
        raise ValueError(
            f"{name} holds class id {int(bad[0])}, outside classes 0..{n_classes - 1}"
        )
    return ids


def _dataset(X, y, classes, X_name="X", y_name="y"):
    """Points (m, 2), their class ids (m,) and the number of classes, checked together."""
    X = _points(X, X_name)
    n = _n_classes(classes)
    return X, _labels(y, X.shape[0], n, y_name), n


def _layer(W, b, inputs, W_name="W", b_name="b"):
    """Check a dense layer's weights: ``W`` (inputs, units), ``b`` (units,)."""
    W = as_finite_array(W, W_name, ndim=2)
    if W.shape[0] != inputs:
        raise ValueError(
            f"{W_name} must have shape ({inputs}, units) to fit X; got shape {W.shape}"
        )
    b = as_finite_array(b, b_name).reshape(-1)
    if b.shape[0] != W.shape[1]:
        raise ValueError(
            f"{b_name} must have shape ({W.shape[1]},) to fit {W_name} of shape {W.shape}; "
            f"got {np.shape(b)}"
        )
    return W, b


def _whole_number(value, name, minimum=1):
    """``value`` as an int of at least ``minimum``."""
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < minimum:
        want = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {want}; got {value!r}")
    return int(value)


def _range(rng, name):
    """``(low, high)`` with ``low < high``, as floats."""
    arr = as_finite_array(rng, name, ndim=1)
    if arr.shape != (2,) or not arr[0] < arr[1]:
        raise ValueError(f"{name} must be (low, high) with low < high; got {rng!r}")
    return float(arr[0]), float(arr[1])


# ---------------------------------------------------------------------------
# Compute: pure functions returning arrays
# ---------------------------------------------------------------------------
def predict_class_ids(model, X):
    """Class id predicted by ``model`` for each row of ``X``, in one call.

    Parameters
    ----------
    model : keras.Model, scikit-learn classifier or callable
        A Keras model or a callable returning scores of shape (N, k) (the
        largest score wins) or class ids of shape (N,); a scikit-learn
        classifier's ``predict``.
    X : ndarray of shape (N, 2)

    Returns
    -------
    ids : ndarray of int, shape (N,)
        For a scikit-learn classifier, the position of the predicted label in
        ``model.classes_``.
    """
    X = _points(X)
    if isinstance(model, keras.Model):
        call = lambda A: keras.ops.convert_to_numpy(model(A.astype(np.float32), training=False))  # noqa: E731
    elif hasattr(model, "predict") and hasattr(model, "classes_"):
        # scikit-learn: labels may be any values; their position in classes_ is the id
        call = lambda A: np.searchsorted(model.classes_, model.predict(A))  # noqa: E731
    elif callable(model):
        call = model
    else:
        raise TypeError(
            "model must be a Keras model, a scikit-learn classifier or a callable; "
            f"got {type(model).__name__}"
        )
    try:
        out = np.asarray(call(X))
    except Exception as err:  # the model's own error, re-raised with context
        raise ValueError(
            f"model could not predict on X of shape {X.shape}: {type(err).__name__}: {err}"
        ) from err
    if out.ndim == 0 and X.shape[0] == 1:  # a one-point function may return a scalar
        out = out.reshape(1)
    if out.ndim == 2 and out.shape[1] > 1:
        out = np.argmax(out, axis=1)
    elif out.ndim == 2 and out.shape[1] == 1:
        if not np.array_equal(out, np.round(out)):
            raise ValueError(
                "model returned one score per point (shape (N, 1)); return a score per class "
                "(N, k) or class ids (N,) or (N, 1)"
            )
        out = out[:, 0]
    if out.shape != (X.shape[0],):
        raise ValueError(
            f"model must return scores (N, k) or class ids (N,) for N={X.shape[0]}; "
            f"got shape {np.shape(out)}"
        )
    ids = out.astype(np.int64)
    if not np.array_equal(ids, out):
        raise ValueError("model returned non-integer class ids")
    return ids


def plot_limits(X, *, margin=1.0):
    """Axis ranges around the points: ``(x0_min - margin, x0_max + margin)`` and likewise x1.

    Parameters
    ----------
    X : ndarray of shape (N, 2)

    Returns
    -------
    x0_rng, x1_rng : tuple of float
    """
    X = _points(X)
    if not np.isfinite(margin) or margin < 0:
        raise ValueError(f"margin must be a finite number >= 0; got {margin!r}")
    lo = X.min(axis=0) - margin
    hi = X.max(axis=0) + margin
    hi = np.where(hi > lo, hi, lo + 1.0)
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def _mesh(x0_rng, x1_rng, resolution):
    """Grid points of the rectangle: ``xx0``, ``xx1`` of shape (resolution, resolution)."""
    x0 = np.linspace(x0_rng[0], x0_rng[1], resolution)
    x1 = np.linspace(x1_rng[0], x1_rng[1], resolution)
    return np.meshgrid(x0, x1)


def _checked_mesh(x0_rng, x1_rng, resolution):
    """:func:`_mesh` of caller-given ranges and resolution, checked first."""
    return _mesh(_range(x0_rng, "x0_rng"), _range(x1_rng, "x1_rng"),
                 _whole_number(resolution, "resolution", 2))


def _mesh_points(xx0, xx1):
    """The mesh as a list of points, shape (resolution**2, 2)."""
    return np.column_stack([xx0.ravel(), xx1.ravel()])


def _extent(xx0, xx1):
    """``imshow`` extent of a mesh: (x0 min, x0 max, x1 min, x1 max)."""
    return (xx0[0, 0], xx0[0, -1], xx1[0, 0], xx1[-1, 0])


def decision_regions(X, model, *, resolution=200, margin=1.0, pointwise=False):
    """Class predicted by ``model`` on a mesh that covers ``X``.

    Parameters
    ----------
    X : ndarray of shape (N, 2)
        Only its extent is used.
    model : see :func:`predict_class_ids`
    resolution : int, default=200
        Mesh points per axis.
    margin : float, default=1.0
    pointwise : bool, default=False
        Call ``model`` once per mesh point with an array of shape (1, 2), for
        functions that only accept one example. Otherwise it is called once.

    Returns
    -------
    xx0, xx1 : ndarray of shape (resolution, resolution)
    ids : ndarray of int, shape (resolution, resolution)
    """
    resolution = _whole_number(resolution, "resolution", 2)
    xx0, xx1 = _mesh(*plot_limits(X, margin=margin), resolution)
    grid = _mesh_points(xx0, xx1)
    if pointwise:
        ids = np.array([predict_class_ids(model, row[None, :])[0] for row in grid])
    else:
        ids = predict_class_ids(model, grid)
    return xx0, xx1, ids.reshape(xx0.shape)


def relu_layer(X, W1, b1):
    """Output of a dense ReLU layer, ``max(0, X @ W1 + b1)``.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    W1 : ndarray of shape (n, units)
    b1 : ndarray of shape (units,)

    Returns
    -------
    A1 : ndarray of shape (m, units)
    """
    X = as_finite_array(X, "X", ndim=2)
    W1, b1 = _layer(W1, b1, X.shape[1], "W1", "b1")
    return np.maximum(0.0, X @ W1 + b1)


def unit_maps(W, b, x0_rng, x1_rng, *, relu=False, resolution=100):
    """Each unit's output over a rectangle of its 2-D input plane.

    Parameters
    ----------
    W : ndarray of shape (2, units)
    b : ndarray of shape (units,)
    x0_rng, x1_rng : (float, float)
    relu : bool, default=False
        Apply ReLU (layer 1) or leave the output linear (output layer).
    resolution : int, default=100

    Returns
    -------
    xx0, xx1 : ndarray of shape (resolution, resolution)
    values : ndarray of shape (units, resolution, resolution)
    """
    W, b = _layer(W, b, 2)
    xx0, xx1 = _checked_mesh(x0_rng, x1_rng, resolution)
    values = np.einsum("iu,irc->urc", W, np.stack([xx0, xx1])) + b[:, None, None]
    if relu:
        np.maximum(values, 0.0, out=values)
    return xx0, xx1, values


# ---------------------------------------------------------------------------
# Draw: small pieces shared by the figures
# ---------------------------------------------------------------------------
_GRIDS = {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2), 5: (2, 3), 6: (2, 3),
          7: (2, 4), 8: (2, 4), 9: (3, 3), 10: (2, 5)}


def _new_figure(figsize, nrows=1, ncols=1, *, label=None, width_ratios=None):
    """A pyplot figure (so ipympl shows it) with a grid of axes; call inside ``lab_style``.

    ``label`` names the figure's window; ipympl also prints it above the static
    image that headless runs and the HTML report show.
    """
    fig = plt.figure(figsize=figsize)
    if label and fig.canvas.manager is not None:
        fig.canvas.manager.set_window_title(label)
    if hasattr(type(fig.canvas), "header_visible"):  # ipympl: the title says enough
        fig.canvas.header_visible = False
    axes = fig.subplots(nrows, ncols, squeeze=False, width_ratios=width_ratios)
    return fig, axes


def _grid_figsize(n, panel_size):
    """Figure size (inches) for ``n`` panels of ``panel_size`` in the grid of :func:`_panels`."""
    nrows, ncols = _GRIDS[n]
    return panel_size[0] * ncols, panel_size[1] * nrows


def _panels(fig, n, panel_size, *, label=None):
    """A figure (new, or ``fig``) with ``n`` panels in a compact grid; spare axes removed."""
    nrows, ncols = _GRIDS[n]
    if fig is None:
        fig, axes = _new_figure(_grid_figsize(n, panel_size), nrows, ncols, label=label)
    else:
        axes = fig.subplots(nrows, ncols, squeeze=False)
    axes = axes.ravel()
    for ax in axes[n:]:
        ax.remove()
    return fig, list(axes[:n])


def _few_ticks(ax, n=4):
    """At most about ``n`` ticks per axis: every draw renders every label, and text
    dominates the cost of drawing these figures."""
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(n))
    ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(n))


def _draw_classes(ax, X, ids, n_classes, *, labels=None, size=50, marker="o", colors=None):
    """Scatter the points of each class in its colour (one Line2D per class: fast)."""
    colors = _DARK if colors is None else colors
    labels = _class_labels(n_classes, labels)
    for k in range(n_classes):
        sel = ids == k
        ax.plot(X[sel, 0], X[sel, 1], linestyle="none", marker=marker,
                markersize=math.sqrt(size), markerfacecolor=colors[k],
                markeredgecolor=_EDGE, markeredgewidth=0.5, label=labels[k])


def _class_labels(n_classes, labels):
    if labels is None:
        return [f"c{k}" for k in range(n_classes)]
    if len(labels) < n_classes:
        raise ValueError(f"class_labels must name {n_classes} classes; got {len(labels)}")
    return list(labels)


def _draw_regions(ax, xx0, xx1, ids, n_classes):
    """Fill each class's region in its light colour and draw the boundaries."""
    cmap = ListedColormap(_LIGHT[:n_classes])
    norm = BoundaryNorm(np.arange(n_classes + 1) - 0.5, n_classes)
    aspect = ax.get_aspect()  # keep the caller's choice (imshow would change it)
    ax.imshow(ids, origin="lower", extent=_extent(xx0, xx1), cmap=cmap, norm=norm,
              interpolation="nearest")
    ax.set_aspect(aspect)
    present = np.unique(ids)
    if present.size > 1:
        levels = np.arange(present.min(), present.max()) + 0.5
        ax.contour(xx0, xx1, ids, levels=levels, colors=_BOUNDARY, linewidths=1)


def _draw_value_map(ax, xx0, xx1, values, cmap, label, outline=None):
    """Background shaded by ``values`` with a colour bar, and the outline of a region.

    ``outline`` is a boolean mask on the mesh (default: where ``values > 0``).
    """
    im = ax.imshow(values, origin="lower", extent=_extent(xx0, xx1), cmap=cmap, aspect="auto",
                   interpolation="bilinear")
    cbar = ax.figure.colorbar(im, ax=ax, fraction=0.07, pad=0.03)
    cbar.set_label(label)
    cbar.outline.set_visible(False)
    cbar.ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(5))
    _few_ticks(ax)
    mask = values > 0 if outline is None else outline
    if mask.any() and not mask.all():
        ax.contour(xx0, xx1, mask.astype(float), levels=[0.5], colors=_BOUNDARY,
                   linewidths=1.5)


def _legend(ax, **kwargs):
    ax.legend(loc="best", fontsize="small", framealpha=0.8, handletextpad=0.2,
              borderpad=0.3, **kwargs)


# ---------------------------------------------------------------------------
# Draw: the four figures of the lab
# ---------------------------------------------------------------------------
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
    X, y, n = _dataset(X_train, y_train, classes, "X_train", "y_train")
    if centers is not None and not isinstance(centers, numbers.Integral):
        centers = as_finite_array(centers, "centers", ndim=2, columns=2)
    else:  # make_blobs also takes a number of centres: nothing to mark then
        centers = None
    with lab_style():
        fig, ax = _figure_and_axes(ax, (3.6, 3.2), label="The data set")
        _draw_classes(ax, X, y, n)
        if centers is not None:
            ax.plot(centers[:, 0], centers[:, 1], linestyle="none", marker="+",
                    markersize=9, markeredgewidth=2, color="black", label="centre")
        title = f"{n}-class data"
        ax.set_title(title if np.ndim(std) != 0 or std is None
                     else f"{title}, std {float(std):g}")
        ax.set_xlabel("x0")
        ax.set_ylabel("x1")
        _legend(ax)
    return fig


def plt_cat_mc(X_train, y_train, model, classes, *, ax=None, resolution=200):
    """The data set over the model's decision regions.

    Parameters
    ----------
    X_train : ndarray of shape (m, 2)
    y_train : ndarray of shape (m,) or (m, 1)
    model : keras.Model, scikit-learn classifier or callable
        See :func:`predict_class_ids`. Called once, on the whole mesh.
    classes : int
    ax : matplotlib Axes, optional
    resolution : int, default=200
        Mesh points per axis.

    Returns
    -------
    fig : matplotlib Figure
    """
    X, y, n = _dataset(X_train, y_train, classes, "X_train", "y_train")
    xx0, xx1, ids = decision_regions(X, model, resolution=resolution)
    _check_predicted(ids, n)
    with lab_style():
        fig, ax = _figure_and_axes(ax, (3.6, 3.2), label="Decision regions")
        _draw_regions(ax, xx0, xx1, ids, n)
        _draw_classes(ax, X, y, n)
        ax.set_title("Decision regions")
        ax.set_xlabel("x0")
        ax.set_ylabel("x1")
        _legend(ax)
    return fig


def plt_layer_relu(X, Y, W1, b1, classes, *, fig=None, resolution=100):
    """One panel per layer-1 ReLU unit: its output over the input plane.

    The background is the unit's output ``max(0, x @ W1[:, j] + b1[j])`` (white
    where it is 0, with a colour bar); the dark line is where the output turns
    from zero to positive; the data are drawn on top.

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
    X, y, n = _dataset(X, Y, classes, "X", "Y")
    W1, b1 = _layer(W1, b1, 2, "W1", "b1")
    units = _unit_count(W1, "W1", MAX_UNITS)
    x0_rng, x1_rng = plot_limits(X)
    xx0, xx1, maps = unit_maps(W1, b1, x0_rng, x1_rng, relu=True, resolution=resolution)
    with lab_style():
        fig, axes = _panels(fig, units, (3.4, 2.8), label="Layer 1: what each ReLU unit outputs")
        for j, ax in enumerate(axes):
            _draw_value_map(ax, xx0, xx1, maps[j], _ACTIVATION_CMAP, f"a{j}")
            _draw_classes(ax, X, y, n, size=25)
            ax.set_title(f"Layer 1, unit {j}")
            ax.set_xlabel("x0")
            ax.set_ylabel("x1")
        _legend(axes[0])
        _space_panels(fig)
    return fig


def plt_output_layer_linear(X, Y, W, b, classes, x0_rng=None, x1_rng=None, *, fig=None,
                            resolution=100):
    """One panel per output unit: its linear output over the plane of layer-1 outputs.

    The background is the unit's output ``a @ W[:, k] + b[k]`` (strong colour =
    high score); the dark line outlines where unit k has the largest output of
    all units, i.e. where the network predicts class k.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
        Layer-1 outputs ``a1`` of the examples.
    Y : ndarray of shape (m,) or (m, 1)
    W : ndarray of shape (2, units), 1 <= units <= 10
    b : ndarray of shape (units,)
    classes : int
    x0_rng, x1_rng : (float, float), optional
        Ranges of the a0 and a1 axes; by default they cover the data.
    fig : matplotlib Figure, optional
    resolution : int, default=100

    Returns
    -------
    fig : matplotlib Figure
    """
    X, y, n = _dataset(X, Y, classes, "X", "Y")
    W, b = _layer(W, b, 2)
    units = _unit_count(W, "W", MAX_CLASSES)
    auto0, auto1 = plot_limits(X, margin=0.25)
    x0_rng = auto0 if x0_rng is None else _range(x0_rng, "x0_rng")
    x1_rng = auto1 if x1_rng is None else _range(x1_rng, "x1_rng")
    xx0, xx1, maps = unit_maps(W, b, x0_rng, x1_rng, resolution=resolution)
    with lab_style():
        fig, axes = _panels(fig, units, (3.4, 2.8),
                            label="Output layer: each unit's score over (a0, a1)")
        winner = np.argmax(maps, axis=0)
        for k, ax in enumerate(axes):
            _draw_value_map(ax, xx0, xx1, maps[k], _output_cmap(k), f"z{k}",
                            outline=winner == k)
            _draw_classes(ax, X, y, n, size=25)
            ax.set_xlim(x0_rng)
            ax.set_ylim(x1_rng)
            ax.set_title(f"Output unit {k}")
            ax.set_xlabel("a0 (layer 1)")
            ax.set_ylabel("a1 (layer 1)")
        _legend(axes[0])
        _space_panels(fig)
    return fig


def _unit_count(W, name, most):
    units = W.shape[1]
    if not 1 <= units <= most:
        raise ValueError(f"{name} must have 1 to {most} units (columns); got {units}")
    return units


def _check_predicted(ids, n_classes):
    bad = ids[(ids < 0) | (ids >= n_classes)]
    if bad.size:
        raise ValueError(
            f"model predicted class id {int(bad[0])}, outside classes 0..{n_classes - 1}"
        )


def _figure_and_axes(ax, figsize, *, label=None):
    if ax is None:
        fig, axes = _new_figure(figsize, label=label)
        return fig, axes[0, 0]
    return ax.figure, ax


def _space_panels(fig):
    fig.subplots_adjust(left=0.1, right=0.93, bottom=0.14, top=0.9, wspace=0.45, hspace=0.55)


# ---------------------------------------------------------------------------
# Draw: the general-purpose helpers of the original module
# ---------------------------------------------------------------------------
def plt_mc_data(ax, X, y, classes, class_labels=None, map=plt.cm.Paired,  # noqa: A002
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
    map : Colormap, default=plt.cm.Paired
        ``Paired`` gives the lab's class colours; another map is sampled evenly.
    legend : bool, default=False
    size : float, default=50
        Marker area in points squared (as ``scatter``'s ``s``).
    m : str, default="o"
        Marker.
    equal_xy : bool, default=False
        Equal scaling of both axes.
    """
    X, y, n = _dataset(X, y, classes)
    colors = None if getattr(map, "name", map) == "Paired" else _sample_colors(map, n)
    with lab_style():
        _draw_classes(ax, X, y, n, labels=class_labels, size=size, marker=m, colors=colors)
        if equal_xy:
            ax.set_aspect("equal")
        if legend:
            _legend(ax)


def _sample_colors(cmap, n):
    cmap = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
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
    ids = as_finite_array(y, "y").reshape(-1)
    n = int(ids.max()) + 1 if ids.size else 1
    ax = plt.gca() if ax is None else ax
    plt_mc_data(ax, X, y, n, class_labels=class_labels, legend=legend, size=size)
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
    xx0, xx1, ids = decision_regions(X, predict, resolution=resolution, pointwise=not vector)
    n = len(class_labels) if class_labels is not None else int(ids.max()) + 1
    _check_predicted(ids, _n_classes(n))
    with lab_style():
        _draw_regions(ax, xx0, xx1, ids, n)
        if legend:
            handles = [mpl.patches.Patch(color=_LIGHT[k], label=label)
                       for k, label in enumerate(_class_labels(n, class_labels))]
            ax.legend(handles=handles, loc="best", fontsize="small")


def plt_prob_z(ax, fwb, x0_rng=(-8, 8), x1_rng=(-5, 4), *, resolution=100):
    """Shade ``ax`` by the scalar function ``fwb`` with a colour bar and its zero contour.

    Parameters
    ----------
    ax : matplotlib Axes
    fwb : callable
        Maps points of shape (n, 2) to n values; a function that only takes one
        point of shape (1, 2) is called once per mesh point instead.
    x0_rng, x1_rng : (float, float)
    resolution : int, default=100
    """
    xx0, xx1 = _checked_mesh(x0_rng, x1_rng, resolution)
    grid = _mesh_points(xx0, xx1)
    try:
        values = np.asarray(fwb(grid), dtype=float).reshape(-1)
    except (TypeError, ValueError):  # fwb takes one point (1, 2) at a time
        values = None
    if values is None or values.size != grid.shape[0]:
        values = np.array([np.asarray(fwb(p[None, :]), dtype=float).item() for p in grid])
    with lab_style():
        _draw_value_map(ax, xx0, xx1, values.reshape(xx0.shape), _ACTIVATION_CMAP, "value")


# ---------------------------------------------------------------------------
# Explain: what the trained network does, as data and as sentences
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ReluUnit:
    """What one layer-1 ReLU unit does with the training data.

    Attributes
    ----------
    unit : int
    zero_classes : tuple of int
        Classes for which more than half of the examples have ``z <= 0``: the unit outputs 0.
    active_classes : tuple of int
        The other classes present in the data.
    peak : float
        The unit's largest output over the examples.
    """

    unit: int
    zero_classes: tuple
    active_classes: tuple
    peak: float


@dataclass(frozen=True)
class OutputUnit:
    """What one output unit does with the training data.

    Attributes
    ----------
    unit : int
    wins_for : tuple of int
        Classes for which this unit has the largest output (ties go to the lower
        unit index, as ``argmax`` does) for more than half of their examples.
    mean_output : dict of int to float
        The unit's mean output over the examples of each class.
    """

    unit: int
    wins_for: tuple
    mean_output: dict


def _class_masks(y):
    """``{class id: boolean mask}`` for the classes present in ``y``."""
    return {int(c): y == c for c in np.unique(y)}


def _majority(flags, masks):
    """Classes for which more than half of the examples have ``flags`` set."""
    return tuple(c for c, mask in masks.items() if 2 * np.count_nonzero(flags[mask]) > mask.sum())


def describe_relu_units(X, y, W1, b1):
    """Which classes each layer-1 ReLU unit switches off, and its peak output.

    Parameters
    ----------
    X : ndarray of shape (m, n)
        The network's inputs.
    y : ndarray of shape (m,) or (m, 1)
        Class ids.
    W1 : ndarray of shape (n, units)
    b1 : ndarray of shape (units,)

    Returns
    -------
    list of ReluUnit, one per unit
    """
    X, y = _examples(X, y)
    W1, b1 = _layer(W1, b1, X.shape[1], "W1", "b1")
    Z = X @ W1 + b1
    masks = _class_masks(y)
    units = []
    for j in range(W1.shape[1]):
        zero = _majority(Z[:, j] <= 0, masks)
        active = tuple(c for c in masks if c not in zero)
        units.append(ReluUnit(j, zero, active, float(np.maximum(Z[:, j], 0).max())))
    return units


def describe_output_units(A1, y, W2, b2):
    """For which classes each output unit has the highest score, and its mean score per class.

    Parameters
    ----------
    A1 : ndarray of shape (m, n)
        Layer-1 outputs of the examples.
    y : ndarray of shape (m,) or (m, 1)
    W2 : ndarray of shape (n, units)
    b2 : ndarray of shape (units,)

    Returns
    -------
    list of OutputUnit, one per unit
    """
    A1, y = _examples(A1, y, "A1")
    W2, b2 = _layer(W2, b2, A1.shape[1], "W2", "b2")
    Z = A1 @ W2 + b2
    winner = np.argmax(Z, axis=1)
    masks = _class_masks(y)
    return [
        OutputUnit(k, _majority(winner == k, masks),
                   {c: float(Z[mask, k].mean()) for c, mask in masks.items()})
        for k in range(W2.shape[1])
    ]


def _examples(X, y, name="X"):
    X = as_finite_array(X, name, ndim=2)
    return X, _labels(y, X.shape[0], MAX_CLASSES)


def _class_list(classes):
    """``"classes 0 (blue) and 2 (orange)"`` / ``"class 1 (green)"``."""
    named = [f"{c} ({CLASS_COLOR_NAMES[c]})" for c in classes]
    if len(named) == 1:
        return f"class {named[0]}"
    return "classes " + ", ".join(named[:-1]) + " and " + named[-1]


def _relu_sentence(d):
    if not d.active_classes and d.peak == 0:
        return (f"Unit {d.unit} outputs zero for every class: a dead unit that passes nothing "
                f"on (peak output {d.peak:.2f}).")
    if not d.active_classes:
        return (f"Unit {d.unit} outputs zero for most examples of every class "
                f"(peak output {d.peak:.2f}).")
    if not d.zero_classes:
        return (f"Unit {d.unit} outputs zero for no class: it is active for all of them "
                f"(peak output {d.peak:.2f}).")
    return (f"Unit {d.unit} outputs zero for {_class_list(d.zero_classes)} and is active for "
            f"{_class_list(d.active_classes)} (peak output {d.peak:.2f}).")


def _output_sentence(d):
    means = d.mean_output
    if not d.wins_for:
        best = max(means, key=means.get)
        return (f"Unit {d.unit} has the highest score for no class; its mean score is highest "
                f"on {_class_list([best])} ({means[best]:.2f}).")
    scores = ", ".join(f"{means[c]:.2f}" for c in d.wins_for)
    return (f"Unit {d.unit} has the highest score for {_class_list(d.wins_for)} "
            f"(its mean score there: {scores}).")


def explain_units(descriptions):
    """One sentence per unit, from :func:`describe_relu_units` or :func:`describe_output_units`.

    Parameters
    ----------
    descriptions : list of ReluUnit or list of OutputUnit

    Returns
    -------
    text : str
        One line per unit, each starting with ``"Unit j"``.
    """
    lines = []
    for d in descriptions:
        if isinstance(d, ReluUnit):
            lines.append(_relu_sentence(d))
        elif isinstance(d, OutputUnit):
            lines.append(_output_sentence(d))
        else:
            raise TypeError(
                f"descriptions must hold ReluUnit or OutputUnit; got {type(d).__name__}"
            )
    return "\n".join(lines)


def confusions(y_true, y_pred):
    """Misclassified examples grouped by (true class, predicted class), most frequent first.

    Parameters
    ----------
    y_true, y_pred : ndarray of shape (m,) or (m, 1)

    Returns
    -------
    list of (true_class, predicted_class, count)
    """
    y_true = _labels(y_true, np.size(y_true), MAX_CLASSES, "y_true")
    y_pred = _labels(y_pred, y_true.shape[0], MAX_CLASSES, "y_pred")
    wrong = y_true != y_pred
    pairs, counts = np.unique(np.column_stack([y_true[wrong], y_pred[wrong]]), axis=0,
                              return_counts=True)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -counts)) if counts.size else []
    return [(int(pairs[i, 0]), int(pairs[i, 1]), int(counts[i])) for i in order]


def confusion_summary(y_true, y_pred):
    """A plain sentence: every example classified correctly, or which classes are confused.

    Parameters
    ----------
    y_true, y_pred : ndarray of shape (m,) or (m, 1)

    Returns
    -------
    text : str
    """
    mixed = confusions(y_true, y_pred)
    if not mixed:
        return "Every example is classified correctly: the network separates the classes."
    wrong = sum(n for _, _, n in mixed)
    total = np.size(y_true)
    parts = [f"{_class_list([t])} taken for {_class_list([p])} "
             f"({n} example{'s' if n > 1 else ''})" for t, p, n in mixed]
    return (f"Training FAILED to separate the classes: {wrong} of {total} examples are "
            f"misclassified: " + "; ".join(parts) + ".")


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------
class PrintLoss(keras.callbacks.Callback):
    """Print the loss every ``every`` epochs (and at the last one): a short, plain log.

    Parameters
    ----------
    every : int, default=20
    """

    def __init__(self, every=20):
        super().__init__()
        self.every = _whole_number(every, "every")

    def on_epoch_end(self, epoch, logs=None):
        done = epoch + 1
        total = self.params.get("epochs", done)
        if done % self.every == 0 or done == total:
            loss = (logs or {}).get("loss", float("nan"))
            print(f"epoch {done:{len(str(total))}d}/{total}: loss {float(loss):.4f}")


class WeightHistory(keras.callbacks.Callback):
    """Record a model's weights, loss and accuracy during training, for replaying it.

    Records the weights training starts from (epoch 0, or ``initial_epoch``),
    then after every ``every``-th epoch and after the last one (also when
    training stops early). Loss (sparse categorical cross-entropy of the outputs taken
    as logits) and accuracy are those of the recorded weights on ``(X, y)``,
    from one forward pass; nothing the optimiser uses is touched, so training
    gives bit-identical weights with or without this callback.

    Parameters
    ----------
    X : ndarray of shape (m, n)
        Examples to score the recorded weights on (usually the training set).
    y : ndarray of shape (m,) or (m, 1)
        Their class ids.
    every : int, default=1

    Attributes
    ----------
    epochs : ndarray of int, shape (r,)
    loss, accuracy : ndarray of float32, shape (r,)
    weights : list of r lists of float32 arrays, as ``model.get_weights()``
    activations : list of str
        Activation of each Dense layer, for replaying the forward pass.
    """

    def __init__(self, X, y, *, every=1):
        super().__init__()
        self._X = as_finite_array(X, "X", ndim=2).astype(np.float32)
        self._y = _labels(y, self._X.shape[0], MAX_CLASSES)
        self.every = _whole_number(every, "every")
        self._reset()

    def _reset(self):
        self._epochs, self._loss, self._accuracy, self.weights = [], [], [], []
        self.activations = []
        self._last_epoch = None

    def on_train_begin(self, logs=None):
        self._reset()
        if not self.model.built:  # no Input layer: build now to record the initial weights
            self.model.build((None, self._X.shape[1]))
        layers = [layer for layer in self.model.layers
                  if not isinstance(layer, keras.layers.InputLayer)]
        self.activations = [_activation_name(layer) for layer in layers]
        outputs = layers[-1].units
        if outputs <= self._y.max():
            raise ValueError(f"the model has {outputs} outputs, too few for class id "
                             f"{self._y.max()} in y")

    def on_epoch_begin(self, epoch, logs=None):
        if not self._epochs:  # the weights training starts from (epoch 0, or initial_epoch)
            self._record(epoch)

    def on_epoch_end(self, epoch, logs=None):
        done = epoch + 1
        if done % self.every == 0 or done == self.params.get("epochs"):
            self._record(done)
        self._last_epoch = done

    def on_train_end(self, logs=None):
        if self._epochs and self._epochs[-1] != self._last_epoch:  # stopped early
            self._record(self._last_epoch)

    def _record(self, epoch):
        weights = [np.array(w, dtype=np.float32) for w in self.model.get_weights()]
        # The forward pass in NumPy: much cheaper than calling the model every epoch.
        logits = _forward(weights, self.activations, self._X).astype(float)
        self._epochs.append(epoch)
        self._loss.append(_cross_entropy(logits, self._y))
        self._accuracy.append(float(np.mean(np.argmax(logits, axis=1) == self._y)))
        self.weights.append(weights)

    @property
    def epochs(self):
        return np.array(self._epochs, dtype=int)

    @property
    def loss(self):
        return np.array(self._loss, dtype=np.float32)

    @property
    def accuracy(self):
        return np.array(self._accuracy, dtype=np.float32)

    def weights_at(self, epoch):
        """The weights recorded at ``epoch``, as ``model.get_weights()`` returns them."""
        return self.weights[self.index_of(epoch)]

    def index_of(self, epoch):
        """Position of ``epoch`` in the recordings; ValueError if it was not recorded."""
        if epoch not in self._epochs:
            recorded = self.epochs
            span = f"{recorded[0]}..{recorded[-1]}" if recorded.size else "none yet"
            raise ValueError(f"epoch {epoch!r} was not recorded; recorded epochs: {span}"
                             f" (every {self.every})")
        return self._epochs.index(epoch)


def _activation_name(layer):
    if not isinstance(layer, keras.layers.Dense):
        raise TypeError(f"WeightHistory replays Dense layers only; got {type(layer).__name__}")
    if not layer.use_bias:
        raise ValueError(f"WeightHistory replays Dense layers with a bias; layer {layer.name!r} "
                         "has use_bias=False")
    name = keras.activations.serialize(layer.activation)
    name = name if isinstance(name, str) else name.get("config", {}).get("name", str(name))
    if name not in _ACTIVATIONS:
        raise ValueError(f"activation {name!r} of layer {layer.name!r} is not one of "
                         f"{sorted(_ACTIVATIONS)}")
    return name


def _log_softmax(z):
    """Row-wise log of the softmax of ``z`` (m, k), without overflow."""
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


_ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "softmax": lambda z: np.exp(_log_softmax(z)),
}


def _cross_entropy(logits, y):
    """Mean sparse categorical cross-entropy of ``logits`` (m, k) against ids ``y`` (m,)."""
    return float(-np.mean(_log_softmax(logits)[np.arange(len(y)), y]))


def _forward(weights, activations, X):
    """Scores of a stack of Dense layers: ``weights`` alternate kernels and biases."""
    A = X
    for (W, b), act in zip(zip(weights[::2], weights[1::2], strict=True), activations,
                           strict=True):
        A = _ACTIVATIONS[act](A @ W + b)
    return A


class TrainingExplorer:
    """A replay of the training recorded by a :class:`WeightHistory`.

    Shown in a notebook, it is an ipympl figure with an epoch slider and a Play
    button when the front end can run widgets, and small multiples of chosen
    epochs (a static PNG) everywhere else: the HTML report, a headless run.
    Create it with :func:`plt_training_explorer`.

    Attributes
    ----------
    fig : matplotlib Figure
        The interactive figure (decision regions, layer-1 zero lines, loss curve).
    slider, play : ipywidgets widgets, or None without ipywidgets
    """

    def __init__(self, X, y, history, n_classes, resolution, static_epochs):
        self.X, self.y, self.history, self.n_classes = X, y, history, n_classes
        self.static_epochs = static_epochs
        self._xx0, self._xx1 = _mesh(*plot_limits(X), resolution)
        self._extent = _extent(self._xx0, self._xx1)
        self._grid = _mesh_points(self._xx0, self._xx1)
        with lab_style():
            with plt.ioff():  # shown inside the widget box, not on its own
                self.fig, axes = _new_figure((7.2, 3.3), 1, 2, width_ratios=[1.25, 1])
            self._artists = self._draw(self.fig, self.history.epochs[-1], *axes[0])
        if hasattr(self.fig.canvas, "_repr_mimebundle_"):
            # ipympl gives a canvas its first image and size when it is displayed on its
            # own; inside a widget box that never happens and the canvas can stay 0x0.
            self.fig.canvas._repr_mimebundle_()
        self.slider = self.play = None
        self._box = self._controls()

    # -- compute -------------------------------------------------------------
    def regions(self, epoch):
        """Class ids predicted on the mesh by the weights of ``epoch``: (r, r) ints."""
        weights = self.history.weights_at(epoch)
        scores = _forward(weights, self.history.activations, self._grid)
        return np.argmax(scores, axis=1).reshape(self._xx0.shape)

    def zero_lines(self, epoch):
        """End points of each layer-1 unit's line ``z = 0`` in the plot: (units, 2, 2), NaN
        where the line misses the plot."""
        W1, b1 = self.history.weights_at(epoch)[:2]
        return np.array([_line_in_box(W1[:, j], b1[j], self._extent)
                         for j in range(W1.shape[1])])

    # -- draw ----------------------------------------------------------------
    def _region_rgba(self, ids):
        """Light class colours with the boundary pixels darkened: one image, cheap to update."""
        rgba = _LIGHT[ids].copy()
        edge = np.zeros(ids.shape, dtype=bool)
        edge[:, 1:] |= ids[:, 1:] != ids[:, :-1]
        edge[1:, :] |= ids[1:, :] != ids[:-1, :]
        rgba[edge, :3] *= 0.35
        return rgba

    def _draw(self, fig, epoch, ax, loss_ax=None):
        """Regions, data and zero lines of ``epoch`` on ``ax``; the loss curve on ``loss_ax``."""
        loss_panel = loss_ax is not None
        if loss_panel:
            fig.subplots_adjust(left=0.08, right=0.97, bottom=0.15, top=0.86, wspace=0.28)
        image = ax.imshow(self._region_rgba(self.regions(epoch)), origin="lower",
                          extent=self._extent, aspect="auto", interpolation="nearest")
        _draw_classes(ax, self.X, self.y, self.n_classes, size=16)
        lines = [ax.plot(*seg.T, color=_BOUNDARY, linestyle="--", linewidth=1.3)[0]
                 for seg in self.zero_lines(epoch)]
        ax.set_xlim(self._extent[:2])
        ax.set_ylim(self._extent[2:])
        ax.set_xlabel("x0")
        ax.set_ylabel("x1")
        _few_ticks(ax)
        title = ax.set_title(self._title(epoch, short=not loss_panel))
        artists = {"image": image, "lines": lines, "title": title}
        if loss_panel:
            h = self.history
            loss_ax.plot(h.epochs, h.loss, color=dlblue, linewidth=2)
            (artists["marker"],) = loss_ax.plot([epoch], [h.loss[h.index_of(epoch)]], "o",
                                                color=dldarkred, markersize=7)
            loss_ax.set_xlabel("epoch")
            loss_ax.set_ylabel("loss")
            loss_ax.set_title("Training loss")
            _few_ticks(loss_ax)
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
        a = self._artists
        a["image"].set_data(self._region_rgba(self.regions(epoch)))
        for line, seg in zip(a["lines"], self.zero_lines(epoch), strict=True):
            line.set_data(seg[:, 0], seg[:, 1])
        a["marker"].set_data([epoch], [self.history.loss[i]])
        a["title"].set_text(self._title(epoch))
        self.fig.canvas.draw_idle()

    def static_figure(self):
        """Small multiples of ``static_epochs`` on a figure of its own (not pyplot's)."""
        from matplotlib.figure import Figure

        with lab_style():
            n = len(self.static_epochs)
            fig, axes = _panels(Figure(figsize=_grid_figsize(n, (2.6, 2.4))), n, (2.6, 2.4))
            for ax, epoch in zip(axes, self.static_epochs, strict=True):
                self._draw(fig, epoch, ax)
                ax.label_outer()  # same axes everywhere: label the outer panels only
            fig.subplots_adjust(left=0.08, right=0.98, bottom=0.1, top=0.88, wspace=0.3,
                                hspace=0.65)
        return fig

    # -- show ----------------------------------------------------------------
    def _controls(self):
        """Slider and Play button around the ipympl canvas; None where that can't run."""
        try:
            import ipywidgets
        except ImportError:
            return None
        if not isinstance(self.fig.canvas, ipywidgets.DOMWidget):
            return None  # not the ipympl backend: no live canvas to update
        last = len(self.history.epochs) - 1
        self.slider = ipywidgets.IntSlider(value=last, min=0, max=last, description="epoch",
                                           readout=False, continuous_update=True,
                                           layout=ipywidgets.Layout(width="60%"))
        self.play = ipywidgets.Play(value=last, min=0, max=last, interval=60,
                                    step=max(1, last // 100))
        ipywidgets.jslink((self.play, "value"), (self.slider, "value"))
        self.slider.observe(
            lambda change: self.show_epoch(int(self.history.epochs[change["new"]])),
            names="value")
        return ipywidgets.VBox([ipywidgets.HBox([self.play, self.slider]), self.fig.canvas])

    @functools.cached_property
    def _static_png(self):
        """The small multiples as base64 PNG: built once, whatever displays it again."""
        buffer = io.BytesIO()
        # a modest dpi: this PNG is built even where the live view is what shows
        self.static_figure().savefig(buffer, format="png", dpi=80)
        return base64.b64encode(buffer.getvalue()).decode("ascii")

    def _repr_mimebundle_(self, **kwargs):
        bundle = {
            "text/plain": f"TrainingExplorer(epochs {self.history.epochs[0]}.."
                          f"{self.history.epochs[-1]})",
            "image/png": self._static_png,
        }
        if self._box is not None:  # widget front ends show this; others fall back to the PNG
            bundle["application/vnd.jupyter.widget-view+json"] = {
                "version_major": 2, "version_minor": 0, "model_id": self._box.model_id}
        return bundle

    def close(self):
        """Close the interactive figure and its widgets."""
        plt.close(self.fig)
        for widget in (self._box, self.slider, self.play):
            if widget is not None:
                widget.close()


def _line_in_box(w, b, extent):
    """The segment of ``w . x + b = 0`` inside the box ``(x0min, x0max, x1min, x1max)``."""
    x0min, x0max, x1min, x1max = extent
    points = []
    if abs(w[1]) > 1e-12:
        for x0 in (x0min, x0max):
            x1 = -(w[0] * x0 + b) / w[1]
            if x1min <= x1 <= x1max:
                points.append((x0, x1))
    if abs(w[0]) > 1e-12:
        for x1 in (x1min, x1max):
            x0 = -(w[1] * x1 + b) / w[0]
            if x0min <= x0 <= x0max:
                points.append((x0, x1))
    if len(points) < 2:
        return np.full((2, 2), np.nan)
    points = np.array(points)
    order = np.argsort(points[:, 0] + 1e-9 * points[:, 1])
    return points[order][[0, -1]]


def _default_static_epochs(epochs, count=6):
    """Up to ``count`` recorded epochs from first to last, denser early (training moves fast
    then): the recorded epochs nearest to a geometric sequence."""
    targets = np.concatenate([[epochs[0]], np.geomspace(max(epochs[-1], 1) / 2 ** (count - 2),
                                                        max(epochs[-1], 1), count - 1)])
    return sorted({int(epochs[np.argmin(np.abs(epochs - t))]) for t in targets})


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
    X, y, n = _dataset(X, y, classes)
    if not isinstance(history, WeightHistory):
        raise TypeError(f"history must be a WeightHistory; got {type(history).__name__}")
    epochs = history.epochs
    if epochs.size == 0:
        raise ValueError("history is empty: pass it to model.fit(..., callbacks=[history]) first")
    if history.weights[0][0].shape[0] != 2:
        raise ValueError(f"the recorded model must take 2 inputs, as X; got "
                         f"{history.weights[0][0].shape[0]}")
    if static_epochs is None:
        static_epochs = _default_static_epochs(epochs)
    static_epochs = [int(e) for e in static_epochs]
    if not 1 <= len(static_epochs) <= 6:
        raise ValueError(f"static_epochs must list 1 to 6 epochs; got {len(static_epochs)}")
    for e in static_epochs:
        history.index_of(e)  # raises with the recorded range
    resolution = _whole_number(resolution, "resolution", 2)
    return TrainingExplorer(X, y, history, n, resolution, static_epochs)
