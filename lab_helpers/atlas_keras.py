"""Where the training cell's run starts for each seed: initial weights and example orders.

Both are asked of Keras and TensorFlow themselves, repeating what the training cell
does after ``set_random_seed(seed)``: layer L1's kernel initialiser, then layer L2's,
each take their seed from Python's generator (the biases start at 0), and the dataset
is shuffled by the first seeded TensorFlow operation, so it gets the same shuffle
seeds. The training itself is left to :mod:`.atlas_train`. Importing this module
imports Keras and TensorFlow.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf


def _initial_weights(features, hidden_units, classes):
    """[W1, b1, W2, b2] (float32) as the training cell's two Dense layers start them."""
    kernel_1, kernel_2 = keras.initializers.GlorotUniform(), keras.initializers.GlorotUniform()
    return [np.asarray(kernel_1((features, hidden_units)), dtype=np.float32),
            np.zeros(hidden_units, dtype=np.float32),
            np.asarray(kernel_2((hidden_units, classes)), dtype=np.float32),
            np.zeros(classes, dtype=np.float32)]


def _shuffled_passes(m, epochs):
    """A dataset of one element: the m example indices in the order of each of the passes.

    The cell's pipeline, ``shuffle(m).batch(...).repeat()``, draws a new order of all m
    examples for every pass; batching after the shuffle does not change the order.
    """
    return tf.data.Dataset.range(m).shuffle(m).repeat(epochs).batch(m * epochs)


def training_starts(seeds, *, m, epochs, features, hidden_units, classes):
    """Initial weights and example orders of the training cell's runs with ``seeds``.

    Calls ``keras.utils.set_random_seed`` for each seed as the cell does, so afterwards
    Python's, NumPy's and TensorFlow's generators are seeded with the last seed.

    Returns
    -------
    initial : list of 4 float32 ndarrays
        W1 (S, features, hidden_units), b1 (S, hidden_units), W2 (S, hidden_units,
        classes), b2 (S, classes): the starting weights of each seed's network.
    orders : ndarray of int, shape (S, epochs, m)
        The order of the examples in each epoch of each seed's run.
    """
    starts, passes = [], []
    for seed in seeds:
        keras.utils.set_random_seed(seed)
        starts.append(_initial_weights(features, hidden_units, classes))
        passes.append(_shuffled_passes(m, epochs))  # its seeds are fixed here, not when run
    together = tf.data.Dataset.zip(tuple(passes)).get_single_element()
    orders = np.stack([np.asarray(order) for order in together]).reshape(-1, epochs, m)
    initial = [np.stack([start[i] for start in starts]) for i in range(4)]
    return initial, orders
