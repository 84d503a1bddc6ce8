"""The bundled boundaries of the départements and régions (resources/map, IGN Admin
Express via france-geojson, Licence Ouverte: see resources/map/ATTRIBUTION), projected to
Lambert-93 once, on first use."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from desktop.core.map.projection import lambert93
from desktop.paths import RESOURCES

MAP_DIR = RESOURCES / "map"
Ring = tuple[tuple[float, float], ...]  # projected points, metres


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    region: str  # a département's région code; "" for a région
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: outer ring then holes

    def contains(self, x: float, y: float) -> bool:
        for rings in self.polygons:
            if _inside(rings[0], x, y) and not any(_inside(hole, x, y) for hole in rings[1:]):
                return True
        return False


@functools.cache
def departements() -> tuple[Area, ...]:
    return _load("departements.geojson")


@functools.cache
def regions() -> tuple[Area, ...]:
    return _load("regions.geojson")


def departement_at(x: float, y: float) -> Area | None:
    return next((area for area in departements() if area.contains(x, y)), None)


def bounds() -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of metropolitan France, in Lambert-93 metres."""
    xs = [p[0] for a in regions() for poly in a.polygons for p in poly[0]]
    ys = [p[1] for a in regions() for poly in a.polygons for p in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def _load(name: str) -> tuple[Area, ...]:
    features = json.loads((MAP_DIR / name).read_text(encoding="utf-8"))["features"]
    return tuple(_area(feature) for feature in features)


def _area(feature: dict) -> Area:
    geometry, properties = feature["geometry"], feature["properties"]
    shapes = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        shapes = [shapes]
    polygons = tuple(
        tuple(tuple(lambert93(lat, lon) for lon, lat in ring) for ring in polygon)
        for polygon in shapes
    )
    return Area(properties["code"], properties["nom"], properties.get("region", ""), polygons)


def _inside(ring: Ring, x: float, y: float) -> bool:
    """Even-odd rule: a ray to the east crosses the ring an odd number of times."""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside
