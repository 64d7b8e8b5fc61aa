"""Compute, never draw: meshes, class ids, decision regions and unit maps.

Every model is evaluated by a :class:`lab_helpers.predictor.Predictor`, made of
the ``model`` argument at the door. Pure functions return arrays; the figure
modules draw them. The public functions check their arguments, then call the
private ones (``_plot_limits``, ``_plane_limits``, ``_decision_regions``, ``_unit_maps``),
which the other modules call with checked arguments; :func:`mesh` trusts its inputs.
"""

from __future__ import annotations

import numpy as np

from .checks import (
    MAX_CLASSES,
    check_bias,
    check_kernel,
    check_matrix,
    check_non_negative,
    check_points,
    check_range,
    check_whole_number,
)
from .network import DenseLayer, forward, predicted_classes
from .predictor import as_predictor

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
    X = check_points(X=X)
    margin = check_non_negative(margin=margin)
    return _plot_limits(X, margin)


def _plot_limits(X, margin=1.0):
    lo = X.min(axis=0) - margin
    hi = X.max(axis=0) + margin
    hi = np.where(hi > lo, hi, lo + 1.0)
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def plane_limits(A, *, margin=0.25):
    """Axis ranges of layer 2's plane: the points ``A`` (N, 2) and the origin, with
    ``margin`` around them. The output-layer figure and the trace both use these.

    Parameters
    ----------
    A : ndarray of shape (N, 2)
    margin : float, default=0.25

    Returns
    -------
    a0_rng, a1_rng : tuple of float
    """
    A = check_points(A=A)
    margin = check_non_negative(margin=margin)
    return _plane_limits(A, margin)


def _plane_limits(A, margin=0.25):
    return _plot_limits(np.vstack([A, np.zeros((1, A.shape[1]))]), margin)


def mesh(x0_rng, x1_rng, resolution):
    """Grid over a rectangle: ``xx0``, ``xx1`` of shape (resolution, resolution).

    Row i holds x1 = i-th value of ``x1_rng``; column j holds x0 = j-th value of
    ``x0_rng`` (the layout ``imshow(..., origin="lower")`` expects). The ranges
    ``(low, high)`` and the ``resolution`` (at least 2) are trusted: callers check them.
    """
    return np.meshgrid(np.linspace(*x0_rng, resolution), np.linspace(*x1_rng, resolution))


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
    predictor = as_predictor(model=model, switch=None)
    X = check_points(X=X)
    return predictor.class_ids(X)


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
    X = check_points(X=X)
    predictor = as_predictor(model=model, pointwise=pointwise)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    margin = check_non_negative(margin=margin)
    return _decision_regions(X, predictor, resolution, margin=margin,
                             probabilities=probabilities)


def _decision_regions(X, predictor, resolution, *, margin=1.0, probabilities=False):
    xx0, xx1 = mesh(*_plot_limits(X, margin), resolution)
    grid = mesh_points(xx0, xx1)
    if not probabilities:
        return xx0, xx1, predictor.class_ids(grid).reshape(xx0.shape)
    probs = predictor.probabilities(grid)
    ids = predicted_classes(probs, axis=1)
    return xx0, xx1, ids.reshape(xx0.shape), probs.reshape(*xx0.shape, probs.shape[1])


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
    X = check_matrix(X=X)
    W1 = check_kernel(W1=W1, rows_of=("X", X))
    b1 = check_bias(b1=b1, fits=("W1", W1))
    return forward([DenseLayer(W1, b1, "relu")], X)[0].a


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
    W = check_kernel(W=W, inputs=2, most=MAX_CLASSES)
    b = check_bias(b=b, fits=("W", W))
    x0_rng, x1_rng = check_range(x0_rng=x0_rng), check_range(x1_rng=x1_rng)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    return _unit_maps(W, b, x0_rng, x1_rng, relu=relu, resolution=resolution)


def _unit_maps(W, b, x0_rng, x1_rng, *, relu=False, resolution=100):
    xx0, xx1 = mesh(x0_rng, x1_rng, resolution)
    layer = DenseLayer(W, b, "relu" if relu else "linear")
    out = forward([layer], mesh_points(xx0, xx1))[0].a
    return xx0, xx1, out.T.reshape(layer.units, *xx0.shape)
