"""The confidence view: regions shaded by the softmax probability of the class predicted.

Expected colours are worked out pixel by pixel here from probabilities that
Keras and TensorFlow compute (or scikit-learn's predict_proba).
"""

from types import SimpleNamespace

import numpy as np
import pytest
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from support.data import blobs
from support.figure_reader import colorbars, panels, pixels

import lab_utils_multiclass_TF as mc

RESOLUTION = 40


def keras_probabilities(model, xx0, xx1):
    grid = np.column_stack([xx0.ravel(), xx1.ravel()]).astype(np.float32)
    probs = np.asarray(tf.nn.softmax(model(grid)))
    return probs.reshape(*xx0.shape, -1)


def expected_colors(probs, n_classes):
    """Slowly, pixel by pixel: the winner's light colour, faded to white as its probability
    falls to 1/n_classes (a tie of all classes)."""
    _, light = mc.class_colors(n_classes)
    out = np.zeros((*probs.shape[:2], 4))
    for i in range(probs.shape[0]):
        for j in range(probs.shape[1]):
            k = int(np.argmax(probs[i, j]))
            sure = (probs[i, j, k] - 1 / n_classes) / (1 - 1 / n_classes)
            out[i, j] = [1 - sure * (1 - c) for c in light[k]]
    return out


def test_decision_regions_can_return_the_softmax_probabilities(lab_data, lab_model):
    X, _ = lab_data
    xx0, xx1, ids, probs = mc.decision_regions(X, lab_model, resolution=RESOLUTION,
                                               probabilities=True)
    assert probs.shape == (RESOLUTION, RESOLUTION, 4)
    np.testing.assert_allclose(probs, keras_probabilities(lab_model, xx0, xx1), rtol=0,
                               atol=1e-5)
    assert np.array_equal(ids, mc.decision_regions(X, lab_model, resolution=RESOLUTION)[2])


@pytest.fixture
def view(lab_data, lab_model):
    """The lab's confidence view, its mesh and the probabilities Keras gives there."""
    X, y = lab_data
    fig = mc.plt_cat_mc(X, y, lab_model, 4, resolution=RESOLUTION, confidence=True)
    xx0, xx1, _ = mc.decision_regions(X, lab_model, resolution=RESOLUTION)
    return SimpleNamespace(fig=fig, ax=panels(fig)[0], xx0=xx0, xx1=xx1,
                           probs=keras_probabilities(lab_model, xx0, xx1))


def test_shading_equals_the_probabilities(view):
    shown = view.ax.images[0].get_array()
    assert shown.shape == (RESOLUTION, RESOLUTION, 4)
    np.testing.assert_allclose(shown, expected_colors(view.probs, 4), rtol=0, atol=1e-5)
    # the model is unsure somewhere (pale) and sure elsewhere (the full light colour)
    sure = view.probs.max(axis=-1)
    assert sure.min() < 0.6 and sure.max() > 0.99
    assert view.ax.get_title() == "How sure the model is"


def test_rendered_pixels_follow_the_probabilities(view):
    fig, ax, xx0, xx1, probs = view.fig, view.ax, view.xx0, view.xx1, view.probs
    colors = expected_colors(probs, 4)
    rgb = pixels(fig, ax)  # the axes' inside, 3 pixels in from each edge
    # each pixel's cell of the image: where the data point at the pixel's centre falls
    box = ax.get_window_extent()
    rows, cols = np.mgrid[0:rgb.shape[0], 0:rgb.shape[1]]
    at = ax.transData.inverted().transform(np.column_stack(
        [box.x0 + 3 + cols.ravel() + 0.5, box.y1 - 3 - rows.ravel() - 0.5]))
    # the image's cells split its extent, from the first mesh point to the last, evenly
    cell_j = (at[:, 0] - xx0[0, 0]) / (xx0[0, -1] - xx0[0, 0]) * RESOLUTION
    cell_i = (at[:, 1] - xx1[0, 0]) / (xx1[-1, 0] - xx1[0, 0]) * RESOLUTION
    i, j = np.floor(cell_i).astype(int), np.floor(cell_j).astype(int)
    # pixels near a cell's centre (where two cells meet, either colour may be drawn)
    central = ((np.abs(cell_i - i - 0.5) < 0.3) & (np.abs(cell_j - j - 0.5) < 0.3)
               & (i >= 0) & (i < RESOLUTION) & (j >= 0) & (j < RESOLUTION))
    i, j, central = i.clip(0, RESOLUTION - 1), j.clip(0, RESOLUTION - 1), central.reshape(
        rgb.shape[:2])
    # cells of a boundary (their right or upper neighbour is of another class) are dark
    ids = np.argmax(probs, axis=-1)
    edge = np.zeros(ids.shape, dtype=bool)
    edge[:, :-1] |= ids[:, :-1] != ids[:, 1:]
    edge[:-1, :] |= ids[:-1, :] != ids[1:, :]
    central &= ~edge[i, j].reshape(central.shape)
    expected = colors[i, j, :3].reshape(*rgb.shape[:2], 3) * 255
    match = np.abs(rgb - expected).max(axis=-1) <= 3
    # most show their cell's colour; the others (about 16%) lie under points or the legend
    assert match[central].mean() > 0.75
    pale = (probs.max(axis=-1) < 0.8)[i, j].reshape(match.shape) & central
    assert pale.sum() > 500 and match[pale].mean() > 0.75  # the unsure areas are faded


