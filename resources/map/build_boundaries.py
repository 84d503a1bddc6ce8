"""Rebuild resources/map/departements.geojson and regions.geojson from france-geojson
(github.com/gregoiredavid/france-geojson, IGN Admin Express COG 2018, Licence Ouverte):

    python3 resources/map/build_boundaries.py SOURCE_DIR

SOURCE_DIR holds departements-version-simplifiee.geojson, regions-version-simplifiee.geojson
and regions/<région>/departements-<région>.geojson (for each département's région).
Metropolitan France only (Lambert-93 covers it; overseas venues are listed beside the
map). Each ring is simplified with Douglas–Peucker at TOLERANCE metres in Lambert-93,
then written in WGS84 with 4 decimals (about 10 m), as RFC 7946 asks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from desktop.core.map.projection import lambert93  # noqa: E402

TOLERANCE = 700.0  # metres
OVERSEAS = ("971", "972", "973", "974", "976")


def simplify(points: list, tolerance: float) -> list:
    """Douglas–Peucker on (lon, lat) points, distances measured in Lambert-93 metres."""
    projected = [lambert93(lat, lon) for lon, lat in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = projected[first], projected[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = projected[i]
            if length:
                distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > farthest:
                farthest, index = distance, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _ring(ring: list) -> list | None:
    # A closed ring: its two ends are the same point; split it in two halves to simplify.
    middle = len(ring) // 2
    points = simplify(ring[: middle + 1], TOLERANCE)[:-1] + simplify(ring[middle:], TOLERANCE)
    points = [[round(lon, 4), round(lat, 4)] for lon, lat in points]
    return points if len(points) >= 4 else None


def _geometry(geometry: dict) -> dict | None:
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    kept = []
    for polygon in polygons:
        rings = [r for r in (_ring(ring) for ring in polygon) if r]
        if rings and len(rings[0]) >= 4:
            kept.append(rings)
    if not kept:
        return None
    return (
        {"type": "Polygon", "coordinates": kept[0]}
        if len(kept) == 1
        else {"type": "MultiPolygon", "coordinates": kept}
    )


def build(source: Path) -> None:
    regions = json.loads((source / "regions-version-simplifiee.geojson").read_text())
    region_of = {}
    for path in sorted((source / "regions").glob("*/departements-*.geojson")):
        region = next((f["properties"]["code"] for f in regions["features"]
                       if path.parent.name == _slug(f["properties"]["nom"])), None)  # fmt: skip
        if region is None:
            continue  # an overseas région: not on the Lambert-93 map
        for feature in json.loads(path.read_text())["features"]:
            region_of[feature["properties"]["code"]] = region
    departements = json.loads((source / "departements-version-simplifiee.geojson").read_text())
    for name, data, extra in (("departements", departements, region_of), ("regions", regions, {})):
        features = []
        for feature in data["features"]:
            code = feature["properties"]["code"]
            geometry = _geometry(feature["geometry"])
            if code in OVERSEAS or geometry is None:
                continue
            properties = {"code": code, "nom": feature["properties"]["nom"]}
            if extra:
                properties["region"] = extra[code]
            features.append({"type": "Feature", "properties": properties, "geometry": geometry})
        features.sort(key=lambda f: f["properties"]["code"])
        out = {"type": "FeatureCollection", "features": features}
        text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
        (HERE / f"{name}.geojson").write_text(text + "\n", encoding="utf-8")
        print(f"{name}: {len(features)} contours, {len(text) // 1024} Kio")


def _slug(name: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


if __name__ == "__main__":
    build(Path(sys.argv[1]))
