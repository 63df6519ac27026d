"""A real JupyterLab on 127.0.0.1, driven in Chromium with every other host blocked: open the
demonstration notebook of each edition (outputs cleared), run all cells, and see its charts and
its widget drawn with no internet."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from conftest import EDITIONS, ROOT

NOTEBOOK = "how-this-book-works.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CASES = [(language, NOTEBOOK) for language in EDITIONS] + [("fr", "04-measuring-clusters.ipynb"), ("en", "09-audit.ipynb")]

#: What a new user types into the audit's choices cell: their own file, next to the notebook.
AUDIT_CHOICES = ('MY_FILE = "my_region.csv"\nMY_FILE_OPTIONS = {}\nREGION = "Le Havre"\nINDUSTRY = "C20"\n'
                 'HOME = "FRA"\nPLANT_SIZES = None\nEXPORT_SHARE = None\nEXPORT_SOURCE = None\nGOVERNANCE = None')
AUDIT_FILE = ("region,industry,employment\nRouen,C10,1200\nRouen,C20,3400\nLe Havre,C10,800\nLe Havre,C20,5200\n"
              "Dieppe,C10,450\nDieppe,C20,120\n")


@pytest.fixture(params=CASES, ids=[f"{lang}-{name.split('.')[0]}" for lang, name in CASES])
def lab(request, tmp_path):
    """A fresh JupyterLab serving a copy of one notebook of one edition, outputs cleared."""
    (language, notebook), root = request.param, tmp_path
    nb = nbformat.read(ROOT / "chapters" / language / notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, root / notebook)
    # Start the notebook's kernel without asking, render every cell (no windowing, so the test
    # sees the last cells), and do not offer news from the internet.
    settings = root / ".settings" / "@jupyterlab"
    (settings / "notebook-extension").mkdir(parents=True)
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        '{"autoStartDefaultKernel": true, "windowingMode": "none"}'
    )
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    port, token = free_port(), secrets.token_hex(16)
    log = (root / "lab.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--allow-root",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root,
        env={
            **os.environ,
            "PYTHONHASHSEED": "0",
            # a clean JupyterLab: no workspace, settings or config left by another session
            "JUPYTER_CONFIG_DIR": str(root / ".config"),
            "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(root / ".workspaces"),
            "JUPYTER_RUNTIME_DIR": str(root / ".runtime"),
        },
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield base, token, language, notebook, root
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def choose_file(page, path: Path) -> None:
    """Click the upload button and pick ``path`` in the file chooser, as a reader does."""
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").first.click()
    chooser.value.set_files(str(path))


@pytest.mark.browser
def test_run_all_cells_draws_the_charts_offline(browser, lab):
    base, token, language, notebook, root = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    blocked: list[str] = []

    def route(r):
        if urlparse(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(f"{base}/lab/tree/{notebook}?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
        # should JupyterLab still ask which kernel to start, take the notebook's own
        try:
            page.locator(".jp-Dialog .jp-mod-accept").click(timeout=3000)
        except Exception:
            pass
        # wait until the kernel is ready, then Run > Run All Cells
        page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=60000)
        if notebook.startswith("09-"):
            # a new user puts their file next to the notebook and types their choices over the example's
            (root / "my_region.csv").write_text(AUDIT_FILE, encoding="utf-8")
            editor = page.locator(".jp-CodeCell", has_text="MY_FILE = None").locator(".cm-content").first
            editor.click()
            page.keyboard.press("Control+a")
            page.keyboard.press("Delete")
            for line in AUDIT_CHOICES.split("\n"):
                page.keyboard.type(line)
                page.keyboard.press("Enter")
            typed = page.locator(".jp-CodeCell", has_text="my_region.csv").locator(".cm-content").first.inner_text()
            assert typed.split() == AUDIT_CHOICES.split(), typed
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        # every code cell ran (execution counts 1 to 4) ...
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
            ".every(p => /\\[\\d+\\]/.test(p.textContent))",
            timeout=90000,
        )
        # ... and JupyterLab's own Vega drew the kernel-free chart and the widget's chart
        charts = 1 if notebook.startswith("09-") else 2
        page.wait_for_function(
            "n => document.querySelectorAll('.jp-RenderedVegaLite canvas, .jp-RenderedVegaLite svg').length >= n",
            arg=charts, timeout=60000,
        )
        if not notebook.startswith("09-"):
            page.locator(".widget-slider").first.wait_for(timeout=30000)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, errors.first.inner_text() if errors.count() else ""
        assert blocked == [], f"JupyterLab asked other hosts for: {blocked}"
        if notebook.startswith("09-"):
            # the audit read the user's file and wrote its draft for Le Havre
            page.get_by_text("my_region.csv: 6 rows read").first.wait_for(timeout=30000)
            page.get_by_text("The region Le Havre employs 5,200 people").first.wait_for(timeout=30000)
        if notebook.startswith("04-"):
            # a reader uploads their own file, then a broken one, as a new user would
            mine = root / "mon_territoire.csv"
            mine.write_text("région;secteur;effectifs\nRouen;C10;120\nRouen;C29;40\nLe Havre;C10;80\n"
                            "Le Havre;C29;300\n", encoding="utf-8")
            choose_file(page, mine)
            page.get_by_text("4 lignes lues").wait_for(timeout=30000)
            broken = root / "casse.csv"
            broken.write_text("région;secteur;effectifs\nRouen;C10;-5\n", encoding="utf-8")
            choose_file(page, broken)
            page.get_by_text("column 'effectifs' has negative counts").wait_for(timeout=30000)
    except Exception:
        shot = Path(os.environ.get("TMPDIR", "/tmp")) / f"jupyterlab-{language}-failure.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failure: {shot}")
        raise
    finally:
        context.close()
