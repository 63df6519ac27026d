"""Shapes for the book's maps, made when the data are built (``make data``).

The sources are GeoJSON (GISCO's NUTS 2013 regions) and TopoJSON (Natural Earth's countries, as
world-atlas publishes them). The book ships TopoJSON: neighbouring shapes share their borders, so a
simplified map has no gaps or overlaps, and coordinates are quantized to whole numbers, which keeps a
map page small. Vega reads it directly (``format: {type: "topojson", feature: ...}``).

* :func:`features` reads the shapes of a TopoJSON object as Shapely geometries, with their id and
  properties;
* :func:`topology` writes features as one TopoJSON object, the same bytes on every run, each outer
  ring clockwise as d3-geo (Vega's maps) expects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient

from clusterlab import shapes


@dataclass
class Feature:
    """One shape: its id (a NUTS or ISO code), properties to keep, and its geometry (lon/lat degrees)."""

    id: str
    geometry: shapely.Geometry
    properties: dict = field(default_factory=dict)


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _signed_area(points: list[tuple[float, float]]) -> float:
    """Twice the signed area of a ring (shoelace): positive when it turns counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))


def _polygon(rings: list[list[int]], arcs) -> Polygon:
    outer, *holes = (_ring(r, arcs) for r in rings)
    return Polygon(outer, holes)


def features(topo: dict, name: str) -> list[Feature]:
    """The polygons of the TopoJSON object ``name``, in the file's order."""
    arcs = shapes.arcs(topo)
    out = []
    for item in topo["objects"][name]["geometries"]:
        kind = item["type"]
        if kind == "Polygon":
            geometry = _polygon(item["arcs"], arcs)
        elif kind == "MultiPolygon":
            geometry = MultiPolygon([_polygon(p, arcs) for p in item["arcs"]])
        else:
            raise ValueError(f"object {name}: a {kind} is not a region or a country ({item.get('id')})")
        out.append(Feature(str(item.get("id", "")), geometry, dict(item.get("properties", {}))))
    return out


def geojson_features(collection: dict, key: str) -> list[Feature]:
    """The features of a GeoJSON collection, each with the id its property ``key`` gives."""
    return [Feature(str(f["properties"][key]), shape(f["geometry"])) for f in collection["features"]]


def clip(items: Iterable[Feature], west: float, south: float, east: float, north: float) -> list[Feature]:
    """The features that meet a longitude/latitude window, cut to it (their polygons only)."""
    window = box(west, south, east, north)
    out = []
    for item in items:
        if not item.geometry.intersects(window):
            continue
        cut = item.geometry.intersection(window)
        polygons = [
            g for g in getattr(cut, "geoms", [cut]) if isinstance(g, (Polygon, MultiPolygon)) and not g.is_empty
        ]
        if polygons:
            out.append(Feature(item.id, shapely.union_all(polygons), item.properties))
    return out


def rekeyed(topo: dict, name: str, new_id) -> bytes:
    """The TopoJSON object ``name`` of ``topo`` as it is (arcs, rings, quantization unchanged), alone,
    each geometry's id replaced by ``new_id(id)`` ("" for none); the same bytes on every run. For a
    world map whose rings cross the antimeridian, which a planar rewrite would turn round."""
    geometries = []
    for item in topo["objects"][name]["geometries"]:
        geometries.append({**item, "id": new_id(str(item.get("id", "")))})
    out = {**topo, "objects": {name: {**topo["objects"][name], "geometries": geometries}}}
    out.pop("bbox", None)
    text = json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def topology(items: list[Feature], name: str, quantization: float = 1e4, simplify: float = 0.0) -> bytes:
    """Features as one TopoJSON object ``name``: shared borders, quantized coordinates (``quantization``
    steps across the map), each shared border simplified once by Douglas–Peucker with the tolerance
    ``simplify`` (degrees; 0 keeps every point)."""
    import topojson

    def clockwise(geometry: shapely.Geometry) -> shapely.Geometry:
        # d3-geo, which draws the maps in Vega, reads a ring on the sphere: an outer ring must turn
        # clockwise (holes the other way), or the polygon is taken for the rest of the globe.
        if isinstance(geometry, Polygon):
            return orient(geometry, sign=-1.0)
        return MultiPolygon([orient(p, sign=-1.0) for p in geometry.geoms])

    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": f.id,
                "properties": {"id": f.id, **f.properties},
                "geometry": mapping(clockwise(f.geometry)),
            }
            for f in items
        ],
    }
    topo = topojson.Topology(
        collection,
        object_name=name,
        prequantize=quantization,
        toposimplify=simplify,
        topology=True,
        presimplify=False,
    ).to_dict()
    arcs = shapes.arcs(topo)
    for item in topo["objects"][name]["geometries"]:
        item["id"] = item["properties"].pop("id")
        polygons = [item["arcs"]] if item["type"] == "Polygon" else item["arcs"]
        for rings in polygons:
            # A ring made of another ring's arcs (an enclave, such as Brussels, Berlin or the Vatican)
            # keeps that ring's direction: turn it round when it runs the wrong way.
            for k, ring in enumerate(rings):
                if (_signed_area(_ring(ring, arcs)) > 0) == (k == 0):
                    rings[k] = [~i for i in reversed(ring)]
    text = json.dumps(topo, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def requantized(text: bytes, steps: float) -> bytes:
    """A TopoJSON file (as :func:`topology` or :func:`rekeyed` write it) with its coordinates quantized again
    to ``steps`` across the map: the same objects, rings and shared arcs, each arc's points rounded to the
    coarser grid (consecutive points that fall together kept once, every arc keeping two points), written
    again as delta-encoded whole numbers. A map drawn a few hundred pixels wide needs no finer grid, and a
    coarser one writes fewer digits."""
    topo = json.loads(text)
    points = shapes.arcs(topo)
    xs = [x for arc in points for x, _ in arc]
    ys = [y for arc in points for _, y in arc]
    x0, y0 = min(xs), min(ys)
    kx, ky = ((max(xs) - x0) / (steps - 1)) or 1.0, ((max(ys) - y0) / (steps - 1)) or 1.0
    arcs = []
    for arc in points:
        grid = [(round((x - x0) / kx), round((y - y0) / ky)) for x, y in arc]
        kept = [grid[0]]
        for point in grid[1:]:
            if point != kept[-1]:
                kept.append(point)
        if len(kept) < 2:
            kept.append(kept[0])
        arcs.append([list(kept[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(kept, kept[1:])])
    topo["arcs"] = arcs
    topo["transform"] = {"scale": [kx, ky], "translate": [x0, y0]}
    out = json.dumps(topo, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return out.encode("utf-8") + b"\n"
