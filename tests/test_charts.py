"""Charts carry their labels, locale and kernel-free controls in the reader's language."""

import json

import pytest

from clusterlab import charts, labels
from clusterlab.models import core_periphery, labour_pooling


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

    lq = measures.lq_table(
        pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["x", "y", "x", "y"], "employment": [10, 5, 1, 20]})
    )
    base = charts.Prepared(charts.lq_chart(lq, ["x"], interactive=False))
    assert (
        base.with_params(threshold=1.5, min_employment=300).spec
        == charts.lq_chart(lq, ["x"], threshold=1.5, min_employment=300, interactive=False).to_dict()
    )
    with pytest.raises(ValueError, match="pas de paramètre"):  # the reader reads French
        base.with_params(treshold=1.5)


def test_the_new_economic_geography_chart_binds_model_parameters_and_freeness():
    labels.set_language("fr")
    tomahawk, gaps = core_periphery.neg_data()
    spec = charts.neg_chart(tomahawk, gaps).to_dict()
    binds = {p["name"]: p["bind"]["input"] for p in spec["params"] if "bind" in p}
    assert binds == {"model": "select", "preset": "select", "phi": "range"}
    assert len(json.dumps(spec)) < 200_000  # what the page embeds (bench: page-specific bytes)
    assert "tomahawk" in spec["description"] and "\u202f;" in spec["description"]
    presets = next(p for p in spec["params"] if p["name"] == "preset")["bind"]["labels"]
    assert presets[0] == "μ = 0,4\u202f; σ = 5,0"
    static = charts.neg_chart(tomahawk, gaps, interactive=False, model="fe", preset="0.3-4", phi=0.7).to_dict()
    assert all("bind" not in p for p in static["params"])
    with pytest.raises(ValueError, match="model doit valoir l'une des valeurs"):
        charts.neg_chart(tomahawk, gaps, model="xx")


def test_a_prepared_chart_with_new_tables_is_the_chart_made_with_them():
    labels.set_language("en")
    first = core_periphery.neg_data(["cp"], [(0.4, 5.0)])
    second = core_periphery.neg_data(["cp"], [(0.3, 4.0)])
    for frame in (*first, *second):
        frame["preset"] = "live"
    prepared = charts.Prepared(charts.neg_chart(*first, interactive=False))
    assert prepared.with_data(*second).spec == charts.neg_chart(*second, interactive=False).to_dict()
    with pytest.raises(ValueError, match="exactly one dataset with the columns"):
        prepared.with_data(first[0][["phi", "lam"]])


def test_the_labour_pooling_chart_binds_firms_and_shocks_to_the_simulated_grid():
    labels.set_language("fr")
    data = labour_pooling.pooling_data(n_firms=(2, 4, 6), shock_sds=(1.0, 2.0), draws=500)
    assert len(data) == 12 and set(data["setting"]) == {"pooled", "isolated"}
    spec = charts.pooling_chart(data).to_dict()
    binds = {p["name"]: p["bind"] for p in spec["params"] if "bind" in p}
    assert (binds["n_firms"]["min"], binds["n_firms"]["max"], binds["n_firms"]["step"]) == (2, 6, 2)
    assert (binds["shock_sd"]["min"], binds["shock_sd"]["max"], binds["shock_sd"]["step"]) == (1.0, 2.0, 1.0)
    assert "bassin d'emploi" in spec["description"]
    static = charts.pooling_chart(data, interactive=False, n_firms=4, shock_sd=2.0).to_dict()
    assert all("bind" not in p for p in static["params"])
    # the simulation's message: pooling pays firms and protects workers
    for _, group in data.groupby(["n_firms", "shock_sd"]):
        pooled, alone = group.set_index("setting").loc["pooled"], group.set_index("setting").loc["isolated"]
        assert pooled["profit"] > alone["profit"] and pooled["wage_sd"] < alone["wage_sd"]


def _svg(chart) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_json())


