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


def france_c30() -> float:
    """France's quotient in C30 with the countries as regions (the chapter's MAUP comparison)."""
    sbs = data.load("eurostat_sbs_regions_2015")
    keep = (sbs["geo"].str.len() == 2) & sbs["nace"].str.fullmatch(r"C\d{2}")
    countries = (
        sbs[keep]
        .dropna(subset=["persons_employed"])
        .rename(columns={"geo": "region", "nace": "industry", "persons_employed": "employment"})
    )
    return measures.lq_table(countries).query("region == 'FR' and industry == 'C30'")["lq"].iloc[0]


def test_france_against_midi_pyrenees():
    france = france_c30()
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


# --- the chapter's self-check questions (clusterlab/questions/04-measuring-clusters.yml) -----------------


def _question(qid):
    from clusterlab import questions

    return questions.all_questions()[qid]


def _specialised(rows, controls):
    """The rows the chart colours as specialised under ``controls``: the browser's rule, on the rounded quotient."""
    part = rows[rows["industry"] == controls["industry"]]
    return part[(part["lq"] >= controls["threshold"]) & (part["employment"] >= controls["min_employment"])]


def test_question_lq_by_hand_share_and_its_wrong_answers():
    q = _question("lq-by-hand-share")
    assert q.answer.value == pytest.approx(
        measures.location_quotient(12500, 250000, 400000, 20000000), abs=q.answer.tolerance
    )
    inverse, share = (w.value for w in q.answer.wrong)
    assert inverse == pytest.approx(1 / measures.location_quotient(12500, 250000, 400000, 20000000), abs=1e-9)
    assert share == pytest.approx(12500 / 400000)  # the region's share of the industry: concentration


def test_question_stuttgart_sixth(lq):
    c29 = lq[lq["industry"] == "C29"]
    assert c29.sort_values("employment", ascending=False)["region"].iloc[0] == "DE11"
    assert ranking(lq, "C29", 6).index("DE11") == 5
    assert _question("lq-stuttgart-sixth").right == [0, 1]


def test_question_read_the_map_c30(lq):
    from clusterlab.charts.maps import LEFT_OUT, region_map_rows

    q = _question("lq-read-specialised-c30")
    regions = data.load("nuts2_regions")
    drawn = set(regions.loc[regions["has_geometry"], "geo"])
    rows = region_map_rows(lq, ["C30", "C22", "C15", "C13", "C29", "C23"])
    rows = rows[rows["region"].isin(drawn) & ~rows["region"].str[:2].isin(LEFT_OUT)]
    assert len(_specialised(rows, q.chart["controls"])) == pytest.approx(q.answer.value, abs=q.answer.tolerance)


def test_question_read_the_bars_c22(lq):
    from clusterlab.charts.measures import lq_rows

    q = _question("lq-read-min-employment-c22")
    controls = q.chart["controls"]
    bars = lq_rows(lq, ["C30", "C22", "C15", "C13", "C29", "C23"], 15)  # the rows the bar chart draws
    blue = _specialised(bars, controls)
    assert len(blue) == q.answer.value
    # the wrong answer 5: Åland counted, as with a minimum employment of 0
    [forgot] = q.answer.wrong
    assert len(_specialised(bars, controls | {"min_employment": 0})) == forgot.value
    aland = lq.query("region == 'FI20' and industry == 'C22'").iloc[0]
    assert aland["lq"] >= controls["threshold"] and aland["employment"] == 194
    assert set(blue["region"]) == {"FR72", "DE93", "DE91", "DEB2"}  # Auvergne and three German regions


def test_question_tiny_region(lq):
    aland = lq.query("region == 'FI20' and industry == 'C22'").iloc[0]
    assert (aland["employment"], aland["region_total"], round(aland["lq"], 1)) == (194, 873, 3.8)
    assert ranking(lq, "C22", 2) == ["FR72", "FI20"]
    assert _question("lq-tiny-region").right == [0]


def test_question_hoover_by_hand():
    q = _question("hoover-by-hand")
    value = measures.hoover([0.2, 0.3, 0.5], [0.6, 0.3, 0.1])
    assert q.answer.value == pytest.approx(value, abs=q.answer.tolerance)
    no_half, percent = (w.value for w in q.answer.wrong)
    assert no_half == pytest.approx(2 * value) and percent == pytest.approx(100 * value)


def test_question_maup_figures():
    assert round(france_c30()) == 2
    assert _question("maup-france-midi-pyrenees").right == [0]
    assert _question("raw-concentration-large-plants").right == [0]


def test_the_urssaf_solution_quotes_what_the_code_gives():
    import json

    from conftest import ROOT

    rouen = data.load("urssaf_rouen_employees")
    y2022 = rouen[rouen["year"] == 2022].dropna(subset=["employees"])
    by_sector = y2022.groupby(["commune", "na38"], as_index=False)["employees"].sum()
    lq_rouen = measures.lq_table(by_sector, region="commune", industry="na38", value="employees")
    assert (int(by_sector["employees"].sum()), by_sector["commune"].nunique()) == (183731, 208)
    top = lq_rouen[lq_rouen["employment"] >= 200].sort_values("lq", ascending=False).head(3)
    rows = [(r.region, r.industry, int(r.employment), round(r.lq)) for r in top.itertuples()]
    assert rows == [("76753", "CI", 290, 255), ("76402", "CJ", 268, 67), ("76743", "CA", 567, 39)]
    first = top.iloc[0]
    assert (int(first["region_total"]), int(first["industry_total"])) == (307, 681)
    assert int(top.iloc[2]["region_total"]) == 612  # "567 of 612"
    names = data.load("urssaf_communes").set_index("commune")["name"]
    assert [names[r[0]] for r in rows] == ["Ymare", "Malaunay", "Villers-Écalles"]

    def solution(language: str) -> str:
        nb = json.loads((ROOT / "chapters" / language / "04-measuring-clusters.ipynb").read_text(encoding="utf-8"))
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        return text[text.index(":::{solution} ex-urssaf") :][:2000]

    en, fr = solution("en"), solution("fr")
    for text in (
        "183,731 employees in 208 communes",
        "290 of its 307 employees, against 681",
        "about 255",
        "268 employees, about 67",
        "567 employees, about 39",
        "(290 of 307, 567 of 612)",
    ):
        assert text in en, text
    for text in (
        "183\u202f731 salariés dans 208 communes",
        "290 de ses 307 salariés, contre 681",
        "environ 255",
        "268 salariés, environ 67",
        "567 salariés, environ 39",
        "(290 sur 307, 567 sur 612)",
    ):
        assert text in fr, text
    for name in ("Ymare", "Malaunay", "Villers-Écalles"):
        assert name in en and name in fr
