"""What a trained network does with its training data: facts computed from the
weights (``describe_*``), and plain sentences made from those facts."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .checks import check_bias, check_class_ids, check_kernel, check_matrix
from .network import DenseLayer, forward, predicted_classes
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
    zero_counts : dict of int to int
        For each class present, how many of its examples get output 0 (``z <= 0``).
    sizes : dict of int to int
        How many examples each class present has.
    """

    unit: int
    zero_classes: tuple
    active_classes: tuple
    peak: float
    zero_counts: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)


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
    win_counts : dict of int to int
        For each class present, on how many of its examples this unit has the largest output.
    least_lead : dict of int to float
        For each class in which it wins somewhere, the smallest margin by which it beats the
        next-highest unit on those examples (0 for a tie it wins by index).
    sizes : dict of int to int
    """

    unit: int
    wins_for: tuple
    mean_output: dict
    win_counts: dict = field(default_factory=dict)
    least_lead: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)


def _class_masks(y):
    """``{class id: boolean mask}`` for the classes present in ``y``."""
    return {int(c): y == c for c in np.unique(y)}


def _sizes(masks):
    """``{class: number of its examples}``."""
    return {c: int(np.count_nonzero(mask)) for c, mask in masks.items()}


def _counts(flags, masks):
    """``{class: number of its examples with flags set}``."""
    return {c: int(np.count_nonzero(flags[mask])) for c, mask in masks.items()}


def _majority(counts, sizes):
    """Classes for which more than half of the examples are counted."""
    return tuple(c for c in counts if 2 * counts[c] > sizes[c])


def describe_relu_units(X, y, W1, b1):
    """Which classes each layer-1 ReLU unit switches off (with counts), and its peak output.

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
    X = check_matrix(X=X)
    y = check_class_ids(y=y, rows_of=("X", X))
    W1 = check_kernel(W1=W1, rows_of=("X", X))
    b1 = check_bias(b1=b1, fits=("W1", W1))
    (layer1,) = forward([DenseLayer(W1, b1, "relu")], X)
    masks = _class_masks(y)
    sizes = _sizes(masks)
    units = []
    for j in range(W1.shape[1]):
        zero_counts = _counts(layer1.z[:, j] <= 0, masks)
        zero = _majority(zero_counts, sizes)
        active = tuple(c for c in masks if c not in zero)
        units.append(ReluUnit(j, zero, active, float(layer1.a[:, j].max()), zero_counts, sizes))
    return units


def describe_output_units(A1, y, W2, b2):
    """Where each output unit has the highest score, by how much, and its mean score per class.

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
    A1 = check_matrix(A1=A1)
    y = check_class_ids(y=y, rows_of=("A1", A1))
    W2 = check_kernel(W2=W2, rows_of=("A1", A1))
    b2 = check_bias(b2=b2, fits=("W2", W2))
    (layer2,) = forward([DenseLayer(W2, b2, "linear")], A1)
    Z = layer2.z
    winner = predicted_classes(Z, axis=1)
    ranked = np.sort(Z)  # each row, lowest score first
    lead = ranked[:, -1] - ranked[:, -2] if Z.shape[1] > 1 else np.full(len(Z), np.inf)
    masks = _class_masks(y)
    sizes = _sizes(masks)
    units = []
    for k in range(W2.shape[1]):
        wins = winner == k
        win_counts = _counts(wins, masks)
        least = {c: float(lead[wins & mask].min()) for c, mask in masks.items()
                 if win_counts[c]}
        units.append(OutputUnit(k, _majority(win_counts, sizes),
                                {c: float(Z[mask, k].mean()) for c, mask in masks.items()},
                                win_counts, least, sizes))
    return units


def _class_name(c):
    return f"class {c} ({CLASS_COLOR_NAMES[c]}"


def _counted(classes, counts, sizes):
    """``"class 0 (blue, 25 of 25) and class 2 (orange, 22 of 25)"``."""
    return _join([f"{_class_name(c)}, {counts[c]} of {sizes[c]})" for c in classes])


def _join(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _class_list(classes):
    """``"class 0 (blue) and class 2 (orange)"``."""
    return _join([f"{_class_name(c)})" for c in classes])


def _relu_sentence(d):
    if d.peak == 0:
        return (f"Unit {d.unit} outputs zero for every training example: a dead unit that "
                "passes nothing on.")
    peak = f"(largest output on a training example: {d.peak:.2f})"
    active_counts = {c: d.sizes[c] - d.zero_counts[c] for c in d.sizes}
    if not d.active_classes:
        zero = _counted(d.zero_classes, d.zero_counts, d.sizes)
        return f"Unit {d.unit} outputs zero for most examples of every class: {zero} {peak}."
    active = _counted(d.active_classes, active_counts, d.sizes)
    if not d.zero_classes:
        return f"Unit {d.unit} is active for most examples of every class: {active} {peak}."
    zero = _counted(d.zero_classes, d.zero_counts, d.sizes)
    return f"Unit {d.unit} outputs zero for {zero}; it is active for {active} {peak}."


def _output_sentence(d):
    won = [c for c in d.sizes if d.win_counts[c]]
    if not won:
        return f"Unit {d.unit} never has the highest score on a training example."
    parts = [f"for {d.win_counts[c]} of {d.sizes[c]} examples of {_class_name(c)}), by at "
             f"least {d.least_lead[c]:.2f}" for c in won]
    return f"Unit {d.unit} has the highest score {', and '.join(parts)}."


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


def confusions(y_true, y_pred):
    """Misclassified examples grouped by (true class, predicted class), most frequent first.

    Parameters
    ----------
    y_true, y_pred : ndarray of shape (m,) or (m, 1)

    Returns
    -------
    list of (true_class, predicted_class, count)
    """
    return _confusions(*_check_pair(y_true, y_pred))


def _check_pair(y_true, y_pred):
    y_true = check_class_ids(y_true=y_true)
    return y_true, check_class_ids(y_pred=y_pred, rows_of=("y_true", y_true))


def _confusions(y_true, y_pred):
    wrong = y_true != y_pred
    pairs, counts = np.unique(np.column_stack([y_true[wrong], y_pred[wrong]]), axis=0,
                              return_counts=True)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -counts))  # most frequent, then by class
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
    y_true, y_pred = _check_pair(y_true, y_pred)
    return confusion_sentence(_confusions(y_true, y_pred), len(y_true))


def confusion_sentence(mixed, examples):
    """The sentence of :func:`confusion_summary`, from :func:`confusions` of ``examples``
    (trusted: the callers checked them)."""
    if not mixed:
        return "Every example is classified correctly: the network separates the classes."
    wrong = sum(n for _, _, n in mixed)
    parts = [f"{_class_list([t])} taken for {_class_list([p])} "
             f"({n} example{'s' if n > 1 else ''})" for t, p, n in mixed]
    verb = "is" if wrong == 1 else "are"  # "1 of 100 examples is", "2 of 100 examples are"
    return (f"Training FAILED to separate the classes: {wrong} of {examples} examples {verb} "
            f"misclassified: " + "; ".join(parts) + ".")
