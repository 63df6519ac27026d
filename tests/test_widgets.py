"""The JupyterLab twins: controls labelled in the reader's language, outputs redrawn on change."""

import io

import pytest

from clusterlab import labels, widgets
from clusterlab.models import core_periphery as cp


def test_explorer_labels_follow_the_language():
    labels.set_language("fr")
    explorer = widgets.consortium_explorer()
    slider, menu = explorer.children[0].children
    assert slider.description == labels.label("consortium.profit_short", "fr")
    assert [name for name, _ in menu.options] == ["60", "120", "240"]


def test_explorer_draws_a_chart_and_a_table_and_redraws_on_change():
    explorer = widgets.consortium_explorer(profit=30)
    first = explorer.output.outputs
    assert len(first) == 2
    assert "application/vnd.vegalite.v5+json" in first[0]["data"]
    assert "text/html" in first[1]["data"]
    slider = explorer.children[0].children[0]
    slider.value = 80
    assert explorer.output.outputs != first
    assert '"value": 80' in str(explorer.output.outputs[0]["data"]).replace("'", '"')
    assert repr(explorer) == "consortium_explorer (profit=80, fixed_cost=120.0)"


def _upload(explorer, name: str, content: bytes) -> None:
    import datetime

    explorer.children[1].value = (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 1, 1),
        },
    )


def test_lq_explorer_reads_an_uploaded_file_and_reports_bad_ones():
    from clusterlab import data, measures

    labels.set_language("en")
    start = measures.lq_table(
        data.read_employment(io.BytesIO(b"region;industry;employment\nA;C30;10\nA;C22;5\nB;C30;1\nB;C22;20\n"))
    )
    explorer = widgets.lq_explorer(start)
    assert "application/vnd.vegalite.v5+json" in explorer.output.outputs[1]["data"]
    _upload(explorer, "mine.csv", b"region;industry;employment\nA;x;10\nA;y;5\nB;x;1\nB;y;20\n")
    assert "mine.csv: 4 rows read" in explorer.output.outputs[0]["data"]["text/html"]
    labels.set_language("fr")
    four = b"region;industry;employment\nA;x;10\nA;y;5\nB;x;1\nB;y;20\n"
    assert "4 lignes lues" in data.summary(data.read_employment(io.BytesIO(four)))
    assert explorer.values()["industry"] == "x"
    # an industry or a region with no employee at all has no quotient: left out, and the note says so
    _upload(explorer, "zeros.csv", b"region;industry;employment\nA;x;10\nA;y;5\nA;z;0\nB;x;1\nB;y;20\nB;z;0\nC;x;0\n")
    note = explorer.output.outputs[0]["data"]["text/html"]
    assert "zeros.csv" in note and "1 industrie et 1 région." in note
    assert "application/vnd.vegalite.v5+json" in explorer.output.outputs[1]["data"]
    assert [code for _, code in explorer._controls["industry"].options] == ["x", "y"]
    _upload(explorer, "bad.csv", b"region;industry;employment\nA;x;-3\n")
    message = explorer.output.outputs[0]["data"]["text/html"]
    # the reader reads French: the error too
    assert "DataError" in message and "effectifs négatifs (ligne 2)" in message and "bad.csv" in message


def test_neg_explorer_solves_any_parameters_and_names_the_black_hole():
    labels.set_language("fr")
    explorer = widgets.neg_explorer()
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    assert next(p for p in spec["params"] if p["name"] == "phi")["value"] == 0.3
    explorer._controls["phi"].value = 0.12
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    assert next(p for p in spec["params"] if p["name"] == "phi")["value"] == 0.12
    explorer._controls["mu"].value = 0.3  # new equilibria, computed for (0.3, 5)
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    gaps = next(rows for rows in spec["datasets"].values() if "gap" in rows[0])
    assert gaps[0]["phi_b"] == pytest.approx(cp.break_point(0.3, 5.0))
    explorer._controls["mu"].value = 0.8
    explorer._controls["sigma"].value = 1.5  # σ(1 − μ) = 0.3: the black hole
    message = explorer.output.outputs[0]["data"]["text/html"]
    assert "trou noir" in message and "InputError" in message  # in the reader's language


