"""Argument checks, called in the first lines of every public function.

One convention: a check takes the argument under its parameter's name and
returns it converted, ``X = check_points(X=X)``, so that its message names the
parameter as the caller's code spells it. What the argument must fit is given
by keyword (``rows_of=("X", X)``: a name and a checked value). Messages say
what was expected and what was got. Code behind the public functions trusts
its inputs and checks nothing again. :func:`as_finite_array`, under every array
check, also checks values whose names are made at run time (``weights[2]``).
"""

from __future__ import annotations

import numbers

import numpy as np

MAX_CLASSES = 10  # classes the figures have colours (and markers) for
MAX_UNITS = 8  # layer-1 units the per-unit figures lay out


def named_argument(kwargs):
    """The one ``name=value`` pair a check was given."""
    if len(kwargs) != 1:
        raise TypeError(f"a check takes one argument by its name; got {sorted(kwargs)}")
    return next(iter(kwargs.items()))


# ---------------------------------------------------------------------------
# Arrays
# ---------------------------------------------------------------------------
def as_finite_array(value, name, *, ndim=None, columns=None, allow_empty=False):
    """``value`` as a float ndarray, after checking its shape and values.

    Parameters
    ----------
    value : array-like
    name : str
        Argument name for error messages.
    ndim : int, optional
        Required number of dimensions.
    columns : int, optional
        Required size of the last axis (only with ``ndim=2``).
    allow_empty : bool, default=False

    Raises
    ------
    TypeError
        If ``value`` is not numeric.
    ValueError
        If the shape is wrong, the array is empty, or it holds NaN or inf.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"{name} must be a numeric array; got {type(value).__name__} ({err})"
        ) from None
    if ndim is not None and arr.ndim != ndim:
        want = f"(m, {columns})" if (ndim == 2 and columns) else f"{ndim}-D"
        raise ValueError(f"{name} must be an array of shape {want}; got shape {arr.shape}")
    if columns is not None and arr.shape[-1] != columns:
        raise ValueError(f"{name} must be an array of shape (m, {columns}); got shape {arr.shape}")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.count_nonzero(~np.isfinite(arr)))
        raise ValueError(f"{name} must hold finite numbers; got {bad} NaN or inf value(s)")
    return arr


def check_points(**kwargs):
    """Points in the plane: a finite float array of shape (m, 2)."""
    name, value = named_argument(kwargs)
    return as_finite_array(value, name, ndim=2, columns=2)


def check_point_or_points(**kwargs):
    """One point ``(x0, x1)`` (shape (2,) or (1, 2)) or points (m, 2): a float array (m, 2)."""
    name, value = named_argument(kwargs)
    arr = as_finite_array(value, name)
    if arr.shape == (2,):
        return arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must be a point (x0, x1) or an array of shape (m, 2); "
                         f"got shape {arr.shape}")
    return arr


def check_one_point(**kwargs):
    """One point (x0, x1), shape (2,) or (1, 2), as a float array (1, 2)."""
    name, _ = named_argument(kwargs)
    arr = check_point_or_points(**kwargs)
    if len(arr) != 1:
        raise ValueError(f"{name} must be one point (x0, x1); got {len(arr)} points")
    return arr


def check_matrix(**kwargs):
    """Examples with any number of features: a finite float array of shape (m, n)."""
    name, value = named_argument(kwargs)
    return as_finite_array(value, name, ndim=2)


# ---------------------------------------------------------------------------
# Classes
# ---------------------------------------------------------------------------
def check_class_count(*, least=1, **kwargs):
    """Number of classes, ``least`` to ``MAX_CLASSES``, from an int or the ids ``[0, ..., k-1]``."""
    name, value = named_argument(kwargs)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        n = int(value)
    else:
        ids = np.asarray(value)
        if not np.issubdtype(ids.dtype, np.integer):
            raise TypeError(
                f"{name} must be the number of classes or the ids 0..k-1; got {value!r}"
            )
        if ids.ndim != 1 or not np.array_equal(ids, np.arange(ids.size)):
            raise ValueError(f"{name} must be the ids 0..k-1 in order; got {value!r}")
        n = ids.size
    if not least <= n <= MAX_CLASSES:
        raise ValueError(f"{name} must be between {least} and {MAX_CLASSES}; got {n}")
    return n


def check_class_ids(*, rows_of=None, classes=None, **kwargs):
    """Class ids of shape (m,) or (m, 1) as an int array (m,).

    ``rows_of`` is a ``(name, value)`` pair of checked examples to give one id per row
    to; ids must be below ``classes`` (by default ``MAX_CLASSES``).
    """
    name, value = named_argument(kwargs)
    arr = as_finite_array(value, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must have shape (m,) or (m, 1); got shape {arr.shape}")
    if rows_of is not None and arr.shape[0] != len(rows_of[1]):
        raise ValueError(f"{rows_of[0]} and {name} must have the same length; "
                         f"got {len(rows_of[1])} and {arr.shape[0]}")
    ids = arr.astype(np.int64)
    if not np.array_equal(ids, arr):
        raise ValueError(f"{name} must hold integer class ids; got non-integer values")
    n = MAX_CLASSES if classes is None else classes
    bad = ids[(ids < 0) | (ids >= n)]
    if bad.size:
        raise ValueError(f"{name} holds class id {int(bad[0])}, outside classes 0..{n - 1}")
    return ids


def check_label_names(*, classes=None, **kwargs):
    """Names of classes for a legend: a list of 1 to ``MAX_CLASSES`` strings, at least one
    per class if the number of ``classes`` is given; None stays None."""
    name, value = named_argument(kwargs)
    if value is None:
        return None
    if isinstance(value, str) or not hasattr(value, "__len__"):
        raise TypeError(f"{name} must be a list of class names; got {type(value).__name__}")
    least = 1 if classes is None else classes
    if not least <= len(value) <= MAX_CLASSES:
        raise ValueError(f"{name} must name {least} to {MAX_CLASSES} classes; got {len(value)}")
    return [str(v) for v in value]


def check_predicted_ids(ids, n_classes, name):
    """Refuse class ids outside ``0 .. n_classes - 1`` that the model ``name`` predicted."""
    bad = ids[(ids < 0) | (ids >= n_classes)]
    if bad.size:
        raise ValueError(
            f"{name} predicted class id {int(bad[0])}, outside classes 0..{n_classes - 1}"
        )
    return ids


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------
def check_kernel(*, rows_of=None, inputs=None, most=None, **kwargs):
    """A dense layer's kernel (inputs, units), with at most ``most`` units.

    Its rows match the columns of ``rows_of``, a ``(name, checked examples)`` pair,
    or number ``inputs``.
    """
    name, value = named_argument(kwargs)
    W = as_finite_array(value, name, ndim=2)
    want, fit = inputs, ""
    if rows_of is not None:
        want, fit = rows_of[1].shape[1], f" to fit {rows_of[0]}"
    if W.shape[0] != want:
        raise ValueError(f"{name} must have shape ({want}, units){fit}; got shape {W.shape}")
    if most is not None and not 1 <= W.shape[1] <= most:
        raise ValueError(f"{name} must have 1 to {most} units (columns); got {W.shape[1]}")
    return W


def check_bias(*, fits, **kwargs):
    """A dense layer's bias, one value per column of the kernel ``fits`` (a
    ``(name, checked kernel)`` pair), as a float array (units,)."""
    name, value = named_argument(kwargs)
    W_name, W = fits
    b = as_finite_array(value, name).reshape(-1)
    if b.shape[0] != W.shape[1]:
        raise ValueError(f"{name} must have shape ({W.shape[1]},) to fit {W_name} of shape "
                         f"{W.shape}; got {np.shape(value)}")
    return b


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------
def check_whole_number(*, minimum=1, **kwargs):
    """An int of at least ``minimum``."""
    name, value = named_argument(kwargs)
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < minimum:
        want = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {want}; got {value!r}")
    return int(value)


def check_range(**kwargs):
    """``(low, high)`` with ``low < high``, as floats."""
    name, value = named_argument(kwargs)
    arr = as_finite_array(value, name, ndim=1)
    if arr.shape != (2,) or not arr[0] < arr[1]:
        raise ValueError(f"{name} must be (low, high) with low < high; got {value!r}")
    return float(arr[0]), float(arr[1])


def check_non_negative(**kwargs):
    """A finite number >= 0, as a float."""
    name, value = named_argument(kwargs)
    if not isinstance(value, numbers.Real) or not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0; got {value!r}")
    return float(value)
