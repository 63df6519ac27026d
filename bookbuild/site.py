"""Build the whole website into ``_build/site``: ``fr/``, ``en/`` and a bilingual landing page.

    python -m bookbuild.site            # both editions, warnings are errors
    python -m bookbuild.site --serve    # then serve it on http://127.0.0.1:8000

Each edition is built by Jupyter Book 1 from the committed notebook outputs (nothing is
executed); the two builds run side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from bookbuild.editions import EDITIONS, ROOT, SOURCE_LANGUAGE, derive_toc, load_overrides, toc_files, write_edition

BUILD = ROOT / "_build"
SITE = BUILD / "site"
STRICT = ["-W", "-n", "--keep-going"]


def edition_command(language: str, strict: bool = True, root: Path = ROOT, build: Path = BUILD) -> list[str]:
    """The ``jupyter-book build`` command of one edition (book sources in ``root``, output under ``build``)."""
    out = build / "editions" / language
    cmd = [sys.executable, "-m", "bookbuild.jupyter_book", "build", str(root), "--path-output", str(out)]
    if language != SOURCE_LANGUAGE:
        config, toc = write_edition(language, build / "editions" / f"{language}-config", root)
        cmd += ["--config", str(config), "--toc", str(toc)]
    if strict:
        cmd += STRICT
    return cmd


def build_environment() -> dict[str, str]:
    """The environment of a ``jupyter-book`` process: a fixed hash seed, and this repository on the path,
    since bookbuild is not installed (the reader's distribution is clusterlab alone)."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": path}


def build_editions(
    languages=EDITIONS, strict: bool = True, root: Path = ROOT, build: Path = BUILD, on_start=None
) -> dict[str, float]:
    """Build the editions side by side; raise if any fails. Returns seconds per edition.

    ``root`` holds the book's sources and ``build`` receives the output (the benchmark builds a
    copy into an empty folder); ``on_start`` is called with each build process as it starts.
    """
    procs = {}
    start = time.perf_counter()
    logs = {}
    for language in languages:
        out = build / "editions" / language
        out.mkdir(parents=True, exist_ok=True)
        # Sphinx rewrites the pages whose own source changed; a change to what every page depends on
        # (configuration, toc, bibliography, glossary, catalogues, the build's code and templates) rewrites
        # them all. The doctrees go too: they hold what the build's code made of each page (a chart's
        # description and table, a catalogue's words), which Sphinx would otherwise reuse as it is.
        if _read(out / INPUTS) != inputs_fingerprint(root):
            shutil.rmtree(out / "_build" / "html", ignore_errors=True)
            shutil.rmtree(out / "_build" / ".doctrees", ignore_errors=True)
        logs[language] = out / "build.log"
        procs[language] = subprocess.Popen(
            edition_command(language, strict, root, build),
            stdout=logs[language].open("w"),
            stderr=subprocess.STDOUT,
            cwd=root,
            env=build_environment(),
        )
        if on_start:
            on_start(procs[language])
    seconds, failed = {}, []
    for language, proc in procs.items():
        proc.wait()
        seconds[language] = time.perf_counter() - start
        if proc.returncode != 0:
            failed.append(language)
    for language in failed:
        log = logs[language].read_text(encoding="utf-8", errors="replace")
        print(f"\n--- {language} edition build log (last 60 lines) ---", file=sys.stderr)
        print("\n".join(log.splitlines()[-60:]), file=sys.stderr)
    if failed:
        raise SystemExit(f"The {', '.join(failed)} edition(s) failed to build; logs in {build / 'editions'}")
    # Sphinx writes only the pages whose sources changed, and never deletes a page whose source is gone:
    # remove those, so that the site holds the book's pages and nothing else.
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    for language in languages:
        edition_toc = (
            toc if language == SOURCE_LANGUAGE else derive_toc(toc, language, load_overrides(language)["captions"])
        )
        prune_stale_pages(build / "editions" / language / "_build" / "html", toc_files(edition_toc))
        (build / "editions" / language / INPUTS).write_text(inputs_fingerprint(root), encoding="utf-8")
    return seconds


INPUTS = "inputs.sha256"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def inputs_fingerprint(root: Path = ROOT) -> str:
    """A hash of the files every page depends on besides its own source: configuration, toc,
    bibliography, glossaries, the catalogues of words, and the build's own code, templates and static files."""
    import hashlib

    files = [root / "_config.yml", root / "_toc.yml", root / "references.bib"]
    files += sorted((root / "chapters").glob("*/glossary.md"))
    files += sorted((root / "clusterlab" / "locales").glob("*.toml")) + [root / "clusterlab" / "labels.py"]
    files += sorted(p for p in (root / "bookbuild").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# Pages Sphinx and Jupyter Book write besides the book's own (the root redirect, the index, the search).
GENERATED_PAGES = {"index", "genindex", "search", "py-modindex"}


def prune_stale_pages(html: Path, docnames: list[str]) -> list[Path]:
    """Delete the HTML pages of ``html`` that belong to no page of the toc (a page removed or renamed
    since the last build); the theme's and Sphinx's own folders and pages stay. Returns what was deleted."""
    keep = set(docnames) | GENERATED_PAGES
    removed = []
    if not html.is_dir():
        return removed
    for page in sorted(html.rglob("*.html")):
        rel = page.relative_to(html)
        if rel.parts[0] in ("_static", "_sources", "_images"):
            continue
        if rel.with_suffix("").as_posix() not in keep:
            page.unlink()
            removed.append(page)
    return removed


def landing_page() -> str:
    """The multilingual landing page: every edition's title, pitch, guides and the abstract in its language.

    The words are the catalogues' ``book.landing.*``; the titles and authors are the editions' own."""
    from clusterlab import labels

    abstract = yaml.safe_load((ROOT / "bookbuild" / "editions" / "abstract.yml").read_text("utf-8"))
    root = yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))
    configs = {
        language: root if language == SOURCE_LANGUAGE else {**root, **load_overrides(language)} for language in EDITIONS
    }
    templates = ROOT / "bookbuild" / "templates"

    def fill(template: str, values: dict[str, str]) -> str:
        for key, value in values.items():
            template = template.replace("{{ " + key + " }}", value)
        return template

    def words(language: str, key: str) -> str:
        return labels.label(f"book.landing.{key}", language)

    section = (templates / "landing-edition.html").read_text("utf-8")
    editions = []
    for language in EDITIONS:
        guides = {
            guide: f"{language}/chapters/{language}/{guide.replace('_', '-')}.html"
            for guide in ("readers_guide", "instructor_guide")
        }
        values = {key: words(language, key) for key in ("edition", "pitch", "read", "abstract_heading")}
        values["first_visit"] = labels.message("book.landing.first_visit", language, **guides)
        # the printed edition (bookbuild.pdf writes it into the site after the pages)
        from bookbuild.pdf import BOOK_FILES

        values["printed"] = labels.message(
            "book.pdf.download_note", language, book=f"pdf/{language}/{BOOK_FILES[language]}"
        )
        values["abstract"] = html.escape(abstract[language])
        editions.append(fill(section, {"lang": language, **values}))
    others = [language for language in EDITIONS if language != SOURCE_LANGUAGE]
    values = {
        "title": html.escape(root["title"]),
        "subtitles": "\n".join(
            f'  <p class="subtitle" lang="{language}">{html.escape(configs[language]["title"])}</p>'
            for language in others
        ),
        "editions": "".join(editions).rstrip("\n"),
        "year": html.escape(str(root.get("copyright", ""))),
        "authors": " · ".join(
            f'<span lang="{language}">{html.escape(str(configs[language].get("author", "")))}</span>'
            for language in EDITIONS
        ),
        "footers": "\n".join(
            f'    <span lang="{language}">{words(language, "footer")}</span>' for language in EDITIONS
        ),
    }
    return fill((templates / "landing.html").read_text("utf-8"), values)


