"""The HTML report of `make run`, opened from disk in a real browser that may not go online."""

from types import SimpleNamespace

import pytest
import run_notebook
from browser_tools import collect_errors, is_blank, only_local, pixel_variance, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.notebook]

FIGURES, PICTURES = 8, 2  # the lab's figures, and the prose's pictures
PLACEHOLDERS = ("Loading widget", "Canvas(", "Error displaying widget", "model not found")


@pytest.fixture(scope="module")
def report(browser, executed_notebook, tmp_path_factory):
    """The report, written alone in a folder (no images/ beside it) and opened from there."""
    path = tmp_path_factory.mktemp("report") / "C2_W2_Multiclass_TF.html"
    path.write_text(run_notebook.export_html(executed_notebook), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        refused = only_local(context, lambda url: url.startswith(("file:", "data:")))
        page = context.new_page()
        errors = collect_errors(page)
        page.goto(path.as_uri(), wait_until="load")
        screenshot(page, "report_page", full_page=True)
        yield SimpleNamespace(page=page, errors=errors, refused=refused)
    finally:
        context.close()


def loaded_width(img):
    return img.evaluate("img => img.complete ? img.naturalWidth : 0")


def test_figures_are_images_that_load_and_are_not_blank(report):
    figures = report.page.locator(".jp-OutputArea-output img")
    assert figures.count() == FIGURES
    for i, figure in enumerate(figures.all(), start=1):
        assert loaded_width(figure) > 0, f"figure {i} did not load"
        image = screenshot(figure, f"report_figure_{i}")
        assert not is_blank(image), f"figure {i} is blank (variance {pixel_variance(image)})"


def test_every_picture_loads_without_the_images_folder(report):
    pictures = report.page.locator("img").all()
    assert len(pictures) == FIGURES + PICTURES
    assert [i for i, img in enumerate(pictures) if loaded_width(img) == 0] == []


def test_no_widget_placeholder_text(report):
    text = report.page.locator("body").inner_text()
    assert [p for p in PLACEHOLDERS if p in text] == []


def test_no_console_errors(report):
    assert report.errors == []


def test_nothing_is_fetched_from_the_network(report):
    assert report.refused == []
