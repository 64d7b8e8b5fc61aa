"""Names that need an optional package: loaded when first used, or a stand-in that says
how to install what they need.

The base install (NumPy and matplotlib) draws any model; the Keras callbacks need the
``[keras]`` extra. Without it, the facades still import, ``help()`` and ``import *``
still work, and using a Keras-only name raises one error naming the install command.
"""

from __future__ import annotations

from importlib import import_module

KERAS_INSTALL = 'pip install "multiclass-tf-lab[keras]"'
# Packages whose absence means "the [keras] extra is not installed".
KERAS_PACKAGES = ("keras", "tensorflow")


def keras_missing_message(name, missing):
    """The one sentence a Keras-only ``name`` says when package ``missing`` is absent."""
    return (f"{name} needs Keras (the package {missing!r} is not installed); "
            f"install the extra that provides it: {KERAS_INSTALL}")


def keras_stand_in(name, missing):
    """A class in place of the Keras-only class ``name``: making one raises
    ModuleNotFoundError with :func:`keras_missing_message`."""
    message = keras_missing_message(name, missing)

    def refuse(self, *args, **kwargs):
        raise ModuleNotFoundError(message, name=missing)

    return type(name, (), {"__init__": refuse, "__doc__": f"Not available here: {message}.",
                           "__module__": "lab_helpers.optional"})


def load_optional(name, module):
    """Attribute ``name`` of ``module``, or its stand-in when ``module`` cannot import Keras.

    Any other import error is raised as it is.
    """
    try:
        return getattr(import_module(module), name)
    except ModuleNotFoundError as err:
        missing = (err.name or "").partition(".")[0]
        if missing not in KERAS_PACKAGES:
            raise
        return keras_stand_in(name, missing)
