"""Fixtures of the browser tests: headless Chromium, JupyterLab and Notebook 7 servers."""

from pathlib import Path

import lab_server
import pytest
from browser_tools import INSTALL_HINT, LAUNCH_ARGS, SCREENSHOTS, find_chromium
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        pytest.fail(f"no Chromium or Chrome found. {INSTALL_HINT}", pytrace=False)
    if not Path(path).is_file():
        pytest.fail(f"CHROMIUM_PATH={path} is not a file. {INSTALL_HINT}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Headless Chromium, driven by Playwright (never a browser Playwright downloads)."""
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()  # a run's screenshots, not a mix with an earlier run's
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab from .venv on a copy of the lab; stopped, kernels and all, in any case."""
    with lab_server.serving(lab_server.start(tmp_path_factory.mktemp("jupyterlab"))) as server:
        yield server


@pytest.fixture(scope="module")
def notebook7(tmp_path_factory):
    """Jupyter Notebook 7 from .venv on a copy of the lab; stopped as JupyterLab is."""
    workdir = tmp_path_factory.mktemp("notebook7")
    with lab_server.serving(lab_server.start(workdir, app="notebook")) as server:
        yield server
