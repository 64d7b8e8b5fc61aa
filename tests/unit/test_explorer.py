"""WeightHistory and the training explorer."""

import base64
import hashlib
import re

import keras
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from support.figure_reader import grid_points
from support.keras_models import train_lab_network

import lab_utils_multiclass_TF as mc


def digest(weights):
    return hashlib.sha256(b"".join(np.asarray(w).tobytes() for w in weights)).hexdigest()


@pytest.fixture(scope="module")
def recorded(recorded_training):
    return recorded_training


def test_history_records_every_epoch_as_float32(recorded):
    model, history = recorded
    assert history.epochs.tolist() == list(range(201))  # epoch 0 = before training
    assert history.loss.shape == history.accuracy.shape == (201,)
    assert history.loss.dtype == np.float32
    shapes = [w.shape for w in model.get_weights()]
    assert all([w.shape for w in ws] == shapes and all(w.dtype == np.float32 for w in ws)
               for ws in history.weights)
    assert digest(history.weights_at(200)) == digest(model.get_weights())
    assert sum(w.nbytes for ws in history.weights for w in ws) < 50_000
    assert history.accuracy[-1] == 1.0 and history.loss[-1] < history.loss[0]


def test_history_records_the_chosen_epochs(lab_data):
    X, y = lab_data
    history = mc.WeightHistory(X, y, every=3)
    train_lab_network(X, y, [history], epochs=7)
    assert history.epochs.tolist() == [0, 3, 6, 7]  # and always the last one


def test_history_leaves_training_unchanged(lab_model, recorded):
    # lab_model: the same training without the history
    assert digest(lab_model.get_weights()) == digest(recorded[0].get_weights())


def test_loss_and_accuracy_are_those_of_the_recorded_weights(lab_data, recorded):
    X, y = lab_data
    model, history = recorded
    logits = np.asarray(model(X.astype(np.float32)))
    expected_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits)
    assert history.loss[-1] == pytest.approx(float(expected_loss), rel=1e-4)
    assert history.accuracy[-1] == np.mean(np.argmax(logits, axis=1) == y)


@pytest.mark.parametrize("epoch", [0, 7, 60, 200])
def test_regions_for_an_epoch_are_the_model_with_that_epochs_weights(lab_data, recorded,
                                                                       explorer, epoch):
    model, history = recorded
    clone = keras.models.clone_model(model)
    clone.set_weights(history.weights_at(epoch))
    X, _ = lab_data
    # 40: the explorer fixture's resolution (tests/unit/conftest.py)
    ids = mc.predict_class_ids(clone, grid_points(X, 1.0, 40)).reshape(40, 40)
    assert np.array_equal(explorer.regions(epoch), ids)


def test_show_epoch_updates_the_existing_artists(explorer):
    artists_before = list(explorer.fig.findobj())
    image = explorer.artists["regions"].image
    first = image.get_array().copy()
    explorer.show_epoch(5)
    assert not np.array_equal(image.get_array(), first)
    assert explorer.artists["title"].get_text().startswith("epoch 5:")
    assert explorer.artists["marker"].get_xdata()[0] == 5
    assert list(explorer.fig.findobj()) == artists_before  # updated, not rebuilt


def test_closing_the_explorer_closes_its_figure_only(lab_data, recorded):
    X, y = lab_data
    ex = mc.plt_training_explorer(X, y, recorded[1], 4, resolution=10)
    other = plt.figure()  # the current figure now
    ex.close()
    assert plt.get_fignums() == [other.number]
    plt.close(other)


