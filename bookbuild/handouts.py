"""``make handouts``: the chapters as notebooks to hand out in class.

For every chapter of both editions, a student's notebook (every exercise statement, no solution and no
quiz answer: the blocks are removed, not hidden) and the instructor's copy (everything), with citations,
terms and references written as on the website (:func:`clusterlab.jupyter.reader.handout`) so that they
read well in any JupyterLab. One zip per edition and audience holds the notebooks with the book's
``data/`` folder beside them, so that they run wherever the reader's environment is installed.

Output: ``_build/handouts/<lang>/<audience>/`` and ``_build/handouts/<zip>``; the website links the zips
from the instructor's guide (``bookbuild.site`` copies them into each edition).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

import nbformat
from nbformat.v4 import nbjson

from clusterlab import labels
from clusterlab.jupyter.reader import handout

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "handouts"
AUDIENCES = ("student", "instructor")
CHAPTER = re.compile(r"^\d\d-.+\.ipynb$")


def zip_name(language: str, audience: str) -> str:
    """The zip's name: the book's short name, the edition, the audience in its language (catalogue)."""
    return labels.label(f"book.handouts.zip.{audience}", language)


def readme(language: str, audience: str) -> tuple[str, str]:
    """The README of a zip, its file name and its text, in the edition's language (catalogue)."""
    return labels.label("book.handouts.readme_name", language), labels.label(
        f"book.handouts.readme.{audience}", language
    )


def chapters(language: str, root: Path = ROOT) -> list[Path]:
    """The chapter notebooks of one edition, in order."""
    return sorted(p for p in (root / "chapters" / language).glob("*.ipynb") if CHAPTER.match(p.name))


def fingerprint(root: Path = ROOT) -> str:
    """A hash of what the handouts are made from: the chapters, the links, the data, this module."""
    import hashlib

    digest = hashlib.sha256()
    files = [p for language in ("fr", "en") for p in chapters(language, root)]
    files += [
        root / "clusterlab" / "jupyter" / "links.json",
        root / "clusterlab" / "jupyter" / "reader.py",
        Path(__file__),
    ]
    files += sorted(p for p in (root / "data").rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def write(out: Path = OUT, root: Path = ROOT, languages=("fr", "en")) -> list[Path]:
    """Write every handout and the zips; return the zips' paths. Nothing is rewritten when the sources
    are those of the last run."""
    stamp = out / "inputs.sha256"
    zips = [out / zip_name(language, audience) for language in languages for audience in AUDIENCES]
    current = fingerprint(root)
    if stamp.exists() and stamp.read_text() == current and all(z.exists() for z in zips):
        return zips
    zips = []
    for language in languages:
        for audience in AUDIENCES:
            folder = out / language / audience
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for path in chapters(language, root):
                nb = json.loads(path.read_text(encoding="utf-8"))
                # nbformat's own writer (split lines, sorted keys), without its slow validation
                text = nbjson.writes(nbformat.from_dict(handout(nb, audience, path.stem)))
                (folder / path.name).write_text(text + "\n", encoding="utf-8")
            readme_name, readme_text = readme(language, audience)
            zips.append(_zip(out / zip_name(language, audience), folder, root / "data", readme_text, readme_name))
    stamp.write_text(current)
    return zips


def _zip(target: Path, folder: Path, data: Path, readme: str, readme_name: str) -> Path:
    top = target.stem
    # fixed dates and order: the same sources give the same bytes
    stamp = (2026, 1, 1, 0, 0, 0)
    files = [(p, p.relative_to(folder)) for p in sorted(folder.iterdir()) if p.is_file()]
    files += [(p, Path("data") / p.relative_to(data)) for p in sorted(data.rglob("*")) if p.is_file()]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(f"{top}/{readme_name}", stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, readme)
        for path, name in files:
            info = zipfile.ZipInfo(f"{top}/{name.as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, path.read_bytes())
    return target


def main(argv: list[str] | None = None) -> int:
    zips = write()
    for path in zips:
        print(f"{path.relative_to(ROOT)}  ({path.stat().st_size / 1e6:.1f} MB)")
    summary = {language: len(chapters(language)) for language in ("fr", "en")}
    print(
        f"handouts in {OUT.relative_to(ROOT)}/: {json.dumps(summary)} chapters per edition, "
        "student and instructor notebooks"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
