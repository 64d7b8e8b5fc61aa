"""The helpers as an installable package: its wheel, installs into fresh environments, a
cheap import, and a layout of small modules."""

import email
import subprocess
import sys
import sysconfig
import textwrap
import zipfile

import pytest
from test_readme import readme_example, run_example

import lab_helpers

FACADES = {"lab_utils_multiclass_TF.py", "lab_utils_common.py"}
MAX_MODULE_LINES = 300


def pip(python, *args, cwd=None):
    """pip of ``python``, offline: everything it needs is already on this machine."""
    done = subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", *args,
                           "--no-index", "--no-deps", "--no-build-isolation"],
                          cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, root):
    out = tmp_path_factory.mktemp("wheel")
    pip(sys.executable, "wheel", "--quiet", "--wheel-dir", str(out), str(root))
    (built,) = out.glob("*.whl")
    return built


def fresh_venv(folder):
    """A new virtual environment that reuses this one's installed packages (through a .pth
    file read before any other), so nothing has to be downloaded."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (folder / site.stdout.strip() / "00_reuse_installed.pth").write_text("\n".join(here) + "\n")
    return python


def test_wheel_holds_the_facades_the_package_and_its_style(wheel, root):
    names = set(zipfile.ZipFile(wheel).namelist())
    code = {n for n in names if ".dist-info/" not in n}
    package = {f"lab_helpers/{p.name}" for p in (root / "lab_helpers").glob("*.py")}
    assert code == FACADES | package | {"lab_helpers/deeplearning.mplstyle"}


def test_wheel_metadata(wheel):
    archive = zipfile.ZipFile(wheel)
    (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    meta = email.message_from_bytes(archive.read(meta_name))
    assert meta["Name"] == "multiclass-tf-lab"
    assert meta["Version"] == lab_helpers.__version__
    requires = meta.get_all("Requires-Dist")
    plain = sorted(r.split(">")[0] for r in requires if "extra ==" not in r)
    assert plain == ["matplotlib", "numpy"]  # drawing a scikit-learn model needs only these
    assert set(meta.get_all("Provides-Extra")) == {"keras", "widgets"}
    assert any(r.startswith("tensorflow") and "extra == 'keras'" in r for r in requires)
    assert any(r.startswith("ipympl") and "extra == 'widgets'" in r for r in requires)


def test_building_leaves_nothing_in_the_tree(wheel, root):
    assert list(root.glob("*.egg-info")) == []
    assert list((root / "build").glob("bdist*")) == []
    assert list((root / "build").glob("lib*")) == []


CHECK_INSTALLED = textwrap.dedent("""
    import sys
    from pathlib import Path
    import lab_utils_common, lab_utils_multiclass_TF, lab_helpers.style as style
    print("from:", Path(lab_utils_multiclass_TF.__file__).parent)
    print("style:", style.STYLE_FILE.is_file(), style.STYLE_FILE.parent.name)
    try:
        import images
        print("images importable")
    except ImportError:
        print("images not importable")
    print("loaded:", sorted({"tensorflow", "keras"} & set(sys.modules)))
""")


def test_installed_wheel_runs_the_readme_example_from_another_folder(tmp_path, wheel, root):
    python = fresh_venv(tmp_path / "venv")
    pip(python, "install", "--quiet", str(wheel))
    elsewhere = tmp_path / "notebooks"
    elsewhere.mkdir()
    done = run_example(readme_example(root), elsewhere, python=python)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == ["(100, 100)", "loaded: []"]
    assert (elsewhere / "regions.png").stat().st_size > 10_000
    # installed in the new environment, with the style beside the code
    done = subprocess.run([str(python), "-c", CHECK_INSTALLED], cwd=elsewhere,
                          capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"from: {tmp_path / 'venv'}")
    assert lines[1:] == ["style: True lab_helpers", "images not importable", "loaded: []"]


def test_installed_wheel_draws_with_the_course_style(tmp_path, wheel):
    python = fresh_venv(tmp_path / "venv")
    pip(python, "install", "--quiet", str(wheel))
    code = textwrap.dedent("""
        import numpy as np
        from lab_utils_multiclass_TF import plt_mc
        fig = plt_mc(np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 1]), 2)
        ax = fig.axes[0]
        print(ax.spines["left"].get_linewidth(), ax.title.get_fontsize())
    """)
    done = subprocess.run([str(python), "-W", "error", "-c", code], cwd=tmp_path,
                          env={"MPLBACKEND": "Agg", "PATH": ""}, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    linewidth, titlesize = map(float, done.stdout.split())
    assert linewidth == 3.0 and titlesize == 1.44 * 8  # axes.linewidth 3; x-large of size 8


def test_editable_install_maps_only_the_library(tmp_path, root):
    python = fresh_venv(tmp_path / "venv")
    pip(python, "install", "--quiet", "--editable", str(root))
    done = subprocess.run([str(python), "-c", CHECK_INSTALLED], cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"from: {root}", "style: True lab_helpers",
                                        "images not importable", "loaded: []"]
    assert list(root.glob("*.egg-info")) == []


IMPORT_PROBE = textwrap.dedent("""
    import sys
    import lab_utils_common, lab_utils_multiclass_TF
    print("after import:", sorted({"tensorflow", "keras"} & set(sys.modules)))
    print("PrintLoss is a Keras callback:",
          lab_utils_multiclass_TF.PrintLoss.__mro__[1].__name__ == "Callback")
    print("after first use:", sorted({"keras"} & set(sys.modules)))
""")


def test_import_loads_no_keras_until_a_callback_is_used(tmp_path, root):
    done = subprocess.run([sys.executable, "-W", "error", "-c", IMPORT_PROBE], cwd=tmp_path,
                          env={"PYTHONPATH": str(root), "TF_CPP_MIN_LOG_LEVEL": "2",
                               "PATH": ""},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["after import: []",
                                        "PrintLoss is a Keras callback: True",
                                        "after first use: ['keras']"]


def test_no_module_of_the_package_is_long(root):
    lengths = {p.name: len(p.read_text().splitlines())
               for p in (root / "lab_helpers").glob("*.py")}
    assert {name: n for name, n in lengths.items() if n > MAX_MODULE_LINES} == {}
    for facade in FACADES:  # short public faces
        assert len((root / facade).read_text().splitlines()) <= 120


def test_a_check_names_the_argument_it_is_given():
    from lab_helpers.checks import check_class_ids, check_points, check_whole_number

    assert check_points(X_train=[[1, 2]]).tolist() == [[1.0, 2.0]]
    with pytest.raises(ValueError, match=r"X_train must be an array of shape \(m, 2\)"):
        check_points(X_train=[1, 2, 3])
    with pytest.raises(ValueError, match="X and y must have the same length; got 2 and 1"):
        check_class_ids(y=[0], rows_of=("X", [[0.0, 0.0], [1.0, 1.0]]))
    with pytest.raises(ValueError, match="every must be an integer >= 2; got 1"):
        check_whole_number(every=1, minimum=2)
    with pytest.raises(TypeError, match="one argument by its name"):
        check_points(X=[[1, 2]], Y=[[1, 2]])


def test_public_functions_are_the_functions_written_not_wrappers():
    import lab_utils_multiclass_TF as mc

    for name in set(mc.__all__) - set(mc._LAZY):  # (those load Keras)
        value = getattr(mc, name)
        if callable(value) and not isinstance(value, type):
            assert not hasattr(value, "__wrapped__"), name
