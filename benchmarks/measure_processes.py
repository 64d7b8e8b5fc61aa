"""Measuring the lab in fresh processes: kernels run by tools/run_notebook.py as `make run`
runs them, and the import of the helpers in a fresh interpreter.

(a) floor: a fresh kernel that runs only the notebook's first code cell (imports)
(b) the whole notebook in a fresh kernel, split into kernel start, cells and shutdown
(d) the training cell, timed by the kernel that runs the notebook
(h) peak RSS of the notebook's kernel
(i) ``import lab_utils_multiclass_TF`` in a fresh interpreter (no TensorFlow, no Keras)

It also runs the notebook once more, untimed, to hand the figures' arguments to
measure_figures: the lab's data, the trained model and the recorded history, exactly
as the notebook made them in its kernel.
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat
import run_notebook

ROOT = Path(__file__).resolve().parent.parent
TRAINING_CELL = "model.fit("  # the code cell that contains this is the training cell

# Appended to both kernel runs (floor and whole notebook), so its few
# milliseconds cancel out in the ratio. It tells whether the kernel is our child
# process (then RUSAGE_CHILDREN covers it) and its own peak RSS.
PROBE_CELL = (
    "import json as _json, os as _os, resource as _resource\n"
    "print(_json.dumps({'ppid': _os.getppid(),\n"
    "                   'maxrss': _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss}))"
)


# Run before the notebook's first cell in the untimed run: every figure function of the
# helpers records the arguments of its first call (e.g. ``plt_cat_mc`` without the
# options a later cell adds); the notebook's imports then get the recording ones.
RECORD_CELL = """
import lab_utils_multiclass_TF as _lab
_calls = {{}}

def _recording(_name, _func):
    def record(*args, **kwargs):
        _calls.setdefault(_name, (args, kwargs))
        return _func(*args, **kwargs)
    return record

for _name in {names!r}:
    setattr(_lab, _name, _recording(_name, getattr(_lab, _name)))
"""
# After the notebook's last cell: the recorded calls and the data set's settings.
SAVE_CELL = """
import pickle as _pickle
with open({path!r}, "wb") as _file:
    _pickle.dump({{"calls": _calls, "centers": centers, "std": std, "classes": classes,
                  "model": model}}, _file)