def test_colour_bar_spans_a_tie_to_certainty(view):
    (bar,) = colorbars(view.fig)
    assert bar.get_ylabel() == "probability of the predicted class"
    assert bar.get_ylim() == pytest.approx((0.25, 1.0))
    (strips,) = bar.images  # one strip per class, from white to its light colour
    _, light = mc.class_colors(4)
    colors = strips.get_array()
    np.testing.assert_allclose(colors[0], np.ones((4, 4)))
    np.testing.assert_allclose(colors[-1], light)


def test_the_default_is_unchanged(lab_data, lab_model):
    X, y = lab_data
    fig = mc.plt_cat_mc(X, y, lab_model, 4, resolution=RESOLUTION)
    (ax,) = panels(fig)
    assert colorbars(fig) == [] and ax.get_title() == "Decision regions"
    ids = ax.images[0].get_array()
    assert ids.shape == (RESOLUTION, RESOLUTION)
    assert np.array_equal(ids, mc.decision_regions(X, lab_model, resolution=RESOLUTION)[2])


@pytest.mark.parametrize("n_classes", [2, 7])
def test_scikit_learn_probabilities_shade_the_regions(n_classes):
    X, y = blobs(n_classes)
    clf = LogisticRegression().fit(X, y)
    fig = mc.plt_cat_mc(X, y, clf, n_classes, resolution=25, confidence=True)
    (ax,) = panels(fig)
    xx0, xx1, _ = mc.decision_regions(X, clf, resolution=25)
    probs = clf.predict_proba(np.column_stack([xx0.ravel(), xx1.ravel()])).reshape(25, 25, -1)
    np.testing.assert_allclose(ax.images[0].get_array(), expected_colors(probs, n_classes),
                               rtol=0, atol=1e-12)


def test_confidence_is_keyword_only(lab_data, lab_model):
    X, y = lab_data
    with pytest.raises(TypeError):
        mc.plt_cat_mc(X, y, lab_model, 4, None, 50, False, True)


def test_probabilities_of_two_scores_and_of_a_hard_classifier():
    X = np.array([[-1.0, 0.0], [1.0, 2.0]])

    def two_scores(A):
        return np.column_stack([np.zeros(len(A)), A[:, 0]])  # class 1 wins where x0 > 0

    xx0, _, ids, probs = mc.decision_regions(X, two_scores, resolution=3, probabilities=True)
    # softmax of (0, x0) by hand: class 1 has probability 1 / (1 + e^-x0)
    np.testing.assert_allclose(probs[..., 1], 1 / (1 + np.exp(-xx0)), rtol=1e-12)
    assert np.array_equal(ids, (xx0 > 0).astype(int))

    class Hard:  # a classifier sure of every answer, giving its probabilities as integers
        classes_ = np.array([0, 1])

        def predict(self, A):
            return (A[:, 0] > 0).astype(int)

        def predict_proba(self, A):
            return np.eye(2, dtype=int)[self.predict(A)].tolist()

    _, _, ids, probs = mc.decision_regions(X, Hard(), resolution=3, probabilities=True)
    assert probs.dtype == float
    assert np.array_equal(probs[..., 1], ids.astype(float))
