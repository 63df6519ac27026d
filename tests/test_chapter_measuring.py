"""The chapter "Measuring clusters" says what the data give: every figure and ranking its text
states is recomputed here from the shipped Eurostat table."""

from __future__ import annotations

import pytest

from clusterlab import data, measures


@pytest.fixture(scope="module")
def lq():
    sbs = data.load("eurostat_sbs_regions_2015")
    keep = (sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ") & sbs["nace"].str.fullmatch(r"C\d{2}")
    employment = (
        sbs[keep]
        .dropna(subset=["persons_employed"])
        .rename(columns={"geo": "region", "nace": "industry", "persons_employed": "employment"})
    )
    return measures.lq_table(employment)


def ranking(lq, industry, n):
    return lq[lq["industry"] == industry].sort_values("lq", ascending=False)["region"].head(n).tolist()


def test_the_hook_figures(lq):
    row = lq[(lq["region"] == "FR62") & (lq["industry"] == "C30")].iloc[0]
    assert row["employment"] == 32776
    assert round(100 * row["employment"] / row["region_total"]) == 28
    assert round(100 * row["industry_total"] / row["total"], 1) == 2.4
    assert round(row["lq"], 2) == 11.76


def test_the_clusters_the_text_names_are_where_the_data_put_them(lq):
    assert ranking(lq, "C30", 1) == ["FR62"]  # Midi-Pyrénées, aircraft
    assert ranking(lq, "C22", 1) == ["FR72"]  # Auvergne, rubber and plastics
    assert set(ranking(lq, "C15", 5)) >= {"ITI3", "ITI1", "ES23", "ES52"}  # footwear and leather
    assert "ITI1" in ranking(lq, "C13", 3)  # Tuscany, textiles
    c29 = lq[lq["industry"] == "C29"]
    assert c29.sort_values("employment", ascending=False)["region"].iloc[0] == "DE11"
    assert ranking(lq, "C29", 6)[-1] == "DE11"  # Stuttgart ranks sixth by quotient


def test_the_small_denominator_trap(lq):
    small = lq[lq["region"].isin(["ES63", "ES64"])]
    assert (small["region_total"] < 400).all()
    assert (small.sort_values("lq", ascending=False)["lq"].head(2) > 4).all()


def test_france_against_midi_pyrenees():
    sbs = data.load("eurostat_sbs_regions_2015")
    keep = (sbs["geo"].str.len() == 2) & sbs["nace"].str.fullmatch(r"C\d{2}")
    countries = (
        sbs[keep]
        .dropna(subset=["persons_employed"])
        .rename(columns={"geo": "region", "nace": "industry", "persons_employed": "employment"})
    )
    france = measures.lq_table(countries).query("region == 'FR' and industry == 'C30'")["lq"].iloc[0]
    assert round(france) == 2


def test_the_dartboard_example_matches_the_text():
    shares = [0.40, 0.25, 0.15, 0.10, 0.05, 0.05]
    plants = [50, 30, 10, 5, 5, 5, 3, 2, 2, 1]
    assert round(measures.herfindahl(plants), 2) == 0.28
    assert measures.herfindahl([50, 50]) == 0.5
    draws = measures.dartboard(shares, plants, n=5000, seed=2015)
    assert (draws["G"] > 0).all()


def test_concentration_ranking_and_confidential_share(lq):
    sbs = data.load("eurostat_sbs_regions_2015")
    keep = (sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ") & sbs["nace"].str.fullmatch(r"C\d{2}")
    cells = sbs[keep]
    assert round(cells["persons_employed"].isna().mean() * 4) == 1  # about one cell in four is confidential
    wide = lq.pivot_table(index="region", columns="industry", values="employment", aggfunc="sum", fill_value=0)
    total = wide.sum(axis=1)
    hoover = {code: measures.hoover(wide[code], total) for code in ["C30", "C22", "C15", "C13", "C29"]}
    ordered = sorted(hoover, key=hoover.get, reverse=True)
    assert ordered[:2] == ["C15", "C30"] and ordered[-1] == "C22"


def test_the_exercise_solutions_run(lq):
    rouen = data.load("urssaf_rouen_employees")
    y2022 = rouen[rouen["year"] == 2022].dropna(subset=["employees"])
    by_sector = y2022.groupby(["commune", "na38"], as_index=False)["employees"].sum()
    lq_rouen = measures.lq_table(by_sector, region="commune", industry="na38", value="employees")
    assert len(lq_rouen[lq_rouen["employment"] >= 200]) >= 10
    weights = lq["region_total"] / lq["total"]
    means = lq.assign(w=weights * lq["lq"]).groupby("industry")["w"].sum()
    assert means.round(10).unique().tolist() == [1.0]
    assert round(measures.location_quotient(6000, 120000, 1800000, 40000000), 2) == 1.11
    assert measures.hoover([0, 0, 1], [0.5, 0.3, 0.2]) == pytest.approx(0.8)
