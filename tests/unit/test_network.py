"""The one forward pass (lab_helpers.network) against Keras itself."""

import keras
import numpy as np
import pytest
from support.keras_models import random_network

from lab_helpers.network import (
    DenseLayer,
    Network,
    cross_entropy,
    dense_layers,
    forward,
    layers_from_weights,
    softmax,
)
from lab_helpers.predictor import Predictor

CASES = [(units, classes) for units in (1, 2, 3, 4) for classes in (2, 4, 6)]


@pytest.mark.parametrize(("units", "classes"), CASES)
def test_forward_equals_keras(units, classes):
    model = random_network(units, classes, seed=10 * units + classes)
    X = np.random.default_rng(units).normal(scale=4, size=(50, 2)).astype(np.float32)
    layer1, layer2 = forward(dense_layers(model, "model"), X)
    assert layer1.a.shape == (50, units) and layer2.a.shape == (50, classes)
    np.testing.assert_allclose(layer1.a, np.asarray(model.layers[0](X)), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer2.a, np.asarray(model(X)), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer1.a, np.maximum(layer1.z, 0))  # a = ReLU(z)
    np.testing.assert_allclose(softmax(layer2.a), np.asarray(keras.ops.softmax(model(X))),
                               rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(("units", "classes"), [(2, 4), (3, 6)])
def test_network_scores_ids_and_probabilities_are_keras_own(units, classes):
    model = random_network(units, classes, seed=units + classes)
    X = np.random.default_rng(classes).normal(scale=4, size=(40, 2)).astype(np.float32)
    keras_scores = np.asarray(model(X))
    network = Network(dense_layers(model, "model"))
    np.testing.assert_allclose(network.scores(X), keras_scores, rtol=1e-5, atol=1e-5)
    expected_ids = keras_scores.argmax(axis=1)
    assert np.array_equal(network.class_ids(X), expected_ids)
    np.testing.assert_allclose(network.probabilities(X),
                               np.asarray(keras.ops.softmax(model(X))), rtol=1e-5, atol=1e-6)
    assert (network.hidden_units, network.outputs) == (units, classes)
    # a Predictor takes it like any model, and reads the same numbers from it
    predictor = Predictor(network, "model")
    assert np.array_equal(predictor.class_ids(X), expected_ids)
    np.testing.assert_allclose(predictor.probabilities(X), network.probabilities(X))


def test_network_scores_are_the_logits_of_a_softmax_output_layer():
    # one input, two classes: z = [x, -x]; the softmax layer's outputs are not its scores
    network = Network([DenseLayer(np.array([[1.0, -1.0]]), np.zeros(2), "softmax")])
    X = np.array([[2.0], [-1.0]])
    assert network.scores(X).tolist() == [[2.0, -2.0], [-1.0, 1.0]]
    assert network.class_ids(X).tolist() == [0, 1]
    np.testing.assert_allclose(network.probabilities(X)[0], [1 / (1 + np.exp(-4)),
                                                            1 / (1 + np.exp(4))])


def test_a_list_of_weights_is_the_lab_network(lab_model, lab_data):
    X, _ = lab_data
    from_weights = forward(layers_from_weights(lab_model.get_weights()), X)[-1].a
    np.testing.assert_allclose(from_weights, np.asarray(lab_model(X)), rtol=1e-5, atol=1e-5)
    assert [layer.activation for layer in dense_layers(lab_model, "model")] == ["relu", "linear"]


def test_other_activations_are_replayed():
    model = random_network(3, 4, seed=5, hidden="tanh")
    X = np.linspace(-3, 3, 20, dtype=np.float32).reshape(10, 2)
    np.testing.assert_allclose(forward(dense_layers(model, "model"), X)[-1].a, np.asarray(model(X)),
                               rtol=1e-5, atol=1e-5)


def test_forward_by_hand():
    # z = [1, 2] @ [[1, -1], [0, 1]] + [0, -3] = [1, -2]; a = [1, 0]; out = 1*2 + 0*5 + 1 = 3
    layers = [DenseLayer(np.array([[1.0, -1.0], [0.0, 1.0]]), np.array([0.0, -3.0]), "relu"),
              DenseLayer(np.array([[2.0], [5.0]]), np.array([1.0]), "linear")]
    (first, second) = forward(layers, np.array([[1.0, 2.0]]))
    assert first.z.tolist() == [[1.0, -2.0]] and first.a.tolist() == [[1.0, 0.0]]
    assert second.z.tolist() == second.a.tolist() == [[3.0]]


def test_forward_computes_in_double_precision_from_float32_inputs():
    # 1/3 and 1e-8 as float32; in float32, 1 + 1e-8 rounds to 1 and the difference is lost
    third = np.float32(1 / 3)
    layers = [DenseLayer(np.array([[1.0], [1.0]], dtype=np.float32),
                         np.array([1e-8], dtype=np.float32), "linear")]
    X = np.array([[third, 1.0]], dtype=np.float32)
    ((out,),) = [layer.a for layer in forward(layers, X)]
    expected = float(third) + 1.0 + float(np.float32(1e-8))  # Python floats: double precision
    assert out.dtype == np.float64
    assert out[0] == expected


def test_cross_entropy_by_hand_for_one_network_and_for_a_stack():
    logits = np.array([[0.0, np.log(3.0)], [np.log(3.0), 0.0]])  # softmax rows: 1/4, 3/4
    y = np.array([1, 1])  # own-class probabilities 3/4 and 1/4
    expected = -(np.log(0.75) + np.log(0.25)) / 2
    assert cross_entropy(logits, y) == pytest.approx(expected)
    # a stack of networks (the seed atlas): one mean per network, not one over all
    stack = np.stack([logits, np.zeros((2, 2))])
    np.testing.assert_allclose(cross_entropy(stack, y), [expected, np.log(2.0)])


def test_softmax_by_hand_and_without_overflow():
    np.testing.assert_allclose(softmax(np.array([[0.0, np.log(3.0)]])), [[0.25, 0.75]])
    # in double precision, also for float32 scores: 1 / (1 + e^20) keeps its digits
    # each row on its own: a large score in one row takes nothing from another
    np.testing.assert_allclose(softmax(np.array([[1000.0, 0.0], [0.0, np.log(3.0)]])),
                               [[1.0, 0.0], [0.25, 0.75]])
    np.testing.assert_allclose(softmax(np.array([0.0, np.log(3.0)])), [0.25, 0.75])  # one row
    tiny = softmax(np.array([[0.0, 20.0]], dtype=np.float32))[0, 0]
    assert tiny == pytest.approx(1 / (1 + np.exp(20.0)), rel=1e-12, abs=0)  # not float32's 1e-7
    assert np.allclose(softmax(np.array([[1000.0, 0.0]])), [[1.0, 0.0]])


def test_what_cannot_be_run_is_refused():
    conv = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Conv2D(1, 2)])
    with pytest.raises(TypeError, match=r"model must be made of Dense layers; layer '\w+' is a "
                                         r"Conv2D"):
        dense_layers(conv, "model")
    def halved(z):  # a function of one's own: serialised as a dict with its name
        return z / 2

    for activation, name in [(halved, "halved"), ("elu", "elu")]:
        other = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, name="odd",
                                                                        activation=activation)])
        with pytest.raises(ValueError) as raised:
            dense_layers(other, "model")
        assert str(raised.value) == (f"activation {name!r} of layer 'odd' is not one of "
                                     "['linear', 'relu', 'sigmoid', 'softmax', 'tanh']")
    no_weights = "model has no weights yet: build it, call it on data or train it"
    for empty in (keras.Sequential([keras.layers.Dense(2)]), keras.Sequential([keras.Input((2,))])):
        with pytest.raises(ValueError) as raised:
            dense_layers(empty, "model")
        assert str(raised.value) == no_weights
    broken = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2)])
    broken.set_weights([np.full((2, 2), np.nan), np.zeros(2)])
    with pytest.raises(ValueError) as raised:
        dense_layers(broken, "model")
    assert str(raised.value) == ("model weights[0] must hold finite numbers; got 4 NaN or inf "
                                 "value(s)")
    with pytest.raises(TypeError, match=r"weights must be a list \[W1, b1, W2, b2, \.\.\.\]"):
        layers_from_weights([np.ones((2, 2))])
    with pytest.raises(ValueError, match=r"weights\[2\] must have 2 rows to follow the layer "
                                         r"before it; got shape \(3, 4\)"):
        layers_from_weights([np.ones((2, 2)), np.ones(2), np.ones((3, 4)), np.ones(4)])


