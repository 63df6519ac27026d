"""Chapter 1 (Marshall and the industrial district): what the text says is what the data and the model give."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from clusterlab import data
from clusterlab.models import labour_pooling
from clusterlab.models import labour_pooling as lp

STEM = "01-marshall-district"


def notebook(language: str) -> dict:
    return json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))


def prose(language: str) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown")


def printed(language: str, marker: str) -> str:
    [cell] = [c for c in notebook(language)["cells"] if c["cell_type"] == "code" and marker in "".join(c["source"])]
    return "".join("".join(o["text"]) for o in cell["outputs"] if o["output_type"] == "stream").strip()


def tiles() -> dict:
    table = data.load("italian_tiles")
    return {
        (int(r.year), r.scope, r.indicator): (float(r.value), r.basis if isinstance(r.basis, str) else "", r.source)
        for r in table.itertuples()
    }


def test_the_hook_is_confindustria_ceramica_s_2023_figures():
    t = tiles()
    assert t[(2023, "italy", "firms")][:1] == (125,) and t[(2023, "italy", "employees")][:2] == (18432, "direct")
    assert t[(2023, "italy", "production")][0] == 373.7
    assert t[(2023, "italy", "export_share")][:2] == (85, "of_turnover_about")
    assert {t[(2023, "italy", k)][2] for k in ("firms", "employees", "production", "export_share")} == {
        "confindustria2024"
    }
    assert printed("en", "italy_2023") == "125 18,432 373.7 85"
    assert printed("fr", "italy_2023") == "125 18\u202f432 373,7 85"
    en, fr = prose("en"), prose("fr")
    assert "125 firms with 18,432 direct employees made 373.7 million square metres" in en
    assert "about 85% of their turnover" in en and "confindustria2024tiles" in en
    assert "125 entreprises employant 18\u202f432 salariés directs" in fr and "373,7 millions de mètres carrés" in fr
    assert "environ 85\u202f% de leur chiffre d'affaires" in fr


def test_the_tile_history_quotes_each_figure_with_its_own_source():
    t = tiles()
    quoted = {  # (year, scope, indicator): (value, source key in the data, citation key in the text)
        (1973, "italy", "production"): (200, "economist1998", "economist1998tiles"),
        (1997, "italy", "production"): (572, "economist1998", "economist1998tiles"),
        (2003, "italy", "production"): (603, "assopiastrelle2004", "assopiastrelle2004italy"),
        (2015, "italy", "production"): (394.8, "confindustria2015", "confindustria_tiles2015"),
        (2015, "italy", "export_share"): (84.4, "confindustria2015", "confindustria_tiles2015"),
        (2003, "district", "production"): (475, "assopiastrelle2004d", "assopiastrelle2004district"),
        (2003, "italy", "firms"): (239, "assopiastrelle2004", "assopiastrelle2004italy"),
        (2015, "italy", "firms"): (150, "confindustria2015", "confindustria_tiles2015"),
    }
    en, fr = prose("en"), prose("fr")
    for key, (value, source, citation) in quoted.items():
        assert t[key][0] == value and t[key][2] == source, key
        assert citation in en and citation in fr
    # 2003, 2015 and 2023 export shares are all shares of turnover, so the text compares them
    assert t[(2003, "italy", "export_share")] == (72, "of_turnover", "assopiastrelle2004c")
    assert "72% of the industry's turnover in 2003" in en and "assopiastrelle2004cersaie" in en
    assert "72\u202f% du chiffre d'affaires de l'industrie en 2003" in fr and "assopiastrelle2004cersaie" in fr
    assert t[(2003, "district", "export_share")][1] == "as_given"  # the text warns: base not stated
    assert "a share whose base its source does not state" in en
    assert "une part dont la source ne précise pas la base" in fr
    assert "from 200 to 572 million square metres between 1973 and 1997" in en
    assert "394.8 in 2015" in en and "394,8 en 2015" in fr


def test_the_sources_exercise_computes_what_it_says():
    t = tiles()
    share = t[(2003, "district", "production")][0] / t[(2003, "italy", "production")][0]
    assert round(100 * share, 1) == 78.8
    assert "$475 / 603 \\approx 0.788$, or 78.8%" in prose("en")
    assert "$475 / 603 \\approx 0{,}788$, soit 78,8\u202f%" in prose("fr")


def test_the_pooling_figures_are_the_model_s():
    simulated = labour_pooling.pooling_data(n_firms=[6, 12], shock_sds=[1.5, 3.0]).set_index(
        ["n_firms", "shock_sd", "setting"]
    )
    assert lp.profit_gain(6, 1, 1.5, 1.0) == pytest.approx(0.9375)
    six = simulated.loc[(6, 1.5)]
    assert (round(six.loc["pooled", "profit"], 2), round(six.loc["isolated", "profit"], 2)) == (50.93, 50.00)
    assert (round(six.loc["pooled", "wage_sd"], 2), round(six.loc["isolated", "wage_sd"], 2)) == (0.60, 1.49)
    assert (six.loc["pooled", "unemployment"], six.loc["isolated", "unemployment"]) == (2.41, 5.96)
    twelve = simulated.loc[(12, 3.0)]
    assert lp.profit_gain(12, 1, 3.0, 1.0) == pytest.approx(4.125)
    assert round(twelve.loc["pooled", "profit"], 2) == 54.08 and twelve.loc["isolated", "profit"] == 50.0
    en, fr = prose("en"), prose("fr")
    for text in ("$50.93 - 50.00 = 0.93$", "0.60 against 1.49", "2.41% in the pool against 5.96%", "about 54.08"):
        assert text in en
    for text in (
        "$50{,}93 - 50{,}00 = 0{,}93$",
        "0,60 contre 1,49",
        "2,41\u202f% dans le bassin commun, contre 5,96\u202f%",
        "environ 54,08",
    ):
        assert text in fr
    assert printed("en", "profit_gain") == "0.9375" and printed("fr", "profit_gain") == "0,9375"


def test_emilia_romagna_in_eurostat_s_lens():
    from bench.callbacks import chapter_lq

    lq = chapter_lq()
    minerals = lq[lq["industry"] == "C23"].sort_values("lq", ascending=False).reset_index(drop=True)
    row = minerals[minerals["region"] == "ITH5"].iloc[0]
    rank = int(minerals.index[minerals["region"] == "ITH5"][0]) + 1
    assert (int(row["employment"]), int(row["region_total"]), round(row["lq"], 2), rank, len(minerals)) == (
        30110,
        431940,
        1.70,
        49,
        278,
    )
    assert round(100 * row["employment"] / row["region_total"], 2) == 6.97
    assert round(100 * row["industry_total"] / row["total"], 2) == 4.11
    by_size = minerals.sort_values("employment", ascending=False)["region"].tolist()
    assert by_size[:2] == ["FR10", "ITH5"]  # "the second largest employer of the division, after Île-de-France"
    assert printed("en", "emilia = minerals") == "30,110 431,940 6.97 4.11 1.70 49 278"
    en, fr = prose("en"), prose("fr")
    assert "employs 30,110 persons in Emilia-Romagna, 6.97%" in en and "49th of the 278 regions" in en
    assert "occupe 30\u202f110 personnes en Émilie-Romagne, soit 6,97\u202f%" in fr and "49ᵉ sur les 278 régions" in fr
    # the map under it: "the 48 regions with a higher quotient are a deeper orange"
    higher = int((minerals["lq"] > row["lq"]).sum())
    assert (
        higher == 48 and "the 48 regions with a higher quotient" in en and "les 48 régions au quotient plus élevé" in fr
    )


# --- the chapter's self-check questions (clusterlab/questions/01-marshall-district.yml) -----------------------


def question(qid: str):
    from clusterlab import questions

    found = questions.all_questions()[qid]
    assert found.chapter == STEM
    return found


def wrong_values(q) -> list[float]:
    return [w.value for w in q.answer.wrong]


def test_the_pooling_questions_by_hand_are_the_formula_s():
    q = question("md-pooling-gain-by-hand")
    tol = q.answer.tolerance
    assert q.answer.value == pytest.approx(lp.profit_gain(4, 1, 2.0, 1.0), abs=tol)
    no_factor, s_not_squared, one_over_n = wrong_values(q)
    assert no_factor == pytest.approx(2.0**2 / 2, abs=tol)  # the factor 1 − 1/n forgotten
    assert s_not_squared == pytest.approx((1 - 1 / 4) * 2.0 / 2, abs=tol)  # s instead of s²
    assert one_over_n == pytest.approx((1 / 4) * 2.0**2 / 2, abs=tol)  # 1/n instead of 1 − 1/n
    q = question("md-pooling-more-firms")
    ratio = lp.profit_gain(12, 1, 1.5, 1.0) / lp.profit_gain(6, 1, 1.5, 1.0)
    assert q.answer.value == pytest.approx(ratio, abs=q.answer.tolerance)
    assert lp.profit_gain(12, 1, 3.0, 2.0) / lp.profit_gain(6, 1, 3.0, 2.0) == pytest.approx(ratio)  # s and b cancel
    doubled, inverse_factor, upside_down = wrong_values(q)
    assert (doubled, inverse_factor) == (12 / 6, (1 / 12) / (1 / 6))
    assert upside_down == pytest.approx(1 / ratio, abs=q.answer.tolerance)


def chart_reading(n_firms: int, shock_sd: float):
    """The bars the pooling chart draws for these slider values, as its tooltips show them (two decimals)."""
    simulated = labour_pooling.pooling_data().set_index(["n_firms", "shock_sd", "setting"])
    return simulated.loc[(n_firms, shock_sd)].round(2)


def test_the_pooling_chart_questions_read_what_the_chart_draws():
    q = question("md-read-unemployment-gap")
    assert q.chart["cell"] == "cell-08" and q.chart["controls"] == {"n_firms": 4, "shock_sd": 3.0}
    bars = chart_reading(4, 3.0)
    pooled, alone = bars.loc["pooled", "unemployment"], bars.loc["isolated", "unemployment"]
    assert q.answer.value == pytest.approx(alone - pooled, abs=q.answer.tolerance)
    ratio, pooled_only, alone_only = wrong_values(q)
    assert ratio == pytest.approx(alone / pooled, abs=0.005)
    assert (pooled_only, alone_only) == (pooled, alone)
    q = question("md-read-small-shocks")
    assert q.chart["controls"] == {"n_firms": 12, "shock_sd": 0.5}
    bars = chart_reading(12, 0.5)
    gain = bars.loc["pooled", "profit"] - bars.loc["isolated", "profit"]
    assert q.answer.value == pytest.approx(gain, abs=q.answer.tolerance)
    assert wrong_values(q) == [bars.loc["pooled", "profit"]]
    # "tiny even with 12 firms": far below the gain of the smallest pool with the largest shocks
    small_pool = chart_reading(2, 3.0)
    assert small_pool.loc["pooled", "profit"] - small_pool.loc["isolated", "profit"] > 20 * gain
    # the controls are values the sliders take: the simulated grid
    for control in ("md-read-unemployment-gap", "md-read-small-shocks"):
        n, s = question(control).chart["controls"].values()
        assert n in (2, 4, 6, 8, 10, 12) and s in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def test_the_pooling_choice_questions_match_the_model():
    # workers: less risk, the same average wage
    six = labour_pooling.pooling_data(n_firms=[6], shock_sds=[1.5]).set_index("setting").round(2)
    assert six.loc["pooled", "wage_sd"] < six.loc["isolated", "wage_sd"]
    assert six.loc["pooled", "unemployment"] < six.loc["isolated", "unemployment"]
    pooled = lp.summary(6, 1, workers=60.0, shock_sd=1.5, value=20.0, draws=4000, seed=1890)
    alone = lp.summary(6, 6, workers=60.0, shock_sd=1.5, value=20.0, draws=4000, seed=1890)
    assert pooled["wage"] == pytest.approx(alone["wage"], abs=0.05)
    q = question("md-pooling-workers")
    assert [o.correct for o in q.options] == [True, False, False]
    # what raises the gain: larger shocks and more firms do, a higher slope b does not
    assert lp.profit_gain(6, 1, 2.0) > lp.profit_gain(6, 1, 1.5)
    assert lp.profit_gain(8, 1, 1.5) > lp.profit_gain(6, 1, 1.5)
    assert lp.profit_gain(6, 1, 1.5, slope=2.0) < lp.profit_gain(6, 1, 1.5, slope=1.0)
    q = question("md-pooling-what-raises")
    assert q.multiple and [o.correct for o in q.options] == [True, True, False, False]


def test_the_emilia_question_quotes_the_chapter_s_figures():
    from bench.callbacks import chapter_lq

    lq = chapter_lq()
    minerals = lq[lq["industry"] == "C23"].sort_values("lq", ascending=False).reset_index(drop=True)
    row = minerals[minerals["region"] == "ITH5"].iloc[0]
    q = question("md-emilia-diluted")
    assert "49th of 278" in q.text["en"] and "49ᵉ sur 278" in q.text["fr"] and "(1.70)" in q.text["en"]
    assert int(minerals.index[minerals["region"] == "ITH5"][0]) + 1 == 49 and len(minerals) == 278
    assert round(row["lq"], 2) == 1.70
    assert minerals.sort_values("employment", ascending=False)["region"].tolist()[1] == "ITH5"
    assert "431,940" in q.options[0].feedback["en"] and f"{int(row['region_total']):,}" == "431,940"
    t = tiles()
    q = question("md-export-shares-sources")
    assert t[(2003, "italy", "export_share")][:2] == (72, "of_turnover") and "72%" in q.text["en"]
    assert t[(2023, "italy", "export_share")][:2] == (85, "of_turnover_about") and "about 85%" in q.text["en"]


# --- the location-quotient box of section 2, and the pointer to it ----------------------------------------------


def cell_source(language: str, cell_id: str) -> str:
    [cell] = [c for c in notebook(language)["cells"] if c.get("id") == cell_id]
    return "".join(cell["source"])


def box(language: str) -> str:
    text = cell_source(language, "cell-04")
    start = text.index("(box-lq)=")
    return text[start : text.index("\n:::", start + 20) + 4]


def test_the_lq_box_example_and_pitfall_are_eurostat_s():
    import re

    from bench.callbacks import chapter_lq

    lq = chapter_lq().set_index(["region", "industry"])
    marche, melilla = lq.loc[("ITI3", "C15")], lq.loc[("ES64", "C23")]
    counts = (
        int(marche["employment"]),
        int(marche["region_total"]),
        int(marche["industry_total"]),
        int(marche["total"]),
    )
    assert counts == (25950, 149767, 405036, 28523022)
    shares = (
        round(100 * marche["employment"] / marche["region_total"], 2),
        round(100 * marche["industry_total"] / marche["total"], 2),
    )
    assert shares == (17.33, 1.42) and round(marche["lq"], 2) == 12.20
    assert round(marche["lq"]) == 12  # "about twelve times"
    assert (int(melilla["employment"]), int(melilla["region_total"]), round(melilla["lq"], 2)) == (51, 258, 4.81)
    figures = {
        "en": [
            "25,950",
            "149,767",
            "17.33%",
            "405,036",
            "28,523,022",
            "1.42%",
            "17.33 / 1.42 \\approx 12.20",
            "258",
            "51",
            "4.81",
            "twelve",
        ],
        "fr": [
            "25\u202f950",
            "149\u202f767",
            "17,33\u202f%",
            "405\u202f036",
            "28\u202f523\u202f022",
            "1,42\u202f%",
            "17{,}33 / 1{,}42 \\approx 12{,}20",
            "258",
            "51",
            "4,81",
            "douze",
        ],
    }
    for language, expected in figures.items():
        text = box(language)
        for figure in expected:
            assert figure in text, (language, figure)
        # the box defines, links the glossary and points to chapter 4
        assert "{ref}`measuring-clusters`" in text
    assert "{term}`location quotient`" in box("en") and "{term}`quotient de localisation`" in box("fr")

    # the same numbers in both editions, nothing more in one than in the other
    def numbers(language: str) -> list[str]:
        text = box(language).replace("\u202f", "").replace("{,}", ".")
        text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text) if language == "en" else re.sub(r"(?<=\d),(?=\d)", ".", text)
        return sorted(re.findall(r"\d+(?:\.\d+)?", text))

    assert numbers("en") == numbers("fr") and "12.20" in numbers("en")
    # the box comes where the chapter first speaks of location quotients, and the Eurostat cell points back to it
    en, fr = prose("en"), prose("fr")
    for language, words in (("en", "location quotient"), ("fr", "quotients de localisation")):
        body = [c for c in notebook(language)["cells"][1:] if c["cell_type"] == "markdown"]
        first = next(c for c in body if words in "".join(c["source"]).lower())
        assert first["id"] == "cell-04", language  # the first body cell that speaks of it holds the box
    assert en.index("(box-lq)=") < en.index("The next cell computes its location quotient")
    assert "<box-lq>" in cell_source("en", "cell-16") and "<box-lq>" in cell_source("fr", "cell-16")
    assert en.count("(box-lq)=") == fr.count("(box-lq)=") == 1


# --- Italy's other districts (section 4) and the Tuscany exercise ----------------------------------------------


def test_the_other_districts_cite_the_same_sources_and_figures_in_both_editions():
    import re

    en, fr = cell_source("en", "md-other-districts"), cell_source("fr", "md-other-districts")

    def citations(text: str) -> list[str]:
        return sorted(re.findall(r"\{cite:[pt]\}`([^`]+)`", text))

    assert (
        citations(en)
        == citations(fr)
        == sorted(
            [
                "istat2015distretti",
                "deiottati2009industrial",
                "lanazione2015irpet",
                "viscusi2006montebelluna",
                "istat_sll2011",
                "greco2009montebelluna",
            ]
        )
    )
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    for key in set(citations(en)):
        assert bib.count("{" + key + ",") == 1, key
    # Istat's press release of 24 February 2015, Dei Ottati (2009), IRPET as reported by La Nazione (2015)
    quoted = {
        "en": [
            "141 industrial districts",
            "40 fewer than in 2001",
            "24.5%",
            "65.8%",
            "70.9% in 2001",
            "most, 45",
            "25% of Italy's exports",
            "705 million euros, 11%",
            "from 1 million in 1970 to 4 million in 1980",
            "183 million euros of ski boots",
            "64% in 1987, had fallen below 9.5%",
            "Geox, made 42%",
        ],
        "fr": [
            "141 districts industriels",
            "40 de moins qu'en 2001",
            "24,5\u202f%",
            "65,8\u202f%",
            "70,9\u202f% en 2001",
            "le plus, 45",
            "25\u202f% des exportations",
            "705 millions d'euros, soit 11\u202f%",
            "de 1 million en 1970 à 4 millions en 1980",
            "183 millions d'euros de chaussures de ski",
            "64\u202f% en 1987, étaient tombés sous 9,5\u202f%",
            "Geox, réalisait 42\u202f%",
        ],
    }
    for language, text in (("en", en), ("fr", fr)):
        for figure in quoted[language]:
            assert figure in text, (language, figure)
        assert "<box-lq>`" in text and "<ex-md-tuscany>`" in text and "{ref}`threats`" in text

    # every figure of one edition is in the other, in its own typography
    def numbers(text: str, language: str) -> list[str]:
        text = re.sub(r"`[^`]*`", "", text).replace("\u202f", "")
        text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text) if language == "en" else re.sub(r"(?<=\d),(?=\d)", ".", text)
        return sorted(re.findall(r"\d+(?:\.\d+)?", text))

    assert numbers(en, "en") == numbers(fr, "fr")


def test_the_regional_trace_of_other_districts_is_eurostat_s():
    from bench.callbacks import chapter_lq

    lq = chapter_lq().set_index(["region", "industry"])["lq"].round(2)
    quoted = {("ITI1", "C13"): 3.93, ("ITI1", "C15"): 10.80, ("ITI3", "C15"): 12.20, ("ITH3", "C15"): 3.79}
    en, fr = cell_source("en", "md-other-districts"), cell_source("fr", "md-other-districts")
    for key, value in quoted.items():
        assert lq[key] == value, key
        assert f"{value:.2f} times as much" in en and f"{value:.2f}".replace(".", ",") + " fois plus" in fr


def test_the_tuscany_exercise_is_what_the_notebook_gives():
    from bench.callbacks import chapter_lq

    lq = chapter_lq()
    top = lq[lq["region"] == "ITI1"].nlargest(3, "lq")
    rows = [(r.industry, int(r.employment), round(r.lq, 2)) for r in top.itertuples()]
    assert rows == [("C15", 42770, 10.80), ("C13", 22616, 3.93), ("C14", 31577, 3.53)]
    lombardy = lq[(lq["region"] == "ITC4") & (lq["industry"] == "C13")].iloc[0]
    assert int(lombardy["employment"]) == 46026 and round(lombardy["lq"], 2) == 2.49
    assert lombardy["employment"] > 2 * 22616 * 0.95  # "twice as many as Tuscany"
    assert lombardy["region_total"] > 3 * top.iloc[0]["region_total"]  # "a much larger manufacturing economy"
    en, fr = prose("en"), prose("fr")
    for industry, employment, value in rows:
        assert f"{industry}: {employment:,} persons, LQ {value:.2f}" in en
        fr_employment = f"{employment:,}".replace(",", "\u202f")
        assert f"{industry}\u00a0: {fr_employment} personnes, QL {value:.2f}".replace(".", ",") in fr
    assert "46,026 persons in textiles" in en and "its quotient is 2.49" in en
    assert "46\u202f026 personnes dans le textile" in fr and "son quotient est de 2,49" in fr
