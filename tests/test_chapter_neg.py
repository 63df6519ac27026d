"""Chapter 3 (the new economic geography): what the text says is what the data and the models give."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from clusterlab import data
from clusterlab.models import core_periphery as cp
from clusterlab.models import footloose as fe


def prose(language: str) -> str:
    nb = json.loads((ROOT / "chapters" / language / "03-new-economic-geography.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


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


def test_the_opening_cell_prints_every_figure_the_text_quotes():
    for language, expected in (
        ("en", "273 29,049,079 17.7 ITC4 897,520 46"),
        ("fr", "273 29\u202f049\u202f079 17,7 ITC4 897\u202f520 46"),
    ):
        nb = json.loads((ROOT / "chapters" / language / "03-new-economic-geography.ipynb").read_text(encoding="utf-8"))
        [hook] = [c for c in nb["cells"] if c["cell_type"] == "code" and "top10_share" in "".join(c["source"])]
        assert "".join(hook["outputs"][0]["text"]).strip() == expected
