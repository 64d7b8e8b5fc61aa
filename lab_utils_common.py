"""Shared helpers of the course labs: colours, the plot style, and the NumPy routines
and plots of the earlier (linear and logistic regression) labs.

This module is a public face; the code lives in the package ``lab_helpers``
beside it: colours and style in ``lab_helpers/style.py``, the NumPy routines
in ``lab_helpers/regression.py``, and the binary-classification plots
(``plot_data``, ``plt_tumor_data``, ``draw_vthresh``, ``button_manager``) in
``lab_helpers/binary_plots.py``.

Importing it changes no global state: no rcParams, no NumPy print options, no
logging levels. The course style is applied only inside :func:`lab_style`,
which finds ``deeplearning.mplstyle`` next to the package's code, whatever the
working directory.
"""

from lab_helpers.binary_plots import button_manager, draw_vthresh, plot_data, plt_tumor_data
from lab_helpers.checks import as_finite_array  # noqa: F401  (importable, as before)
from lab_helpers.regression import (
    compute_cost_logistic,
    compute_cost_matrix,
    compute_gradient_matrix,
    gradient_descent,
    log_1pexp,
    predict_linear,
    predict_logistic,
    sigmoid,
    zscore_normalize_features,
)
from lab_helpers.style import (
    STYLE_FILE,
    dlblue,
    dlc,
    dlcolors,
    dldarkblue,
    dldarkred,
    dlmagenta,
    dlmedblue,
    dlorange,
    dlpurple,
    lab_style,
)

__all__ = [
    "dlblue", "dlorange", "dldarkred", "dlmagenta", "dlpurple", "dldarkblue", "dlmedblue",
    "dlcolors", "dlc", "STYLE_FILE", "lab_style",
    "sigmoid", "predict_logistic", "predict_linear", "log_1pexp",
    "compute_cost_logistic", "compute_cost_matrix", "compute_gradient_matrix",
    "gradient_descent", "zscore_normalize_features",
    "plot_data", "plt_tumor_data", "draw_vthresh", "button_manager",
]
