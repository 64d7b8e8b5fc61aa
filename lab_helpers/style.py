"""The course's look: named colours, the class colours, colour maps and the plot style.

Class 0 is blue, 1 green, 2 orange and 3 purple (matplotlib's ``Paired``
pairs); the lab's prose names classes by these colours. Classes 4 and 5
continue ``Paired`` (red, brown), classes 6-9 take ``tab20``'s pink, grey,
olive and cyan pairs. Each class has a dark colour (its points) and a light
one (its region).

The style file ``deeplearning.mplstyle`` sits next to this module and is only
ever applied inside :func:`lab_style`: importing changes no global state.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.style
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, ListedColormap

from .checks import MAX_CLASSES, checked, class_count

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
_PAIRED = mpl.colormaps["Paired"]
_TAB20 = mpl.colormaps["tab20"]
dkcolors = _PAIRED(np.array([1, 3, 7, 9, 5, 11]))
ltcolors = _PAIRED(np.array([0, 2, 6, 8, 4, 10]))
dkcolors_map = ListedColormap(dkcolors, name="dkcolors")
ltcolors_map = ListedColormap(ltcolors, name="ltcolors")

CLASS_DARK = np.vstack([dkcolors, _TAB20(np.array([12, 14, 16, 18]))])
CLASS_LIGHT = np.vstack([ltcolors, _TAB20(np.array([13, 15, 17, 19]))])
CLASS_COLOR_NAMES = ("blue", "green", "orange", "purple", "red", "brown", "pink", "grey",
                     "olive", "cyan")
assert len(CLASS_DARK) == len(CLASS_LIGHT) == len(CLASS_COLOR_NAMES) == MAX_CLASSES

EDGE = "#333333"       # outline of the data points
BOUNDARY = "#222222"   # decision boundaries and zero lines


@checked(n_classes=class_count)
def class_colors(n_classes):
    """Dark and light RGBA colours of classes ``0 .. n_classes - 1``.

    Parameters
    ----------
    n_classes : int
        1 to 10.

    Returns
    -------
    dark, light : ndarray of shape (n_classes, 4)
    """
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
