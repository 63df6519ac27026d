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


# --- born-global evidence, platforms and distance, and their exercises -----------------------------------------

NEW_CELLS = ("si-bg-evidence", "si-platforms", "si-platforms-read")
NEW_EXERCISES = ("ex-si-break-even", "ex-si-platform-index", "ex-si-survivors")


def _new_prose(language: str) -> str:
    """The new sections' cells and the new exercises with their solutions, in one edition."""
    cells = {c.get("id"): "".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown"}
    exercises = cells["cell-18"]
    start = exercises.index(f":label: {NEW_EXERCISES[0]}")
    return "\n".join(cells[c] for c in NEW_CELLS) + exercises[exercises.rindex(":::{exercise}", 0, start) :]


def _citations(text: str) -> dict[str, int]:
    import re
    from collections import Counter

    return Counter(key for keys in re.findall(r"\{cite:[tp]\}`([^`]+)`", text) for key in keys.split(","))


def test_the_new_sections_cite_the_same_works_in_both_editions():
    en, fr = _new_prose("en"), _new_prose("fr")
    cited = _citations(en)
    assert cited == _citations(fr)
    assert set(cited) == {
        "knight2004innovation",
        "rialp2005phenomenon",
        "eurofound2012born",
        "oecd2021smes",
        "lendle2012gravity",
        "wto2016world",
    }
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    assert all(f"{{{key}," in bib for key in cited)
    # the published article's record was not seen: the book cites the working paper and says where it appeared
    assert "March 2016 issue of the *Economic Journal*" in en and "numéro de mars 2016 de l'*Economic Journal*" in fr
    for language in ("en", "fr"):
        cells = [c for c in notebook(language)["cells"] if c.get("id") in (*NEW_CELLS, "si-platforms-code")]
        assert [c.get("id") for c in cells] == [
            "si-bg-evidence",
            "si-platforms",
            "si-platforms-code",
            "si-platforms-read",
        ]


def test_the_figures_of_the_sources_are_in_both_editions():
    en, fr = _new_prose("en"), _new_prose("fr")
    nb, nnb = "\u202f", "\u00a0"
    pairs = [
        ("38 studies", "38 études"),
        ("(1993–2003)", "1993–2003"),
        ("about one fifth of young enterprises", "environ un cinquième des jeunes entreprises"),
        (
            "almost one fifth of born-global start-ups employ 10 or more workers, against 12%",
            f"10 personnes ou plus, contre 12{nb}%",
        ),
        ("65 percent smaller", f"inférieur en moyenne de 65{nb}%"),
        ("the same set of 62 countries", "de 62 pays"),
        ("up by 4% if trade costs", f"augmenterait de 4{nb}%"),
        (
            "more than 42% of total sales for SMEs, against 15–18%",
            f"dépasser 42{nb}% du chiffre d'affaires des PME, contre 15–18{nb}%",
        ),
        ("from −0.52 to −0.18", "de −0,52 à −0,18"),
        ("by 0.35", "par 0,35"),
        (
            "within 1,000 km, between 1,000 and 3,000 km and beyond 3,000 km",
            f"moins de 1{nb}000 km, entre 1{nb}000 et 3{nb}000 km",
        ),
    ]
    for english, french in pairs:
        assert english in en, english
        assert french in fr, french
    assert f"«{nnb}" in fr and f"{nnb}»" in fr and " %" not in fr and "« " not in fr
    # the summary at the end of the chapter
    assert "distance matters about 65% less than offline" in prose("en")
    assert "la distance pèse environ 65\u202f% de moins que hors ligne" in prose("fr")


def _online_shares():
    """The section's calculation, as the notebook does it: France 2014, PPML, distance elasticity × 0.35."""
    from clusterlab.models import gravity

    flows = gravity.france_flows(2014)
    ppml = gravity.estimate(flows, method="ppml")
    online = ppml.assign(coefficient=ppml["coefficient"].where(ppml["term"] != "log_dist", 0.35 * ppml["coefficient"]))
    shares = gravity.predicted_shares(flows, ppml).merge(flows[["partner", "dist_km"]], on="partner")
    shares["online_share"] = gravity.predicted_shares(flows, online)["predicted_share"]
    elasticity = ppml.set_index("term").loc["log_dist", "coefficient"]
    return shares, elasticity


def test_the_smaller_distance_elasticity_as_the_prose_gives_it():
    shares, elasticity = _online_shares()
    assert (round(elasticity, 2), round(0.35 * elasticity, 2)) == (-0.52, -0.18)
    near, far = shares["dist_km"] <= 1000, shares["dist_km"] > 3000
    assert near.sum() == 8
    assert {"DEU", "BEL", "GBR", "CHE"} <= set(shares.loc[near, "partner"])
    pct = 100 * shares.set_index("partner")[["predicted_share", "online_share"]]
    assert (100 * shares.loc[near, ["predicted_share", "online_share"]].sum()).round(1).tolist() == [40.6, 24.2]
    assert (100 * shares.loc[far, ["predicted_share", "online_share"]].sum()).round(1).tolist() == [34.0, 52.9]
    assert pct.loc["DEU"].round(2).tolist() == [16.82, 10.35] and pct.loc["USA"].round(2).tolist() == [8.83, 12.96]
    assert pct.loc["MAR"].round(2).tolist() == [0.46, 0.45]
    assert shares.set_index("partner").loc["MAR", "dist_km"] == 1817
    en, fr = prose("en"), prose("fr")
    nb = "\u202f"
    assert "receive 40.6% of its predicted exports with the estimated elasticity, and 24.2%" in en
    assert "from 34.0% to 52.9%" in en and "from 16.82% to 10.35%" in en and "from 8.83% to 12.96%" in en
    assert "(0.46% and 0.45%)" in en and "at 1,817 km" in en
    assert f"reçoivent 40,6{nb}% de ses exportations prédites avec l'élasticité estimée, et 24,2{nb}%" in fr
    assert (
        f"de 34,0{nb}% à 52,9{nb}%" in fr and f"de 16,82{nb}% à 10,35{nb}%" in fr and f"de 8,83{nb}% à 12,96{nb}%" in fr
    )
    assert f"(0,46{nb}% puis 0,45{nb}%)" in fr and f"à 1{nb}817 km" in fr
    for language, sep in (("en", "."), ("fr", ",")):
        [cell] = [c for c in notebook(language)["cells"] if c.get("id") == "si-platforms-code"]
        printed = "".join(cell["outputs"][0]["text"]).split()
        assert printed == [
            v.replace(".", sep) for v in "40.6 24.2 25.4 22.8 34.0 52.9 16.82 10.35 8.83 12.96 0.46 0.45".split()
        ]


def test_exercise_break_even():
    shares, elasticity = _online_shares()
    shares["ratio"] = shares["online_share"] / shares["predicted_share"]
    by = shares.set_index("partner")
    losers = shares[shares["ratio"] < 1]
    assert (len(losers), len(shares)) == (31, 182)
    assert (
        losers["dist_km"].max() == 1859
        and by.loc["EST", "dist_km"] == 1859
        and round(by.loc["EST", "ratio"], 3) == 0.999
    )
    assert shares.loc[shares["ratio"] > 1, "dist_km"].min() == 1875 and round(by.loc["ROU", "ratio"], 3) == 1.001
    assert [round(by.loc[p, "ratio"], 2) for p in ("BEL", "DEU", "AUS", "MAR", "TUN", "DZA")] == [
        0.52,
        0.61,
        2.10,
        0.99,
        0.93,
        0.89,
    ]
    # the factor d^(0.65 × 0.52) and the threshold: the ratio is the factor over its mean weighted by the shares
    assert round(-0.65 * elasticity, 2) == 0.34
    factor = shares["dist_km"] ** (-0.65 * elasticity)
    mean = (shares["predicted_share"] * factor).sum()
    assert ((factor / mean) - shares["ratio"]).abs().max() < 1e-9
    threshold = mean ** (1 / (-0.65 * elasticity))
    assert 1859 < threshold < 1875 and round(threshold, -1) == 1870
    en, fr = _new_prose("en"), _new_prose("fr")
    nb = "\u202f"
    assert "31 of the 182 partners lose share, all within 1,859 km (Estonia, ratio 0.999)" in en
    assert "(1,875 km, 1.001)" in en and "about 1,870 km" in en and "multiplied by 2.10" in en
    assert f"31 des 182 partenaires perdent des parts, tous à moins de 1{nb}859 km (l'Estonie, rapport 0,999)" in fr
    assert f"(1{nb}875 km, 1,001)" in fr and f"environ 1{nb}870 km" in fr and "multipliée par 2,10" in fr
    for text in (en, fr):
        assert all(v in text.replace(",", ".") for v in ("0.52", "0.61", "(0.99)", "(0.93)", "(0.89)"))


def test_exercise_platform_index():
    weights = {"distance": 0.35, "border": 1, "language": 1, "colony": 1}
    before = pdist.rank("MAR", PAIRS, GDP, year=2019).set_index("partner")
    after = pdist.rank("MAR", PAIRS, GDP, weights=weights, year=2019).set_index("partner")
    assert (before.loc["ESP", "rank"], after.loc["ESP", "rank"]) == (13, 25)
    assert (before.loc["USA", "rank"], after.loc["USA", "rank"]) == (6, 8)
    comp = pdist.components("MAR", PAIRS).set_index("partner")
    assert (
        comp.loc["USA", ["border", "language", "colony"]].tolist() == [1, 1, 1] and comp.loc["USA", "dist_km"] == 5840
    )
    assert round(comp.loc["ESP", "distance"], 2) == 0.24
    plain, platform = pdist.index(comp), pdist.index(comp, weights)
    assert [round(plain["ESP"], 2), round(platform["ESP"], 2)] == [0.81, 0.92]
    assert [round(plain["USA"], 2), round(platform["USA"], 2)] == [0.93, 0.97]
    en, fr = _new_prose("en"), _new_prose("fr")
    assert (
        "from 13th to 25th" in en
        and "from 0.81 to 0.92" in en
        and "from 6th to 8th" in en
        and "from 0.93 to 0.97" in en
    )
    assert "du 13ᵉ au 25ᵉ rang" in fr and "de 0,81 à 0,92" in fr and "du 6ᵉ au 8ᵉ rang" in fr and "de 0,93 à 0,97" in fr
    assert "5,840 km" in en and "5\u202f840 km" in fr


def test_exercise_survivors():
    born, home, born_alive, home_alive, born_ten, home_ten = 200, 800, 80, 480, 30, 48
    alive = born_alive + home_alive
    assert round(100 * born_alive / alive, 1) == 14.3 and 100 * born / (born + home) == 20
    assert (100 * born_ten / born_alive, 100 * home_ten / home_alive) == (37.5, 10.0)
    assert (100 * born_ten / born, 100 * home_ten / home) == (15.0, 6.0)
    assert ((born_ten / born_alive) / (home_ten / home_alive), (born_ten / born) / (home_ten / home)) == (3.75, 2.5)
    en, fr = _new_prose("en"), _new_prose("fr")
    for figure in (
        "80 of the 560",
        "14.3%",
        "37.5%",
        "against 10%",
        "3.75 times",
        "20% of the cohort",
        "15%",
        "6%",
        "2.5 times",
    ):
        assert figure in en, figure
    nb = "\u202f"
    for figure in (
        "80 des 560",
        f"14,3{nb}%",
        f"37,5{nb}%",
        f"contre 10{nb}%",
        "3,75 fois",
        f"20{nb}% de la cohorte",
        f"15{nb}%",
        f"6{nb}%",
        "2,5 fois",
    ):
        assert figure in fr, figure
