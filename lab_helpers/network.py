"""The forward pass of a stack of dense layers, in NumPy: the one place it is written.

Figures, explanations, the training replay and the point trace all call
:func:`forward`. A network is a list of :class:`DenseLayer`; it is read from a
Keras model (:func:`dense_layers`) or from a list of weights as
``model.get_weights()`` returns them.

Keras is never imported here: a Keras model can only exist once Keras has been
imported, so it is recognised through ``sys.modules``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np

from .checks import as_finite_array
from .regression import sigmoid


def log_softmax(z):
    """Log of the softmax of ``z`` (..., k) along its last axis, without overflow."""
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax(z):
    """Softmax of scores ``z`` (..., k) along the last axis: probabilities that sum to 1
    (for each row of an array (m, k)), in double precision."""
    return np.exp(log_softmax(np.asarray(z, dtype=float)))


def cross_entropy(logits, y):
    """Mean sparse categorical cross-entropy of ``logits`` (..., m, k) against class ids
    ``y`` (m,): a number for logits (m, k), one per network (S,) for a stack (S, m, k)."""
    own = log_softmax(logits)[..., np.arange(len(y)), y]  # each example's own class's
    return -own.mean(axis=-1)


ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "softmax": softmax,
}


@dataclass(frozen=True)
class DenseLayer:
    """One dense layer: ``a = activation(x @ kernel + bias)``.

    Attributes
    ----------
    kernel : ndarray of shape (inputs, units)
    bias : ndarray of shape (units,)
    activation : str
        One of ``ACTIVATIONS``.
    """

    kernel: np.ndarray
    bias: np.ndarray
    activation: str

    @property
    def units(self):
        return self.kernel.shape[1]


@dataclass(frozen=True)
class LayerOutput:
    """What one layer computed for m examples: ``z`` before the activation, ``a`` after.

    Attributes
    ----------
    z, a : ndarray of shape (m, units)
    """

    z: np.ndarray
    a: np.ndarray


def forward(layers, X):
    """Run examples through dense layers.

    Parameters
    ----------
    layers : list of DenseLayer
    X : ndarray of shape (m, inputs)

    Returns
    -------
    list of LayerOutput, one per layer
    """
    outputs = []
    a = np.asarray(X, dtype=float)
    for layer in layers:
        z = a @ layer.kernel + layer.bias
        a = ACTIVATIONS[layer.activation](z)
        outputs.append(LayerOutput(z, a))
    return outputs


def predicted_classes(scores, axis=-1):
    """The class with the largest score along ``axis`` (ties go to the lower index): the one
    place where scores become class ids."""
    return np.argmax(scores, axis=axis)


@dataclass(frozen=True)
class Network:
    """A stack of dense layers, and the one way to read scores, class ids and
    probabilities from it. A :class:`lab_helpers.predictor.Predictor` takes it like
    any model: called, it returns its scores.

    Attributes
    ----------
    layers : tuple of DenseLayer
    """

    layers: tuple

    def __post_init__(self):
        object.__setattr__(self, "layers", tuple(self.layers))

    @property
    def hidden_units(self):
        """Units of the first layer."""
        return self.layers[0].units

    @property
    def outputs(self):
        """Units of the last layer: one score per class."""
        return self.layers[-1].units

    def layer_outputs(self, X):
        """What each layer computes for ``X`` (m, inputs): a list of LayerOutput."""
        return forward(self.layers, X)

    def scores(self, X):
        """The last layer's outputs before its activation (m, k): the logits of a softmax
        output layer, the outputs themselves of a linear one."""
        return self.layer_outputs(X)[-1].z

    __call__ = scores

    def class_ids(self, X):
        """The class with the largest score for each row of ``X``: ints (m,)."""
        return predicted_classes(self.scores(X), axis=1)

    def probabilities(self, X):
        """The softmax of the scores (m, k): each row sums to 1."""
        return softmax(self.scores(X))


def relu_then_linear(count):
    """Activations of the lab's kind of network: ReLU hidden layers, a linear output layer."""
    return ("relu",) * (count - 1) + ("linear",)


