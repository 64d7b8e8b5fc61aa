"""Pieces every figure is drawn with: figures and panels, classes, regions, value maps.

All of them draw on the axes or figure they are given and must be called
inside :func:`lab_helpers.style.lab_style`.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import BoundaryNorm, ListedColormap, Normalize, to_rgba
from matplotlib.ticker import MaxNLocator

from .coinciding_labels import COUNT_GID, label_coinciding  # noqa: F401 (their old home)
from .compute import extent
from .display import quiet_header
from .style import BOUNDARY, CLASS_DARK, CLASS_LIGHT, CLASS_MARKERS, EDGE

# Rows and columns of the panel grid for 1-12 panels: compact, at most 5 across.
GRIDS = {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2), 5: (2, 3), 6: (2, 3),
         7: (2, 4), 8: (2, 4), 9: (3, 3), 10: (2, 5), 11: (3, 4), 12: (3, 4)}


# ---------------------------------------------------------------------------
# Figures and panels
# ---------------------------------------------------------------------------
def new_figure(figsize, nrows=1, ncols=1, *, label=None, width_ratios=None):
    """A pyplot figure (so that ipympl shows it) with a grid of axes (nrows, ncols)."""
    import matplotlib.pyplot as plt  # pyplot only once something is drawn

    fig = plt.figure(figsize=figsize)
    quiet_header(fig, label)
    axes = fig.subplots(nrows, ncols, squeeze=False, width_ratios=width_ratios)
    return fig, axes


def figure_and_axes(ax, figsize, *, label=None):
    """``ax`` and its figure, or a new figure with one axes."""
    if ax is None:
        fig, axes = new_figure(figsize, label=label)
        return fig, axes[0, 0]
    return ax.figure, ax


def grid_figsize(n, panel_size):
    """Figure size (inches) for ``n`` panels of ``panel_size`` in the grid of :func:`panels`."""
    nrows, ncols = GRIDS[n]
    return panel_size[0] * ncols, panel_size[1] * nrows


def panels(fig, n, panel_size=None, *, label=None):
    """A figure (``fig``, or a new one of ``panel_size`` inches a panel) with ``n`` panels
    in a compact grid; spare axes removed."""
    nrows, ncols = GRIDS[n]
    if fig is None:
        fig, axes = new_figure(grid_figsize(n, panel_size), nrows, ncols, label=label)
    else:
        axes = fig.subplots(nrows, ncols, squeeze=False)
    axes = axes.ravel()
    for ax in axes[n:]:
        ax.remove()
    return fig, list(axes[:n])


def few_ticks(ax, n=4):
    """At most about ``n`` ticks per axis: every draw renders every label, and text
    dominates the cost of drawing these figures."""
    ax.xaxis.set_major_locator(MaxNLocator(n))
    ax.yaxis.set_major_locator(MaxNLocator(n))


def label_axes(ax, x="x0", y="x1"):
    ax.set_xlabel(x)
    ax.set_ylabel(y)


def legend(ax, **kwargs):
    ax.legend(loc="best", fontsize="small", framealpha=0.8, handletextpad=0.2,
              borderpad=0.3, **kwargs)


# ---------------------------------------------------------------------------
# Classes
# ---------------------------------------------------------------------------
def class_labels(n_classes, labels):
    """Legend labels: ``labels`` (checked to name every class), or ``"c0", "c1", ..."``."""
    return [f"c{k}" for k in range(n_classes)] if labels is None else list(labels)


def draw_classes(ax, X, ids, n_classes, *, labels=None, size=50, marker=None, colors=None):
    """Scatter the points of each class in its colour and marker shape: one Line2D per
    class (fast), so the legend shows both.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
    ids : ndarray of int, shape (m,)
    size : float
        Marker area in points squared, as ``scatter``'s ``s``.
    marker : str, optional
        One marker for every class; by default each class has its own shape.

    Returns
    -------
    list of Line2D, one per class
    """
    colors = CLASS_DARK if colors is None else colors
    labels = class_labels(n_classes, labels)
    lines = []
    for k in range(n_classes):
        sel = ids == k
        (line,) = ax.plot(X[sel, 0], X[sel, 1], linestyle="none",
                          marker=CLASS_MARKERS[k] if marker is None else marker,
                          markersize=math.sqrt(size), markerfacecolor=colors[k],
                          markeredgecolor=EDGE, markeredgewidth=0.5, label=labels[k])
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------
# Regions and maps over a mesh
# ---------------------------------------------------------------------------
def boundary_rgba(ids):
    """Transparent image (r, c, 4) with the pixels where the class changes in the boundary
    colour: a pixel is on a boundary if its right or upper neighbour has another class."""
    edge = np.zeros(ids.shape, dtype=bool)
    edge[:, :-1] |= ids[:, :-1] != ids[:, 1:]
    edge[:-1, :] |= ids[:-1, :] != ids[1:, :]
    rgba = np.zeros((*ids.shape, 4))
    rgba[edge] = to_rgba(BOUNDARY)
    return rgba