def test_the_diamond_scorecard_hides_the_account_until_asked_and_counts_the_gap():
    from clusterlab.models import diamond

    labels.set_language("en")
    spec = charts.diamond_chart().to_dict()
    binds = {
        p["name"]: p["bind"]["input"]
        for p in spec["vconcat"][0].get("params", []) + spec.get("params", [])
        if "bind" in p
    }
    assert binds == {**{k: "range" for k in diamond.DETERMINANTS}, "reveal": "checkbox"}
    mine = {"factors": 1, "demand": 3, "related": 2, "rivalry": 3, "chance": 2, "government": 0}
    hidden = _svg(charts.diamond_chart(scores=mine, interactive=False))
    assert all(line in hidden for line in labels.label("diamond.before_reveal").split("\n"))
    assert hidden.count('aria-roledescription="bar"') == len(diamond.DETERMINANTS)  # the reader's bars only
    shown = _svg(charts.diamond_chart(scores=mine, interactive=False, reveal=True))
    # the account is silent on chance and government: not assessed, so the gap counts 4 rows out of 12 points
    total = diamond.distance(mine)
    assert total == 2 and diamond.most() == 12
    assert labels.plural("diamond.gap_total", 2, most=12) in shown and "2 points out of 12" in shown
    assert all(line in shown for line in diamond.silent_note("sassuolo").split("\n"))
    assert "Chance, Government." in shown and "not counted as wrong" in shown
    # each silent row carries the note in place of the account's bar, only once the account is shown
    assert shown.count(labels.label("diamond.not_assessed")) == 2 and labels.label("diamond.not_assessed") not in hidden
    published = {k: 0 if v is None else v for k, v in diamond.case_study("sassuolo")["scores"].items()}
    one = {**published, "factors": published["factors"] - 1}  # one point from the account
    assert "1 point out of 12" in _svg(charts.diamond_chart(scores=one, interactive=False, reveal=True))
    credited = {**published, "chance": 3, "government": 3}  # crediting the silent corners costs nothing
    assert "0 points out of 12" in _svg(charts.diamond_chart(scores=credited, interactive=False, reveal=True))
    labels.set_language("fr")  # French: 0 and 1 are singular
    french = _svg(charts.diamond_chart(scores=credited, interactive=False, reveal=True))
    assert "0 point sur 12" in french and "Hasard, Pouvoirs publics." in french
    labels.set_language("en")
    # the reader's six bars, and the account's bars only where it assesses
    assert shown.count('aria-roledescription="bar"') == len(diamond.DETERMINANTS) + len(diamond.assessed())
    with pytest.raises(ValueError, match="whole number from 0 to 3"):
        charts.diamond_chart(scores={**mine, "demand": 5})


def test_the_profile_chart_shows_the_chosen_region_s_industries_by_name():
    from bench.callbacks import chapter_lq

    labels.set_language("fr")
    lq = chapter_lq()
    rows = charts.profile_data(lq, ["ITH5", "DE11"])
    assert len(rows) == len(lq[lq["region"].isin(["ITH5", "DE11"])])
    assert set(rows["region_label"]) == {"ITH5 Émilie-Romagne", "DE11 Stuttgart"}
    spec = charts.profile_chart(rows).to_dict()
    menu = next(p["bind"] for p in spec["params"] if p["name"] == "region")
    assert menu["options"] == ["ITH5", "DE11"] and menu["labels"] == ["ITH5 Émilie-Romagne", "DE11 Stuttgart"]
    svg = _svg(charts.profile_chart(rows, interactive=False, region="ITH5"))
    assert labels.label("nace.C23") in svg.replace("&apos;", "'")
    with pytest.raises(ValueError, match="introuvables"):
        charts.profile_data(lq, ["ITH5", "XX99"])


def test_the_tiles_chart_keeps_every_production_figure_with_its_source_and_date():
    from clusterlab import data

    labels.set_language("en")
    tiles = data.load("italian_tiles")
    spec = charts.tiles_chart(tiles).to_dict()
    rows = next(rows for rows in spec["datasets"].values() if rows and "source_date" in rows[0])
    production = tiles[tiles["indicator"] == "production"]
    assert len(rows) == len(production)
    assert {(r["year"], r["production"]) for r in rows} == set(zip(production["year"], production["value"]))
    assert all(r["source"] and r["source_date"] for r in rows)
    with pytest.raises(ValueError, match="source_date"):
        charts.tiles_chart(tiles.drop(columns=["source_date"]))


def test_the_first_markets_chart_ranks_in_the_browser_as_the_model_does():
    from clusterlab import data
    from clusterlab.models import psychic_distance

    labels.set_language("en")
    pairs, gdp, countries = data.load("geodist_pairs"), data.load("wdi_gdp_population"), data.load("geodist_countries")
    rows = charts.markets_data(pairs, gdp, countries, homes=["MAR", "FRA"])
    spec = charts.markets_chart(rows).to_dict()
    binds = {p["name"]: p["bind"]["input"] for p in spec["params"] if "bind" in p}
    assert binds == {
        "home": "select",
        "w_distance": "range",
        "w_border": "range",
        "w_language": "range",
        "w_colony": "range",
        "w_market": "range",
    }
    weights = {"distance": 2.0, "border": 0.5, "language": 1.0, "colony": 0.0}
    static = charts.markets_chart(rows, interactive=False, home="MAR", top=5, weights=weights, market_weight=2.0)
    svg = _svg(static)
    expected = psychic_distance.rank("MAR", pairs, gdp, weights=weights, market_weight=2.0).head(5)
    names = countries.set_index("iso3")["country_en"]
    positions = [svg.find(f">{names[p]}<") for p in expected["partner"]]
    assert all(pos > 0 for pos in positions) and positions == sorted(positions)  # same five, same order
    assert svg.count('aria-roledescription="bar"') == 5


