"""A recorded training as numbers, epoch by epoch: what the training explorer shows.

Compute only: :func:`training_replay` returns a :class:`TrainingReplay`, whose
per-epoch fields (the decision regions, layer 1's zero lines, the examples in
layer 2's plane and the regions there) are computed the first time an epoch is
asked for, and kept; :mod:`lab_helpers.explorer` draws them. Another per-epoch
field is one method decorated with :class:`per_epoch`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from .compute import _plane_limits, _plot_limits, extent, mesh, mesh_points
from .diagnosis import _coinciding_examples
from .network import Network


def line_in_box(w, b, box):
    """The segment of the line ``w . x + b = 0`` inside ``box`` = (x0min, x0max, x1min, x1max).

    Returns
    -------
    ndarray of shape (2, 2)
        Its two end points (rows), on the box's edges, left one first; NaN if the
        line misses the box or touches it in a single point.
    """
    x0min, x0max, x1min, x1max = box
    found = []
    if abs(w[1]) > 1e-12:  # not parallel to the vertical edges: crosses them somewhere
        for x0 in (x0min, x0max):
            x1 = -(w[0] * x0 + b) / w[1]
            if x1min <= x1 <= x1max:
                found.append((x0, x1))
    if abs(w[0]) > 1e-12:  # likewise the horizontal edges
        for x1 in (x1min, x1max):
            x0 = -(w[1] * x1 + b) / w[0]
            if x0min <= x0 <= x0max:
                found.append((x0, x1))
    ends = np.unique(np.array(found).reshape(len(found), 2), axis=0)  # floats: x1 / w[1] etc.
    # (a corner is found twice, by rounding even as two points a hair apart: keep the extremes)
    if len(ends) < 2:
        return np.full((2, 2), np.nan)
    return ends[[0, -1]]


@dataclass(frozen=True)
class Plane:
    """A mesh over layer 2's plane ``(a0, a1)``, the same at every epoch.

    Attributes
    ----------
    xx0, xx1 : ndarray of shape (r, r)
    grid : ndarray of shape (r * r, 2)
    box : (a0min, a0max, a1min, a1max)
        The plot's limits: the mesh widened by half a cell on every side.
    """

    xx0: np.ndarray
    xx1: np.ndarray
    grid: np.ndarray
    box: tuple


def plane_over(positions, resolution):
    """A :class:`Plane` whose mesh covers ``positions`` (a list of (m, 2) arrays, one per
    epoch) and the origin, with a margin: one set of limits for the whole replay."""
    xx0, xx1 = mesh(*_plane_limits(np.vstack(positions)), resolution)
    return Plane(xx0, xx1, mesh_points(xx0, xx1), extent(xx0, xx1))


def default_static_epochs(epochs, count=6):
    """Up to ``count`` recorded epochs from first to last, denser early (training moves fast
    then): the recorded epochs nearest to a geometric sequence; all of them if no more."""
    if len(epochs) <= count:
        return [int(e) for e in epochs]
    last = epochs[-1]
    targets = np.concatenate([[epochs[0]], np.geomspace(last / 2 ** (count - 2), last,
                                                        count - 1)])
    return sorted({int(epochs[np.argmin(np.abs(epochs - t))]) for t in targets})


class per_epoch:  # noqa: N801 (used as a decorator, like functools.cached_property)
    """A method ``f(replay, epoch)`` of :class:`TrainingReplay` computed once per epoch, on
    first use, and kept in the replay."""

    def __init__(self, compute):
        self.compute = compute
        functools.update_wrapper(self, compute)

    def __get__(self, replay, owner=None):
        if replay is None:
            return self
        kept = replay._kept.setdefault(self.compute.__name__, {})

        def at(epoch):
            if epoch not in kept:
                kept[epoch] = self.compute(replay, epoch)
            return kept[epoch]

        return functools.update_wrapper(at, self.compute)


@dataclass(frozen=True)
class TrainingReplay:
    """What a recorded training looks like over the input plane, epoch by epoch.

    Attributes
    ----------
    X : ndarray of shape (m, 2)
    y : ndarray of int, shape (m,)
    n_classes : int
    history : WeightHistory
        The recording: epochs, weights, loss and accuracy.
    xx0, xx1 : ndarray of shape (r, r)
        The mesh over the data the regions are computed on.
    grid : ndarray of shape (r * r, 2)
        The mesh as points, row by row.
    box : (x0min, x0max, x1min, x1max)
        The plot's limits: the mesh widened by half a cell on every side.
    """

    X: np.ndarray
    y: np.ndarray
    n_classes: int
    history: object
    xx0: np.ndarray
    xx1: np.ndarray
    grid: np.ndarray
    box: tuple
    _kept: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def epochs(self):
        return self.history.epochs

    def loss_and_accuracy(self, epoch):
        """The recorded loss and accuracy of ``epoch`` (ValueError if it was not recorded)."""
        i = self.history.index_of(epoch)
        return self.history.loss[i], self.history.accuracy[i]

    def network(self, epoch):
        """The network with the weights of ``epoch``."""
        return Network(self.history.layers(self.history.weights_at(epoch)))

    @property
    def has_plane(self):
        """Whether layer 2's input is a plane: layer 1 has two units."""
        return self.history.weights[0][0].shape[1] == 2

    @functools.cached_property
    def plane(self):
        """The :class:`Plane` of layer 2's input, covering the examples at every recorded
        epoch (so that none leaves the plot while the replay runs)."""
        if not self.has_plane:
            raise ValueError("layer 2's input is a plane only when layer 1 has 2 units")
        return plane_over([self.hidden(int(e)) for e in self.epochs], self.xx0.shape[0])

    @functools.cached_property
    def most_coinciding(self):
        """The most (spot, class) pairs of coinciding examples at any recorded epoch: how
        many count labels the replay needs at most."""
        return max(len(self.coinciding(int(e))[0]) for e in self.epochs)

    @per_epoch
    def hidden(self, epoch):
        """The examples' layer-1 outputs ``relu(X W1 + b1)`` at ``epoch``: (m, units)."""
        return self.network(epoch).layer_outputs(self.X)[0].a

    @per_epoch
    def coinciding(self, epoch):
        """Where examples of one class coincide in layer 2's plane at ``epoch``: positions
        (s, 2), classes (s,) and counts (s,), as
        :func:`lab_helpers.diagnosis.coinciding_examples` finds them."""
        return _coinciding_examples(self.hidden(epoch), self.y)

    @per_epoch
    def plane_regions(self, epoch):
        """Class ids the layers after layer 1 predict on the plane's mesh at ``epoch``:
        (r, r) ints, where each output unit wins."""
        rest = Network(self.network(epoch).layers[1:])
        return rest.class_ids(self.plane.grid).reshape(self.plane.xx0.shape)

    @per_epoch
    def regions(self, epoch):
        """Class ids predicted on the mesh by the weights of ``epoch``: (r, r) ints."""
        return self.network(epoch).class_ids(self.grid).reshape(self.xx0.shape)

    @per_epoch
    def zero_lines(self, epoch):
        """End points of each layer-1 unit's line ``z = 0`` in the plot: (units, 2, 2), NaN
        where the line misses the plot."""
        first = self.network(epoch).layers[0]
        return np.array([line_in_box(first.kernel[:, j], first.bias[j], self.box)
                         for j in range(first.units)])


def training_replay(X, y, history, n_classes, resolution):
    """A :class:`TrainingReplay` of checked arguments, on a mesh of ``resolution`` points per
    axis; nothing per epoch is computed yet."""
    xx0, xx1 = mesh(*_plot_limits(X), resolution)
    return TrainingReplay(X, y, n_classes, history, xx0, xx1, mesh_points(xx0, xx1),
                          extent(xx0, xx1))
