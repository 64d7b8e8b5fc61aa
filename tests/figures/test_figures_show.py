"""Each figure shows what it should: which colour where, which unit in which panel, where
its lines are. Expected values are computed here from the inputs, with Keras or by hand."""

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from support import reference
from support.figure_reader import grid_axes, panels

import lab_utils_multiclass_TF as mc
from lab_helpers.explorer import line_in_box


def keras_class(model, points):
    return np.argmax(np.asarray(model(np.asarray(points, dtype=np.float32))), axis=1)


def half_cell_extent(x0, x1):
    h0, h1 = (x0[1] - x0[0]) / 2, (x1[1] - x1[0]) / 2
    return [x0[0] - h0, x0[-1] + h0, x1[0] - h1, x1[-1] + h1]


# --- decision regions ----------------------------------------------------------------
@pytest.fixture
def regions_figure(lab_data, lab_model):
    X, y = lab_data
    return mc.plt_cat_mc(X, y, lab_model, 4, resolution=60)


def test_regions_image_is_the_class_ids_on_the_mesh(regions_figure, lab_data, lab_model):
    X, _ = lab_data
    image = panels(regions_figure)[0].images[0]
    x0, x1 = grid_axes(X, 1.0, 60)
    # row i is x1[i] (bottom row first), column j is x0[j]
    expected = np.array([keras_class(lab_model, [[a, b] for a in x0]) for b in x1])
    assert np.array_equal(image.get_array(), expected)
    assert image.origin == "lower"
    assert image.get_extent() == pytest.approx(half_cell_extent(x0, x1))


def test_each_training_point_lies_on_the_light_colour_of_its_prediction(regions_figure,
                                                                        lab_data, lab_model):
    X, _ = lab_data
    ax = panels(regions_figure)[0]
    # a region's colour is its class's dot colour mixed half and half with white
    light = [1 - (1 - np.array(to_rgba(line.get_markerfacecolor()))) / 2 for line in ax.lines]
    hidden = [*ax.lines, ax.images[1], ax.get_legend()]  # leave only the regions image
    for artist in hidden:
        artist.set_visible(False)
    regions_figure.canvas.draw()
    rgba = np.asarray(regions_figure.canvas.buffer_rgba())
    height = rgba.shape[0]
    x0, x1 = grid_axes(X, 1.0, 60)
    step = np.array([x0[1] - x0[0], x1[1] - x1[0]])
    checked = 0
    for point in X:
        # skip points within a cell of a boundary: there the pixel may show the neighbour
        around = [point + step * d for d in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))]
        classes = set(keras_class(lab_model, around))
        if len(classes) > 1:
            continue
        px, py = ax.transData.transform(point)
        shown = rgba[int(height - py), int(px)] / 255
        assert shown == pytest.approx(light[classes.pop()], abs=2 / 255), point
        checked += 1
    for artist in hidden:
        artist.set_visible(True)
    assert checked >= 90  # nearly every one of the 100 points was checked


def test_boundaries_are_drawn_where_the_class_changes(regions_figure):
    ax = panels(regions_figure)[0]
    ids = ax.images[0].get_array()
    boundary = np.asarray(ax.images[1].get_array())
    changes = np.zeros(ids.shape, dtype=bool)
    for i in range(ids.shape[0]):
        for j in range(ids.shape[1]):
            right = j + 1 < ids.shape[1] and ids[i, j + 1] != ids[i, j]
            up = i + 1 < ids.shape[0] and ids[i + 1, j] != ids[i, j]
            changes[i, j] = right or up
    assert np.array_equal(boundary[..., 3] > 0, changes)
    assert changes.any()


