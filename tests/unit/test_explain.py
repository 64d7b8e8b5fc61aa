"""describe_* and the sentences built from them, against an independent computation."""

import re

import numpy as np
import pytest
from support import reference
from support.sentences import check_output_line, check_relu_line

import lab_utils_multiclass_TF as mc


def reference_relu(X, y, W1, b1):
    """Zero counts, zero classes and peaks, the slow obvious way: loop over units, classes
    and examples."""
    out = []
    classes = sorted(set(y.tolist()))
    Z = reference.dense(X, W1, b1)
    for j in range(W1.shape[1]):
        zero, counts = [], {}
        for c in classes:
            rows = [i for i in range(len(y)) if y[i] == c]
            counts[c] = sum(1 for i in rows if Z[i, j] <= 0)
            if counts[c] > len(rows) / 2:
                zero.append(c)
        peak = max(max(0.0, Z[i, j]) for i in range(len(y)))
        out.append((zero, [c for c in classes if c not in zero], peak, counts))
    return out


def reference_output(A1, y, W2, b2):
    """Wins, win counts, smallest leads and mean scores per unit, by loops."""
    out = []
    classes = sorted(set(y.tolist()))
    scores = reference.dense(A1, W2, b2).tolist()
    for k in range(W2.shape[1]):
        wins, means, counts, leads = [], {}, {}, {}
        for c in classes:
            rows = [i for i in range(len(y)) if y[i] == c]
            won = [i for i in rows if scores[i].index(max(scores[i])) == k]
            counts[c] = len(won)
            if won:
                leads[c] = min(scores[i][k] - sorted(scores[i])[-2] for i in won)
            if len(won) > len(rows) / 2:
                wins.append(c)
            means[c] = sum(scores[i][k] for i in rows) / len(rows)
        out.append((wins, means, counts, leads))
    return out


CASES = [(seed, units, classes) for seed, (units, classes) in
         enumerate([(2, 2), (2, 4), (3, 3), (4, 5), (5, 6), (8, 6), (6, 2), (2, 6)])]


@pytest.mark.parametrize(("seed", "units", "n_classes"), CASES)
def test_describe_relu_units_matches_a_loop(seed, units, n_classes):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(80, 2)) * 3
    y = rng.integers(0, n_classes, size=80)
    W1, b1 = rng.normal(size=(2, units)), rng.normal(size=units)
    described = mc.describe_relu_units(X, y, W1, b1)
    assert [d.unit for d in described] == list(range(units))
    for d, (zero, active, peak, counts) in zip(described, reference_relu(X, y, W1, b1),
                                               strict=True):
        assert list(d.zero_classes) == zero and list(d.active_classes) == active
        assert d.peak == pytest.approx(peak)
        assert d.zero_counts == counts
        assert d.sizes == {c: int(np.sum(y == c)) for c in counts}
    for j, line in enumerate(mc.explain_units(described).splitlines()):
        check_relu_line(line, j, X, y, W1, b1)


@pytest.mark.parametrize(("seed", "units", "n_classes"), CASES)
def test_describe_output_units_matches_a_loop(seed, units, n_classes):
    rng = np.random.default_rng(100 + seed)
    A1 = np.abs(rng.normal(size=(90, units)))
    y = rng.integers(0, n_classes, size=90)
    W2, b2 = rng.normal(size=(units, n_classes)), rng.normal(size=n_classes)
    described = mc.describe_output_units(A1, y, W2, b2)
    for d, (wins, means, counts, leads) in zip(described, reference_output(A1, y, W2, b2),
                                               strict=True):
        assert list(d.wins_for) == wins
        assert d.mean_output == pytest.approx(means)
        assert d.win_counts == counts
        assert d.least_lead == pytest.approx(leads)
    for k, line in enumerate(mc.explain_units(described).splitlines()):
        check_output_line(line, k, A1, y, W2, b2)