def test_the_diffusion_chart_says_when_half_the_firms_know_or_that_they_never_do():
    from clusterlab.models import diffusion

    labels.set_language("en")
    curves = diffusion.diffusion_data(pipelines=(0, 4), local_ties=(0, 1), runs=10, periods=20)
    assert len(curves) == 4 * 21
    cut = diffusion.summary(pipelines=0, local_ties=0, runs=10, periods=20)
    assert diffusion.time_to(cut, 0.5) is None
    assert labels.label("diffusion.never_half") in _svg(charts.diffusion_chart(curves, False, 0, 0))
    joined = curves[(curves["pipelines"] == 4) & (curves["local_ties"] == 1)]
    first = diffusion.time_to(joined, 0.5)
    text = labels.label("diffusion.half_at").replace("{period}", str(first))
    assert first is not None and text in _svg(charts.diffusion_chart(curves, False, 4, 1))


def test_the_arthur_chart_shows_the_barriers_and_says_when_a_run_locks_in():
    from clusterlab.models import lockin

    labels.set_language("en")
    paths, runs = lockin.arthur_data(returns=(0.0, 0.02), runs=3, adopters=400)
    assert paths["d"].abs().max() <= lockin.ARTHUR_SPAN + 10  # paths stop once off the chart
    hit = lockin.lock_in(lockin.arthur_path(400, r=0.02, seed=2))
    assert hit is not None
    svg = _svg(charts.arthur_chart(paths, runs, interactive=False, r=0.02, run=2))
    text = labels.label("lockin.locked").replace("{tech}", hit[0]).replace("{at}", f"{hit[1]:,}")
    assert text in svg
    said = labels.label("lockin.barrier") + ": "
    assert svg.count(f'aria-label="{said}') == 2 and f"{said}−10" in svg  # the two barriers
    flat = _svg(charts.arthur_chart(paths, runs, interactive=False, r=0.0, run=2))
    assert labels.label("lockin.never") in flat and said not in flat
    spec = _spec(charts.arthur_chart(paths, runs))
    assert {p["name"]: p["bind"]["input"] for p in spec["params"]} == {"returns": "select", "run": "range"}


def test_the_urn_chart_writes_the_final_share_of_the_chosen_run():
    from clusterlab.models import lockin

    labels.set_language("fr")
    shares = lockin.urn_data(runs=4, draws=100)
    final = 100 * lockin.polya_path(100, seed=3)["share_red"].iloc[-1]
    text = labels.label("urn.final").replace("{share}", labels.fmt_number(final, 1))
    assert text in _svg(charts.urn_chart(shares, interactive=False, run=3))
    labels.set_language("en")


@pytest.mark.parametrize("combo", [("low", "high", "high"), ("high", "low", "low"), ("low", "low", "high")])
def test_the_governance_chart_highlights_the_type_the_table_gives(combo):
    from clusterlab.models import gvc

    labels.set_language("en")
    answer = gvc.governance(*combo)
    svg = _svg(charts.gvc_chart(False, *combo))
    assert labels.label(f"gvc.{answer}.what") in svg
    assert svg.count('fill="#1f5fa8"') == (1 if answer in gvc.TYPES else 0)
    spec = _spec(charts.gvc_chart())
    assert {p["name"]: p["bind"]["input"] for p in spec["params"]} == {
        "complexity": "radio",
        "codifiability": "radio",
        "capability": "radio",
    }


def test_the_policy_chart_shows_the_estimates_of_the_chosen_setting():
    from clusterlab.models import policy

    labels.set_language("en")
    paths, estimates = policy.policy_data(strengths=(0.0, 2.0), effects=(2.0,), declines=(0.0, 3.0), firms=400)
    p = policy.panel(strength=2.0, effect=2.0, decline=3.0, firms=400, seed=1)
    naive, did = policy.naive(p), policy.diff_in_diff(p)
    svg = _svg(charts.policy_chart(paths, estimates, interactive=False, strength=2.0, effect=2.0, decline=3.0))
    for value in (2.0, naive, did):
        assert f"{value:+.1f}".replace("-", "−") in svg
    assert naive < 0 < did
    spec = _spec(charts.policy_chart(paths, estimates))
    assert {p["name"]: p["bind"]["input"] for p in spec["params"]} == {
        "strength": "range",
        "effect": "select",
        "decline": "select",
    }


