"""The training cell's example orders for many seeds at once, in NumPy, as tf.data draws them.

The cell's pipeline, ``shuffle(m)`` of the m examples then ``repeat()``, after
``tf.random.set_seed(seed)``, draws every pass's order from counter-based Philox-4x32-10
numbers (TensorFlow's ``PhiloxRandom``), in three steps:

1. the shuffle's seed pair: the global seed, and the first operation seed that
   TensorFlow's eager context draws from Python's generator seeded with ``seed``;
2. every pass (epoch) takes two 32-bit numbers from a Philox stream keyed by that pair,
   and keys its own stream with them;
3. the pass takes one number r per example from its stream and, for position i, picks
   the example at buffer slot i + r mod (m - i), swapping it with slot i.

Every step is one array operation over all seeds and passes, so the orders cost next to
nothing per seed, and no TensorFlow state is touched. The tests compare the result with
tf.data's own shuffle. NumPy only: importing this module imports nothing else.
"""

from __future__ import annotations

import random

import numpy as np

U64 = np.uint64
LOW_32 = U64(0xFFFFFFFF)
MAX_INT32 = 2**31 - 1  # TensorFlow truncates seeds modulo this
MULTIPLIERS = (U64(0xD2511F53), U64(0xCD9E8D57))  # Philox-4x32's round multipliers
KEY_STEPS = (U64(0x9E3779B9), U64(0xBB67AE85))  # added to the key after every round
ROUNDS = 10


def _philox(key, counter):
    """Philox-4x32-10 of each key (2 uint64 arrays holding 32-bit values) and counter
    (4 arrays): the 4 output words, shape (..., 4), broadcast over the inputs."""
    k0, k1 = key
    c0, c1, c2, c3 = np.broadcast_arrays(*counter)
    for _ in range(ROUNDS):
        p0, p1 = MULTIPLIERS[0] * c0, MULTIPLIERS[1] * c2
        c0, c1, c2, c3 = ((p1 >> U64(32)) ^ c1 ^ k0, p1 & LOW_32,
                          (p0 >> U64(32)) ^ c3 ^ k1, p0 & LOW_32)
        k0, k1 = (k0 + KEY_STEPS[0]) & LOW_32, (k1 + KEY_STEPS[1]) & LOW_32
    return np.stack([c0, c1, c2, c3], axis=-1)


def philox_stream(seed, seed2, count):
    """The first ``count`` 32-bit numbers of TensorFlow's ``PhiloxRandom(seed, seed2)``.

    Parameters
    ----------
    seed, seed2 : ndarray of uint64, shape (N,)
        One generator per row: ``seed`` is the key, ``seed2`` the counter's upper half.
    count : int

    Returns
    -------
    ndarray of uint64, shape (N, count)
        Each generator's numbers in the order its single-number adapter hands them out.
    """
    blocks = np.arange((count + 3) // 4, dtype=U64)[None, :]
    key = ((seed & LOW_32)[:, None], (seed >> U64(32))[:, None])
    counter = (blocks, U64(0), (seed2 & LOW_32)[:, None], (seed2 >> U64(32))[:, None])
    return _philox(key, counter).reshape(len(seed), -1)[:, :count]


def shuffle_seeds(seed):
    """The seed pair of the first shuffle made after ``tf.random.set_seed(seed)``.

    TensorFlow pairs the global seed with an operation seed that its eager context
    draws, ``randint(0, 2**31 - 1)``, from a Python generator seeded with ``seed``;
    both are taken modulo 2**31 - 1, and (0, 0) becomes (0, 2**31 - 1).
    """
    pair = (seed % MAX_INT32, random.Random(seed).randint(0, MAX_INT32) % MAX_INT32)
    return (0, MAX_INT32) if pair == (0, 0) else pair


def _shuffle_passes(draws):
    """Each row's order of m examples from its m numbers (rows, m): the shuffle buffer."""
    rows, m = draws.shape
    order, every = np.tile(np.arange(m), (rows, 1)), np.arange(rows)
    for i in range(m):
        slot = i + (draws[:, i] % U64(m - i)).astype(np.intp)
        picked = order[every, slot]
        order[every, slot] = order[:, i]
        order[:, i] = picked
    return order


def example_orders(seeds, m, epochs):
    """The order of the m examples in each epoch (S, epochs, m), for each seed.

    Equal to what ``shuffle(m)`` of ``Dataset.range(m)`` repeated ``epochs`` times
    yields when it is made right after ``tf.random.set_seed(seed)``, as in the
    training cell (batching after the shuffle does not change the order).

    Parameters
    ----------
    seeds : sequence of int, length S
        Seeds >= 0.
    m : int
        Number of examples.
    epochs : int

    Returns
    -------
    ndarray of int, shape (S, epochs, m)
    """
    pairs = np.array([shuffle_seeds(seed) for seed in seeds], dtype=U64)
    passes = philox_stream(pairs[:, 0], pairs[:, 1], 2 * epochs).reshape(-1, 2)
    draws = philox_stream(passes[:, 0], passes[:, 1], m)
    return _shuffle_passes(draws).reshape(len(pairs), epochs, m)
