"""The headless run's products: executed notebook, standalone HTML report, images."""

import html
import re
import subprocess
import sys

import numpy as np
import pytest
import run_notebook
from support.notebook_outputs import cell_containing, decode_png
from test_notebook import TRACE_FIGURES

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def report_html(executed_notebook):
    return run_notebook.export_html(executed_notebook)


def test_report_embeds_every_image(report_html):
    sources = re.findall(r'<img[^>]*\ssrc=["\']([^"\']+)', report_html)
    assert len(sources) == 10  # 8 figures + the prose's 2 pictures
    assert all(src.startswith("data:image/png;base64,") for src in sources)


def test_every_image_is_described(report_html, executed_notebook):
    from lab_helpers.atlas_figure import LABEL as ATLAS
    from lab_helpers.explorer import LABEL as EXPLORER
    from lab_helpers.figures import LABELS
    from lab_helpers.trace_figure import LABEL as TRACE

    images = re.findall(r"<img[^>]*>", report_html)
    described = [html.unescape(m) for m in re.findall(r'<img[^>]*\salt="([^"]*)"', report_html)]
    assert len(described) == len(images)
    prose = [alt for c in executed_notebook.cells if c.cell_type == "markdown"
             for alt in re.findall(r"!\[([^\]]+)\]\(", c.source)]
    assert sorted(described) == sorted([*LABELS.values(), TRACE, EXPLORER, ATLAS, *prose])


def test_report_shows_the_trace_and_the_confidence_view(executed_notebook, report_html):
    for snippet in TRACE_FIGURES:
        (out,) = cell_containing(executed_notebook, snippet).outputs
        png = out["data"]["image/png"].replace("\n", "")
        assert f"data:image/png;base64,{png}" in report_html, snippet
    assert "Follow one point" in report_html
    assert "predicted class" in report_html  # the printed trace


def test_report_loads_nothing_from_the_network(report_html):
    assert not re.search(r'<(script|link|img)[^>]*\s(src|href)=["\']https?:', report_html)
    assert "application/vnd.jupyter.widget-state+json" not in report_html


def test_make_run_script_writes_notebook_and_report(tmp_path, root):
    out = tmp_path / "build"
    done = subprocess.run([sys.executable, str(root / "tools" / "run_notebook.py"),
                           "--out", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "training accuracy: 100.0%" in done.stdout
    assert (out / "C2_W2_Multiclass_TF.ipynb").is_file()
    html = (out / "C2_W2_Multiclass_TF.html").read_text()
    assert len(re.findall(r'<img[^>]*\ssrc="data:image/png;base64,', html)) == 10
    assert (out / "images" / "network.png").is_file()
    assert not list(root.glob("kernel-*")), "kernel sockets left in the project folder"


def test_report_shows_the_static_replay_with_both_planes_and_the_loss(executed_notebook,
                                                                       report_html):
    from matplotlib.colors import to_rgb

    from lab_helpers.style import dlblue

    (out,) = cell_containing(executed_notebook, "plt_training_explorer(").outputs
    png = out["data"]["image/png"].replace("\n", "")
    assert f"data:image/png;base64,{png}" in report_html
    image = decode_png(png)
    height, width = image.shape[:2]
    assert width > 2 * height  # two rows of three epochs, two planes each, and the loss
    loss_blue = np.round(np.array(to_rgb(dlblue)) * 255)
    is_blue = np.abs(image[..., :3] - loss_blue).max(axis=-1) <= 8
    rows = np.nonzero(is_blue.any(axis=1))[0]
    assert rows.min() > 0.7 * height  # the loss curve: across the bottom, under the epochs
    assert np.ptp(np.nonzero(is_blue.any(axis=0))[0]) > 0.6 * width  # and across the figure
