"""forward_trace: one point's way through the network, checked against Keras itself."""

import keras
import numpy as np
import pytest
import tensorflow as tf
from support.keras_models import random_network

import lab_utils_multiclass_TF as mc

RNG = np.random.default_rng(14)


def keras_numbers(model, x):
    """What Keras computes for points x (m, 2): layer 1's z and a, the model's output."""
    hidden = model.layers[0]
    linear = keras.layers.Dense(hidden.units)  # layer 1 without its ReLU: z
    linear.build((None, 2))
    linear.set_weights(hidden.get_weights())
    x32 = x.astype(np.float32)
    return (np.asarray(linear(x32)), np.asarray(hidden(x32)), np.asarray(model(x32)))


@pytest.mark.parametrize("units", [1, 2, 3, 4])
@pytest.mark.parametrize("classes", [2, 3, 4, 5, 6])
def test_equals_keras_for_random_points_and_networks(units, classes):
    model = random_network(units, classes, seed=10 * units + classes)
    x = RNG.uniform(-4, 4, size=(50, 2))
    trace = mc.forward_trace(model, x)
    z1, a1, scores = keras_numbers(model, x)
    np.testing.assert_allclose(trace.x, x)
    np.testing.assert_allclose(trace.z1, z1, rtol=0, atol=1e-5)
    np.testing.assert_allclose(trace.a1, a1, rtol=0, atol=1e-5)
    np.testing.assert_allclose(trace.scores, scores, rtol=0, atol=1e-5)
    np.testing.assert_allclose(trace.probabilities, np.asarray(tf.nn.softmax(scores)),
                               rtol=0, atol=1e-5)
    assert np.array_equal(trace.predicted, np.argmax(scores, axis=1))
    assert trace.z1.shape == trace.a1.shape == (50, units)
    assert trace.scores.shape == trace.probabilities.shape == (50, classes)
    # the same numbers from the weights alone
    again = mc.forward_trace(model.get_weights(), x)
    np.testing.assert_array_equal(again.scores, trace.scores)


def test_a_softmax_output_layer_gives_its_logits_as_scores():
    model = random_network(3, 4, output="softmax", seed=3)
    x = RNG.uniform(-4, 4, size=(20, 2))
    trace = mc.forward_trace(model, x)
    np.testing.assert_allclose(trace.probabilities, np.asarray(model(x.astype(np.float32))),
                               rtol=0, atol=1e-5)
    _, a1, _ = keras_numbers(model, x)
    W2, b2 = model.layers[1].get_weights()
    np.testing.assert_allclose(trace.scores, a1 @ W2 + b2, rtol=0, atol=1e-5)


@pytest.mark.parametrize("point", [(-0.5, 0.0), [-0.5, 0.0], np.array([[-0.5, 0.0]]),
                                   np.array([-0.5, 0])])
def test_one_point_in_any_form_gives_one_row(lab_model, point):
    trace = mc.forward_trace(lab_model, point)
    assert len(trace) == 1 and trace.x.tolist() == [[-0.5, 0.0]]
    _, _, scores = keras_numbers(lab_model, np.array([[-0.5, 0.0]]))
    np.testing.assert_allclose(trace.scores, scores, rtol=0, atol=1e-5)


def test_the_lab_network_predicts_every_training_example(lab_model, lab_data):
    X, y = lab_data
    trace = mc.forward_trace(lab_model, X)
    assert np.array_equal(trace.predicted, y)
    assert np.all(trace.a1 >= 0) and np.all(trace.a1[trace.z1 <= 0] == 0)
    np.testing.assert_allclose(trace.probabilities.sum(axis=1), 1.0)


