"""Showing figures in notebooks: live ipympl canvases where they run, PNGs everywhere else.

Also what makes a figure live, shared by the views that change in place (the
training explorer and the point trace): a slider with a Play button, clicks on
a panel, and blitting. Only public APIs of matplotlib, ipympl and ipywidgets
are used: the canvas's ``supports_blit`` and events, ipympl's ``Canvas`` class
and its traits, widget layouts, and the IPython display protocol.
"""

from __future__ import annotations

import base64
import html
import io
import sys


class FigureDisplay:
    """What the lab's Displays share: ``fig``, the name their ``figure_`` had before they
    became Displays, and :meth:`close`."""

    @property
    def fig(self):
        return self.figure_

    def close(self):
        """Close the figure."""
        import matplotlib.pyplot as plt

        plt.close(self.figure_)


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
    """Give an ipympl canvas that goes inside a widget box its size and its first image.

    Works around matplotlib/ipympl#125 (a canvas nested in ipywidgets boxes can
    collapse to zero width, and at times stays 0x0): a canvas displayed on its own
    gets its size and a first image from the figure when it is displayed; one
    inside a box gets neither. Here the layout is set in pixels, the figure manager
    announces the size (``resize``) and a draw sends the first image, all through
    public methods.
    """
    canvas = live_canvas(fig)
    if canvas is not None:
        width, height = fig.get_size_inches() * fig.dpi
        canvas.layout.width = f"{round(width)}px"
        canvas.layout.height = f"{round(height)}px"
        canvas.manager.resize(width, height)
        canvas.draw()
    return canvas


def png_base64(fig, *, dpi=80):
    """``fig`` as a PNG, base64-encoded (the form a notebook output stores)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def bundle_with_fallback(widget, text, png, label):
    """A display bundle: ``widget``'s own view (if any) plus a PNG for other front ends.

    Front ends that run widgets show the widget (it is asked for its view through
    the display protocol); nbconvert, the HTML report and notebook viewers show the
    PNG under the caption ``label``, which is also the image's description; ``text``
    is the plain-text form.
    """
    bundle = {} if widget is None else dict(widget._repr_mimebundle_())
    caption = html.escape(label)
    bundle.update({
        "text/plain": text,
        "image/png": png,
        "text/html": f'<figure><figcaption>{caption}</figcaption>'
                     f'<img src="data:image/png;base64,{png}" alt="{caption}"></figure>',
    })
    return bundle


class Blitter:
    """Redraw a few changing artists of ``fig`` quickly, without redrawing the rest.

    The artists are marked animated: full draws leave them out, and after each full
    draw (its ``draw_event``) the image is kept as a background and they are drawn
    on top. :meth:`refresh` puts the background back and draws only them (blitting);
    it redraws everything where the canvas cannot copy its pixels, before the first
    draw, or when something else changed. Saving a figure draws everything.
    """

    def __init__(self, fig, artists):
        # drawn on the background in their stacking order (as a full draw would)
        self.fig, self.artists = fig, sorted(artists, key=lambda artist: artist.get_zorder())
        self.enabled = fig.canvas.supports_blit  # the Agg-based canvases
        self._background = None
        if self.enabled:
            for artist in self.artists:
                artist.set_animated(True)
            fig.canvas.mpl_connect("draw_event", self._on_draw)

    def _on_draw(self, event):
        canvas = self.fig.canvas
        if canvas.is_saving() or not canvas.supports_blit:
            return
        self._background = canvas.copy_from_bbox(self.fig.bbox)
        self._draw_artists()

    def _draw_artists(self):
        for artist in self.artists:
            self.fig.draw_artist(artist)

    def refresh(self):
        """Show the artists' new state: blit them if possible, else redraw the figure."""
        canvas = self.fig.canvas
        if not self.enabled or self._background is None or self.fig.stale:
            canvas.draw_idle()
            return
        canvas.restore_region(self._background)
        self._draw_artists()
        canvas.blit(self.fig.bbox)


def slider_and_play(fig, count, on_position, *, look, width, frames, frame_ms):
    """A slider and a Play button over positions ``0 .. count - 1`` above ``fig``'s live
    canvas, both at the last position; ``on_position(i)`` runs whenever they move.

    Parameters
    ----------
    look : dict
        The slider's own options (``description``, ``readout``, ...).
    width : str
        The slider's CSS width.
    frames, frame_ms : int
        Play shows about ``frames`` positions, ``frame_ms`` milliseconds apart.

    Returns
    -------
    box, slider, play : ipywidgets widgets, or three None without a live canvas
    """
    canvas = size_canvas_for_a_box(fig)
    if canvas is None:
        return None, None, None
    import ipywidgets

    last = count - 1
    slider = ipywidgets.IntSlider(value=last, max=last, **look,
                                  layout=ipywidgets.Layout(width=width))
    play = ipywidgets.Play(value=last, max=last, interval=frame_ms,
                           step=max(1, last // frames))
    ipywidgets.jslink((play, "value"), (slider, "value"))
    slider.observe(lambda change: on_position(change["new"]), names="value")
    box = ipywidgets.VBox([ipywidgets.HBox([play, slider]), canvas])
    return box, slider, play


def on_left_click(ax, callback):
    """Call ``callback(x, y)`` (data coordinates) after a left click inside ``ax``, unless a
    zoom or pan tool of the toolbar is active."""
    canvas = ax.figure.canvas

    def clicked(event):
        toolbar = canvas.toolbar
        if (event.inaxes is not ax or event.button != 1
                or (toolbar is not None and toolbar.mode)):
            return
        callback(event.xdata, event.ydata)

    return canvas.mpl_connect("button_press_event", clicked)