def test_static_fallback_draws_the_chosen_epochs(lab_data, recorded):
    X, y = lab_data
    ex = mc.plt_training_explorer(X, y, recorded[1], 4, static_epochs=[0, 20, 200],
                                  resolution=30)
    fig = ex.static_figure()
    *planes, loss_ax = fig.axes  # per epoch: the input plane, then layer 2's plane
    titles = [ax.get_title().split("\n") for ax in planes]
    assert [t[0] for t in titles[::2]] == ["epoch 0", "epoch 20", "epoch 200"]
    assert [t[1] for t in titles[1::2]] == ["epoch 0", "epoch 20", "epoch 200"]
    assert {t[0] for t in titles[1::2]} == {"Layer 2's plane,"}
    assert loss_ax.get_title() == "Training loss"
    # panels beside each other: an epoch's two planes on one row, the loss under them all
    for left, right in zip(planes[::2], planes[1::2], strict=True):
        assert left.get_position().y0 == pytest.approx(right.get_position().y0)
        assert left.get_position().x1 < right.get_position().x0
    assert loss_ax.get_position().y1 < min(ax.get_position().y0 for ax in planes)
    bundle = ex._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")  # only the PNG
    assert "application/vnd.jupyter.widget-view+json" not in bundle  # Agg: no live widget
    assert bundle["text/plain"] == "TrainingExplorer(epochs 0..200)"
    # each panel keeps its size: six epochs take two rows of three, three take one
    six = mc.plt_training_explorer(X, y, recorded[1], 4, static_epochs=[0, 1, 2, 3, 4, 5],
                                   resolution=10)
    width, height = fig.get_size_inches()
    six_figure = six.static_figure()
    six_width, six_height = six_figure.get_size_inches()
    assert six_width == width and six_height > 1.4 * height
    rows = {round(ax.get_position().y0, 3) for ax in six_figure.axes[:-1]}
    assert len(rows) == 2 and len(six_figure.axes) == 13
    six.close()
    # the static figure is not pyplot's, nor, without a live view, the explorer's own (a
    # later pyplot figure would show it too on the inline backend)
    assert plt.get_fignums() == []
    ex.close()
    one = mc.plt_training_explorer(X, y, recorded[1], 4, static_epochs=[200], resolution=10)
    assert [ax.get_title().split("\n")[0] for ax in one.static_figure().axes] == [
        "epoch 200", "Layer 2's plane,", "Training loss"]
    one.close()
    default = mc.plt_training_explorer(X, y, recorded[1], 4)
    assert default.static_epochs == [0, 12, 25, 50, 100, 200]
    assert default.artists["regions"].image.get_array().shape == (120, 120)  # the resolution
    default.close()


# ipympl's own toolbar trips a traitlets deprecation notice (not ours; hidden in notebooks)
@pytest.mark.filterwarnings(
    r"ignore:Passing unrecognized arguments to super\(Toolbar\):DeprecationWarning")
def test_slider_moves_the_live_figure(lab_data, recorded):
    X, y = lab_data
    backend = matplotlib.get_backend()
    plt.switch_backend("module://ipympl.backend_nbagg")
    try:
        ex = mc.plt_training_explorer(X, y, recorded[1], 4, resolution=30)
        assert ex.slider is not None and ex.slider.value == 200
        # over every recorded epoch, the last one first; Play in steps of 2 (100 frames)
        assert (ex.slider.min, ex.slider.max, ex.play.min, ex.play.max) == (0, 200, 0, 200)
        assert (ex.play.value, ex.play.step) == (200, 2)
        assert ex.slider.description == "epoch" and ex.slider.continuous_update
        assert not ex.slider.readout  # the title says the epoch
        bundle = ex._repr_mimebundle_()
        assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"]
        ex.slider.value = 10  # the 11th recorded epoch: epoch 10
        assert_shows_epoch(ex, *recorded, 10, X, y, resolution=30)
        ex.close()
    finally:
        plt.switch_backend(backend)


