"""plt_forward_trace: every panel shows the numbers of its point, also after a click moves it.

Expected numbers come from Keras (the lab's trained model) or from the formulas
written out here, never from the library's own forward pass.
"""

import io
import re
from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
import tensorflow as tf
from PIL import Image
from support import reference
from support.data import blobs
from support.value_axis_reading import value_reader

import lab_utils_multiclass_TF as mc

START = (-0.5, 0.0)   # between the clusters of classes 1 and 2
TARGET = (4.5, -2.0)  # in the cluster of class 3
DARK, LIGHT = mc.class_colors(10)
WHITE = np.array([255, 255, 255])
IPYMPL = "module://ipympl.backend_nbagg"
# ipympl's own toolbar trips a traitlets deprecation notice (not ours; hidden in notebooks)
IPYMPL_TOOLBAR_NOTICE = pytest.mark.filterwarnings(
    r"ignore:Passing unrecognized arguments to super\(Toolbar\):DeprecationWarning")


def keras_expected(model, weights, point):
    """The point's numbers as Keras computes them (z1 by the formula x W1 + b1)."""
    x = np.array([point], dtype=np.float32)
    W1, b1, _, _ = weights
    scores = np.asarray(model(x))[0]
    return SimpleNamespace(z1=(x @ W1 + b1)[0], a1=np.asarray(model.get_layer("L1")(x))[0],
                           scores=scores, p=np.asarray(tf.nn.softmax(scores)),
                           winner=int(np.argmax(scores)))


def formula_expected(weights, point):
    """The point's numbers from the reference forward pass: ReLU layer, linear layer,
    softmax."""
    e = reference.forward(np.asarray([point], dtype=np.float64), *weights)
    return SimpleNamespace(z1=e.z1[0], a1=e.a1[0], scores=e.scores[0], p=e.p[0],
                           winner=int(e.winner[0]))


def numbers(text):
    return [float(v) for v in re.findall(r"-?\d+\.\d+", text)]


def assert_panels_show(view, point, e):
    """Markers, numbers and bars of every panel are those of ``e`` for ``point``."""
    a = view.artists
    for marker in [a["data"]["point"]] + [unit["point"] for unit in a["units"]]:
        np.testing.assert_allclose(np.ravel(marker.get_data()), point, atol=1e-9)
    for j, unit in enumerate(a["units"]):
        assert numbers(unit["text"].get_text()) == pytest.approx([e.z1[j], e.a1[j]], abs=0.006)
    if "point" in a["plane"]:
        np.testing.assert_allclose(np.ravel(a["plane"]["point"].get_data()), e.a1, atol=1e-5)
    for name, values in [("scores", e.scores), ("probabilities", e.p)]:
        bars = a[name]["bars"]  # each bar's top at its value, as the panel's axis reads
        read = value_reader(bars[0].axes) if name == "scores" else (lambda h: h)
        np.testing.assert_allclose([read(b.get_height()) for b in bars], values, atol=1e-5)
        assert all(0 <= b.get_height() < bars[0].axes.get_ylim()[1] for b in bars)
        assert max(range(len(bars)), key=lambda k: bars[k].get_height()) == e.winner
        shown = [numbers(t.get_text())[0] for t in a[name]["values"]]
        assert shown == pytest.approx(values, abs=0.006)
        assert [b.get_linewidth() > 0 for b in bars] == [k == e.winner for k in range(len(bars))]
        assert np.allclose(bars[e.winner].get_facecolor(), DARK[e.winner])


def pixel(rgba, ax, xy):
    """The RGB colour at data point ``xy`` of ``ax`` in a rendered image (rows from the top)."""
    px, py = ax.transData.transform(xy)
    return rgba[int(rgba.shape[0] - py), int(px), :3].astype(int)


def canvas_pixels(fig):
    return np.asarray(fig.canvas.buffer_rgba()).copy()


@pytest.fixture
def view(lab_data, lab_model):
    X, y = lab_data
    v = mc.plt_forward_trace(X, y, lab_model, 4, START, resolution=60)
    v.fig.canvas.draw()  # as a front end shows it first
    yield v
    v.close()


def test_panels_show_the_given_point(view, lab_model, lab_weights):
    assert_panels_show(view, START, keras_expected(lab_model, lab_weights, START))
    titles = [ax.get_title() for ax in view.fig.axes if ax.get_title()]
    assert titles == ["The point followed", "Layer 1, unit 0", "Layer 1, unit 1",
                      "What layer 2 sees", "Layer 2: the scores", "Softmax: probabilities"]


