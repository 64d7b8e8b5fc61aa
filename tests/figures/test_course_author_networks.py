"""Course authors' own networks: the trace refuses what its figure refuses, the output-layer
figure says it needs two layer-1 units, and no colour bar crowds a neighbouring panel."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lab_utils_multiclass_TF as mc

RNG = np.random.default_rng(23)
X = RNG.normal(size=(60, 2)) * 3
Y = np.arange(60) % 4


def weights(units, outputs, *, scale=1.0):
    return [RNG.normal(size=(2, units)) * scale, RNG.normal(size=units) * scale,
            RNG.normal(size=(units, outputs)), RNG.normal(size=outputs)]


@pytest.mark.parametrize(("units", "outputs", "message"), [
    (2, 1, r"model's output layer must have one unit per class, 2 to 10; got 1"),
    (2, 11, r"model's output layer must have one unit per class, 2 to 10; got 11"),
    (9, 4, r"model's first layer must have 1 to 8 units; got 9"),
])
def test_trace_and_its_figure_refuse_the_same_networks(units, outputs, message):
    model = weights(units, outputs)
    with pytest.raises(ValueError, match=message):
        mc.forward_trace(model, (0.0, 0.0))
    with pytest.raises(ValueError, match=message):
        mc.plt_forward_trace(X, Y % 2, model, 2, (0.0, 0.0))
    assert plt.get_fignums() == []


def test_a_one_unit_output_layer_is_not_traced_as_certain():
    # a softmax of one score is 1 everywhere: the trace would call every point class 0
    with pytest.raises(ValueError, match="got 1"):
        mc.forward_trace(weights(3, 1), np.zeros((5, 2)))


def test_output_layer_figure_says_it_needs_two_layer1_units():
    A = np.abs(RNG.normal(size=(150, 3)))
    W, b = RNG.normal(size=(3, 4)), RNG.normal(size=4)
    with pytest.raises(ValueError) as caught:
        mc.plt_output_layer_linear(A, np.arange(150) % 4, W, b, 4)
    text = str(caught.value)
    assert text.startswith("X must hold the outputs (a0, a1) of two layer-1 units")
    assert "a layer 1 of exactly two units; got 3 columns (shape (150, 3))" in text
    assert plt.get_fignums() == []


def drawn_boxes(fig):
    """After a full draw: each colour bar with the boxes of its label and numbers, and the
    other panels with their full extent (title, numbers, labels), in pixels."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    bars = [ax for ax in fig.axes if ax.get_label() == "<colorbar>"]
    panels = [ax for ax in fig.axes if ax not in bars]
    texts = {bar: [t.get_window_extent(renderer)
                   for t in [bar.yaxis.label, *bar.yaxis.get_ticklabels()] if t.get_text()]
             for bar in bars}
    return texts, {ax: ax.get_tightbbox(renderer) for ax in panels}


def owner(bar, panels):
    """The panel a colour bar stands beside: the nearest one on its left in its row."""
    mid = (bar.bbox.y0 + bar.bbox.y1) / 2
    left = [ax for ax in panels if ax.bbox.x1 <= bar.bbox.x0 and ax.bbox.y0 <= mid <= ax.bbox.y1]
    return max(left, key=lambda ax: ax.bbox.x1)


def crowded(fig):
    """(colour bar label, what it runs into) for each overlap in the drawn figure."""
    texts, panels = drawn_boxes(fig)
    found = []
    for bar, boxes in texts.items():
        name = bar.yaxis.label.get_text()
        mine = owner(bar, panels)
        for box in boxes:
            if box.x1 > fig.bbox.x1 or box.x0 < 0:
                found.append((name, "the figure's edge"))
            found += [(name, ax.get_title()) for ax, extent in panels.items()
                      if ax is not mine and box.overlaps(extent)]
    return found


# The layout is spaced by layout.py, which mutation testing leaves alone; 48 figures are slow.
@pytest.mark.no_mutation
@pytest.mark.parametrize("units", range(1, 9))
@pytest.mark.parametrize("scale", [1.0, 300.0])  # 300: numbers four or five digits wide
def test_colour_bars_leave_the_next_panel_alone(units, scale):
    W1, b1, W2, b2 = weights(units, 4, scale=scale)
    figures = [mc.plt_layer_relu(X, Y, W1, b1, 4),
               mc.plt_output_layer_linear(np.abs(X) * scale, Y % units,
                                          RNG.normal(size=(2, units)) * scale,
                                          RNG.normal(size=units) * scale, units),
               mc.plt_forward_trace(X, Y, [W1, b1, W2, b2], 4, (0.0, 0.0)).fig]
    for fig in figures:
        bars = [ax for ax in fig.axes if ax.get_label() == "<colorbar>"]
        assert len(bars) == units  # one per layer-1 unit, or per output unit
        assert crowded(fig) == [], fig.get_label()
        plt.close(fig)
