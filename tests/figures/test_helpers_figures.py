"""The lab figures and the compute functions behind them: any model, 2-10 classes,
1-8 units, and pixel checks that catch a missing panel or a blank map."""

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from support import reference
from support.data import blobs
from support.figure_reader import colorbars, panels, pixels, share_near
from support.reference import lab_scores

import lab_utils_multiclass_TF as mc
from lab_helpers.compute import plane_limits


# --- compute ---------------------------------------------------------------
def test_predict_class_ids_accepts_every_kind_of_model(lab_data, lab_model, lab_weights):
    X, y = lab_data
    expected = np.argmax(lab_scores(*lab_weights)(X), axis=1)
    sk = LogisticRegression().fit(X, y)
    assert np.array_equal(mc.predict_class_ids(lab_model, X), expected)
    assert np.array_equal(mc.predict_class_ids(lab_scores(*lab_weights), X), expected)
    assert np.array_equal(mc.predict_class_ids(lambda A: np.argmax(lab_scores(*lab_weights)(A), 1),
                                               X), expected)
    assert np.array_equal(mc.predict_class_ids(sk, X), sk.predict(X))
    assert np.mean(expected == y) == 1.0


def test_models_are_read_as_their_predictions_are_meant():
    # a Keras model with dropout is evaluated in inference mode, as model.predict does
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dropout(0.9), keras.layers.Dense(3)])
    X = np.random.default_rng(0).normal(size=(50, 2))
    expected = np.argmax(model.predict(X, verbose=0), axis=1)
    assert np.array_equal(mc.predict_class_ids(model, X), expected)
    # one point, and a function that answers it with one number: that class
    assert mc.predict_class_ids(lambda A: 2, np.array([[0.0, 0.0]])).tolist() == [2]
    # two scores a point: the larger wins
    two = mc.predict_class_ids(lambda A: np.column_stack([A[:, 0], -A[:, 0]]),
                               np.array([[1.0, 0.0], [-1.0, 0.0]]))
    assert two.tolist() == [0, 1]


def test_decision_regions_call_the_model_once_on_the_whole_mesh(lab_data, lab_weights):
    X, _ = lab_data
    calls = []

    def model(A):
        calls.append(A.shape)
        return lab_scores(*lab_weights)(A)

    xx0, xx1, ids = mc.decision_regions(X, model, resolution=50)
    assert calls == [(2500, 2)]
    assert xx0.shape == xx1.shape == ids.shape == (50, 50)
    assert xx0.min() == pytest.approx(X[:, 0].min() - 1)
    grid = np.column_stack([xx0.ravel(), xx1.ravel()])
    assert np.array_equal(ids.ravel(), np.argmax(lab_scores(*lab_weights)(grid), axis=1))
    pointwise = mc.decision_regions(X, model, resolution=5, pointwise=True)[2]
    assert len(calls) == 1 + 25 and calls[-1] == (1, 2)
    assert np.array_equal(pointwise, mc.decision_regions(X, model, resolution=5)[2])


def test_unit_maps_and_relu_layer_match_the_formulas(lab_weights):
    W1, b1, W2, b2 = lab_weights
    xx0, xx1, maps = mc.unit_maps(W1, b1, (-2, 3), (-1, 4), relu=True, resolution=7)
    assert maps.shape == (2, 7, 7)
    point = np.array([[xx0[3, 5], xx1[3, 5]]])
    a1 = reference.relu(reference.dense(point, W1, b1))
    assert np.allclose(maps[:, 3, 5], a1[0])
    assert np.allclose(mc.unit_maps(W2, b2, (0, 1), (0, 1), resolution=3)[2][:, 0, 0], b2)
    assert np.allclose(mc.relu_layer(point, W1, b1), a1)


def test_plot_limits_cover_the_points_with_a_margin():
    X = np.array([[0.0, 1.0], [2.0, 5.0]])
    assert mc.plot_limits(X) == ((-1.0, 3.0), (0.0, 6.0))
    assert mc.plot_limits(np.array([[1.0, 1.0]]), margin=0) == ((1.0, 2.0), (1.0, 2.0))


