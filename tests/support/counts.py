"""Counts of coinciding examples: computed with collections.Counter, and read off a figure."""

from collections import Counter

import numpy as np
from matplotlib.colors import to_rgba

import lab_utils_multiclass_TF as mc
from lab_helpers.coinciding_labels import COUNT_GID

DARK, _ = mc.class_colors(4)


def expected_counts(A, y):
    """{(a0, a1, class): count} of the spots where >= 2 examples of a class coincide."""
    counted = Counter((float(a[0]), float(a[1]), int(c)) for a, c in zip(A, y, strict=True))
    return {key: n for key, n in counted.items() if n >= 2}


def drawn_counts(ax):
    """{(a0, a1, class): count} of the count labels shown on ``ax``, the class read off its
    colour (hidden labels, kept for other epochs, are left out)."""
    found = {}
    for text in ax.texts:
        if text.get_gid() == COUNT_GID and text.get_visible():
            (c,) = [k for k in range(4) if np.allclose(to_rgba(text.get_color()), DARK[k])]
            found[(float(text.xy[0]), float(text.xy[1]), c)] = int(text.get_text())
    return found
