"""Many copies of the lab's network trained at once, in NumPy float32, as Keras trains one.

Every network of the batch has its own weights, its own order of the examples and
its own Adam state; one array operation updates all of them. The arithmetic is that
of the training cell: float32 throughout, the mean sparse cross-entropy of the logits
over each batch, ReLU's gradient 0 where its input is not positive, and Keras's Adam
update (``m += (g - m)(1 - beta_1)``, ``v += (g^2 - v)(1 - beta_2)``,
``w -= lr sqrt(1 - beta_2^t) / (1 - beta_1^t) m / (sqrt(v) + epsilon)``).
Keras is not imported here: the starting weights and orders come from the caller.
"""

from __future__ import annotations

import numpy as np

from .network import cross_entropy

F32 = np.float32
BETA_1, BETA_2, EPSILON = F32(0.9), F32(0.999), F32(1e-7)


def _views(flat, shapes):
    """Views into ``flat`` (S, P), one per shape: the weight arrays of every network."""
    views, at = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        views.append(flat[:, at:at + size].reshape(flat.shape[0], *shape))
        at += size
    return views


def _last_axis_max(a):
    """The largest value along the last axis, kept as an axis of 1: a chain of
    ``np.maximum`` over the few columns, much faster than ``max(axis=-1)`` on short rows."""
    out = a[..., 0]
    for j in range(1, a.shape[-1]):
        out = np.maximum(out, a[..., j])
    return out[..., None]


def _last_axis_sum(a):
    """The sum along the last axis, column after column (NumPy's own order for short rows),
    kept as an axis of 1; faster than ``sum(axis=-1)`` on short rows."""
    out = a[..., 0]
    for j in range(1, a.shape[-1]):
        out = out + a[..., j]
    return out[..., None]


def _forward(X, weights):
    """Every network's layer-1 input z1 (S, b, h), its output a1 and the logits (S, b, k),
    for inputs X (S, b, n), or (b, n) shared by all networks."""
    W1, b1, W2, b2 = weights
    z1 = np.matmul(X, W1) + b1[:, None, :]
    a1 = np.maximum(z1, F32(0))
    return z1, a1, np.matmul(a1, W2) + b2[:, None, :]


def _step(X, onehot, weights, grads):
    """One batch for every network: fills ``grads`` (the gradient of the batch's mean
    sparse cross-entropy of the logits, as Keras's ``from_logits=True`` loss computes it).

    X (S, b, n) and onehot (S, b, k) hold each network's batch.
    """
    _, _, W2, _ = weights
    gW1, gb1, gW2, gb2 = grads
    z1, a1, logits = _forward(X, weights)
    exp = np.exp(logits - _last_axis_max(logits))
    count = F32(X.shape[1])
    d_logits = (exp / _last_axis_sum(exp) - onehot) / count
    d_z1 = np.matmul(d_logits, W2.transpose(0, 2, 1)) * (z1 > 0)
    gW1[...] = np.matmul(X.transpose(0, 2, 1), d_z1)
    gb1[...] = d_z1.sum(axis=1)
    gW2[...] = np.matmul(a1.transpose(0, 2, 1), d_logits)
    gb2[...] = d_logits.sum(axis=1)


def _adam_rates(steps, learning_rate):
    """Adam's step size for steps 1..steps: lr sqrt(1 - beta_2^t) / (1 - beta_1^t)."""
    t = np.arange(1, steps + 1, dtype=F32)
    return F32(learning_rate) * np.sqrt(F32(1) - BETA_2 ** t) / (F32(1) - BETA_1 ** t)


def train_networks(X, y, initial, orders, *, learning_rate, batch_size):
    """Train S networks, each from its own weights on its own order of the examples.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of int, shape (m,)
    initial : sequence of 4 ndarrays
        Starting weights of every network: W1 (S, n, h), b1 (S, h), W2 (S, h, k), b2 (S, k).
    orders : ndarray of int, shape (S, epochs, m)
        The order in which each network sees the examples in each epoch.
    learning_rate : float
    batch_size : int

    Returns
    -------
    weights : list of 4 float32 ndarrays
        The trained weights, shaped like ``initial``.
    loss : ndarray of float32, shape (S, epochs + 1)
        Each network's loss over all the examples before training and after each epoch,
        as :class:`~lab_helpers.callbacks.WeightHistory` records it.
    """
    S, epochs, m = orders.shape
    shapes = [np.shape(w)[1:] for w in initial]
    params = np.concatenate([np.reshape(w, (S, -1)) for w in initial], axis=1).astype(F32)
    grad, moment, velocity = np.zeros_like(params), np.zeros_like(params), np.zeros_like(params)
    weights, grads = _views(params, shapes), _views(grad, shapes)
    X_seen = np.asarray(X, dtype=F32)[orders]  # (S, epochs, m, n)
    X = np.asarray(X, dtype=float)  # the loss in double precision, as WeightHistory's
    onehot_seen = np.eye(shapes[-1][0], dtype=bool)[np.asarray(y)[orders]]
    starts = range(0, m, batch_size)
    rates = _adam_rates(epochs * len(starts), learning_rate)
    loss = np.empty((S, epochs + 1), dtype=F32)
    loss[:, 0] = cross_entropy(_forward(X, weights)[-1], y)
    step = 0
    for epoch in range(epochs):
        for start in starts:
            batch = slice(start, start + batch_size)
            _step(X_seen[:, epoch, batch], onehot_seen[:, epoch, batch], weights, grads)
            moment += (grad - moment) * (F32(1) - BETA_1)
            velocity += (grad * grad - velocity) * (F32(1) - BETA_2)
            params -= (moment * rates[step]) / (np.sqrt(velocity) + EPSILON)
            step += 1
        loss[:, epoch + 1] = cross_entropy(_forward(X, weights)[-1], y)
    return [w.copy() for w in weights], loss
