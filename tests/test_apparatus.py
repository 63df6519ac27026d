"""The book's apparatus: the two glossaries are one bilingual glossary, and every bibliography entry is cited
and every citation resolves."""

from __future__ import annotations

import re

from test_editions import CHAPTERS, ROOT, edition_files, markdown_of


def glossary_entries(language: str) -> list[tuple[list[str], str]]:
    """Each entry as (its terms, the other language's equivalents as written after « In French: » / « En anglais : »)."""
    text = (CHAPTERS / language / "glossary.md").read_text(encoding="utf-8")
    body = re.search(r":::\{glossary\}\n(.*?)\n:::", text, re.S).group(1)
    entries, terms, definition = [], [], []
    for line in body.splitlines() + [""]:
        if re.match(r"^:\w+:", line):
            continue
        if line.startswith("  "):
            definition.append(line.strip())
        elif line.strip():
            if definition:
                entries.append((terms, " ".join(definition)))
                terms, definition = [], []
            terms.append(line.strip())
    if terms:
        entries.append((terms, " ".join(definition)))
    marker = r"\*In French: (.+?)\.\*" if language == "en" else r"\*En anglais\s?: (.+?)\.\*"
    out = []
    for terms, definition in entries:
        found = re.search(marker, definition)
        assert found, f"{language} glossary: the entry {terms[0]!r} does not give the other language's term"
        out.append((terms, found.group(1)))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip().casefold()


def test_every_glossary_entry_has_its_twin_in_the_other_edition():
    for language, other in (("en", "fr"), ("fr", "en")):
        defined = {_norm(t) for terms, _ in glossary_entries(other) for t in terms}
        for terms, equivalents in glossary_entries(language):
            names = [_norm(re.sub(r"\s*\([^)]*\)", "", e)) for e in re.split(r",\s*", equivalents)]
            assert any(n in defined for n in names), (
                f"{language} glossary: {terms[0]!r} gives {equivalents!r} in {other}, but no {other} entry has that term")


def bib_keys() -> list[str]:
    return re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(encoding="utf-8"), re.M)


def citations() -> set[str]:
    cited = set()
    for language in ("fr", "en"):
        for name in edition_files(language):
            for group in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", markdown_of(CHAPTERS / language / name)):
                cited.update(key.strip() for key in group.split(","))
    return cited


def test_every_citation_resolves_and_every_entry_is_cited():
    keys = bib_keys()
    assert len(keys) == len(set(keys)), "references.bib has a key twice"
    assert sorted(citations() - set(keys)) == [], "cited but not in references.bib"
    assert sorted(set(keys) - citations()) == [], "in references.bib but cited nowhere"


def test_every_entry_has_an_author_a_title_and_a_year():
    """(A misc entry may describe the work in ``howpublished`` instead of a title.)"""
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    for entry in re.split(r"\n(?=@)", text.strip())[1:]:
        key = re.match(r"@\w+\{([^,]+),", entry).group(1)
        for field in ("author", "title|howpublished", "year"):
            assert re.search(rf"^\s*({field})\s*=", entry, re.M), f"{key} has no {field}"
