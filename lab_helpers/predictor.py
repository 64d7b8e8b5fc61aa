"""The one way to evaluate a model of any kind the library accepts: a :class:`Predictor`.

A Keras model, a scikit-learn classifier or a function of the points, called
once on all points or (``pointwise``) once per point; its outputs read as
values, class ids or probabilities, with errors that name the argument.
"""

from __future__ import annotations

import numpy as np

from .checks import named_argument
from .network import Network, layers_from_weights, predicted_classes, softmax


class Predictor:
    """A model of any kind the library accepts, evaluated the one way.

    Parameters
    ----------
    model : keras.Model, scikit-learn classifier, callable or list of ndarray
        A Keras model returns scores (N, k); a scikit-learn classifier's
        ``predict`` gives labels, turned into their position in ``classes_``;
        a callable returns scores (N, k), class ids (N,) or values (N,); a list
        ``[W1, b1, W2, b2, ...]`` is the lab's kind of network (ReLU hidden layers,
        a linear output layer), scored by the library's forward pass.
    name : str
        The argument's name, for error messages.
    pointwise : bool, default=False
        Call ``model`` once per point with an array of shape (1, 2) instead of
        once with all points.
    switch : str, optional
        How the caller turns ``pointwise`` on (``"pointwise=True"``), for hints; None
        where the caller cannot.
    """

    def __init__(self, model, name, *, pointwise=False, switch=None):
        self.is_classifier = hasattr(model, "predict_proba")  # scikit-learn's, not Keras's
        if hasattr(model, "predict") and hasattr(model, "classes_"):
            # scikit-learn: labels may be any values; their position in classes_ is the id
            self._call = lambda A: np.searchsorted(model.classes_, model.predict(A))
        elif isinstance(model, list | tuple):  # weights [W1, b1, W2, b2, ...]: the lab's kind
            self._call = Network(layers_from_weights(model, name=name))
        elif callable(model):
            # A Keras model too: called, it scores in inference mode (no dropout), casts the
            # points to its own float type and returns a tensor that NumPy reads as an array.
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
        rows = [self._checked_call(row[None, :]).ravel() for row in X]
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
        if self.pointwise or self.switch is None:
            return ""
        return f" (for one point at a time: {self.switch})"

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
            return predicted_classes(out, axis=1)
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


def as_predictor(*, pointwise=False, switch="pointwise=True", **kwargs):
    """The model argument as a :class:`Predictor` named after its parameter:
    ``predictor = as_predictor(model=model, pointwise=pointwise)``.

    ``switch`` is how the caller turns on one point at a time, for hints (None where
    it cannot). A Predictor passes through unchanged.
    """
    name, model = named_argument(kwargs)
    if isinstance(model, Predictor):
        return model
    return Predictor(model, name, pointwise=bool(pointwise), switch=switch)
