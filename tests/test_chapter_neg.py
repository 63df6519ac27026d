"""Chapter 3 (the new economic geography): what the text says is what the data and the models give."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, chapter_prose

from clusterlab import data
from clusterlab.models import core_periphery as cp
from clusterlab.models import footloose as fe


def prose(language: str) -> str:
    return chapter_prose("03-new-economic-geography", language)


def test_the_opening_figures_are_eurostat_s():
    sbs = data.load("eurostat_sbs_regions_2015")
    regions = sbs[(sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ") & (sbs["nace"] == "C")]
    published = regions.dropna(subset=["persons_employed"]).sort_values("persons_employed", ascending=False)
    total = int(published["persons_employed"].sum())
    share = published["persons_employed"].head(10).sum() / total
    assert (len(published), len(regions) - len(published)) == (273, 46)
    assert (total, round(100 * share, 1)) == (29_049_079, 17.7)
    assert published.iloc[0]["geo"] == "ITC4" and round(published.iloc[0]["persons_employed"], -3) == 898_000
    en, fr = prose("en"), prose("fr")
    assert "17.7% of the 29,049,079" in en and "273 regions" in en and "46 more regions" in en and "898,000" in en
    assert "17,7\u202f% des 29\u202f049\u202f079" in fr and "273 régions" in fr and "46 autres régions" in fr


@pytest.mark.parametrize("language, sep", [("en", "."), ("fr", "{,}")])
def test_the_points_quoted_are_the_models(language, sep):
    text = prose(language)
    assert cp.break_point(0.4, 5) == pytest.approx(1 / 7) and f"\\approx 0{sep}143" in text
    assert round(cp.sustain_point(0.4, 5), 3) == 0.094 and f"\\approx 0{sep}094" in text
    assert fe.break_point(0.4, 5) == pytest.approx(23 / 33) and f"\\approx 0{sep}697" in text
    assert round(fe.sustain_point(0.4, 5), 3) == 0.695 and f"\\approx 0{sep}695" in text
    assert cp.break_point(0.3, 4) == pytest.approx(3 / 13) and f"(13/3)^{{1/3}} \\approx 1{sep}630" in text
    assert round((13 / 3) ** (1 / 3), 3) == 1.630


def test_the_exercise_answers_hold():
    # five equilibria at φ = 0.12, three of them stable; the core is stable there (hysteresis)
    eq = cp.equilibria(0.12, 0.4, 5)
    assert len(eq) == 5 and [lam for lam, stable in eq if stable] == [0.0, 0.5, 1.0]
    assert cp.sustain_point(0.4, 5) < 0.12 < cp.break_point(0.4, 5) < 0.20
    # overlap widths quoted in exercise 4, and "about thirty times narrower"
    cp_width = cp.break_point(0.4, 5) - cp.sustain_point(0.4, 5)
    fe_width = fe.break_point(0.4, 5) - fe.sustain_point(0.4, 5)
    assert round(cp_width, 3) == 0.049 and round(fe_width, 4) == 0.0015 and 25 < cp_width / fe_width < 35
    with pytest.raises(ValueError, match="black hole"):
        cp.break_point(0.8, 4)


@pytest.mark.parametrize("language, sep", [("en", "."), ("fr", "{,}")])
def test_the_bombing_exercise_is_the_model_s(language, sep):
    """Exercise ex-neg-bombs: at φ = 0.12 a shock to λ = 0.9 ends in the core, one to λ = 0.6 is undone;
    below the sustain point (φ = 0.08) the spread is the only equilibrium."""
    eq = cp.equilibria(0.12, 0.4, 5)
    unstable = [lam for lam, stable in eq if not stable]
    assert [round(lam, 3) for lam in unstable] == [0.167, 0.833] and (1.0, True) in [(lam, bool(s)) for lam, s in eq]
    # from λ = 0.9 workers keep moving to region 1 all the way to the core; from λ = 0.6 they move back to ½
    assert all(cp.wage_gap(lam, 0.12, 0.4, 5) > 0 for lam in (0.84, 0.9, 0.95, 1.0))
    assert all(cp.wage_gap(lam, 0.12, 0.4, 5) < 0 for lam in (0.51, 0.6, 0.7, 0.8, 0.83))
    assert round(cp.wage_gap(0.9, 0.12, 0.4, 5), 3) == 0.007 and round(cp.wage_gap(0.6, 0.12, 0.4, 5), 3) == -0.005
    assert 0.08 < cp.sustain_point(0.4, 5) and cp.equilibria(0.08, 0.4, 5) == [(0.5, True)]
    text = prose(language)
    assert "ex-neg-bombs" in text and "(neg-evidence)=" in text
    for quoted in (f"0{sep}167", f"0{sep}833", f"\\approx 0{sep}007", f"\\approx -0{sep}005"):
        assert quoted in text, quoted
    assert "equilibria(0.08, 0.4, 5)" in text and "wage_gap(0.9, 0.12, 0.4, 5)" in text


def test_the_opening_cell_prints_every_figure_the_text_quotes():
    for language, expected in (
        ("en", "273 29,049,079 17.7 ITC4 897,520 46"),
        ("fr", "273 29\u202f049\u202f079 17,7 ITC4 897\u202f520 46"),
    ):
        nb = json.loads((ROOT / "chapters" / language / "03-new-economic-geography.ipynb").read_text(encoding="utf-8"))
        [hook] = [c for c in nb["cells"] if c["cell_type"] == "code" and "top10_share" in "".join(c["source"])]
        assert "".join(hook["outputs"][0]["text"]).strip() == expected


# --- the chapter's self-check questions (clusterlab/questions/03-new-economic-geography.yml) ------------------


def question(qid: str):
    from clusterlab import questions

    found = questions.all_questions()[qid]
    assert found.chapter == "03-new-economic-geography"
    return found


def near(value: float, q) -> bool:
    return abs(value - q.answer.value) <= q.answer.tolerance + 1e-12


def test_the_questions_by_hand_are_the_models():
    q = question("neg-freeness-by-hand")
    assert near(1.25 ** (1 - 5), q)
    exponent_reversed, one_over_t, minus_sigma = (w.value for w in q.answer.wrong)
    assert round(1.25 ** (5 - 1), 2) == exponent_reversed
    assert round(1 / 1.25, 2) == one_over_t and round(1.25**-5, 2) == minus_sigma
    q = question("neg-break-point-by-hand")
    assert near(cp.break_point(0.2, 6), q)
    rho = 5 / 6
    no_second_factor, second_factor_only = (w.value for w in q.answer.wrong)
    assert round((rho - 0.2) / (rho + 0.2), 3) == no_second_factor and round(0.8 / 1.2, 3) == second_factor_only
    q = question("neg-fe-break-point-by-hand")
    assert near(fe.break_point(0.3, 4), q)
    a, b = 0.3 / 3, 0.3 / 4
    assert fe.break_point(0.3, 4) == pytest.approx((1 - a) * (1 - b) / ((1 + a) * (1 + b)))
    core_periphery_formula, first_factor_only = (w.value for w in q.answer.wrong)
    assert (
        round(cp.break_point(0.3, 4), 3) == core_periphery_formula and round((1 - a) / (1 + a), 3) == first_factor_only
    )
    # the black hole: σ(1 − μ) = 1 is refused
    assert 2 * (1 - 0.5) == 1
    with pytest.raises(ValueError, match="black hole"):
        cp.break_point(0.5, 2)
    assert [o.correct for o in question("neg-black-hole").options] == [True, False, False]


def test_the_trade_cost_stories_are_the_model_s():
    # φ from 0.05 to 0.50: only the spread, then only the two agglomerations
    assert cp.equilibria(0.05, 0.4, 5) == [(0.5, True)]
    assert [lam for lam, stable in cp.equilibria(0.5, 0.4, 5) if stable] == [0.0, 1.0]
    assert [o.correct for o in question("neg-freer-trade").options] == [True, False, False]
    # back at φ = 0.12 the core is still a stable equilibrium (hysteresis)
    assert (1.0, True) in [(lam, bool(s)) for lam, s in cp.equilibria(0.12, 0.4, 5)]
    assert [o.correct for o in question("neg-hysteresis-not-mistake").options] == [True, False, False]


def chart_points(model: str, preset: str, phi: float):
    """What the lower panel's caption writes (φ_S and φ_B to three decimals) for these controls, as the chart
    filters its rows (abs(datum.phi − phi) < 0.005), and the stable equilibria the top panel draws at φ."""
    tomahawk, gaps = cp.neg_data()
    [row] = gaps[
        (gaps["model"] == model) & (gaps["preset"] == preset) & ((gaps["phi"] - phi).abs() < 0.005)
    ].itertuples()
    lines = tomahawk[(tomahawk["model"] == model) & (tomahawk["preset"] == preset)]
    spans = lines.groupby(["branch", "stable"])["phi"].agg(["min", "max"]).reset_index()
    solid = spans[spans["stable"] & (spans["min"] <= phi) & (spans["max"] >= phi)]["branch"].tolist()
    return round(row.phi_s, 3), round(row.phi_b, 3), sorted(solid)


def test_the_tomahawk_questions_read_what_the_chart_draws():
    grid = [round(0.02 * k, 2) for k in range(1, 50)]
    q = question("neg-read-stable-cp")
    controls = q.chart["controls"]
    assert q.chart["cell"] == "cell-10" and controls == {"model": "cp", "preset": "0.3-4", "phi": 0.22}
    phi_s, phi_b, solid = chart_points(**controls)
    assert (phi_s, phi_b) == (0.195, 0.231) and phi_s < controls["phi"] < phi_b
    assert len(solid) == 3 and [lam for lam, s in cp.equilibria(0.22, 0.3, 4) if s] == [0.0, 0.5, 1.0]
    assert [o.correct for o in q.options] == [True, False, False]
    q = question("neg-read-overlap")
    controls = q.chart["controls"]
    phi_s, phi_b, solid = chart_points(**controls)
    assert (phi_s, phi_b) == (0.395, 0.409) and near(phi_b - phi_s, q)
    assert near(cp.break_point(0.2, 6) - cp.sustain_point(0.2, 6), q)  # the exact width rounds the same way
    other_preset, summed = (w.value for w in q.answer.wrong)
    assert round(cp.break_point(0.4, 5) - cp.sustain_point(0.4, 5), 3) == other_preset
    assert round(phi_s + phi_b, 3) == summed and len(solid) == 3  # φ = 0.40 is inside the overlap
    q = question("neg-read-footloose")
    controls = q.chart["controls"]
    assert controls == {"model": "fe", "preset": "0.4-5", "phi": 0.7}
    phi_s, phi_b, solid = chart_points(**controls)
    assert q.answer.value == len(solid) == len([lam for lam, s in fe.equilibria(0.7, 0.4, 5) if s]) == 2
    assert phi_b == 0.697 < controls["phi"]
    assert [w.value for w in q.answer.wrong] == [1, 3]
    for qid in ("neg-read-stable-cp", "neg-read-overlap", "neg-read-footloose"):
        assert question(qid).chart["controls"]["phi"] in grid


# --- the exercises that run the notebook on the book's data ----------------------------------------------------


def exercises(language: str) -> str:
    nb = json.loads((ROOT / "chapters" / language / "03-new-economic-geography.ipynb").read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"] if c.get("id") == "cell-16"]
    return "".join(cell["source"])


def opening_manufacturing():
    sbs = data.load("eurostat_sbs_regions_2015")
    regions = sbs[(sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ") & (sbs["nace"] == "C")]
    return regions.dropna(subset=["persons_employed"]).sort_values("persons_employed", ascending=False)


def test_the_half_of_europe_exercise_is_the_data_s():
    manufacturing = opening_manufacturing()
    jobs = manufacturing["persons_employed"]
    to_half = int((jobs.cumsum() / jobs.sum() < 0.5).sum() + 1)
    assert (to_half, len(manufacturing)) == (54, 273) and jobs.head(to_half).sum() >= jobs.sum() / 2
    assert round(100 * jobs.head(20).sum() / jobs.sum(), 1) == 27.9
    en, fr = exercises("en"), exercises("fr")
    assert "the 54 largest regions, about a fifth of the 273" in en and "the 20 largest hold 27.9%" in en
    assert "les 54 plus grandes régions, environ un cinquième des 273" in fr
    assert "en détiennent 27,9\u202f%" in fr


def test_the_italy_exercise_is_the_data_s():
    manufacturing = opening_manufacturing()
    italy = manufacturing[manufacturing["geo"].str.startswith("IT")]
    total = italy["persons_employed"].sum()
    shares = {
        area: round(100 * italy.loc[italy["geo"].str.startswith(area), "persons_employed"].sum() / total, 1)
        for area in ("ITC", "ITH", "ITI", "ITF", "ITG")
    }
    assert (len(italy), int(total)) == (21, 3_618_487)
    assert shares == {"ITC": 36.3, "ITH": 30.6, "ITI": 17.3, "ITF": 12.4, "ITG": 3.3}
    north = italy.loc[italy["geo"].str[:3].isin(["ITC", "ITH"]), "persons_employed"].sum() / total
    assert round(100 * north, 1) == 66.9
    en, fr = exercises("en"), exercises("fr")
    assert "3,618,487" in en and "3\u202f618\u202f487" in fr
    for value in [*shares.values(), 66.9]:
        assert f"{value:.1f}%" in en and f"{value:.1f}".replace(".", ",") + "\u202f%" in fr
