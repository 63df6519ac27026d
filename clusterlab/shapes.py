"""Reading the book's TopoJSON shapes (:func:`clusterlab.data.shapes`): the arcs as points, and a shape's
bounding box. The website's build writes the files with the same decoding (``bookbuild/maps.py``)."""

from __future__ import annotations


def arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a TopoJSON topology as lists of (longitude, latitude) points: delta-decoded and
    transformed back to degrees when the topology is quantized, as they are when it is not."""
    transform = topology.get("transform")
    decoded = []
    for arc in topology["arcs"]:
        if transform is None:
            decoded.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for step in arc:
            x, y = x + step[0], y + step[1]
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def bounds(topology: dict, feature: str, code: str) -> tuple[float, float, float, float]:
    """West, south, east and north edges, in degrees, of the shape ``code`` of the object ``feature``."""
    items = topology["objects"][feature]["geometries"]
    item = next((g for g in items if g.get("id") == code), None)
    if item is None:
        raise KeyError(f"no shape {code!r} in the object {feature!r}")
    rings = item["arcs"] if item["type"] == "Polygon" else [r for p in item["arcs"] for r in p]
    used = {i if i >= 0 else ~i for ring in rings for i in ring}
    points = [point for index, arc in enumerate(arcs(topology)) if index in used for point in arc]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
