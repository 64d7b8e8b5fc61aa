"""The NumPy routines of the course's earlier labs (linear and logistic regression).

Their names and positional parameters are those of the original
``lab_utils_common``; they are plain NumPy and draw nothing.
"""

from __future__ import annotations

import math

import numpy as np


def sigmoid(z):
    """Logistic function ``1 / (1 + exp(-z))``, with ``z`` clipped to [-500, 500].

    Parameters
    ----------
    z : scalar or ndarray of any shape

    Returns
    -------
    g : ndarray of the shape of ``z``
    """
    z = np.clip(z, -500, 500)
    return 1.0 / (1.0 + np.exp(-z))


def predict_linear(X, w, b):
    """Linear model ``X @ w + b``; ``X`` (m, n), ``w`` (n,) or (n, 1)."""
    return np.asarray(X) @ w + b


def predict_logistic(X, w, b):
    """Logistic model ``sigmoid(X @ w + b)``; ``X`` (m, n), ``w`` (n,) or (n, 1)."""
    return sigmoid(predict_linear(X, w, b))


def log_1pexp(x, maximum=20):
    """``log(1 + exp(x))`` computed without overflow: above ``maximum`` it returns ``x``.

    Parameters
    ----------
    x : ndarray of any shape
    maximum : float, default=20
        Where ``log(1 + e**x)`` and ``x`` agree to float precision.
    """
    x = np.asarray(x, dtype=float)
    out = np.array(x, copy=True)
    small = x <= maximum
    out[small] = np.log1p(np.exp(x[small]))
    return out


def _penalty(w, lambda_, m):
    """L2 penalty ``lambda_ / (2m) * sum(w**2)`` shared by the cost functions."""
    return lambda_ / (2 * m) * float(np.sum(np.square(w)))


def _logistic_loss(z, y, safe):
    """Mean logistic loss of logits ``z`` against labels ``y`` (same shapes)."""
    if safe:
        return float(np.mean(log_1pexp(z) - y * z))
    f = sigmoid(z)
    return float(np.mean(-y * np.log(f) - (1 - y) * np.log(1 - f)))


def compute_cost_logistic(X, y, w, b, lambda_=0, safe=False):
    """Mean logistic loss plus ``lambda_ / (2m) * sum(w**2)``.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,) or (m, 1), values 0 or 1
    w : ndarray of shape (n,) or (n, 1)
    b : float
    lambda_ : float, default=0
    safe : bool, default=False
        Use the overflow-free ``log(1 + e**z) - y z`` form of the loss.

    Returns
    -------
    cost : float
    """
    X = np.asarray(X, dtype=float)
    z = X @ np.reshape(w, -1) + b
    return _logistic_loss(z, np.reshape(y, -1), safe) + _penalty(w, lambda_, X.shape[0])


def compute_cost_matrix(X, y, w, b, logistic=False, lambda_=0, safe=True):
    """Vectorised cost: squared error ``/ (2m)``, or the logistic loss, plus the L2 penalty.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,) or (m, 1)
    w : ndarray of shape (n,) or (n, 1)
    b : float
    logistic : bool, default=False
    lambda_ : float, default=0
    safe : bool, default=True
        With ``logistic``, use the overflow-free form.

    Returns
    -------
    cost : float
    """
    X = np.asarray(X, dtype=float)
    m = X.shape[0]
    y = np.reshape(y, -1)
    z = X @ np.reshape(w, -1) + b
    if logistic:
        cost = _logistic_loss(z, y, safe)
    else:
        cost = float(np.sum((z - y) ** 2) / (2 * m))
    return cost + _penalty(w, lambda_, m)


def compute_gradient_matrix(X, y, w, b, logistic=False, lambda_=0):
    """Gradient of :func:`compute_cost_matrix` with respect to ``b`` and ``w``.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,) or (m, 1)
    w : ndarray of shape (n,) or (n, 1)
    b : float
    logistic : bool, default=False
    lambda_ : float, default=0

    Returns
    -------
    dj_db : float
    dj_dw : ndarray of shape (n, 1)
    """
    X = np.asarray(X, dtype=float)
    m = X.shape[0]
    w_col = np.reshape(w, (-1, 1))
    f = X @ w_col + b
    if logistic:
        f = sigmoid(f)
    err = f - np.reshape(y, (-1, 1))
    dj_dw = X.T @ err / m + (lambda_ / m) * w_col
    dj_db = float(np.sum(err) / m)
    return dj_db, dj_dw


def gradient_descent(X, y, w_in, b_in, alpha, num_iters, logistic=False, lambda_=0,
                     verbose=True, Trace=True):
    """Batch gradient descent on :func:`compute_cost_matrix`.

    About ten times over the run (every ``ceil(num_iters / 10)`` iterations) the
    cost is checked; if it has stopped changing since the last check, the
    learning rate is divided by 10. A too-large ``alpha`` still diverges, as the
    earlier labs show.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,) or (m, 1)
    w_in : ndarray of shape (n,) or (n, 1)
    b_in : float
    alpha : float
        Initial learning rate.
    num_iters : int
    logistic : bool, default=False
    lambda_ : float, default=0
    verbose : bool, default=True
        Print the cost about ten times over the run.
    Trace : bool, default=True
        Record the cost of every iteration in ``J_history``.

    Returns
    -------
    w : ndarray shaped like ``w_in``
    b : float
    J_history : list of float
    """
    w = np.reshape(np.array(w_in, dtype=float), (-1, 1))
    b = float(b_in)
    J_history = []
    every = max(1, math.ceil(num_iters / 10))
    last_checked = math.inf
    for i in range(num_iters):
        dj_db, dj_dw = compute_gradient_matrix(X, y, w, b, logistic, lambda_)
        w = w - alpha * dj_dw
        b = b - alpha * dj_db
        if Trace or i % every == 0:
            cost = compute_cost_matrix(X, y, w, b, logistic, lambda_)
        if Trace:
            J_history.append(cost)
        if i % every == 0:
            if cost == last_checked:  # stopped changing: take smaller steps
                alpha /= 10
            last_checked = cost
            if verbose:
                print(f"Iteration {i:4d}: Cost {cost:8.4f}")
    return w.reshape(np.shape(w_in)), b, J_history


def zscore_normalize_features(X):
    """Scale each column of ``X`` to mean 0 and standard deviation 1.

    Parameters
    ----------
    X : ndarray of shape (m, n)

    Returns
    -------
    X_norm : ndarray of shape (m, n)
    mu : ndarray of shape (n,)
    sigma : ndarray of shape (n,)

    Raises
    ------
    ValueError
        If a column is constant (its standard deviation is 0).
    """
    X = np.asarray(X, dtype=float)
    mu = np.mean(X, axis=0)
    sigma = np.std(X, axis=0)
    constant = np.flatnonzero(np.atleast_1d(sigma) == 0)
    if constant.size:
        raise ValueError(
            f"X has constant column(s) {constant.tolist()}: their standard deviation is 0"
        )
    return (X - mu) / sigma, mu, sigma