def test_layers_from_weights_by_hand():
    W1, b1, W2, b2 = np.ones((2, 3)), np.zeros(3), np.ones((3, 4)), np.zeros(4)
    (only,) = layers_from_weights((W1, b1))  # a tuple, one layer: linear
    assert only.activation == "linear" and only.kernel.shape == (2, 3)
    assert [layer.activation for layer in layers_from_weights([W1, b1, W2, b2])] == [
        "relu", "linear"]
    assert [layer.activation for layer in layers_from_weights([W1, b1, W2, b2],
                                                              ["tanh", "softmax"])] == [
        "tanh", "softmax"]
    nan = np.ones((3, 4))
    nan[0, 0] = np.nan
    cases = [
        (lambda: layers_from_weights(3), TypeError,
         "weights must be a list [W1, b1, W2, b2, ...] of kernels and biases; got int"),
        (lambda: layers_from_weights([]), TypeError,
         "weights must be a list [W1, b1, W2, b2, ...] of kernels and biases; got a list of "
         "0 item(s)"),
        (lambda: layers_from_weights([W1, b1, W2, b2], ["relu"]), ValueError,
         "activations must name one activation per layer (2); got 1"),
        (lambda: layers_from_weights([W1, np.zeros(2)]), ValueError,
         "weights[1] must have 3 values, one per unit; got 2"),
        (lambda: layers_from_weights([W1, b1, W2, np.zeros(3)]), ValueError,
         "weights[3] must have 4 values, one per unit; got 3"),
        (lambda: layers_from_weights([np.ones(2), np.zeros(1)]), ValueError,
         "weights[0] must be an array of shape 2-D; got shape (2,)"),
        (lambda: layers_from_weights([W1, b1, nan, b2]), ValueError,
         "weights[2] must hold finite numbers; got 1 NaN or inf value(s)"),
        (lambda: layers_from_weights([W1, b1, W2, np.full(4, np.inf)]), ValueError,
         "weights[3] must hold finite numbers; got 4 NaN or inf value(s)"),
        (lambda: layers_from_weights([W1, b1, W2, b2], ["relu", "swish"]), ValueError,
         "activation 'swish' is not one of ['linear', 'relu', 'sigmoid', 'softmax', 'tanh']"),
    ]
    for call, error, message in cases:
        with pytest.raises(error) as raised:
            call()
        assert str(raised.value) == message
