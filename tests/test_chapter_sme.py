"""Chapter 6 (how SMEs go international): what the text says is what the data and the index give."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from clusterlab import charts, data
from clusterlab.models import psychic_distance as pdist

STEM = "06-sme-internationalisation"
PAIRS, GDP = data.load("geodist_pairs"), data.load("wdi_gdp_population")


def notebook(language: str) -> dict:
    return json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))


def prose(language: str) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown")


def test_the_trade_shares_quoted_are_tradhist_s():
    tradhist = data.load("tradhist_france")
    shares = charts.trade_shares(tradhist, data.load("geodist_countries"))
    s = shares.set_index(["partner", "year"])["share"]
    # the hook: true shares of all France's exports in 2014, Germany included
    exports = tradhist[tradhist["year"] == 2014].set_index("partner")["exports_gbp"]
    true = (100 * exports / exports.sum()).round(2)
    assert true[["DZA", "MAR", "TUN", "BEL", "ESP", "DEU"]].tolist() == [1.06, 1.01, 0.82, 7.71, 7.06, 16.01]
    in_1991 = tradhist[tradhist["year"] == 1991].set_index("partner")["exports_gbp"]
    assert round(100 * in_1991["DEU"] / in_1991.sum(), 1) == 21.7
    # the figure: Germany out of every year's total, so the series has no jump in 1991
    assert (s[("DZA", 1958)], s[("DZA", 1960)], s[("DZA", 1970)]) == (23.5, 18.57, 3.83)
    algeria = s.loc["DZA"]
    assert algeria.loc[1950:].idxmax() == 1958  # "the war years aside"
    assert abs(s[("ITA", 1991)] - s[("ITA", 1990)]) < 1
    en, fr = prose("en"), prose("fr")
    assert "1.06%, 1.01% and 0.82%" in en and "7.7% for Belgium, 7.1% for Spain and 16.0% for Germany" in en
    assert "reached 23.5% in 1958" in en and "was 18.6% in 1960 and 3.8% in 1970" in en and "(21.7% in 1991)" not in en
    assert "it took 21.7% in 1991" in en and "elle en prend 21,7\u202f% en 1991" in fr
    assert "1,06\u202f%, 1,01\u202f% et 0,82\u202f%" in fr and "a atteint 23,5\u202f% en 1958" in fr
    # Italy and Spain rose over the same decades
    assert (
        s[("ITA", 1960)] < s[("ITA", 1970)] < s[("ITA", 1990)]
        and s[("ESP", 1960)] < s[("ESP", 1970)] < s[("ESP", 1990)]
    )
    # no German row from 1950 to 1990
    tradhist = data.load("tradhist_france")
    german = tradhist[(tradhist["partner"] == "DEU") & tradhist["year"].between(1950, 1990)]
    assert "no German figures from 1950 to 1990" in prose("en") and "allemands de 1950 à 1990" in prose("fr")
    assert german["exports_gbp"].notna().sum() == 0
    [hook] = [c for c in notebook("fr")["cells"] if c["cell_type"] == "code" and "in_2014" in "".join(c["source"])]
    assert "".join(hook["outputs"][0]["text"]).strip() == "1,06 1,01 0,82 7,71 7,06 16,01"


def test_the_index_figures_for_morocco_are_the_model_s():
    comp = pdist.components("MAR", PAIRS).set_index("partner")
    index = pdist.index(comp)
    assert (comp.loc["FRA", "dist_km"], comp.loc["ESP", "dist_km"]) == (1817, 763)
    assert (round(index["FRA"], 2), round(index["ESP"], 2), round(index["DZA"], 2)) == (0.36, 0.81, 0.32)
    assert comp.loc["DZA", ["border", "language", "colony"]].tolist() == [0, 0, 1] and comp.loc["DZA", "dist_km"] == 945
    assert comp.loc["ESP", ["border", "language", "colony"]].tolist() == [1, 1, 1]
    usa = pdist.rank("MAR", PAIRS, GDP, market_weight=1.25)
    assert "USA" in usa["partner"].head(5).tolist()  # "in JupyterLab, 1.25 already does it"
    assert round(pdist.index(comp).loc["USA"], 2) == 0.93
    ranking = pdist.rank("MAR", PAIRS, GDP).set_index("partner")
    assert ranking.loc["ESP", "rank"] == 13 and ranking.attrs["left_out"] == 33
    assert "USA" in pdist.rank("MAR", PAIRS, GDP, market_weight=1.5)["partner"].head(5).tolist()
    assert "USA" not in pdist.rank("MAR", PAIRS, GDP, market_weight=1.0)["partner"].head(5).tolist()
    en, fr = prose("en"), prose("fr")
    assert "1,817 km" in en and "(763 km)" in en and "(0.36 against 0.81)" in en and "(0.32)" in en and "13th" in en
    assert "1\u202f817 km" in fr and "(0,36 contre 0,81)" in fr and "13ᵉ" in fr
    assert "market size to 1.5" in en and "marché à 1,5" in fr


def test_the_first_five_printed_and_described():
    first = {h: pdist.rank(h, PAIRS, GDP)["partner"].head(5).tolist() for h in charts.MARKET_HOMES}
    assert first["FRA"] == ["CHE", "BEL", "CAN", "DEU", "USA"]
    assert all(first[h][0] == "FRA" for h in ("MAR", "TUN", "DZA"))
    assert {pdist.rank(h, PAIRS, GDP).attrs["left_out"] for h in charts.MARKET_HOMES} == {33}
    [cell] = [c for c in notebook("en")["cells"] if c["cell_type"] == "code" and "first_five" in "".join(c["source"])]
    assert "".join(cell["outputs"][0]["text"]).splitlines()[0] == "FRA: CHE, BEL, CAN, DEU, USA"


# --- the chapter's self-check questions (clusterlab/questions/06-sme-internationalisation.yml) --------------


def _question(qid):
    from clusterlab import questions

    return questions.all_questions()[qid]


def _as_the_chart_ranks(controls):
    """The partners of the chosen home with index, appeal and rank, as the browser computes them from the
    chart's rows (charts.scored): index = weighted mean of the components, appeal = w_market × market − index."""
    markets = charts.markets_data(PAIRS, GDP, data.load("geodist_countries"))
    part = markets[markets["home"] == controls["home"]].copy()
    names = ("distance", "border", "language", "colony")
    total = sum(controls[f"w_{k}"] for k in names)
    weighted = sum(controls[f"w_{k}"] * part[k] for k in names)
    part["index"] = weighted / total if total > 0 else 0.0
    part["score"] = controls["w_market"] * part["market"] - part["index"]
    part = part.sort_values(["score", "partner"], ascending=[False, True]).reset_index(drop=True)
    part["rank"] = part.index + 1
    return part.set_index("partner")