def test_bad_input_gets_a_clear_error(lab_data, recorded):
    X, y = lab_data
    history = recorded[1]
    three_inputs = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4)])
    three_inputs.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
    X3 = np.column_stack([X, X[:, 0]])
    history3 = mc.WeightHistory(X3, y)
    three_inputs.fit(X3, y, epochs=1, verbose=0, callbacks=[history3])
    cases = [
        (lambda: mc.plt_training_explorer(X, y, mc.WeightHistory(X, y), 4), ValueError,
         r"history is empty: pass it to model.fit\(..., callbacks=\[history\]\) first"),
        (lambda: mc.plt_training_explorer(X, y, history, 4, static_epochs=[0, 999]), ValueError,
         r"epoch 999 was not recorded; recorded epochs: 0..200 \(every 1\)"),
        (lambda: mc.WeightHistory(X, y).weights_at(0), ValueError,
         r"epoch 0 was not recorded; recorded epochs: none yet \(every 1\)"),
        (lambda: history.weights_at(201), ValueError,
         r"epoch 201 was not recorded; recorded epochs: 0..200 \(every 1\)"),
        (lambda: mc.plt_training_explorer(X, y[:99], history, 4), ValueError,
         r"X and y must have the same length; got 100 and 99"),
        (lambda: mc.WeightHistory(X, y[:3]), ValueError,
         r"X and y must have the same length; got 100 and 3"),
        (lambda: mc.plt_training_explorer(X, y, {}, 4), TypeError,
         r"history must be a WeightHistory; got dict"),
        (lambda: mc.plt_training_explorer(X, y, history, 4, static_epochs=list(range(7))),
         ValueError, r"static_epochs must list 1 to 6 epochs; got 7"),
        (lambda: mc.plt_training_explorer(X, y, history, 4, static_epochs=[]),
         ValueError, r"static_epochs must list 1 to 6 epochs; got 0"),
        (lambda: mc.plt_training_explorer(X, y, history3, 4), ValueError,
         r"the recorded model must take 2 inputs, as X; got 3"),
        (lambda: mc.plt_training_explorer(X, np.where(y == 3, 5, y), history, 4), ValueError,
         r"y holds class id 5, outside classes 0..3"),
        (lambda: mc.plt_training_explorer(X, y, history, 4, resolution=1), ValueError,
         r"resolution must be an integer >= 2; got 1"),
    ]
    for call, error, message in cases:
        with pytest.raises(error) as raised:
            call()
        assert re.fullmatch(message, str(raised.value)), str(raised.value)
    assert plt.get_fignums() == []
    mc.plt_training_explorer(X, y, history, 4, resolution=2).close()  # the coarsest grid


def test_history_of_a_functional_model_that_stops_early(lab_data):
    X, y = lab_data
    inputs = keras.Input((2,))
    hidden = keras.layers.Dense(2, activation="relu")(inputs)
    model = keras.Model(inputs, keras.layers.Dense(4)(hidden))
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer=keras.optimizers.Adam(0.01))
    history = mc.WeightHistory(X, y, every=3)
    stop = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: setattr(model, "stop_training", epoch == 4))
    model.fit(X, y, epochs=20, initial_epoch=1, verbose=0, callbacks=[history, stop])
    # starts at initial_epoch, then every 3rd epoch, then the epoch it stopped at
    assert history.epochs.tolist() == [1, 3, 5]
    assert digest(history.weights_at(5)) == digest(model.get_weights())
    # the loss panel: the recorded epochs (not their positions), a dot at the last one
    explorer = mc.plt_training_explorer(X, y, history, 4, resolution=10)
    loss_ax = explorer.artists["marker"].axes
    curve, marker = loss_ax.lines
    assert curve.get_xdata().tolist() == [1, 3, 5]
    assert np.array_equal(curve.get_ydata(), history.loss)
    assert marker.get_xdata().tolist() == [5] and marker.get_ydata().tolist() == [history.loss[2]]
    assert marker.get_marker() == "o"
    assert [loss_ax.get_xlabel(), loss_ax.get_ylabel(), loss_ax.get_title()] == [
        "epoch", "loss", "Training loss"]
    explorer.close()


