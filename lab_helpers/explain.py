"""What a trained network does with its training data: facts computed from the
weights (``describe_*``), and plain sentences made from those facts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import bias_of, checked, kernel_of, labels, labels_of, matrix
from .network import DenseLayer, forward
from .style import CLASS_COLOR_NAMES


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


@checked(X=matrix, y=labels_of("X"), W1=kernel_of("X"), b1=bias_of("W1"))
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
    (layer1,) = forward([DenseLayer(W1, b1, "relu")], X)
    masks = _class_masks(y)
    units = []
    for j in range(W1.shape[1]):
        zero = _majority(layer1.z[:, j] <= 0, masks)
        active = tuple(c for c in masks if c not in zero)
        units.append(ReluUnit(j, zero, active, float(layer1.a[:, j].max())))
    return units


@checked(A1=matrix, y=labels_of("A1"), W2=kernel_of("A1"), b2=bias_of("W2"))
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
    (layer2,) = forward([DenseLayer(W2, b2, "linear")], A1)
    Z = layer2.z
    winner = np.argmax(Z, axis=1)
    masks = _class_masks(y)
    return [
        OutputUnit(k, _majority(winner == k, masks),
                   {c: float(Z[mask, k].mean()) for c, mask in masks.items()})
        for k in range(W2.shape[1])
    ]


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
    sentence = {ReluUnit: _relu_sentence, OutputUnit: _output_sentence}
    lines = []
    for d in descriptions:
        if type(d) not in sentence:
            raise TypeError(
                f"descriptions must hold ReluUnit or OutputUnit; got {type(d).__name__}"
            )
        lines.append(sentence[type(d)](d))
    return "\n".join(lines)


@checked(y_true=labels, y_pred=labels_of("y_true"))
def confusions(y_true, y_pred):
    """Misclassified examples grouped by (true class, predicted class), most frequent first.

    Parameters
    ----------
    y_true, y_pred : ndarray of shape (m,) or (m, 1)

    Returns
    -------
    list of (true_class, predicted_class, count)
    """
    wrong = y_true != y_pred
    pairs, counts = np.unique(np.column_stack([y_true[wrong], y_pred[wrong]]), axis=0,
                              return_counts=True)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -counts)) if counts.size else []
    return [(int(pairs[i, 0]), int(pairs[i, 1]), int(counts[i])) for i in order]


@checked(y_true=labels, y_pred=labels_of("y_true"))
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
    parts = [f"{_class_list([t])} taken for {_class_list([p])} "
             f"({n} example{'s' if n > 1 else ''})" for t, p, n in mixed]
    return (f"Training FAILED to separate the classes: {wrong} of {len(y_true)} examples are "
            f"misclassified: " + "; ".join(parts) + ".")