# --- per-unit figures ----------------------------------------------------------------
def test_layer1_panel_j_shows_unit_j(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, _, _ = lab_weights
    W1 = np.column_stack([W1, -W1[:, :1]])  # three units, so that panels can't be confused
    b1 = np.append(b1, 0.5)
    fig = mc.plt_layer_relu(X, y, W1, b1, 4, resolution=25)
    x0, x1 = grid_axes(X, 1.0, 25)
    maps = [np.array([[max(0.0, a * W1[0, j] + b * W1[1, j] + b1[j]) for a in x0] for b in x1])
            for j in range(3)]
    for j, ax in enumerate(panels(fig)):
        image = ax.images[0]
        assert np.allclose(image.get_array(), maps[j]), f"panel {j}"
        # one colour scale for every panel: from 0 to the largest output of any unit
        assert image.get_clim() == pytest.approx((0.0, max(m.max() for m in maps)))
        assert ax.get_title() == f"Layer 1, unit {j}"


def test_output_panel_k_shows_unit_k_on_the_shared_scale(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    A1 = reference.forward(X, W1, b1, W2, b2).a1
    fig = mc.plt_output_layer_linear(A1, y, W2, b2, 4, resolution=20)
    x0, x1 = grid_axes(A1, 0.25, 20)
    maps = [np.array([[a * W2[0, k] + b * W2[1, k] + b2[k] for a in x0] for b in x1])
            for k in range(4)]
    for k, ax in enumerate(panels(fig)):
        assert np.allclose(ax.images[0].get_array(), maps[k]), f"panel {k}"
        assert ax.images[0].get_clim() == pytest.approx((np.min(maps), np.max(maps)))
        assert ax.get_title() == f"Output unit {k}"


# --- zero lines ------------------------------------------------------------------------
BOX = (-2.0, 4.0, -1.0, 3.0)


def on_an_edge(point, box=BOX):
    x0min, x0max, x1min, x1max = box
    return (np.isclose(point[0], [x0min, x0max]).any() and x1min <= point[1] <= x1max) or (
        np.isclose(point[1], [x1min, x1max]).any() and x0min <= point[0] <= x0max)


@pytest.mark.parametrize(("w", "b"), [
    ((1.0, 2.0), -1.0),     # slanted
    ((1.0, 0.0), -3.0),     # vertical: x0 = 3
    ((0.0, 2.0), -1.0),     # horizontal: x1 = 0.5
    ((-3.0, 1.0), 0.5),     # steep
    ((1.0, -1.0), -1.0),    # through the corner (4, 3)... and (0, -1)
])
def test_zero_line_ends_on_the_edges_of_the_box(w, b):
    ends = line_in_box(np.array(w), b, BOX)
    assert ends.shape == (2, 2) and not np.isnan(ends).any()
    assert not np.allclose(ends[0], ends[1])
    for end in ends:
        assert np.dot(w, end) + b == pytest.approx(0, abs=1e-9)
        assert on_an_edge(end), end
    assert ends[0][0] <= ends[1][0]


@pytest.mark.parametrize(("w", "b", "ends"), [
    ((0.0, 1.0), 1.0, [(-2.0, -1.0), (4.0, -1.0)]),   # along the bottom edge, x1 = -1
    ((0.0, 2.0), -6.0, [(-2.0, 3.0), (4.0, 3.0)]),    # along the top edge, x1 = 3
    ((1.0, 0.0), 2.0, [(-2.0, -1.0), (-2.0, 3.0)]),   # along the left edge, x0 = -2
    ((-1.0, 0.0), 4.0, [(4.0, -1.0), (4.0, 3.0)]),    # along the right edge, x0 = 4
    ((0.5, -1.0), 0.0, [(-2.0, -1.0), (4.0, 2.0)]),   # shallow, x1 = x0 / 2: a corner, a side
])
def test_zero_line_ends_by_hand(w, b, ends):
    np.testing.assert_allclose(line_in_box(np.array(w), b, BOX), ends)


def test_a_diagonal_of_the_box_ends_at_its_two_corners():
    # rounding finds each corner twice, a hair apart: the ends are still the far corners
    box = (-0.7, 3.7, -4.8, 1.0)
    w = np.array([1.0 - -4.8, -(3.7 - -0.7)])  # normal to the diagonal
    b = -(w[0] * -0.7 + w[1] * -4.8)
    np.testing.assert_allclose(line_in_box(w, b, box), [(-0.7, -4.8), (3.7, 1.0)])


@pytest.mark.parametrize(("w", "b"), [((1.0, 0.0), -10.0), ((0.0, 1.0), 5.0),
                                      ((1.0, 1.0), 20.0)])
def test_a_zero_line_that_misses_the_box_is_not_drawn(w, b):
    ends = line_in_box(np.array(w), b, BOX)
    assert ends.shape == (2, 2) and np.isnan(ends).all()


def test_explorer_lines_are_each_units_zero_line(lab_data, recorded_history):
    X, y = lab_data
    explorer = mc.plt_training_explorer(X, y, recorded_history, 4, resolution=30)
    try:
        x0min, x0max = explorer.artists["regions"].image.axes.get_xlim()
        x1min, x1max = explorer.artists["regions"].image.axes.get_ylim()
        W1, b1 = recorded_history.weights_at(200)[:2]
        for j, line in enumerate(explorer.artists["lines"]):
            for x, z in zip(line.get_xdata(), line.get_ydata(), strict=True):
                assert W1[0, j] * x + W1[1, j] * z + b1[j] == pytest.approx(0, abs=1e-4)
                assert on_an_edge((x, z), (x0min, x0max, x1min, x1max))
    finally:
        explorer.close()


def test_boundary_colour_is_the_documented_one(regions_figure):
    boundary = np.asarray(panels(regions_figure)[0].images[1].get_array())
    drawn = boundary[boundary[..., 3] > 0]
    assert np.allclose(drawn, to_rgba("#222222"))