"""


def machine_info():
    import keras
    import matplotlib
    import numpy as np
    import tensorflow as tf

    return {
        "cores": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "numpy": np.__version__,
        "matplotlib": matplotlib.__version__,
    }


def rss_mib(maxrss):
    """``ru_maxrss`` in MiB: it is KiB on Linux, bytes on macOS."""
    return maxrss / 2**20 if sys.platform == "darwin" else maxrss / 2**10


def own_peak_rss_mib():
    """Peak resident memory of this process so far."""
    return rss_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def floor_notebook(nb):
    """The notebook cut down to its first code cell: the imports."""
    floor = copy.deepcopy(nb)
    floor.cells = code_cells(floor)[:1]
    return floor


def _stamp(cell, event):
    """A kernel timestamp that nbclient stored (``record_timing``), as epoch seconds."""
    return datetime.fromisoformat(cell.metadata.execution[event]).timestamp()


def cell_seconds(cell):
    """Time the kernel spent on the cell: from receiving the code to replying."""
    return _stamp(cell, "shell.execute_reply") - _stamp(cell, "iopub.execute_input")


def run_kernel(nb):
    """Execute a copy of ``nb`` plus the probe cell in a fresh kernel; time it and its cells.

    The cells are timed by the kernel's own message timestamps (nbclient's
    ``record_timing``), so the notebook runs unchanged: nothing is inserted
    between its cells.
    """
    nb = copy.deepcopy(nb)
    wall_start, start = time.time(), time.perf_counter()
    run_notebook.execute(nb, extra_cells=[PROBE_CELL], record_timing=True)
    seconds = time.perf_counter() - start
    wall_end = time.time()
    *cells, probe = code_cells(nb)
    return {
        "seconds": seconds,
        "kernel_start": _stamp(cells[0], "iopub.status.busy") - wall_start,
        "shutdown": wall_end - _stamp(probe, "iopub.status.idle"),
        "cells": [cell_seconds(c) for c in cells],
        "probe": json.loads(probe.outputs[-1]["text"]),
    }


def measure_kernels(nb, runs):
    """Floor and whole-notebook kernels, alternated so that drift hits both alike."""
    floors, fulls = [], []
    for _ in range(runs):
        floors.append(run_kernel(floor_notebook(nb)))
        fulls.append(run_kernel(nb))
    return floors, fulls


def summarise_kernels(nb, floors, fulls):
    sources = [c.source for c in code_cells(nb)]
    training = next(i for i, src in enumerate(sources) if TRAINING_CELL in src)
    med = statistics.median
    per_cell = [med(run["cells"][i] for run in fulls) for i in range(len(sources))]
    floor_s, full_s = med(r["seconds"] for r in floors), med(r["seconds"] for r in fulls)
    return {
        "floor": {"seconds": floor_s, "runs": [r["seconds"] for r in floors],
                  "import_cell_seconds": med(r["cells"][0] for r in floors)},
        "notebook": {
            "seconds": full_s,
            "runs": [r["seconds"] for r in fulls],
            "breakdown": {
                "kernel_start": med(r["kernel_start"] for r in fulls),
                "import_cell": per_cell[0],
                "training_cell": per_cell[training],
                "other_cells": med(sum(r["cells"]) - r["cells"][0] - r["cells"][training]
                                   for r in fulls),
                "shutdown": med(r["shutdown"] for r in fulls),
            },
            "cells": [{"first_line": src.splitlines()[0], "seconds": s}
                      for src, s in zip(sources, per_cell, strict=True)],
        },
        "ratio": full_s / floor_s,
        "training_cell": {"seconds": per_cell[training],
                          "runs": [r["cells"][training] for r in fulls]},
    }


def kernel_memory(runs):
    """Peak RSS of the kernels. Read after they have exited and been reaped."""
    is_child = all(r["probe"]["ppid"] == os.getpid() for r in runs)
    in_kernel = max(rss_mib(r["probe"]["maxrss"]) for r in runs)
    # RUSAGE_CHILDREN holds the largest reaped child: the whole-notebook kernel.
    children = rss_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {
        "kernel_is_child": is_child,
        "kernel_peak_rss_mib": children if is_child else in_kernel,
        "kernel_peak_rss_in_kernel_mib": in_kernel,
    }


def notebook_objects(nb, names):
    """Run ``nb`` once more, untimed, with tools/run_notebook.py; return what the notebook
    made: ``{"calls": {name: (args, kwargs)}, "centers", "std", "classes", "model"}``,
    the first call's arguments of each figure function in ``names`` included."""
    nb = copy.deepcopy(nb)
    nb.cells.insert(0, nbformat.v4.new_code_cell(RECORD_CELL.format(names=tuple(names))))
    with tempfile.TemporaryDirectory(prefix="lab-bench-") as folder:
        path = str(Path(folder) / "objects.pickle")
        run_notebook.execute(nb, extra_cells=[SAVE_CELL.format(path=path)])
        with open(path, "rb") as file:
            return pickle.load(file)


IMPORT_PROBE = (
    "import time; start = time.perf_counter(); import lab_utils_multiclass_TF; "
    "seconds = time.perf_counter() - start; import json, sys; "
    "print(json.dumps([seconds, sorted({'tensorflow', 'keras'} & set(sys.modules))]))"
)


def measure_import(repeats):
    """(i) The import statement in a fresh interpreter started from another folder, and
    the whole process (interpreter start included); medians of ``repeats``."""
    statement, process, loaded = [], [], set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", IMPORT_PROBE], cwd=ROOT / "benchmarks",
                              env=env, capture_output=True, text=True, check=True)
        process.append(time.perf_counter() - start)
        seconds, names = json.loads(done.stdout)
        statement.append(seconds)
        loaded |= set(names)
        if done.stderr:
            raise RuntimeError(f"importing the helpers wrote to stderr: {done.stderr}")
    return {"seconds": statistics.median(statement),
            "process_seconds": statistics.median(process), "heavy_modules": sorted(loaded)}