def test_history_explains_what_it_cannot_replay(lab_data):
    X, y = lab_data
    no_bias = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4, use_bias=False)])
    no_bias.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
    with pytest.raises(ValueError, match=r"has use_bias=False"):
        no_bias.fit(X, y, epochs=1, verbose=0, callbacks=[mc.WeightHistory(X, y)])
    too_few = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3)])
    too_few.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
    with pytest.raises(ValueError, match=r"the model has 3 outputs, too few for class id 3"):
        too_few.fit(X, y, epochs=1, verbose=0, callbacks=[mc.WeightHistory(X, y)])


# --- what the explorer shows, computed independently -----------------------------------
def keras_at(model, history, epoch):
    """A copy of the trained model with the weights recorded at ``epoch``."""
    clone = keras.models.clone_model(model)
    clone.set_weights(history.weights_at(epoch))
    return clone


def assert_shows_epoch(explorer, model, history, epoch, X, y, resolution):
    net = keras_at(model, history, epoch)
    ax = explorer.artists["regions"].image.axes
    x0 = np.linspace(X[:, 0].min() - 1, X[:, 0].max() + 1, resolution)
    x1 = np.linspace(X[:, 1].min() - 1, X[:, 1].max() + 1, resolution)
    mesh = np.array([[a, b] for b in x1 for a in x0], dtype=np.float32)
    expected = np.argmax(np.asarray(net(mesh)), axis=1).reshape(resolution, resolution)
    assert np.array_equal(explorer.artists["regions"].image.get_array(), expected)
    W1, b1 = net.get_layer("L1").get_weights()
    (x_lo, x_hi), (z_lo, z_hi) = ax.get_xlim(), ax.get_ylim()
    for j, line in enumerate(explorer.artists["lines"]):
        for x, z in zip(line.get_xdata(), line.get_ydata(), strict=True):
            assert W1[0, j] * x + W1[1, j] * z + b1[j] == pytest.approx(0, abs=1e-4)
            assert np.isclose(x, [x_lo, x_hi]).any() or np.isclose(z, [z_lo, z_hi]).any()
    logits = np.asarray(net(X.astype(np.float32)))
    loss = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits))
    accuracy = np.mean(np.argmax(logits, axis=1) == y)
    marker = explorer.artists["marker"]
    assert marker.get_xdata()[0] == epoch
    assert marker.get_ydata()[0] == pytest.approx(loss, rel=1e-4)
    assert explorer.artists["title"].get_text() == (
        f"epoch {epoch}: loss {loss:.3f}, accuracy {accuracy:.0%}")


@pytest.mark.parametrize("epoch", [0, 37, 200])
def test_show_epoch_draws_that_epochs_network(lab_data, recorded, explorer, epoch):
    X, y = lab_data
    explorer.show_epoch(epoch)
    assert_shows_epoch(explorer, *recorded, epoch, X, y, resolution=40)


@pytest.mark.parametrize("epoch", [7, 60])
def test_the_record_at_epoch_e_is_a_network_trained_for_e_epochs(lab_data, recorded, epoch):
    X, y = lab_data
    trained = train_lab_network(X, y, epochs=epoch)
    assert digest(trained.get_weights()) == digest(recorded[1].weights_at(epoch))


def test_print_loss_prints_every_nth_epoch_and_the_last(lab_data, capsys):
    X, y = lab_data
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer="adam")
    fit = model.fit(X, y, epochs=20, verbose=0, callbacks=[mc.PrintLoss(every=7)])
    assert capsys.readouterr().out.splitlines() == [
        f"epoch {e:2d}/20: loss {fit.history['loss'][e - 1]:.4f}" for e in (7, 14, 20)]
    fit = model.fit(X, y, epochs=45, verbose=0, callbacks=[mc.PrintLoss()])  # every 20
    assert capsys.readouterr().out.splitlines() == [
        f"epoch {e:2d}/45: loss {fit.history['loss'][e - 1]:.4f}" for e in (20, 40, 45)]


