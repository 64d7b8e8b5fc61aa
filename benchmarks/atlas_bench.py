"""Benchmark section (k): the seed atlas, all seeds trained together, against one seed.

``measure`` times ``seed_atlas`` on the lab's data for growing numbers of seeds
(medians of repeats); ``targets`` judges the ratios to one seed; ``rows`` gives the
table's lines. ``bench.py`` calls the three; nothing here prints.
"""

from __future__ import annotations

import statistics
import time

import lab_utils_multiclass_TF as lab

SEED_COUNTS = (1, 8, 16, 100)
RATIO_TARGETS = {8: 3.0, 16: 4.0}  # seconds for N seeds at most this many times one seed's
FULL_REPEATS, QUICK_REPEATS = 5, 1


def median_seconds(X, y, count, repeats, epochs):
    """Median wall-clock seconds of ``seed_atlas`` with seeds 0 .. count - 1."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        lab.seed_atlas(X, y, range(count), epochs=epochs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(X, y, *, repeats=FULL_REPEATS, counts=SEED_COUNTS, epochs=200):
    """Seconds and ratio to one seed for each number of seeds in ``counts`` (1 first)."""
    median_seconds(X, y, 1, 1, epochs)  # the first call loads Keras and TensorFlow's kernels
    seconds = [median_seconds(X, y, count, repeats, epochs) for count in counts]
    return {"counts": list(counts), "seconds": seconds, "repeats": repeats, "epochs": epochs,
            "ratio_to_one": [s / seconds[0] for s in seconds]}


def targets(atlas):
    """One target per judged number of seeds: its time at most so many times one seed's."""
    ratios = dict(zip(atlas["counts"], atlas["ratio_to_one"], strict=True))
    return [{"name": f"seed atlas, {count} seeds", "target": f"<= {limit:g}x one seed",
             "met": ratios[count] <= limit if count in ratios else None}
            for count, limit in RATIO_TARGETS.items()]


def rows(atlas, met):
    """Table rows (label, value, verdict); ``met`` maps a target's name to its verdict."""
    lines = [(f"(k) seed atlas, {atlas['epochs']} epochs (ratio to 1 seed)", "", "")]
    for count, seconds, ratio in zip(atlas["counts"], atlas["seconds"], atlas["ratio_to_one"],
                                     strict=True):
        lines.append((f"    {count} seed{'s' if count > 1 else ''}",
                      f"{seconds:.3f} s ({ratio:.1f}x)",
                      met.get(f"seed atlas, {count} seeds", "")))
    return lines
