"""Counts written beside spots where examples of one class coincide, so that markers drawn
on top of each other still say how many they are (layer 2's plane, where ReLU sends many
examples to the same point). Drawn inside :func:`lab_helpers.style.lab_style`.
"""

from __future__ import annotations

from .diagnosis import _coinciding_examples
from .style import CLASS_DARK

COUNT_GID = "coinciding count"  # the gid of each count label: found by it in the tests


def label_coinciding(ax, A, ids):
    """Write the count beside each spot where two or more examples of one class coincide
    (markers drawn there hide each other): one label per class and spot, in the class's
    dark colour, stacked upwards when several classes share the spot.

    Parameters
    ----------
    A : ndarray of shape (m, 2)
        The positions drawn, e.g. the layer-1 outputs (layer 2's plane).
    ids : ndarray of int, shape (m,)

    Returns
    -------
    list of Annotation, one per (spot, class)
    """
    found = _coinciding_examples(A, ids)
    labels = [count_label(ax) for _ in found[0]]
    show_counts(labels, *found)
    return labels


def count_label(ax):
    """An empty, hidden count label on ``ax``, for :func:`show_counts` to fill."""
    return ax.annotate("", (0, 0), xytext=(0, 0), textcoords="offset points", visible=False,
                       fontsize="small", fontweight="bold", zorder=6, gid=COUNT_GID,
                       bbox=dict(boxstyle="round,pad=0.1", facecolor="white",
                                 edgecolor="none", alpha=0.8))


def show_counts(labels, positions, classes, counts):
    """Fill the first count labels with ``counts`` of ``classes`` at ``positions`` (as
    :func:`lab_helpers.diagnosis.coinciding_examples` returns them), stacking those of one
    spot upwards; hide the labels left over."""
    stacked = {}
    for i, label in enumerate(labels):
        if i >= len(counts):
            label.set_visible(False)
            continue
        spot = tuple(positions[i])
        rank = stacked[spot] = stacked.get(spot, -1) + 1
        label.xy, label.xyann = spot, (5, 4 + 11 * rank)
        label.set_text(f"{counts[i]}")
        label.set_color(CLASS_DARK[classes[i]])
        label.set_visible(True)
