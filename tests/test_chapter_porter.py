"""Chapter 2 (Porter's cluster): what the text says is what the data and the scorecard give."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from clusterlab import labels
from clusterlab.models import diamond

STEM = "02-porter-cluster"


def notebook(language: str) -> dict:
    return json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))


def prose(language: str) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown")


def test_the_stuttgart_figures_are_eurostat_s():
    from bench.callbacks import chapter_lq

    lq = chapter_lq().set_index(["region", "industry"])
    cars, machines = lq.loc[("DE11", "C29")], lq.loc[("DE11", "C28")]
    assert (int(cars["employment"]), round(cars["lq"], 2)) == (160445, 3.55)
    assert (int(machines["employment"]), round(machines["lq"], 2)) == (159827, 2.68)
    assert (int(cars["region_total"]), int(cars["industry_total"]), int(cars["total"])) == (568493, 2264785, 28523022)
    assert round(cars["industry_total"] / cars["total"] * cars["region_total"], -2) == 45100
    [hook] = [c for c in notebook("fr")["cells"] if c["cell_type"] == "code" and "stuttgart =" in "".join(c["source"])]
    assert "".join(hook["outputs"][0]["text"]).strip() == "160\u202f445 3,55 159\u202f827 2,68"
    en, fr = prose("en"), prose("fr")
    assert "employed 160,445 people" in en and "3.55 times" in en and "159,827" in en and "2.68 times" in en
    assert "employait 160\u202f445 personnes" in fr and "3,55 fois" in fr and "2,68 fois" in fr


def test_the_profile_figures_quoted_are_eurostat_s():
    from bench.callbacks import chapter_lq

    lq = chapter_lq().set_index(["region", "industry"])["lq"].round(2)
    quoted = {("FR62", "C30"): 11.76, ("ITI3", "C15"): 12.20, ("ITH5", "C28"): 2.20, ("ITH5", "C23"): 1.70}
    for key, value in quoted.items():
        assert lq[key] == value, key
        assert f"{value:.2f}" in prose("en") and f"{value:.2f}".replace(".", ",") in prose("fr")
    assert lq.index.get_level_values("region").nunique() == 281  # "any of the 281 regions"
    # the strongest division of Emilia-Romagna is machinery, ahead of C23
    assert lq.loc["ITH5"].idxmax() == "C28"


def test_the_scorecard_reference_follows_the_account_s_summary():
    reference = diamond.CASES["sassuolo"]["scores"]
    assert reference["demand"] == reference["related"] == reference["rivalry"] == 3
    assert reference["factors"] == 2
    assert diamond.CASES["sassuolo"]["source"] == "enright_tenti_tiles"
    for language in ("en", "fr"):
        assert "enright_tenti_tiles" in prose(language)
    # chance and government: the summary is silent, so they are not assessed (silence is not a zero),
    # and the text, the evidence labels and the feedback line say so
    assert reference["chance"] is diamond.SILENT and reference["government"] is diamond.SILENT
    assert diamond.silent("sassuolo") == ("chance", "government") and diamond.most("sassuolo") == 12
    en, fr = prose("en"), prose("fr")
    assert "does not mention chance or government. Silence is not a zero" in en
    assert "ne mentionne ni le hasard ni les pouvoirs publics. Un silence n'est pas un zéro" in fr
    assert "four determinants the account does assess, out of 12 points" in en
    assert "quatre déterminants que le récit évalue, sur 12 points" in fr
    assert "*not assessed*" in en and "*pas évaluée*" in fr and "*non évalués*" in fr
    assert "gives government no role" not in en and "n'attribue aucun rôle" not in fr
    assert "not assessed" in labels.label("diamond.sassuolo.chance", "en")
    assert "non évalués" in labels.label("diamond.sassuolo.government", "fr")
    # the account's table in the notebook shows "not assessed" for the two silent rows, in each language
    for language in ("en", "fr"):
        [cell] = [c for c in notebook(language)["cells"] if c.get("id") == "cell-09"]
        html = "".join("".join(o["data"]["text/html"]) for o in cell["outputs"] if "text/html" in o.get("data", {}))
        assert html.count(labels.label("diamond.not_assessed", language)) == 2, language


# --- the chapter's self-check questions (clusterlab/questions/02-porter-cluster.yml) --------------------------


def question(qid: str):
    from clusterlab import questions

    found = questions.all_questions()[qid]
    assert found.chapter == STEM
    return found


def test_the_scorecard_questions_read_the_gap_the_chart_computes():
    q = question("pc-read-diamond-all-threes")
    controls = dict(q.chart["controls"])
    assert q.chart["cell"] == "cell-07" and controls.pop("reveal") is True
    assert set(controls) == set(diamond.DETERMINANTS) and all(
        v in range(diamond.LOW, diamond.HIGH + 1) for v in controls.values()
    )
    # the chart's rule: the sum of |yours − reference| over the rows the account assesses
    gap = diamond.distance(controls, "sassuolo")
    assert q.answer.value == gap == 1
    silence_as_zero, account_total, own_total = (w.value for w in q.answer.wrong)
    assessed = diamond.assessed("sassuolo")
    reference = diamond.CASES["sassuolo"]["scores"]
    assert silence_as_zero == gap + sum(controls[k] for k in diamond.silent("sassuolo"))  # the old, wrong rule
    assert account_total == sum(reference[k] for k in assessed) == diamond.most("sassuolo") - gap
    assert own_total == sum(controls.values())
    q = question("pc-read-diamond-silence")
    controls = dict(q.chart["controls"])
    assert controls.pop("reveal") is True and set(controls.values()) == {0}
    assert [o.correct for o in q.options] == [True, False, False]
    assert diamond.silent("sassuolo") == ("chance", "government")
    assert diamond.distance(controls, "sassuolo") == 11  # "the gap, 11 points out of 12"
    assert "11 points out of 12" in q.options[0].feedback["en"] and "11 points sur 12" in q.options[0].feedback["fr"]
    assert (reference["factors"], reference["demand"]) == (2, 3)  # the gaps the third option's feedback gives


def test_the_profile_questions_read_what_the_chart_draws():
    from bench.callbacks import chapter_lq
    from clusterlab import charts

    lq = chapter_lq()
    regions = ["ITH5", "DE11", "FR62", "ITI3", "ES52", "FR71"]
    profiles = charts.profile_data(lq, regions)
    q = question("pc-read-stuttgart-count")
    assert q.chart == {"cell": "cell-15", "controls": {"region": "DE11"}}
    stuttgart = profiles[profiles["region"] == "DE11"].sort_values("lq", ascending=False)
    above = int((stuttgart["lq"] >= 1).sum())  # the chart's rule: datum.lq >= 1 is the darker colour
    assert q.answer.value == above == 4
    assert [w.value for w in q.answer.wrong] == [2, len(stuttgart) - above]
    assert [f"{v:.2f}" for v in stuttgart["lq"].head(4)] == ["3.55", "2.68", "1.28", "1.20"]
    q = question("pc-read-valencia-minerals")
    assert q.chart["controls"] == {"region": "ES52"} and q.options[0].correct
    keyed = lq.set_index(["region", "industry"])
    valencia, emilia = keyed.loc[("ES52", "C23")], keyed.loc[("ITH5", "C23")]
    assert (round(valencia["lq"], 2), int(valencia["employment"])) == (2.68, 23833)
    assert (round(emilia["lq"], 2), int(emilia["employment"])) == (1.70, 30110)
    assert valencia["lq"] > emilia["lq"] and valencia["employment"] < emilia["employment"]
    assert valencia["region_total"] < emilia["region_total"]  # "its smaller manufacturing economy"
    assert "23,833" in q.options[0].text["en"] and "23\u202f833" in q.options[0].text["fr"]


def test_the_expected_employment_question_is_eurostat_s():
    from bench.callbacks import chapter_lq

    machines = chapter_lq().set_index(["region", "industry"]).loc[("DE11", "C28")]
    counts = (int(machines["employment"]), int(machines["region_total"]), int(machines["industry_total"]))
    assert counts + (int(machines["total"]),) == (159827, 568493, 2991004, 28523022)
    q = question("pc-stuttgart-expected-machinery")
    expected = machines["industry_total"] / machines["total"] * machines["region_total"]
    assert q.answer.value == pytest.approx(round(expected, -2), abs=q.answer.tolerance)
    assert abs(expected - q.answer.value) <= q.answer.tolerance  # a reader who rounds to the hundred is right
    rounded_share = round(machines["industry_total"] / machines["total"], 3) * machines["region_total"]
    assert abs(round(rounded_share, -2) - q.answer.value) <= q.answer.tolerance  # and one who rounds the share first
    assert expected == pytest.approx(machines["employment"] / machines["lq"])
    multiplied, excess = q.answer.wrong
    assert multiplied.value == pytest.approx(machines["employment"] * machines["lq"], abs=multiplied.tolerance)
    assert excess.value == pytest.approx(machines["employment"] - expected, abs=excess.tolerance)
    assert round(machines["industry_total"] / machines["total"], 3) == 0.105 and round(machines["lq"], 2) == 2.68


def test_the_first_location_quotient_points_to_the_box_of_chapter_1():
    for language, words in (("en", "location quotient"), ("fr", "quotients de localisation")):
        body = [c for c in notebook(language)["cells"][1:] if c["cell_type"] == "markdown"]
        first = next(c for c in body if words in "".join(c["source"]).lower())
        text = "".join(first["source"])
        assert first["id"] == "cell-12" and "<box-lq>`" in text and "{ref}`measuring-clusters`" in text, language
        assert "{term}`location quotient`" in text or "{term}`quotient de localisation`" in text
    marshall = (ROOT / "chapters" / "en" / "01-marshall-district.ipynb").read_text(encoding="utf-8")
    assert "(box-lq)=" in marshall  # the label the pointer follows exists


# --- the exercises that run the notebook ------------------------------------------------------------------------


def exercises(language: str) -> str:
    [cell] = [c for c in notebook(language)["cells"] if c.get("id") == "cell-19"]
    return "".join(cell["source"])


def test_the_chapter_has_six_exercises_each_with_its_solution():
    import re

    for language in ("en", "fr"):
        text = exercises(language)
        labels_ = re.findall(r":label: (ex-pc-[a-z-]+)", text)
        assert len(labels_) == 6 and all(f":::{{solution}} {name}" in text for name in labels_), language


def test_the_marche_exercise_is_what_the_notebook_gives():
    from bench.callbacks import chapter_lq

    lq = chapter_lq()
    marche, stuttgart = lq[lq["region"] == "ITI3"], lq[lq["region"] == "DE11"]
    counts = (int((marche["lq"] > 1).sum()), len(marche), int((stuttgart["lq"] > 1).sum()), len(stuttgart))
    assert counts == (9, 22, 4, 22)
    top = [(r.industry, int(r.employment), round(r.lq, 2)) for r in marche.nlargest(4, "lq").itertuples()]
    assert top == [("C15", 25950, 12.20), ("C31", 13299, 2.72), ("C14", 11078, 2.31), ("C19", 468, 1.68)]
    en, fr = exercises("en"), exercises("fr")
    assert "9 divisions above 1 out of 22" in en and "Stuttgart 4 out of 22" in en
    assert "9 divisions au-dessus de 1 sur 22" in fr and "Stuttgart 4 sur 22" in fr
    assert "C15: 25,950 persons, LQ 12.20" in en and "C15\u00a0: 25\u202f950 personnes, QL 12,20" in fr
    for industry, employment, value in top[1:]:
        assert f"{industry}: {employment:,}, LQ {value:.2f}" in en
        fr_employment = f"{employment:,}".replace(",", "\u202f")
        assert f"{industry}\u00a0: {fr_employment}, QL {value:.2f}".replace(".", ",") in fr
    assert "rests on 468 persons" in en and "repose sur 468 personnes" in fr


def test_the_silence_exercise_is_the_scorecard_s_rule():
    mine = {"factors": 3, "demand": 2, "related": 3, "rivalry": 1, "chance": 3, "government": 0}
    table = diamond.compare(mine, "sassuolo")
    assert [abs(g) for g in table["gap"].dropna()] == [1, 1, 0, 2]
    assert diamond.distance(mine, "sassuolo") == 4 and diamond.most("sassuolo") == 12
    assert diamond.distance({**mine, "chance": 0}, "sassuolo") == 4
    # the rule the chapter rejects: silence scored 0 would have cost the 3 given to chance
    as_zero = sum(abs(mine[k] - (v if v is not None else 0)) for k, v in diamond.CASES["sassuolo"]["scores"].items())
    assert as_zero - diamond.distance(mine, "sassuolo") == 3
    en, fr = exercises("en"), exercises("fr")
    assert "the gaps are 1, 1, 0 and 2: a total of 4 points out of 12" in en and "leaves the gap at 4" in en
    assert "would have cost 3 points" in en
    assert "les écarts sont de 1, 1, 0 et 2\u00a0: 4 points sur 12" in fr and "laisse l'écart à 4" in fr
    assert "aurait coûté 3 points" in fr
