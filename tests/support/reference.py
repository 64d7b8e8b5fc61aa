"""Small networks for the tests, run by the library's one forward pass
(``lab_helpers.network.forward``, itself checked against Keras in test_network.py)."""

from lab_helpers.network import forward, layers_from_weights


def lab_scores(W1, b1, W2, b2):
    """The lab's ReLU -> linear network as a function: points (N, 2) -> scores (N, units)."""
    layers = layers_from_weights([W1, b1, W2, b2])
    return lambda X: forward(layers, X)[-1].a
