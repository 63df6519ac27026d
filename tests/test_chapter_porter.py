"""Chapter 2 (Porter's cluster): what the text says is what the data and the scorecard give."""

from __future__ import annotations

import json

from conftest import ROOT

from clusterlab import labels
from clusterlab.models import diamond

STEM = "02-porter-cluster"


def notebook(language: str) -> dict:
    return json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))


def prose(language: str) -> str:
    return "\n".join("".join(c["source"]) for c in notebook(language)["cells"] if c["cell_type"] == "markdown")


def test_the_stuttgart_figures_are_eurostat_s():
    from bench.callbacks import chapter_lq

    lq = chapter_lq().set_index(["region", "industry"])
    cars, machines = lq.loc[("DE11", "C29")], lq.loc[("DE11", "C28")]
    assert (int(cars["employment"]), round(cars["lq"], 2)) == (160445, 3.55)
    assert (int(machines["employment"]), round(machines["lq"], 2)) == (159827, 2.68)
    assert (int(cars["region_total"]), int(cars["industry_total"]), int(cars["total"])) == (568493, 2264785, 28523022)
    assert round(cars["industry_total"] / cars["total"] * cars["region_total"], -2) == 45100
    [hook] = [c for c in notebook("fr")["cells"] if c["cell_type"] == "code" and "stuttgart =" in "".join(c["source"])]
    assert "".join(hook["outputs"][0]["text"]).strip() == "160\u202f445 3,55 159\u202f827 2,68"
    en, fr = prose("en"), prose("fr")
    assert "employed 160,445 people" in en and "3.55 times" in en and "159,827" in en and "2.68 times" in en
    assert "employait 160\u202f445 personnes" in fr and "3,55 fois" in fr and "2,68 fois" in fr


def test_the_profile_figures_quoted_are_eurostat_s():
    from bench.callbacks import chapter_lq

    lq = chapter_lq().set_index(["region", "industry"])["lq"].round(2)
    quoted = {("FR62", "C30"): 11.76, ("ITI3", "C15"): 12.20, ("ITH5", "C28"): 2.20, ("ITH5", "C23"): 1.70}
    for key, value in quoted.items():
        assert lq[key] == value, key
        assert f"{value:.2f}" in prose("en") and f"{value:.2f}".replace(".", ",") in prose("fr")
    assert lq.index.get_level_values("region").nunique() == 281  # "any of the 281 regions"
    # the strongest division of Emilia-Romagna is machinery, ahead of C23
    assert lq.loc["ITH5"].idxmax() == "C28"


def test_the_scorecard_reference_follows_the_account_s_summary():
    reference = diamond.CASES["sassuolo"]["scores"]
    assert reference["demand"] == reference["related"] == reference["rivalry"] == 3
    assert reference["factors"] == 2 and reference["chance"] == reference["government"] == 0
    assert diamond.CASES["sassuolo"]["source"] == "enright_tenti_tiles"
    for language in ("en", "fr"):
        assert "enright_tenti_tiles" in prose(language)
    # chance and government: the summary is silent, and the text and the evidence labels say so
    assert "does not mention chance or government" in prose("en") and "ne mentionne ni le hasard" in prose("fr")
    assert "records that silence" in labels.label("diamond.sassuolo.chance", "en")
    assert "enregistre ce silence" in labels.label("diamond.sassuolo.government", "fr")
