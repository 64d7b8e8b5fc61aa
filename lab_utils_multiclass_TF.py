"""Helpers of the multi-class classification lab: data, decision regions, and what
each unit of a small ReLU -> linear network computes.

This module is the lab's public face; the code lives in the package
``lab_helpers`` beside it. Where each figure is drawn:

* ``plt_mc``, ``plt_cat_mc``, ``plt_layer_relu``, ``plt_output_layer_linear``:
  ``lab_helpers/figures.py``, from pieces in ``lab_helpers/draw.py``;
* ``plt_training_explorer``: ``lab_helpers/explorer.py``, from the numbers of
  ``lab_helpers/replay.py``;
* ``plt_forward_trace``: ``lab_helpers/trace_figure.py``, from the numbers of
  ``forward_trace`` (``lab_helpers/trace.py``);
* ``plt_seed_atlas``: ``lab_helpers/atlas_figure.py``, from the runs of
  ``seed_atlas`` (``lab_helpers/atlas.py``);
* ``plt_mc_data``, ``plot_mc_data``, ``plot_cat_decision_boundary_mc``,
  ``plt_prob_z``: ``lab_helpers/legacy_plots.py``.

The numbers behind them come from ``lab_helpers/compute.py`` (meshes, regions,
unit maps), ``lab_helpers/predictor.py`` (evaluating any model) and
``lab_helpers/network.py`` (the forward pass); the
sentences from ``lab_helpers/explain.py``; the diagnosis of a training run from
``lab_helpers/diagnosis.py`` (its wording in ``lab_helpers/diagnosis_text.py``).
Importing this module imports neither TensorFlow nor Keras and changes no global
state: ``PrintLoss`` and ``WeightHistory`` (``lab_helpers/callbacks.py``) and
``seed_atlas``, ``SeedAtlas`` and ``AtlasEntry`` (``lab_helpers/atlas.py``) load
Keras when first used. Without Keras (the base install) they are stand-ins whose
use names the install command (``lab_helpers/optional.py``); ``help()`` and
``import *`` work.
"""

from lab_helpers.atlas_figure import plt_seed_atlas
from lab_helpers.compute import (
    decision_regions,
    plot_limits,
    predict_class_ids,
    relu_layer,
    unit_maps,
)
from lab_helpers.diagnosis import TrainingDiagnosis, coinciding_examples, diagnose_training
from lab_helpers.explain import (
    OutputUnit,
    ReluUnit,
    confusion_summary,
    confusions,
    describe_output_units,
    describe_relu_units,
    explain_units,
)
from lab_helpers.explorer import TrainingExplorer, plt_training_explorer
from lab_helpers.figures import plt_cat_mc, plt_layer_relu, plt_mc, plt_output_layer_linear
from lab_helpers.legacy_plots import (
    plot_cat_decision_boundary_mc,
    plot_mc_data,
    plt_mc_data,
    plt_prob_z,
)
from lab_helpers.optional import load_optional
from lab_helpers.style import (
    CLASS_COLOR_NAMES,
    class_colors,
    dkcolors,
    dkcolors_map,
    dlblue,
    dlc,
    dlcolors,
    dldarkblue,
    dldarkred,
    dlmagenta,
    dlmedblue,
    dlorange,
    dlpurple,
    ltcolors,
    ltcolors_map,
    truncate_colormap,
)
from lab_helpers.trace import PointTrace, forward_trace
from lab_helpers.trace_figure import ForwardTraceView, plt_forward_trace

__all__ = [
    # colours
    "dlblue", "dlorange", "dldarkred", "dlmagenta", "dlpurple", "dldarkblue", "dlmedblue",
    "dlcolors", "dlc", "dkcolors", "ltcolors", "dkcolors_map", "ltcolors_map", "class_colors",
    # compute
    "predict_class_ids", "plot_limits", "decision_regions", "relu_layer", "unit_maps",
    # draw
    "plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear",
    "plt_mc_data", "plot_mc_data", "plot_cat_decision_boundary_mc", "plt_prob_z",
    "truncate_colormap",
    # explaining a trained network
    "CLASS_COLOR_NAMES", "ReluUnit", "OutputUnit", "describe_relu_units", "describe_output_units",
    "explain_units", "confusions", "confusion_summary",
    "diagnose_training", "TrainingDiagnosis", "coinciding_examples",
    # training, and replaying it
    "PrintLoss", "WeightHistory",  # noqa: F822 (loaded by __getattr__)
    "plt_training_explorer", "TrainingExplorer",
    # following one point through the network
    "forward_trace", "PointTrace", "plt_forward_trace", "ForwardTraceView",
    # the same network trained with many seeds
    "seed_atlas", "SeedAtlas", "AtlasEntry",  # noqa: F822 (loaded by __getattr__)
    "plt_seed_atlas",
]

# Names whose module imports Keras: loaded on first use.
_LAZY = {"PrintLoss": "lab_helpers.callbacks", "WeightHistory": "lab_helpers.callbacks",
         "seed_atlas": "lab_helpers.atlas", "SeedAtlas": "lab_helpers.atlas",
         "AtlasEntry": "lab_helpers.atlas"}


def __getattr__(name):
    if name in _LAZY:
        value = load_optional(name, _LAZY[name])
        if value.__module__ == _LAZY[name]:  # the real class: later lookups do not come back
            globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
