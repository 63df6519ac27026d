"""Chapter 5 (how SMEs go international): what the text says is what the data and the index give."""

from __future__ import annotations

import json

from clusterlab import charts, data
from clusterlab.models import psychic_distance as pdist
from conftest import ROOT

STEM = "05-sme-internationalisation"
PAIRS, GDP = data.load("geodist_pairs"), data.load("wdi_gdp_population")


def notebook(language: str) -> dict:
    return json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))


def prose(language: str) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown")


def test_the_trade_shares_quoted_are_tradhist_s():
    shares = charts.trade_shares(data.load("tradhist_france"), data.load("geodist_countries"))
    s = shares.set_index(["partner", "year"])["share"]
    quoted = {("DZA", 2014): 1.06, ("MAR", 2014): 1.01, ("TUN", 2014): 0.82, ("BEL", 2014): 7.71,
              ("ESP", 2014): 7.06, ("DZA", 1960): 18.57, ("DZA", 1970): 3.83}
    for key, value in quoted.items():
        assert s[key] == value, key
    en, fr = prose("en"), prose("fr")
    assert "1.06%, 1.01% and 0.82%" in en and "7.7% for Belgium and 7.1% for Spain" in en
    assert "18.6%; in 1970, 3.8%" in en and "rose to 18.6% in 1960 and fell to 3.8% by 1970" in en
    assert "1,06\u202f%, 1,01\u202f% et 0,82\u202f%" in fr and "18,6\u202f%\u202f; en 1970, 3,8\u202f%" in fr
    # Italy and Spain rose over the same decades
    assert s[("ITA", 1960)] < s[("ITA", 1970)] < s[("ITA", 1990)] and s[("ESP", 1960)] < s[("ESP", 1970)] < s[("ESP", 1990)]
    # no German row from 1950 to 1990
    tradhist = data.load("tradhist_france")
    german = tradhist[(tradhist["partner"] == "DEU") & tradhist["year"].between(1950, 1990)]
    assert "no German figures from 1950 to 1990" in prose("en") and "allemands de 1950 à 1990" in prose("fr")
    assert german["exports_gbp"].notna().sum() == 0
    counted = tradhist.dropna(subset=["exports_gbp"]).groupby("year")["partner"].count()
    assert counted.loc[1939:1944].min() == 59 and counted.loc[1939:1944].max() == 65 and counted[1938] == 76
    [hook] = [c for c in notebook("fr")["cells"] if c["cell_type"] == "code" and "in_2014" in "".join(c["source"])]
    assert "".join(hook["outputs"][0]["text"]).strip() == "1,06 1,01 0,82 7,71 7,06 6,79 18,6 3,8"


def test_the_index_figures_for_morocco_are_the_model_s():
    comp = pdist.components("MAR", PAIRS).set_index("partner")
    index = pdist.index(comp)
    assert (comp.loc["FRA", "dist_km"], comp.loc["ESP", "dist_km"]) == (1817, 763)
    assert (round(index["FRA"], 2), round(index["ESP"], 2), round(index["DZA"], 2)) == (0.36, 0.81, 0.32)
    assert comp.loc["DZA", "border"] == 0 and comp.loc["ESP", ["border", "language", "colony"]].tolist() == [1, 1, 1]
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