def assemble(build: Path = BUILD) -> Path:
    """Copy both built editions under ``<build>/site`` and write the landing page."""
    site = build / "site"
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    for language in EDITIONS:
        shutil.copytree(build / "editions" / language / "_build" / "html", site / language)
    (site / "index.html").write_text(landing_page(), encoding="utf-8")
    shutil.copy2(ROOT / "bookbuild" / "static" / "favicon.svg", site / "favicon.svg")
    (site / ".nojekyll").write_text("")
    # the handouts' zips, linked from the instructor's guide (bookbuild/handouts.py)
    from bookbuild import handouts

    (site / "handouts").mkdir()
    for path in handouts.write(build / "handouts"):
        shutil.copy2(path, site / "handouts" / path.name)
    return site


def site_pages(site: Path, language: str) -> list[Path]:
    """Every HTML page of an edition of the built site, redirect stubs excluded."""
    pages = []
    for path in sorted((site / language).rglob("*.html")):
        rel = path.relative_to(site / language)
        if rel.parts[0] in ("_static", "_sources", "_images"):
            continue
        if 'http-equiv="Refresh"' in path.read_text(encoding="utf-8")[:2000]:
            continue
        pages.append(path)
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


@contextlib.contextmanager
def served(directory: Path):
    """``directory`` over HTTP on 127.0.0.1 (a free port) in a background thread; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def serve(port: int = 8000) -> None:
    print(f"Serving {SITE} on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    subprocess.run(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(SITE)], check=False
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="serve the site after building it")
    parser.add_argument("--lenient", action="store_true", help="do not turn warnings into errors")
    args = parser.parse_args(argv)
    seconds = build_editions(strict=not args.lenient)
    site = assemble()
    for language, s in seconds.items():
        print(f"{language} edition built in {s:.1f} s")
    print(f"\nThe website is in {site.relative_to(ROOT)}/ (index.html, fr/, en/).")
    print("Serve it with:  make serve   (or: python -m http.server -d _build/site 8000)")
    print("then open http://127.0.0.1:8000/")
    if args.serve:
        serve()


if __name__ == "__main__":
    main()