def test_print_shows_each_step_of_each_point():
    W1, b1 = np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([0.1, -0.2])
    W2, b2 = np.array([[0.0, 1.0, 2.0], [0.0, 1.0, 2.0]]), np.array([0.0, 0.0, -0.001])
    text = str(mc.forward_trace([W1, b1, W2, b2], [[-0.5, 0.0], [1.0, 1.0]]))
    first, second = text.split("\n\n")
    # by hand: z = (-0.5*1 + 0.1, -0.5*-1 - 0.2) = (-0.4, 0.3), a = (0, 0.3),
    # scores = (0, 0.3, 0.6 - 0.001), softmax of those
    p = np.exp([0, 0.3, 0.599]) / np.exp([0, 0.3, 0.599]).sum()
    assert first.splitlines() == [
        "point (x0, x1)              (-0.50, 0.00)",
        "layer 1   z = x W1 + b1     (-0.40, 0.30)",
        "          a, its outputs    (0.00, 0.30)",
        "layer 2   scores            (0.00, 0.30, 0.60)",
        f"softmax   probabilities     ({p[0]:.2f}, {p[1]:.2f}, {p[2]:.2f})",
        f"predicted class 2, probability {p[2]:.2f}",
    ]
    assert second.splitlines()[0] == "point (x0, x1)              (1.00, 1.00)"


def test_tiny_negative_numbers_print_as_zero():
    W1, b1 = np.eye(2), np.array([-0.001, 0.0])
    text = str(mc.forward_trace([W1, b1, np.eye(2), np.zeros(2)], (0.0, 0.0)))
    assert "-0.00" not in text


def conv_model():
    return keras.Sequential([keras.Input((2, 1)), keras.layers.Conv1D(2, 1),
                             keras.layers.Flatten(), keras.layers.Dense(4)])


WEIGHTS = [np.ones((2, 2)), np.zeros(2), np.ones((2, 4)), np.zeros(4)]
BAD = [
    ("three numbers", lambda: mc.forward_trace(WEIGHTS, [1.0, 2.0, 3.0]), ValueError,
     r"x must be a point \(x0, x1\) or an array of shape \(m, 2\); got shape \(3,\)"),
    ("a number", lambda: mc.forward_trace(WEIGHTS, 1.0), ValueError,
     r"x must be a point \(x0, x1\) or an array of shape \(m, 2\); got shape \(\)"),
    ("NaN", lambda: mc.forward_trace(WEIGHTS, [np.nan, 0.0]), ValueError,
     r"x must hold finite numbers; got 1 NaN or inf value\(s\)"),
    ("inf", lambda: mc.forward_trace(WEIGHTS, [[0.0, 1.0], [np.inf, 0.0]]), ValueError,
     r"x must hold finite numbers; got 1 NaN or inf value\(s\)"),
    ("text", lambda: mc.forward_trace(WEIGHTS, ["a", "b"]), TypeError,
     r"x must be a numeric array; got list"),
    ("no point", lambda: mc.forward_trace(WEIGHTS, np.empty((0, 2))), ValueError,
     r"x must not be empty; got shape \(0, 2\)"),
    ("not Dense layers", lambda: mc.forward_trace(conv_model(), (0.0, 0.0)), TypeError,
     r"model must be made of Dense layers; layer '\w+' is a Conv1D"),
    ("not a network", lambda: mc.forward_trace("model", (0.0, 0.0)), TypeError,
     r"model must be a Keras model of Dense layers or a list of weights \[W1, b1, W2, b2, "
     r"...\]; got str"),
    ("too few weights", lambda: mc.forward_trace(WEIGHTS[:1], (0.0, 0.0)), TypeError,
     r"model must be a list \[W1, b1, W2, b2, ...\] of kernels and biases; got a list of 1"),
    ("three layers", lambda: mc.forward_trace(WEIGHTS + [np.ones((4, 2)), np.zeros(2)],
                                              (0.0, 0.0)), ValueError,
     r"model must have two Dense layers \(a hidden layer and an output layer\); got 3"),
    ("three inputs", lambda: mc.forward_trace([np.ones((3, 2))] + WEIGHTS[1:], (0.0, 0.0)),
     ValueError, r"model must take 2 inputs \(x0, x1\); its first layer takes 3"),
    ("ReLU output",
     lambda: mc.forward_trace(random_network(2, 3, output="relu", seed=0), (0.0, 0.0)),
     ValueError, r"model's output layer must be linear or softmax .*; got activation 'relu'"),
]


@pytest.mark.parametrize(("case", "call", "error", "message"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_gets_a_clear_error(case, call, error, message):
    with pytest.raises(error, match=message):
        call()
