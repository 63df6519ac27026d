"""Chapter 10 (the audit): what the text says about the worked example is what the template computes."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, chapter_prose, cited_unalike

from clusterlab import audit, data, labels, questions
from clusterlab.models import gvc

STEM = "10-audit"


def prose(language: str) -> str:
    return chapter_prose(STEM, language)


def test_the_worked_example_figures_quoted_are_the_template_s():
    table = audit.eurostat_employment()
    assert (len(table), table["region"].nunique(), table["industry"].nunique()) == (5883, 281, 24)
    r = audit.run(table, "ITH5", "C23", home="ITA")
    assert (r.employment, r.region_total, round(r.lq, 2), r.rank, r.regions) == (30110, 431940, 1.70, 49, 278)
    assert (round(r.hoover, 3), round(r.gini, 3)) == (0.202, 0.283)
    assert r.top.iloc[0]["industry"] == "C28" and round(r.top.iloc[0]["lq"], 2) == 2.20
    assert list(r.markets["partner"]) == ["CHE", "FRA", "AUT", "USA", "DEU"]
    tiles = data.load("italian_tiles")
    assert tiles[(tiles["year"] == 2015) & (tiles["indicator"] == "export_share")]["value"].item() == 84.4
    en, fr = prose("en"), prose("fr")
    for text in (
        "5,883 cells",
        "281 regions and 24 divisions",
        "30,110 people",
        "431,940",
        "1.70",
        "49th of 278",
        "0.202",
        "0.283",
        "LQ 2.20",
        "84.4%",
        "Switzerland, France, Austria, the United States and Germany",
    ):
        assert text in en, text
    for text in (
        "5\u202f883 cellules",
        "281 régions et 24 divisions",
        "30\u202f110 personnes",
        "431\u202f940",
        "1,70",
        "49ᵉ rang de 278",
        "0,202",
        "0,283",
        "QL 2,20",
        "84,4\u202f%",
        "la Suisse, la France, l'Autriche, les États-Unis et l'Allemagne",
    ):
        assert text in fr, text


def test_the_norte_exercise_answer_holds():
    r = audit.run(audit.eurostat_employment(), "PT11", "C15", home="PRT")
    assert (r.employment, round(r.lq, 2), r.rank, r.regions) == (47208, 9.28, 4, 189)
    assert list(r.markets["partner"][:3]) == ["BRA", "ESP", "AGO"]
    en, fr = prose("en"), prose("fr")
    assert "47,208 people, a location quotient of 9.28, 4th of the 189 regions" in en
    assert "47\u202f208 personnes, un quotient de localisation de 9,28, au 4ᵉ rang des 189 régions" in fr


# --- the self-check questions (clusterlab/questions/10-audit.yml) --------------------------------------------


def test_the_numeric_questions_answers_are_the_audit_s():
    table = audit.eurostat_employment()
    r = audit.run(table, "ITH5", "C23", home="ITA")
    region_share = 100 * r.employment / r.region_total
    reference = r.lq_all.iloc[0]
    reference_share = 100 * reference["industry_total"] / reference["total"]

    q = questions.all_questions()["audit-region-share"]
    assert q.answer.value == pytest.approx(region_share, abs=q.answer.tolerance)
    concentration, fraction, quotient = (w.value for w in q.answer.wrong)
    assert concentration == round(r.share, 1) and fraction == pytest.approx(region_share / 100, abs=0.0005)
    assert quotient == round(r.lq, 2)

    q = questions.all_questions()["audit-reference-share"]
    assert q.answer.value == pytest.approx(reference_share, abs=q.answer.tolerance)
    assert q.answer.value == pytest.approx(7.0 / 1.70, abs=q.answer.tolerance)  # from the question's numbers
    assert region_share / reference_share == pytest.approx(r.lq)
    multiplied, concentration = (w.value for w in q.answer.wrong)
    assert multiplied == pytest.approx(7.0 * 1.70, abs=0.05) and concentration == round(r.share, 1)

    q = questions.all_questions()["audit-lq-tiny-region"]
    tiny = r.lq_all[r.lq_all["region"] == "ES64"].iloc[0]
    assert (tiny["employment"], tiny["region_total"]) == (51, 258)
    assert q.answer.value == pytest.approx(tiny["lq"], abs=q.answer.tolerance)
    assert q.answer.value == pytest.approx(100 * 51 / 258 / 4.1, abs=q.answer.tolerance)  # the question's numbers
    inverse, numerator = (w.value for w in q.answer.wrong)
    assert inverse == pytest.approx(4.1 / (100 * 51 / 258), abs=0.05) and numerator == round(100 * 51 / 258, 1)
    assert tiny["lq"] / r.lq == pytest.approx(2.8, abs=0.1)  # "nearly three times Emilia-Romagna's 1.70"


def test_the_choice_questions_answers_are_the_audit_s():
    table = audit.eurostat_employment()
    r = audit.run(table, "ITH5", "C23", home="ITA")
    ahead = r.lq_all.head(r.rank - 1)
    assert len(ahead) == 48 and (ahead["employment"] < r.employment).all()  # each of the 48 has fewer jobs
    assert r.rank_employment == 2
    assert questions.all_questions()["audit-rank-by-quotient"].right == [0]
    assert round(r.hoover, 3) == 0.202 and questions.all_questions()["audit-hoover-and-lq"].right == [0]
    assert questions.all_questions()["audit-quotient-understates"].right == [0, 1]

    assert gvc.governance("high", "high", "low") == "captive"
    assert gvc.governance("high", "low", "low") == "hierarchy" and gvc.governance("high", "high", "high") == "modular"
    assert questions.all_questions()["audit-governance-setting"].right == [0]
    assert questions.all_questions()["audit-plant-sizes"].right == [0]

    tiles = data.load("italian_tiles")
    shares = tiles[tiles["indicator"] == "export_share"].set_index(["scope", "year"])["value"]
    assert (shares["italy", 2015], shares["district", 2003]) == (84.4, 72)  # national in 2015; Sassuolo, 2003
    assert questions.all_questions()["audit-export-share-scope"].right == [0]

    markets = r.markets.set_index("partner")
    usa, deu = markets.loc["USA"], markets.loc["DEU"]
    assert (usa["rank"], deu["rank"]) == (4, 5)
    assert (round(usa["index"], 3), round(deu["index"], 3)) == (0.944, 0.841)
    assert (round(usa["market"], 3), round(deu["market"], 3)) == (1.0, 0.868)
    assert questions.all_questions()["audit-first-markets"].right == [0]
    assert questions.all_questions()["audit-judge-a-lever"].right == [0]


# --- glossary links, sources of the methods and data, and the exercises that run the template -----------------


def test_the_methods_and_data_are_cited_and_the_terms_linked_in_both_editions():
    en, fr = prose("en"), prose("fr")
    assert (
        cited_unalike(
            en,
            fr,
            (
                "ellison1997geographic",
                "krugman1991geography",
                "johanson1977internationalization",
                "mayer2011notes",
                "gereffi2005governance",
                "humphrey2002insertion",
                "grabher1993weakness",
                "schmitz1997collective",
                "bathelt2004clusters",
                "martin2011public",
                "confindustria_tiles2015",
                "assopiastrelle2004district",
            ),
        )
        == []
    )
    for target in (
        "data-eurostat-sbs-regions-2015",
        "data-urssaf-rouen-employees",
        "data-geodist-pairs",
        "data-wdi-gdp-population",
    ):
        assert en.count(f"<{target}>`") == fr.count(f"<{target}>`") == 1, target
    assert "sbs_r_nuts06_r2, 2015" in en and "sbs_r_nuts06_r2, 2015" in fr
    glossary = {
        language: (ROOT / "chapters" / language / "glossary.md").read_text(encoding="utf-8")
        for language in ("en", "fr")
    }
    terms = {
        "en": [
            "location quotient",
            "cluster",
            "NUTS",
            "Ellison–Glaeser index",
            "Herfindahl index",
            "global value chain",
            "Hoover localisation coefficient",
            "locational Gini",
            "modifiable areal unit problem",
            "psychic distance",
            "lock-in",
            "collective efficiency",
            "global pipelines",
            "difference in differences",
            "SME",
        ],
        "fr": [
            "quotient de localisation",
            "cluster",
            "NUTS",
            "indice d'Ellison et Glaeser",
            "indice de Herfindahl",
            "chaîne de valeur mondiale",
            "coefficient de localisation de Hoover",
            "Gini locationnel",
            "problème des unités spatiales modifiables",
            "distance psychique",
            "verrouillage",
            "efficacité collective",
            "pipelines globaux",
            "différence de différences",
            "PME",
        ],
    }
    for language, text in (("en", en), ("fr", fr)):
        assert text.count("{term}`") == len(terms[language]), language
        for term in terms[language]:
            assert f"\n{term}\n" in glossary[language], term  # an entry of the glossary
            assert f"{{term}}`{term}`" in text or f"<{term}>`" in text, term


def test_the_checklist_numbers_its_chapters_as_the_book_does():
    for language in ("en", "fr"):
        labels.set_language(language)
        try:
            for key in set(audit._CHAPTER.values()):
                number, title = labels.label(f"audit.ch.{key}").split(" · ")
                path = next(
                    p
                    for p in (ROOT / "chapters" / language).glob("0*.ipynb")
                    if f"({key})=" in json.loads(p.read_text(encoding="utf-8"))["cells"][0]["source"][0]
                )
                heading = json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"][1].strip()
                assert int(path.name[:2]) == int(number) and heading == f"# {title}", (language, key)
        finally:
            labels.set_language("en")


def test_the_new_exercise_answers_hold():
    table = audit.eurostat_employment()
    r = audit.run(table, "FR62", "C30", home="FRA")
    assert (r.employment, r.region_total, round(r.lq, 2), r.rank, r.regions, r.rank_employment) == (
        32776,
        116575,
        11.76,
        1,
        203,
        2,
    )
    assert round(100 * r.employment / r.region_total) == 28
    assert (round(r.hoover, 3), round(r.gini, 3)) == (0.499, 0.661)
    assert list(r.markets["partner"]) == ["CHE", "BEL", "CAN", "DEU", "USA"]
    c15, c28 = (audit.run(table, "ITH5", code, home="ITA") for code in ("C15", "C28"))
    assert (round(c15.lq, 2), c15.rank, c15.regions, round(c15.hoover, 3)) == (1.14, 40, 189, 0.602)
    assert (round(c28.lq, 2), c28.rank, c28.regions, round(c28.hoover, 3)) == (2.20, 9, 273, 0.256)
    en, fr = prose("en"), prose("fr")
    for text in (
        "32,776 people, 28% of the region's manufacturing employment",
        "a location quotient of 11.76: 1st of 203 regions by quotient, 2nd by employment",
        "Hoover coefficient of 0.499 and a locational Gini of 0.661, against 0.202 and 0.283",
        "Switzerland, Belgium, Canada, Germany and the United States",
        "C15: a quotient of 1.14, 40th of 189 regions, and a Hoover coefficient of 0.602",
        "C28: a quotient of 2.20, 9th of 273, and a Hoover coefficient of 0.256",
    ):
        assert text in en, text
    for text in (
        "32\u202f776 personnes, 28\u202f% de l'emploi manufacturier de la région",
        "un quotient de localisation de 11,76\u00a0: au 1ᵉʳ rang de 203 régions selon le quotient, au 2ᵉ selon l'emploi",
        "coefficient de Hoover de 0,499 et un Gini locationnel de 0,661, contre 0,202 et 0,283",
        "la Suisse, la Belgique, le Canada, l'Allemagne et les États-Unis",
        "C15\u00a0: un quotient de 1,14, au 40ᵉ rang de 189 régions, et un coefficient de Hoover de 0,602",
        "C28\u00a0: un quotient de 2,20, au 9ᵉ rang de 273, et un coefficient de Hoover de 0,256",
    ):
        assert text in fr, text
    assert en.count(":::{exercise}") == fr.count(":::{exercise}") == 6
