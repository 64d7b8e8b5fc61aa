"""The helper modules as a public library: names, signatures, no side effects, no leaks."""

import inspect
import subprocess
import sys
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pytest
from support.reference import lab_scores

import lab_utils_common as common
import lab_utils_multiclass_TF as mc

_ = inspect.Parameter.empty
# The original modules' positional parameters and defaults (../shared/reference/original-api.md).
ORIGINAL_SIGNATURES = {
    mc: {
        "plt_mc": [("X_train", _), ("y_train", _), ("classes", _), ("centers", None),
                   ("std", None)],
        "plt_cat_mc": [("X_train", _), ("y_train", _), ("model", _), ("classes", _)],
        "plt_layer_relu": [("X", _), ("Y", _), ("W1", _), ("b1", _), ("classes", _)],
        "plt_output_layer_linear": [("X", _), ("Y", _), ("W", _), ("b", _), ("classes", _),
                                    ("x0_rng", None), ("x1_rng", None)],
        "plt_mc_data": [("ax", _), ("X", _), ("y", _), ("classes", _), ("class_labels", None),
                        ("map", plt.cm.Paired), ("legend", False), ("size", 50), ("m", "o"),
                        ("equal_xy", False)],
        "plot_mc_data": [("X", _), ("y", _), ("class_labels", None), ("legend", False),
                         ("size", 40)],
        "plot_cat_decision_boundary_mc": [("ax", _), ("X", _), ("predict", _),
                                          ("class_labels", None), ("legend", False),
                                          ("vector", True)],
        "plt_prob_z": [("ax", _), ("fwb", _), ("x0_rng", (-8, 8)), ("x1_rng", (-5, 4))],
        "truncate_colormap": [("cmap", _), ("minval", 0.0), ("maxval", 1.0), ("n", 100)],
    },
    common: {
        "sigmoid": [("z", _)],
        "predict_logistic": [("X", _), ("w", _), ("b", _)],
        "predict_linear": [("X", _), ("w", _), ("b", _)],
        "compute_cost_logistic": [("X", _), ("y", _), ("w", _), ("b", _), ("lambda_", 0),
                                  ("safe", False)],
        "log_1pexp": [("x", _), ("maximum", 20)],
        "compute_cost_matrix": [("X", _), ("y", _), ("w", _), ("b", _), ("logistic", False),
                                ("lambda_", 0), ("safe", True)],
        "compute_gradient_matrix": [("X", _), ("y", _), ("w", _), ("b", _),
                                    ("logistic", False), ("lambda_", 0)],
        "gradient_descent": [("X", _), ("y", _), ("w_in", _), ("b_in", _), ("alpha", _),
                             ("num_iters", _), ("logistic", False), ("lambda_", 0),
                             ("verbose", True), ("Trace", True)],
        "zscore_normalize_features": [("X", _)],
        "plot_data": [("X", _), ("y", _), ("ax", _), ("pos_label", "y=1"),
                      ("neg_label", "y=0"), ("s", 80), ("loc", "best")],
        "plt_tumor_data": [("x", _), ("y", _), ("ax", _)],
        "draw_vthresh": [("ax", _), ("x", _)],
        "button_manager": [("fig", _), ("dim", _), ("labels", _), ("init", _),
                           ("call_on_click", _)],
    },
}
COLOURS = {"dlblue": "#0096ff", "dlorange": "#FF9300", "dldarkred": "#C00000",
           "dlmagenta": "#FF40FF", "dlpurple": "#7030A0", "dldarkblue": "#0D5BDC"}


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in ORIGINAL_SIGNATURES.items()
                                              for n in names])
def test_original_signature_is_kept(module, name):
    params = list(inspect.signature(getattr(module, name)).parameters.values())
    positional = [(p.name, p.default) for p in params
                  if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    assert positional == ORIGINAL_SIGNATURES[module][name]
    # anything new is keyword-only
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[len(positional):])


