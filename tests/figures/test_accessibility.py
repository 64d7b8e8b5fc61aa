"""Classes are told apart without colour (marker shapes) and with colour blindness
(distances under simulated deuteranopia and protanopia)."""

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert

from lab_helpers.style import CLASS_DARK, CLASS_LIGHT, CLASS_MARKERS

# The smallest CAM02-UCS distance between two class colours, as the README states them,
# under normal vision and simulated deuteranopia and protanopia (severity 100).
STATED = {("dark", 4): 15.0, ("light", 4): 8.5, ("dark", 10): 8.5, ("light", 10): 4.5}
VISIONS = [None, "deuteranomaly", "protanomaly"]


def seen(rgb, vision):
    if vision is None:
        return rgb
    cvd = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
    return np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)


def smallest_distance(colours, vision):
    ucs = cspace_convert(seen(colours[:, :3], vision), "sRGB1", "CAM02-UCS")
    return min(np.linalg.norm(a - b) for a, b in itertools.combinations(ucs, 2))


@pytest.mark.parametrize("vision", VISIONS, ids=["normal", "deuteranopia", "protanopia"])
@pytest.mark.parametrize(("shade", "n"), list(STATED))
def test_every_pair_of_class_colours_is_apart(shade, n, vision):
    colours = {"dark": CLASS_DARK, "light": CLASS_LIGHT}[shade][:n]
    assert smallest_distance(colours, vision) >= STATED[shade, n]


@pytest.mark.no_mutation  # reads the README, which the mutation copy leaves out
def test_readme_states_the_distances(root):
    readme = (root / "README.md").read_text()
    for (shade, n), distance in STATED.items():
        assert f"{shade} colours of {n} classes: at least {distance:g}" in readme


def test_every_class_has_its_own_marker():
    assert len(set(CLASS_MARKERS)) == len(CLASS_MARKERS) == len(CLASS_DARK)
