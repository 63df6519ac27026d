"""Chapter 7 (lock-in, value chains, upgrading): what the text says is what the models give."""

from __future__ import annotations

import json

import numpy as np
from conftest import ROOT

from clusterlab.models import gvc, lockin

STEM = "07-threats"


def prose(language: str) -> str:
    nb = json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_the_urn_figures_quoted_are_the_simulation_s():
    finals = lockin.polya_shares(runs=2000, draws=500, seed=1)
    quarters = np.histogram(100 * finals, bins=[0, 25, 50, 75, 100])[0]
    assert round(100 * finals.mean(), 1) == 50.3
    assert quarters.tolist() == [503, 469, 525, 503]
    en, fr = prose("en"), prose("fr")
    assert "50.3% red balls" in en and "503, 469, 525 and 503 of the 2,000 runs" in en
    assert "50,3\u202f% de boules rouges" in fr and "503, 469, 525 et 503 des 2\u202f000 séries" in fr


def test_the_arthur_figures_quoted_are_the_model_s():
    assert lockin.barriers(r=0.01) == (-20.0, 20.0) and lockin.win_probability(r=0.01) == 0.5
    rows = {}
    for r in (0.005, 0.01, 0.02):
        hits = [lockin.lock_in(lockin.arthur_path(1000, r=r, seed=seed)) for seed in range(1, 201)]
        at = [hit[1] for hit in hits if hit]
        rows[r] = (100 * len(at) / len(hits), float(np.median(at)))
    assert rows[0.02] == (100.0, 94.0) and rows[0.01] == (90.5, 283.0) and rows[0.005][0] == 36.5
    en, fr = prose("en"), prose("fr")
    for text in ("the 94th adopter", "90.5% of the runs", "the 283rd adopter", "only 36.5% do", "$\\pm 20$"):
        assert text in en
    for text in ("au 94ᵉ adoptant", "90,5\u202f% des séries", "au 283ᵉ adoptant", "seules 36,5\u202f% le font"):
        assert text in fr


def test_the_exercise_answers_hold():
    kwargs = dict(a_R=1, b_R=0.7, a_S=0.9, b_S=1, r=0.01)
    assert lockin.barriers(**kwargs) == (-30.0, 10.0)
    assert round(lockin.win_probability(**kwargs), 10) == 0.75
    assert gvc.governance("high", "high", "low") == "captive"  # the garment makers
    assert gvc.governance("high", "low", "low") == "hierarchy"  # quiz, question 3


def test_the_ruhr_and_case_figures_are_quoted_with_their_sources():
    en, fr = prose("en"), prose("fr")
    assert "607,000" in en and "5,700 miners" in en and "21 December 2018" in en
    assert "607\u202f000" in fr and "5\u202f700 mineurs" in fr and "21 décembre 2018" in fr
    for key in (
        "zdf2018steinkohle",
        "dw2018prosper",
        "nadvi1999collective",
        "deiottati2009industrial",
        "grabher1993weakness",
        "gereffi2005governance",
    ):
        assert en.count(key) == fr.count(key) >= 1
    assert "25% of Italy's exports of woollen products" in en and "25\u202f% des exportations italiennes" in fr
