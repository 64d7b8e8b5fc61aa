"""The lab in Jupyter Notebook 7, in a real browser, run as a learner runs it: Run > Run All
Cells. Notebook 7 is built on JupyterLab; what differs is around the notebook (no status
bar, no tabs), so the figures and the explorer are checked as in test_jupyterlab.py."""

import time
from types import SimpleNamespace

import nbformat
import pytest
from browser_tools import (
    changed_fraction,
    is_blank,
    pixel_variance,
    pixels_of_colour,
    screenshot,
)
from lab_server import NOTEBOOK
from notebook_page import (
    KERNEL,
    STDERR_MIME,
    canvas_of,
    drawn_canvas,
    figures,
    new_canvas,
    opened_and_run,
    runs_python_of_this_environment,
    screenshot_whole_notebook,
    shows_up,
)
from support.notebook_outputs import figure_cells

from lab_helpers.style import CLASS_DARK

pytestmark = [pytest.mark.e2e, pytest.mark.notebook]

# Notebook 7.6.5 on JupyterLab 4.6.6 throws this on every page load, before any cell runs,
# with or without the lab (its keyboard-shortcuts plugin reads the settings schema of
# "@jupyterlab/docmanager-extension:plugin" before that plugin's settings are loaded).
# Nothing on the page depends on it; any other console error fails the test.
UPSTREAM_ERROR = "uncaught: Cannot read properties of undefined (reading 'schema')"
# The colours of classes 0-3 as the figures draw their points: every figure of the lab
# shows the training points in them.
CLASS_COLOURS = {name: tuple(round(255 * v) for v in CLASS_DARK[k, :3])
                 for k, name in enumerate(("blue", "green", "orange", "purple"))}


@pytest.fixture(scope="module")
def notebook(browser, notebook7):
    """The lab open in Notebook 7 after Run All Cells, with what the page did meanwhile."""
    stored = nbformat.read(notebook7.root / NOTEBOOK, as_version=4)
    with opened_and_run(browser, notebook7, f"notebooks/{NOTEBOOK}", wait_for_kernel) as run:
        saved = save_notebook(run.page, notebook7.root / NOTEBOOK)
        yield SimpleNamespace(**vars(run), saved=saved,
                              n_code=sum(c.cell_type == "code" for c in stored.cells),
                              n_figures=len(figure_cells(stored)))
        screenshot_whole_notebook(run.page, "notebook7_notebook")


def wait_for_kernel(page, state, timeout):
    """Until the notebook's toolbar names the kernel and its indicator says ``state``.

    Notebook 7 has no status bar. Before the kernel is connected the toolbar says
    "No Kernel" while the indicator already says idle, so both are read at once.
    """
    page.wait_for_function(
        """([kernel, state]) => {
            const name = document.querySelector('.jp-KernelName');
            const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
            return name && name.textContent.trim() === kernel && indicator
                && indicator.textContent.includes(`Kernel status: ${state}`);
        }""",
        arg=[KERNEL, state], timeout=timeout * 1000)


def save_notebook(page, path, timeout=30):
    """File saved from the browser (File > Save Notebook): the front end's own record of
    the run. Notebook 7 marks no unsaved state, so the file is read until it holds the run.
    """
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.get_by_role("menuitem", name="Save Notebook", exact=False).first.click()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            saved = nbformat.read(path, as_version=4)
        except ValueError:  # read while the server writes it (it writes in place)
            saved = None
        if saved and all(c.execution_count for c in saved.cells if c.cell_type == "code"):
            return saved
        page.wait_for_timeout(200)  # not time.sleep: Playwright must pass the request on
    screenshot(page, "notebook7_not_saved")
    raise AssertionError(f"{path.name} was not saved within {timeout} s: see "
                         "build/e2e/notebook7_not_saved.png")


def test_every_code_cell_ran_in_order_and_was_saved(notebook):
    expected = list(range(1, notebook.n_code + 1))
    prompts = notebook.page.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()
    assert [p.strip() for p in prompts] == [f"[{n}]:" for n in expected]
    assert [c.execution_count for c in notebook.saved.cells if c.cell_type == "code"] == expected


def test_no_error_and_nothing_on_stderr(notebook):
    kinds = [(o.output_type, o.get("name")) for c in notebook.saved.cells
             for o in c.get("outputs", [])]
    assert ("error", None) not in kinds and ("stream", "stderr") not in kinds
    shown = notebook.page.locator(f'.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]')
    assert shown.count() == 0


def test_runs_in_the_kernel_of_the_venv(notebook, notebook7):
    (kernel,) = notebook7.kernels()
    assert runs_python_of_this_environment(kernel)
    assert notebook.page.locator(".jp-KernelName").inner_text() == KERNEL


def test_every_figure_is_a_live_canvas_showing_the_four_classes(notebook):
    shown = figures(notebook.page)
    assert shown.count() == notebook.n_figures == 8  # the lab's eight figures
    # live, not the static PNG that a front end without widgets would show instead
    assert notebook.page.locator(".jp-OutputArea-output.jp-RenderedImage").count() == 0
    for i, figure in enumerate(shown.all(), start=1):
        assert canvas_of(figure).locator("canvas").count() >= 1
        assert shows_up(canvas_of(figure)), f"figure {i} stays hidden (a 0x0 canvas)"
        image = drawn_canvas(figure, f"notebook7_figure_{i}")
        assert not is_blank(image), f"figure {i} is blank (variance {pixel_variance(image)})"
        missing = [name for name, rgb in CLASS_COLOURS.items()
                   if pixels_of_colour(image, rgb) < 50]  # a few points' worth
        assert missing == [], f"figure {i} shows no {missing} points"


def test_explorer_slider_moves_the_figure(notebook):
    page, explorer = notebook.page, figures(notebook.page).nth(6)  # before the seed atlas
    before = drawn_canvas(explorer, "notebook7_explorer_last_epoch")
    page.locator(".widget-slider .noUi-handle").last.focus()
    page.keyboard.press("Home")  # back to epoch 0
    after = new_canvas(explorer, before, "notebook7_explorer_epoch_0")
    assert changed_fraction(before, after) > 0.1


def test_no_console_errors_but_the_known_upstream_one(notebook):
    assert [e for e in notebook.errors if e != UPSTREAM_ERROR] == []


def test_nothing_is_fetched_from_outside(notebook):
    assert notebook.refused == []
