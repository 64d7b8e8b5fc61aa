"""Where the training cell's run starts for each seed: initial weights and example orders.

Both are drawn by TensorFlow as in the training cell after ``set_random_seed(seed)``:
layer L1's kernel initialiser, then layer L2's, take their seeds from Python's
generator seeded with ``seed`` and draw glorot-uniform values with TensorFlow's
stateless generator (the biases start at 0); the dataset's shuffle is the first seeded
TensorFlow operation after ``tf.random.set_seed(seed)``, so it gets the cell's shuffle
seeds. Every seed is drawn in one TensorFlow call for the weights and one for the
orders. The tests compare the result with Keras's own training. The training itself is
left to :mod:`.atlas_train`. Importing this module imports TensorFlow.
"""

from __future__ import annotations

import math
import random

import numpy as np
import tensorflow as tf


def _kernel_seeds(seed):
    """The seeds of layer L1's and layer L2's kernel initialisers after ``set_random_seed(seed)``:
    Keras draws each from Python's generator (``randint(1, 10**9)``) when the layer is made."""
    draws = random.Random(seed)  # the generator random.seed(seed) sets up, without touching it
    return [draws.randint(1, int(1e9)) for _ in range(2)]


@tf.function(input_signature=[tf.TensorSpec([None, 2], tf.int32), tf.TensorSpec([2], tf.int32),
                              tf.TensorSpec([], tf.float32)])
def _glorot_uniform(seeds, shape, limit):
    """Keras's glorot-uniform draws for every seed pair (S, 2): shape (S, *shape)."""
    return tf.map_fn(lambda pair: tf.random.stateless_uniform(shape, pair, -limit, limit),
                     seeds, fn_output_signature=tf.float32)


def _kernels(seeds, shape):
    """Initial kernels (S, *shape) drawn as Keras's GlorotUniform draws them with ``seeds``."""
    limit = math.sqrt(3.0 / max(1.0, sum(shape) / 2.0))
    pairs = np.array([[seed % (2**31 - 2), 0] for seed in seeds], dtype=np.int32)
    return _glorot_uniform(tf.constant(pairs), tf.constant(shape), tf.constant(limit, tf.float32))


def _example_orders(seeds, m, epochs):
    """The order of the m examples in each epoch (S, epochs, m), for each seed.

    The cell's pipeline, ``shuffle(m).batch(...).repeat()``, draws a new order of all m
    examples for every pass; batching after the shuffle does not change the order, so
    here each pass is one batch of all m. Each
    seed's shuffle takes its seeds when it is made, right after ``tf.random.set_seed``, as
    in the cell; all are run together.
    """
    indices, passes = tf.data.Dataset.range(m), []
    for seed in seeds:
        tf.random.set_seed(seed)
        passes.append(indices.shuffle(m).batch(m).repeat(epochs))  # a pass per element
    together = tf.data.Dataset.zip(tuple(passes)).batch(epochs).get_single_element()
    return np.stack([np.asarray(order) for order in together])


def training_starts(seeds, *, m, epochs, features, hidden_units, classes):
    """Initial weights and example orders of the training cell's runs with ``seeds``.

    Calls ``tf.random.set_seed`` for each seed, so afterwards TensorFlow's global seed is
    the last seed; Python's and NumPy's generators are left as they were.

    Returns
    -------
    initial : list of 4 float32 ndarrays
        W1 (S, features, hidden_units), b1 (S, hidden_units), W2 (S, hidden_units,
        classes), b2 (S, classes): the starting weights of each seed's network.
    orders : ndarray of int, shape (S, epochs, m)
        The order of the examples in each epoch of each seed's run.
    """
    orders = _example_orders(seeds, m, epochs)
    kernel_seeds = np.array([_kernel_seeds(seed) for seed in seeds])
    S = len(kernel_seeds)
    initial = [np.asarray(_kernels(kernel_seeds[:, 0], (features, hidden_units))),
               np.zeros((S, hidden_units), dtype=np.float32),
               np.asarray(_kernels(kernel_seeds[:, 1], (hidden_units, classes))),
               np.zeros((S, classes), dtype=np.float32)]
    return initial, orders
