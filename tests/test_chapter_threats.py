"""Chapter 8 (lock-in, value chains, upgrading): what the text says is what the models give."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import ROOT, settable

from clusterlab import labels, questions
from clusterlab.models import gvc, lockin

STEM = "08-threats"


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


# --- the self-check questions (clusterlab/questions/08-threats.yml) ---------------------------------------


def chart_controls(cell_id: str) -> dict[str, dict]:
    """The bound parameters of the chart a cell draws, by name (the committed output, English edition)."""
    nb = json.loads((ROOT / "chapters" / "en" / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["id"] == cell_id)
    spec = next(o["data"]["application/vnd.vegalite.v5+json"] for o in cell["outputs"] if "data" in o)
    return {p["name"]: p["bind"] for p in spec["params"] if "bind" in p}


def test_the_chart_questions_set_controls_the_charts_have():
    for q in questions.chapter_questions(STEM):
        if q.chart:
            binds = chart_controls(q.chart["cell"])
            for name, value in q.chart["controls"].items():
                assert settable(binds[name], value), f"{q.id}: {name} cannot be set to {value!r}"


def test_the_urn_questions_answers_are_the_simulation_s():
    finals = lockin.polya_shares(runs=2000, draws=500, seed=1)
    quarters = np.histogram(100 * finals, bins=[0, 25, 50, 75, 100])[0]
    assert quarters[1] + quarters[2] == 994  # "only 994 of the 2,000 runs end between 25% and 75%"
    assert questions.all_questions()["urn-limit-uniform"].right == [0]
    q = questions.all_questions()["urn-read-run-4"]
    shares = lockin.urn_data()
    run = shares[shares["run"] == q.chart["controls"]["urn_run"]]
    final = float(run.loc[run["draw"] == shares["draw"].max(), "share"].iloc[0])
    shown = round(final, 1)  # the caption writes format(share, '.1f')
    assert q.answer.value == pytest.approx(shown, abs=q.answer.tolerance)
    blue, fraction, even = (w.value for w in q.answer.wrong)
    assert blue == pytest.approx(100 - shown) and fraction == pytest.approx(shown / 100) and even == 50
    assert run.loc[run["draw"] <= 30, "share"].max() < 35  # "its first draws went to blue"
    others = shares.loc[shares["draw"] == shares["draw"].max(), "share"]
    assert sorted(others)[-3:] == pytest.approx([87.65, 89.44, 92.63])  # "other runs end near 90% red"


def test_the_arthur_questions_answers_are_the_model_s():
    q = questions.all_questions()["arthur-win-probability"]
    kwargs = dict(a_R=1, b_R=0.8, a_S=0.7, b_S=1, r=0.01)
    assert lockin.barriers(**kwargs) == (-20.0, 30.0)
    p = lockin.win_probability(**kwargs)
    assert q.answer.value == pytest.approx(p, abs=q.answer.tolerance)
    swapped, even, percent = (w.value for w in q.answer.wrong)
    assert swapped == pytest.approx(lockin.win_probability(a_R=1, b_R=0.7, a_S=0.8, b_S=1, r=0.01))
    assert even == lockin.win_probability(r=0.01) and percent == pytest.approx(100 * p)

    _, table = lockin.arthur_data()
    q = questions.all_questions()["arthur-read-lock-in-adopter"]
    c = q.chart["controls"]
    row = table[(table["r"] == c["returns"]) & (table["run"] == c["run"])].iloc[0]
    assert (row["tech"], q.answer.value) == ("B", row["at"])
    assert sorted(w.value for w in q.answer.wrong) == [row["lower"], row["upper"]] == [-10, 10]

    q = questions.all_questions()["arthur-read-run-not-locked"]
    c = q.chart["controls"]
    same_r = table[table["r"] == c["returns"]]
    assert list(same_r.loc[same_r["tech"] == "", "run"]) == [c["run"]]  # the only run of twelve not locked in
    assert (same_r["lower"].iloc[0], same_r["upper"].iloc[0]) == (-20, 20)
    assert questions.all_questions()["arthur-read-run-not-locked"].right == [0]
    assert round(100 - 90.5, 1) == 9.5  # the table's 90.5% (tested above) locked in within 1,000 adopters
    assert questions.all_questions()["lock-in-lessons"].right == [0, 1]


def test_the_value_chain_questions_answers_are_the_table_s():
    for qid, governance in (("gvc-read-relational", "relational"), ("gvc-read-none", "none")):
        q = questions.all_questions()[qid]
        c = q.chart["controls"]
        assert gvc.governance(c["complexity"], c["codifiability"], c["capability"]) == governance
        assert questions.all_questions()[qid].right == [0]
    relational = questions.all_questions()["gvc-read-relational"].options[0]
    for language in labels.LANGUAGES:
        assert relational.text[language] == labels.label("gvc.relational", language) + "."
    assert questions.all_questions()["upgrading-in-captive-chain"].right == [0, 1]
    assert questions.all_questions()["ruhr-kind-of-lock-in"].right == [0] and questions.all_questions()[
        "collective-efficiency-joint-action"
    ].right == [0]


def test_the_shocks_and_the_life_cycle_in_both_editions():
    en, fr = prose("en"), prose("fr")
    for key in (
        "bugamelli2010pro",
        "lanazione2015irpet",
        "sassuolo2022energy",
        "sassuolo2022costs",
        "sassuolo2023figures",
        "menzel2007cluster",
        "martin2011conceptualizing",
    ):
        assert en.count(key) == fr.count(key) >= 1, key
    # the figures as the sources give them, the same in both editions
    assert "705 million euros, 11% of the total, and 33% of its exports" in en
    assert "705 millions d'euros, soit 11\u202f% du total, et à 33\u202f% de ses exportations" in fr
    assert "22% lower" in en and "inférieur de 22\u202f%" in fr
    assert "about 30 production units" in en and "une trentaine d'unités de production" in fr
    assert "more than 4,000 workers" in en and "plus de 4\u202f000 salariés" in fr
    assert "431.2 million m², 0.9% less" in en and "431,2 millions de m², 0,9\u202f% de moins" in fr
    assert "356.2 million m², 2.2% less" in en and "356,2 millions, 2,2\u202f% de moins" in fr
    assert "rose 16.5%, to about 7.2 billion euros" in en and "16,5\u202f%, à environ 7,2 milliards d'euros" in fr
    # the volumes' changes agree with the survey's levels as reported (2021: 435.3 million m² produced)
    assert round(100 * (431.2 / 435.3 - 1), 1) == -0.9