def test_pooling_explorer_simulates_any_number_of_firms():
    labels.set_language("en")
    explorer = widgets.pooling_explorer()
    explorer._controls["n_firms"].value = 7
    explorer._controls["shock_sd"].value = 2.3
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    rows = next(rows for rows in spec["datasets"].values() if rows and "setting" in rows[0])
    assert {(r["n_firms"], r["shock_sd"]) for r in rows} == {(7, 2.3)}
    values = {p["name"]: p["value"] for p in spec["params"]}
    assert values == {"n_firms": 7, "shock_sd": 2.3}
    pooled, alone = (next(r for r in rows if r["setting"] == s) for s in ("pooled", "isolated"))
    assert pooled["profit"] > alone["profit"] and pooled["unemployment"] < alone["unemployment"]


def test_the_name_of_an_uploaded_file_is_shown_as_text_not_markup():
    from clusterlab import data, measures

    labels.set_language("en")
    start = measures.lq_table(
        data.read_employment(io.BytesIO(b"region;industry;employment\nA;x;1\nA;y;2\nB;x;3\nB;y;1\n"))
    )
    explorer = widgets.lq_explorer(start)
    _upload(explorer, "<img src=x onerror=alert(1)>.csv", b"region;industry;employment\nA;x;10\nA;y;5\nB;x;1\nB;y;20\n")
    note = explorer.output.outputs[0]["data"]["text/html"]
    assert "<img" not in note and "&lt;img src=x onerror=alert(1)&gt;.csv" in note


def test_diamond_explorer_compares_only_once_the_account_is_shown():
    from clusterlab.models import diamond

    labels.set_language("fr")
    explorer = widgets.diamond_explorer()
    assert len(explorer.output.outputs) == 1  # the chart alone: score first, compare after
    for key, value in {"factors": 1, "demand": 3, "related": 2, "rivalry": 3, "chance": 2, "government": 0}.items():
        explorer._controls[key].value = value
    explorer._controls["reveal"].value = True
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    values = {p["name"]: p["value"] for p in spec["params"]}
    assert values == {
        "factors": 1,
        "demand": 3,
        "related": 2,
        "rivalry": 3,
        "chance": 2,
        "government": 0,
        "reveal": True,
    }
    html = explorer.output.outputs[1]["data"]["text/html"]
    assert labels.label("diamond.sassuolo.demand") in html and "Conditions de la demande" in html
    gaps = diamond.compare({k: v for k, v in values.items() if k != "reveal"})
    assert list(gaps["gap"].dropna()) == [-1, 0, -1, 0] and gaps["gap"].isna().sum() == 2
    # chance and government, on which the account is silent: shown as not assessed, not as a gap
    assert (
        html.count(labels.label("diamond.not_assessed")) == 2 and html.count(labels.label("diamond.not_counted")) == 2
    )


def test_profile_explorer_offers_every_region_and_draws_the_chosen_one():
    from bench.callbacks import chapter_lq

    labels.set_language("en")
    lq = chapter_lq()
    explorer = widgets.profile_explorer(lq, region="ITH5")
    menu = explorer._controls["region"]
    assert len(menu.options) == lq["region"].nunique()
    assert ("ITH5 Emilia-Romagna", "ITH5") in menu.options
    menu.value = "DE11"
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    rows = next(rows for rows in spec["datasets"].values() if rows and "lq" in rows[0])
    assert {r["region"] for r in rows} == {"DE11"}
    top = max(rows, key=lambda r: r["lq"])
    assert top["industry"] == labels.label("nace.C29") and top["lq"] > 3
    with pytest.raises(ValueError, match="XX99"):
        widgets.profile_explorer(lq, region="XX99")


