"""diagnose_training and coinciding_examples against facts worked out by loops
(tests/support/diagnosis_truth.py), on networks made by hand and at random."""

from collections import Counter

import numpy as np
import pytest
from support.diagnosis_truth import check_diagnosis, truth

import lab_utils_multiclass_TF as mc

# Unit 0 is dead for every example (its z is -x0 - 10 with x0 >= 0); unit 1 is x1. Class 0 and
# class 1 both have examples with x1 <= 0 (layer 2's (0, 0)); classes 1 and 2 share x1 = 2.8.
X_HAND = np.array([[0, -1], [1, -2], [2, -1], [0, 2.8], [1, 3], [2, 2.5], [0, 6], [3, 7]],
                  dtype=float)
Y_HAND = np.array([0, 0, 1, 1, 2, 2, 3, 3])
W1_HAND = np.array([[-1.0, 0.0], [0.0, 1.0]])
B1_HAND = np.array([-10.0, 0.0])
W2_HAND = np.array([[0.0, 0.0, 0.0, 0.0], [-1.0, 0.0, 1.0, 2.0]])
B2_HAND = np.array([1.0, 0.5, -1.5, -8.0])
HAND = [W1_HAND, B1_HAND, W2_HAND, B2_HAND]


def check_facts(d, X, y, weights, loss=None):
    facts = truth(X.tolist(), y.tolist(), *(w.tolist() for w in weights))
    assert d.examples == len(y) and d.units == len(weights[1])
    assert d.accuracy == facts["right"] / len(y)
    assert d.wrong == sum(facts["wrong"].values())
    assert {(t, p): n for t, p, n in d.confusions} == facts["wrong"]
    assert list(d.dead_units) == facts["dead"]
    assert d.at_origin == facts["origin"]
    overlaps = {(o.unit, *o.classes): (*o.counts, o.low, o.high) for o in d.axis_overlaps}
    assert overlaps.keys() == facts["overlaps"].keys()
    for key, value in overlaps.items():
        assert value == pytest.approx(facts["overlaps"][key])
    check_diagnosis(d.summary.splitlines(), facts, len(y), loss)


def test_a_hand_made_failure_names_each_cause():
    d = mc.diagnose_training(X_HAND, Y_HAND, HAND)
    check_facts(d, X_HAND, Y_HAND, HAND)
    assert d.dead_units == (0,)
    assert d.at_origin == {0: 2, 1: 1}
    assert d.shared_origin == (0, 1)
    assert [(o.unit, o.classes) for o in d.axis_overlaps] == [(1, (1, 2))]
    assert d.loss_start is None and d.loss_fall is None and not d.still_falling


@pytest.mark.parametrize("seed", range(12))
def test_random_networks_on_the_lab_data(seed, lab_data):
    X, y = lab_data
    rng = np.random.default_rng(seed)
    weights = [rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=(2, 4)),
               rng.normal(size=4)]
    loss = np.sort(rng.uniform(0.1, 1.5, size=rng.integers(2, 60)))[::-1]
    d = mc.diagnose_training(X, y, weights, loss)
    check_facts(d, X, y, weights, loss.tolist())


def test_the_lab_network_succeeds(lab_data, lab_weights):
    X, y = lab_data
    d = mc.diagnose_training(X, y, list(lab_weights), [1.0, 0.5])
    check_facts(d, X, y, lab_weights, [1.0, 0.5])
    assert d.accuracy == 1.0 and d.summary.count("\n") == 1


def test_a_keras_model_gives_what_its_weights_give(lab_data, lab_model):
    X, y = lab_data
    assert mc.diagnose_training(X, y, lab_model) == \
        mc.diagnose_training(X, y, lab_model.get_weights())


@pytest.mark.parametrize(("loss", "window", "start", "falling"), [
    ([2.0, 1.0], 1, 2.0, True),
    ([5.0] * 10 + [1.0, 0.996], 1, 1.0, False),  # 0.4 % lower: below min_fall
    ([5.0] * 9 + [1.0, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.9], 2, 0.92,
     True),
    ([1.0, 1.2], 1, 1.0, False),  # rising
])
def test_the_last_tenth_of_the_loss(loss, window, start, falling):
    d = mc.diagnose_training(X_HAND, Y_HAND, HAND, loss)
    assert (d.loss_window, d.loss_start, d.loss_end, d.still_falling) == \
        (window, pytest.approx(start), pytest.approx(loss[-1]), falling)
    assert d.loss_fall == pytest.approx((start - loss[-1]) / start)
    check_diagnosis(d.summary.splitlines(), truth(X_HAND.tolist(), Y_HAND.tolist(),
                                                  *(w.tolist() for w in HAND)), 8, loss)


