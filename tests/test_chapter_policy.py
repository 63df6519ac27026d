"""Chapter 9 (cluster policy): what the text says is what the synthetic panel gives, and facts keep their sources."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, chapter_prose, cited_unalike, settable

from clusterlab import questions
from clusterlab.models import policy

STEM = "09-cluster-policy"


def prose(language: str) -> str:
    return chapter_prose(STEM, language)


def test_the_panel_figures_quoted_are_the_model_s():
    p = policy.panel(strength=1.5, effect=2.0, decline=2.0, firms=5000, seed=1)
    firms = p.drop_duplicates("firm")
    supported = firms[firms["supported"]]
    assert len(supported) == 1742
    assert round(100 * supported["declining"].mean(), 1) == 88.5
    assert round(100 * firms.loc[~firms["supported"], "declining"].mean(), 1) == 29.4
    assert round(policy.naive(p), 2) == -3.25 and round(policy.diff_in_diff(p), 2) == 2.11
    assert round(policy.expected_naive(1.5, 2.0, 2.0), 2) == -3.35
    assert [round(x, 2) for x in policy.selection_probabilities(3)] == [0.88, 0.02]  # "88%", "2%"
    en, fr = prose("en"), prose("fr")
    for text in (
        "1,742 of the 5,000 firms",
        "88.5% of them",
        "29.4%",
        "finds −3.25 points",
        "finds +2.11",
        "−3.35 on average",
        "probability 88%",
        "probability 2%",
    ):
        assert text in en
    for text in (
        "1\u202f742 des 5\u202f000 entreprises",
        "88,5\u202f% dans",
        "29,4\u202f%",
        "trouve −3,25 points",
        "trouve +2,11",
        "−3,35 en moyenne",
        "probabilité de 88\u202f%",
        "probabilité de 2\u202f%",
    ):
        assert text in fr


def test_the_grid_figures_quoted_are_the_chart_s():
    _, estimates = policy.policy_data()
    row = estimates[(estimates["effect"] == 2.0) & (estimates["decline"] == 2.0)]
    naive = row[row["estimator"] == "naive"].set_index("strength")["value"]
    did = row[row["estimator"] == "did"]["value"]
    assert naive[0.0] == -0.82 and naive[3.0] == -3.86 and list(naive) == sorted(naive, reverse=True)
    assert (did.min(), did.max()) == (2.02, 2.11)
    en, fr = prose("en"), prose("fr")
    assert "from −0.82 with no selection to −3.86" in en and "between 2.02 and 2.11" in en
    assert "de −0,82 sans sélection à −3,86" in fr and "entre 2,02 et 2,11" in fr


def test_the_exercise_answer_holds():
    # 3 points a year over three years, true effect +4, 80% of supported firms in declining sectors
    assert round(4 - 3 * 3 * 0.8, 1) == -3.2
    assert round(policy.expected_naive(0, 4.0, 0.0), 6) == 4.0  # no decline: nothing to confuse


def test_policy_facts_are_quoted_with_their_sources():
    en, fr = prose("en"), prose("fr")
    for text in (
        "12 July 2005",
        "67",
        "105 applications",
        "1.5 billion euros",
        "750 million",
        "130 had been labelled",
        "12 May 2009",
        "20 November 2025",
        "17 October 2008",
        "8 March 2016",
        "9 February 2012",
        "20 April 2011",
        "178 hectares",
        "357,000",
        "678,000",
        "4,757 firms",
        "11,000 jobs",
    ):
        assert text in en, text
    for text in (
        "12 juillet 2005",
        "105 candidatures",
        "1,5 milliard d'euros",
        "750 millions",
        "130 avaient été",
        "12 mai 2009",
        "20 novembre 2025",
        "17 octobre 2008",
        "8 mars 2016",
        "9 février 2012",
        "20 avril 2011",
        "178 hectares",
        "357\u202f000",
        "678\u202f000",
        "4\u202f757 entreprises",
        "11\u202f000 emplois",
    ):
        assert text in fr, text
    assert (
        cited_unalike(
            en,
            fr,
            (
                "senat2007avis",
                "clubic2005poles",
                "assemblee2012spl",
                "martin2011public",
                "fontagne2010clustering",
                "ec2008worldclass",
                "eccp2016escp",
                "bladna2012renault",
                "atlasinfo2019tac",
                "unido_consortia_morocco",
                "unido_consortia_sheet",
                "mfcpole_fiche",
                "kapitalis2025mfc",
                "wmc2025mfc",
                "tap2010pmn",
            ),
        )
        == []
    )
    assert "**made up**" in en and "**inventées**" in fr  # the synthetic panel says so on the page


# --- the self-check questions (clusterlab/questions/09-cluster-policy.yml) -----------------------------------


def chart_controls(cell_id: str) -> dict[str, dict]:
    """The bound parameters of the chart a cell draws, by name (the committed output, English edition)."""
    nb = json.loads((ROOT / "chapters" / "en" / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["id"] == cell_id)
    spec = next(o["data"]["application/vnd.vegalite.v5+json"] for o in cell["outputs"] if "data" in o)
    return {p["name"]: p["bind"] for c in spec["vconcat"] for p in c.get("params", [])} | {
        p["name"]: p["bind"] for p in spec.get("params", []) if "bind" in p
    }


def shown(estimates, controls: dict, estimator: str) -> float:
    """The number the chart writes beside a bar for these settings (format '+.1f' of the stored value)."""
    row = estimates[
        (estimates["strength"] == controls["strength"])
        & (estimates["effect"] == controls["effect"])
        & (estimates["decline"] == controls["decline"])
        & (estimates["estimator"] == estimator)
    ]
    assert len(row) == 1
    return round(float(row["value"].iloc[0]), 1)


def test_the_chart_questions_set_controls_the_chart_has():
    for q in questions.chapter_questions(STEM):
        if q.chart:
            binds = chart_controls(q.chart["cell"])
            assert set(q.chart["controls"]) == {"strength", "effect", "decline"}
            for name, value in q.chart["controls"].items():
                assert settable(binds[name], value), f"{q.id}: {name} cannot be set to {value!r}"


def test_the_arithmetic_questions_answers_hold():
    q = questions.all_questions()["policy-share-supported-declining"]
    p_dec, p_stable = policy.selection_probabilities(3)
    exact = 100 * p_dec / (p_dec + p_stable)  # half of the firms in declining sectors: Bayes' rule
    assert q.answer.value == pytest.approx(exact, abs=q.answer.tolerance)
    assert q.answer.value == pytest.approx(100 * 0.88 / (0.88 + 0.02), abs=q.answer.tolerance)  # the rounded 88%, 2%
    assert 100 * (p_dec * 0.5) == pytest.approx(44, abs=0.5) and 100 * (p_stable * 0.5) == pytest.approx(1, abs=0.5)
    inverse, fraction, half = (w.value for w in q.answer.wrong)
    assert inverse == round(100 * p_dec) and fraction == pytest.approx(q.answer.value / 100) and half == 50
    # the panel itself puts that share of its supported firms in declining sectors
    firms = policy.panel(strength=3, effect=2.0, decline=2.0, firms=5000, seed=1).drop_duplicates("firm")
    assert 100 * firms.loc[firms["supported"], "declining"].mean() == pytest.approx(exact, abs=1)

    q = questions.all_questions()["policy-expected-before-after"]
    effect, decline, share = 2.0, 1.0, 0.9
    assert q.answer.value == pytest.approx(effect - 3 * decline * share, abs=1e-9)
    one_year, true, everyone, added = (w.value for w in q.answer.wrong)
    assert one_year == pytest.approx(effect - decline * share) and true == effect
    assert everyone == pytest.approx(effect - 3 * decline) and added == pytest.approx(effect + 3 * decline * share)
    # the package's formula is the one the feedback uses (at strength 0, half of the supported firms decline)
    assert policy.expected_naive(0, effect, decline) == pytest.approx(effect - 3 * decline * 0.5)


def test_the_chart_read_answers_are_the_chart_s():
    _, estimates = policy.policy_data()
    q = questions.all_questions()["policy-read-no-selection"]
    c = q.chart["controls"]
    naive = shown(estimates, c, "naive")
    assert q.answer.value == pytest.approx(naive, abs=q.answer.tolerance)
    true, sign = (w.value for w in q.answer.wrong)
    assert true == shown(estimates, c, "true") == shown(estimates, c, "did") and sign == -naive

    q = questions.all_questions()["policy-read-zero-effect"]
    c = q.chart["controls"]
    assert c["effect"] == 0 and shown(estimates, c, "naive") == -8.8 and shown(estimates, c, "did") == 0.0
    assert -3 * c["decline"] == -9  # "three years of 3 points of decline are 9 points"
    assert questions.all_questions()["policy-read-zero-effect"].right == [0]


def test_the_choice_questions_right_options():
    assert questions.all_questions()["policy-why-support"].right == [0]
    assert questions.all_questions()["policy-evaluations-found"].right == [0, 1]
    assert questions.all_questions()["policy-selection-not-effect"].right == [0]
    assert questions.all_questions()["policy-parallel-trends"].right == [0]
    assert questions.all_questions()["policy-biased-comparisons"].right == [0, 1, 2]
    assert questions.all_questions()["policy-maghreb-figures"].right == [0]
    en = prose("en")
    for text in ("20 legally constituted consortia", "120 member firms", "4,757 firms", "11,000 jobs"):
        assert text in en


def test_the_causal_evaluations_and_smart_specialisation_in_both_editions():
    en, fr = prose("en"), prose("fr")
    assert (
        cited_unalike(
            en,
            fr,
            (
                "falck2010industrial",
                "bellego2014impact",
                "benhassine2017evaluation",
                "frenken2007related",
                "foray2011smart",
                "ec2017ris3",
            ),
        )
        == []
    )
    # the figures as the sources give them, the same in both editions
    assert "by 4.6 to 5.7 percentage points" in en and "de 4,6 à 5,7 points de pourcentage" in fr
    assert "decreased by 19.4% on average" in en and "19,4\u202f% en moyenne" in fr
    assert "€116,000 more on R&D" in en and "116\u202f000 euros de R-D de plus" in fr
    assert (
        "from 1 to 5 billion euros between 2005 and 2009" in en
        and "de 1 à 5 milliards d'euros entre 2005 et 2009" in fr
    )
    assert "about 3 euros on R&D for each euro" in en and "environ 3 euros de dépenses de R-D" in fr
    assert "1996–2002" in en and "1996–2002" in fr


# --- difference in differences on the book's data: why not for the pôles, and EU enlargement as practice -------

JOINED_2004 = ["CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"]
JOINED_2007 = ["BGR", "ROM"]


def enlargement_panel():
    import math

    from clusterlab import data

    trade = data.load("tradhist_france")
    twelve = trade[trade["partner"].isin(JOINED_2004 + JOINED_2007) & trade["year"].between(1995, 2014)]
    return twelve.assign(log_exports=[math.log(x) for x in twelve["exports_gbp"]])


def did(panel, treated, before, after):
    return policy.group_diff_in_diff(panel, treated, JOINED_2007, before, after, unit="partner", outcome="log_exports")


def test_the_enlargement_figures_quoted_are_the_data_s():
    import math

    p = enlargement_panel()
    gaps = policy.group_gaps(p, JOINED_2004, JOINED_2007, unit="partner", outcome="log_exports")
    assert [round(gaps[y], 2) for y in (1999, 2003, 2004, 2005, 2006)] == [0.06, -0.30, -0.46, -0.62, -0.55]
    estimate, placebo = did(p, JOINED_2004, (1999, 2003), (2004, 2006)), did(p, JOINED_2004, (1999, 2000), (2001, 2003))
    assert (round(estimate, 2), round(100 * (math.exp(estimate) - 1), 1), round(placebo, 2)) == (-0.42, -34.6, -0.25)
    # the placebo is far from zero: the gap was already falling before 2004
    assert placebo < -0.2 and gaps[2003] < gaps[1999] - 0.3
    eight = [c for c in JOINED_2004 if c not in ("CYP", "MLT")]
    e8, p8 = did(p, eight, (1999, 2003), (2004, 2006)), did(p, eight, (1999, 2000), (2001, 2003))
    assert (round(e8, 2), round(100 * (math.exp(e8) - 1), 1), round(p8, 2)) == (-0.33, -28.1, -0.19)
    assert abs(p8) > abs(e8) / 2  # "more than half of it"
    assert round(did(p, JOINED_2004, (1999, 2003), (2004, 2014)), 2) == -0.38
    assert round(estimate, 4) == -0.4245  # the unrounded difference the text gives for e^d - 1
    en, fr = prose("en"), prose("fr")
    for text in (
        "from 0.06 in 1999 to −0.30 in 2003, then to −0.46, −0.62 and −0.55",
        "The difference in differences is −0.42",
        "by 34.6% relative to before ($e^{-0.42} - 1$, computed with the unrounded difference, −0.4245)",
        "already finds −0.25",
        "becomes −0.33 (a change of −28.1%), the placebo −0.19",
        "−0.38. From 1 January 2007",
        "On 1 May 2004, ten countries",
        "followed on 1 January 2007",
        "which Insee created in 2010",
        "(our summary of the Insee text)",
    ):
        assert text in en, text
    for text in (
        "de 0,06 en 1999 à −0,30 en 2003, puis à −0,46, −0,62 et −0,55",
        "La différence de différences vaut −0,42",
        "de 34,6\u202f% par rapport à avant ($e^{-0{,}42} - 1$, calculé avec la différence non arrondie, −0,4245)",
        "(notre résumé du texte de l'Insee)",
        "trouve déjà −0,25",
        "devient −0,33 (une variation de −28,1\u202f%), le placebo −0,19",
        "−0,38. À partir du 1ᵉʳ janvier 2007",
        "Le 1ᵉʳ mai 2004, dix pays",
        "ont suivi le 1ᵉʳ janvier 2007",
        "créé par l'Insee en 2010",
    ):
        assert text in fr, text
    # the committed outputs print the same numbers
    for language, line in (("en", "−0.42 −34.6 −0.25"), ("fr", "−0,42 −34,6 −0,25")):
        nb = json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if c["id"] == "cell-enlargement")
        assert line in "".join("".join(o.get("text", "")) for o in cell["outputs"])


def test_why_the_book_data_cannot_evaluate_the_poles():
    from clusterlab import data

    # "The URSSAF table covers 2012, 2017 and 2022, all after 2005"; "The Eurostat table has a single year, 2015"
    assert sorted(data.load("urssaf_rouen_employees")["year"].unique()) == [2012, 2017, 2022]
    assert "year" not in data.load("eurostat_sbs_regions_2015").columns
    en, fr = prose("en"), prose("fr")
    assert "covers 2012, 2017 and 2022, all after 2005" in en and "couvre 2012, 2017 et 2022" in fr
    assert (
        cited_unalike(
            en, fr, ("gadouche2019casd", "europa2007union27", "europaba_enlarged", "fouquin2016two", "martin2011public")
        )
        == []
    )
    for term in ("parallel trends", "placebo test"):
        assert f"{{term}}`{term}`" in en
    for term in ("tendances parallèles", "test placebo"):
        assert f"{{term}}`{term}`" in fr
    assert "not an evaluation of a cluster policy" in en and "non l'évaluation d'une politique de clusters" in fr