def test_default_small_multiples_are_the_epochs_nearest_to_a_doubling_sequence():
    from lab_helpers.explorer import default_static_epochs

    # 200 epochs: 200, 100, 50, 25 and 12.5 (the nearest, first of a tie: 12), and the first
    assert default_static_epochs(np.arange(201)) == [0, 12, 25, 50, 100, 200]
    # every 50th of 1000: 62.5 is nearest 50; 125 is as near 100 as 150 (the first wins)
    assert default_static_epochs(np.arange(0, 1001, 50)) == [0, 50, 100, 250, 500, 1000]
    # six recorded epochs or fewer: all of them
    assert default_static_epochs(np.arange(0, 60, 10)) == [0, 10, 20, 30, 40, 50]
    assert default_static_epochs(np.array([0])) == [0]


def test_a_deeper_network_is_replayed_to_its_output_layer(lab_data):
    X, y = lab_data
    keras.utils.set_random_seed(3)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="relu"),
                              keras.layers.Dense(5, activation="tanh"), keras.layers.Dense(4)])
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer=keras.optimizers.Adam(0.05))
    history = mc.WeightHistory(X, y)
    model.fit(X, y, epochs=3, verbose=0, callbacks=[history])
    assert history.epochs.tolist() == [0, 1, 2, 3]  # every epoch by default
    explorer = mc.plt_training_explorer(X, y, history, 4, resolution=12)
    mesh = grid_points(X, 1.0, 12).astype(np.float32)
    expected = np.argmax(np.asarray(model(mesh)), axis=1).reshape(12, 12)  # the last weights
    assert np.array_equal(explorer.regions(3), expected)
    explorer.close()
    # and its loss and accuracy are those of the output layer's scores
    logits = np.asarray(model(X.astype(np.float32)))
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits)
    assert history.loss[-1] == pytest.approx(float(loss), rel=1e-4)
    assert history.accuracy[-1] == np.float32(np.mean(np.argmax(logits, axis=1) == y))


def test_history_keeps_float32_weights_of_a_float64_model(lab_data):
    X, y = lab_data
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4, dtype="float64")])
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer="sgd")
    history = mc.WeightHistory(X, y)
    assert (history.epochs.tolist(), history.weights, history.activations) == ([], [], [])
    model.fit(X, y, epochs=1, verbose=0, callbacks=[history])
    assert model.get_weights()[0].dtype == np.float64
    assert all(w.dtype == np.float32 for ws in history.weights for w in ws)
    assert np.array_equal(history.weights[-1][0], model.get_weights()[0].astype(np.float32))


def test_live_figure_layout_and_look(explorer):
    from matplotlib.colors import to_rgba

    from lab_helpers import explorer as ex_module

    fig = explorer.fig
    assert tuple(fig.get_size_inches()) == pytest.approx((8.4, 3.4))  # 840 px: fits
    regions_ax, plane_ax, loss_ax = fig.axes  # three panels side by side, nothing else
    for ax in (plane_ax, loss_ax):
        assert regions_ax.get_position().y0 == pytest.approx(ax.get_position().y0)
    assert regions_ax.get_position().width / loss_ax.get_position().width == pytest.approx(1.15)
    assert plane_ax.get_position().width == pytest.approx(regions_ax.get_position().width)
    assert regions_ax.get_xlim() == pytest.approx(explorer.box[:2])  # the whole mesh, no margin
    assert regions_ax.get_ylim() == pytest.approx(explorer.box[2:])
    assert [plane_ax.get_xlabel(), plane_ax.get_ylabel()] == ["a0 (unit 0)", "a1 (unit 1)"]
    dots = [line for line in regions_ax.lines if line.get_linestyle() == "None"]
    assert len(dots) == 4 and {line.get_markersize() for line in dots} == {4.0}  # area 16
    plane_dots = [line for line in plane_ax.lines if line.get_linestyle() == "None"]
    assert len(plane_dots) == 4 and {line.get_markersize() for line in plane_dots} == {4.0}
    zero_lines = explorer.artists["lines"]
    assert len(zero_lines) == 2
    for line in zero_lines:
        assert to_rgba(line.get_color()) == to_rgba(ex_module.ZERO_LINE["color"])
        assert (line.get_linestyle(), line.get_linewidth()) == ("--", 1.3)
        # drawn over the region boundaries (images), with a white halo: seen on them
        assert line.get_zorder() > max(image.get_zorder() for image in regions_ax.images)
        (halo,) = line.get_path_effects()
        assert to_rgba(halo._gc["foreground"]) == to_rgba("white")
    assert [name.get_text() for name in explorer.artists["names"]] == ["unit 0", "unit 1"]
    loss_line = loss_ax.lines[0]
    assert to_rgba(loss_line.get_color()) == to_rgba(ex_module.LOSS_LINE["color"])
    assert loss_line.get_linewidth() == 2


