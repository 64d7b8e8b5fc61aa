"""Why a training run ended where it did: facts computed from the weights and the loss.

:func:`diagnose_training` looks at what layer 2 receives (the layer-1 outputs of every
example) and at the end of the loss history; :mod:`.diagnosis_text` turns the facts
into sentences. :func:`coinciding_examples` finds the spots of layer 2's plane where
examples of one class are drawn on top of each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import (
    as_finite_array,
    check_class_ids,
    check_matrix,
    check_non_negative,
    named_argument,
)
from .explain import _confusions
from .network import Network, dense_layers, predicted_classes


@dataclass(frozen=True)
class AxisOverlap:
    """Two classes whose examples share one axis of layer 2's plane over a common stretch.

    Attributes
    ----------
    unit : int
        The only layer-1 unit active for these examples: they lie on its axis.
    classes : tuple of (int, int)
    counts : tuple of (int, int)
        How many examples of each class lie on the axis.
    low, high : float
        The stretch of that unit's output where both classes occur.
    """

    unit: int
    classes: tuple
    counts: tuple
    low: float
    high: float


@dataclass(frozen=True)
class TrainingDiagnosis:
    """What a trained network does with its training data, and why it fails where it does.

    Attributes
    ----------
    examples : int
    units : int
        Units of layer 1.
    accuracy : float
        Fraction of examples whose largest score is their own class's.
    wrong : int
    confusions : tuple of (true class, predicted class, count)
    dead_units : tuple of int
        Layer-1 units whose pre-activation is <= 0 for every example: they output 0 for all.
    at_origin : dict of int to int
        For each class with examples there, how many land on layer 2's point where every
        layer-1 output is 0 (the plane's (0, 0)).
    axis_overlaps : tuple of AxisOverlap
    loss_window : int or None
        Epochs in the last tenth of training (at least 1); None without a loss history.
    loss_start, loss_end : float or None
        The loss just before that last stretch and at its end.
    still_falling : bool
        The loss fell by at least ``min_fall`` (a fraction of ``loss_start``) over it.
    """

    examples: int
    units: int
    accuracy: float
    wrong: int
    confusions: tuple
    dead_units: tuple
    at_origin: dict
    axis_overlaps: tuple
    loss_window: int | None
    loss_start: float | None
    loss_end: float | None
    still_falling: bool

    @property
    def shared_origin(self):
        """The classes that meet at layer 2's (0, 0), when there are two or more."""
        return tuple(self.at_origin) if len(self.at_origin) > 1 else ()

    @property
    def loss_fall(self):
        """How much lower the loss ended than it was before the last stretch, as a fraction."""
        if self.loss_start is None:
            return None
        return (self.loss_start - self.loss_end) / self.loss_start

    @property
    def summary(self):
        """The diagnosis in sentences, one per line."""
        from .diagnosis_text import diagnosis_sentences

        return "\n".join(diagnosis_sentences(self))


def _loss_facts(loss, min_fall):
    """(window, start, end, still falling) of a loss history, or Nones without one."""
    if loss is None:
        return None, None, None, False
    window = max(1, loss.size // 10)
    start, end = float(loss[-window - 1]), float(loss[-1])
    return window, start, end, bool(start - end >= min_fall * start)


def _axis_overlaps(A1, y):
    """Pairs of classes on one axis (only one layer-1 unit active) whose outputs overlap."""
    active = A1 > 0
    found = []
    for unit in range(A1.shape[1]):
        on_axis = active[:, unit] & (active.sum(axis=1) == 1)
        present = [int(c) for c in np.unique(y[on_axis])]
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                va, vb = A1[on_axis & (y == a), unit], A1[on_axis & (y == b), unit]
                low, high = max(va.min(), vb.min()), min(va.max(), vb.max())
                if low <= high:
                    found.append(AxisOverlap(unit, (a, b), (va.size, vb.size),
                                             float(low), float(high)))
    return tuple(found)


def diagnose_training(X, y, model, loss=None, *, min_fall=0.005):
    """The accuracy of a trained network on its training data and, where it fails, why.

    Parameters
    ----------
    X : ndarray of shape (m, n)
        The training inputs.
    y : ndarray of shape (m,) or (m, 1)
        Their class ids.
    model : keras.Model or list of ndarray
        A network of dense layers (ReLU hidden layers, linear output), or its weights
        ``[W1, b1, W2, b2, ...]``. Layer 1's outputs are read as layer 2's plane.
    loss : array-like of shape (epochs,), optional
        The loss after each epoch, e.g. ``history.history["loss"]``.
    min_fall : float, default=0.005
        The fraction by which the loss must fall over the last tenth of training to count
        as still falling.

    Returns
    -------
    TrainingDiagnosis
    """
    X = check_matrix(X=X)
    y = check_class_ids(y=y, rows_of=("X", X))
    network = _check_network(model=model, inputs=X.shape[1])
    loss = None if loss is None else _check_loss(loss=loss)
    min_fall = check_non_negative(min_fall=min_fall)
    outputs = network.layer_outputs(X)
    z1, A1 = outputs[0].z, outputs[0].a
    y_pred = predicted_classes(outputs[-1].z, axis=1)
    at_origin = y[~(A1 > 0).any(axis=1)]
    classes, counts = np.unique(at_origin, return_counts=True)
    mixed = _confusions(y, y_pred)
    window, start, end, falling = _loss_facts(loss, min_fall)
    return TrainingDiagnosis(
        examples=len(y), units=A1.shape[1], accuracy=float(np.mean(y_pred == y)),
        wrong=sum(n for _, _, n in mixed), confusions=tuple(mixed),
        dead_units=tuple(int(j) for j in np.flatnonzero((z1 <= 0).all(axis=0))),
        at_origin={int(c): int(n) for c, n in zip(classes, counts, strict=True)},
        axis_overlaps=_axis_overlaps(A1, y), loss_window=window, loss_start=start,
        loss_end=end, still_falling=falling)


def _check_network(*, inputs, **kwargs):
    """A network of at least two dense layers whose first takes ``inputs`` features."""
    name, value = named_argument(kwargs)
    network = Network(dense_layers(value, name))
    if len(network.layers) < 2:
        raise ValueError(f"{name} must have at least 2 layers; got {len(network.layers)}")
    if network.layers[0].kernel.shape[0] != inputs:
        raise ValueError(f"{name} must take {inputs} inputs to fit X; its first layer takes "
                         f"{network.layers[0].kernel.shape[0]}")
    return network


def _check_loss(**kwargs):
    """A loss history: finite numbers, one per epoch, at least 2."""
    name, value = named_argument(kwargs)
    loss = as_finite_array(value, name, ndim=1)
    if loss.size < 2:
        raise ValueError(f"{name} must hold the loss of at least 2 epochs; got {loss.size}")
    return loss


def coinciding_examples(A, y):
    """Spots where two or more examples of one class lie exactly on top of each other.

    Parameters
    ----------
    A : ndarray of shape (m, 2)
        The examples' positions, e.g. their layer-1 outputs (layer 2's plane).
    y : ndarray of shape (m,) or (m, 1)

    Returns
    -------
    positions : ndarray of shape (s, 2)
    classes : ndarray of int, shape (s,)
    counts : ndarray of int, shape (s,)
        How many examples of that class lie at that spot (each >= 2).
    """
    A = check_matrix(A=A)
    return _coinciding_examples(A, check_class_ids(y=y, rows_of=("A", A)))


def _coinciding_examples(A, y):
    rows, counts = np.unique(np.column_stack([A, y]), axis=0, return_counts=True)
    keep = counts >= 2
    return rows[keep, :-1], rows[keep, -1].astype(int), counts[keep].astype(int)
