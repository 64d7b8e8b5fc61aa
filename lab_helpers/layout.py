"""Spacing a grid of panels so that their colour bars leave the next panel alone."""

from __future__ import annotations

import math

from matplotlib.backends.backend_agg import RendererAgg


def space_panels(fig):
    """Room for titles, axis labels and colour bars between the panels of a grid.

    The columns then move apart (and the right margin grows) as far as the colour
    bars' numbers and labels, measured as the figure's renderer lays them out, need:
    no colour bar reaches into the next panel's labels or past the figure's edge.
    """
    fig.subplots_adjust(left=0.1, right=0.93, bottom=0.14, top=0.9, wspace=0.45, hspace=0.55)
    # text is measured as Agg draws it (ipympl's canvas is Agg too), on any canvas
    renderer = RendererAgg(fig.bbox.width, fig.bbox.height, fig.dpi)
    for _ in range(3):  # wider gaps narrow the panels, which can change their ticks
        crowding, beyond = colorbar_crowding(fig, renderer)
        if crowding <= 0 and beyond <= 0:
            break
        widen_columns(fig, max(crowding, 0.0), max(beyond, 0.0))


COLORBAR_GAP = 6.0  # pixels kept free between a colour bar's label and the next panel


def colorbar_crowding(fig, renderer):
    """Pixels by which colour bars reach into the next panel to their right (the most of
    any), and past the figure's right edge; each with ``COLORBAR_GAP`` to spare."""
    bars = [ax for ax in fig.axes if ax.get_label() == "<colorbar>"]
    # a panel's left edge: its y axis (numbers and label) or the panel itself
    starts = [(ax.get_position(), min(ax.bbox.x0, ax.yaxis.get_tightbbox(renderer).x0))
              for ax in fig.axes if ax.get_label() != "<colorbar>"]
    crowding = beyond = -math.inf
    for bar in bars:
        reach = bar.yaxis.get_tightbbox(renderer).x1 + COLORBAR_GAP
        box = bar.get_position()
        beyond = max(beyond, reach - fig.bbox.x1)
        for place, start in starts:
            if place.x0 >= box.x1 and place.y0 < box.y1 and box.y0 < place.y1:
                crowding = max(crowding, reach - start)
    return crowding, beyond


def widen_columns(fig, more, beyond):
    """Move the grid's columns ``more`` pixels further apart and its right side ``beyond``
    pixels in, keeping the figure's size."""
    params, width = fig.subplotpars, fig.bbox.width
    right = params.right - beyond / width
    ncols = fig.axes[0].get_subplotspec().get_topmost_subplotspec().get_gridspec().ncols
    room = (right - params.left) * width  # pixels for the panels and the gaps between them
    gap = params.wspace * room / (ncols + (ncols - 1) * params.wspace) + more
    wspace = gap * ncols / (room - gap * (ncols - 1)) if ncols > 1 else params.wspace
    fig.subplots_adjust(right=right, wspace=wspace)
