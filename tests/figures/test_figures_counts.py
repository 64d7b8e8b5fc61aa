"""What the figures of layer 2's plane show where examples coincide, their shared scales and
limits, and the confidence colour bar: checked against values computed here."""

import numpy as np
import pytest
from support import reference
from support.counts import drawn_counts, expected_counts
from support.value_axis_reading import value_reader

import lab_utils_multiclass_TF as mc


@pytest.fixture(scope="module")
def collapsed(lab_data, lab_weights):
    """The lab network with layer 1 pushed so that more classes collapse onto (0, 0)."""
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    return X, y, W1, b1 - np.array([0.0, 3.0]), W2, b2


@pytest.mark.parametrize("which", ["trained", "collapsed"])
def test_output_layer_figure_counts_coinciding_examples(which, lab_data, lab_weights,
                                                        collapsed):
    X, y, W1, b1, W2, b2 = collapsed if which == "collapsed" else (*lab_data, *lab_weights)
    A1 = reference.relu(reference.dense(X, W1, b1))
    expected = expected_counts(A1, y)
    assert expected  # both networks put at least one class on a single spot
    fig = mc.plt_output_layer_linear(A1, y, W2, b2, 4, resolution=20)
    for ax in [a for a in fig.axes if a.get_title().startswith("Output unit")]:
        assert drawn_counts(ax) == expected


def test_trace_plane_counts_and_shares_the_output_figures_limits(collapsed):
    X, y, W1, b1, W2, b2 = collapsed
    A1 = reference.relu(reference.dense(X, W1, b1))
    view = mc.plt_forward_trace(X, y, [W1, b1, W2, b2], 4, [-0.5, 0.0], resolution=30)
    (plane,) = [ax for ax in view.fig.axes if ax.get_title() == "What layer 2 sees"]
    assert drawn_counts(plane) == expected_counts(A1, y)
    limits = [(min(0.0, A1[:, j].min()) - 0.25, A1[:, j].max() + 0.25) for j in range(2)]
    assert plane.get_xlim() == pytest.approx(limits[0])
    assert plane.get_ylim() == pytest.approx(limits[1])
    fig = mc.plt_output_layer_linear(A1, y, W2, b2, 4, resolution=20)
    assert fig.axes[0].get_xlim() == pytest.approx(limits[0])
    assert fig.axes[0].get_ylim() == pytest.approx(limits[1])
    view.close()


def test_trace_unit_panels_share_one_colour_scale(lab_data, lab_weights):
    X, y = lab_data
    view = mc.plt_forward_trace(X, y, list(lab_weights), 4, [-0.5, 0.0], resolution=30)
    units = [ax for ax in view.fig.axes if ax.get_title().startswith("Layer 1, unit")]
    maps = [ax.images[0].get_array() for ax in units]
    assert len(maps) == 2
    for ax in units:
        assert ax.images[0].get_clim() == pytest.approx((0.0, max(m.max() for m in maps)))
    view.close()


def test_the_score_panel_has_a_value_axis_with_the_winner_tallest(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    view = mc.plt_forward_trace(X, y, list(lab_weights), 4, [-0.5, 0.0], resolution=30)
    scores = reference.forward([[-0.5, 0.0]], W1, b1, W2, b2).scores[0]
    bars = view.artists["scores"]["bars"]
    read = value_reader(bars[0].axes)  # a scale to read the bars against
    heights = [b.get_height() for b in bars]
    assert [read(h) for h in heights] == pytest.approx(scores, abs=1e-5)
    assert heights.index(max(heights)) == int(np.argmax(scores))
    view.close()


def test_confidence_colour_bar_reaches_one_with_wide_strips(lab_data, lab_model):
    X, y = lab_data
    fig = mc.plt_cat_mc(X, y, lab_model, 4, resolution=30, confidence=True)
    (bar,) = [ax for ax in fig.axes if ax.get_label() == "<colorbar>"]
    ticks = bar.get_yticks()
    assert ticks.max() == pytest.approx(1.0) and ticks.min() >= 0.25
    assert [t.get_text() for t in bar.get_yticklabels()][-1] == "1.0"
    strip_pixels = bar.get_window_extent().width / 4
    assert strip_pixels >= 10
