"""Shared helpers of the course labs: colours, the plot style, argument checks
and the NumPy routines of the earlier (linear and logistic regression) labs.

Importing this module changes no global state: no rcParams, no NumPy print
options, no logging levels. The course style is applied only inside
:func:`lab_style`, which finds ``deeplearning.mplstyle`` next to this file,
whatever the working directory.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.widgets import CheckButtons

__all__ = [
    "dlblue", "dlorange", "dldarkred", "dlmagenta", "dlpurple", "dldarkblue", "dlmedblue",
    "dlcolors", "dlc", "STYLE_FILE", "lab_style",
    "sigmoid", "predict_logistic", "predict_linear", "log_1pexp",
    "compute_cost_logistic", "compute_cost_matrix", "compute_gradient_matrix",
    "gradient_descent", "zscore_normalize_features",
    "plot_data", "plt_tumor_data", "draw_vthresh", "button_manager",
]

# ---------------------------------------------------------------------------
# Colours and style
# ---------------------------------------------------------------------------
dlblue = "#0096ff"
dlorange = "#FF9300"
dldarkred = "#C00000"
dlmagenta = "#FF40FF"
dlpurple = "#7030A0"
dldarkblue = "#0D5BDC"
dlmedblue = "#4285F4"
dlcolors = [dlblue, dlorange, dldarkred, dlmagenta, dlpurple]
dlc = dict(
    dlblue=dlblue, dlorange=dlorange, dldarkred=dldarkred, dlmagenta=dlmagenta,
    dlpurple=dlpurple, dldarkblue=dldarkblue, dlmedblue=dlmedblue,
)

STYLE_FILE = Path(__file__).resolve().with_name("deeplearning.mplstyle")


def lab_style():
    """Context manager that applies the course style for the duration of a ``with`` block.

    Use it around figure creation and drawing; rcParams are restored on exit.
    """
    return plt.style.context(STYLE_FILE)


# ---------------------------------------------------------------------------
# Argument checks shared by the lab helpers
# ---------------------------------------------------------------------------
def as_finite_array(value, name, *, ndim=None, columns=None, allow_empty=False):
    """Return ``value`` as a float ndarray after checking its shape and values.

    Parameters
    ----------
    value : array-like
    name : str
        Argument name used in error messages.
    ndim : int, optional
        Required number of dimensions.
    columns : int, optional
        Required size of the last axis (only with ``ndim=2``).
    allow_empty : bool, default=False

    Raises
    ------
    TypeError
        If ``value`` is not numeric.
    ValueError
        If the shape is wrong, the array is empty, or it holds NaN or inf.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"{name} must be a numeric array; got {type(value).__name__} ({err})"
        ) from None
    if ndim is not None and arr.ndim != ndim:
        want = f"(m, {columns})" if (ndim == 2 and columns) else f"{ndim}-D"
        raise ValueError(f"{name} must be an array of shape {want}; got shape {arr.shape}")
    if columns is not None and arr.shape[-1] != columns:
        raise ValueError(f"{name} must be an array of shape (m, {columns}); got shape {arr.shape}")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.count_nonzero(~np.isfinite(arr)))
        raise ValueError(f"{name} must hold finite numbers; got {bad} NaN or inf value(s)")
    return arr


# ---------------------------------------------------------------------------
# NumPy routines of the regression labs
# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# Binary-classification plots of the earlier labs (they draw on the caller's ax)
# ---------------------------------------------------------------------------
def plot_data(X, y, ax, pos_label="y=1", neg_label="y=0", s=80, loc="best"):
    """Scatter two-feature binary data onto ``ax``: crosses for 1, circles for 0.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
    y : ndarray of shape (m,) or (m, 1), values 0 or 1
    ax : matplotlib Axes
    """
    X = np.asarray(X)
    y = np.reshape(y, -1)
    pos, neg = y == 1, y == 0
    ax.scatter(X[pos, 0], X[pos, 1], marker="x", s=s, color="red", label=pos_label)
    ax.scatter(X[neg, 0], X[neg, 1], marker="o", s=s, label=neg_label,
               facecolors="none", edgecolors=dlblue, linewidths=3)
    ax.legend(loc=loc)


