"""The atlas's example orders, computed in NumPy, against tf.data's own shuffle.

The expected orders come from the training cell's pipeline itself: a dataset of the
example indices, ``shuffle(m).batch(32).repeat()``, made right after
``tf.random.set_seed(seed)`` (what ``keras.utils.set_random_seed`` calls for the
dataset; NumPy's part of it refuses seeds past 32 bits), read for ``epochs`` passes.
"""

import random

import keras
import numpy as np
import pytest
import tensorflow as tf

import lab_utils_multiclass_TF as mc
from lab_helpers.atlas_orders import example_orders

# Failing and succeeding lab seeds, the notebook's 1234, and seeds past 32 bits.
SEEDS = [0, 1, 5, 26, 42, 62, 191, 1234, 2**31 - 1, 2**31, 2**40 + 5]


def cells_orders(seed, m, epochs, batch_size=32):
    """The example indices in the order the training cell's dataset yields them (epochs, m)."""
    tf.random.set_seed(seed)
    batches = tf.data.Dataset.range(m).shuffle(m).batch(batch_size).repeat()
    steps = -(-m // batch_size)  # batches per epoch
    seen = np.concatenate([b.numpy() for b in batches.take(steps * epochs)])
    return seen.reshape(epochs, m)


@pytest.mark.parametrize(("m", "epochs"), [(100, 200), (7, 3), (33, 5)])
def test_orders_equal_the_training_cells_dataset(m, epochs):
    got = example_orders(SEEDS, m, epochs)
    assert got.shape == (len(SEEDS), epochs, m)
    for row, seed in zip(got, SEEDS, strict=True):
        np.testing.assert_array_equal(row, cells_orders(seed, m, epochs), err_msg=f"seed {seed}")


def test_every_epoch_is_a_permutation_and_epochs_differ():
    got = example_orders([3], 100, 20)[0]
    assert all(sorted(order) == list(range(100)) for order in got)
    assert len({tuple(order) for order in got}) == 20


def test_seed_atlas_leaves_tensorflows_and_pythons_generators_as_they_were(lab_data):
    def draws():
        return tf.random.uniform([3]).numpy().tolist(), [random.random() for _ in range(3)]

    keras.utils.set_random_seed(99)
    expected = draws()
    keras.utils.set_random_seed(99)
    mc.seed_atlas(*lab_data, [4, 8], epochs=2)
    assert draws() == expected
