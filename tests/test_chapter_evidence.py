"""Chapter 5 (what the evidence says): every figure the text states is what the package and the data give."""

from __future__ import annotations

import json
import math

import pytest
from conftest import ROOT, cited_unalike

from clusterlab import charts, data, questions
from clusterlab.charts import gravity as gravity_chart
from clusterlab.models import agglomeration, gravity, melitz, psychic_distance

STEM = "05-evidence"
NN = "\u202f"


def notebook(language: str) -> dict:
    return json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))


def prose(language: str) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown")


def printed(language: str, needle: str) -> str:
    """The text a code cell printed, the cell found by a piece of its source."""
    [cell] = [c for c in notebook(language)["cells"] if c["cell_type"] == "code" and needle in "".join(c["source"])]
    return "".join("".join(o["text"]) for o in cell["outputs"] if o.get("output_type") == "stream").strip()


def fr_number(text: str) -> str:
    """A number as the French edition writes it: decimal comma, minus sign."""
    return text.replace(".", ",")


@pytest.fixture(scope="module")
def france():
    flows = gravity.france_flows(2014)
    return flows, gravity.estimate(flows, method="ols"), gravity.estimate(flows, method="ppml")


def coef(est, term):
    return float(est.set_index("term").loc[term, "coefficient"])


def test_what_an_elasticity_does_to_a_doubling():
    en, fr = prose("en"), prose("fr")
    assert round(100 * agglomeration.gain(0.04), 1) == 2.8 and round(100 * agglomeration.gain(0.04, 100)) == 20
    assert "doubling density raises productivity by 2.8%" in en and "$100^{0.04} - 1 \\approx 20\\%$" in en
    assert f"2,8{NN}%" in fr
    # Sveikauskas's 5.98% per doubling is an elasticity of about 0.08, printed by the notebook
    assert round(agglomeration.elasticity(0.0598), 3) == 0.084
    assert printed("en", "agglomeration.elasticity(0.0598") == "0.084"
    assert printed("fr", "agglomeration.elasticity(0.0598") == "0,084"
    # Donovan et al.'s range 0.015-0.039 is a gain of 1 to 2.7% per doubling
    assert round(100 * agglomeration.gain(0.015)) == 1 and round(100 * agglomeration.gain(0.039), 1) == 2.7
    assert "raises productivity by 1 to 2.7%" in en
    # the glossary entry and the take-aways quote the same range
    assert "between 0.015 and 0.039" in (ROOT / "chapters" / "en" / "glossary.md").read_text(encoding="utf-8")


def test_the_published_table_is_what_the_chapter_quotes():
    table = data.load("published_estimates").set_index(["study", "setting_en"])
    assert table.loc[("Sveikauskas (1975)", "US cities"), "estimate"] == pytest.approx(math.log2(1.0598))
    assert (
        table.loc[("Donovan et al. (2024)", "meta-analysis: 6,684 estimates, 294 studies, 54 countries"), "low"]
        == 0.015
    )
    assert table.loc[("Ciccone (2002)", "France, Germany, Italy, Spain, UK"), "estimate"] == 0.045
    for key in table["key"]:
        assert key in (ROOT / "references.bib").read_text(encoding="utf-8")


def test_selection_and_agglomeration_shapes():
    selection = agglomeration.quantile_gaps(shift=0.0, dilation=1.0, truncation=0.2, seed=1)["gap"]
    growth = agglomeration.quantile_gaps(shift=0.2, dilation=1.1, truncation=0.0, seed=1)["gap"]
    assert selection.is_monotonic_decreasing and growth.is_monotonic_increasing
    assert growth.min() > 0  # "benefits the firms that are there": every quantile gains
    # exercise ex-ev-both
    both = agglomeration.quantile_gaps(shift=0.05, dilation=1.0, truncation=0.1, seed=1)["gap"]
    assert (round(both.iloc[0], 2), round(both.iloc[-1], 2)) == (0.45, 0.11) and both.min() > 0.05
    assert "from about 0.45 at the 10th percentile to about 0.11 at the 90th" in prose("en")


