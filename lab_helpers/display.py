"""Showing figures in notebooks: live ipympl canvases where they run, PNGs everywhere else.

Only public APIs of ipympl and ipywidgets are used: the ``Canvas`` class and
its traits, widget layouts, and the IPython display protocol.
"""

from __future__ import annotations

import base64
import io
import sys


def live_canvas(fig):
    """``fig``'s canvas if it is an ipympl widget (the ``%matplotlib widget`` backend), else None.

    Nothing is imported: without ipympl imported there is no ipympl canvas.
    """
    backend = sys.modules.get("ipympl.backend_nbagg")
    if backend is not None and isinstance(fig.canvas, backend.Canvas):
        return fig.canvas
    return None


def quiet_header(fig, label):
    """Name the figure's window ``label``; on ipympl hide the header that would repeat it.

    ipympl prints the window title above the static image that headless runs and
    the HTML report show, so the label still names the figure there.
    """
    if label and fig.canvas.manager is not None:
        fig.canvas.manager.set_window_title(label)
    canvas = live_canvas(fig)
    if canvas is not None:
        canvas.header_visible = False


def size_canvas_for_a_box(fig):
    """Give an ipympl canvas that goes inside a widget box its size in pixels and its
    first image.

    Works around matplotlib/ipympl#125 (a canvas nested in ipywidgets boxes can
    collapse to zero width): a canvas displayed on its own sizes itself from the
    figure, one inside a box only from its layout. Displaying a canvas on its own
    also gives it its first image (its display bundle, which ipympl builds in
    ``_repr_mimebundle_``); without one, the canvas in a box sometimes stays 0x0.
    """
    canvas = live_canvas(fig)
    if canvas is not None:
        width, height = fig.get_size_inches() * fig.dpi
        canvas.layout.width = f"{round(width)}px"
        canvas.layout.height = f"{round(height)}px"
        canvas._repr_mimebundle_()  # the display protocol, as IPython would call it
    return canvas


def png_base64(fig, *, dpi=80):
    """``fig`` as a PNG, base64-encoded (the form a notebook output stores)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def bundle_with_fallback(widget, text, png):
    """A display bundle: ``widget``'s own view (if any) plus a PNG for other front ends.

    Front ends that run widgets show the widget; nbconvert, the HTML report and
    notebook viewers show the PNG, and ``text`` is the plain-text form.
    """
    bundle = {} if widget is None else dict(widget._repr_mimebundle_())
    bundle.update({"text/plain": text, "image/png": png})
    return bundle
