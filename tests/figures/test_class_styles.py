"""Every figure that draws classes draws each class in its own colour and marker.

The expected colour of class c is the c-th of the lab's class colours (``class_colors``,
the palette the README names: blue, green, orange, purple, ...), its marker the c-th of
the shapes the README lists (circles, squares, triangles, diamonds, ...). A figure that
swapped two classes' colours or markers, or left a point out, fails here.
"""

import matplotlib.pyplot as plt
import pytest
from support import reference
from support.data import blobs
from support.figure_reader import assert_classes_drawn, panels
from support.reference import lab_scores

import lab_utils_multiclass_TF as mc

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")  # as the README lists them


def assert_every_panel_draws_classes(axes, X, y, n_classes):
    dark, _ = mc.class_colors(n_classes)
    for i, ax in enumerate(axes):
        try:
            assert_classes_drawn(ax, X, y, dark, MARKERS)
        except AssertionError as error:
            raise AssertionError(f"panel {i} ({ax.get_title()!r}): {error}") from None


@pytest.mark.parametrize("n_classes", [2, 4, 10])
def test_data_figure(n_classes):
    X, y = blobs(n_classes)
    fig = mc.plt_mc(X, y, n_classes)
    assert_every_panel_draws_classes(panels(fig), X, y, n_classes)


@pytest.mark.parametrize("confidence", [False, True])
def test_decision_regions_figure(lab_data, lab_weights, confidence):
    X, y = lab_data
    fig = mc.plt_cat_mc(X, y, lab_scores(*lab_weights), 4, resolution=20, confidence=confidence)
    assert_every_panel_draws_classes(panels(fig), X, y, 4)


def test_layer_1_figure(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, _, _ = lab_weights
    fig = mc.plt_layer_relu(X, y, W1, b1, 4, resolution=20)
    assert_every_panel_draws_classes(panels(fig), X, y, 4)


def test_output_layer_figure(lab_data, lab_weights):
    X, y = lab_data
    A1 = reference.forward(X, *lab_weights).a1
    fig = mc.plt_output_layer_linear(A1, y, *lab_weights[2:], 4, resolution=20)
    assert_every_panel_draws_classes(panels(fig), A1, y, 4)


def test_course_data_plots():
    X, y = blobs(6)
    fig, ax = plt.subplots()
    mc.plt_mc_data(ax, X, y, 6)
    assert_every_panel_draws_classes([ax], X, y, 6)
    fig = mc.plot_mc_data(X, y)
    assert_every_panel_draws_classes(panels(fig), X, y, 6)


def test_trace_figure(lab_data, lab_weights):
    X, y = lab_data
    view = mc.plt_forward_trace(X, y, list(lab_weights), 4, (-0.5, 0.0), resolution=20)
    data_and_units, plane = panels(view.fig)[:3], panels(view.fig)[3]
    assert [ax.get_title() for ax in data_and_units] == [
        "The point followed", "Layer 1, unit 0", "Layer 1, unit 1"]
    assert_every_panel_draws_classes(data_and_units, X, y, 4)
    assert_every_panel_draws_classes([plane], reference.forward(X, *lab_weights).a1, y, 4)
    view.close()


def test_training_explorer_live_and_static(lab_data, recorded_history):
    X, y = lab_data
    explorer = mc.plt_training_explorer(X, y, recorded_history, 4, resolution=12,
                                        static_epochs=[0, 200])
    assert_every_panel_draws_classes([explorer.fig.axes[0]], X, y, 4)
    static = explorer.static_figure()
    regions = [ax for ax in panels(static) if ax.get_title().startswith("epoch")]
    assert len(regions) == 2
    assert_every_panel_draws_classes(regions, X, y, 4)
    # layer 2's plane at the last epoch, live and static (at epoch 0 examples of several
    # classes share (0, 0), where a colour cannot be read off one spot)
    planes = [ax for ax in panels(static) if ax.get_title().startswith("Layer 2's plane")]
    W1, b1 = recorded_history.weights_at(200)[:2]
    assert_every_panel_draws_classes([explorer.fig.axes[1], planes[1]],
                                     reference.relu(reference.dense(X, W1, b1)), y, 4)
    explorer.close()
