"""Binder (repo2docker): the Python pin it reads, and the requirements it installs there."""

import re
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import Version


def binder_python(root):
    """The version of binder/runtime.txt (``python-X.Y``, the one line repo2docker reads)."""
    text = (root / "binder" / "runtime.txt").read_text()
    match = re.fullmatch(r"python-(3\.\d+)\n", text)
    assert match, f"binder/runtime.txt must hold one line python-X.Y; it holds {text!r}"
    return match.group(1)


def readme_interpreters(root):
    """X.Y of each interpreter the README says the pins were tested together on."""
    readme = " ".join((root / "README.md").read_text().split())
    tested = re.search(r"tested together on Linux x86_64 with Python ([^:]+?):", readme)
    assert tested, "the README's list of tested interpreters"
    return {".".join(v.split(".")[:2]) for v in re.findall(r"3\.\d+\.\d+", tested.group(1))}


def test_pin_is_allowed_by_requires_python(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert Version(binder_python(root) + ".0") in SpecifierSet(project["requires-python"])


def test_pin_is_an_interpreter_the_pins_were_tested_on(root):
    assert binder_python(root) in readme_interpreters(root)
    assert readme_interpreters(root) == {"3.11", "3.12", "3.13"}


def test_binder_installs_the_lab_requirements(root):
    # With a binder/ folder, repo2docker reads no configuration file outside it.
    lines = [line for line in (root / "binder" / "requirements.txt").read_text().splitlines()
             if line and not line.startswith("#")]
    assert len(lines) == 1
    option, path = lines[0].split()
    assert option == "-r"
    # pip reads a nested requirements file relative to the file that names it
    assert (root / "binder" / Path(path)).resolve() == (root / "requirements.txt").resolve()
    assert sorted(p.name for p in (root / "binder").iterdir()) == ["requirements.txt",
                                                                    "runtime.txt"]


def test_readme_says_how_binder_is_set_up(root):
    readme = (root / "README.md").read_text()
    assert f"`binder/runtime.txt` (`python-{binder_python(root)}`)" in readme
