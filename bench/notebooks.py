"""Notebooks: every notebook of both editions top to bottom in a fresh kernel, as "Run All" in class.

Each run starts its own kernel (the time includes kernel start and shutdown) in the notebook's own
folder; nothing is written back. The floor is a notebook with one empty cell. The quick run executes
one chapter in both editions (``QUICK``): every notebook already runs in ``make test`` (nbval, the
reader's environment, JupyterLab).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bench.stats import median
from bookbuild.editions import ROOT

#: The notebooks of the quick run: a chapter with a chart, a widget and the book's data, in both editions
QUICK = "01-marshall-district.ipynb"


def notebooks(quick: bool = False) -> list[Path]:
    found = sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    return [p for p in found if p.name == QUICK] if quick else found


def execute(nb, folder: Path) -> float:
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def kernel_floor(repeat: int) -> float:
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    return median([execute(empty, ROOT) for _ in range(repeat)])


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    os.environ.setdefault("PYTHONHASHSEED", "0")
    seconds = {}
    for path in notebooks(quick):
        seconds[str(path.relative_to(ROOT))] = execute(nbformat.read(path, as_version=4), path.parent)
    floor = kernel_floor(1 if quick else 3)
    figures = [
        {"key": f"notebooks.{name}", "label": name, "value": s, "unit": "s", "budget_key": "notebooks.each_s"}
        for name, s in seconds.items()
    ]
    figures += [
        {"key": "notebooks.median_s", "label": "median notebook", "value": median(list(seconds.values())), "unit": "s"},
        {"key": "notebooks.max_s", "label": "slowest notebook", "value": max(seconds.values()), "unit": "s"},
        {
            "key": "notebooks.kernel_s",
            "label": "floor: kernel start, one empty cell, shutdown",
            "value": floor,
            "unit": "s",
        },
    ]
    return figures, {"seconds": seconds}
