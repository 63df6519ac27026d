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
