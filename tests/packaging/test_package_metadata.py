"""The wheel's metadata: license, classifiers, and the [keras] extra's TensorFlow build."""

import email
import re
import zipfile

import pytest
from packaging.requirements import Requirement
from test_package import wheel  # noqa: F401  (the fixture building the wheel)


@pytest.fixture(scope="module")
def metadata(wheel):  # noqa: F811
    archive = zipfile.ZipFile(wheel)
    (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    return email.message_from_bytes(archive.read(name)), archive.namelist()


def pinned(path):
    """The requirements of a requirements file, without comments and options."""
    lines = (line.split("  #")[0].strip() for line in path.read_text().splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith(("#", "-"))]


def test_license_is_mit_and_shipped(metadata, root):
    meta, names = metadata
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert (root / "LICENSE").read_text().startswith("MIT License\n")


def test_classifiers_name_the_tested_interpreters(metadata, root):
    meta, _ = metadata
    classifiers = meta.get_all("Classifier")
    listed = sorted(c.rsplit(" :: ", 1)[1] for c in classifiers
                    if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    # the README's "tested together ... with Python 3.11.7, 3.12.1 and 3.13.0"
    readme = " ".join((root / "README.md").read_text().split())
    tested = re.search(r"tested together on Linux x86_64 with Python ([^:]+?):", readme)
    assert tested, "the README's list of tested interpreters"
    in_readme = sorted(".".join(v.split(".")[:2]) for v in re.findall(r"3\.\d+\.\d+",
                                                                          tested.group(1)))
    assert listed == in_readme
    assert "Intended Audience :: Education" in classifiers


def test_keras_extra_takes_the_tensorflow_build_of_requirements_txt(metadata, root):
    meta, _ = metadata
    extra = [Requirement(r) for r in meta.get_all("Requires-Dist") if "extra == 'keras'" in r]
    runtime = [r for r in pinned(root / "requirements.txt") if r.name.startswith("tensorflow")]
    assert len(runtime) == 2
    for platform in ("linux", "darwin", "win32"):
        env = {"sys_platform": platform, "extra": "keras"}
        chosen = {r.name for r in extra if r.name.startswith("tensorflow")
                  and r.marker.evaluate(env)}
        expected = {r.name for r in runtime if r.marker.evaluate({"sys_platform": platform})}
        assert chosen == expected, platform
    assert {r.name for r in extra} == {"keras", "tensorflow", "tensorflow-cpu"}