def test_the_cutoff_exercise_and_the_chart_defaults():
    share = lambda tau: melitz.share_exporting(tau, 2, 1, 4, 4.25)  # noqa: E731
    ratio = lambda tau: melitz.export_cutoff_ratio(tau, 2, 1, 4)  # noqa: E731
    assert (round(ratio(1.5), 2), round(100 * share(1.5), 1)) == (1.89, 6.7)
    assert (round(ratio(1.2), 2), round(100 * share(1.2), 1)) == (1.51, 17.3)
    sales = lambda tau: melitz.exporter_share_of_sales(tau, 2, 1, 4, 4.25)  # noqa: E731
    assert (round(100 * sales(1.5)), round(100 * sales(1.2))) == (52, 70)
    en = prose("en")
    assert "$1.89^{-4.25} \\approx 6.7\\%$" in en and "$1.51^{-4.25} \\approx 17.3\\%$" in en
    assert "from about 52% to 70%" in en
    assert (melitz.SIGMA, melitz.SHAPE, melitz.TAU, melitz.FX_RATIO) == (4.0, 4.25, 1.3, 1.5)
    q = questions.all_questions()["ev-read-cutoff"]
    c = q.chart["controls"]
    assert q.answer.value == round(100 * melitz.share_exporting(c["tau"], c["fx"], 1, 4, 4.25), 1)
    assert q.answer.wrong[0].value == round(100 * melitz.share_exporting(1.3, 1.5, 1, 4, 4.25), 1)


def test_the_gravity_estimates_quoted(france):
    flows, ols, ppml = france
    en, fr = prose("en"), prose("fr")
    assert len(flows) == ols.attrs["n_obs"] == ppml.attrs["n_obs"] == 182 and ols.attrs["n_zero_left_out"] == 0
    assert (round(coef(ols, "log_gdp"), 2), round(coef(ols, "log_dist"), 2), round(coef(ols, "comlang_off"), 2)) == (
        1.08,
        -0.80,
        1.34,
    )
    assert round(math.exp(1.34), 1) == 3.8 and round(math.exp(0.82), 1) == 2.3
    assert (round(coef(ppml, "log_gdp"), 2), round(coef(ppml, "log_dist"), 2), round(coef(ppml, "contig"), 2)) == (
        0.71,
        -0.52,
        0.82,
    )
    tidy_ols, tidy_ppml = ols.set_index("term"), ppml.set_index("term")
    # "a shared border, not significant by OLS"; "language and colony no longer significant" by PPML
    assert tidy_ols.loc["contig", "ci_low"] < 0 < tidy_ols.loc["contig", "ci_high"]
    for term in ("comlang_off", "colony"):
        assert tidy_ppml.loc[term, "ci_low"] < 0 < tidy_ppml.loc[term, "ci_high"]
        assert tidy_ols.loc[term, "ci_low"] > 0
    assert (round(ols.attrs["r2"], 2), round(ppml.attrs["r2"], 2)) == (0.88, 0.95)
    assert printed("en", 'labels.fmt_number(ols.attrs["n_obs"])') == "182 0.883 0.947"
    assert printed("fr", 'labels.fmt_number(ols.attrs["n_obs"])') == "182 0,883 0,947"
    assert "on the 182 partners with complete data" in en and "buys 1.08% more" in en and "0.80% less" in en
    assert "$e^{1.34} \\approx 3.8$" in en and "0.71 for GDP and −0.52 for distance" in en
    assert "$e^{0.82} \\approx 2.3$" in en and "R² of OLS, 0.88" in en and "exports, 0.95;" in en
    assert "1,08" in fr and "−0,52" in fr and "0,71" in fr