def plt_tumor_data(x, y, ax):
    """Scatter one-feature tumour data onto ``ax``: malignant (1) as crosses, benign as circles.

    Parameters
    ----------
    x : ndarray of shape (m,)
    y : ndarray of shape (m,), values 0 or 1
    ax : matplotlib Axes
    """
    x = np.reshape(x, -1)
    y = np.reshape(y, -1)
    pos, neg = y == 1, y == 0
    ax.scatter(x[pos], y[pos], marker="x", s=80, color="red", label="malignant")
    ax.scatter(x[neg], y[neg], marker="o", s=100, label="benign",
               facecolors="none", edgecolors=dlblue, linewidths=3)
    ax.set_ylim(-0.175, 1.1)
    ax.set_ylabel("y")
    ax.set_xlabel("Tumor Size")
    ax.legend()


def draw_vthresh(ax, x):
    """Mark a decision threshold at ``x`` on ``ax``: y = 0 shaded left of it, y = 1 right."""
    ylim = ax.get_ylim()
    xlim = ax.get_xlim()
    ax.fill_between([xlim[0], x], [ylim[1], ylim[1]], alpha=0.2, color=dlblue)
    ax.fill_between([x, xlim[1]], [ylim[1], ylim[1]], alpha=0.2, color=dldarkred)
    ax.annotate("z >= 0", xy=[x, 0.5], xycoords="data", xytext=[30, 5],
                textcoords="offset points")
    ax.annotate("z < 0", xy=[x, 0.5], xycoords="data", xytext=[-50, 5],
                textcoords="offset points", ha="left")
    ax.axvline(x, color=dlpurple, linewidth=3)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)


class button_manager:  # noqa: N801 - the original lowercase name is public API
    """A group of matplotlib CheckButtons of which exactly one is checked at a time.

    Parameters
    ----------
    fig : matplotlib Figure
    dim : sequence of 4 floats
        ``[left, bottom, width, height]`` of the buttons' axes, in figure fractions.
    labels : sequence of str
    init : sequence of bool
        Initial state of each button; exactly one should be True.
    call_on_click : callable
        Called as ``call_on_click(index, firsttime=True)`` once at creation and as
        ``call_on_click(index)`` after every click, with the index of the checked button.
    """

    def __init__(self, fig, dim, labels, init, call_on_click):
        if len(labels) != len(init) or sum(map(bool, init)) != 1:
            raise ValueError(
                "labels and init must have the same length with exactly one True in init; "
                f"got {len(labels)} labels and init={list(init)}"
            )
        self.fig = fig
        self.ax = fig.add_axes(dim)
        self.init_state = [bool(v) for v in init]
        self.call_on_click = call_on_click
        self.button = CheckButtons(self.ax, labels, self.init_state)
        self.button.on_clicked(self.button_click)
        self.status = self.button.get_status()
        self.call_on_click(self.status.index(True), firsttime=True)

    def reinit(self):
        """Put every button back in its initial state (without calling ``call_on_click``)."""
        self._set_states(self.init_state)

    def button_click(self, event):
        """Keep exactly the clicked button checked, then call ``call_on_click(index)``."""
        now = self.button.get_status()
        changed = [i for i, (a, b) in enumerate(zip(now, self.status, strict=True)) if a != b]
        keep = changed[0] if changed else self.status.index(True)
        self._set_states([i == keep for i in range(len(now))])  # re-check a clicked-off one
        self.call_on_click(keep)

    def _set_states(self, states):
        self.button.eventson = False
        try:
            for i, (now, want) in enumerate(zip(self.button.get_status(), states, strict=True)):
                if now != want:
                    self.button.set_active(i)
        finally:
            self.button.eventson = True
        self.status = self.button.get_status()
