"""Site build: both editions from committed outputs into an empty folder, a warm rebuild after a
prose edit, and a floor (plain Sphinx on the same pages).

The book's sources are copied into a scratch folder first, so the prose edit of the warm rebuild
never touches the repository.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bench.procmem import PeakTreeMemory
from bookbuild import site
from bookbuild.editions import EDITIONS, ROOT, SOURCE_LANGUAGE, derive_toc, load_overrides, toc_files

SOURCES = ["_config.yml", "_toc.yml", "references.bib", "chapters", "bookbuild/static"]
# The page and prose line the warm rebuild edits (a sentence of chapter 4's introduction).
EDITED_PAGE = "chapters/fr/04-measuring-clusters.ipynb"


def copy_sources(dest: Path) -> Path:
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def edit_prose_line(notebook: Path) -> str:
    """Append a word to the first prose line of the first Markdown cell that has one; returns the new line."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = cell["source"] if isinstance(cell["source"], list) else cell["source"].splitlines(keepends=True)
        for i, line in enumerate(lines):
            text = line.rstrip("\n")
            if text and text[0].isalpha():  # a sentence, not a heading, list, directive or blank
                lines[i] = text + " (bench)" + line[len(text) :]
                cell["source"] = lines
                notebook.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                return lines[i].rstrip("\n")
    raise RuntimeError(f"{notebook.name}: no prose line to edit")


def timed_build(root: Path, build: Path) -> tuple[float, int]:
    """``make book`` on the sources in ``root`` into ``build``: seconds and peak memory (bytes)."""
    with PeakTreeMemory() as memory:
        start = time.perf_counter()
        site.build_editions(root=root, build=build, on_start=lambda proc: memory.watch(proc.pid))
        site.assemble(build)
        seconds = time.perf_counter() - start
    return seconds, memory.peak


# --------------------------------------------------------------------------- floor

FLOOR_CONF = """\
# Floor of the benchmark: Sphinx with the MyST parser and the same theme, on the same pages, with no
# notebook machinery (no myst-nb, no Jupyter Book, no bibliography, exercises or chart extensions).
project = {title!r}
language = {language!r}
extensions = ["myst_parser"]
myst_enable_extensions = {myst!r}
html_theme = "sphinx_book_theme"
exclude_patterns = ["_build"]
suppress_warnings = ["myst.xref_missing", "myst.directive_unknown", "myst.role_unknown"]
"""


def _as_markdown(notebook: Path) -> str:
    """A notebook's cells as MyST Markdown: prose as it is, code as code blocks, outputs left out."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    parts = []
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        parts.append(source if cell["cell_type"] == "markdown" else f"```python\n{source}\n```")
    return "\n\n".join(parts) + "\n"


def write_floor_project(language: str, dest: Path) -> Path:
    """A plain Sphinx project holding the pages of one edition (same order, same text)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    title = config["title"]
    if language != SOURCE_LANGUAGE:
        overrides = load_overrides(language)
        toc, title = derive_toc(toc, language, overrides.get("captions", {})), overrides["title"]
    dest.mkdir(parents=True)
    pages = []
    for page in toc_files(toc):
        src = next(ROOT.glob(page + ".*"))
        # the page's path inside its edition folder (data/index, not index: the appendix has a folder)
        name = Path(page).relative_to(Path(page).parts[0], Path(page).parts[1]).as_posix()
        text = src.read_text(encoding="utf-8") if src.suffix == ".md" else _as_markdown(src)
        (dest / f"{name}.md").parent.mkdir(parents=True, exist_ok=True)
        (dest / f"{name}.md").write_text(text, encoding="utf-8")
        pages.append(name)
    (dest / "index.md").write_text(
        f"# {title}\n\n```{{toctree}}\n:hidden:\n\n" + "\n".join(pages) + "\n```\n", encoding="utf-8"
    )
    myst = config.get("parse", {}).get("myst_enable_extensions", [])
    (dest / "conf.py").write_text(FLOOR_CONF.format(title=title, language=language, myst=myst), encoding="utf-8")
    return dest


def floor_build(scratch: Path) -> float:
    """Both floor projects built side by side, as the book's editions are."""
    for language in EDITIONS:
        write_floor_project(language, scratch / language)
    sphinx = str(Path(sys.executable).with_name("sphinx-build"))
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sphinx, "-q", "-b", "html", str(scratch / lang), str(scratch / lang / "_build")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for lang in EDITIONS
    ]
    for proc in procs:
        _, err = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"floor build failed: {err[-2000:]}")
    return time.perf_counter() - start


# --------------------------------------------------------------------------- section


def run(scratch: Path, quick: bool) -> tuple[list[dict], dict]:
    root = copy_sources(scratch / "book")
    build = scratch / "build"
    cold, cold_memory = timed_build(root, build)
    line = edit_prose_line(root / EDITED_PAGE)
    warm, _ = timed_build(root, build)
    if "(bench)" not in (build / "site" / "fr" / EDITED_PAGE.replace(".ipynb", ".html")).read_text("utf-8"):
        raise RuntimeError("the warm rebuild did not show the edited line")
    floor = floor_build(scratch / "floor")
    figures = [
        {"key": "build.cold_s", "label": "both editions, empty build folder", "value": cold, "unit": "s"},
        {
            "key": "build.cold_peak_MB",
            "label": "peak memory of that build (all processes)",
            "value": cold_memory / 1e6,
            "unit": "MB",
        },
        {"key": "build.warm_s", "label": "rebuild after a prose edit", "value": warm, "unit": "s"},
        {
            "key": "build.floor_s",
            "label": "floor: plain Sphinx + MyST, same pages and theme",
            "value": floor,
            "unit": "s",
        },
        {"key": "build.ratio", "label": "build / floor", "value": cold / floor, "unit": "×"},
    ]
    return figures, {"edited_page": EDITED_PAGE, "edited_line": line}
