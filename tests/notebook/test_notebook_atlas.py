"""The notebook's section "How often does this network learn?", as executed."""

import re

import pytest
from support.notebook_outputs import cell_containing, stream_text

import lab_utils_multiclass_TF as mc

pytestmark = pytest.mark.notebook

HEADING = "## How often does this network learn?"


@pytest.fixture(scope="module")
def atlas(lab_data):
    """The atlas of the notebook's 16 seeds, computed here."""
    return mc.seed_atlas(*lab_data, range(16))


def test_comes_right_after_the_replay(executed_notebook):
    sources = [cell.source for cell in executed_notebook.cells]
    heading = next(i for i, s in enumerate(sources) if s.startswith(HEADING))
    replay = next(i for i, s in enumerate(sources) if "plt_training_explorer(X_train" in s)
    between = executed_notebook.cells[replay + 1:heading]
    assert replay < heading and all(cell.cell_type == "markdown" for cell in between)


def test_prints_how_many_seeds_separate_every_class(executed_notebook, atlas):
    line = stream_text(cell_containing(executed_notebook, "atlas = seed_atlas(")).strip()
    separated = [seed for seed in range(16) if atlas[seed].accuracy == 1]
    assert line == (f"{len(separated)} of 16 seeds separate all four classes: "
                    f"seeds {separated}")


def test_prints_the_diagnosis_of_every_failed_run(executed_notebook, atlas):
    text = stream_text(cell_containing(executed_notebook, "why each failed run failed"))
    headers = re.findall(r"^seed (\d+), (\d+)% \((.+)\):$", text, flags=re.MULTILINE)
    failed = [seed for seed in range(16) if atlas[seed].accuracy < 1]
    assert [int(seed) for seed, _, _ in headers] == failed
    for seed, percent, cause in headers:
        entry = atlas[int(seed)]
        assert int(percent) == round(100 * entry.accuracy) and cause == entry.cause
        assert "\n".join("    " + line for line in entry.summary.splitlines()) in text
    worst = min(range(16), key=lambda seed: (atlas[seed].accuracy, seed))
    assert text.splitlines()[-1] == (f"least accurate: seed {worst}, "
                                     f"{round(100 * atlas[worst].accuracy)}%")
