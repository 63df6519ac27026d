"""Chapter 6 (the cluster as a springboard abroad): what the text says is what the model and the data give."""

from __future__ import annotations

import json

from conftest import ROOT

from clusterlab import charts, data
from clusterlab.models import consortium, diffusion

STEM = "06-cluster-springboard"


def prose(language: str) -> str:
    nb = json.loads((ROOT / "chapters" / language / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_the_diffusion_figures_quoted_are_the_model_s():
    def at(pipelines, local_ties):
        curve = diffusion.summary(pipelines=pipelines, local_ties=local_ties, runs=40, periods=30)
        return diffusion.time_to(curve, 0.5), diffusion.time_to(curve, 0.9), round(100 * curve["share"].iloc[-1], 1)

    assert at(0, 1)[0] == 12 and at(2, 1)[0] == 10 and at(8, 1)[0] == 7 and at(0, 2)[0] == 8
    assert at(2, 0) == (None, None, 19.7) and at(8, 0)[2] == 67.3
    g = diffusion.cluster_graph(local_ties=1, pipelines=0)
    assert sum(1 for *_, d in g.edges(data=True) if d["kind"] == "local") == 8  # "1 local tie means 8 links"
    en, fr = prose("en"), prose("fr")
    for text in (
        "half the firms know by period 12",
        "to period 10, eight pipelines to period 7",
        "bring it to period 8",
        "19.7% of the firms",
        "with eight, 67.3%",
    ):
        assert text in en
    for text in (
        "informées à la période 12",
        "à la période 10, huit canaux à la période 7",
        "l'avancent à la période 8",
        "19,7\u202f% des entreprises",
        "avec huit, 67,3\u202f%",
    ):
        assert text in fr


def test_the_consortium_answers_hold():
    assert (consortium.min_partners(120, 30), consortium.min_partners(240, 30)) == (4, 8)
    assert consortium.min_partners(90, 20) == 5 and consortium.min_partners(150, 40) == 4


def test_the_maghreb_figures_quoted_are_baci_s():
    baci = data.load("baci_maghreb_trade")
    flows = charts.maghreb_trade(baci, data.load("geodist_countries"))
    shares = flows.drop_duplicates("exporter").set_index("exporter")["maghreb_share"].to_dict()
    assert shares == {"DZA": 73.0, "LBY": 59.8, "MAR": 22.7, "MRT": 9.8, "TUN": 65.6}
    top = flows.sort_values("value_musd", ascending=False).head(3)[["exporter", "importer"]].values.tolist()
    assert top == [["DZA", "TUN"], ["DZA", "MAR"], ["TUN", "LBY"]]
    assert round(flows.set_index(["exporter", "importer"]).loc[("DZA", "TUN"), "value_musd"]) == 1467
    by_section = baci[baci["exporter"] == "DZA"].groupby("section")["value_kusd"].sum()
    assert round(100 * by_section[5] / by_section.sum(), 1) == 83.2  # mineral products
    morocco = baci[baci["exporter"] == "MAR"].groupby("section")["value_kusd"].sum()
    assert morocco.idxmax() == 6 and round(100 * morocco.max() / morocco.sum(), 1) == 32.4  # chemicals
    en, fr = prose("en"), prose("fr")
    assert "Algeria sends 73.0%" in en and "Morocco 22.7% and Mauritania 9.8%" in en and "1,467 million" in en
    assert "83.2%" in en and "32.4%" in en and "83,2\u202f%" in fr and "1\u202f467 millions" in fr
    # most of these flows are mineral products (the HS section with fuels)
    within = baci[baci["exporter"].isin(charts.MAGHREB) & baci["importer"].isin(charts.MAGHREB)]

    def minerals(part):
        return round(100 * part.loc[part["section"] == 5, "value_kusd"].sum() / part["value_kusd"].sum(), 1)

    pair = within.groupby(["exporter", "importer"])
    assert minerals(pair.get_group(("DZA", "TUN"))) == 95.0 and minerals(pair.get_group(("DZA", "MAR"))) == 90.2
    assert minerals(within) == 53.4 and "95.0%" in en and "90.2%" in en and "53.4%" in en and "53,4\u202f%" in fr
    assert len(set(baci["exporter"]) | set(baci["importer"])) == 47 and "47 countries in all" in en


def test_the_escp_figures_are_quoted_with_their_source():
    en, fr = prose("en"), prose("fr")
    for text in ("2,700", "3,010", "39 memoranda", "370 cluster-to-cluster", "45 collaboration projects", "12,000"):
        assert text in en
    for text in ("2\u202f700", "3\u202f010", "39 protocoles", "370 rencontres", "45 projets", "12\u202f000"):
        assert text in fr
    assert en.count("eccp2018clusters") == fr.count("eccp2018clusters") >= 2
