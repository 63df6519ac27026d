"""Charts carry their labels, locale and kernel-free controls in the reader's language."""

import json

import pytest

from clusterlab import charts, labels



def _spec(chart):
    return json.loads(chart.to_json())


def test_interactive_chart_binds_a_slider_and_a_dropdown():
    spec = _spec(charts.consortium_chart())
    binds = {p["name"]: p["bind"]["input"] for p in spec["params"] if "bind" in p}
    assert binds == {"profit": "range", "fixed_cost": "select"}


def test_static_twin_has_no_inputs():
    spec = _spec(charts.consortium_chart(interactive=False, fixed_cost=60, profit=20))
    assert all("bind" not in p for p in spec["params"])
    values = {p["name"]: p["value"] for p in spec["params"]}
    assert values == {"profit": 20, "fixed_cost": 60.0}


def test_charts_speak_the_language_of_the_notebook():
    labels.set_language("fr")
    fr = _spec(charts.consortium_chart())
    labels.set_language("en")
    en = _spec(charts.consortium_chart())
    assert fr["config"]["locale"]["number"]["decimal"] == ","
    assert en["config"]["locale"]["number"]["decimal"] == "."
    assert labels.label("consortium.n_firms", "fr") in json.dumps(fr, ensure_ascii=False)
    assert labels.label("consortium.n_firms", "en") in json.dumps(en, ensure_ascii=False)
    assert labels.label("consortium.n_firms", "fr") not in json.dumps(en, ensure_ascii=False)


def test_charts_stay_readable_on_a_dark_page():
    spec = _spec(charts.consortium_chart())
    assert spec["background"] == "white"


def test_notebook_output_is_the_vegalite_mimetype_only():
    bundle = charts.consortium_chart()._repr_mimebundle_(None, None)
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert set(data) == {"application/vnd.vegalite.v5+json", "text/plain"}
    assert "cdn" not in json.dumps(data).lower()


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError, match="fixed_cost"):
        charts.consortium_chart(fixed_costs=(-10, 20))
    with pytest.raises(ValueError, match="max_firms"):
        charts.consortium_chart(max_firms=1)


def test_a_prepared_chart_with_new_parameters_is_the_chart_made_with_them():
    """The explorers prepare a chart once and set its parameters at each move of a control: the result
    must be exactly the specification a fresh chart with those values has."""
    import pandas as pd

    from clusterlab import measures

    labels.set_language("fr")
    prepared = charts.Prepared(charts.consortium_chart((60, 120, 240), 30, interactive=False))
    moved = prepared.with_params(profit=80, fixed_cost=240.0)
    assert moved.spec == charts.consortium_chart((60, 120, 240), 80, interactive=False, fixed_cost=240).to_dict()
    assert prepared.spec["params"][0]["value"] == 30  # the prepared chart is left as it was
    fresh = charts.consortium_chart((60, 120, 240), 80, interactive=False, fixed_cost=240)
    assert moved._repr_mimebundle_() == fresh._repr_mimebundle_()  # displayed exactly as Altair does

    lq = measures.lq_table(pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["x", "y", "x", "y"],
                                         "employment": [10, 5, 1, 20]}))
    base = charts.Prepared(charts.lq_chart(lq, ["x"], interactive=False))
    assert (base.with_params(threshold=1.5, min_employment=300).spec
            == charts.lq_chart(lq, ["x"], threshold=1.5, min_employment=300, interactive=False).to_dict())
    with pytest.raises(ValueError, match="no parameter"):
        base.with_params(treshold=1.5)


def test_the_new_economic_geography_chart_binds_model_parameters_and_freeness():
    labels.set_language("fr")
    tomahawk, gaps = charts.neg_data()
    spec = charts.neg_chart(tomahawk, gaps).to_dict()
    binds = {p["name"]: p["bind"]["input"] for p in spec["params"] if "bind" in p}
    assert binds == {"model": "select", "preset": "select", "phi": "range"}
    assert len(json.dumps(spec)) < 200_000  # what the page embeds (bench: page-specific bytes)
    assert "tomahawk" in spec["description"] and "\u202f;" in spec["description"]
    presets = next(p for p in spec["params"] if p["name"] == "preset")["bind"]["labels"]
    assert presets[0] == "μ = 0,4\u202f; σ = 5,0"
    static = charts.neg_chart(tomahawk, gaps, interactive=False, model="fe", preset="0.3-4", phi=0.7).to_dict()
    assert all("bind" not in p for p in static["params"])
    with pytest.raises(ValueError, match="model must be one of"):
        charts.neg_chart(tomahawk, gaps, model="xx")


def test_a_prepared_chart_with_new_tables_is_the_chart_made_with_them():
    labels.set_language("en")
    first = charts.neg_data(["cp"], [(0.4, 5.0)])
    second = charts.neg_data(["cp"], [(0.3, 4.0)])
    for frame in (*first, *second):
        frame["preset"] = "live"
    prepared = charts.Prepared(charts.neg_chart(*first, interactive=False))
    assert prepared.with_data(*second).spec == charts.neg_chart(*second, interactive=False).to_dict()
    with pytest.raises(ValueError, match="datasets with the columns"):
        prepared.with_data(first[0][["phi", "lam"]])


def test_the_labour_pooling_chart_binds_firms_and_shocks_to_the_simulated_grid():
    labels.set_language("fr")
    data = charts.pooling_data(n_firms=(2, 4, 6), shock_sds=(1.0, 2.0), draws=500)
    assert len(data) == 12 and set(data["setting"]) == {"pooled", "isolated"}
    spec = charts.pooling_chart(data).to_dict()
    binds = {p["name"]: p["bind"] for p in spec["params"] if "bind" in p}
    assert (binds["n_firms"]["min"], binds["n_firms"]["max"], binds["n_firms"]["step"]) == (2, 6, 2)
    assert (binds["shock_sd"]["min"], binds["shock_sd"]["max"], binds["shock_sd"]["step"]) == (1.0, 2.0, 1.0)
    assert "bassin d'emploi" in spec["description"]
    static = charts.pooling_chart(data, interactive=False, n_firms=4, shock_sd=2.0).to_dict()
    assert all("bind" not in p for p in static["params"])
    # the simulation's message: pooling pays firms and protects workers
    for (n, sd), group in data.groupby(["n_firms", "shock_sd"]):
        pooled, alone = group.set_index("setting").loc["pooled"], group.set_index("setting").loc["isolated"]
        assert pooled["profit"] > alone["profit"] and pooled["wage_sd"] < alone["wage_sd"]
