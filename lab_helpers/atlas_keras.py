"""Where the training cell's run starts for each seed: initial weights and example orders.

Both are drawn as in the training cell after ``set_random_seed(seed)``: layer L1's
kernel initialiser, then layer L2's, take their seeds from Python's generator seeded
with ``seed`` and draw glorot-uniform values with TensorFlow's stateless generator (the
biases start at 0), every seed in one TensorFlow call; the dataset's shuffle orders are
computed in NumPy as tf.data draws them (:mod:`.atlas_orders`). No global seed is set.
The tests compare the result with Keras's own training. The training itself is left to
:mod:`.atlas_train`. Importing this module imports TensorFlow.
"""

from __future__ import annotations

import math
import random

import numpy as np
import tensorflow as tf

from .atlas_orders import example_orders


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


def training_starts(seeds, *, m, epochs, features, hidden_units, classes):
    """Initial weights and example orders of the training cell's runs with ``seeds``.

    Sets no seed: TensorFlow's, Python's and NumPy's generators are left as they were.

    Returns
    -------
    initial : list of 4 float32 ndarrays
        W1 (S, features, hidden_units), b1 (S, hidden_units), W2 (S, hidden_units,
        classes), b2 (S, classes): the starting weights of each seed's network.
    orders : ndarray of int, shape (S, epochs, m)
        The order of the examples in each epoch of each seed's run.
    """
    orders = example_orders(seeds, m, epochs)
    kernel_seeds = np.array([_kernel_seeds(seed) for seed in seeds])
    S = len(kernel_seeds)
    initial = [np.asarray(_kernels(kernel_seeds[:, 0], (features, hidden_units))),
               np.zeros((S, hidden_units), dtype=np.float32),
               np.asarray(_kernels(kernel_seeds[:, 1], (hidden_units, classes))),
               np.zeros((S, classes), dtype=np.float32)]
    return initial, orders
