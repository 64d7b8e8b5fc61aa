"""The training explorer's layer 2's plane and its static replay, checked against values
computed here: a plain NumPy forward pass (support.reference) and collections.Counter."""


import keras
import numpy as np
import pytest
from support import reference
from support.counts import drawn_counts, expected_counts
from support.keras_models import dense_network

import lab_utils_multiclass_TF as mc

EPOCHS = [0, 5, 37, 120, 200]


def plane_ax(explorer):
    (ax,) = [ax for ax in explorer.fig.axes if ax.get_title() == "Layer 2's plane"]
    return ax


def hidden_at(history, epoch, X):
    """relu(X W1 + b1) with the weights recorded at ``epoch``."""
    W1, b1 = history.weights_at(epoch)[:2]
    return reference.relu(reference.dense(X, W1, b1))


def short_training(X, y, units, *, epochs):
    """The WeightHistory of a few epochs of a network 2 -> units (ReLU) -> 4."""
    keras.utils.set_random_seed(3)
    model = dense_network(units, 4)
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer="adam")
    history = mc.WeightHistory(X, y)
    model.fit(X, y, epochs=epochs, verbose=0, callbacks=[history])
    return history


def drawn_positions(ax, y):
    """The (a0, a1) drawn for every example, in the order of ``y``, from the class markers."""
    dots = [line for line in ax.lines if line.get_linestyle() == "None"]
    assert len(dots) == 4
    A = np.zeros((len(y), 2))
    for k, line in enumerate(dots):
        A[y == k] = np.column_stack([line.get_xdata(), line.get_ydata()])
    return A


@pytest.mark.parametrize("epoch", EPOCHS)
def test_plane_shows_each_example_at_its_layer1_outputs_of_that_epoch(
        lab_data, recorded_training, explorer, epoch):
    X, y = lab_data
    explorer.show_epoch(epoch)
    A = hidden_at(recorded_training[1], epoch, X)
    np.testing.assert_allclose(drawn_positions(plane_ax(explorer), y), A, rtol=1e-12,
                               atol=1e-12)


@pytest.mark.parametrize("epoch", EPOCHS)
def test_plane_counts_the_examples_that_coincide(lab_data, recorded_training, explorer,
                                                 epoch):
    X, y = lab_data
    explorer.show_epoch(epoch)
    assert drawn_counts(plane_ax(explorer)) == expected_counts(
        hidden_at(recorded_training[1], epoch, X), y)


def test_at_the_end_25_blue_examples_sit_at_the_origin(explorer):
    explorer.show_epoch(200)
    assert drawn_counts(plane_ax(explorer)) == {(0.0, 0.0, 0): 25}


@pytest.mark.parametrize("epoch", [0, 37, 200])
def test_plane_regions_are_where_each_output_unit_wins(lab_data, recorded_training, explorer,
                                                       epoch):
    explorer.show_epoch(epoch)
    ax = plane_ax(explorer)
    image = explorer.artists["plane regions"].image
    left, right, bottom, top = image.get_extent()
    ids = np.asarray(image.get_array())
    rows, cols = ids.shape
    # the pixel centres: the extent less half a pixel on each side
    a0 = np.linspace(left, right, 2 * cols + 1)[1::2]
    a1 = np.linspace(bottom, top, 2 * rows + 1)[1::2]
    grid = np.array([[u, v] for v in a1 for u in a0])
    W2, b2 = recorded_training[1].weights_at(epoch)[2:]
    winner = np.argmax(reference.dense(grid, W2, b2), axis=1).reshape(rows, cols)
    assert np.mean(ids == winner) > 0.999  # (a tie on a pixel may go either way in float32)
    assert (ax.get_xlim(), ax.get_ylim()) == ((left, right), (bottom, top))


