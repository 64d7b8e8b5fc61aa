"""Follow points through the lab's two-layer network: what each layer computes for them.

Compute only: :func:`forward_trace` returns the numbers of points, :func:`forward_traces`
those of a whole figure (a mesh, the examples, layer 2's plane);
:mod:`lab_helpers.trace_figure` draws them. The numbers come from a
:class:`lab_helpers.network.Network`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import MAX_CLASSES, MAX_UNITS, check_point_or_points, named_argument
from .compute import _plane_limits, _plot_limits, mesh, mesh_points
from .network import Network, dense_layers, predicted_classes, softmax

# Output activations whose scores (before the activation) give the probabilities by a softmax.
SCORE_OUTPUTS = ("linear", "softmax")


@dataclass(frozen=True)
class PointTrace:
    """What a two-layer network computes for m points, one row per point.

    Attributes
    ----------
    x : ndarray of shape (m, 2)
        The points (x0, x1).
    z1 : ndarray of shape (m, units)
        Layer 1 before its activation, ``x @ W1 + b1``.
    a1 : ndarray of shape (m, units)
        Layer 1's outputs, the features layer 2 sees (``max(0, z1)`` for ReLU units).
    scores : ndarray of shape (m, k)
        Layer 2's outputs before any activation, ``a1 @ W2 + b2``: what the lab's model
        returns (its output layer is linear), the logits of a softmax output layer.
    probabilities : ndarray of shape (m, k)
        ``softmax(scores)``, one row per point, each summing to 1.
    predicted : ndarray of int, shape (m,)
        The class with the largest score.
    """

    x: np.ndarray
    z1: np.ndarray
    a1: np.ndarray
    scores: np.ndarray
    probabilities: np.ndarray
    predicted: np.ndarray

    def __len__(self):
        return len(self.x)

    def __str__(self):
        return "\n\n".join(self._describe(i) for i in range(len(self)))

    def _describe(self, i):
        """Point ``i`` on its way through the network, a line per step."""
        winner = self.predicted[i]
        return "\n".join([
            f"point (x0, x1)              {_numbers(self.x[i])}",
            f"layer 1   z = x W1 + b1     {_numbers(self.z1[i])}",
            f"          a, its outputs    {_numbers(self.a1[i])}",
            f"layer 2   scores            {_numbers(self.scores[i])}",
            f"softmax   probabilities     {_numbers(self.probabilities[i])}",
            f"predicted class {winner}, probability {self.probabilities[i, winner]:.2f}",
        ])


def _numbers(values):
    """``(1.23, 0.00, ...)``: two decimals, and no "-0.00" for tiny negative numbers."""
    return "(" + ", ".join(f"{round(float(v), 2) + 0.0:.2f}" for v in values) + ")"


def check_two_layers(**kwargs):
    """A two-layer dense network taking points (x0, x1), with 1 to ``MAX_UNITS`` layer-1
    units and a last layer of 2 to ``MAX_CLASSES`` units giving scores (linear or softmax),
    as a :class:`Network`: ``network = check_two_layers(model=model)``. The one check of
    both the trace and its figure."""
    name, value = named_argument(kwargs)
    layers = dense_layers(value, name)
    if len(layers) != 2:
        raise ValueError(f"{name} must have two Dense layers (a hidden layer and an output "
                         f"layer); got {len(layers)}")
    if layers[0].kernel.shape[0] != 2:
        raise ValueError(f"{name} must take 2 inputs (x0, x1); its first layer takes "
                         f"{layers[0].kernel.shape[0]}")
    if layers[1].activation not in SCORE_OUTPUTS:
        raise ValueError(f"{name}'s output layer must be linear or softmax (scores for a "
                         f"softmax); got activation {layers[1].activation!r}")
    units, outputs = layers[0].units, layers[1].units
    if not 1 <= units <= MAX_UNITS:
        raise ValueError(f"{name}'s first layer must have 1 to {MAX_UNITS} units; got {units}")
    if not 2 <= outputs <= MAX_CLASSES:  # one unit: a softmax of one score is always 1
        raise ValueError(f"{name}'s output layer must have one unit per class, 2 to "
                         f"{MAX_CLASSES}; got {outputs}")
    return Network(layers)


def trace_layers(network, X):
    """:func:`forward_trace` for checked arguments: a two-layer :class:`Network` and
    points X, a float array (m, 2)."""
    hidden, output = network.layer_outputs(X)
    scores = output.z  # before the activation: the logits, also for a softmax output layer
    return PointTrace(x=X, z1=hidden.z, a1=hidden.a, scores=scores, probabilities=softmax(scores),
                      predicted=predicted_classes(scores, axis=1))


def forward_trace(model, x):
    """Follow points through a two-layer network: layer 1, layer 2, softmax, the winner.

    Parameters
    ----------
    model : keras.Model of two Dense layers, or list of ndarray
        The lab's kind of network (a hidden layer of 1 to 8 units, then one unit per
        class, 2 to 10, with a linear or softmax activation), or its weights ``[W1, b1, W2, b2]`` as
        ``model.get_weights()`` returns them (ReLU, then linear).
    x : array-like of shape (2,), (1, 2) or (m, 2)
        One point (x0, x1), or m points.

    Returns
    -------
    PointTrace
        Arrays with one row per point: ``z1``, ``a1`` (m, units), ``scores``,
        ``probabilities`` (m, k), ``predicted`` (m,). ``print`` shows them point by point.
    """
    network = check_two_layers(model=model)
    x = check_point_or_points(x=x)
    return trace_layers(network, x)


@dataclass(frozen=True)
class PlaneMap:
    """Layer 2's plane (a0, a1) of layer-1 outputs: its ranges and the class that wins at
    each point of a mesh over them.

    Attributes
    ----------
    a0_rng, a1_rng : (float, float)
    xx0, xx1 : ndarray of shape (r, r)
    ids : ndarray of int, shape (r, r)
    """

    a0_rng: tuple
    a1_rng: tuple
    xx0: np.ndarray
    xx1: np.ndarray
    ids: np.ndarray


@dataclass(frozen=True)
class ForwardTraces:
    """What the point-trace figure shows besides its point, computed once.

    Attributes
    ----------
    network : Network
        Two layers, the first taking points (x0, x1).
    X : ndarray of shape (m, 2)
    y : ndarray of int, shape (m,)
    n_classes : int
    xx0, xx1 : ndarray of shape (r, r)
        A mesh over the examples.
    grid : PointTrace
        The trace of every mesh point, row by row.
    examples : PointTrace
        The trace of every example.
    plane : PlaneMap or None
        Layer 2's plane, when layer 1 has two units.
    """

    network: Network
    X: np.ndarray
    y: np.ndarray
    n_classes: int
    xx0: np.ndarray
    xx1: np.ndarray
    grid: PointTrace
    examples: PointTrace
    plane: PlaneMap | None


def plane_map(output_layer, a1, resolution):
    """The classes ``output_layer`` predicts over the plane of layer-1 outputs that covers
    ``a1`` (m, 2) and the origin: the output-layer figure's limits."""
    a0_rng, a1_rng = _plane_limits(a1)
    xx0, xx1 = mesh(a0_rng, a1_rng, resolution)
    ids = Network([output_layer]).class_ids(mesh_points(xx0, xx1)).reshape(xx0.shape)
    return PlaneMap(a0_rng, a1_rng, xx0, xx1, ids)


def forward_traces(network, X, y, n_classes, resolution, *, plane_resolution=120):
    """:class:`ForwardTraces` of checked arguments: a mesh of ``resolution`` points per axis
    over ``X``, and layer 2's plane on one of ``plane_resolution``."""
    xx0, xx1 = mesh(*_plot_limits(X), resolution)
    grid, examples = trace_layers(network, mesh_points(xx0, xx1)), trace_layers(network, X)
    plane = (plane_map(network.layers[1], examples.a1, plane_resolution)
             if network.hidden_units == 2 else None)
    return ForwardTraces(network, X, y, n_classes, xx0, xx1, grid, examples, plane)
