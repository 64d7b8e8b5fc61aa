"""A real Jupyter server (JupyterLab or Notebook 7) for the browser tests: private, offline,
and cleaned up."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil
from browser_tools import ROOT

NOTEBOOK = "C2_W2_Multiclass_TF.ipynb"
LAB_FILES = (NOTEBOOK, "lab_utils_multiclass_TF.py", "lab_utils_common.py", "lab_helpers",
             "deeplearning.mplstyle", "images")
# Variables that would point JupyterLab at the user's own paths instead of ours.
FOREIGN_VARIABLES = ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTERLAB_DIR")
# Plain urllib, without any proxy from the environment: the server is on 127.0.0.1.
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class LabServer:
    url: str
    port: int
    token: str
    root: Path
    process: subprocess.Popen
    log: Path

    def api(self, path):
        request = urllib.request.Request(f"{self.url}api/{path}",
                                         headers={"Authorization": f"token {self.token}"})
        with LOCAL.open(request, timeout=5) as response:
            return json.load(response)

    def kernels(self):
        """The kernel processes the server has started (they run in their own sessions)."""
        return [p for p in psutil.Process(self.process.pid).children(recursive=True)
                if "ipykernel_launcher" in p.cmdline()]

    def log_tail(self, lines=30):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port):
    """Whether a new server could listen on ``port`` (closed connections may linger in
    TIME_WAIT; SO_REUSEADDR lets them, but not a listening socket, be bound over)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def copy_lab(dest):
    """What a learner downloads: the notebook, its two modules and their package, the style
    and the pictures."""
    dest.mkdir(parents=True)
    for name in LAB_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def isolated_env(state, token):
    """Environment with private Jupyter folders, so nobody's own settings take part.

    The .venv's data folder (lab extensions, the python3 kernel) is still found: Jupyter
    always looks under sys.prefix.
    """
    env = {k: v for k, v in os.environ.items() if k not in FOREIGN_VARIABLES}
    for variable in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                     "JUPYTERLAB_WORKSPACES_DIR",
                     "JUPYTER_DATA_DIR",  # a user's own "python3" kernel would win over ours
                     "IPYTHONDIR"):       # the user's IPython start-up scripts run in kernels
        folder = state / variable.lower()
        folder.mkdir(parents=True)
        env[variable] = str(folder)
    env["JUPYTER_TOKEN"] = token  # in the environment, not in the process list
    # The announcements plugin asks "get notified about official Jupyter news?" in a toast
    # that covers the notebook; without a news feed (news_url=None) it has nothing to show.
    labconfig = Path(env["JUPYTER_CONFIG_DIR"]) / "labconfig"
    labconfig.mkdir()
    (labconfig / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    return env


def start(workdir, app="lab"):
    """Start ``jupyter lab`` or ``jupyter notebook`` (Notebook 7) on a copy of the lab, on a
    free local port, in its own process group; wait until it serves."""
    port = free_port()
    root = copy_lab(workdir / "lab")
    command = [sys.executable, "-m", "jupyter", app, *server_options(port),
               f"--ServerApp.root_dir={root}",
               "--ServerApp.allow_root=True"]  # CI containers run as root
    return launch(command, workdir, port, cwd=root)


def server_options(port):
    """Options of a private, offline server on 127.0.0.1:``port``."""
    return [
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # that port or a clear failure, never another one
        # Nothing from the internet: no news feed, no update check, no PyPI listing.
        # (Notebook 7 runs JupyterLab's server extension too, so these apply to it.)
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]


def launch(command, workdir, port, *, cwd):
    """Run ``command``, a Jupyter server on ``port`` with private settings under ``workdir``,
    in its own process group; wait until it serves."""
    token = secrets.token_urlsafe(32)
    log = workdir / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=cwd, env=isolated_env(workdir / "state", token),
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = LabServer(f"http://127.0.0.1:{port}/", port, token, Path(cwd), process, log)
    try:
        wait_until_serving(server)
    except BaseException:
        stop(server)
        raise
    return server


@contextlib.contextmanager
def serving(server):
    """``server`` for the ``with`` block; then stopped, kernels and all, in any case, and
    checked that nothing of it is left running."""
    try:
        yield server
    finally:
        processes = stop(server)
    left = still_running(processes, server.process.pid)
    assert not left, f"left running after the server stopped: {left}"
    assert port_is_free(server.port), f"port {server.port} still in use"


def wait_until_serving(server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the Jupyter server exited at start-up:\n{server.log_tail()}")
        try:
            server.api("status")
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the Jupyter server did not answer within {timeout} s:\n"
                       f"{server.log_tail()}")


def stop(server, timeout=20):
    """Stop the server and its kernels. Return every process that was part of it.

    SIGTERM to the server's process group lets the server shut its kernels down (they
    run in sessions of their own); whatever is still alive after ``timeout`` is killed.
    """
    try:
        server_process = psutil.Process(server.process.pid)
        tree = [server_process, *server_process.children(recursive=True)]
    except psutil.NoSuchProcess:
        tree = []
    try:
        os.killpg(server.process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        server.process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()
    _, alive = psutil.wait_procs(tree, timeout=timeout)
    for process in alive:
        process.kill()
    psutil.wait_procs(alive, timeout=5)
    return tree


def still_running(processes, group):
    """Those of ``processes``, and of process group ``group``, that still run."""
    left = [f"pid {p.pid} ({p.name()})" for p in processes if is_running(p)]
    try:
        os.killpg(group, 0)
        left.append(f"process group {group}")
    except ProcessLookupError:
        pass
    return left


def is_running(process):
    # An orphan's zombie waits for a parent that may never reap it (e.g. a container's
    # init); it no longer runs, holds no port and is not ours to clean up.
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