def test_markets_explorer_takes_any_home_and_refuses_all_zero_weights():
    from clusterlab import data

    labels.set_language("en")
    explorer = widgets.markets_explorer(
        data.load("geodist_pairs"), data.load("wdi_gdp_population"), data.load("geodist_countries"), home="SEN"
    )
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    rows = next(rows for rows in spec["datasets"].values() if rows and "partner" in rows[0])
    assert {r["home"] for r in rows} == {"SEN"}
    explorer._controls["colony"].value = 2.5
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    assert {p["name"]: p["value"] for p in spec["params"]}["w_colony"] == 2.5
    for key in ("distance", "border", "language", "colony"):
        explorer._controls[key].value = 0
    assert "at least one component" in explorer.output.outputs[0]["data"]["text/html"]


def test_diffusion_explorer_simulates_any_setting():
    labels.set_language("fr")
    explorer = widgets.diffusion_explorer()
    explorer._controls["pipelines"].value = 12
    explorer._controls["p"].value = 0.5
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    rows = next(rows for rows in spec["datasets"].values() if rows and "period" in rows[0])
    assert {(r["pipelines"], r["local_ties"]) for r in rows} == {(12, 1)}
    assert rows[-1]["share"] == pytest.approx(1.0)


def test_lockin_explorer_simulates_any_returns_and_preferences():
    labels.set_language("en")
    explorer = widgets.lockin_explorer()
    explorer._controls["r"].value = 0.037
    explorer._controls["gap"].value = 0.3
    spec = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]
    runs = next(rows for rows in spec["datasets"].values() if rows and "upper" in rows[0])
    assert {r["r"] for r in runs} == {0.037} and runs[0]["upper"] == pytest.approx(0.3 / 0.037)
    assert {p["name"]: p["value"] for p in spec["params"]}["returns"] == 0.037
    explorer._controls["gap"].value = 0.6
    explorer._controls["r"].value = 0.0
    assert "text/html" not in explorer.output.outputs[0]["data"]  # constant returns: a chart, no error


def test_policy_explorer_recomputes_the_panel_and_tabulates_every_estimate():
    from clusterlab.models import policy

    labels.set_language("fr")
    explorer = widgets.policy_explorer(firms=600)
    explorer._controls["strength"].value = 3.0
    explorer._controls["decline"].value = 4.0
    outputs = explorer.output.outputs
    assert len(outputs) == 2
    html = outputs[1]["data"]["text/html"]
    p = policy.panel(strength=3.0, effect=2.0, decline=4.0, firms=600, seed=1)
    for value in (policy.naive(p), policy.diff_in_diff(p), policy.diff_in_diff(p, by=None)):
        assert labels.fmt_number(value, 2) in html
    assert labels.label("policy.across") in html
    labels.set_language("en")


def test_lq_explorer_maps_nuts2_regions_and_says_plainly_when_a_file_has_none():
    from clusterlab import data, measures

    labels.set_language("fr")
    sbs = data.load("eurostat_sbs_regions_2015")
    nuts2 = (sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ")
    rows = sbs[nuts2 & sbs["nace"].isin(["C23", "C30"])].dropna(subset=["persons_employed"])
    start = measures.lq_table(
        rows.rename(columns={"geo": "region", "nace": "industry", "persons_employed": "employment"})
    )
    explorer = widgets.lq_explorer(start, industries=["C23", "C30"])
    charts_shown = [o["data"] for o in explorer.output.outputs if "application/vnd.vegalite.v5+json" in o["data"]]
    assert len(charts_shown) == 2  # the bars, then the map
    the_map = charts_shown[1]["application/vnd.vegalite.v5+json"]
    assert the_map["vconcat"][0]["projection"]["type"] == "azimuthalEqualArea"
    assert "bind" not in str(the_map["params"])  # the explorer's sliders set it, not inputs of its own
    explorer._controls["threshold"].value = 3.5
    the_map = explorer.output.outputs[2]["data"]["application/vnd.vegalite.v5+json"]
    assert {p["name"]: p["value"] for p in the_map["params"]}["threshold"] == 3.5
    # communes: the bars, and a note instead of a map
    _upload(explorer, "communes.csv", b"region;industry;employment\n76540;x;10\n76540;y;5\n76217;x;1\n76217;y;20\n")
    outputs = explorer.output.outputs
    assert sum("application/vnd.vegalite.v5+json" in o["data"] for o in outputs) == 1
    assert "Pas de carte" in outputs[-1]["data"]["text/html"]
