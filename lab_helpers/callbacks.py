"""Keras callbacks of the lab: a short loss log, and a record of the weights for replaying.

This is the one module that imports Keras; the facades load it on first use.
"""

from __future__ import annotations

import keras
import numpy as np

from .checks import check_class_ids, check_matrix, check_whole_number
from .network import Network, cross_entropy, dense_layers, layers_from_weights, predicted_classes


class PrintLoss(keras.callbacks.Callback):
    """Print the loss every ``every`` epochs (and at the last one): a short, plain log.

    Parameters
    ----------
    every : int, default=20
    """

    def __init__(self, every=20):
        super().__init__()
        self.every = check_whole_number(every=every)

    def on_epoch_end(self, epoch, logs=None):
        done, total = epoch + 1, self.params["epochs"]  # Keras sets both in fit
        if done % self.every == 0 or done == total:
            print(f"epoch {done:{len(str(total))}d}/{total}: loss {float(logs['loss']):.4f}")


class WeightHistory(keras.callbacks.Callback):
    """Record a model's weights, loss and accuracy during training, for replaying it.

    Records the weights training starts from (epoch 0, or ``initial_epoch``),
    then after every ``every``-th epoch and after the last one (also when
    training stops early). Loss (sparse categorical cross-entropy of the outputs
    taken as logits) and accuracy are those of the recorded weights on
    ``(X, y)``, from one forward pass after the epoch; nothing the optimiser uses
    is touched, so training gives bit-identical weights with or without this
    callback.

    Parameters
    ----------
    X : ndarray of shape (m, n)
        Examples to score the recorded weights on (usually the training set).
    y : ndarray of shape (m,) or (m, 1)
        Their class ids.
    every : int, default=1

    Attributes
    ----------
    epochs : ndarray of int, shape (r,)
    loss, accuracy : ndarray of float32, shape (r,)
    weights : list of r lists of float32 arrays, as ``model.get_weights()``
    activations : list of str
        Activation of each Dense layer, for replaying the forward pass.
    """

    def __init__(self, X, y, *, every=1):
        super().__init__()
        self._X = check_matrix(X=X)
        self._y = check_class_ids(y=y, rows_of=("X", self._X))
        self.every = check_whole_number(every=every)
        self._reset()

    def _reset(self):
        self._epochs, self._loss, self._accuracy, self.weights = [], [], [], []
        self.activations = []

    def on_train_begin(self, logs=None):
        self._reset()
        if not self.model.built:  # no Input layer: build now to record the initial weights
            self.model.build((None, self._X.shape[1]))
        layers = dense_layers(self.model, "the model")
        self.activations = [layer.activation for layer in layers]
        outputs = layers[-1].units
        if outputs <= self._y.max():
            raise ValueError(f"the model has {outputs} outputs, too few for class id "
                             f"{self._y.max()} in y")

    def on_epoch_begin(self, epoch, logs=None):
        if not self._epochs:  # the weights training starts from (epoch 0, or initial_epoch)
            self._record(epoch)

    def on_epoch_end(self, epoch, logs=None):
        done = epoch + 1
        if done % self.every == 0:
            self._record(done)
        self._last_epoch = done

    def on_train_end(self, logs=None):
        if self._epochs and self._epochs[-1] != self._last_epoch:  # the last, or stopped early
            self._record(self._last_epoch)

    def _record(self, epoch):
        weights = [np.array(w, dtype=np.float32) for w in self.model.get_weights()]
        # The forward pass in NumPy: much cheaper than calling the model every epoch.
        logits = Network(self.layers(weights)).scores(self._X)
        self._epochs.append(epoch)
        self._loss.append(float(cross_entropy(logits, self._y)))
        self._accuracy.append(float(np.mean(predicted_classes(logits, axis=1) == self._y)))
        self.weights.append(weights)

    def layers(self, weights):
        """The recorded network with ``weights`` (one entry of :attr:`weights`)."""
        return layers_from_weights(weights, self.activations)

    @property
    def epochs(self):
        return np.array(self._epochs, dtype=int)

    @property
    def loss(self):
        return np.array(self._loss, dtype=np.float32)

    @property
    def accuracy(self):
        return np.array(self._accuracy, dtype=np.float32)

    def weights_at(self, epoch):
        """The weights recorded at ``epoch``, as ``model.get_weights()`` returns them."""
        return self.weights[self.index_of(epoch)]

    def index_of(self, epoch):
        """Position of ``epoch`` in the recordings; ValueError if it was not recorded."""
        if epoch not in self._epochs:
            recorded = self.epochs
            span = f"{recorded[0]}..{recorded[-1]}" if recorded.size else "none yet"
            raise ValueError(f"epoch {epoch!r} was not recorded; recorded epochs: {span}"
                             f" (every {self.every})")
        return self._epochs.index(epoch)
