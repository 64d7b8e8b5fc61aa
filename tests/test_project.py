"""The project around the notebook: images, Makefile, pins."""

import subprocess
import sys

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
    assert {"run", "test", "lab", "images", "setup", "lint", "clean"} <= listed
    phony = next(line for line in (root / "Makefile").read_text().splitlines()
                 if line.startswith(".PHONY:"))
    assert set(phony.split()[1:]) == listed


def test_make_stops_with_a_clear_message_on_old_python(tmp_path, root):
    old = tmp_path / "python3.10"
    old.write_text('#!/bin/sh\n[ "$1" = "--version" ] && echo "Python 3.10.12" && exit 0\n'
                   "exit 1\n")
    old.chmod(0o755)
    done = subprocess.run(["make", "setup", f"PYTHON={old}", f"VENV={tmp_path / 'venv'}"],
                          cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert "needs Python 3.11 or newer" in done.stderr
    assert "Python 3.10.12" in done.stderr
    assert not (tmp_path / "venv").exists()


@pytest.mark.parametrize("name", ["numpy", "matplotlib", "ipympl", "scikit-learn",
                                  "tensorflow", "keras", "jupyterlab", "nbclient"])
def test_requirements_pin_exact_versions(root, name):
    lines = [line.split("#")[0].strip() for line in
             (root / "requirements.txt").read_text().splitlines()]
    pins = [line for line in lines if line.split("==")[0].strip() in (name, f"{name}-cpu")]
    assert pins and all("==" in pin for pin in pins)


def test_python_is_new_enough():
    assert sys.version_info >= (3, 11)