def test_plane_limits_hold_every_example_at_every_epoch_and_never_move(
        lab_data, recorded_training, explorer):
    X, _ = lab_data
    history = recorded_training[1]
    ax = plane_ax(explorer)
    limits = []
    for epoch in history.epochs[::20]:
        explorer.show_epoch(int(epoch))
        limits.append((ax.get_xlim(), ax.get_ylim()))
    assert len(set(limits)) == 1  # no jump from one epoch to the next
    (x_lo, x_hi), (y_lo, y_hi) = limits[0]
    every = np.vstack([hidden_at(history, int(e), X) for e in history.epochs])
    margins = [min(every[:, 0].min(), 0) - x_lo, x_hi - every[:, 0].max(),
               min(every[:, 1].min(), 0) - y_lo, y_hi - every[:, 1].max()]
    # the origin and every example of every epoch, with a small margin on each side, the
    # same on both ends of an axis
    assert all(0.2 < margin <= 1 for margin in margins)
    assert margins[0] == pytest.approx(margins[1]) and margins[2] == pytest.approx(margins[3])


def test_plane_axes_are_drawn_under_the_examples(explorer):
    ax = plane_ax(explorer)
    dots = [line for line in ax.lines if line.get_linestyle() == "None"]
    axis_lines = [line for line in ax.lines if line.get_linestyle() != "None"]
    # axhline and axvline: data coordinates across, axes coordinates along
    assert sorted((tuple(line.get_xdata()), tuple(line.get_ydata())) for line in axis_lines) == [
        ((0, 0), (0, 1)), ((0, 1), (0, 0))]
    assert max(line.get_zorder() for line in axis_lines) < min(d.get_zorder() for d in dots)


@pytest.mark.parametrize("epoch", [0, 60, 200])
def test_unit_names_sit_on_their_zero_lines(recorded_training, explorer, epoch):
    explorer.show_epoch(epoch)
    W1, b1 = recorded_training[1].weights_at(epoch)[:2]
    names = explorer.artists["names"]
    assert [name.get_text() for name in names] == ["unit 0", "unit 1"]
    for j, name in enumerate(names):
        x0, x1 = name.get_position()
        assert name.get_visible()
        assert W1[0, j] * x0 + W1[1, j] * x1 + b1[j] == pytest.approx(0, abs=1e-4)
    spots = np.array([name.get_position() for name in names])
    assert np.linalg.norm(spots[0] - spots[1]) > 1.0  # apart, even where the lines cross


def spot_fractions(explorer, epoch):
    """Where each unit's name sits along its zero line, as a fraction from its first end;
    the name must lie on the line."""
    fractions = []
    for name, (start, end) in zip(explorer.artists["names"], explorer.zero_lines(epoch),
                                  strict=True):
        t = np.dot(np.subtract(name.get_position(), start), end - start) / np.sum(
            (end - start) ** 2)
        np.testing.assert_allclose(start + t * (end - start), name.get_position(), atol=1e-9)
        fractions.append(t)
    return fractions


@pytest.mark.parametrize("epoch", [0, 60, 200])
def test_unit_names_spread_evenly_along_their_lines(recorded_training, explorer, epoch):
    explorer.show_epoch(epoch)
    W1, b1 = recorded_training[1].weights_at(epoch)[:2]
    for j, (start, end) in enumerate(explorer.zero_lines(epoch)):  # the lines z_j = 0
        for x in (start, end):
            assert x @ W1[:, j] + b1[j] == pytest.approx(0, abs=1e-4)
    t0, t1 = spot_fractions(explorer, epoch)
    assert 0 < t0 < 0.25 and t0 + t1 == pytest.approx(1)  # one near each end, alike


@pytest.mark.parametrize("units", [1, 3])
def test_unit_names_of_one_or_three_units(lab_data, units):
    X, y = lab_data
    ex = mc.plt_training_explorer(X, y, short_training(X, y, units, epochs=1), 4, resolution=10)
    fractions = spot_fractions(ex, 1)
    assert fractions == pytest.approx([0.5] if units == 1 else [0.12, 0.5, 0.88], abs=0.1)
    steps = np.diff(fractions)
    assert steps == pytest.approx(np.full(units - 1, steps[0] if units > 1 else 0))  # evenly
    assert fractions[0] + fractions[-1] == pytest.approx(1)
    ex.close()


