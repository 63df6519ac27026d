"""Chapter 9 (the audit): what the text says about the worked example is what the template computes."""

from __future__ import annotations

import json

from conftest import ROOT

from clusterlab import audit, data

STEM = "09-audit"


def prose(language: str) -> str:
    nb = json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


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
