"""The printed edition (bookbuild/pdf.py): every PDF of both editions made from the built site, as
``make pdf`` makes them: wall time, and the size and pages of each whole book.

The quick run prints the preface of each edition only (its figures say so in their labels)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bookbuild import pdf
from bookbuild.editions import EDITIONS, ROOT

#: The site the PDFs are made from: the one the build section has just made, or the project's own.
SITE = ROOT / "_build" / "site"


def _pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(str(path)).pages)


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    if not (SITE / "index.html").exists():
        raise SystemExit(f"No website in {SITE}: `make book` first (or run the build section with this one).")
    # a copy of the site's pages, so that the site keeps its own PDFs
    site = scratch / "site"
    shutil.copytree(SITE, site, ignore=shutil.ignore_patterns("pdf"))
    start = time.perf_counter()
    if quick:
        steps = pdf.build(site, only=["00-preface"])
    else:
        steps = pdf.build(site)
    seconds = time.perf_counter() - start
    figures = [
        {
            "key": "pdf.s",
            "label": "every PDF, both editions" if not quick else "the preface's PDF, both editions (quick run)",
            "value": seconds,
            "unit": "s",
        }
    ]
    details = {"steps_s": {k: round(v, 1) for k, v in steps.items()}, "books": {}}
    for language in EDITIONS:
        path = pdf.chapter_path(language, "00-preface", site) if quick else pdf.book_path(language, site)
        name = "preface" if quick else "book"
        figures.append(
            {
                "key": f"pdf.{language}.MB",
                "label": f"{language}: {path.name} ({_pages(path)} pages)",
                "value": path.stat().st_size / 1e6,
                "unit": "MB",
                "budget_key": "pdf.book_MB",
            }
        )
        details["books"][language] = {"file": path.name, "what": name, "pages": _pages(path)}
    chapters = sorted((site / "pdf").rglob("*.pdf"))
    details["files"] = len(chapters)
    details["total_MB"] = round(sum(p.stat().st_size for p in chapters) / 1e6, 1)
    return figures, details