def test_static_panels_keep_their_shape_above_a_loss_strip(lab_data, recorded_training):
    X, y = lab_data
    for epochs in ([0, 200], [0, 10, 20, 50, 100, 200]):
        ex = mc.plt_training_explorer(X, y, recorded_training[1], 4, static_epochs=epochs,
                                      resolution=10)
        fig = ex.static_figure()
        fig.canvas.draw()
        *panels, loss = [ax.get_window_extent() for ax in fig.axes]
        assert len(panels) == 2 * len(epochs)
        for box in panels:
            assert 0.75 < box.width / box.height < 1.35, epochs  # not squashed
        assert loss.height < min(box.height for box in panels)  # a strip under the panels
        lowest = min(box.y0 for box in panels)
        assert 0 < lowest - loss.y1 < min(box.height for box in panels)  # right under them
        assert loss.x0 == pytest.approx(min(b.x0 for b in panels), abs=1)  # across them all
        assert loss.x1 == pytest.approx(max(b.x1 for b in panels), abs=1)
        ex.close()


def test_per_epoch_values_keep_their_names_and_docs(explorer):
    regions = explorer.replay.regions
    assert regions.__name__ == "regions" and "class ids" in regions.__doc__.lower()


def test_static_loss_curve_is_the_recorded_loss_with_the_chosen_epochs_marked(
        lab_data, recorded_training):
    X, y = lab_data
    history = recorded_training[1]
    ex = mc.plt_training_explorer(X, y, history, 4, static_epochs=[0, 12, 50, 200],
                                  resolution=20)
    loss_ax = ex.static_figure().axes[-1]
    curve, marks = loss_ax.lines
    assert np.array_equal(curve.get_xdata(), np.arange(201))
    assert np.array_equal(curve.get_ydata(), history.loss)
    assert list(marks.get_xdata()) == [0, 12, 50, 200]
    assert list(marks.get_ydata()) == [history.loss[e] for e in (0, 12, 50, 200)]
    ex.close()


def test_static_plane_panels_show_the_examples_of_their_epoch(lab_data, recorded_training):
    X, y = lab_data
    history = recorded_training[1]
    ex = mc.plt_training_explorer(X, y, history, 4, static_epochs=[0, 50, 200],
                                  resolution=20)
    fig = ex.static_figure()
    planes = [ax for ax in fig.axes if ax.get_title().startswith("Layer 2's plane")]
    for ax, epoch in zip(planes, [0, 50, 200], strict=True):
        assert ax.get_title().endswith(f"epoch {epoch}")
        A = hidden_at(history, epoch, X)
        np.testing.assert_allclose(drawn_positions(ax, y), A, rtol=1e-12, atol=1e-12)
        assert drawn_counts(ax) == expected_counts(A, y)
    ex.close()


def test_without_two_layer1_units_there_is_no_plane_view(lab_data):
    X, y = lab_data
    ex = mc.plt_training_explorer(X, y, short_training(X, y, 3, epochs=2), 4, resolution=10)
    assert [ax.get_title() for ax in ex.fig.axes] == ["Input plane", "Training loss"]
    assert ex.plane_ is None and "plane dots" not in ex.artists
    ex.show_epoch(1)  # still moves
    assert ex.artists["marker"].get_xdata()[0] == 1
    static = ex.static_figure()
    assert [ax.get_title().split("\n")[0] for ax in static.axes] == [
        "epoch 0", "epoch 1", "epoch 2", "Training loss"]
    with pytest.raises(ValueError, match="layer 2's input is a plane only when layer 1 has 2"):
        ex.replay.plane  # noqa: B018
    ex.close()