@pytest.mark.parametrize("module", [mc, common])
def test_colour_names(module):
    for name, value in COLOURS.items():
        assert getattr(module, name) == value
        assert module.dlc[name] == value
    assert module.dlcolors == [COLOURS[n] for n in
                               ("dlblue", "dlorange", "dldarkred", "dlmagenta", "dlpurple")]
    assert common.dlmedblue == common.dlc["dlmedblue"] == "#4285F4"


def test_class_colours_are_paired_and_named_as_the_prose_says():
    paired = plt.get_cmap("Paired")
    assert np.allclose(mc.dkcolors, paired([1, 3, 7, 9, 5, 11]))
    assert np.allclose(mc.ltcolors, paired([0, 2, 6, 8, 4, 10]))
    assert np.allclose(mc.dkcolors_map(np.arange(6)), mc.dkcolors)
    dark, _ = mc.class_colors(4)
    r, g, b = dark[:, 0], dark[:, 1], dark[:, 2]
    assert b[0] > max(r[0], g[0])            # 0 blue
    assert g[1] > max(r[1], b[1])            # 1 green
    assert r[2] > g[2] > b[2]                # 2 orange
    assert r[3] > g[3] and b[3] > g[3]       # 3 purple
    assert mc.CLASS_COLOR_NAMES[:4] == ("blue", "green", "orange", "purple")


def test_everything_in_all_is_importable():
    for module in (mc, common):
        assert all(hasattr(module, name) for name in module.__all__)


IMPORT_PROBE = textwrap.dedent("""
    import logging, os, sys, warnings
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import numpy as np, matplotlib, keras
    import matplotlib.pyplot as plt

    def state():
        levels = {name: logging.getLogger(name).level
                  for name in list(logging.root.manager.loggerDict) + ["root"]}
        return (dict(matplotlib.rcParams), np.get_printoptions(), levels,
                list(warnings.filters), sorted(os.environ.items()))

    before = state()
    sys.path.insert(0, sys.argv[1])
    import lab_utils_common, lab_utils_multiclass_TF
    after = state()
    names = ("rcParams", "NumPy print options", "logging levels", "warning filters", "env")
    changed = [n for n, a, b in zip(names, before, after) if a != b]
    print("changed:", changed)
    print("style:", lab_utils_common.STYLE_FILE.is_file())
""")


@pytest.mark.no_mutation
def test_import_from_another_folder_changes_no_global_state(tmp_path, root):
    done = subprocess.run([sys.executable, "-c", IMPORT_PROBE, str(root)], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "changed: []" in done.stdout
    assert "style: True" in done.stdout


def test_style_applies_inside_the_helpers_only(lab_data):
    X, y = lab_data
    before = dict(plt.rcParams)
    fig = mc.plt_mc(X, y, 4)
    assert dict(plt.rcParams) == before
    ax = fig.axes[0]
    assert ax.title.get_fontsize() > 8  # axes.titlesize x-large of the course style
    assert ax.spines["left"].get_linewidth() == 3
    plt.close(fig)


@pytest.mark.no_mutation
def test_a_thousand_calls_leave_no_figure_open(lab_data, lab_weights):
    X, y = lab_data
    W1, b1, W2, b2 = lab_weights
    A1 = mc.relu_layer(X, W1, b1)
    # the smallest layouts of each figure (1 or 2 panels): same code paths, less time
    calls = [
        lambda: mc.plt_mc(X, y, 4),
        lambda: mc.plt_cat_mc(X, y, lab_scores(W1, b1, W2, b2), 4, resolution=10),
        lambda: mc.plt_layer_relu(X, y, W1[:, :1], b1[:1], 4, resolution=10),
        lambda: mc.plt_output_layer_linear(A1, y, W2[:, :2], b2[:2], 4, resolution=10),
        lambda: mc.plot_mc_data(X, y),
    ]
    assert plt.get_fignums() == []
    for i in range(1000):
        fig = calls[i % len(calls)]()
        assert plt.get_fignums() == [fig.number]  # the only figure opened is the one returned
        plt.close(fig)
    assert plt.get_fignums() == []