def test_plane_limits_cover_the_points_and_the_origin_with_a_margin():
    A = np.array([[1.0, 2.0], [3.0, 0.5]])
    assert plane_limits(A) == ((-0.25, 3.25), (-0.25, 2.25))  # the origin is always in view
    assert plane_limits(A, margin=1) == ((-1.0, 4.0), (-1.0, 3.0))
    A = np.array([[-2.0, 4.0]])
    assert plane_limits(A, margin=0) == ((-2.0, 0.0), (0.0, 4.0))
    # every example at the origin (both units off): still a range one wide, not zero
    assert plane_limits(np.zeros((3, 2)), margin=0) == ((0.0, 1.0), (0.0, 1.0))


def test_unit_maps_on_the_smallest_grid_and_with_the_most_units():
    W = np.arange(20.0).reshape(2, 10)
    xx0, xx1, maps = mc.unit_maps(W, np.zeros(10), (0, 1), (0, 1), resolution=2)
    assert xx0.shape == (2, 2) and maps.shape == (10, 2, 2)
    assert np.array_equal(maps[:, 1, 1], W[0] + W[1])  # at (1, 1)


def test_compute_functions_use_their_documented_defaults():
    X = np.array([[0.0, 1.0], [2.0, 5.0]])
    calls = []

    def model(A):
        calls.append(A.shape)
        return (A[:, 0] > 1).astype(int)

    out = mc.decision_regions(X, model)
    assert len(out) == 3  # no probabilities unless asked
    xx0, xx1, ids = out
    assert calls == [(200 * 200, 2)]  # 200 points a side, all in one call
    assert (xx0.min(), xx0.max(), xx1.min(), xx1.max()) == (-1.0, 3.0, 0.0, 6.0)  # margin 1
    assert np.array_equal(ids, (xx0 > 1).astype(int))
    xx0, xx1, _ = mc.decision_regions(X, model, resolution=2, margin=0.5)
    assert (xx0.min(), xx0.max(), xx1.min(), xx1.max()) == (-0.5, 2.5, 0.5, 5.5)
    xx0, xx1, maps = mc.unit_maps(np.array([[1.0], [0.0]]), np.array([-1.0]), (-2, 2), (0, 1))
    assert maps.shape == (1, 100, 100)
    assert maps.min() == -3.0  # linear unless relu=True


# --- the four lab figures --------------------------------------------------
def test_plt_mc_draws_every_class_in_its_colour(lab_data):
    X, y = lab_data
    fig = mc.plt_mc(X, y, 4, [[-5, 2], [-2, -2], [1, 2], [5, -2]], 1.0)
    (ax,) = panels(fig)
    lines = ax.get_lines()
    assert [len(line.get_xdata()) for line in lines[:4]] == list(np.bincount(y))
    dark, _ = mc.class_colors(4)
    for k, line in enumerate(lines[:4]):
        assert np.allclose(line.get_markerfacecolor(), dark[k])
    # a shape per class too, in the plot and in the legend
    shapes = ["o", "s", "^", "D"]
    assert [line.get_marker() for line in lines[:4]] == shapes
    assert [h.get_marker() for h in ax.get_legend().legend_handles[:4]] == shapes
    assert len(ax.get_legend().get_texts()) == 5  # 4 classes + centres
    assert ax.get_xlabel() == "x0" and ax.get_ylabel() == "x1"


def test_plt_cat_mc_fills_every_region_and_draws_boundaries(lab_data, lab_model):
    X, y = lab_data
    fig = mc.plt_cat_mc(X, y, lab_model, 4)
    (ax,) = panels(fig)
    _, light = mc.class_colors(4)
    rgb = pixels(fig, ax)
    for k in range(4):
        assert share_near(rgb, light[k]) > 0.05, f"region of class {k} missing"
    assert len(ax.images) == 2, "regions and their boundaries"


