"""A notebook open in the browser, for JupyterLab and Notebook 7 alike: what a learner does
(Run All Cells) and what the tests look at (ipympl figures, screenshots)."""

import contextlib
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from browser_tools import changed_fraction, collect_errors, is_blank, only_local, screenshot
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

KERNEL = "Python 3 (ipykernel)"
# the MIME type JupyterLab and Notebook 7 render both stderr streams and tracebacks with
STDERR_MIME = "application/vnd.jupyter.stderr"
VIEWPORT = {"width": 1280, "height": 900}


def runs_python_of_this_environment(kernel):
    """Whether the ``kernel`` process runs the interpreter of the environment running the
    tests (its folder may be reached through a link, e.g. a shared .venv)."""
    folder = Path(kernel.cmdline()[0]).parent
    return folder.resolve() == Path(sys.executable).parent.resolve()


@contextlib.contextmanager
def opened_and_run(browser, server, path, wait_for_kernel):
    """``server``'s page at ``path`` (the notebook) after Run > Run All Cells, in a browser
    context of its own that may reach nothing but the server.

    Yields the page, its console errors and the requests refused (see ``only_local``).
    """
    context = browser.new_context(viewport=VIEWPORT)
    try:
        refused = only_local(context, lambda url: url.startswith((server.url, "blob:",
                                                                  "data:")))
        page = context.new_page()
        errors = collect_errors(page)
        page.goto(f"{server.url}{path}?token={server.token}")
        wait_for_kernel(page, "Idle", timeout=60)
        run_all_cells(page, wait_for_kernel)
        yield SimpleNamespace(page=page, errors=errors, refused=refused)
    finally:
        context.close()


def run_all_cells(page, wait_for_kernel, timeout=120):
    """Run > Run All Cells, as a learner does; wait until every cell has finished and
    ``wait_for_kernel(page, "Idle", timeout)`` (each front end shows the kernel's state
    its own way)."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    # A prompt turns from [ ] or [*] into [n] once its cell has finished.
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=timeout * 1000)
    wait_for_kernel(page, "Idle", timeout=timeout)


def figures(page):
    return page.locator(".jupyter-matplotlib-figure")


def canvas_of(figure):
    return figure.locator(".jupyter-matplotlib-canvas-div")


def shows_up(element, timeout=20):
    """Whether ``element`` gets a size and is not hidden within ``timeout`` seconds."""
    try:
        element.wait_for(state="visible", timeout=timeout * 1000)
    except PlaywrightTimeoutError:
        return False
    return True


def drawn_canvas(figure, name, timeout=20):
    """Screenshot of a figure's canvas once it shows something (the kernel sends the image
    after the view appears), or the blank one after ``timeout`` seconds."""
    figure.locator(".jupyter-matplotlib-toolbar").wait_for(state="hidden")  # shown on hover
    deadline = time.monotonic() + timeout
    image = screenshot(canvas_of(figure), name)
    while is_blank(image) and time.monotonic() < deadline:
        time.sleep(0.2)
        image = screenshot(canvas_of(figure), name)
    return image


def new_canvas(figure, before, name, timeout=20):
    """Screenshot of a figure's canvas once it differs from ``before`` (or at ``timeout``)."""
    deadline = time.monotonic() + timeout
    image = drawn_canvas(figure, name)
    while changed_fraction(before, image) == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
        image = drawn_canvas(figure, name)
    return image


def screenshot_whole_notebook(page, name):
    """One picture of the whole notebook: a window made tall enough to show every cell."""
    scroller = page.locator(".jp-NotebookPanel-notebook .jp-WindowedPanel-outer")
    scroller.evaluate("el => el.scrollTo(0, 0)")
    for _ in range(3):  # cells out of sight have estimated heights until they are drawn
        hidden = scroller.evaluate("""async el => {
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            const cells = el.querySelectorAll('.jp-Cell');
            const last = cells[cells.length - 1].getBoundingClientRect().bottom;
            return Math.ceil(last - el.getBoundingClientRect().bottom);
        }""")
        if hidden <= 0:
            break
        page.set_viewport_size({**VIEWPORT, "height": page.viewport_size["height"] + hidden})
    try:
        screenshot(page, name)
    finally:
        page.set_viewport_size(VIEWPORT)
