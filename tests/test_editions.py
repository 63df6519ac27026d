"""The two editions are the same book: same files, toc, labels, headings, code, figures,
exercises, glossary and citations. Only the words (and the language line) differ."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from bookbuild import editions

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
LANGUAGE_LINE = re.compile(r'^labels\.set_language\("(\w+)"\)$', re.M)


def edition_files(language: str) -> list[str]:
    return sorted(
        str(p.relative_to(CHAPTERS / language))
        for p in (CHAPTERS / language).rglob("*")
        if p.is_file() and p.suffix in (".md", ".ipynb") and ".ipynb_checkpoints" not in p.parts
    )


def markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        nb = nbformat.read(path, as_version=4)
        return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return path.read_text(encoding="utf-8")


def pairs():
    return [(CHAPTERS / "fr" / f, CHAPTERS / "en" / f) for f in edition_files("fr")]


PAIRS = pairs()
IDS = [fr.name for fr, _ in PAIRS]


def test_both_editions_hold_the_same_files():
    assert edition_files("fr") == edition_files("en")
    assert edition_files("fr"), "no chapter files found"


def test_english_toc_is_the_french_toc_with_english_paths():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    overrides = editions.load_overrides("en")
    en_toc = editions.derive_toc(toc, "en", overrides["captions"])
    fr_files = editions.toc_files(toc)
    en_files = editions.toc_files(en_toc)
    assert [f.replace("chapters/fr/", "chapters/en/") for f in fr_files] == en_files
    for files in (fr_files, en_files):
        for stem in files:
            assert any((ROOT / f"{stem}{ext}").exists() for ext in (".md", ".ipynb")), stem
    # every chapter file is in the toc (nothing written that readers cannot reach)
    assert sorted(f"chapters/fr/{Path(f).with_suffix('')}" for f in edition_files("fr")) == sorted(fr_files)


def test_a_caption_without_translation_fails_the_english_build():
    toc = {"root": "chapters/fr/a", "parts": [{"caption": "Partie X", "chapters": [{"file": "chapters/fr/b"}]}]}
    with pytest.raises(editions.EditionError, match="Partie X"):
        editions.derive_toc(toc, "en", {})


def labels_of(text: str) -> list[str]:
    found = re.findall(r"^\(([\w-]+)\)=\s*$", text, re.M)
    found += re.findall(r"^:label:\s*([\w-]+)", text, re.M)
    found += re.findall(r"^\$\$\s*\(([\w-]+)\)\s*$", text, re.M)
    return found


def headings_of(text: str) -> list[int]:
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    return [len(m) for m in re.findall(r"^(#{1,6}) ", text, re.M)]


@pytest.mark.parametrize("fr, en", PAIRS, ids=IDS)
def test_same_labels_and_heading_structure(fr, en):
    assert labels_of(markdown_of(fr)) == labels_of(markdown_of(en))
    assert headings_of(markdown_of(fr)) == headings_of(markdown_of(en))


def directive_counts(text: str) -> dict[str, int]:
    return {
        name: len(re.findall(r"^(?::::+|```+)\{" + name + r"\}", text, re.M))
        for name in ("exercise", "solution", "figure", "admonition", "note", "glossary", "bibliography")
    }


def roles(text: str, role: str) -> list[str]:
    return re.findall(r"\{" + role + r"(?::\w+)?\}`([^`]+)`", text)


@pytest.mark.parametrize("fr, en", PAIRS, ids=IDS)
def test_same_exercises_admonitions_terms_and_citations(fr, en):
    tf, te = markdown_of(fr), markdown_of(en)
    assert directive_counts(tf) == directive_counts(te)
    assert len(roles(tf, "term")) == len(roles(te, "term"))
    assert sorted(roles(tf, "cite")) == sorted(roles(te, "cite"))


def code_cells(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


NOTEBOOK_PAIRS = [(fr, en) for fr, en in PAIRS if fr.suffix == ".ipynb"]


@pytest.mark.parametrize("fr, en", NOTEBOOK_PAIRS, ids=[fr.name for fr, _ in NOTEBOOK_PAIRS])
def test_code_cells_are_identical_but_for_the_language_line(fr, en):
    code_fr, code_en = code_cells(fr), code_cells(en)
    assert LANGUAGE_LINE.findall("\n".join(code_fr)) == ["fr"]
    assert LANGUAGE_LINE.findall("\n".join(code_en)) == ["en"]
    strip = lambda cells: [LANGUAGE_LINE.sub("LANGUAGE", c) for c in cells]  # noqa: E731
    assert strip(code_fr) == strip(code_en)
    kinds = lambda p: [c.cell_type for c in nbformat.read(p, as_version=4).cells]  # noqa: E731
    assert kinds(fr) == kinds(en)


def figures_of(path: Path) -> int:
    if path.suffix != ".ipynb":
        return 0
    nb = nbformat.read(path, as_version=4)
    return sum(
        1
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if any(k.startswith("application/vnd.vegalite") or k.startswith("image/") for k in o.get("data", {}))
    )


@pytest.mark.parametrize("fr, en", PAIRS, ids=IDS)
def test_same_number_of_figures(fr, en):
    assert figures_of(fr) == figures_of(en)


def glossary(language: str) -> list[list[str]]:
    """The glossary's entries, each as the list of its terms (lines before an indented definition)."""
    text = (CHAPTERS / language / "glossary.md").read_text(encoding="utf-8")
    body = re.search(r":::\{glossary\}\n(.*?)\n:::", text, re.S).group(1)
    entries: list[list[str]] = []
    previous_indented = True
    for line in body.splitlines():
        if not line.strip() or re.match(r"^:\w+:", line):
            continue
        indented = line.startswith("  ")
        if not indented:
            if previous_indented:
                entries.append([])
            entries[-1].append(line.strip())
        previous_indented = indented
    return entries


def test_same_number_of_glossary_entries():
    assert len(glossary("fr")) == len(glossary("en")) > 0


@pytest.mark.parametrize("language", editions.EDITIONS)
def test_every_term_used_is_defined_in_the_glossary(language):
    defined = {term.lower() for entry in glossary(language) for term in entry}
    for path in sorted((CHAPTERS / language).rglob("*")):
        if path.suffix not in (".md", ".ipynb"):
            continue
        for use in roles(markdown_of(path), "term"):
            target = re.search(r"<([^>]+)>$", use)
            term = (target.group(1) if target else use).strip().lower()
            assert term in defined, f"{path.name}: term {term!r} is not in the {language} glossary"


def test_each_preface_quotes_its_abstract_verbatim():
    abstract = yaml.safe_load((ROOT / "bookbuild" / "editions" / "abstract.yml").read_text(encoding="utf-8"))
    for language in editions.EDITIONS:
        preface = (CHAPTERS / language / "00-preface.md").read_text(encoding="utf-8")
        assert "> " + abstract[language] + "\n" in preface, language
