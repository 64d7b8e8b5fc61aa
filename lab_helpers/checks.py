"""Argument checks: every public function validates its input here, before any work.

A function declares its checks with :func:`checked`, keyed by its own
parameter names, right after its definition: ``f = checked(f, x=check)``.
``checked`` verifies when the module is imported that those names are
parameters of ``f``, and passes each name to its check, so the name in an
error message is the parameter's real name: it cannot drift from the code.

Each check takes ``(value, name, args)``, where ``args`` holds the arguments
checked so far (by name), and returns the value converted, for example a
list of labels as an int array. Messages say what was expected and what was got.
"""

from __future__ import annotations

import functools
import inspect
import numbers
from dataclasses import dataclass, field

import numpy as np

MAX_CLASSES = 10  # classes the figures have colours (and markers) for
MAX_UNITS = 8  # layer-1 units the per-unit figures lay out


def checked(func, /, **checks):
    """``func``, running ``checks[name]`` on its argument ``name`` before each call.

    Applied after the definition, ``f = checked(f, x=check)``, rather than as a
    decorator: the mutation tester (``make mutation``) leaves decorated functions
    out. Only arguments passed are checked; ``f`` fills in its own defaults.
    Checks run in the order given, so a check may use arguments checked before
    it (or their defaults). Unknown parameter names are a ``TypeError`` here,
    when the module is imported.
    """
    signature = inspect.signature(func)
    for name, check in checks.items():
        unknown = [n for n in (name, *getattr(check, "refs", ())) if n not in signature.parameters]
        if unknown:
            raise TypeError(f"{func.__qualname__} has no parameter {unknown[0]!r} to check")
    defaults = {n: p.default for n, p in signature.parameters.items() if p.default is not p.empty}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        seen = {**defaults, **bound.arguments}
        for name, check in checks.items():
            if name in bound.arguments:
                seen[name] = bound.arguments[name] = check(seen[name], name, seen)
        return func(*bound.args, **bound.kwargs)

    return wrapper


@dataclass(frozen=True)
class Check:
    """A check that uses other arguments (``refs``, by parameter name), or allows None."""

    func: object
    refs: tuple = field(default=())
    optional: bool = False

    def __call__(self, value, name, args):
        if value is None and self.optional:
            return None
        return self.func(value, name, *((ref, args[ref]) for ref in self.refs))


def optional(check):
    """``check``, but None passes through unchanged."""
    return Check(getattr(check, "func", check), getattr(check, "refs", ()), optional=True)


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


def points(value, name, args=None):
    """Points in the plane: a finite float array of shape (m, 2)."""
    return as_finite_array(value, name, ndim=2, columns=2)


def point_or_points(value, name, args=None):
    """One point ``(x0, x1)`` (shape (2,) or (1, 2)) or points (m, 2): a float array (m, 2)."""
    arr = as_finite_array(value, name)
    if arr.shape == (2,):
        return arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must be a point (x0, x1) or an array of shape (m, 2); "
                         f"got shape {arr.shape}")
    return arr


def matrix(value, name, args=None):
    """Examples with any number of features: a finite float array of shape (m, n)."""
    return as_finite_array(value, name, ndim=2)


def class_count(value, name, args=None):
    """Number of classes, from an int or from the ids ``[0, 1, ..., k-1]``."""
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
    if not 1 <= n <= MAX_CLASSES:
        raise ValueError(f"{name} must be between 1 and {MAX_CLASSES}; got {n}")
    return n


