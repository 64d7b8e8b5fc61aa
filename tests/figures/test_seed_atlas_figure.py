"""plt_seed_atlas shows each seed in its place, marks failures without colour, and the
atlas's functions refuse bad input with messages that name the argument."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from support import reference
from support.figure_reader import assert_classes_drawn

import lab_utils_multiclass_TF as mc

SEEDS = list(range(16))


@pytest.fixture(scope="module")
def atlas(lab_data):
    return mc.seed_atlas(*lab_data, SEEDS)


@pytest.fixture(scope="module")
def figure(atlas, lab_data):
    fig = mc.plt_seed_atlas(*lab_data, atlas, 4)
    yield fig
    plt.close(fig)


def accuracy_of(weights, X, y):
    """Training accuracy from the weights, by the tests' reference forward pass."""
    return np.mean(reference.forward(X, *weights).winner == y)


def pixel_centres(image):
    """The mesh points under an image's pixels (r * c, 2), row 0 at the bottom."""
    left, right, bottom, top = image.get_extent()
    rows, columns = image.get_array().shape[:2]
    half0, half1 = (right - left) / columns / 2, (top - bottom) / rows / 2
    xx0, xx1 = np.meshgrid(np.linspace(left + half0, right - half0, columns),
                           np.linspace(bottom + half1, top - half1, rows))
    return np.column_stack([xx0.ravel(), xx1.ravel()])


def test_one_panel_per_seed_most_accurate_first(figure, atlas, lab_data):
    X, y = lab_data
    accuracy = {seed: accuracy_of(atlas[seed].weights, X, y) for seed in SEEDS}
    order = sorted(SEEDS, key=lambda s: (-accuracy[s], s))
    assert len(figure.axes) == len(SEEDS)
    assert [ax.get_title() for ax in figure.axes] == [
        f"seed {s}: {round(100 * accuracy[s])} %" for s in order]
    assert sum(accuracy[s] == 1 for s in SEEDS) == 10  # seeds 0-15: 10 separate every class


def test_failed_panels_are_framed_with_dashes_and_name_their_cause(figure, atlas):
    for ax in figure.axes:
        seed = int(ax.get_title().split()[1].rstrip(":"))
        entry = atlas[seed]
        dashed = {spine.get_linestyle() not in ("-", "solid") for spine in ax.spines.values()}
        if entry.accuracy == 1:
            assert dashed == {False} and ax.get_xlabel() == ""
        else:
            assert dashed == {True}
            assert ax.get_xlabel() == f"FAILED: {entry.cause}" and entry.cause


def test_each_panel_shows_its_seeds_decision_regions(figure, atlas):
    for ax in figure.axes:
        seed = int(ax.get_title().split()[1].rstrip(":"))
        image = ax.images[0]
        expected = reference.forward(pixel_centres(image), *atlas[seed].weights).winner
        shown = np.asarray(image.get_array()).ravel()
        assert np.mean(shown == expected) > 0.999  # ties on a boundary may round either way


def test_every_panel_draws_each_class_in_its_colour_and_marker(figure, lab_data):
    from test_class_styles import MARKERS

    dark, _ = mc.class_colors(4)
    for ax in figure.axes:
        assert_classes_drawn(ax, *lab_data, dark, MARKERS)


def test_percent_never_rounds_a_failure_up_to_100():
    from lab_helpers.atlas_figure import percent

    assert percent(1.0) == "100 %"
    assert percent(0.78) == "78 %"
    assert percent(0.996) == "99.6 %"


def test_the_atlas_prints_how_many_separate_every_class(atlas):
    assert repr(atlas) == "SeedAtlas(16 seeds, 10 separate every class)"


X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [0.0, 2.0]])
Y = np.array([0, 1, 2, 3])
BAD_ATLAS_CALLS = [
    ("no seeds", dict(seeds=[]), ValueError, r"seeds must hold at least one seed; got none"),
    ("one number", dict(seeds=3), TypeError,
     r"seeds must be a sequence of integer seeds, e.g. range\(16\); got int"),
    ("a seed that is not an integer", dict(seeds=[1, 2.5]), TypeError,
     r"seeds must hold integers >= 0; got 2.5"),
    ("a seed as text", dict(seeds=[1, "2"]), TypeError, r"seeds must hold integers >= 0; got '2'"),
    ("a negative seed", dict(seeds=[-1]), ValueError, r"seeds must hold integers >= 0; got -1"),
    ("repeated seeds", dict(seeds=[1, 2, 1, 2, 3]), ValueError,
     r"seeds must not repeat a seed; repeated: \[1, 2\]"),
    ("no epochs", dict(epochs=0), ValueError, r"epochs must be a positive integer; got 0"),
    ("epochs as a float", dict(epochs=2.0), ValueError,
     r"epochs must be a positive integer; got 2.0"),
    ("three features", dict(X=np.ones((4, 3))), ValueError,
     r"X must be an array of shape \(m, 2\); got shape \(4, 3\)"),
    ("labels that are not integers", dict(y=np.array([0, 1, 2, 2.5])), ValueError,
     r"y must hold integer class ids; got non-integer values"),
    ("a label beyond the classes", dict(y=np.array([0, 1, 2, 4])), ValueError,
     r"y holds class id 4, outside classes 0..3"),
    ("labels of another length", dict(y=np.array([0, 1])), ValueError,
     r"X and y must have the same length; got 4 and 2"),
    ("learning rate of 0", dict(learning_rate=0), ValueError,
     r"learning_rate must be a finite number > 0; got 0"),
    ("learning rate as text", dict(learning_rate="0.01"), ValueError,
     r"learning_rate must be a finite number > 0; got '0.01'"),
]


@pytest.mark.parametrize(("what", "change", "error", "message"), BAD_ATLAS_CALLS,
                         ids=[c[0] for c in BAD_ATLAS_CALLS])
def test_seed_atlas_refuses_bad_input(what, change, error, message):
    args = {"X": X, "y": Y, "seeds": [0], **change}
    with pytest.raises(error, match=message):
        mc.seed_atlas(**args)


def test_plt_seed_atlas_refuses_what_is_not_an_atlas():
    with pytest.raises(TypeError, match=r"atlas must be a non-empty atlas that seed_atlas "
                                        r"returned; got dict"):
        mc.plt_seed_atlas(X, Y, {}, 4)
