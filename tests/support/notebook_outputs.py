"""Reading an executed notebook's outputs, for the tests."""

import base64
import html
import io
import json
import re

import numpy as np
from PIL import Image
from run_notebook import printed_lines

WEIGHT_DIGEST_CELL = (
    "import hashlib\n"
    "print('weights sha256', hashlib.sha256("
    "b''.join(w.tobytes() for w in model.get_weights())).hexdigest())"
)

WEIGHTS_JSON_CELL = ("import json\n"
                     "print('weights json', json.dumps([w.tolist() for w in model.get_weights()]))")
LOSS_JSON_CELL = ("import json\n"
                  "print('loss json', json.dumps(weight_history.loss.tolist()))")
# appended to the runs the tests check
CHECK_CELLS = [WEIGHT_DIGEST_CELL, WEIGHTS_JSON_CELL, LOSS_JSON_CELL]

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# The lab's figure functions: each call in the notebook shows one figure.
FIGURE_FUNCTIONS = ("plt_mc", "plt_cat_mc", "plt_layer_relu", "plt_output_layer_linear",
                    "plt_forward_trace", "plt_training_explorer", "plt_seed_atlas")
FIGURE_CALL = re.compile(rf"\b({'|'.join(FIGURE_FUNCTIONS)})\(")
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")  # a Markdown image: ![alt](path)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def outputs(nb):
    return [o for c in code_cells(nb) for o in c.get("outputs", [])]


def stream_text(cell, name="stdout"):
    return "".join(o["text"] for o in cell.get("outputs", [])
                   if o["output_type"] == "stream" and o["name"] == name)


def all_stdout(nb):
    """Everything the notebook printed, one line per printed line."""
    return "\n".join(printed_lines(nb))


def cell_containing(nb, snippet):
    """The one code cell whose source contains ``snippet``."""
    found = [c for c in code_cells(nb) if snippet in c.source]
    assert len(found) == 1, f"expected one code cell with {snippet!r}, found {len(found)}"
    return found[0]


def figure_cells(nb):
    """The code cells that call one of the lab's figure functions, in order."""
    return [c for c in code_cells(nb) if FIGURE_CALL.search(c.source)]


def prose_pictures(nb):
    """Paths of the pictures the Markdown cells show, in order."""
    return [path for c in nb.cells if c.cell_type == "markdown"
            for path in PICTURE.findall(c.source)]


def decode_png(text):
    """RGB array (height, width, 3) of a base64-encoded PNG."""
    raw = base64.b64decode(text)
    return np.asarray(Image.open(io.BytesIO(raw)).convert("RGB"), dtype=float)


def figure_pngs(nb):
    """Decoded RGB arrays of every PNG the outputs hold."""
    return [decode_png(out["data"]["image/png"]) for out in outputs(nb)
            if "image/png" in out.get("data", {})]


def trained_weights(nb):
    """(W1, b1, W2, b2) as the run's WEIGHTS_JSON_CELL printed them."""
    return tuple(np.array(w) for w in json.loads(printed_value(nb, "weights json")))


def recorded_loss(nb):
    """The loss weight_history recorded (before training, then after each epoch), as printed."""
    return json.loads(printed_value(nb, "loss json"))


def figure_captions(nb):
    """The caption over each figure's static image, in the order the notebook shows them."""
    captions = []
    for out in outputs(nb):
        data = out.get("data", {})
        if "image/png" in data:
            found = re.search(r'(?:widget-label"[^>]*>|<figcaption>)\s*(.*?)\s*</',
                              data.get("text/html", ""), re.S)
            captions.append(html.unescape(found.group(1)) if found else None)
    return captions


def printed_value(nb, label):
    """The rest of the stdout line that starts with ``label``."""
    for line in printed_lines(nb):
        if line.startswith(label):
            return line[len(label):].strip()
    raise AssertionError(f"no printed line starts with {label!r}")
