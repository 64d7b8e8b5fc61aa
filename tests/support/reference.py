"""The lab's network computed here, independently of the package: plain NumPy, written out.

Every test that needs the numbers a network should produce takes them from here (the
package's own forward pass is checked against this and against Keras).
"""

from types import SimpleNamespace

import numpy as np


def dense(X, W, b):
    """A dense layer's pre-activations: X (N, n_in), W (n_in, units), b (units,) -> (N, units)."""
    return np.asarray(X, dtype=np.float64) @ np.asarray(W, dtype=np.float64) + np.asarray(b)


def relu(Z):
    """max(z, 0) for every entry of Z."""
    return np.where(Z > 0, Z, 0.0)


def softmax(scores):
    """Probabilities from the scores (..., classes), along the last axis."""
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def forward(X, W1, b1, W2, b2):
    """The lab's ReLU -> linear network for points X (N, 2): z1, a1 (N, units),
    scores and probabilities (N, classes), and the predicted class ids (N,)."""
    z1 = dense(X, W1, b1)
    a1 = relu(z1)
    scores = dense(a1, W2, b2)
    return SimpleNamespace(z1=z1, a1=a1, scores=scores, p=softmax(scores),
                           winner=np.argmax(scores, axis=-1))


def lab_scores(W1, b1, W2, b2):
    """The lab's network as a function: points (N, 2) -> scores (N, classes)."""
    return lambda X: forward(X, W1, b1, W2, b2).scores