def test_min_fall_sets_the_threshold():
    loss = [1.0, 0.75]  # 25 % lower, exactly
    assert mc.diagnose_training(X_HAND, Y_HAND, HAND, loss, min_fall=0.25).still_falling
    assert not mc.diagnose_training(X_HAND, Y_HAND, HAND, loss, min_fall=0.26).still_falling


def test_coinciding_examples_are_counted_per_class_and_spot():
    rng = np.random.default_rng(3)
    A = rng.integers(0, 3, size=(60, 2)).astype(float)
    y = rng.integers(0, 3, size=60)
    positions, classes, counts = mc.coinciding_examples(A, y)
    expected = {key: n for key, n in Counter(
        (float(a[0]), float(a[1]), int(c)) for a, c in zip(A, y, strict=True)).items() if n >= 2}
    got = {(float(p[0]), float(p[1]), int(c)): int(n)
           for p, c, n in zip(positions, classes, counts, strict=True)}
    assert got == expected
    assert positions.shape == (len(expected), 2) and classes.dtype.kind == "i"


def test_no_coinciding_examples():
    positions, classes, counts = mc.coinciding_examples([[0.0, 0.0], [1.0, 0.0]], [0, 0])
    assert positions.shape == (0, 2) and classes.size == 0 and counts.size == 0


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"loss": [1.0]}, ValueError, "loss must hold the loss of at least 2 epochs; got 1"),
    ({"loss": [[1.0, 2.0]]}, ValueError, "loss must be an array of shape 1-D"),
    ({"loss": [1.0, np.nan]}, ValueError, "loss must hold finite numbers"),
    ({"min_fall": -0.1}, ValueError, "min_fall must be a finite number >= 0; got -0.1"),
    ({"model": [W1_HAND, B1_HAND]}, ValueError, "model must have at least 2 layers; got 1"),
    ({"model": "net"}, TypeError, "model must be a Keras model of Dense layers"),
    ({"X": X_HAND[:, :1]}, ValueError,
     "model must take 1 inputs to fit X; its first layer takes 2"),
    ({"y": Y_HAND[:5]}, ValueError, "X and y must have the same length; got 8 and 5"),
])
def test_bad_input_is_named(kwargs, error, message):
    args = {"X": X_HAND, "y": Y_HAND, "model": HAND} | kwargs
    with pytest.raises(error, match=message.replace("(", r"\(").replace("[", r"\[")):
        mc.diagnose_training(**args)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        mc.diagnose_training(X_HAND, Y_HAND, HAND, None, 0.1)


def test_a_falling_loss_promises_no_more_epochs_when_a_unit_is_dead():
    loss = [1.0, 0.9, 0.8]  # still falling
    d = mc.diagnose_training(X_HAND, Y_HAND, HAND, loss)
    assert d.still_falling and d.dead_units == (0,)
    last = d.summary.splitlines()[-1]
    assert last.startswith("The loss still fell over the last 1 epoch (from 0.9000 to 0.8000, ")
    assert "more epochs cannot separate what the dead unit merges" in last
    assert "may help" not in d.summary
    check_facts(d, X_HAND, Y_HAND, HAND, loss)


def test_a_falling_loss_with_classes_at_the_origin_but_no_dead_unit():
    # unit 0 now fires for one more example (x0 = 11 > 10): no unit is dead, and classes 0
    # and 1 still meet at layer 2's (0, 0)
    X = np.vstack([X_HAND, [[11.0, -1.0]]])
    y = np.append(Y_HAND, 3)
    weights = [W1_HAND * [[-1.0], [1.0]], B1_HAND, W2_HAND, B2_HAND]
    loss = [1.0, 0.9, 0.8]
    d = mc.diagnose_training(X, y, weights, loss)
    assert d.dead_units == () and d.shared_origin == (0, 1) and d.still_falling
    assert "may help" not in d.summary and "send layer 1 no gradient" in d.summary
    check_facts(d, X, y, weights, loss)
