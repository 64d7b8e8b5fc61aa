"""Compute, never draw: meshes, class ids, decision regions and unit maps.

Every model is evaluated by a :class:`lab_helpers.predictor.Predictor`, which
the checks make of the ``model`` argument. Pure functions return arrays; the
figure modules draw them.
"""

from __future__ import annotations

import numpy as np

from .checks import (
    MAX_CLASSES,
    bias_of,
    checked,
    kernel_of,
    matrix,
    non_negative,
    plane_kernel,
    points,
    value_range,
    whole_number,
)
from .network import DenseLayer, forward
from .predictor import model_check

# ---------------------------------------------------------------------------
# Meshes
# ---------------------------------------------------------------------------


def plot_limits(X, *, margin=1.0):
    """Axis ranges around the points: ``(x0_min - margin, x0_max + margin)`` and likewise x1.

    Parameters
    ----------
    X : ndarray of shape (N, 2)
    margin : float, default=1.0

    Returns
    -------
    x0_rng, x1_rng : tuple of float
    """
    lo = X.min(axis=0) - margin
    hi = X.max(axis=0) + margin
    hi = np.where(hi > lo, hi, lo + 1.0)
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


plot_limits = checked(plot_limits, X=points, margin=non_negative)


def plane_limits(A, *, margin=0.25):
    """Axis ranges of layer 2's plane: the points ``A`` (N, 2) and the origin, with
    ``margin`` around them. The output-layer figure and the trace both use these.

    Returns
    -------
    a0_rng, a1_rng : tuple of float
    """
    return plot_limits(np.vstack([A, np.zeros((1, A.shape[1]))]), margin=margin)


plane_limits = checked(plane_limits, A=points, margin=non_negative)


def mesh(x0_rng, x1_rng, resolution):
    """Grid over a rectangle: ``xx0``, ``xx1`` of shape (resolution, resolution).

    Row i holds x1 = i-th value of ``x1_rng``; column j holds x0 = j-th value of
    ``x0_rng`` (the layout ``imshow(..., origin="lower")`` expects).
    """
    return np.meshgrid(np.linspace(*x0_rng, resolution), np.linspace(*x1_rng, resolution))


mesh = checked(mesh, x0_rng=value_range, x1_rng=value_range, resolution=whole_number(2))


def mesh_points(xx0, xx1):
    """The mesh as a list of points, shape (resolution**2, 2), row by row."""
    return np.column_stack([xx0.ravel(), xx1.ravel()])


def extent(xx0, xx1):
    """``imshow`` extent (left, right, bottom, top) that puts each pixel's centre on its
    mesh point: the mesh's range widened by half a cell on every side."""
    half0 = (xx0.max() - xx0.min()) / (xx0.shape[1] - 1) / 2  # columns: the x0 values
    half1 = (xx1.max() - xx1.min()) / (len(xx1) - 1) / 2  # rows: the x1 values
    return (float(xx0.min() - half0), float(xx0.max() + half0),
            float(xx1.min() - half1), float(xx1.max() + half1))


# ---------------------------------------------------------------------------
# Class ids
# ---------------------------------------------------------------------------
def predict_class_ids(model, X):
    """Class id predicted by ``model`` for each row of ``X``, in one call.

    Parameters
    ----------
    model : keras.Model, scikit-learn classifier or callable
        A Keras model or a callable returning scores of shape (N, k) (the
        largest score wins) or class ids of shape (N,); a scikit-learn
        classifier (its labels' positions in ``classes_`` are the ids).
    X : ndarray of shape (N, 2)

    Returns
    -------
    ids : ndarray of int, shape (N,)
    """
    return model.class_ids(X)


predict_class_ids = checked(predict_class_ids, model=model_check(), X=points)


def decision_regions(X, model, *, resolution=200, margin=1.0, pointwise=False,
                     probabilities=False):
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
    probabilities : bool, default=False
        Also return the class probabilities at each mesh point (the softmax of
        the model's scores, or a scikit-learn classifier's ``predict_proba``);
        the predicted class is then the most probable one.

    Returns
    -------
    xx0, xx1 : ndarray of shape (resolution, resolution)
    ids : ndarray of int, shape (resolution, resolution)
    probs : ndarray of shape (resolution, resolution, k)
        Only with ``probabilities=True``.
    """
    xx0, xx1 = mesh(*plot_limits(X, margin=margin), resolution)
    grid = mesh_points(xx0, xx1)
    if not probabilities:
        return xx0, xx1, model.class_ids(grid).reshape(xx0.shape)
    probs = model.probabilities(grid)
    ids = np.argmax(probs, axis=1)
    return xx0, xx1, ids.reshape(xx0.shape), probs.reshape(*xx0.shape, probs.shape[1])


decision_regions = checked(
    decision_regions, X=points, model=model_check("pointwise"), resolution=whole_number(2))


# ---------------------------------------------------------------------------
# Layers over a plane
# ---------------------------------------------------------------------------
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
    return forward([DenseLayer(W1, b1, "relu")], X)[0].a


relu_layer = checked(relu_layer, X=matrix, W1=kernel_of("X"), b1=bias_of("W1"))


def unit_maps(W, b, x0_rng, x1_rng, *, relu=False, resolution=100):
    """Each unit's output over a rectangle of its 2-D input plane.

    Parameters
    ----------
    W : ndarray of shape (2, units), 1 <= units <= 10
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
    xx0, xx1 = mesh(x0_rng, x1_rng, resolution)
    layer = DenseLayer(W, b, "relu" if relu else "linear")
    out = forward([layer], mesh_points(xx0, xx1))[0].a
    return xx0, xx1, out.T.reshape(layer.units, *xx0.shape)


unit_maps = checked(
    unit_maps, W=plane_kernel(MAX_CLASSES), b=bias_of("W"), resolution=whole_number(2))
