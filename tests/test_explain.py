"""describe_* and the sentences built from them, against an independent computation."""

import re

import numpy as np
import pytest

import lab_utils_multiclass_TF as mc


def reference_relu(X, y, W1, b1):
    """Zero classes and peaks, the slow obvious way: loop over units, classes and examples."""
    out = []
    classes = sorted(set(y.tolist()))
    for j in range(W1.shape[1]):
        zero = []
        for c in classes:
            rows = [i for i in range(len(y)) if y[i] == c]
            silent = sum(1 for i in rows if X[i] @ W1[:, j] + b1[j] <= 0)
            if silent > len(rows) / 2:
                zero.append(c)
        peak = max(max(0.0, X[i] @ W1[:, j] + b1[j]) for i in range(len(y)))
        out.append((zero, [c for c in classes if c not in zero], peak))
    return out


def reference_output(A1, y, W2, b2):
    out = []
    classes = sorted(set(y.tolist()))
    scores = [[A1[i] @ W2[:, k] + b2[k] for k in range(W2.shape[1])] for i in range(len(y))]
    for k in range(W2.shape[1]):
        wins, means = [], {}
        for c in classes:
            rows = [i for i in range(len(y)) if y[i] == c]
            won = sum(1 for i in rows if scores[i].index(max(scores[i])) == k)
            if won > len(rows) / 2:
                wins.append(c)
            means[c] = sum(scores[i][k] for i in rows) / len(rows)
        out.append((wins, means))
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
    for d, (zero, active, peak) in zip(described, reference_relu(X, y, W1, b1), strict=True):
        assert list(d.zero_classes) == zero and list(d.active_classes) == active
        assert d.peak == pytest.approx(peak)


@pytest.mark.parametrize(("seed", "units", "n_classes"), CASES)
def test_describe_output_units_matches_a_loop(seed, units, n_classes):
    rng = np.random.default_rng(100 + seed)
    A1 = np.abs(rng.normal(size=(90, units)))
    y = rng.integers(0, n_classes, size=90)
    W2, b2 = rng.normal(size=(units, n_classes)), rng.normal(size=n_classes)
    described = mc.describe_output_units(A1, y, W2, b2)
    for d, (wins, means) in zip(described, reference_output(A1, y, W2, b2), strict=True):
        assert list(d.wins_for) == wins
        assert d.mean_output == pytest.approx(means)


def test_dead_unit_and_always_active_unit():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]])
    y = np.array([0, 0, 1, 1])
    dead, alive = mc.describe_relu_units(X, y, np.zeros((2, 2)), np.array([-1.0, 1.0]))
    assert dead.zero_classes == (0, 1) and dead.active_classes == () and dead.peak == 0
    assert alive.zero_classes == () and alive.active_classes == (0, 1) and alive.peak == 1
    lines = mc.explain_units([dead, alive]).splitlines()
    assert lines[0].startswith("Unit 0 outputs zero for every class")
    assert lines[1].startswith("Unit 1 outputs zero for no class")


def test_exactly_half_is_not_a_majority():
    X = np.array([[-1.0, 0.0], [1.0, 0.0]])
    y = np.array([0, 0])
    (unit,) = mc.describe_relu_units(X, y, np.array([[1.0], [0.0]]), np.array([0.0]))
    assert unit.zero_classes == ()  # one of two examples is silent: not more than half


def test_ties_go_to_the_lower_unit_as_argmax_does():
    A1 = np.ones((4, 2))
    y = np.array([0, 0, 1, 1])
    W2 = np.ones((2, 2))  # both units score the same everywhere
    first, second = mc.describe_output_units(A1, y, W2, np.zeros(2))
    assert first.wins_for == (0, 1) and second.wins_for == ()
    text = mc.explain_units([first, second]).splitlines()
    assert text[0].startswith("Unit 0 has the highest score for classes 0 (blue) and 1 (green)")
    assert text[1].startswith("Unit 1 has the highest score for no class")


def test_relu_sentence_names_unit_zero_classes_and_peak():
    d = mc.ReluUnit(unit=1, zero_classes=(0, 2), active_classes=(1, 3), peak=9.876)
    assert mc.explain_units([d]) == (
        "Unit 1 outputs zero for classes 0 (blue) and 2 (orange) and is active for "
        "classes 1 (green) and 3 (purple) (peak output 9.88).")


def test_confusions_and_summary():
    y_true = np.array([0, 0, 1, 1, 1, 2])
    y_pred = np.array([0, 1, 1, 0, 0, 2])
    assert mc.confusions(y_true, y_pred) == [(1, 0, 2), (0, 1, 1)]
    summary = mc.confusion_summary(y_true, y_pred)
    assert summary.startswith("Training FAILED to separate the classes: 3 of 6")
    assert "class 1 (green) taken for class 0 (blue) (2 examples)" in summary
    assert mc.confusion_summary(y_true, y_true).startswith("Every example is classified")
    assert mc.confusions(y_true, y_true) == []


def test_lab_network_is_explained_consistently(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    relu = mc.describe_relu_units(X, y, W1, b1)
    output = mc.describe_output_units(mc.relu_layer(X, W1, b1), y, W2, b2)
    # a network with 100% accuracy: every output unit wins for its own class only
    assert [d.wins_for for d in output] == [(0,), (1,), (2,), (3,)]
    # and every class has its own on/off pattern over the two layer-1 units
    patterns = {c: tuple(c in d.zero_classes for d in relu) for c in range(4)}
    assert len(set(patterns.values())) == 4
    for line, d in zip(mc.explain_units(relu).splitlines(), relu, strict=True):
        assert re.match(rf"Unit {d.unit} outputs zero for ", line)
        assert f"(peak output {d.peak:.2f})" in line


def test_mostly_silent_unit_is_not_called_dead():
    X = np.array([[-1.0, 0.0], [-2.0, 0.0], [4.0, 0.0], [-1.0, 1.0], [-3.0, 1.0], [-2.0, 1.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    (unit,) = mc.describe_relu_units(X, y, np.array([[1.0], [0.0]]), np.array([0.0]))
    assert unit.active_classes == () and unit.peak == 4.0
    assert mc.explain_units([unit]).startswith(
        "Unit 0 outputs zero for most examples of every class (peak output 4.00)")
