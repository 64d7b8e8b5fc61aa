"""Binary-classification plots of the course's earlier labs; they draw on the caller's axes.

Names and positional parameters are those of the original ``lab_utils_common``.
"""

from __future__ import annotations

import numpy as np
from matplotlib.widgets import CheckButtons

from .style import dlblue, dldarkred, dlpurple


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
