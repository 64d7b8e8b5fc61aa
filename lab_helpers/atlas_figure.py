"""The seed atlas as small multiples: one panel of decision regions per seed.

Compute first (:func:`atlas_panels`: which seed goes where, and what each panel
says), draw second (:func:`plt_seed_atlas`). Keras is not needed: the panels are
drawn from each entry's weights by the library's forward pass.
"""

from __future__ import annotations

import math

from .checks import (
    check_class_count,
    check_class_ids,
    check_points,
    check_predicted_ids,
    check_whole_number,
    named_argument,
)
from .compute import decision_regions
from .draw import RegionsArtist, draw_classes, new_figure
from .style import lab_style

LABEL = ("Seed atlas: the decision regions of the training cell's network trained with each "
         "seed, most accurate first, with the training examples; failed runs have a dashed "
         "frame, the word FAILED and their cause below")
PANEL_INCHES = 2.3
MARKER_SIZE = 20  # points squared: small for the panel, large enough to show each colour
MOST_COLUMNS = 4
FAILED_FRAME = dict(linestyle=(0, (4, 2)), linewidth=2.5, color="0.15")


def percent(accuracy):
    """``accuracy`` as a percentage for a title: "94 %", or "99.6 %" rather than a 100
    that was not reached."""
    text = f"{100 * accuracy:.0f} %"
    return f"{100 * accuracy:.1f} %" if accuracy < 1 and text == "100 %" else text


def atlas_panels(atlas):
    """What each panel shows, in order: a list of (entry, title, caption).

    Panels go from the most accurate run to the least (equal accuracies by seed). The
    caption, under a failed run only, is "FAILED" and the run's cause.
    """
    panels = []
    for entry in atlas.by_accuracy():
        caption = "" if entry.separated else f"FAILED: {entry.cause}"
        panels.append((entry, f"seed {entry.seed}: {percent(entry.accuracy)}", caption))
    return panels


def _grid(n):
    """(rows, columns) for n panels: at most MOST_COLUMNS across."""
    columns = min(n, MOST_COLUMNS)
    return math.ceil(n / columns), columns


def _mark_failed(ax, caption):
    """A failed run: a dashed frame and, under the panel, the caption."""
    for spine in ax.spines.values():
        spine.set(**FAILED_FRAME)
    ax.set_xlabel(caption, fontweight="bold")


def plt_seed_atlas(X, y, atlas, classes, *, resolution=80):
    """One panel per seed of the atlas: its decision regions and the training examples.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
        The training examples the atlas was trained on.
    y : ndarray of shape (m,) or (m, 1)
        Their class ids.
    atlas : SeedAtlas
        What :func:`lab_helpers.atlas.seed_atlas` returns.
    classes : int
    resolution : int, default=80
        Mesh points per axis of each panel.

    Returns
    -------
    fig : matplotlib Figure
        Panels from the most accurate run to the least, each titled "seed S: NN %";
        a failed run has a dashed frame and "FAILED: cause" below it.
    """
    X = check_points(X=X)
    classes = check_class_count(classes=classes)
    y = check_class_ids(y=y, rows_of=("X", X), classes=classes)
    atlas = check_atlas(atlas=atlas)
    resolution = check_whole_number(resolution=resolution, minimum=2)
    panels = atlas_panels(atlas)
    regions = [decision_regions(X, entry.weights, resolution=resolution)
               for entry, _, _ in panels]
    for (entry, _, _), (_, _, ids) in zip(panels, regions, strict=True):
        check_predicted_ids(ids, classes, f"atlas[{entry.seed}]")
    rows, columns = _grid(len(panels))
    with lab_style():
        fig, axes = new_figure((PANEL_INCHES * columns, PANEL_INCHES * rows + 0.4), rows,
                               columns, label=LABEL)
        axes = axes.ravel()
        for ax, (_, title, caption), (xx0, xx1, ids) in zip(axes, panels, regions, strict=False):
            RegionsArtist(ax, xx0, xx1, ids, classes)
            draw_classes(ax, X, y, classes, size=MARKER_SIZE)
            ax.set_title(title, fontsize=10)
            ax.set_xticks([])
            ax.set_yticks([])
            if caption:
                _mark_failed(ax, caption)
        for ax in axes[len(panels):]:
            ax.remove()
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.06, top=0.94, wspace=0.08,
                            hspace=0.35)
    return fig


def check_atlas(**kwargs):
    """An atlas that :func:`lab_helpers.atlas.seed_atlas` returned, with at least one run."""
    name, value = named_argument(kwargs)
    if not hasattr(value, "by_accuracy") or not len(value):
        raise TypeError(f"{name} must be a non-empty atlas that seed_atlas returned; "
                        f"got {type(value).__name__}")
    return value

