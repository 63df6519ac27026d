"""Re-execute notebooks in place and store their outputs and widget state (``make notebooks``).

    python -m bookbuild.execute                     # every notebook under chapters/
    python -m bookbuild.execute chapters/fr/x.ipynb # only these

Each notebook runs top to bottom in a fresh kernel, in its own folder, with PYTHONHASHSEED=0;
the notebooks seed their own random generators. Review the diff before committing: the
committed outputs are what the website shows, and the tests (nbval) check them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bookbuild.editions import ROOT


def notebooks(paths: list[str] | None = None) -> list[Path]:
    if paths:
        return [Path(p).resolve() for p in paths]
    return sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def execute(path: Path, timeout: int = 300) -> float:
    """Execute one notebook in place; return the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
        record_timing=False,
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    nb.metadata.pop("papermill", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="notebooks to execute (default: all under chapters/)")
    args = parser.parse_args(argv)
    os.environ["PYTHONHASHSEED"] = "0"
    failures = 0
    for path in notebooks(args.paths):
        try:
            seconds = execute(path)
            print(f"executed {path.relative_to(ROOT)} in {seconds:.1f} s")
        except Exception as err:  # report every failing notebook, then fail
            failures += 1
            print(f"FAILED {path.relative_to(ROOT)}: {err}", file=sys.stderr)
    if failures:
        raise SystemExit(f"{failures} notebook(s) failed")


if __name__ == "__main__":
    main()
