"""Maps as charts (clusterlab.charts.maps): Europe in an equal-area projection, every region's location
quotient for the chosen industry, the outermost regions in boxes, and the bar chart's controls driving
the map when both are drawn together."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from clusterlab import charts, data, labels, measures
from clusterlab.charts import maps
from clusterlab.errors import InputError

INDUSTRIES = ["C30", "C23"]


@pytest.fixture(scope="module")
def lq() -> pd.DataFrame:
    sbs = data.load("eurostat_sbs_regions_2015")
    rows = sbs[(sbs["geo"].str.len() == 4) & ~sbs["geo"].str.endswith("ZZ") & sbs["nace"].isin(INDUSTRIES + ["C10"])]
    employment = rows.dropna(subset=["persons_employed"]).rename(
        columns={"geo": "region", "nace": "industry", "persons_employed": "employment"}
    )
    return measures.lq_table(employment)


def views(spec: dict):
    """Every unit view of a (nested) spec."""
    for key in ("vconcat", "hconcat", "concat", "layer"):
        for child in spec.get(key, []):
            yield from views(child)
    if "mark" in spec:
        yield spec


def test_the_map_embeds_every_region_s_figures_and_the_shapes_once(lq):
    spec = maps.lq_map(lq, INDUSTRIES).to_dict()
    assert list(spec["datasets"]) == [maps.SHAPES, maps.FIGURES]
    assert spec["datasets"][maps.SHAPES] == data.shapes("nuts2_shapes")
    figures = pd.DataFrame(spec["datasets"][maps.FIGURES])
    expected = lq[lq["industry"].isin(INDUSTRIES)]
    assert len(figures) == len(expected)
    merged = figures.merge(expected, on=["region", "industry"], suffixes=("", "_lq"))
    assert (merged["lq"] - merged["lq_lq"]).abs().max() < 5e-4
    assert len(json.dumps(spec)) < 400_000
    # shapes are read by name in every view, never copied into one
    assert all(v["data"].get("name") in (maps.SHAPES, maps.FIGURES) for v in views(spec))


def test_europe_is_drawn_equal_area_and_the_outermost_regions_in_boxes(lq):
    spec = maps.lq_map(lq, INDUSTRIES).to_dict()
    europe, boxes = spec["vconcat"]
    assert europe["projection"] == {"type": "azimuthalEqualArea", "rotate": [-10, -52, 0]}
    assert all(code in json.dumps(europe["layer"][0]["transform"]) for code in maps.OUTERMOST)
    assert len(boxes["concat"]) == len(maps.OUTERMOST)
    centres = [b["projection"]["center"] for b in boxes["concat"]]
    assert len({tuple(c) for c in centres}) == len(centres)  # distinct, so Vega-Lite fits each box alone
    canarias = dict(zip(maps.OUTERMOST, centres))["ES70"]
    assert -19 < canarias[0] < -13 and 27 < canarias[1] < 30
    titles = [b["title"]["text"] for b in boxes["concat"]]
    assert titles == [labels.label(f"map.outermost.{code}") for code in maps.OUTERMOST]


def test_the_colours_are_centred_on_one_and_the_threshold_outlines_specialised_regions(lq):
    spec = maps.lq_map(lq, INDUSTRIES, threshold=2.5).to_dict()
    figures = spec["vconcat"][0]["layer"][1]
    scale = figures["encoding"]["color"]["scale"]
    assert scale["type"] == "log" and scale["domainMid"] == 1 and scale["scheme"] == maps.LQ_SCHEME
    calculate = next(t["calculate"] for t in figures["transform"] if t.get("as") == "specialised")
    assert "datum.lq >= threshold && datum.employment >= min_employment" in calculate
    params = {p["name"]: p for p in spec["params"]}
    assert params["threshold"]["value"] == 2.5 and params["industry"]["value"] == "C30"


def test_the_attribution_and_the_description_are_in_the_reader_s_language(lq):
    labels.set_language("fr")
    spec = maps.lq_map(lq, INDUSTRIES).to_dict()
    note = " ".join(spec["title"]["text"])
    assert note.startswith("Cernées de noir\u00a0: les régions spécialisées")
    assert "© EuroGeographics pour les limites administratives" in note
    assert spec["title"]["orient"] == "bottom"
    assert spec["description"] == labels.label("map.lq_description")
    assert "Turquie" in note


def test_with_the_bar_chart_the_map_follows_its_controls(lq):
    spec = charts.lq_chart(lq, industries=INDUSTRIES, with_map=True).to_dict()
    assert [p["name"] for p in spec["params"]] == ["industry", "threshold", "min_employment"]
    assert len(spec["vconcat"]) == 3  # bars, Europe, the boxes
    bars_status = json.dumps(spec["vconcat"][0])
    assert "datum.lq >= threshold && datum.employment >= min_employment" in bars_status
    assert labels.label("lq.description") in spec["description"]
    assert labels.label("map.lq_description") in spec["description"]
    # no control is bound twice
    assert json.dumps(spec).count('"bind"') == 3


def test_a_map_refuses_what_it_cannot_draw(lq):
    with pytest.raises(InputError):
        maps.lq_map(lq, [])
    with pytest.raises(InputError):
        maps.lq_map(lq, INDUSTRIES, industry="C99")


# --------------------------------------------------------------------------- first export markets


@pytest.fixture(scope="module")
def markets() -> pd.DataFrame:
    return charts.markets_data(
        data.load("geodist_pairs"), data.load("wdi_gdp_population"), data.load("geodist_countries")
    )


def test_the_markets_map_follows_the_home_menu_and_the_weights_of_the_bars(markets):
    labels.set_language("en")
    spec = charts.markets_chart(markets, home="MAR", with_map=True).to_dict()
    names = [p["name"] for p in spec["params"]]
    assert names == ["home", "w_distance", "w_border", "w_language", "w_colony", "w_market"]
    assert json.dumps(spec).count('"bind"') == len(names)
    bars, world = spec["vconcat"]
    assert world["projection"] == {"type": "equalEarth"}
    # the map ranks partners with the very transforms of the bars (same index, same score, same order)
    figures = world["layer"][1]
    assert figures["transform"][:4] == bars["transform"][:4]
    assert "datum.rank <= 15" in json.dumps(figures["transform"])
    assert spec["datasets"][maps.WORLD] == data.shapes("world_shapes")
    assert len(spec["datasets"][maps.MARKETS]) == len(markets)
    # the bars and the map read the same rows, held once in the page
    assert list(spec["datasets"]) == [maps.WORLD, maps.MARKETS]
    assert bars["data"] == {"name": maps.MARKETS}


def test_the_markets_map_draws_in_vega(markets):
    # Vega-Lite can order the two views' data so that Vega meets a name before its definition
    # ("Undefined data set name"): drawing the chart proves it does not
    import vl_convert

    labels.set_language("en")
    spec = charts.markets_chart(markets, home="MAR", with_map=True).to_dict()
    svg = vl_convert.vegalite_to_svg(spec, vl_version="5.20")
    partners = markets[markets["home"] == "MAR"]["partner"]
    drawn = {g["id"] for g in data.shapes("world_shapes")["objects"]["countries"]["geometries"]}
    # one shape per country in the background, one per partner drawn, one for the home country
    assert svg.count("<path") >= len(drawn) + len(set(partners) & drawn) + 1


def test_partners_too_small_for_the_world_map_are_named_under_it(markets):
    labels.set_language("fr")
    spec = charts.markets_chart(markets, with_map=True).to_dict()
    note = " ".join(spec["title"]["text"])
    assert note.startswith("Frontières\u00a0: Natural Earth")
    drawn = {g["id"] for g in data.shapes("world_shapes")["objects"]["countries"]["geometries"]}
    names = data.country_names()
    for code in sorted(set(markets["partner"]) - drawn):
        assert str(names[code]) in note, code
    assert "Malte" in note  # Malta, a market of the chapter, too small at 1:110 million
    assert all(len(line) <= 100 for line in spec["title"]["text"])


# --------------------------------------------------------------------------- trade within the Maghreb


def test_the_maghreb_map_colours_the_chosen_exporter_s_partners_by_value():
    labels.set_language("en")
    flows = charts.maghreb_trade(data.load("baci_maghreb_trade"), data.load("geodist_countries"))
    spec = charts.maghreb_map(flows, exporter="TUN").to_dict()
    assert spec["params"][0]["name"] == "exporter" and spec["params"][0]["value"] == "TUN"
    assert spec["projection"]["type"] == "azimuthalEqualArea"
    rows = pd.DataFrame(spec["datasets"][maps.FLOWS])
    assert set(rows["exporter"]) == set(charts.MAGHREB) and len(rows) == len(flows)
    drawn = {g["id"] for g in data.shapes("euromed_shapes")["objects"]["countries"]["geometries"]}
    assert set(charts.MAGHREB) <= drawn
    assert " ".join(spec["title"]["text"]).startswith("Boundaries: Natural Earth")
    with pytest.raises(InputError):
        charts.maghreb_map(flows, exporter="EGY")


# --------------------------------------------------------------------------- the audited region


def test_the_audit_dashboard_maps_every_region_and_outlines_the_audited_one():
    from clusterlab import audit

    labels.set_language("en")
    result = audit.run(audit.eurostat_employment(), "ITH5", "C23")
    spec = audit.dashboard(result).to_dict()
    assert set(spec["datasets"]) >= {maps.SHAPES, maps.FIGURES}
    rows = pd.DataFrame(spec["datasets"][maps.FIGURES])
    assert set(rows["region"]) == set(result.lq_all["region"]) & {
        g["id"] for g in data.shapes("nuts2_shapes")["objects"]["regions"]["geometries"]
    }
    panel = next(p for p in spec["vconcat"] if "projection" in p)
    assert panel["projection"]["type"] == "azimuthalEqualArea"
    assert {"filter": 'datum.region == "ITH5"'} in panel["layer"][2]["transform"]
    assert labels.label("map.attribution_regions") in panel["title"]["subtitle"]


def test_an_outermost_region_is_drawn_alone_and_communes_get_no_map():
    values = pd.DataFrame({"region": ["ES70", "ES30", "FR10"], "lq": [0.4, 1.2, 2.0]})
    spec = maps.region_map(values, "ES70").to_dict()
    assert spec["projection"]["type"] == "mercator" and 'datum.id == \\"ES70\\"' in json.dumps(spec["layer"][0])
    communes = pd.DataFrame({"region": ["76540", "76217"], "lq": [1.5, 0.8]})
    assert maps.region_map(communes, "76540") is None


def test_a_region_map_on_its_own_says_what_it_shows_and_whose_boundaries_it_draws():
    labels.set_language("fr")
    values = pd.DataFrame({"region": ["ITH5", "FR62"], "lq": [1.7, 0.4]})
    spec = maps.region_map(values, "ITH5").to_dict()
    assert "ITH5 Émilie-Romagne" in spec["description"] and spec["description"].startswith("Carte des régions")
    note = " ".join(spec["title"]["text"])
    assert "© EuroGeographics pour les limites administratives" in note and "Canaries" in note
