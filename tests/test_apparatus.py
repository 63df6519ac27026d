"""The book's apparatus: the two glossaries are one bilingual glossary, and every bibliography entry is cited
and every citation resolves."""

from __future__ import annotations

import re

from test_editions import CHAPTERS, ROOT, edition_files, markdown_of


def glossary_entries(language: str) -> list[tuple[list[str], str]]:
    """Each entry as (its terms, the other language's equivalents as written after « In French: » / « En anglais : »);
    the parser the index of key terms uses, which refuses an entry without its equivalent."""
    from bookbuild.apparatus import glossary

    return glossary(language)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip().casefold()


def test_every_glossary_entry_has_its_twin_in_the_other_edition():
    for language, other in (("en", "fr"), ("fr", "en")):
        defined = {_norm(t) for terms, _ in glossary_entries(other) for t in terms}
        for terms, equivalents in glossary_entries(language):
            names = [_norm(re.sub(r"\s*\([^)]*\)", "", e)) for e in re.split(r",\s*", equivalents)]
            assert any(n in defined for n in names), (
                f"{language} glossary: {terms[0]!r} gives {equivalents!r} in {other}, but no {other} entry has that term"
            )


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


# --------------------------------------------------------------------------- generated pages

from bookbuild import apparatus, editions  # noqa: E402


def test_generated_pages_are_up_to_date():
    """The data appendix and the index of key terms are what bookbuild.apparatus writes from today's
    data package, glossary and chapters (if not: make apparatus)."""
    for path, text in apparatus.pages().items():
        assert path.exists(), f"{path.relative_to(ROOT)} is missing: run make apparatus"
        assert path.read_text(encoding="utf-8") == text, f"{path.relative_to(ROOT)} is out of date: run make apparatus"


def test_every_table_of_the_data_package_has_its_page_in_the_toc():
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = editions.toc_files(toc)
    appendix = [f for f in files if f.startswith("chapters/fr/data/") and not f.endswith("/index")]
    assert appendix == apparatus.data_toc_files()
    assert "chapters/fr/data/index" in files


def test_the_appendix_finds_direct_indirect_and_solution_uses_of_a_table():
    import json

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["path"].removesuffix(".csv") for r in package["resources"]}
    users = {t: [label for _, label in u] for t, u in apparatus.table_users("en", names).items()}
    assert "measuring-clusters" in users["eurostat_sbs_regions_2015"]  # data.load in a code cell
    assert "audit" in users["geodist_pairs"]  # only through audit.run
    assert "measuring-clusters" in users["urssaf_rouen_employees"]  # in an exercise's solution
    assert "threats" not in users["eurostat_sbs_regions_2015"]


def test_a_table_without_its_french_texts_stops_the_appendix():
    import pytest

    with pytest.raises(ValueError, match="title_fr"):
        apparatus._localised({"name": "x", "title": "X"}, "title", "fr")


def test_the_index_of_key_terms_lists_every_glossary_entry_with_its_chapters():
    for language in ("fr", "en"):
        page = apparatus.terms_page(language)
        entries = apparatus.glossary(language)
        assert page.count("\n- {term}") == len(entries) > 30
    english = apparatus.terms_page("en")
    line = next(x for x in english.splitlines() if x.startswith("- {term}`location quotient`"))
    assert "{ref}`4 <measuring-clusters>`" in line and "*quotient de localisation*" in line
