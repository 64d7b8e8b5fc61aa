"""Plain `jupyter nbconvert --to html --execute` in .venv, as a CI author runs it.

`make setup` installs tools/jupyter/jupyter_nbconvert_config.json into .venv's
etc/jupyter; with it the page shows every figure (no widget state) and embeds
every picture (it still works when moved).
"""

import base64
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from support.notebook_outputs import decode_png, figure_cells, prose_pictures

pytestmark = pytest.mark.notebook

NOTEBOOK = "C2_W2_Multiclass_TF.ipynb"
INSTALLED_CONFIG = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_nbconvert_config.json"
PNG_DATA = "data:image/png;base64,"


class Links(HTMLParser):
    """Every ``src`` and ``href`` of a page, and the ``src`` of its images."""

    def __init__(self):
        super().__init__()
        self.urls, self.images = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.urls.append(value)
                if tag == "img":
                    self.images.append(value)


@pytest.fixture(scope="module")
def page(root, tmp_path_factory):
    """The page of exactly the README's command, with nobody's own Jupyter settings."""
    out = tmp_path_factory.mktemp("nbconvert")
    env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_CONFIG_PATH", "JUPYTER_PATH")}
    env["JUPYTER_CONFIG_DIR"] = str(out / "no-user-config")  # only .venv's config counts
    done = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "html", "--execute",
         NOTEBOOK, "--output-dir", str(out)],
        cwd=root, env=env, capture_output=True, text=True, check=False)
    links = Links()
    if done.returncode == 0:
        links.feed((out / NOTEBOOK).with_suffix(".html").read_text(encoding="utf-8"))
    return SimpleNamespace(done=done, links=links,
                           stored=nbformat.read(root / NOTEBOOK, as_version=4))


def test_make_setup_installed_the_tracked_config(root):
    tracked = root / "tools" / "jupyter" / "jupyter_nbconvert_config.json"
    assert INSTALLED_CONFIG.is_file(), f"{INSTALLED_CONFIG} is missing: run `make setup`"
    assert INSTALLED_CONFIG.read_text() == tracked.read_text(), "out of date: run `make setup`"


def test_runs_without_error(page):
    assert page.done.returncode == 0, page.done.stderr


def test_every_image_is_embedded(page):
    expected = len(figure_cells(page.stored)) + len(prose_pictures(page.stored))
    assert expected == 10  # 8 figures and 2 pictures of the prose, as the notebook stands
    assert len(page.links.images) == expected
    assert all(src.startswith(PNG_DATA) for src in page.links.images)


def test_prose_pictures_are_the_files_in_images(page, root):
    embedded = {base64.b64decode(src.removeprefix(PNG_DATA)) for src in page.links.images}
    for path in prose_pictures(page.stored):
        assert (root / path).read_bytes() in embedded, f"{path} is not embedded"


def test_figures_are_pictures_of_plots(page, root):
    pictures = {(root / path).read_bytes() for path in prose_pictures(page.stored)}
    figures = [src.removeprefix(PNG_DATA) for src in page.links.images
               if base64.b64decode(src.removeprefix(PNG_DATA)) not in pictures]
    assert len(figures) == len(figure_cells(page.stored))
    for image in map(decode_png, figures):
        assert image.shape[0] > 100 and image.shape[1] > 100
        assert image.std() > 20, "a figure is (almost) a single colour"


def test_loads_nothing_by_relative_path(page):
    # A page moved elsewhere keeps working: in-page anchors, data: URLs and absolute URLs only.
    relative = [url for url in page.links.urls
                if not url.startswith(("#", "data:", "https:", "http:"))]
    assert relative == []
