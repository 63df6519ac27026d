"""The shapes of the maps: TopoJSON read and written by bookbuild.maps, and the shipped files, whose ids join
the book's tables (NUTS 2013 codes, ISO alpha-3 codes)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from shapely.geometry import box

from bookbuild import data as build_data
from bookbuild import maps
from clusterlab import data
from clusterlab.data import DataError

DATA = ROOT / "data"

# Two unit squares side by side, [0,1]×[0,1] and [1,2]×[0,1], sharing the edge x = 1, as a quantized
# topology: 3 arcs (left square's outer edge, the shared edge, right square's outer edge), delta-encoded.
TWO_SQUARES = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [0, 0]},
    "objects": {
        "cells": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "A", "arcs": [[0, 1]], "properties": {"name": "left"}},
                {"type": "Polygon", "id": "B", "arcs": [[2, -2]]},
            ],
        }
    },
    "arcs": [
        [[2, 0], [-2, 0], [0, 2], [2, 0]],  # (1,0) → (0,0) → (0,1) → (1,1)
        [[2, 2], [0, -2]],  # (1,1) → (1,0): the shared edge
        [[2, 0], [2, 0], [0, 2], [-2, 0]],  # (1,0) → (2,0) → (2,1) → (1,1)
    ],
}


def test_features_decode_quantized_delta_encoded_arcs_and_reversed_arcs():
    left, right = maps.features(TWO_SQUARES, "cells")
    assert (left.id, left.properties, right.id) == ("A", {"name": "left"}, "B")
    assert left.geometry.equals(box(0, 0, 1, 1)) and right.geometry.equals(box(1, 0, 2, 1))


def test_a_topology_writes_a_shared_border_once_and_the_same_bytes_every_time():
    cells = [maps.Feature("A", box(0, 0, 1, 1)), maps.Feature("B", box(1, 0, 2, 1), {"name": "right"})]
    text = maps.topology(cells, "cells", quantization=1e5)
    assert text == maps.topology(cells, "cells", quantization=1e5)
    topo = json.loads(text)
    assert len(topo["arcs"]) == 3
    back = maps.features(topo, "cells")
    assert [f.id for f in back] == ["A", "B"] and back[1].properties == {"name": "right"}
    for before, after in zip(cells, back):
        assert after.geometry.symmetric_difference(before.geometry).area < 1e-4  # one step of 2/99,999


def test_clip_cuts_to_the_window_and_leaves_out_what_lies_outside():
    cells = [maps.Feature("in", box(0, 0, 4, 4)), maps.Feature("out", box(10, 10, 11, 11))]
    (cut,) = maps.clip(cells, 1, 1, 2, 3)
    assert cut.id == "in" and cut.geometry.equals(box(1, 1, 2, 3))


def test_features_refuse_what_is_not_an_area():
    topo = {
        "type": "Topology",
        "arcs": [[[0, 0], [1, 1]]],
        "objects": {"x": {"geometries": [{"type": "LineString", "arcs": [0]}]}},
    }
    with pytest.raises(ValueError, match="LineString"):
        maps.features(topo, "x")


# --------------------------------------------------------------------------- the shipped shapes


def shipped(name: str) -> list[maps.Feature]:
    topo = data.shapes(name)
    return maps.features(topo, data.describe(name)["topojson"]["object"])


def test_every_region_with_employment_figures_has_one_shape_and_every_shape_a_region():
    regions = data.load("nuts2_regions")
    shapes = shipped("nuts2_shapes")
    ids = [f.id for f in shapes]
    assert len(ids) == len(set(ids)) == 320
    assert set(ids) == set(regions.loc[regions["has_geometry"], "geo"])
    with_figures = regions[(regions["values_in_employment_table"] > 0) & (regions["status"] != "extra_regio")]
    assert set(with_figures["geo"]) <= set(ids)
    # Rounding to the map's grid can make a ring touch itself at a point (a narrow neck of land): Vega
    # draws it as it is. What must hold is that every shape keeps its area.
    from shapely import make_valid

    for shape in shapes:
        geometry = shape.geometry
        assert geometry.area > 0, shape.id
        if not geometry.is_valid:
            assert make_valid(geometry).area == pytest.approx(geometry.area, rel=0.01), shape.id
    # Emilia-Romagna lies where it should (longitude 9.2–12.8° E, latitude 43.7–45.2° N)
    west, south, east, north = next(f for f in shapes if f.id == "ITH5").geometry.bounds
    assert 9 < west < east < 13 and 43.5 < south < north < 45.5


def test_countries_carry_their_iso_alpha3_code_as_the_book_tables_do():
    import pycountry

    world = shipped("world_shapes")
    coded = [f for f in world if f.id]
    assert len(coded) >= 170 and {"FRA", "MAR", "TUN", "DZA", "ITA"} <= {f.id for f in coded}
    for f in coded:
        assert pycountry.countries.get(alpha_3=f.id) is not None, f.id
    countries = data.load("map_countries")
    geodist = set(data.load("geodist_countries")["iso3"])
    assert set(countries["iso3"].dropna()) == {f.id for f in coded} | {f.id for f in shipped("euromed_shapes") if f.id}
    assert (countries["in_geodist"] == countries["iso3"].isin(geodist)).all()
    assert countries["in_world_map"].sum() == len(world) and countries["in_euromed_map"].sum() == len(
        shipped("euromed_shapes")
    )
    no_code = countries.loc[countries["iso3"].isna(), "name_natural_earth"]
    assert "Kosovo" in set(no_code)
    assert any(", ".join(sorted(no_code)) in step for step in data.describe("map_countries")["cleaning"])


def test_the_euromed_close_up_stays_in_its_window_and_shows_the_maghreb_and_its_european_partners():
    close = shipped("euromed_shapes")
    west, south, east, north = build_data.EUROMED
    window = box(west - 0.01, south - 0.01, east + 0.01, north + 0.01)
    for f in close:
        assert window.contains(f.geometry), f.id
    assert {"MAR", "DZA", "TUN", "LBY", "FRA", "ESP", "ITA", "DEU"} <= {f.id for f in close}
    # Natural Earth's de facto lines, as the description says: the part of Western Sahara that Morocco
    # administers is drawn with Morocco (which reaches south of 22° N), the rest as its own shape
    by_id = {f.id: f for f in close}
    assert by_id["MAR"].geometry.bounds[1] < 22 and "W. Sahara" == by_id["ESH"].properties["name"]
    assert by_id["MAR"].geometry.intersection(by_id["ESH"].geometry).area < 1e-6


def test_shapes_and_tables_are_read_each_their_way():
    assert set(data.shape_files()) == {"nuts2_shapes", "world_shapes", "euromed_shapes"}
    assert not set(data.shape_files()) & set(data.tables())
    with pytest.raises(DataError, match=r"data\.shapes\('world_shapes'\)"):
        data.load("world_shapes")
    with pytest.raises(DataError, match="nuts2_shapes"):
        data.shapes("nuts2_regions")


def test_outer_rings_turn_clockwise_as_d3_draws_them_enclaves_included():
    """d3-geo (Vega's maps) reads a ring on the sphere: an outer ring turning the other way would be taken
    for the rest of the globe. Brussels, Prague and Berlin, enclaves in their neighbours, are the test."""
    for name in ("nuts2_shapes", "euromed_shapes"):
        for f in shipped(name):
            for polygon in getattr(f.geometry, "geoms", [f.geometry]):
                assert not polygon.exterior.is_ccw, (name, f.id)
                assert all(ring.is_ccw for ring in polygon.interiors), (name, f.id)
    enclaves = {f.id for f in shipped("nuts2_shapes") if f.id in ("BE10", "CZ01", "DE30")}
    assert enclaves == {"BE10", "CZ01", "DE30"}


def test_the_world_map_keeps_natural_earths_arcs_as_world_atlas_wrote_them_on_a_coarser_grid():
    from clusterlab import shapes

    sources = build_data.DEFAULT_SOURCES / build_data.NATURAL_EARTH / "countries-110m.json"
    if not sources.is_file():
        pytest.skip("the source datasets are not beside this clone")
    source = json.loads(sources.read_text(encoding="utf-8"))
    world = data.shapes("world_shapes")
    # the same rings made of the same arcs…
    assert [g["arcs"] for g in world["objects"]["countries"]["geometries"]] == [
        g["arcs"] for g in source["objects"]["countries"]["geometries"]
    ]
    # …each arc running between the same ends, on the grid the data's step states (4,000 steps across the map)
    assert build_data.WORLD_STEPS == 4000
    kx, ky = world["transform"]["scale"]
    assert kx == pytest.approx(360 / (build_data.WORLD_STEPS - 1), rel=0.01)
    ours, theirs = shapes.arcs(world), shapes.arcs(source)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        for end in (0, -1):
            assert abs(a[end][0] - b[end][0]) <= kx / 2 + 1e-9 and abs(a[end][1] - b[end][1]) <= ky / 2 + 1e-9


def test_requantizing_keeps_the_rings_and_rounds_each_point_to_the_grid():
    topo = {
        "type": "Topology",
        "transform": {"scale": [0.001, 0.001], "translate": [0, 0]},
        "arcs": [[[0, 0], [1000, 0], [1, 1], [0, 1000]], [[1001, 1001], [-1001, -1001]]],
        "objects": {
            "x": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "id": "A", "arcs": [[0, 1]]}]}
        },
    }
    coarse = json.loads(maps.requantized(json.dumps(topo).encode(), 11))
    assert coarse["objects"] == topo["objects"]
    assert coarse["transform"]["scale"] == pytest.approx([0.1001, 0.1001]) and coarse["transform"]["translate"] == [
        0,
        0,
    ]
    # (1.000, 0) and (1.001, 0.001) fall on the same point of the coarse grid: kept once
    assert coarse["arcs"][0] == [[0, 0], [10, 0], [0, 10]]
    assert coarse["arcs"][1] == [[10, 10], [-10, -10]]
    assert maps.requantized(json.dumps(topo).encode(), 11) == maps.requantized(json.dumps(topo).encode(), 11)


def test_a_shape_s_bounds_are_read_in_degrees():
    from clusterlab import shapes

    topology = data.shapes("nuts2_shapes")
    feature = data.describe("nuts2_shapes")["topojson"]["object"]
    west, south, east, north = shapes.bounds(topology, feature, "ES70")  # Canarias
    assert -18.5 < west < east < -13.0
    assert 27.0 < south < north < 29.5
    with pytest.raises(KeyError, match="XX99"):
        shapes.bounds(topology, feature, "XX99")