def confidence_rgba(ids, confidence, n_classes):
    """Regions shaded by how sure the model is: image (r, c, 4).

    A pixel of class k is white where its probability ``confidence`` is 1/k (a tie of
    all classes, the least a winner can have) and k's light colour where it is 1,
    in proportion between.
    """
    floor = 1.0 / n_classes
    share = np.clip((confidence - floor) / (1.0 - floor), 0.0, 1.0)[..., None]
    return 1.0 - share * (1.0 - CLASS_LIGHT[ids])


class RegionsArtist:
    """Decision regions on ``ax``: one image of the class ids in the classes' light
    colours, and one of the boundaries over it. :meth:`update` redraws both in place.

    With ``confidence`` (the winning class's probability at each pixel, (r, c)) the
    regions are shaded from white (unsure) to the class's light colour (sure), as
    :func:`confidence_rgba` computes.

    Attributes
    ----------
    image : AxesImage
        Its array is the class ids (r, c) on the mesh, row 0 at the bottom; with
        ``confidence``, the shaded colours (r, c, 4).
    boundaries : AxesImage
        RGBA (r, c, 4): the boundary colour on boundary pixels, transparent elsewhere.
    """

    def __init__(self, ax, xx0, xx1, ids, n_classes, *, confidence=None):
        self.n_classes = n_classes
        cmap = ListedColormap(CLASS_LIGHT[:n_classes])
        norm = BoundaryNorm(np.arange(n_classes + 1) - 0.5, n_classes)
        aspect = ax.get_aspect()  # keep the caller's choice (imshow would change it)
        common = dict(origin="lower", extent=extent(xx0, xx1), interpolation="nearest")
        self.image = ax.imshow(self._colors(ids, confidence), cmap=cmap, norm=norm, **common)
        self.boundaries = ax.imshow(boundary_rgba(ids), **common)
        ax.set_aspect(aspect)

    def _colors(self, ids, confidence):
        return ids if confidence is None else confidence_rgba(ids, confidence, self.n_classes)

    def update(self, ids):
        """Show new class ids (same shape), unshaded."""
        self.image.set_data(ids)
        self.boundaries.set_data(boundary_rgba(ids))


def confidence_colorbar(ax, n_classes, label):
    """A colour bar beside ``ax`` for :func:`confidence_rgba`: one strip per class, from
    white at probability 1/k to the class's light colour at 1."""
    levels = np.linspace(1.0 / n_classes, 1.0, 64)
    ids = np.broadcast_to(np.arange(n_classes), (len(levels), n_classes))
    strips = confidence_rgba(ids, np.broadcast_to(levels[:, None], ids.shape), n_classes)
    mappable = ScalarMappable(Normalize(levels[0], 1.0), cmap="Greys")  # scale and layout only
    # wide enough for each strip to be seen: about 14 pixels a strip at 100 dpi
    cbar = add_colorbar(mappable, ax, label, fraction=0.3, aspect=max(2.0, 14.0 / n_classes))
    ticks = MaxNLocator(5, steps=[1, 2, 5, 10]).tick_values(levels[0], 1.0)  # 1.0 is one
    cbar.set_ticks(ticks[(ticks >= levels[0] - 1e-9) & (ticks <= 1.0 + 1e-9)])
    cbar.ax.imshow(strips, origin="lower", aspect="auto", interpolation="nearest",
                   extent=(0.0, 1.0, levels[0], 1.0), zorder=3)
    return cbar


def draw_value_map(ax, xx0, xx1, values, cmap, label, *, outline=None, norm=None,
                   colorbar=True):
    """Background shaded by ``values`` (r, c), a colour bar, and the outline of a region.

    ``outline`` is a boolean mask on the mesh (default: where ``values > 0``);
    ``norm`` fixes the colour limits (to share them between panels).

    Returns
    -------
    AxesImage
    """
    im = ax.imshow(values, origin="lower", extent=extent(xx0, xx1), cmap=cmap, norm=norm,
                   aspect="auto", interpolation="bilinear")
    if colorbar:
        add_colorbar(im, ax, label)
    few_ticks(ax)
    mask = values > 0 if outline is None else outline
    if mask.any() and not mask.all():
        ax.contour(xx0, xx1, mask.astype(float), levels=[0.5], colors=BOUNDARY,
                   linewidths=1.5)
    return im


def relu_norm(maps):
    """One colour scale for ReLU outputs ``maps`` (units, r, c): from 0 to the largest."""
    return Normalize(0.0, max(float(maps.max()), 1e-12))


def add_colorbar(mappable, ax, label, *, fraction=0.07, aspect=20):
    """A colour bar beside ``ax`` (or beside every axes in the list ``ax``), taking at
    most ``fraction`` of its width, ``aspect`` times as long as it is wide."""
    figure = (ax[0] if isinstance(ax, list) else ax).figure  # a ScalarMappable has none
    cbar = figure.colorbar(mappable, ax=ax, fraction=fraction, pad=0.03, aspect=aspect)
    cbar.set_label(label)
    cbar.outline.set_visible(False)
    cbar.ax.yaxis.set_major_locator(MaxNLocator(5))
    return cbar