def test_dead_unit_and_always_active_unit():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]])
    y = np.array([0, 0, 1, 1])
    dead, alive = mc.describe_relu_units(X, y, np.zeros((2, 2)), np.array([-1.0, 1.0]))
    assert dead.zero_classes == (0, 1) and dead.active_classes == () and dead.peak == 0
    assert alive.zero_classes == () and alive.active_classes == (0, 1) and alive.peak == 1
    assert mc.explain_units([dead, alive]).splitlines() == [
        "Unit 0 outputs zero for every training example: a dead unit that passes nothing on.",
        "Unit 1 is active for most examples of every class: class 0 (blue, 2 of 2) and "
        "class 1 (green, 2 of 2) (largest output on a training example: 1.00).",
    ]


def test_exactly_half_is_not_a_majority():
    X = np.array([[-1.0, 0.0], [1.0, 0.0]])
    y = np.array([0, 0])
    (unit,) = mc.describe_relu_units(X, y, np.array([[1.0], [0.0]]), np.array([0.0]))
    assert unit.zero_classes == ()  # one of two examples is silent: not more than half
    assert unit.zero_counts == {0: 1}
    assert mc.explain_units([unit]) == ("Unit 0 is active for most examples of every class: "
                                        "class 0 (blue, 1 of 2) (largest output on a training "
                                        "example: 1.00).")


def test_ties_go_to_the_lower_unit_as_argmax_does():
    A1 = np.ones((4, 2))
    y = np.array([0, 0, 1, 1])
    W2 = np.ones((2, 2))  # both units score the same everywhere
    first, second = mc.describe_output_units(A1, y, W2, np.zeros(2))
    assert first.wins_for == (0, 1) and second.wins_for == ()
    assert first.least_lead == {0: 0.0, 1: 0.0}
    assert mc.explain_units([first, second]).splitlines() == [
        "Unit 0 has the highest score for 2 of 2 examples of class 0 (blue), by at least "
        "0.00, and for 2 of 2 examples of class 1 (green), by at least 0.00.",
        "Unit 1 never has the highest score on a training example.",
    ]


def test_relu_sentence_counts_every_class_it_names():
    d = mc.ReluUnit(unit=1, zero_classes=(0, 2), active_classes=(1, 3), peak=9.876,
                    zero_counts={0: 25, 1: 2, 2: 22, 3: 0}, sizes={0: 25, 1: 25, 2: 25, 3: 25})
    assert mc.explain_units([d]) == (
        "Unit 1 outputs zero for class 0 (blue, 25 of 25) and class 2 (orange, 22 of 25); it "
        "is active for class 1 (green, 23 of 25) and class 3 (purple, 25 of 25) (largest output "
        "on a training example: 9.88).")


def test_output_sentence_by_hand():
    # scores of 3 examples (rows) for 3 units: unit 0 wins rows 0 and 2 (class 0 and 1)
    A1 = np.eye(3)
    W2 = np.array([[5.0, 4.0, 1.0], [0.0, 3.0, 2.0], [2.5, 0.0, 2.0]])
    y = np.array([0, 0, 1])
    unit0, unit1, unit2 = mc.describe_output_units(A1, y, W2, np.zeros(3))
    assert unit0.win_counts == {0: 1, 1: 1} and unit1.win_counts == {0: 1, 1: 0}
    assert unit0.least_lead == {0: 1.0, 1: 0.5}  # 5 - 4; 2.5 - 2
    assert mc.explain_units([unit0, unit1, unit2]).splitlines() == [
        "Unit 0 has the highest score for 1 of 2 examples of class 0 (blue), by at least 1.00, "
        "and for 1 of 1 examples of class 1 (green), by at least 0.50.",
        "Unit 1 has the highest score for 1 of 2 examples of class 0 (blue), by at least 1.00.",
        "Unit 2 never has the highest score on a training example.",
    ]