def test_live_title_names_the_epoch_centred_above_the_panels(explorer, recorded):
    history = recorded[1]
    title = explorer.title_
    assert title.get_text() == (f"epoch 200: loss {history.loss[-1]:.3f}, "
                                f"accuracy {history.accuracy[-1]:.0%}")
    fig = explorer.fig
    fig.canvas.draw()
    box = title.get_window_extent()
    width, height = fig.bbox.width, fig.bbox.height
    assert (box.x0 + box.x1) / 2 == pytest.approx(width / 2, abs=2)  # centred on the figure
    assert box.y1 <= height and box.y0 >= max(ax.get_window_extent().y1 for ax in fig.axes)


@pytest.mark.filterwarnings(
    r"ignore:Passing unrecognized arguments to super\(Toolbar\):DeprecationWarning")
def test_play_steps_one_epoch_at_a_time_through_a_short_training(lab_data):
    X, y = lab_data
    history = mc.WeightHistory(X, y)
    train_lab_network(X, y, [history], epochs=30)
    backend = matplotlib.get_backend()
    plt.switch_backend("module://ipympl.backend_nbagg")
    try:
        ex = mc.plt_training_explorer(X, y, history, 4, resolution=10)
        assert (ex.play.max, ex.play.step, ex.play.interval) == (30, 1, 60)  # 30 < 100 frames
        assert ex.slider.layout.width == "60%"
        ex.close()
    finally:
        plt.switch_backend(backend)


def test_history_names_the_model_in_its_errors(lab_data):
    history = mc.WeightHistory(*lab_data)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4, use_bias=False,
                                                                    name="plain")])
    history.set_model(model)
    with pytest.raises(ValueError) as raised:
        history.on_train_begin()
    assert str(raised.value) == "the model must use biases; layer 'plain' has use_bias=False"


def test_explorer_is_a_display_of_a_replay_computed_once_per_epoch(lab_data, recorded):
    from matplotlib.figure import Figure

    from lab_helpers.explorer import TrainingExplorer

    X, y = lab_data
    model, history = recorded
    shown = mc.plt_training_explorer(X, y, history, 4, resolution=20)
    replay = shown.replay
    shown.close()
    assert replay.regions(37) is replay.regions(37)  # computed on first use, then kept
    explorer = TrainingExplorer(replay, static_epochs=[0])
    assert not hasattr(explorer, "figure_")  # storing only: nothing drawn yet
    assert explorer.slider is None and explorer.play is None
    fig = Figure()
    assert explorer.plot(fig=fig) is explorer and explorer.figure_ is fig
    assert explorer.regions_.image.axes is fig.axes[0] and explorer.point_.axes is fig.axes[2]
    widths = [ax.get_position().width for ax in fig.axes]  # the live figure's proportions
    assert widths[0] == pytest.approx(widths[1]) == pytest.approx(1.15 * widths[2])
    # a pyplot figure of the caller's stays open: only a figure it made is the explorer's
    own = plt.figure()
    TrainingExplorer(replay, static_epochs=[0]).plot(fig=own)
    assert own.number in plt.get_fignums()
    plt.close(own)
    assert explorer.plane_.regions.image.axes is fig.axes[1]
    before = list(fig.findobj())
    explorer.update(epoch=37)
    assert list(fig.findobj()) == before  # changed in place
    assert_shows_epoch(explorer, model, history, 37, X, y, resolution=20)