def test_the_control_helpers_bind_a_labelled_input_only_on_the_website():
    from clusterlab.charts.base import checkbox, choice, slider

    def spec(parameter):
        return parameter.param.to_dict()

    labels.set_language("fr")
    assert spec(slider("t", "lq.threshold", 2.0, 1, 6, 0.25)) == {
        "name": "t",
        "value": 2.0,
        "bind": {"input": "range", "min": 1, "max": 6, "step": 0.25, "name": labels.label("lq.threshold") + " "},
    }
    menu = spec(choice("m", "neg.model", "cp", ["cp", "fe"], lambda m: labels.label(f"neg.model_{m}")))["bind"]
    assert menu["input"] == "select" and menu["options"] == ["cp", "fe"]
    assert menu["labels"] == [labels.label("neg.model_cp"), labels.label("neg.model_fe")]
    assert spec(choice("c", "gvc.capability", "low", ["high", "low"], radio=True))["bind"] == {
        "input": "radio",
        "options": ["high", "low"],
        "name": labels.label("gvc.capability") + " ",
    }
    assert spec(checkbox("r", "diamond.reveal", False))["bind"] == {
        "input": "checkbox",
        "name": labels.label("diamond.reveal") + " ",
    }

    def no_label(option):
        raise AssertionError("labels are for the website's inputs only")

    twins = [
        slider("t", "lq.threshold", 2.0, 1, 6, 0.25, interactive=False),
        choice("m", "neg.model", "live", ["live"], no_label, interactive=False),
        checkbox("r", "diamond.reveal", True, interactive=False),
    ]
    assert [spec(p) for p in twins] == [
        {"name": "t", "value": 2.0},
        {"name": "m", "value": "live"},
        {"name": "r", "value": True},
    ]


def test_the_melitz_chart_computes_in_the_browser_the_shares_the_model_gives():
    from clusterlab.charts.evidence import melitz_expressions
    from clusterlab.models import melitz

    def written(key: str, share: float) -> str:
        return labels.label(key).replace("{share}", labels.fmt_number(100 * share, 1))

    labels.set_language("fr")
    chart = charts.melitz_chart()
    spec = _spec(chart)
    binds = {p["name"]: p["bind"] for p in spec["params"] if "bind" in p}
    assert {name: (b["input"], b["min"], b["max"]) for name, b in binds.items()} == {
        "tau": ("range", 1.0, 3.0),
        "fx": ("range", 1.0, 5.0),
    }
    computed = {p["name"]: p["expr"] for p in spec["params"] if "expr" in p}
    assert computed == melitz_expressions(melitz.SIGMA, melitz.SHAPE)
    assert "σ = 4 et le paramètre de Pareto k = 4,25 sont des valeurs d'illustration" in spec["description"]
    assert len(json.dumps(spec)) < 30_000  # what the page embeds
    svg = _svg(chart)  # drawn by Vega at the sliders' starting values
    args = (melitz.TAU, melitz.FX_RATIO, 1.0, melitz.SIGMA, melitz.SHAPE)
    share, sales = melitz.share_exporting(*args), melitz.exporter_share_of_sales(*args)
    assert written("charts.melitz.share", share) in svg  # "… exportent : 18,5 %"
    assert written("charts.melitz.sales", sales) in svg
    assert "18,5\u202f%" in svg and labels.label("charts.melitz.cutoff") in svg

    labels.set_language("en")
    moved = _svg(charts.melitz_chart(interactive=False, tau=2.0, fx=3.0))
    share = melitz.share_exporting(2.0, 3.0, 1.0, melitz.SIGMA, melitz.SHAPE)
    assert written("charts.melitz.share", share) in moved
    assert written("charts.melitz.sales", melitz.exporter_share_of_sales(2.0, 3.0, 1.0, 4.0, 4.25)) in moved
    rows = next(iter(spec["datasets"].values()))
    assert rows[0] == {"phi": 1.0, "density": melitz.SHAPE}  # the density drawn is the model's
    with pytest.raises(ValueError, match="tau") as err:
        charts.melitz_chart(tau=0.5)
    assert err.value.code == "checks.low"
    with pytest.raises(ValueError) as err:
        charts.melitz_chart(k=3.0)
    assert err.value.code == "models.melitz.shape"