def class_ids(value, name, examples=None, classes=None):
    """Class ids of shape (m,) or (m, 1) as an int array (m,), one per row of ``examples``.

    ``examples`` and ``classes`` are ``(name, value)`` pairs of checked arguments;
    without ``classes`` any id up to ``MAX_CLASSES - 1`` is allowed.
    """
    arr = as_finite_array(value, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must have shape (m,) or (m, 1); got shape {arr.shape}")
    examples_name, examples_value = examples or (name, arr)
    m = len(examples_value)
    if arr.shape[0] != m:
        raise ValueError(
            f"{examples_name} and {name} must have the same length; got {m} and {arr.shape[0]}"
        )
    ids = arr.astype(np.int64)
    if not np.array_equal(ids, arr):
        raise ValueError(f"{name} must hold integer class ids; got non-integer values")
    n = classes[1] if classes is not None else MAX_CLASSES
    bad = ids[(ids < 0) | (ids >= n)]
    if bad.size:
        raise ValueError(f"{name} holds class id {int(bad[0])}, outside classes 0..{n - 1}")
    return ids


labels = Check(class_ids)  # class ids 0 .. MAX_CLASSES - 1, of any length


def label_names(value, name, classes=None):
    """Names of classes for a legend: a list of 1 to ``MAX_CLASSES`` strings, at least one
    per class if ``classes`` (a ``(name, count)`` pair) is given."""
    if isinstance(value, str) or not hasattr(value, "__len__"):
        raise TypeError(f"{name} must be a list of class names; got {type(value).__name__}")
    least = 1 if classes is None else classes[1]
    if not least <= len(value) <= MAX_CLASSES:
        raise ValueError(f"{name} must name {least} to {MAX_CLASSES} classes; got {len(value)}")
    return [str(v) for v in value]


def label_names_for(classes):
    """Check: optional legend names, at least one per class of the argument ``classes``."""
    return Check(label_names, (classes,), optional=True)


def labels_of(examples, classes=None):
    """Check: class ids, one per row of the argument ``examples``, below ``classes``."""
    return Check(class_ids, (examples,) if classes is None else (examples, classes))


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------
def kernel(value, name, inputs, most=None):
    """A dense layer's kernel of shape (inputs, units), with at most ``most`` units.

    ``inputs`` is a count, or a ``(name, examples)`` pair whose columns it must match.
    """
    W = as_finite_array(value, name, ndim=2)
    if isinstance(inputs, tuple):
        inputs_name, examples = inputs
        want, fit = np.shape(examples)[1], f" to fit {inputs_name}"
    else:
        want, fit = inputs, ""
    if W.shape[0] != want:
        raise ValueError(f"{name} must have shape ({want}, units){fit}; got shape {W.shape}")
    if most is not None and not 1 <= W.shape[1] <= most:
        raise ValueError(f"{name} must have 1 to {most} units (columns); got {W.shape[1]}")
    return W


def kernel_of(inputs, *, most=None):
    """Check: a kernel whose rows match the columns of the argument ``inputs``."""
    return Check(lambda value, name, pair: kernel(value, name, pair, most), (inputs,))


def plane_kernel(most):
    """Check: a kernel (2, units) of a layer whose inputs are a plane, 1 to ``most`` units."""
    return lambda value, name, args=None: kernel(value, name, 2, most)


def bias(value, name, W):
    """A dense layer's bias, one per column of the checked kernel ``W`` (a pair)."""
    W_name, W_value = W
    b = as_finite_array(value, name).reshape(-1)
    if b.shape[0] != W_value.shape[1]:
        raise ValueError(
            f"{name} must have shape ({W_value.shape[1]},) to fit {W_name} of shape "
            f"{W_value.shape}; got {np.shape(value)}"
        )
    return b


def bias_of(W):
    """Check: a bias that fits the argument ``W``."""
    return Check(bias, (W,))


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------
def whole_number(minimum=1):
    """Check: an int of at least ``minimum``."""

    def check(value, name, args=None):
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < minimum:
            want = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
            raise ValueError(f"{name} must be {want}; got {value!r}")
        return int(value)

    return check


def value_range(value, name, args=None):
    """``(low, high)`` with ``low < high``, as floats."""
    arr = as_finite_array(value, name, ndim=1)
    if arr.shape != (2,) or not arr[0] < arr[1]:
        raise ValueError(f"{name} must be (low, high) with low < high; got {value!r}")
    return float(arr[0]), float(arr[1])


def non_negative(value, name, args=None):
    """A finite number >= 0, as a float."""
    if not isinstance(value, numbers.Real) or not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0; got {value!r}")
    return float(value)


def predicted_ids(ids, n_classes, name):
    """Refuse class ids outside ``0 .. n_classes - 1`` that ``name`` predicted."""
    bad = ids[(ids < 0) | (ids >= n_classes)]
    if bad.size:
        raise ValueError(
            f"{name} predicted class id {int(bad[0])}, outside classes 0..{n_classes - 1}"
        )
    return ids
