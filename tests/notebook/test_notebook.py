"""The lab notebook, executed in a real kernel as `make run` does."""

import re

import nbformat
import numpy as np
import pytest
import run_notebook
from support.notebook_outputs import (
    CONTROL_CHARS,
    WEIGHT_DIGEST_CELL,
    all_stdout,
    cell_containing,
    code_cells,
    figure_captions,
    figure_pngs,
    outputs,
    printed_value,
    stream_text,
)

pytestmark = pytest.mark.notebook

SEED_NAMES = ["X_train", "y_train", "model", "W1", "b1", "W2", "b2", "classes"]


def test_runs_without_errors(executed_notebook):
    errors = [o for o in outputs(executed_notebook) if o["output_type"] == "error"]
    assert errors == []
    assert all(c.execution_count for c in code_cells(executed_notebook))


def test_nothing_on_stderr(executed_notebook):
    # Warnings (Python's and TensorFlow's) would arrive here as stderr streams.
    stderr = [o["text"] for o in outputs(executed_notebook)
              if o["output_type"] == "stream" and o["name"] == "stderr"]
    assert stderr == []


def test_no_control_characters_in_outputs(executed_notebook):
    for out in outputs(executed_notebook):
        texts = [out.get("text", "")] + [v for k, v in out.get("data", {}).items()
                                         if k.startswith("text/") and isinstance(v, str)]
        for text in texts:
            assert not CONTROL_CHARS.search(text), repr(text[:200])


def test_prints_the_data_set_summary(executed_notebook):
    text = stream_text(cell_containing(executed_notebook, "class representation"))
    assert text.splitlines() == [
        "unique classes [0 1 2 3]",
        "class representation [3 3 3 0 3 3 3 3 2 0]",
        "shape of X_train: (100, 2), shape of y_train: (100,)",
    ]


def test_training_log_is_the_loss_every_20_epochs(executed_notebook):
    lines = stream_text(cell_containing(executed_notebook, "model.fit(")).splitlines()
    epochs = [int(re.fullmatch(r"epoch +(\d+)/200: loss \d+\.\d{4}", line).group(1))
              for line in lines]
    assert epochs == list(range(20, 201, 20))
    losses = [float(line.rsplit(" ", 1)[1]) for line in lines]
    assert losses[-1] < losses[0]


def test_running_the_training_cell_again_trains_the_same_network(root):
    nb = nbformat.read(root / "C2_W2_Multiclass_TF.ipynb", as_version=4)
    training = cell_containing(nb, "model.fit(").source
    nb = run_notebook.execute(nb, extra_cells=[WEIGHT_DIGEST_CELL, training, WEIGHT_DIGEST_CELL])
    digests = [line for line in all_stdout(nb).splitlines() if line.startswith("weights sha256")]
    assert len(digests) == 2 and digests[0] == digests[1]


def test_reaches_full_training_accuracy(executed_notebook):
    assert printed_value(executed_notebook, "training accuracy:") == "100.0%"


def test_shows_its_eight_figures_in_order(executed_notebook):
    from lab_helpers.atlas_figure import LABEL as ATLAS
    from lab_helpers.explorer import LABEL as EXPLORER
    from lab_helpers.figures import LABELS
    from lab_helpers.trace_figure import LABEL as TRACE

    assert figure_captions(executed_notebook) == [
        LABELS["data"], LABELS["regions"], LABELS["layer1"], LABELS["output"], TRACE,
        LABELS["confidence"], EXPLORER, ATLAS]
    images = figure_pngs(executed_notebook)
    assert len(images) == 8
    for img in images:
        assert img.shape[0] > 100 and img.shape[1] > 100
        assert img.std() > 20, "a figure is (almost) a single colour"


def test_every_figure_is_an_interactive_widget_with_a_png_fallback(executed_notebook):
    figures = [o for o in outputs(executed_notebook) if "image/png" in o.get("data", {})]
    for out in figures:
        assert "application/vnd.jupyter.widget-view+json" in out["data"]
    # no widget state: viewers and nbconvert fall back to the PNG
    assert "widgets" not in executed_notebook.metadata


def test_no_cell_shows_a_figure_twice(executed_notebook):
    for cell in code_cells(executed_notebook):
        pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        # a returned Figure would add its text repr as the cell's result
        figure_reprs = [o for o in cell.outputs if o["output_type"] == "execute_result"
                        and o["data"].get("text/plain", "").startswith("<Figure")]
        assert len(pngs) <= 1 and figure_reprs == []


def test_training_explorer_has_a_live_view_and_a_static_fallback(executed_notebook):
    (out,) = cell_containing(executed_notebook, "plt_training_explorer(").outputs
    assert {"application/vnd.jupyter.widget-view+json", "image/png"} <= set(out["data"])
    assert out["data"]["text/plain"].startswith("TrainingExplorer(epochs 0..200)")


TRACE_CELL = "forward_trace(model, point)"
TRACE_FIGURES = ["plt_forward_trace(X_train", "confidence=True)"]


def test_follows_one_point_and_prints_numbers_that_agree(executed_notebook):
    lines = stream_text(cell_containing(executed_notebook, TRACE_CELL)).splitlines()
    assert len(lines) == 6
    x, z1, a1, scores, p = (np.array([float(v) for v in re.findall(r"-?\d+\.\d+", line)])
                            for line in lines[:5])
    assert x.tolist() == [-0.5, 0.0]  # halfway between the centres of classes 1 and 2
    assert a1 == pytest.approx(np.maximum(z1, 0), abs=0.006)
    softmax = np.exp(scores) / np.exp(scores).sum()
    assert p == pytest.approx(softmax, abs=0.015)  # from scores rounded to 2 decimals
    winner = int(np.argmax(scores))
    assert lines[5] == f"predicted class {winner}, probability {p[winner]:.2f}"


def test_shows_the_trace_and_the_confidence_view(executed_notebook):
    for snippet in TRACE_FIGURES:
        (out,) = cell_containing(executed_notebook, snippet).outputs
        assert {"application/vnd.jupyter.widget-view+json", "image/png"} <= set(out["data"])


def test_keeps_the_seed_names(executed_notebook):
    source = "\n".join(c.source for c in code_cells(executed_notebook))
    for name in SEED_NAMES:
        assert re.search(rf"\b{name}\b\s*(,|=)", source), f"{name} is not assigned"
    assert re.search(r"^seed = \d+ ", source, re.MULTILINE)
    assert "set_random_seed(seed)" in source


def test_identical_weights_and_output_over_two_runs(executed_notebook, executed_again):
    first = printed_value(executed_notebook, "weights sha256")
    assert re.fullmatch(r"[0-9a-f]{64}", first)
    assert printed_value(executed_again, "weights sha256") == first
    assert all_stdout(executed_again) == all_stdout(executed_notebook)
    pngs = zip(figure_pngs(executed_notebook), figure_pngs(executed_again), strict=True)
    assert all(np.array_equal(a, b) for a, b in pngs)


def test_executed_copy_is_a_valid_notebook(executed_notebook):
    nbformat.validate(executed_notebook)