def test_confusions_and_summary():
    y_true = np.array([0, 0, 1, 1, 1, 2])
    y_pred = np.array([0, 1, 1, 0, 0, 2])
    assert mc.confusions(y_true, y_pred) == [(1, 0, 2), (0, 1, 1)]
    summary = mc.confusion_summary(y_true, y_pred)
    assert summary == ("Training FAILED to separate the classes: 3 of 6 examples are "
                       "misclassified: class 1 (green) taken for class 0 (blue) (2 examples); "
                       "class 0 (blue) taken for class 1 (green) (1 example).")
    assert mc.confusion_summary([0, 1, 1], [0, 0, 1]) == (
        "Training FAILED to separate the classes: 1 of 3 examples is misclassified: "
        "class 1 (green) taken for class 0 (blue) (1 example).")
    assert mc.confusion_summary(y_true, y_true) == (
        "Every example is classified correctly: the network separates the classes.")
    assert mc.confusions(y_true, y_true) == []
    # equal counts: by true class, then by predicted class
    assert mc.confusions([0, 1, 1, 2, 2], [2, 0, 2, 1, 0]) == [(0, 2, 1), (1, 0, 1), (1, 2, 1),
                                                               (2, 0, 1), (2, 1, 1)]


def test_a_single_output_unit_wins_everywhere_by_no_measurable_lead():
    A1 = np.array([[1.0], [2.0], [3.0]])
    (unit,) = mc.describe_output_units(A1, [0, 0, 1], np.array([[2.0]]), np.array([-1.0]))
    assert unit.wins_for == (0, 1) and unit.win_counts == {0: 2, 1: 1}
    assert unit.least_lead == {0: np.inf, 1: np.inf}
    assert unit.mean_output == {0: 2.0, 1: 5.0}  # (1 + 3) / 2 and 5


def test_three_classes_are_listed_with_commas_and_a_final_and():
    X = np.array([[-1.0, 0.0], [-2.0, 0.0], [-3.0, 0.0], [1.0, 0.0]])
    (unit,) = mc.describe_relu_units(X, [0, 1, 2, 3], np.array([[1.0], [0.0]]), np.array([0.0]))
    assert mc.explain_units([unit]) == (
        "Unit 0 outputs zero for class 0 (blue, 1 of 1), class 1 (green, 1 of 1) and class 2 "
        "(orange, 1 of 1); it is active for class 3 (purple, 1 of 1) (largest output on a "
        "training example: 1.00).")


def test_lab_network_is_explained_consistently(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    relu = mc.describe_relu_units(X, y, W1, b1)
    output = mc.describe_output_units(mc.relu_layer(X, W1, b1), y, W2, b2)
    # a network with 100% accuracy: every output unit wins for its own class only
    assert [d.wins_for for d in output] == [(0,), (1,), (2,), (3,)]
    assert [d.win_counts for d in output] == [{c: 25 * (c == k) for c in range(4)}
                                              for k in range(4)]
    # and every class has its own on/off pattern over the two layer-1 units
    patterns = {c: tuple(c in d.zero_classes for d in relu) for c in range(4)}
    assert len(set(patterns.values())) == 4
    for line, d in zip(mc.explain_units(relu).splitlines(), relu, strict=True):
        assert re.match(rf"Unit {d.unit} outputs zero for ", line)
        assert f"(largest output on a training example: {d.peak:.2f})" in line


def test_mostly_silent_unit_is_not_called_dead():
    X = np.array([[-1.0, 0.0], [-2.0, 0.0], [4.0, 0.0], [-1.0, 1.0], [-3.0, 1.0], [-2.0, 1.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    (unit,) = mc.describe_relu_units(X, y, np.array([[1.0], [0.0]]), np.array([0.0]))
    assert unit.active_classes == () and unit.peak == 4.0
    assert mc.explain_units([unit]) == (
        "Unit 0 outputs zero for most examples of every class: class 0 (blue, 2 of 3) and "
        "class 1 (green, 3 of 3) (largest output on a training example: 4.00).")


def test_an_example_exactly_on_the_zero_line_outputs_zero():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0]])  # z = x0: 0, 0 and 1
    y = np.array([0, 0, 0])
    (unit,) = mc.describe_relu_units(X, y, np.array([[1.0], [0.0]]), np.array([0.0]))
    assert unit.zero_counts == {0: 2} and unit.zero_classes == (0,)
