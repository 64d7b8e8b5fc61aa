"""What a figure shows, read through matplotlib's public API only: its panels and colour
bars, its scatter points with their colours and markers, its pixels, and the mesh its
images are documented to cover."""

import numpy as np
from matplotlib.colors import to_rgba

# matplotlib labels the axes it makes for a colour bar (Axes.get_label) with this.
COLORBAR_LABEL = "<colorbar>"


def colorbars(fig):
    """The figure's colour-bar axes."""
    return [ax for ax in fig.axes if ax.get_label() == COLORBAR_LABEL]


def panels(fig):
    """The figure's data axes (colour bars excluded)."""
    return [ax for ax in fig.axes if ax.get_label() != COLORBAR_LABEL]


def grid_axes(X, margin, resolution):
    """The mesh's x0 and x1 values, as the figures are documented to lay them out."""
    return (np.linspace(X[:, 0].min() - margin, X[:, 0].max() + margin, resolution),
            np.linspace(X[:, 1].min() - margin, X[:, 1].max() + margin, resolution))


def grid_points(X, margin, resolution):
    """The mesh as points (resolution**2, 2), row by row of x1 (imshow's origin="lower")."""
    x0, x1 = grid_axes(X, margin, resolution)
    xx0, xx1 = np.meshgrid(x0, x1)
    return np.column_stack([xx0.ravel(), xx1.ravel()])


def pixels(fig, ax):
    """RGB pixels (0-255) inside ``ax``, from the rendered figure."""
    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float)
    box = ax.get_window_extent()
    height = rgb.shape[0]
    return rgb[int(height - box.y1) + 3:int(height - box.y0) - 3, int(box.x0) + 3:int(box.x1) - 3]


def share_near(rgb, color, tol=12):
    """Fraction of pixels within ``tol`` (per channel) of ``color`` (RGB 0-1)."""
    target = np.asarray(color[:3]) * 255
    return np.mean(np.all(np.abs(rgb - target) <= tol, axis=-1))


def class_points(ax):
    """Every marker-only line in ``ax`` (how classes are drawn): ``[(xy (n, 2), facecolour
    RGBA, marker)]``, read with get_xydata, get_markerfacecolor and get_marker."""
    return [(np.asarray(line.get_xydata()), to_rgba(line.get_markerfacecolor()),
             line.get_marker())
            for line in ax.get_lines()
            if line.get_linestyle() in ("None", "none", "") and line.get_marker() not in
            ("None", "none", "", None) and len(line.get_xydata())]


def class_styles(ax, X, y):
    """``{class: {(facecolour RGBA, marker)}}`` of the markers drawn at the points ``X`` in
    ``ax``, grouped by the class ``y`` of the point there (markers elsewhere are ignored)."""
    where = {(round(float(a), 9), round(float(b), 9)): int(c)
             for (a, b), c in zip(np.asarray(X), y, strict=True)}
    styles = {}
    for xy, face, marker in class_points(ax):
        for a, b in xy:
            c = where.get((round(float(a), 9), round(float(b), 9)))
            if c is not None:
                styles.setdefault(c, set()).add((tuple(np.round(face, 6)), marker))
    return styles


def assert_classes_drawn(ax, X, y, colours, markers):
    """Each class ``c`` of ``y`` is drawn at its points ``X`` in ``ax`` in colour
    ``colours[c]`` with marker ``markers[c]``, and no point of ``X`` is missing."""
    styles = class_styles(ax, X, y)
    assert sorted(styles) == sorted({int(c) for c in y}), f"classes drawn: {sorted(styles)}"
    for c, found in styles.items():
        expected = (tuple(np.round(to_rgba(colours[c]), 6)), markers[c])
        assert found == {expected}, f"class {c}: drawn as {found}, expected {expected}"
    drawn = {(round(float(a), 9), round(float(b), 9))
             for xy, _, _ in class_points(ax) for a, b in xy}
    missing = [p for p in np.asarray(X) if (round(float(p[0]), 9), round(float(p[1]), 9))
               not in drawn]
    assert not missing, f"{len(missing)} points not drawn, e.g. {missing[0]}"