def test_the_twice_as_far_question(france):
    _, _, ppml = france
    q = questions.all_questions()["ev-twice-as-far"]
    assert q.answer.value == round(2 ** round(coef(ppml, "log_dist"), 2), 2)
    assert [w.value for w in q.answer.wrong] == [round(1 + round(coef(ppml, "log_dist"), 2), 2), 0.5]
    dg = questions.all_questions()["ev-doubling-gain"]
    assert dg.answer.value == round(100 * agglomeration.gain(0.05), 1)
    assert [w.value for w in dg.answer.wrong] == [5, round(agglomeration.gain(0.05), 3)]


def test_the_gravity_chart_question(france):
    flows, _, ppml = france
    q = questions.all_questions()["ev-read-no-distance"]
    start = gravity_chart._rounded(ppml)
    moved = start.copy()
    moved.loc[moved["term"] == "log_dist", "coefficient"] = q.chart["controls"]["b_log_dist"]
    assert q.answer.value == round(gravity_chart.spearman_start(flows, moved), 2)
    assert q.answer.wrong[0].value == round(gravity_chart.spearman_start(flows, start), 2)


def test_the_index_check_quoted():
    en = prose("en")
    fra, mar = gravity.index_check("FRA"), gravity.index_check("MAR")
    assert (fra.attrs["n"], round(fra.attrs["spearman"], 2), round(fra.attrs["spearman_index_alone"], 2)) == (
        182,
        0.82,
        0.31,
    )
    assert (mar.attrs["n"], round(mar.attrs["spearman"], 2), round(mar.attrs["spearman_index_alone"], 2)) == (
        43,
        0.70,
        0.54,
    )
    assert "a rank correlation of 0.82 over 182 partners" in en and "gives 0.31" in en
    assert "0.70 over 43 partners, 0.54 for the index alone" in en
    assert mar.sort_values("index_rank")["partner"].head(4).tolist() == ["DZA", "EGY", "LBY", "TUN"]
    assert mar.sort_values("observed_rank")["partner"].head(4).tolist() == ["MRT", "SEN", "CIV", "DZA"]
    assert "puts Algeria, Egypt, Libya and Tunisia first" in en
    assert "Mauritania, Senegal, Côte d'Ivoire and Algeria" in en


def test_the_weights_and_their_test_out_of_sample():
    en = prose("en")
    weights = gravity.implied_weights(gravity.france_flows(2014)).attrs["weights"]
    rounded = {k: round(v, 2) for k, v in weights.items()}
    assert rounded == {"distance": 0.65, "border": 0.24, "language": 0.03, "colony": 0.09}
    assert "distance (0.65)" in en and "border (0.24)" in en and "colonial link (0.09) and language (0.03)" in en
    assert round(gravity.index_check("FRA", weights=weights).attrs["spearman"], 2) == 0.90
    assert "rises from 0.82 to 0.90" in en
    # exercise ex-ev-weights
    found = {
        (home, year): tuple(
            round(gravity.index_check(home, year=year, weights=w).attrs["spearman"], 2) for w in (None, weights)
        )
        for home, year in [("FRA", 1995), ("FRA", 2004), ("TUN", None), ("DZA", None)]
    }
    assert found == {
        ("FRA", 1995): (0.83, 0.84),
        ("FRA", 2004): (0.81, 0.91),
        ("TUN", None): (0.71, 0.77),
        ("DZA", None): (0.74, 0.87),
    }
    assert "(0.84 against 0.83, a difference within noise)" in en and "(0.91 against 0.81)" in en
    assert "(0.77 against 0.71, 0.87 against 0.74)" in en


def test_spain_moves_with_one_coding_choice():
    pairs, gdp = data.load("geodist_pairs"), data.load("wdi_gdp_population")
    recoded = gravity.recode(pairs, "ESP", "MAR", "colony", 1)

    def spain(p):
        ranked = psychic_distance.rank("MAR", p, gdp, year=2019).reset_index(drop=True)
        return int(ranked.index[ranked["partner"] == "ESP"][0]) + 1

    assert (spain(pairs), spain(recoded)) == (13, 3)
    assert printed("en", "gravity.recode(") == "13 3"
    assert (
        "from 13th to 3rd" in prose("en")
        and "du 13ᵉ au 3ᵉ rang" in questions.all_questions()["ev-spain-coding"].text["fr"]
    )


