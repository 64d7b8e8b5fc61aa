"""The lab in JupyterLab, in a real browser, run as a learner runs it: Run > Run All Cells."""

import time
from types import SimpleNamespace

import nbformat
import pytest
from browser_tools import (
    ROOT,
    changed_fraction,
    is_blank,
    pixel_variance,
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

pytestmark = [pytest.mark.e2e, pytest.mark.notebook]

FIGURES = 8  # the lab's eight figures
EXPLORER = 6  # the explorer is the seventh; the seed atlas follows it


@pytest.fixture(scope="module")
def lab(browser, jupyterlab):
    """The notebook open in JupyterLab after Run All Cells, with what the page did meanwhile."""
    n_code = sum(c.cell_type == "code"
                 for c in nbformat.read(jupyterlab.root / NOTEBOOK, as_version=4).cells)
    with opened_and_run(browser, jupyterlab, f"lab/tree/{NOTEBOOK}", wait_for_kernel) as run:
        saved = save_notebook(run.page, jupyterlab.root / NOTEBOOK)
        yield SimpleNamespace(**vars(run), saved=saved, n_code=n_code)
        screenshot_whole_notebook(run.page, "lab_notebook")


# --- what a learner does ------------------------------------------------------------

def wait_for_kernel(page, state, timeout):
    """Until the status bar says e.g. "Python 3 (ipykernel) | Idle".

    The notebook toolbar's indicator says idle before the kernel is even connected, and a
    Run All at that moment opens a "Select Kernel" dialog instead of running.
    """
    page.locator(".jp-StatusBar-TextItem", has_text=f"{KERNEL} | {state}").wait_for(
        timeout=timeout * 1000)


def save_notebook(page, path):
    """File saved from the browser (Ctrl/Cmd+S): the front end's own record of the run."""
    unsaved_tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty")
    unsaved_tab.wait_for()  # the run changed the notebook
    page.locator(".jp-NotebookPanel-notebook").click(position={"x": 5, "y": 5})  # focus
    page.keyboard.press("ControlOrMeta+s")
    unsaved_tab.wait_for(state="detached")
    return nbformat.read(path, as_version=4)


def drag(page, element, start, end):
    """Mouse drag across ``element``, from and to fractions (x, y) of its size."""
    box = element.bounding_box()
    page.mouse.move(box["x"] + start[0] * box["width"], box["y"] + start[1] * box["height"])
    page.mouse.down()
    page.mouse.move(box["x"] + end[0] * box["width"], box["y"] + end[1] * box["height"],
                    steps=10)
    page.mouse.up()


# --- the checks -----------------------------------------------------------------------

def test_every_code_cell_ran_in_order(lab):
    prompts = lab.page.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()
    assert [p.strip() for p in prompts] == [f"[{n}]:" for n in range(1, lab.n_code + 1)]
    counts = [c.execution_count for c in lab.saved.cells if c.cell_type == "code"]
    assert counts == list(range(1, lab.n_code + 1))


def test_no_error_output(lab):
    errors = [o for c in lab.saved.cells for o in c.get("outputs", [])
              if o.output_type == "error"]
    assert errors == []


def test_no_stderr_output(lab):
    stderr = [o.text for c in lab.saved.cells for o in c.get("outputs", [])
              if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == []
    shown = lab.page.locator(f'.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]')
    assert shown.all_text_contents() == []


def test_runs_in_the_kernel_of_the_venv(lab, jupyterlab):
    kernels = jupyterlab.kernels()
    assert len(kernels) == 1
    assert runs_python_of_this_environment(kernels[0])
    assert lab.page.locator(".jp-KernelName").inner_text() == KERNEL


def test_figures_are_interactive_canvases_and_not_blank(lab):
    shown = figures(lab.page)
    assert shown.count() == FIGURES
    for i, figure in enumerate(shown.all(), start=1):
        assert canvas_of(figure).locator("canvas").count() >= 1
        assert shows_up(canvas_of(figure)), f"figure {i} stays hidden (a 0x0 canvas)"
        image = drawn_canvas(figure, f"lab_figure_{i}")
        assert not is_blank(image), f"figure {i} is blank (variance {pixel_variance(image)})"


def test_toolbar_zoom_redraws_the_figure(lab):
    page, figure = lab.page, figures(lab.page).first
    before = drawn_canvas(figure, "lab_figure_1_before_zoom")
    figure.hover()
    figure.get_by_title("Zoom to rectangle").click()
    drag(page, canvas_of(figure), start=(0.35, 0.35), end=(0.65, 0.65))
    page.mouse.move(0, 0)  # off the figure: its toolbar fades out of the screenshots
    after = new_canvas(figure, before, "lab_figure_1_zoomed")
    assert changed_fraction(before, after) > 0.1
    # Home ("Reset original view") brings the figure back as it was.
    figure.hover()
    figure.get_by_title("Reset original view").click()
    page.mouse.move(0, 0)
    reset = new_canvas(figure, after, "lab_figure_1_reset")
    assert changed_fraction(before, reset) < 0.01


def test_explorer_slider_replays_an_earlier_epoch(lab):
    # The training explorer is the last figure: its slider starts at the last epoch.
    page, explorer = lab.page, figures(lab.page).nth(EXPLORER)
    assert page.locator(".widget-slider").count() >= 1, "the explorer has no slider"
    before = drawn_canvas(explorer, "explorer_last_epoch")
    page.locator(".widget-slider .noUi-handle").last.focus()
    page.keyboard.press("Home")  # to epoch 0, as a learner would with the keyboard
    after = new_canvas(explorer, before, "explorer_epoch_0")
    assert changed_fraction(before, after) > 0.1


def test_explorer_play_button_animates_the_figure(lab):
    page, explorer = lab.page, figures(lab.page).nth(EXPLORER)
    before = drawn_canvas(explorer, "explorer_before_play")
    page.locator(".widget-play button").first.click()  # Play: runs through the epochs
    after = new_canvas(explorer, before, "explorer_playing")
    assert changed_fraction(before, after) > 0.01
    page.locator(".widget-play button").nth(1).click()  # pause, so the page goes quiet


# Where a click lands on the trace figure: the data panel is the top left of its 2 x 3 grid,
# and this spot of it lies in class 0's cluster, away from the point the notebook follows.
TRACE_CLICK = (0.15, 0.18)  # fractions of the canvas's width and height


def grid_cells(image, rows=2, cols=3):
    """The screenshot cut into the figure's panel grid, row by row."""
    height, width = image.shape[:2]
    return [image[r * height // rows:(r + 1) * height // rows,
                  c * width // cols:(c + 1) * width // cols]
            for r in range(rows) for c in range(cols)]


def test_click_on_the_trace_moves_the_point_in_every_panel(lab):
    page = lab.page
    cell = page.locator(".jp-CodeCell", has_text="plt_forward_trace(X_train")
    trace = cell.locator(".jupyter-matplotlib-figure")
    assert trace.count() == 1, "the trace figure is not a live canvas"
    canvas = canvas_of(trace)
    canvas.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # not over the figure (its toolbar shows while hovered)
    before = drawn_canvas(trace, "trace_before_click")
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + TRACE_CLICK[0] * box["width"],
                     box["y"] + TRACE_CLICK[1] * box["height"])
    page.mouse.move(0, 0)  # off the figure: its toolbar fades out of the screenshots
    after = new_canvas(trace, before, "trace_after_click")
    panels = ["data", "layer 1, unit 0", "layer 1, unit 1", "layer 2's plane", "scores",
              "probabilities"]
    for name, old, new in zip(panels, grid_cells(before), grid_cells(after), strict=True):
        assert changed_fraction(old, new) > 0.001, f"the {name} panel did not change"


def test_no_console_errors(lab):
    # Nothing filtered: a clean run logs no console error at all (ipympl's "No handler
    # for the 'capture_scroll' message" lines are plain logs, not errors).
    assert lab.errors == []


def test_nothing_is_fetched_from_outside(lab):
    assert lab.refused == []


# Where layer 2's plane lies on the explorer's canvas (the middle of its three panels), as
# fractions of the canvas's width and height: inside the axes, clear of titles and labels.
PLANE_CROP = ((0.44, 0.65), (0.25, 0.8))
REPLAY_SHOTS = ROOT / "build"  # replay_epoch_000.png etc.: for people to look at


def plane_pixels(image):
    (left, right), (top, bottom) = PLANE_CROP
    height, width = image.shape[:2]
    return image[int(top * height):int(bottom * height), int(left * width):int(right * width)]


def settled_canvas(figure, name, timeout=20):
    """Screenshot of a figure's canvas once two in a row, 0.3 s apart, are the same: the
    kernel has sent the last of a burst of updates."""
    deadline = time.monotonic() + timeout
    image = drawn_canvas(figure, name)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        again = drawn_canvas(figure, name)
        if changed_fraction(image, again) == 0:
            break
        image = again
    return image


def slider_epoch(handle):
    return round(float(handle.get_attribute("aria-valuenow")))


def test_explorer_slider_moves_layer_2s_plane(lab):
    page = lab.page
    cell = page.locator(".jp-CodeCell", has_text="plt_training_explorer(X_train")
    explorer = cell.locator(".jupyter-matplotlib-figure")
    handle = cell.locator(".widget-slider .noUi-handle")
    widget = cell.locator(".widget-vbox").first  # the Play button, the slider and the figure
    widget.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # off the figure: its toolbar fades out of the screenshots
    shots = {}
    # the keyboard, as a learner steps through: to the start, 50 steps on, to the end
    for keys, epoch in [(["Home"], 0), (["ArrowRight"] * 50, 50), (["End"], 200)]:
        handle.focus()
        for key in keys:
            page.keyboard.press(key)
        assert slider_epoch(handle) == epoch
        shots[epoch] = settled_canvas(explorer, f"explorer_plane_epoch_{epoch}")
        widget.screenshot(path=REPLAY_SHOTS / f"replay_epoch_{epoch:03d}.png")
    for a, b in [(0, 50), (50, 200), (0, 200)]:
        assert changed_fraction(plane_pixels(shots[a]), plane_pixels(shots[b])) > 0.02, (
            f"layer 2's plane looks the same at epochs {a} and {b}")
    # a click on the slider's track, a quarter of the way along: an early epoch
    track = cell.locator(".widget-slider .noUi-base")
    box = track.bounding_box()
    page.mouse.click(box["x"] + 0.25 * box["width"], box["y"] + box["height"] / 2)
    page.mouse.move(0, 0)
    assert 20 < slider_epoch(handle) < 80
    clicked = settled_canvas(explorer, "explorer_plane_clicked")
    assert changed_fraction(plane_pixels(shots[200]), plane_pixels(clicked)) > 0.02
