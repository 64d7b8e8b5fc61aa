"""`make lab` and `make notebook` start their server, also as root (a container, a cloud
workspace), where Jupyter refuses to start unless it is told to."""

import os
import sys
from pathlib import Path

import lab_server
import psutil
import pytest
from browser_tools import ROOT


@pytest.mark.parametrize("target", ["lab", "notebook"])
def test_make_target_serves_the_lab(target, tmp_path):
    port = lab_server.free_port()
    # `-o setup`: this environment is set up already; PY: the interpreter running the tests.
    # ARGS: local, offline, no browser, and nothing that allows root: `make` must do that.
    command = ["make", "-s", "-o", "setup", target, f"PY={sys.executable}",
               f"ARGS={' '.join(lab_server.server_options(port))}"]
    with lab_server.serving(lab_server.launch(command, tmp_path, port, cwd=ROOT)) as server:
        (jupyter,) = psutil.Process(server.process.pid).children()
        arguments = jupyter.cmdline()
        notebook = server.api(f"contents/{lab_server.NOTEBOOK}?content=0")
    assert Path(arguments[1]).name == f"jupyter-{target}"  # what `python -m jupyter` runs
    assert arguments[-1] == lab_server.NOTEBOOK and notebook["type"] == "notebook"
    # It serves, so as root `make` said --allow-root; other users do not need it.
    assert ("--allow-root" in arguments) == (os.geteuid() == 0)