def layers_from_weights(weights, activations=None, name="weights"):
    """Dense layers from weights as ``model.get_weights()`` returns them.

    Parameters
    ----------
    weights : list of ndarray
        ``[W1, b1, W2, b2, ...]``, each ``W`` (inputs, units), each ``b`` (units,).
    activations : sequence of str, optional
        One per layer; by default ReLU for every layer but the last, which is linear.
    name : str
        The argument's name, for error messages.

    Returns
    -------
    list of DenseLayer
    """
    if not isinstance(weights, list | tuple) or len(weights) < 2 or len(weights) % 2:
        raise TypeError(f"{name} must be a list [W1, b1, W2, b2, ...] of kernels and biases; "
                        f"got {_describe(weights)}")
    count = len(weights) // 2
    activations = relu_then_linear(count) if activations is None else tuple(activations)
    if len(activations) != count:
        raise ValueError(f"activations must name one activation per layer ({count}); "
                         f"got {len(activations)}")
    layers, inputs = [], None
    for i, act in enumerate(activations):  # layer i: weights[2 i] and weights[2 i + 1]
        W = as_finite_array(weights[2 * i], f"{name}[{2 * i}]", ndim=2)
        b = as_finite_array(weights[2 * i + 1], f"{name}[{2 * i + 1}]").ravel()
        if inputs is not None and W.shape[0] != inputs:
            raise ValueError(f"{name}[{2 * i}] must have {inputs} rows to follow the layer "
                             f"before it; got shape {W.shape}")
        if b.shape[0] != W.shape[1]:
            raise ValueError(f"{name}[{2 * i + 1}] must have {W.shape[1]} values, one per "
                             f"unit; got {b.shape[0]}")
        if act not in ACTIVATIONS:
            raise ValueError(f"activation {act!r} is not one of {sorted(ACTIVATIONS)}")
        layers.append(DenseLayer(W, b, act))
        inputs = W.shape[1]
    return layers


def keras_module_of(obj):
    """The Keras package if ``obj`` is a Keras Model, else None (no import done: a model
    exists only once Keras is imported)."""
    keras = sys.modules.get("keras")
    if keras is not None and isinstance(obj, keras.Model):
        return keras
    return None


def dense_layers(model, name):
    """The dense layers of a Keras model, or of a list of weights.

    Parameters
    ----------
    model : keras.Model made of Dense layers (with biases), or list of ndarray
        A list is read as ``model.get_weights()`` of a network with ReLU hidden
        layers and a linear output layer.
    name : str
        The argument's name, for error messages.

    Returns
    -------
    list of DenseLayer
    """
    keras = keras_module_of(model)
    if keras is None:
        if not isinstance(model, list | tuple):
            raise TypeError(f"{name} must be a Keras model of Dense layers or a list of "
                            f"weights [W1, b1, W2, b2, ...]; got {type(model).__name__}")
        return layers_from_weights(model, name=name)
    layers = [layer for layer in model.layers
              if not isinstance(layer, keras.layers.InputLayer)]
    for layer in layers:
        if not isinstance(layer, keras.layers.Dense):
            raise TypeError(f"{name} must be made of Dense layers; layer {layer.name!r} is a "
                            f"{type(layer).__name__}")
        if not layer.use_bias:
            raise ValueError(f"{name} must use biases; layer {layer.name!r} has use_bias=False")
    if not layers or not all(layer.built for layer in layers):
        raise ValueError(f"{name} has no weights yet: build it, call it on data or train it")
    activations = [_activation_name(layer) for layer in layers]
    weights = [w for layer in layers for w in layer.get_weights()]
    return layers_from_weights(weights, activations, name=f"{name} weights")


def _activation_name(layer):
    """The name of a Dense layer's activation, as its config gives it."""
    activation = layer.get_config()["activation"]
    if not isinstance(activation, str) or activation not in ACTIVATIONS:
        # a function of the user's is serialised as a dict that holds its name
        name = activation.get("config") if isinstance(activation, dict) else activation
        raise ValueError(f"activation {name!r} of layer {layer.name!r} is not one of "
                         f"{sorted(ACTIVATIONS)}")
    return activation


def _describe(value):
    if isinstance(value, list | tuple):
        return f"a {type(value).__name__} of {len(value)} item(s)"
    return type(value).__name__
