"""Draw the pictures that the notebook's prose shows (``make images``).

Writes ``images/network.png`` (the lab's network) and ``images/relu.png`` (the
ReLU function). The output is deterministic, so regenerating changes nothing
unless this script changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lab_utils_common import dlblue, dldarkred, dlorange, dlpurple, lab_style  # noqa: E402
from lab_utils_multiclass_TF import class_colors  # noqa: E402

IMAGES = ROOT / "images"
PNG_METADATA = {"Software": None}  # no version stamp: same bytes on every run


def _node(ax, x, y, text, color, radius=0.32):
    ax.add_patch(plt.Circle((x, y), radius, facecolor=color, edgecolor="#333333", lw=1.2,
                            zorder=3))
    ax.text(x, y, text, ha="center", va="center", fontsize=9, zorder=4)


def _column_y(n, spread=1.0):
    return (np.arange(n)[::-1] - (n - 1) / 2) * spread


def _box(ax, x, text, color):
    """A tall box from x to x + 1.3, with ``text`` in its middle."""
    ax.add_patch(plt.Rectangle((x, -1.75), 1.3, 3.5, facecolor="white", edgecolor=color,
                               lw=1.5))
    ax.text(x + 0.65, 0.0, text, ha="center", va="center", fontsize=9)


def _arrows(ax, x_from, x_to, ys, colors, *, to_y=None):
    for y, color in zip(ys, colors, strict=True):
        ax.annotate("", xy=(x_to, y if to_y is None else to_y), xytext=(x_from, y),
                    arrowprops=dict(arrowstyle="->", color=color, lw=1.3))


def draw_network(path):
    """2 inputs -> 2 ReLU units (L1) -> 4 linear units (L2): scores -> softmax ->
    probabilities -> argmax -> the class."""
    dark, light = class_colors(4)
    with lab_style():
        fig, ax = plt.subplots(figsize=(8.8, 3.4))
        cols = {"x": (0.0, _column_y(2, 1.4)), "L1": (2.2, _column_y(2, 1.4)),
                "L2": (4.4, _column_y(4, 0.95)), "p": (7.7, _column_y(4, 0.95))}
        for (xa, ya), (xb, yb) in [(cols["x"], cols["L1"]), (cols["L1"], cols["L2"])]:
            for y0 in ya:
                for y1 in yb:
                    ax.plot([xa, xb], [y0, y1], color="#9a9a9a", lw=0.8, zorder=1)
        for j, y in enumerate(cols["x"][1]):
            _node(ax, cols["x"][0], y, f"x{j}", "white")
        for j, y in enumerate(cols["L1"][1]):
            _node(ax, cols["L1"][0], y, f"a{j}", "#e6e6e6")
        ys = cols["L2"][1]
        for k, y in enumerate(ys):
            _node(ax, cols["L2"][0], y, f"z{k}", light[k])
            _node(ax, cols["p"][0], y, f"p{k}", light[k])
        _arrows(ax, 4.75, 5.4, ys, dark)
        _box(ax, 5.4, "softmax", dlpurple)
        _arrows(ax, 6.7, 7.35, ys, dark)
        _arrows(ax, 8.05, 8.7, ys, dark)
        _box(ax, 8.7, "argmax", dldarkred)
        ax.annotate("", xy=(10.65, 0.0), xytext=(10.0, 0.0),
                    arrowprops=dict(arrowstyle="->", color="#333333", lw=1.5))
        ax.text(10.75, 0.0, "class\n0, 1, 2 or 3", ha="left", va="center", fontsize=9)
        for x, title, note in [(0.0, "input", "2 features"), (2.2, "layer 1 (L1)", "2 ReLU units"),
                               (4.4, "layer 2 (L2)", "4 linear units:\nscores"),
                               (7.7, "probabilities", "positive,\nsum to 1")]:
            ax.text(x, 2.25, title, ha="center", fontsize=9, weight="bold")
            ax.text(x, -2.3, note, ha="center", va="top", fontsize=8, color="#444444")
        ax.text(9.35, -2.3, "the largest\nnames the class", ha="center", va="top", fontsize=8,
                color="#444444")
        ax.set_xlim(-0.6, 12.0)
        ax.set_ylim(-3.0, 2.6)
        ax.set_aspect("equal")
        ax.axis("off")
        fig.savefig(path, dpi=110, bbox_inches="tight", metadata=PNG_METADATA)
        plt.close(fig)


def draw_relu(path):
    """a = max(0, z): zero to the left of z = 0, a straight line to the right."""
    z = np.linspace(-4, 4, 161)
    with lab_style():
        fig, ax = plt.subplots(figsize=(3.4, 2.4))
        ax.axvspan(-4, 0, color=dlblue, alpha=0.08)
        ax.plot(z, np.maximum(0, z), color=dlorange, lw=3)
        ax.axvline(0, color=dldarkred, lw=1.2, ls="--")
        ax.text(-2, 2.8, "a = 0", ha="center", fontsize=9)
        ax.text(2.2, 0.6, "a = z", ha="center", fontsize=9)
        ax.set_xlabel("z = w · x + b")
        ax.set_ylabel("a = max(0, z)")
        ax.set_title("ReLU")
        fig.savefig(path, dpi=110, bbox_inches="tight", metadata=PNG_METADATA)
        plt.close(fig)


def main():
    IMAGES.mkdir(exist_ok=True)
    draw_network(IMAGES / "network.png")
    draw_relu(IMAGES / "relu.png")
    for name in ("network.png", "relu.png"):
        print(f"wrote images/{name}")


if __name__ == "__main__":
    main()
