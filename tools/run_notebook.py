"""Execute the lab notebook headlessly and write the executed copy and an HTML report.

Usage: ``python tools/run_notebook.py [--out build] [--transport ipc|tcp]`` (this is what
``make run`` does; without make, e.g. on Windows, run it with the project's environment).
Writes the executed notebook, the HTML report and each figure's PNG (``figures/``,
named after the tag of the cell that drew it).

The figures are ipympl widgets. A headless run has no front end to draw them,
so the executed notebook keeps each figure's static PNG (ipympl puts one in
every figure's output) and no widget state: without saved state, notebook
viewers and nbconvert fall back to that PNG instead of an empty widget.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "C2_W2_Multiclass_TF.ipynb"
TEMPLATE = Path(__file__).resolve().parent / "report" / "standalone.html.j2"
NO_DESCRIPTION = "No description has been provided for this image"  # nbconvert's default alt


def execute(notebook=NOTEBOOK, *, cwd=ROOT, timeout=600, extra_cells=(), record_timing=False,
            kernel_name="python3", transport=None):
    """Run every cell of ``notebook`` in a fresh kernel started in ``cwd``.

    Parameters
    ----------
    notebook : path or NotebookNode
    cwd : path
        Working directory of the kernel (where the helper modules are found).
    timeout : int
        Seconds allowed per cell.
    extra_cells : iterable of str
        Code appended as cells after the notebook's own (used by the tests).
    record_timing : bool
        Store the kernel's start and end timestamps in each cell's metadata
        (used by benchmarks/bench.py; off by default so reruns give identical files).
    kernel_name : str
        Kernel spec to run in, found on Jupyter's data path (``jupyter kernelspec list``);
        the default ``python3`` is this interpreter's environment. The tests name one
        of an environment without ipympl.
    transport : {"ipc", "tcp"}, optional
        How the kernel is reached; by default :func:`kernel_transport` of this platform.

    Returns
    -------
    nb : NotebookNode, executed in place.
    """
    nb = notebook if isinstance(notebook, nbformat.NotebookNode) \
        else nbformat.read(notebook, as_version=4)
    nb.cells.extend(nbformat.v4.new_code_cell(src) for src in extra_cells)
    with tempfile.TemporaryDirectory(prefix="lab-kernel-") as sockets:
        config = kernel_config(transport or kernel_transport(sys.platform), Path(sockets))
        client = NotebookClient(
            nb,
            config=config,
            timeout=timeout,
            kernel_name=kernel_name,
            resources={"metadata": {"path": str(cwd)}},
            store_widget_state=False,  # keep the static PNG fallback in charge
            record_timing=record_timing,
            # Stop the kernel at once when the last cell is done: a graceful shutdown
            # waits about 1.3 s for TensorFlow to tear down, and there is nothing to save.
            shutdown_kernel="immediate",
        )
        client.execute()
    return nb


def kernel_transport(platform):
    """The kernel transport that works on ``platform`` (a ``sys.platform`` value).

    ``"ipc"`` (local sockets in a private folder: nothing listens on the network, and
    the kernel does not warn about unencrypted TCP) where ZeroMQ has it; ``"tcp"`` on
    Windows, whose pyzmq wheels come without it.
    """
    return "tcp" if platform == "win32" else "ipc"


def kernel_config(transport, folder):
    """nbclient's settings for ``transport``: ipc sockets in ``folder``, or TCP on the
    loopback address only."""
    if transport == "ipc":
        return Config({"KernelManager": {"transport": "ipc", "ip": str(folder / "k")}})
    if transport == "tcp":
        return Config({"KernelManager": {"transport": "tcp", "ip": "127.0.0.1"}})
    raise ValueError(f"transport must be 'ipc' or 'tcp'; got {transport!r}")


def export_html(nb, *, images_dir=ROOT):
    """HTML of an executed notebook that stands alone: every image embedded and described."""
    exporter = HTMLExporter(template_name="lab", template_file=str(TEMPLATE),
                            embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"path": str(images_dir)}})
    return describe_figures(body)


def describe_figures(html):
    """Give each figure image without a description the caption shown above it.

    An ipympl figure's static form is its caption (the figure's window title, which
    the lab's figures use for their title and what they show) over an ``<img>``
    that nbconvert marks as having no description.
    """
    soup = BeautifulSoup(html, "html.parser")
    for img in soup.find_all("img", alt=NO_DESCRIPTION):
        caption = img.find_previous_sibling(class_="widget-label")
        if caption is not None:
            img["alt"] = caption.get_text(" ", strip=True)
    return str(soup)


def figure_images(nb):
    """Each figure's static PNG, named after the tag of the cell that drew it.

    Returns
    -------
    dict of str to bytes
        ``"<tag>.png"`` (``"<tag>-2.png"`` and so on when a cell draws more than one)
        to the PNG's bytes, in the notebook's order.
    """
    images = {}
    for cell in nb.cells:
        pngs = [output["data"]["image/png"] for output in cell.get("outputs", [])
                if "image/png" in output.get("data", {})]
        tag = (cell.metadata.get("tags") or [cell.get("id", "cell")])[0]
        for number, png in enumerate(pngs, start=1):
            name = tag if number == 1 else f"{tag}-{number}"
            images[f"{name}.png"] = base64.b64decode(png)
    return images


def printed_lines(nb):
    """Every line that the notebook's cells printed to stdout, in order."""
    return [line for cell in nb.cells for output in cell.get("outputs", [])
            if output.get("name") == "stdout" for line in output["text"].splitlines()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build",
                        help="output folder (default: build/)")
    parser.add_argument("--transport", choices=["ipc", "tcp"], default=None,
                        help="how to reach the kernel (default: tcp on Windows, else ipc)")
    args = parser.parse_args(argv)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    try:
        nb = execute(transport=args.transport)
    except CellExecutionError as err:
        print(f"the notebook stopped with an error:\n{err}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start

    nb_path = out / NOTEBOOK.name
    html_path = nb_path.with_suffix(".html")
    nbformat.write(nb, nb_path)
    html_path.write_text(export_html(nb), encoding="utf-8")
    # Each figure as a file too, to look at or attach without opening the report.
    figures = out / "figures"
    figures.mkdir(exist_ok=True)
    for name, png in figure_images(nb).items():
        (figures / name).write_bytes(png)
    # The executed notebook shows the prose's images by relative path too.
    shutil.copytree(ROOT / "images", out / "images", dirs_exist_ok=True)

    for line in printed_lines(nb):
        if line.startswith("training accuracy"):  # the lab's run, not the atlas's seeds
            print(line)
    print(f"executed {NOTEBOOK.name} in {seconds:.1f} s")
    for path in (nb_path, html_path, figures):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