def without_score_axis(view):
    """Every artist of the figure but the scores' value axis (refitted to each point)."""
    value_axis = {id(o) for o in view.artists["scores"]["bars"][0].axes.yaxis.findobj()}
    return [o for o in view.fig.findobj() if id(o) not in value_axis]


def test_move_to_updates_every_panel_in_place_and_on_the_canvas(view, lab_model, lab_weights):
    objects = without_score_axis(view)
    data_ax, probabilities_ax = view.fig.axes[0], view.artists["probabilities"]["bars"][0].axes
    before = canvas_pixels(view.fig)
    assert not np.array_equal(pixel(before, data_ax, TARGET), WHITE)
    view.move_to(TARGET)
    e = keras_expected(lab_model, lab_weights, TARGET)
    assert e.winner == 3
    assert_panels_show(view, TARGET, e)
    assert without_score_axis(view) == objects  # the same artists, updated
    shown = canvas_pixels(view.fig)  # what the update drew
    assert np.array_equal(pixel(shown, data_ax, TARGET), WHITE)  # the marker's white face
    bar_middle = pixel(shown, probabilities_ax, (3, e.p[3] / 2))
    assert np.abs(bar_middle - DARK[3][:3] * 255).max() <= 2
    view.fig.canvas.draw()  # a full redraw shows exactly what the quick update drew
    assert np.array_equal(canvas_pixels(view.fig), shown)


def test_the_saved_image_shows_the_point(view):
    view.move_to(TARGET)
    buffer = io.BytesIO()
    view.fig.savefig(buffer, format="png")  # what a headless run and the report show
    saved = np.asarray(Image.open(buffer).convert("RGBA"))
    assert saved.shape == canvas_pixels(view.fig).shape
    assert np.array_equal(pixel(saved, view.fig.axes[0], TARGET), WHITE)


def click(canvas, x, y):
    """A left click at pixel (x, y), counted from the top left, as JupyterLab sends it."""
    for kind, buttons in [("button_press", 1), ("button_release", 0)]:
        canvas.manager.handle_json({"type": kind, "x": x, "y": y, "button": 0,
                                    "buttons": buttons, "modifiers": [], "guiEvent": None})


@IPYMPL_TOOLBAR_NOTICE
def test_a_click_on_the_data_panel_moves_the_point_in_every_panel(lab_data, lab_model,
                                                                   lab_weights):
    X, y = lab_data
    backend = matplotlib.get_backend()
    plt.switch_backend(IPYMPL)
    try:
        view = mc.plt_forward_trace(X, y, lab_model, 4, START, resolution=60)
        canvas, data_ax = view.fig.canvas, view.fig.axes[0]
        canvas.draw()  # the front end asks for a first draw when it shows the figure
        objects = without_score_axis(view)
        height = canvas.get_renderer().height
        px, py = np.round(data_ax.transData.transform(TARGET))
        click(canvas, px, height - py)
        point = data_ax.transData.inverted().transform((px, py))  # the pixel's data point
        assert np.linalg.norm(point - TARGET) < 0.1
        assert_panels_show(view, point, keras_expected(lab_model, lab_weights, point))
        assert without_score_axis(view) == objects
        # ipympl declares no blitting (supports_blit): the front end asks for the redraw
        assert view.fig.stale
        canvas.draw()
        assert np.array_equal(pixel(canvas_pixels(view.fig), data_ax, point), WHITE)
        # clicks elsewhere, or with the zoom tool on, leave the point where it is
        unit_ax = view.artists["units"][0]["point"].axes
        ux, uy = unit_ax.transData.transform(START)
        click(canvas, ux, height - uy)
        canvas.toolbar.zoom()
        sx, sy = data_ax.transData.transform(START)
        click(canvas, sx, height - sy)
        canvas.toolbar.zoom()
        np.testing.assert_allclose(view.trace.x[0], point)
        view.close()
    finally:
        plt.switch_backend(backend)


