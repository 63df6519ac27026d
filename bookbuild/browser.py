"""Debian's Chromium, as the tests and the benchmark start it: headless, no sandbox (CI runs as
root), and none of the background connections a closed network would refuse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def site_failure(request) -> str | None:
    """How a failed request (Playwright's) is reported, or ``None`` when the failure is not the site's:
    Chromium fetches the page's icon when it likes, after the page has loaded, and cancels the fetch
    (``net::ERR_ABORTED``) when the tab goes on to the next page. Every other failure counts, and so
    does an icon the server lacks (a 404 is a response, not a failed request)."""
    failure = request.failure or "failed"
    name = request.url.split("?", 1)[0].rsplit("/", 1)[-1]
    if failure == "net::ERR_ABORTED" and name.startswith("favicon."):
        return None
    return f"{request.url} ({failure})"


def chromium_path() -> str:
    """Where Chromium is: ``$CHROMIUM``, else ``chromium`` on the PATH, else Debian's place."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def require_chromium() -> str:
    """Chromium's path; a missing browser raises (``make browser`` installs Debian's package)."""
    path = chromium_path()
    if not Path(path).exists():
        raise FileNotFoundError(
            f"Chromium not found at {path}: `make browser` installs Debian's chromium package "
            "(or set CHROMIUM to a Chromium executable)."
        )
    return path


def launch():
    """A context manager giving a headless Chromium (Playwright) as the tests start it."""
    import contextlib

    @contextlib.contextmanager
    def _launch():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()

    return _launch()