def test_question_fixed_cost_small_firm():
    q = _question("fixed-cost-small-firm")
    assert q.answer.value == 100 * 20000 / 100000
    other_firm, as_share = (w.value for w in q.answer.wrong)
    assert other_firm == 100 * 20000 / 1000000 and as_share == 20000 / 100000


def test_question_index_without_language():
    q = _question("index-without-language")
    comp = pdist.components("MAR", PAIRS).set_index("partner")
    weights = {"distance": 1, "border": 1, "language": 0, "colony": 1}
    assert round(comp.loc["ESP", "distance"], 2) == 0.24  # as the question gives it
    assert q.answer.value == pytest.approx(pdist.index(comp, weights)["ESP"], abs=q.answer.tolerance)
    assert q.answer.value == pytest.approx((0.24 + 1 + 1) / 3, abs=q.answer.tolerance)
    by_four, summed, equal = (w.value for w in q.answer.wrong)
    assert by_four == pytest.approx((0.24 + 1 + 1) / 4, abs=0.001) and summed == pytest.approx(0.24 + 1 + 1)
    assert equal == round(pdist.index(comp)["ESP"], 2)


def test_question_france_closer_than_spain():
    comp = pdist.components("MAR", PAIRS).set_index("partner")
    assert comp.loc["FRA", ["language", "colony"]].tolist() == [0, 0]
    assert comp.loc["ESP", ["border", "language", "colony"]].tolist() == [1, 1, 1]
    assert _question("france-closer-than-spain").right == [0]


def test_question_markets_read_no_colony():
    q = _question("markets-read-no-colony")
    ranked = _as_the_chart_ranks(q.chart["controls"])
    first = ranked.index[0]
    assert [o.text["en"] for o in q.options if o.correct] == ["Algeria"] and first == "DZA"
    assert ranked.loc["FRA", "rank"] == 2
    assert (round(ranked.loc["DZA", "index"], 2), round(ranked.loc["FRA", "index"], 2)) == (0.10, 0.48)
    assert ranked.loc["ESP", "rank"] > 1 and ranked.loc["USA", "rank"] > 1
    # with the colonial component, France first: the equal-weight ranking of the chapter
    assert _as_the_chart_ranks(q.chart["controls"] | {"w_colony": 1}).index[0] == "FRA"


def test_question_markets_read_appeal_tunisia():
    q = _question("markets-read-appeal-tunisia")
    ranked = _as_the_chart_ranks(q.chart["controls"])
    france = ranked.loc["FRA"]
    assert ranked.index[0] == "FRA"
    assert q.answer.value == pytest.approx(france["score"], abs=q.answer.tolerance)
    assert (round(france["market"], 3), round(france["index"], 3), round(france["score"], 3)) == (0.844, 0.335, 0.508)
    index, size, added = (w.value for w in q.answer.wrong)
    assert index == round(france["index"], 2) and size == round(france["market"], 2)
    assert added == round(france["market"] + france["index"], 2)


def test_question_trade_history():
    tradhist = data.load("tradhist_france")
    s = charts.trade_shares(tradhist, data.load("geodist_countries")).set_index(["partner", "year"])["share"]
    assert (round(s[("DZA", 1960)], 1), round(s[("DZA", 1970)], 1)) == (18.6, 3.8)
    assert _question("germany-left-out").right == [0] and _question("algeria-share-fall").right == [0]
