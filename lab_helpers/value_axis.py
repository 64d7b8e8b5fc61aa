"""A value axis refitted to each new set of values without redrawing its figure.

Matplotlib's own axis would need a full redraw whenever its limits change. Here the
axes keep the limits (0, 1); the tick labels and grid lines are ordinary artists
that a blitting figure redraws with the bars they label.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.ticker import MaxNLocator, ScalarFormatter

from .style import BOUNDARY

GRID_COLOR = "#c8c8c8"
MOST_TICKS = 7  # MaxNLocator(4) gives at most this many ticks inside the limits


class ValueAxis:
    """Tick labels, grid lines and a zero line for values shown on ``ax`` at
    :meth:`position` (0 at the bottom of the axes, 1 at the top).

    Attributes
    ----------
    low, high : float
        The values at the bottom and the top of the axes.
    """

    def __init__(self, ax):
        ax.set_ylim(0.0, 1.0)
        ax.set_yticks([])
        self.lines = [ax.axhline(0.0, color=GRID_COLOR, linewidth=0.6, zorder=0.5)
                      for _ in range(MOST_TICKS)]
        size = mpl.rcParams["ytick.labelsize"]  # as the other axes' tick labels
        self.labels = [ax.text(-0.04, 0.0, "", transform=ax.get_yaxis_transform(), ha="right",
                               va="center", fontsize=size) for _ in range(MOST_TICKS)]
        self.zero = ax.axhline(0.0, color=BOUNDARY, linewidth=1)
        self.low, self.high = 0.0, 1.0

    @property
    def artists(self):
        """The artists that :meth:`fit` changes, the lines first (they lie under bars)."""
        return [*self.lines, self.zero, *self.labels]

    def position(self, value):
        """Where ``value`` lies on the axes: 0 at the bottom, 1 at the top."""
        return (np.asarray(value, dtype=float) - self.low) / (self.high - self.low)

    def fit(self, values):
        """Span ``values`` with some room, and move the ticks, labels and zero line."""
        low, high = float(np.min(values)), float(np.max(values))
        room = 0.15 * (high - low) if high > low else 0.5
        self.low, self.high = low - room, high + room
        ticks = [t for t in MaxNLocator(4).tick_values(self.low, self.high)
                 if self.low <= t <= self.high]
        formatter = ScalarFormatter()  # the numbers as matplotlib's own axes write them
        formatter.create_dummy_axis()
        formatter.set_locs(ticks)
        for i, (line, label) in enumerate(zip(self.lines, self.labels, strict=True)):
            shown = i < len(ticks)
            line.set_visible(shown)
            label.set_visible(shown)
            if shown:
                y = float(self.position(ticks[i]))
                line.set_ydata([y, y])
                label.set_y(y)
                label.set_text(formatter(ticks[i], i))
        self.zero.set_visible(self.low <= 0.0 <= self.high)
        self.zero.set_ydata([float(self.position(0.0))] * 2)
