"""The seed atlas: the training cell's network trained with many seeds at once.

:func:`seed_atlas` asks where each seed's run starts (:mod:`.atlas_keras`),
trains every network together in NumPy (:mod:`.atlas_train`) and describes each
result in an :class:`AtlasEntry`. Importing this module imports TensorFlow; the
facade loads it when ``seed_atlas`` is first used.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .atlas_keras import training_starts
from .atlas_train import train_networks
from .checks import check_class_ids, check_points, check_whole_number, named_argument
from .diagnosis import diagnose_training

# What the figure writes under a failed run, by the diagnosis's finding, first match wins.
CAUSES = (("dead_units", "dead unit"), ("shared_origin", "shared point"),
          ("axis_overlaps", "axis overlap"), ("still_falling", "still learning"))


@dataclass(frozen=True, eq=False)  # arrays inside: entries compare by identity
class AtlasEntry:
    """One seed's run of the training cell.

    Attributes
    ----------
    seed : int
    accuracy : float
        Fraction of the training examples whose largest output is their own class's.
    loss : ndarray of float32, shape (epochs + 1,)
        The loss over all the training examples before training and after each epoch,
        as ``WeightHistory.loss`` records it in the training cell.
    weights : list of 4 float32 ndarrays
        ``[W1 (n, h), b1 (h,), W2 (h, k), b2 (k,)]``, as ``model.get_weights()``: a model
        for ``plt_cat_mc``, ``forward_trace`` and ``plt_forward_trace``.
    dead_units : tuple of int
        Layer-1 units that output 0 for every training example.
    summary : str
        The diagnosis of the run, in sentences.
    cause : str
        Why the run failed, in a word or two ("dead unit", "shared point", "axis overlap",
        "still learning"); "" when every example is classified correctly.
    """

    seed: int
    accuracy: float
    loss: np.ndarray
    weights: list
    dead_units: tuple
    summary: str
    cause: str

    @property
    def separated(self):
        """Whether every training example is classified correctly."""
        return self.accuracy == 1.0


class SeedAtlas(Mapping):
    """The runs of the training cell by seed: ``atlas[seed]`` is an :class:`AtlasEntry`.

    Iterates over the seeds in the order they were given.
    """

    def __init__(self, entries):
        self._entries = {entry.seed: entry for entry in entries}

    def __getitem__(self, seed):
        return self._entries[seed]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self):
        return len(self._entries)

    def by_accuracy(self):
        """The entries, most accurate first (equal accuracies in the order of their seeds)."""
        return sorted(self._entries.values(), key=lambda e: (-e.accuracy, e.seed))

    def __repr__(self):
        reached = sum(entry.separated for entry in self.values())
        return f"SeedAtlas({len(self)} seeds, {reached} separate every class)"


def failure_cause(diagnosis):
    """A word or two for why a run failed, from its diagnosis's findings; "" for none."""
    for attribute, words in CAUSES:
        if getattr(diagnosis, attribute):
            return words
    return "not separated"


def atlas_entry(X, y, seed, weights, loss):
    """One seed's :class:`AtlasEntry`: its accuracy, dead units and summary, all three from
    one ``diagnose_training`` of its weights and loss.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of int, shape (m,)
    seed : int
    weights : list of 4 ndarrays
        The trained ``[W1, b1, W2, b2]``.
    loss : array-like of shape (epochs + 1,)
        The loss over all the training examples before training and after each epoch.

    Returns
    -------
    AtlasEntry
    """
    weights = [np.asarray(w, dtype=np.float32) for w in weights]
    loss = np.asarray(loss, dtype=np.float32)
    diagnosis = diagnose_training(X, y, weights, loss)
    return AtlasEntry(seed=seed, accuracy=diagnosis.accuracy, loss=loss, weights=weights,
                      dead_units=diagnosis.dead_units, summary=diagnosis.summary,
                      cause="" if diagnosis.accuracy == 1.0 else failure_cause(diagnosis))


def check_seeds(**kwargs):
    """Seeds: a non-empty sequence of distinct ints >= 0, as a list of ints."""
    name, value = named_argument(kwargs)
    if isinstance(value, numbers.Integral) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be a sequence of integer seeds, e.g. range(16); "
                        f"got {type(value).__name__}")
    seeds = list(value)
    if not seeds:
        raise ValueError(f"{name} must hold at least one seed; got none")
    for seed in seeds:
        if not isinstance(seed, numbers.Integral) or isinstance(seed, bool):
            raise TypeError(f"{name} must hold integers >= 0; got {seed!r}")
        if seed < 0:
            raise ValueError(f"{name} must hold integers >= 0; got {seed!r}")
    repeated = sorted({int(s) for s in seeds if seeds.count(s) > 1})
    if repeated:
        raise ValueError(f"{name} must not repeat a seed; repeated: {repeated}")
    return [int(seed) for seed in seeds]


def check_positive(**kwargs):
    """A finite number > 0, as a float."""
    name, value = named_argument(kwargs)
    if (not isinstance(value, numbers.Real) or isinstance(value, bool)
            or not np.isfinite(value) or value <= 0):
        raise ValueError(f"{name} must be a finite number > 0; got {value!r}")
    return float(value)


def seed_atlas(X, y, seeds, *, epochs=200, learning_rate=0.01, batch_size=32, hidden_units=2,
               classes=4):
    """Train the notebook's network once per seed, all seeds together, and describe each run.

    For each seed the network is the one the training cell trains after
    ``set_random_seed(seed)``: Dense(``hidden_units``, ReLU) then Dense(``classes``,
    linear), the same initial weights, the examples shuffled anew every epoch in the
    same order, batches of ``batch_size``, Adam(``learning_rate``) on the sparse
    cross-entropy of the logits, ``epochs`` epochs. TensorFlow draws the initial
    weights and NumPy computes the example orders as tf.data draws them; the training
    runs in NumPy float32 for all seeds at once. No seed is set: TensorFlow's, Python's
    and NumPy's generators are left as they were.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
        The training examples.
    y : ndarray of shape (m,) or (m, 1)
        Their class ids, 0 .. ``classes`` - 1.
    seeds : sequence of int
        Distinct seeds, e.g. ``range(16)``.
    epochs : int, default=200
    learning_rate : float, default=0.01
    batch_size : int, default=32
    hidden_units : int, default=2
        Units of layer 1.
    classes : int, default=4
        Units of layer 2, one per class.

    Returns
    -------
    SeedAtlas
        ``atlas[seed]`` is that run's :class:`AtlasEntry`.
    """
    X = check_points(X=X)
    classes = check_whole_number(classes=classes, minimum=2)
    y = check_class_ids(y=y, rows_of=("X", X), classes=classes)
    seeds = check_seeds(seeds=seeds)
    epochs = check_whole_number(epochs=epochs)
    learning_rate = check_positive(learning_rate=learning_rate)
    batch_size = check_whole_number(batch_size=batch_size)
    hidden_units = check_whole_number(hidden_units=hidden_units)
    initial, orders = training_starts(seeds, m=len(X), epochs=epochs, features=X.shape[1],
                                      hidden_units=hidden_units, classes=classes)
    weights, loss = train_networks(X, y, initial, orders, learning_rate=learning_rate,
                                   batch_size=batch_size)
    return SeedAtlas(atlas_entry(X, y, seed, [w[i] for w in weights], loss[i].copy())
                     for i, seed in enumerate(seeds))

