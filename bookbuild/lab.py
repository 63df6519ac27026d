"""A real JupyterLab from the reader's environment, on 127.0.0.1, with no configuration but the
environment's own: used by the JupyterLab tests and by ``python -m bookbuild.lab screenshots``, which
takes the reader's guide's pictures of a chapter in JupyterLab (one per edition, interface in the
edition's language)."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the French interface (the language pack the reader's environment installs)
LOCALES = {"fr": "fr_FR", "en": "en"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_lab(root: Path, settings: dict[str, dict] | None = None, timeout: float = 90):
    """Start JupyterLab on ``root``; yield ``(base_url, token)``; stop it.

    Only the session's own folders are fresh (no workspace, user settings or runtime files left by another
    session); the environment's configuration applies, as for a reader. ``settings``: user settings to
    write first, ``{"@jupyterlab/notebook-extension:tracker": {...}}``.
    """
    state = Path(tempfile.mkdtemp(prefix="lab-"))
    for plugin, values in (settings or {}).items():
        package, name = plugin.split(":")
        path = state / "settings" / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    log_path = state / "lab.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={port}",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root}",
                "--allow-root",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=root,
            env={
                **os.environ,
                "PYTHONHASHSEED": "0",
                "JUPYTER_CONFIG_DIR": str(state / "config"),
                "JUPYTERLAB_SETTINGS_DIR": str(state / "settings"),
                "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"),
                "JUPYTER_RUNTIME_DIR": str(state / "runtime"),
            },
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + log_path.read_text()[-3000:]) from None
                time.sleep(0.5)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def only_this_host(page, blocked: list[str]) -> None:
    """Let the page reach 127.0.0.1 only; record every other request in ``blocked``."""
    from urllib.parse import urlparse

    def route(r):
        if urlparse(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)


def screenshots(out: Path = ROOT / "chapters", notebook: str = "01-marshall-district.ipynb") -> list[Path]:
    """The reader's guide's pictures: chapter 1 of each edition as JupyterLab first shows it, with the
    interface in the edition's language, written to ``chapters/<lang>/images/jupyterlab-chapter.png``."""
    import shutil

    from bookbuild.browser import launch

    written = []
    # JupyterLab on a copy of the chapters: it writes checkpoints next to what it opens
    copy = Path(tempfile.mkdtemp(prefix="screenshots-"))
    shutil.copytree(ROOT / "chapters", copy / "chapters")
    with launch() as browser:
        for language, locale in LOCALES.items():
            settings = {"@jupyterlab/translation-extension:plugin": {"locale": locale}}
            with running_lab(copy, settings) as (base, token):
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                blocked: list[str] = []
                only_this_host(page, blocked)
                page.goto(f"{base}/lab/tree/chapters/{language}/{notebook}?token={token}")
                page.wait_for_selector(".jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownCell .myst", timeout=60000)
                page.wait_for_timeout(4000)
                # the first screen a reader sees, the file browser folded
                page.keyboard.press("Control+b")
                page.wait_for_timeout(1000)
                target = out / language / "images" / "jupyterlab-chapter.png"
                target.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(target))
                page.close()
                if blocked:
                    raise RuntimeError(f"JupyterLab asked other hosts for: {blocked}")
                written.append(target)
    return written


if __name__ == "__main__":
    if sys.argv[1:] == ["screenshots"]:
        for path in screenshots():
            print(f"wrote {path.relative_to(ROOT)}")
    else:
        sys.exit("usage: python -m bookbuild.lab screenshots")
