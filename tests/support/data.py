"""Data sets for the tests."""

import numpy as np
from sklearn.datasets import make_blobs


def blobs(n_classes, m=60, seed=0):
    """``m`` points in ``n_classes`` well separated blobs on a circle: X (m, 2), y (m,)."""
    angles = np.linspace(0, 2 * np.pi, n_classes, endpoint=False)
    centers = 6 * np.column_stack([np.cos(angles), np.sin(angles)])
    return make_blobs(n_samples=m, centers=centers, cluster_std=0.6, random_state=seed)
