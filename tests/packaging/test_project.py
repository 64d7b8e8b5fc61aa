"""The project around the notebook: images, Makefile, pins."""

import os
import subprocess

import pytest


def test_images_are_what_the_script_draws(tmp_path, root, monkeypatch):
    import make_images

    monkeypatch.setattr(make_images, "IMAGES", tmp_path)
    make_images.main()
    for name in ("network.png", "relu.png"):
        assert (tmp_path / name).read_bytes() == (root / "images" / name).read_bytes(), (
            f"images/{name} is out of date: run `make images`"
        )


def test_make_help_lists_every_target(root):
    done = subprocess.run(["make", "-s", "help"], cwd=root, capture_output=True, text=True,
                          check=True)
    listed = {line.split()[0] for line in done.stdout.splitlines()[1:]}
    assert {"run", "test", "lab", "notebook", "images", "setup", "lint", "clean"} <= listed
    phony = next(line for line in (root / "Makefile").read_text().splitlines()
                 if line.startswith(".PHONY:"))
    assert set(phony.split()[1:]) == listed


def fake_old_python(folder):
    """An executable that answers ``--version`` as Python 3.10 does and fails otherwise."""
    old = folder / "python3.10"
    old.write_text('#!/bin/sh\n[ "$1" = "--version" ] && echo "Python 3.10.12" && exit 0\n'
                   "exit 1\n")
    old.chmod(0o755)
    return str(old)


@pytest.mark.parametrize(("python", "expected"), [
    (fake_old_python, "is Python 3.10.12; this lab needs Python 3.11 or newer"),
    (lambda folder: str(folder / "python9"), "not found; this lab needs Python 3.11 or newer"),
    (lambda folder: "python9", "Python 'python9' not found"),
], ids=["too old", "missing path", "missing command"])
def test_make_stops_with_one_clear_line_on_a_bad_python(tmp_path, root, python, expected):
    # a make of its own, not a sub-make of `make test` (which would pass its settings on)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    done = subprocess.run(["make", "setup", f"PYTHON={python(tmp_path)}",
                           f"VENV={tmp_path / 'venv'}"],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    ours = [line for line in done.stderr.splitlines() if not line.startswith("make: ***")]
    assert len(ours) == 1, done.stderr
    assert ours[0].startswith("error: ") and expected in ours[0]
    assert "PYTHON=python3.12" in ours[0]  # says how to name another interpreter
    assert not (tmp_path / "venv").exists()


@pytest.mark.parametrize("name", ["numpy", "matplotlib", "ipympl", "scikit-learn",
                                  "tensorflow", "keras", "jupyterlab", "notebook", "nbclient"])
def test_requirements_pin_exact_versions(root, name):
    lines = [line.split("#")[0].strip() for line in
             (root / "requirements.txt").read_text().splitlines()]
    pins = [line for line in lines if line.split("==")[0].strip() in (name, f"{name}-cpu")]
    assert pins and all("==" in pin for pin in pins)

