"""Compute, never draw: meshes, model evaluation, decision regions and unit maps.

Every model the library accepts is evaluated one way, by a :class:`Predictor`:
once on all points, or (``pointwise=True``) once per point for functions that
only take one example of shape (1, 2). Pure functions return arrays; the
figure modules draw them.
"""

from __future__ import annotations

import numpy as np

from .checks import (
    MAX_CLASSES,
    Check,
    bias_of,
    checked,
    kernel_of,
    matrix,
    non_negative,
    plane_kernel,
    points,
    predicted_ids,
    value_range,
    whole_number,
)
from .network import DenseLayer, forward, keras_module_of, softmax

# ---------------------------------------------------------------------------
# Meshes
# ---------------------------------------------------------------------------


@checked(X=points, margin=non_negative)
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


@checked(x0_rng=value_range, x1_rng=value_range, resolution=whole_number(2))
def mesh(x0_rng, x1_rng, resolution):
    """Grid over a rectangle: ``xx0``, ``xx1`` of shape (resolution, resolution).

    Row i holds x1 = i-th value of ``x1_rng``; column j holds x0 = j-th value of
    ``x0_rng`` (the layout ``imshow(..., origin="lower")`` expects).
    """
    return np.meshgrid(np.linspace(*x0_rng, resolution), np.linspace(*x1_rng, resolution))


def mesh_points(xx0, xx1):
    """The mesh as a list of points, shape (resolution**2, 2), row by row."""
    return np.column_stack([xx0.ravel(), xx1.ravel()])


def extent(xx0, xx1):
    """``imshow`` extent (left, right, bottom, top) that puts each pixel's centre on its
    mesh point: the mesh's range widened by half a cell on every side."""
    half0 = (xx0[0, -1] - xx0[0, 0]) / (xx0.shape[1] - 1) / 2
    half1 = (xx1[-1, 0] - xx1[0, 0]) / (xx1.shape[0] - 1) / 2
    return (float(xx0[0, 0] - half0), float(xx0[0, -1] + half0),
            float(xx1[0, 0] - half1), float(xx1[-1, 0] + half1))


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------
class Predictor:
    """A model of any kind the library accepts, evaluated the one way.

    Parameters
    ----------
    model : keras.Model, scikit-learn classifier or callable
        A Keras model returns scores (N, k); a scikit-learn classifier's
        ``predict`` gives labels, turned into their position in ``classes_``;
        a callable returns scores (N, k), class ids (N,) or values (N,).
    name : str
        The argument's name, for error messages.
    pointwise : bool, default=False
        Call ``model`` once per point with an array of shape (1, 2) instead of
        once with all points.
    switch : str
        How the caller turns ``pointwise`` on (``"pointwise=True"``), for hints.
    """

    def __init__(self, model, name="model", *, pointwise=False, switch="pointwise=True"):
        keras = keras_module_of(model)
        self.is_classifier = keras is None and hasattr(model, "predict_proba")
        if keras is not None:
            self._call = lambda A: keras.ops.convert_to_numpy(
                model(A.astype(np.float32), training=False))
        elif hasattr(model, "predict") and hasattr(model, "classes_"):
            # scikit-learn: labels may be any values; their position in classes_ is the id
            self._call = lambda A: np.searchsorted(model.classes_, model.predict(A))
        elif callable(model):
            self._call = model
        else:
            raise TypeError(f"{name} must be a Keras model, a scikit-learn classifier or a "
                            f"callable; got {type(model).__name__}")
        self.model, self.name, self.pointwise, self.switch = model, name, pointwise, switch

    def outputs(self, X):
        """What the model returns for the points ``X`` (N, 2), as an array with N rows."""
        if not self.pointwise:
            out = self._checked_call(X)
            return out.reshape(1) if out.ndim == 0 and len(X) == 1 else out
        rows = [self._checked_call(row[None, :]).reshape(-1) for row in X]
        if len({r.size for r in rows}) > 1:
            raise ValueError(f"{self.name} returned outputs of different sizes for different "
                             "points")
        out = np.array(rows)
        return out[:, 0] if out.shape[1] == 1 else out

    def _checked_call(self, A):
        try:
            return np.asarray(self._call(A))
        except Exception as err:  # the model's own error, raised again with context
            raise ValueError(f"{self.name} could not predict on an array of shape {A.shape}"
                             f"{self._hint()}: {type(err).__name__}: {err}") from err

    def _hint(self):
        """For errors that a function of one point at a time would cause."""
        return "" if self.pointwise else f" (for one point at a time: {self.switch})"

    def values(self, X):
        """One number per point (N,), for a scalar function of the point."""
        out = self.outputs(X)
        if out.shape != (len(X),):
            raise ValueError(f"{self.name} must return one value per point, shape ({len(X)},); "
                             f"got shape {out.shape}{self._hint()}")
        return out.astype(float)

    def class_ids(self, X):
        """The class id predicted for each point (N,): the largest score, or the id returned."""
        out = self.outputs(X)
        if out.ndim == 2 and out.shape[1] > 1:
            return np.argmax(out, axis=1)
        if out.ndim == 2 and out.shape[1] == 1:
            if not np.array_equal(out, np.round(out)):
                raise ValueError(
                    f"{self.name} returned one score per point (shape (N, 1)); return a score "
                    "per class (N, k) or class ids (N,) or (N, 1)")
            out = out[:, 0]
        if out.shape != (len(X),):
            raise ValueError(f"{self.name} must return scores (N, k) or class ids (N,) for "
                             f"N={len(X)}; got shape {out.shape}{self._hint()}")
        ids = out.astype(np.int64)
        if not np.array_equal(ids, out):
            raise ValueError(f"{self.name} returned non-integer class ids")
        return ids

    def probabilities(self, X):
        """Class probabilities (N, k): the softmax of a Keras model's or a function's
        scores, or a scikit-learn classifier's ``predict_proba``."""
        if self.is_classifier:
            return np.asarray(self.model.predict_proba(X), dtype=float)
        out = self.outputs(X)
        if out.ndim != 2 or out.shape[1] < 2:
            raise ValueError(f"{self.name} must return a score per class (N, k) to give "
                             f"probabilities; got shape {out.shape}")
        return softmax(out)


def model_check(pointwise=None, *, inverted=False):
    """Check: a model made into a :class:`Predictor` named after its parameter.

    ``pointwise`` names the parameter that asks for one point at a time; with
    ``inverted`` it means the opposite (the legacy ``vector=False``).
    """

    def make(value, name, flag=None):
        if isinstance(value, Predictor):
            return value  # already checked by the caller, under the caller's name
        if flag is None:
            return Predictor(value, name)
        flag_name, on = flag
        return Predictor(value, name, pointwise=bool(on) != inverted,
                         switch=f"{flag_name}={not inverted}")

    return Check(make, () if pointwise is None else (pointwise,))


@checked(model=model_check(), X=points)
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


@checked(X=points, model=model_check("pointwise"), resolution=whole_number(2))
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
    return xx0, xx1, ids.reshape(xx0.shape), probs.reshape(*xx0.shape, -1)


# ---------------------------------------------------------------------------
# Layers over a plane
# ---------------------------------------------------------------------------
@checked(X=matrix, W1=kernel_of("X"), b1=bias_of("W1"))
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


@checked(W=plane_kernel(MAX_CLASSES), b=bias_of("W"), resolution=whole_number(2))
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


def check_predictions(ids, n_classes, predictor):
    """The ids, after refusing any outside ``0 .. n_classes - 1`` (named after the model)."""
    return predicted_ids(ids, n_classes, predictor.name)