def test_plt_layer_relu_panels_show_zero_and_active_regions(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, _, _ = lab_weights
    fig = mc.plt_layer_relu(X, y.reshape(-1, 1), W1, b1, 4)
    assert len(panels(fig)) == 2 and len(colorbars(fig)) == 2
    for j, ax in enumerate(panels(fig)):
        rgb = pixels(fig, ax)
        white = np.mean(rgb.min(axis=-1) > 245)
        shaded = np.mean(rgb.max(axis=-1) < 200)
        assert white > 0.05 and shaded > 0.05, f"unit {j}: map looks blank"
        assert ax.get_title() == f"Layer 1, unit {j}"


def test_plt_output_layer_linear_one_shaded_panel_per_unit(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    A1 = mc.relu_layer(X, W1, b1)
    fig = mc.plt_output_layer_linear(A1, y, W2, b2, 4, x0_rng=(-0.25, A1[:, 0].max()),
                                     x1_rng=(-0.25, A1[:, 1].max()))
    assert len(panels(fig)) == 4 and len(colorbars(fig)) == 4
    for k, ax in enumerate(panels(fig)):
        rgb = pixels(fig, ax)
        assert rgb.std() > 15, f"output unit {k}: map looks blank"
        assert ax.get_xlabel().startswith("a0") and ax.get_ylabel().startswith("a1")
        assert ax.get_xlim() == pytest.approx((-0.25, A1[:, 0].max()))


def test_output_layer_panels_share_one_colour_scale(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    A1 = mc.relu_layer(X, W1, b1)
    fig = mc.plt_output_layer_linear(A1, y, W2, b2, 4, resolution=30)
    limits = {im.get_clim() for ax in panels(fig) for im in ax.images}
    assert len(limits) == 1
    (low, high), = limits
    # the limits span every unit's scores over the mesh, computed here by hand
    a0 = np.linspace(A1[:, 0].min() - 0.25, A1[:, 0].max() + 0.25, 30)
    a1 = np.linspace(A1[:, 1].min() - 0.25, A1[:, 1].max() + 0.25, 30)
    scores = [W2[0, k] * p + W2[1, k] * q + b2[k] for k in range(4) for p in a0 for q in a1]
    assert (low, high) == pytest.approx((min(scores), max(scores)))


@pytest.mark.parametrize("n_classes", range(2, 11))
def test_data_and_regions_for_2_to_10_classes(n_classes):
    X, y = blobs(n_classes)
    sk = LogisticRegression().fit(X, y)
    fig = mc.plt_cat_mc(X, y, sk, n_classes, resolution=60)
    (ax,) = panels(fig)
    assert len(ax.get_legend().get_texts()) == n_classes
    assert np.unique(ax.images[0].get_array()).size == n_classes
    fig2 = mc.plt_mc(X, y, n_classes)
    assert len(panels(fig2)[0].get_lines()) == n_classes


@pytest.mark.parametrize("units", range(1, 9))
def test_layer_relu_grid_for_1_to_8_units(units):
    X, y = blobs(3)
    rng = np.random.default_rng(units)
    fig = mc.plt_layer_relu(X, y, rng.normal(size=(2, units)), rng.normal(size=units), 3,
                            resolution=20)
    axes = panels(fig)
    assert len(axes) == units and len(colorbars(fig)) == units
    rows = {round(ax.get_position().y0, 3) for ax in axes}
    cols = {round(ax.get_position().x0, 3) for ax in axes}
    assert len(rows) <= 2 and len(cols) <= 4  # compact: at most 2 x 4


@pytest.mark.parametrize("units", range(2, 11))
def test_output_layer_grid_for_2_to_10_units(units):
    X, y = blobs(units)
    A1 = np.abs(X)
    rng = np.random.default_rng(units)
    fig = mc.plt_output_layer_linear(A1, y, rng.normal(size=(2, units)), rng.normal(size=units),
                                     units, resolution=20)
    assert len(panels(fig)) == units
    rows = {round(ax.get_position().y0, 3) for ax in panels(fig)}
    assert len(rows) <= 3


def test_figures_draw_into_a_given_axes_or_figure(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    fig, (ax0, ax1) = plt.subplots(1, 2)
    assert mc.plt_mc(X, y, 4, ax=ax0) is fig
    assert mc.plt_cat_mc(X, y, lab_scores(W1, b1, W2, b2), 4, ax=ax1) is fig
    target = plt.figure()
    assert mc.plt_layer_relu(X, y, W1, b1, 4, fig=target) is target
    assert len(panels(target)) == 2
    assert plt.get_fignums() == [fig.number, target.number]


def test_general_helpers_draw_on_the_axes_they_are_given(lab_data, lab_weights):
    X, y = lab_data
    fig, ax = plt.subplots()
    assert mc.plt_mc_data(ax, X, y, 4, class_labels=list("abcd"), legend=True) is None
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list("abcd")
    mc.plot_cat_decision_boundary_mc(ax, X, lab_scores(*lab_weights), legend=True)
    assert len(ax.images) == 2  # regions, boundaries
    fig2, ax2 = plt.subplots()
    mc.plt_prob_z(ax2, lambda P: np.maximum(0, P[:, 0] - 1))
    assert len(ax2.images) == 1 and len(fig2.axes) == 2  # map + colour bar
    assert mc.plot_mc_data(X, y, ax=ax2) is fig2
    assert plt.get_fignums() == [fig.number, fig2.number]


def test_plt_prob_z_accepts_a_one_point_function():
    fig, ax = plt.subplots()
    mc.plt_prob_z(ax, lambda p: float(p[0, 0] > 0), resolution=8, pointwise=True)
    assert np.unique(ax.images[0].get_array()).tolist() == [0.0, 1.0]


def test_a_one_point_function_without_pointwise_gets_a_hint():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match=r"fwb must return one value per point, shape \(64,\); "
                                         r"got shape \(\) \(for one point at a time: "
                                         r"pointwise=True\)"):
        mc.plt_prob_z(ax, lambda p: float(p[0, 0] > 0), resolution=8)
    with pytest.raises(ValueError, match=r"predict must return scores \(N, k\) or class ids "
                                         r"\(N,\) for N=40000; got shape \(\) \(for one "
                                         r"point at a time: vector=False\)"):
        mc.plot_cat_decision_boundary_mc(ax, np.zeros((2, 2)), lambda p: int(p.item(0) > 1))


def test_truncate_colormap():
    cmap = mc.truncate_colormap("Greys", 0.2, 0.6)
    assert np.allclose(cmap(0.0), plt.get_cmap("Greys")(0.2), atol=0.01)
    assert np.allclose(cmap(1.0), plt.get_cmap("Greys")(0.6), atol=0.01)


# --- behaviours found in review ------------------------------------------------
def test_scikit_learn_labels_need_not_be_class_ids(lab_data):
    X, y = lab_data
    names = np.array(["north", "south", "east", "west"])[y]
    sk = LogisticRegression().fit(X, names)
    ids = mc.predict_class_ids(sk, X)
    assert np.array_equal(sk.classes_[ids], sk.predict(X))


def test_one_score_per_point_gets_a_clear_error_and_integer_ids_pass():
    X = np.zeros((3, 2))
    with pytest.raises(ValueError, match=r"one score per point \(shape \(N, 1\)\)"):
        mc.predict_class_ids(lambda A: np.full((len(A), 1), 0.3), X)
    assert mc.predict_class_ids(lambda A: np.ones((len(A), 1)), X).tolist() == [1, 1, 1]


def test_pointwise_predict_may_return_a_scalar():
    X = np.array([[0.0, 0.0], [2.0, 2.0]])
    fig, ax = plt.subplots()
    mc.plot_cat_decision_boundary_mc(ax, X, lambda p: int(p[0, 0] > 1), vector=False,
                                     resolution=6)
    assert np.unique(ax.images[0].get_array()).tolist() == [0, 1]


def test_plt_prob_z_evaluates_a_one_point_function_at_every_point():
    fig, ax = plt.subplots()
    w = np.array([1.0, -1.0])
    mc.plt_prob_z(ax, lambda x: max(0.0, float(x.reshape(2) @ w)), resolution=5,
                  pointwise=True)
    values = ax.images[0].get_array()
    assert values.shape == (5, 5) and values.max() > 0 and values.min() == 0


def test_decision_regions_keep_the_callers_aspect(lab_data, lab_weights):
    X, y = lab_data
    fig, ax = plt.subplots()
    mc.plt_mc_data(ax, X, y, 4, equal_xy=True)
    mc.plot_cat_decision_boundary_mc(ax, X, lab_scores(*lab_weights))
    assert ax.get_aspect() == 1.0


def test_plt_mc_takes_make_blobs_other_forms(lab_data):
    X, y = lab_data
    fig = mc.plt_mc(X, y, 4, 4, [1.0, 0.5, 1.0, 2.0])  # a number of centres, one std each
    assert len(panels(fig)[0].get_lines()) == 4 and panels(fig)[0].get_title() == "4-class data"


def test_paired_colormap_given_by_name_means_the_class_colours(lab_data):
    X, y = lab_data
    fig, ax = plt.subplots()
    mc.plt_mc_data(ax, X, y, 4, map=plt.get_cmap("Paired"))
    dark, _ = mc.class_colors(4)
    assert np.allclose(ax.get_lines()[1].get_markerfacecolor(), dark[1])


def test_negative_margin_is_refused():
    with pytest.raises(ValueError, match=r"margin must be a finite number >= 0; got -2"):
        mc.plot_limits(np.zeros((2, 2)), margin=-2)