def test_the_exercises_on_years_language_and_morocco():
    en = prose("en")
    by_year = {
        y: gravity.estimate(gravity.france_flows(y), method="ppml").set_index("term").loc["log_dist"]
        for y in (1995, 2004, 2014)
    }
    assert [round(by_year[y]["coefficient"], 2) for y in (1995, 2004, 2014)] == [-0.55, -0.57, -0.52]
    assert all(0.05 <= round(r["std_error"], 2) <= 0.07 for r in by_year.values())
    assert "about −0.55 in 1995, −0.57 in 2004 and −0.52 in 2014" in en
    flows = gravity.france_flows(2014)
    found = {
        (method, len(terms)): round(coef(gravity.estimate(flows, method=method, terms=terms), "log_dist"), 2)
        for terms in [("log_gdp", "log_dist"), ("log_gdp", "log_dist", "contig"), gravity.TERMS]
        for method in ("ppml", "ols")
    }
    assert [found[("ppml", n)] for n in (2, 3, 5)] == [-0.67, -0.50, -0.52]
    assert [found[("ols", n)] for n in (2, 3, 5)] == [-0.85, -0.86, -0.80]
    assert "gives −0.67; adding contiguity brings it to −0.50" in en and "(−0.85, −0.86, −0.80)" in en
    morocco = gravity.estimate(gravity.baci_flows("MAR"), method="ppml")
    tidy = morocco.set_index("term")
    assert morocco.attrs["no_variation"] == ["colony"] and morocco.attrs["n_obs"] == 43
    assert (round(tidy.loc["log_dist", "coefficient"], 2), round(tidy.loc["log_dist", "std_error"], 2)) == (-0.88, 0.39)
    assert round(tidy.loc["log_gdp", "coefficient"], 2) == 0.32
    assert "about −0.88 with a large standard error (0.39), the GDP elasticity about 0.32" in en


def test_the_forest_of_estimates():
    rows = [
        gravity.forest_rows(gravity.estimate(gravity.france_flows(y), method=m))
        for y in (1995, 2004, 2014)
        for m in ("ols", "ppml")
    ]
    rows.append(gravity.forest_rows(gravity.estimate(gravity.baci_flows("MAR"))))
    estimates = [float(r["estimate"].iloc[0]) for r in rows]
    assert round(max(estimates), 1) == -0.4 and round(min(estimates), 1) == -0.9
    assert "run from about −0.4 (OLS, 1995) to −0.9 (Morocco)" in prose("en")
    published = charts.published_rows(data.load("published_estimates"))
    assert published["estimate"].max() == pytest.approx(math.log2(1.0598))  # "about 0.08 for the early estimate"
    spec = json.dumps(charts.forest_chart(published).to_dict())
    assert "Sveikauskas" in spec


def test_both_editions_cite_the_same_works():
    en, fr = prose("en"), prose("fr")
    assert (
        cited_unalike(
            en,
            fr,
            (
                "bernard2007firms",
                "sveikauskas1975productivity",
                "melo2009meta",
                "donovan2024unraveling",
                "rosenthal2004evidence",
                "combes2012productivity",
                "delgado2012clusters",
                "bernard1999exceptional",
                "mayer2008happy",
                "melitz2003impact",
                "koenig2010local",
                "becchetti2007role",
                "tinbergen1962shaping",
                "santos2006log",
                "fouquin2016two",
                "mayer2011notes",
                "libe2024echanges",
                "wikipedia2026protectorate",
                "disdier2008puzzling",
                "head2014gravity",
            ),
        )
        == []
    )