def forest_test_rows():
    """Test data, made up: no study, estimate or source here is real."""
    import pandas as pd

    return pd.DataFrame(
        {
            "question": ["agglo", "agglo", "agglo", "premium", "premium"],
            "study": ["Study A", "Study B", "Study C", "Study D", "Study E"],
            "estimate": [0.05, 0.03, 0.08, 0.6, -0.1],
            "low": [0.03, None, 0.05, 0.5, -0.3],
            "high": [0.07, None, 0.11, 0.7, 0.1],
            "unit": ["elasticity (made up)"] * 3 + ["log points (made up)"] * 2,
            "source": ["Made-up table 1"] * 3 + ["Made-up table 2"] * 2,
            "year": [2001, 2005, 2010, 2007, 2012],
        }
    )


def test_the_forest_chart_draws_a_panel_per_question_with_its_unit_and_every_interval_given():
    labels.set_language("fr")
    rows = forest_test_rows()
    titles = {"agglo": "Agglomération (test)", "premium": "Prime des exportatrices (test)"}
    chart = charts.forest_chart(rows, titles=titles)
    spec = _spec(chart)
    assert [panel["title"]["text"] for panel in spec["vconcat"]] == list(titles.values())
    units = [panel["layer"][-1]["encoding"]["x"]["title"] for panel in spec["vconcat"]]
    assert units == ["elasticity (made up)", "log points (made up)"]
    assert spec["description"].startswith("Estimations publiées") and titles["agglo"] in spec["description"]
    assert labels.label("charts.forest.reference_note") in spec["description"]
    data = next(rows for rows in spec["datasets"].values() if len(rows) == 5)
    assert [r["interval"] for r in data] == [
        "[0,03\u202f; 0,07]",
        "non publié",
        "[0,05\u202f; 0,11]",
        "[0,5\u202f; 0,7]",
        "[−0,3\u202f; 0,1]",
    ]
    # the tooltip writes numbers to three significant digits, however many the data carry
    tips = {t["field"]: t for t in spec["vconcat"][0]["layer"][-1]["encoding"]["tooltip"]}
    assert tips["estimate"]["format"] == ".3~r"
    long = charts.forest_chart(
        rows.assign(low=[0.0123456789, None, 0.05, 0.5, -0.312345], high=[0.0712, None, 0.11, 0.7, 1.23456]),
        titles=titles,
    )
    data = next(rows for rows in _spec(long)["datasets"].values() if len(rows) == 5)
    assert [r["interval"] for r in data][::4] == ["[0,0123\u202f; 0,0712]", "[−0,312\u202f; 1,23]"]
    svg = _svg(chart)
    assert svg.count('aria-roledescription="point"') == 5
    assert svg.count('aria-roledescription="rule mark"') == 4 + 2  # four intervals, a zero rule per panel
    assert "Étude\u00a0: Study B; " not in svg and "Étude: Study B; " in svg  # Vega's own aria-label
    assert "Source: Made-up table 2" in svg
    labels.set_language("en")
    bare = charts.forest_chart(rows, titles=titles, reference={"premium": 0.0})
    assert _svg(bare).count('aria-roledescription="rule mark"') == 4 + 1
    none = _spec(charts.forest_chart(rows, titles=titles, reference=None))
    assert labels.label("charts.forest.reference_note") not in none["description"]


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda r: r.drop(columns=["source"]), "charts.needs_columns"),
        (lambda r: r.iloc[:0], "charts.empty"),
        (lambda r: r.assign(estimate=["x", 1, 2, 3, 4]), "charts.forest_numbers"),
        (lambda r: r.assign(low=[0.09, None, 0.05, 0.5, -0.3]), "charts.forest_interval"),
        (lambda r: r.assign(high=[0.07, 0.04, 0.11, 0.7, 0.1]), "charts.forest_interval"),
        (lambda r: r.assign(study=["Study A", "Study A", "Study C", "Study D", "Study E"]), "charts.forest_duplicates"),
        (lambda r: r.assign(unit=["a", "b", "a", "c", "c"]), "charts.forest_units"),
    ],
)
def test_the_forest_chart_refuses_a_table_it_cannot_draw(change, code):
    from clusterlab.errors import InputError

    titles = {"agglo": "A", "premium": "P"}
    with pytest.raises(InputError) as err:
        charts.forest_chart(change(forest_test_rows()), titles=titles)
    assert err.value.code == code


def test_the_forest_chart_needs_a_title_for_every_question():
    from clusterlab.errors import InputError

    labels.set_language("fr")
    with pytest.raises(InputError, match="pas de titre de vignette pour les questions \\['premium'\\]") as err:
        charts.forest_chart(forest_test_rows(), titles={"agglo": "A"})
    labels.set_language("en")
    assert err.value.code == "charts.forest_titles"
