"""Bad input gets a clear error that names the argument, what was expected and what was got."""

import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.linear_model import LinearRegression
from support.reference import lab_scores

import lab_utils_multiclass_TF as mc
from lab_helpers.compute import plane_limits

X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [3.0, 1.0]])
Y = np.array([0, 1, 2, 3])
W1 = np.ones((2, 2))
B1 = np.zeros(2)
W2 = np.ones((2, 4))
B2 = np.zeros(4)
scores = lab_scores(W1, B1, W2, B2)


CASES = [
    ("X not (m, 2)", lambda: mc.plt_mc(np.ones((4, 3)), Y, 4),
     ValueError, r"X_train must be an array of shape \(m, 2\); got shape \(4, 3\)"),
    ("X 1-D", lambda: mc.plt_layer_relu(np.ones(4), Y, W1, B1, 4),
     ValueError, r"X must be an array of shape \(m, 2\); got shape \(4,\)"),
    ("X not numeric", lambda: mc.plt_mc([["a", "b"]], [0], 4),
     TypeError, r"X_train must be a numeric array; got list \(could not convert string to "
                r"float: 'a'\)"),
    ("W1 rows", lambda: mc.plt_layer_relu(X, Y, np.ones((3, 2)), B1, 4),
     ValueError, r"W1 must have shape \(2, units\) to fit X; got shape \(3, 2\)"),
    ("b1 length", lambda: mc.plt_layer_relu(X, Y, W1, np.zeros(3), 4),
     ValueError, r"b1 must have shape \(2,\) to fit W1 of shape \(2, 2\); got \(3,\)"),
    ("too many units", lambda: mc.plt_layer_relu(X, Y, np.ones((2, 9)), np.zeros(9), 4),
     ValueError, r"W1 must have 1 to 8 units \(columns\); got 9"),
    ("X and y lengths", lambda: mc.plt_mc(X, Y[:3], 4),
     ValueError, r"X_train and y_train must have the same length; got 4 and 3"),
    ("y shape", lambda: mc.plt_mc(X, np.zeros((4, 2)), 4),
     ValueError, r"y_train must have shape \(m,\) or \(m, 1\); got shape \(4, 2\)"),
    ("NaN in X", lambda: mc.plt_cat_mc(np.where(X == 1, np.nan, X), Y, scores, 4),
     ValueError, r"X_train must hold finite numbers; got 3 NaN or inf value\(s\)"),
    ("inf in W", lambda: mc.plt_output_layer_linear(X, Y, np.full((2, 4), np.inf), B2, 4),
     ValueError, r"W must hold finite numbers; got 8 NaN or inf value\(s\)"),
    ("empty X", lambda: mc.plt_mc(np.empty((0, 2)), np.empty(0), 4),
     ValueError, r"X_train must not be empty; got shape \(0, 2\)"),
    ("class id outside", lambda: mc.plt_mc(X, np.array([0, 1, 2, 4]), 4),
     ValueError, r"y_train holds class id 4, outside classes 0..3"),
    ("non-integer labels", lambda: mc.plt_mc(X, np.array([0, 1, 2, 2.5]), 4),
     ValueError, r"y_train must hold integer class ids; got non-integer values"),
    ("classes not a count", lambda: mc.plt_mc(X, Y, "four"),
     TypeError, r"classes must be the number of classes or the ids 0..k-1; got 'four'"),
    ("classes too many", lambda: mc.plt_mc(X, Y, 11),
     ValueError, r"classes must be between 1 and 10; got 11"),
    ("model that is no model", lambda: mc.plt_cat_mc(X, Y, "model", 4),
     TypeError, r"model must be a Keras model, a scikit-learn classifier or a callable; got str"),
    ("a regressor is no classifier",
     lambda: mc.plt_cat_mc(X, Y, LinearRegression().fit(X, Y), 4),
     TypeError, r"model must be a Keras model, a scikit-learn classifier or a callable; got "
                r"LinearRegression"),
    ("model that cannot predict", lambda: mc.plt_cat_mc(X, Y, lambda A: A @ np.ones((3, 4)), 4),
     ValueError, r"model could not predict on an array of shape \(40000, 2\) \(for one "
                 r"point at a time: pointwise=True\): ValueError: .*"),
    ("model output of wrong length", lambda: mc.plt_cat_mc(X, Y, lambda A: np.zeros(3), 4),
     ValueError, r"model must return scores \(N, k\) or class ids \(N,\) for N=40000; got "
                 r"shape \(3,\) \(for one point at a time: pointwise=True\)"),
    ("model predicts a class outside", lambda: mc.plt_cat_mc(X, Y, lambda A: np.full(len(A), 7),
                                                             4),
     ValueError, r"model predicted class id 7, outside classes 0..3"),
    ("legacy predict gives a class outside",
     lambda: mc.plot_cat_decision_boundary_mc(Figure().subplots(), X,
                                              lambda A: np.full(len(A), 7), list("abcd")),
     ValueError, r"predict predicted class id 7, outside classes 0..3"),
    ("range reversed", lambda: mc.plt_output_layer_linear(X, Y, W2, B2, 4, x0_rng=(3, 1)),
     ValueError, r"x0_rng must be \(low, high\) with low < high; got \(3, 1\)"),
    ("resolution", lambda: mc.decision_regions(X, scores, resolution=1),
     ValueError, r"resolution must be an integer >= 2; got 1"),
    ("describe: W1 does not fit", lambda: mc.describe_relu_units(X, Y, np.ones((3, 2)), B1),
     ValueError, r"W1 must have shape \(2, units\) to fit X; got shape \(3, 2\)"),
    ("describe: lengths", lambda: mc.describe_output_units(X, Y[:2], W2, B2),
     ValueError, r"A1 and y must have the same length; got 4 and 2"),
    ("explain: wrong records", lambda: mc.explain_units([1, 2]),
     TypeError, r"descriptions must hold ReluUnit or OutputUnit; got int"),
    ("PrintLoss every", lambda: mc.PrintLoss(every=0),
     ValueError, r"every must be a positive integer; got 0"),
    ("one point at a time, of different sizes",
     lambda: mc.decision_regions(X, lambda A: np.zeros(1 + (A[0, 0] > 1)), resolution=2,
                                 pointwise=True),
     ValueError, r"model returned outputs of different sizes for different points"),
    ("one point at a time, no value", lambda: mc.plt_prob_z(None, lambda A: np.zeros(2),
                                                          resolution=2, pointwise=True),
     ValueError, r"fwb must return one value per point, shape \(4,\); got shape \(4, 2\)"),
    ("no scores for probabilities",
     lambda: mc.decision_regions(X, lambda A: np.zeros(len(A), int), resolution=2,
                                 probabilities=True),
     ValueError, r"model must return a score per class \(N, k\) to give probabilities; "
                 r"got shape \(4,\)"),
    ("one score for probabilities",
     lambda: mc.decision_regions(X, lambda A: np.zeros((len(A), 1)), resolution=2,
                                 probabilities=True),
     ValueError, r"model must return a score per class \(N, k\) to give probabilities; "
                 r"got shape \(4, 1\)"),
    ("one score per point", lambda: mc.predict_class_ids(lambda A: np.full((len(A), 1), 0.3), X),
     ValueError, r"model returned one score per point \(shape \(N, 1\)\); return a score per "
                 r"class \(N, k\) or class ids \(N,\) or \(N, 1\)"),
    ("class ids not integers", lambda: mc.predict_class_ids(lambda A: np.full(len(A), 0.5), X),
     ValueError, r"model returned non-integer class ids"),
    ("ids of the wrong length, no pointwise option",
     lambda: mc.predict_class_ids(lambda A: np.zeros(3, int), X),
     ValueError, r"model must return scores \(N, k\) or class ids \(N,\) for N=4; got shape "
                 r"\(3,\)"),
    ("unit maps: b length", lambda: mc.unit_maps(W1, np.zeros(3), (0, 1), (0, 1)),
     ValueError, r"b must have shape \(2,\) to fit W of shape \(2, 2\); got \(3,\)"),
    ("unit maps: too many units", lambda: mc.unit_maps(np.ones((2, 11)), np.zeros(11), (0, 1),
                                                       (0, 1)),
     ValueError, r"W must have 1 to 10 units \(columns\); got 11"),
    ("unit maps: resolution", lambda: mc.unit_maps(W1, B1, (0, 1), (0, 1), resolution=1),
     ValueError, r"resolution must be an integer >= 2; got 1"),
    ("plane limits: A", lambda: plane_limits(np.ones((2, 3))),
     ValueError, r"A must be an array of shape \(m, 2\); got shape \(2, 3\)"),
    ("plane limits: margin", lambda: plane_limits(np.ones((2, 2)), margin=-1),
     ValueError, r"margin must be a finite number >= 0; got -1"),
    ("weights not a list", lambda: mc.forward_trace("W1 b1 W2 b2", (0, 0)),
     TypeError, r"model must be a Keras model of Dense layers or a list of weights "
                r"\[W1, b1, W2, b2, ...\]; got str"),
    ("weights of odd length", lambda: mc.forward_trace([W1, B1, W2], (0, 0)),
     TypeError, r"model must be a list \[W1, b1, W2, b2, ...\] of kernels and biases; got a "
                r"list of 3 item\(s\)"),
]


@pytest.mark.parametrize(("case", "call", "error", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_a_clear_error(case, call, error, message):
    with pytest.raises(error) as raised:
        call()
    assert re.fullmatch(message, str(raised.value)), str(raised.value)  # the whole message
    assert plt.get_fignums() == [], "a figure was opened before the input was checked"


def test_correct_input_gives_no_warning(lab_data, lab_weights):
    X_lab, y = lab_data
    W1_lab, b1, W2_lab, b2 = lab_weights
    A1 = mc.relu_layer(X_lab, W1_lab, b1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figures = [mc.plt_mc(X_lab, y, 4), mc.plt_layer_relu(X_lab, y, W1_lab, b1, 4),
                   mc.plt_output_layer_linear(A1, y, W2_lab, b2, 4)]
        for fig in figures:
            fig.canvas.draw()
    assert [str(w.message) for w in caught] == []
    assert [len(fig.axes) for fig in figures] == [1, 4, 8]  # panels and colour bars drawn
