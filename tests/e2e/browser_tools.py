"""Helpers of the browser tests: finding Chromium, keeping it offline, judging screenshots."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "e2e"  # git-ignored; for people to look at

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MACOS_APPS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
INSTALL_HINT = (
    "The browser tests need Chromium or Google Chrome. Install one "
    "(Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome or "
    "Chromium), or point CHROMIUM_PATH at its executable."
)

LAUNCH_ARGS = [
    "--no-sandbox",  # the sandbox refuses to start as root (CI containers)
    "--disable-gpu",
    # No traffic of Chromium's own (updates, sync, field trials, QUIC probes): the tests
    # run offline, where each attempt would only add refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# At most this pixel variance (0-255 scale) counts as blank; a plot is well above it.
BLANK_VARIANCE = 100.0


def find_chromium():
    """Path of a Chromium or Chrome executable, or None: CHROMIUM_PATH, PATH, macOS apps."""
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        return shutil.which(chosen) or chosen  # a path, or a command name on PATH
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((app for app in MACOS_APPS if Path(app).is_file()), None)


def only_local(context, is_local):
    """Abort every request of ``context`` that ``is_local(url)`` refuses; return their URLs.

    The list also gets requests that somehow escape routing, so a test can assert
    that none were attempted at all.
    """
    refused = []
    context.on("request", lambda request: None if is_local(request.url)
               else refused.append(request.url))
    context.route("**/*", lambda route: route.continue_() if is_local(route.request.url)
                  else route.abort("blockedbyclient"))
    return refused


def collect_errors(page):
    """A list that fills with the page's console errors and uncaught exceptions."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return errors


def screenshot(target, name, **options):
    """Screenshot of a page or element, saved as build/e2e/<name>.png; RGB array."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = target.screenshot(path=SCREENSHOTS / f"{name}.png", **options)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


def pixel_variance(image):
    return float(image.var())


def is_blank(image):
    return pixel_variance(image) <= BLANK_VARIANCE


def changed_fraction(before, after):
    """Share of pixels that differ between two screenshots of the same element."""
    if before.shape != after.shape:
        return 1.0
    return float(np.any(before != after, axis=-1).mean())


def pixels_of_colour(image, rgb, tolerance=3):
    """How many pixels of ``image`` (height, width, 3) are ``rgb`` (0-255), give or take
    ``tolerance`` in each channel."""
    return int((np.abs(image - np.asarray(rgb, dtype=float)).max(axis=-1) <= tolerance).sum())
