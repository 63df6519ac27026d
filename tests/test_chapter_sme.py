"""Chapter 5 (how SMEs go international): what the text says is what the data and the index give."""

from __future__ import annotations

import json

from conftest import ROOT

from clusterlab import charts, data
from clusterlab.models import psychic_distance as pdist

STEM = "05-sme-internationalisation"
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