@pytest.mark.parametrize(("units", "classes"), [(1, 2), (2, 10), (3, 5), (8, 3)])
def test_any_number_of_units_and_classes(units, classes):
    X, y = blobs(classes)
    rng = np.random.default_rng(units * classes)
    weights = [rng.normal(size=(2, units)), rng.normal(size=units),
               rng.normal(size=(units, classes)), rng.normal(size=classes)]
    view = mc.plt_forward_trace(X, y, weights, classes, X[0], resolution=30)
    a = view.artists
    assert len(a["units"]) == units and len(a["scores"]["bars"]) == classes
    assert_panels_show(view, X[0], formula_expected(weights, X[0]))
    if units == 2:
        assert set(a["plane"]) == {"regions", "point"}
        assert a["plane"]["point"].axes.get_xlabel() == "a0 (layer 1)"
    else:
        assert set(a["plane"]) == {"note"}
        assert f"it has {units}." in a["plane"]["note"].get_text()
        assert not a["plane"]["note"].axes.axison
    view.move_to(X[-1])
    assert_panels_show(view, X[-1], formula_expected(weights, X[-1]))
    view.close()


def test_the_regions_are_those_the_bars_name(view, lab_model):
    regions = view.artists["data"]["regions"].image.get_array()
    x0 = np.linspace(*view.fig.axes[0].get_xlim(), 60)
    x1 = np.linspace(*view.fig.axes[0].get_ylim(), 60)
    grid = np.column_stack([g.ravel() for g in np.meshgrid(x0, x1)]).astype(np.float32)
    ids = np.argmax(np.asarray(lab_model(grid)), axis=1).reshape(60, 60)
    assert np.mean(regions == ids) > 0.995  # float32 and float64 may split a tie


WEIGHTS = [np.ones((2, 2)), np.zeros(2), np.ones((2, 4)), np.zeros(4)]
X4, Y4 = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [3.0, 1.0]]), np.array([0, 1, 2, 3])
BAD = [
    ("two points", lambda: mc.plt_forward_trace(X4, Y4, WEIGHTS, 4, X4[:2]), ValueError,
     r"point must be one point \(x0, x1\); got 2 points"),
    ("NaN point", lambda: mc.plt_forward_trace(X4, Y4, WEIGHTS, 4, (np.nan, 1.0)), ValueError,
     r"point must hold finite numbers"),
    ("one class", lambda: mc.plt_forward_trace(X4, np.zeros(4, int), WEIGHTS, 1, (0, 0)),
     ValueError, r"classes must be between 2 and 10; got 1"),
    ("outputs", lambda: mc.plt_forward_trace(X4, Y4 % 3, WEIGHTS, 3, (0, 0)), ValueError,
     r"model must have one output unit per class \(3\); got 4"),
    ("units", lambda: mc.plt_forward_trace(
        X4, Y4, [np.ones((2, 9)), np.zeros(9), np.ones((9, 4)), np.zeros(4)], 4, (0, 0)),
     ValueError, r"model's first layer must have 1 to 8 units; got 9"),
    ("labels", lambda: mc.plt_forward_trace(X4, Y4[:3], WEIGHTS, 4, (0, 0)), ValueError,
     r"X and y must have the same length; got 4 and 3"),
]


@pytest.mark.parametrize(("case", "call", "error", "message"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_gets_a_clear_error(case, call, error, message):
    with pytest.raises(error, match=message):
        call()
    assert plt.get_fignums() == []  # refused before any figure is made


def test_move_to_refuses_what_is_not_one_point(view):
    with pytest.raises(ValueError, match=r"point must be one point \(x0, x1\); got 2 points"):
        view.move_to([[0.0, 0.0], [1.0, 1.0]])
    with pytest.raises(ValueError, match=r"point must be a point \(x0, x1\) or an array"):
        view.move_to([1.0, 2.0, 3.0])
    np.testing.assert_allclose(view.trace.x[0], START)


def test_the_view_is_a_display_of_traces_computed_first(lab_data, lab_model, lab_weights):
    from matplotlib.figure import Figure

    from lab_helpers.trace_figure import ForwardTraceView

    X, y = lab_data
    shown = mc.plt_forward_trace(X, y, lab_model, 4, START, resolution=30)
    traces = shown.traces
    shown.close()
    view = ForwardTraceView(traces, point=np.array([START]))
    assert not hasattr(view, "figure_")  # storing only: nothing drawn yet
    fig = Figure()
    assert view.plot(fig=fig) is view and view.figure_ is fig
    assert view.point_.axes is fig.axes[0] and len(view.score_bars_) == 4
    assert_panels_show(view, START, keras_expected(lab_model, lab_weights, START))
    before = list(fig.findobj())
    view.update(point=np.array([TARGET]))
    assert list(fig.findobj()) == before  # changed in place
    assert_panels_show(view, TARGET, keras_expected(lab_model, lab_weights, TARGET))
