"""The venues as map points, the same in the window and in the report: position in
Lambert-93, colour by months since the last visit, size by visits in the period; venues
without coordinates (or overseas, off the Lambert-93 map) listed apart."""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from desktop.core.forms.french import months_between, parse_date
from desktop.core.map.boundaries import Area, departement_at, departements, regions
from desktop.core.map.projection import in_metropole, lambert93
from desktop.core.network_figures.model import NetworkFigures, VenueFacts

# (up to months, colour, legend); the last catches the rest (never visited included)
FRESHNESS = (
    (6, "#1a9850", "visité il y a moins de 6 mois"),
    (12, "#a6d96a", "de 6 à 12 mois"),
    (24, "#fdae61", "de 12 à 24 mois"),
    (10**6, "#d73027", "plus de 24 mois ou jamais"),
)


class MapPoint(NamedTuple):  # a tuple: 3,500 made each time
    venue: VenueFacts
    x: float
    y: float
    colour: str
    radius: float  # points (1/72 inch) at scale 1


@dataclass(frozen=True)
class MapPoints:
    points: tuple[MapPoint, ...]
    off_map: tuple[VenueFacts, ...]  # no coordinates, or overseas


def map_points(figures: NetworkFigures) -> MapPoints:
    reference = min(figures.today, figures.period.end)
    points, off_map = [], []
    colours: dict[str, str] = {}  # by date of the last visit: a few hundred for 3,500 venues
    radii: dict[int, float] = {}  # by number of visits
    for venue in figures.venues:
        if venue.lat is None or venue.lon is None or not in_metropole(venue.lat, venue.lon):
            off_map.append(venue)
            continue
        x, y = lambert93(venue.lat, venue.lon)
        colour = colours.get(venue.last_visit)
        if colour is None:
            colour = colours[venue.last_visit] = colour_of(venue, reference)
        radius = radii.get(venue.visits_in_period)
        if radius is None:
            radius = radii[venue.visits_in_period] = radius_of(venue)
        points.append(MapPoint(venue, x, y, colour, radius))
    points.sort(key=attrgetter("radius"), reverse=True)  # the big under, the small on top
    return MapPoints(tuple(points), tuple(sorted(off_map, key=lambda v: v.name.casefold())))


def colour_of(venue: VenueFacts, reference) -> str:
    last = parse_date(venue.last_visit)
    months = months_between(last, reference) if last else 10**5
    return next(colour for limit, colour, _ in FRESHNESS if months < limit)


def radius_of(venue: VenueFacts) -> float:
    return 2.5 + 1.8 * math.sqrt(venue.visits_in_period)


def areas_shown(figures: NetworkFigures, found: MapPoints) -> tuple[list[Area], list[Area]]:
    """(départements, régions) to draw: all of France; for a région or a département, the
    régions its venues are in (the map then frames them)."""
    everything = list(departements()), list(regions())
    if not (figures.territory.region or figures.territory.department):
        return everything
    codes = {area.region for p in found.points if (area := departement_at(p.x, p.y))}
    if not codes:
        return everything
    return ([a for a in departements() if a.region in codes],
            [a for a in regions() if a.code in codes])  # fmt: skip


def frame_of(areas: list[Area]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of the areas' outer rings, in Lambert-93 metres."""
    xs = [x for a in areas for polygon in a.polygons for x, _ in polygon[0]]
    ys = [y for a in areas for polygon in a.polygons for _, y in polygon[0]]
    return min(xs), min(ys), max(xs), max(ys)
