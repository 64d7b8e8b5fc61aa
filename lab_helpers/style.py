"""The course's look: named colours, the class colours, colour maps and the plot style.

Class 0 is blue, 1 green, 2 orange and 3 purple, then red, brown, pink, grey,
olive and cyan; the lab's prose names classes by these colours. Each class has
a dark colour (its points), a light one (its region) and a marker shape.

The style file ``deeplearning.mplstyle`` sits next to this module and is only
ever applied inside :func:`lab_style`: importing changes no global state.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.style
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, ListedColormap, to_rgba_array

from .checks import MAX_CLASSES, check_class_count

# ---------------------------------------------------------------------------
# Named colours of the course
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

# ---------------------------------------------------------------------------
# Class colours
# ---------------------------------------------------------------------------
# The original module's class colours (matplotlib's Paired pairs), kept as public names.
_PAIRED = mpl.colormaps["Paired"]
dkcolors = _PAIRED(np.array([1, 3, 7, 9, 5, 11]))
ltcolors = _PAIRED(np.array([0, 2, 6, 8, 4, 10]))
dkcolors_map = ListedColormap(dkcolors, name="dkcolors")
ltcolors_map = ListedColormap(ltcolors, name="ltcolors")

# The colours the figures draw classes in: the same names as Paired's (class 0 blue,
# 1 green, 2 orange, 3 purple), chosen so that every pair stays apart under simulated
# deuteranopia and protanopia too (Paired's green and orange do not: see the README).
CLASS_COLOR_NAMES = ("blue", "green", "orange", "purple", "red", "brown", "pink", "grey",
                     "olive", "cyan")
CLASS_DARK = to_rgba_array(["#0072B2", "#117733", "#F5A623", "#882E72", "#EE6677", "#8C510A",
                            "#F4A6C8", "#555555", "#999933", "#33BBEE"])
LIGHT_SHARE = 0.5  # a light colour is its dark colour mixed half and half with white
CLASS_LIGHT = 1 - (1 - CLASS_DARK) * LIGHT_SHARE
# One marker shape per class, so that classes are told apart without colour.
CLASS_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
assert len(CLASS_DARK) == len(CLASS_COLOR_NAMES) == len(CLASS_MARKERS) == MAX_CLASSES

EDGE = "#333333"       # outline of the data points
BOUNDARY = "#222222"   # decision boundaries and zero lines


def class_colors(n_classes):
    """Dark and light RGBA colours of classes ``0 .. n_classes - 1``, as the figures draw them.

    Parameters
    ----------
    n_classes : int
        1 to 10.

    Returns
    -------
    dark, light : ndarray of shape (n_classes, 4)
    """
    n_classes = check_class_count(n_classes=n_classes)
    return CLASS_DARK[:n_classes], CLASS_LIGHT[:n_classes]



# ---------------------------------------------------------------------------
# Colour maps
# ---------------------------------------------------------------------------
def as_colormap(cmap):
    """``cmap`` itself, or the registered colour map of that name."""
    return mpl.colormaps[cmap] if isinstance(cmap, str) else cmap


def truncate_colormap(cmap, minval=0.0, maxval=1.0, n=100):
    """Colour map made of the ``[minval, maxval]`` part of ``cmap`` (a Colormap or its name).

    Returns
    -------
    LinearSegmentedColormap
    """
    cmap = as_colormap(cmap)
    if not 0.0 <= minval < maxval <= 1.0:
        raise ValueError(f"need 0 <= minval < maxval <= 1; got minval={minval}, maxval={maxval}")
    colors = cmap(np.linspace(minval, maxval, int(n)))
    return LinearSegmentedColormap.from_list(
        f"trunc({cmap.name},{minval:.2f},{maxval:.2f})", colors
    )


# Background of the layer-1 maps: white where a unit outputs 0, grey where it is active.
ACTIVATION_CMAP = truncate_colormap("Greys", 0.0, 0.55)


def output_cmap(k):
    """White-to-class-colour ramp of output unit ``k``: strong colour = high score."""
    k %= MAX_CLASSES
    return LinearSegmentedColormap.from_list(f"unit{k}", ["white", CLASS_LIGHT[k],
                                                          CLASS_DARK[k]])


# ---------------------------------------------------------------------------
# The course style
# ---------------------------------------------------------------------------
STYLE_FILE = Path(__file__).resolve().with_name("deeplearning.mplstyle")


def lab_style():
    """Context manager that applies the course style inside a ``with`` block.

    Use it around figure creation and drawing; rcParams are restored on exit.
    """
    return matplotlib.style.context(STYLE_FILE)
