"""The map's projection and boundaries: Lambert-93 by the standard formulas, venues land
in their département (Besançon in the Doubs), the bundled files stay small."""

from __future__ import annotations

import math

import pytest

from desktop.core.forms.venue_directory import bundled_directory_path, read_directory_csv
from desktop.core.map.boundaries import MAP_DIR, departement_at, departements, regions
from desktop.core.map.projection import in_metropole, lambert93


def test_lambert93_origin_and_a_known_point():
    assert lambert93(46.5, 3.0) == pytest.approx((700000.0, 6600000.0), abs=1e-6)
    # Along a standard parallel (49° N) the scale is exact: 0.01° of longitude is the
    # ellipsoid's arc, a·cos φ / √(1 − e² sin² φ) · Δλ (about 731 m).
    (x1, y1), (x2, y2) = lambert93(49.0, 2.0), lambert93(49.0, 2.01)
    e2 = 2 / 298.257222101 - (1 / 298.257222101) ** 2
    arc = 6378137 * math.cos(math.radians(49)) / math.sqrt(1 - e2 * math.sin(math.radians(49)) ** 2)
    assert math.hypot(x2 - x1, y2 - y1) == pytest.approx(arc * math.radians(0.01), rel=1e-6)
    x, y = lambert93(48.85296, 2.34990)  # Notre-Dame de Paris: about (652 000, 6 862 000)
    assert x == pytest.approx(652000, abs=1000) and y == pytest.approx(6862000, abs=1000)


@pytest.mark.parametrize(
    ("town", "lat", "lon", "code"),
    [("Besançon", 47.2378, 6.0241, "25"), ("Brest", 48.3904, -4.4861, "29"),
     ("Sartène", 41.6216, 8.9746, "2A"), ("Strasbourg", 48.5734, 7.7521, "67"),
     ("Lille", 50.6292, 3.0573, "59"), ("Marseille", 43.2965, 5.3698, "13")],
)  # fmt: skip
def test_a_town_lands_in_its_departement(town, lat, lon, code):
    area = departement_at(*lambert93(lat, lon))
    assert area is not None and area.code == code, town


def test_the_national_list_lands_in_its_departements():
    """Every venue of the 2019 list with coordinates and a département: nearly all land in
    their own polygon (a wrong projection or axis order would put most elsewhere)."""
    entries = [e for e in read_directory_csv(bundled_directory_path())
               if e.lat and e.lon and e.department and in_metropole(e.lat, e.lon)]  # fmt: skip
    landed = sum(
        1
        for e in entries
        if (a := departement_at(*lambert93(e.lat, e.lon))) and a.code == e.department.zfill(2)
    )
    assert len(entries) > 1000 and landed / len(entries) > 0.97


def test_boundaries_are_bundled_small_with_their_attribution():
    assert len(departements()) == 96 and len(regions()) == 13
    doubs = next(a for a in departements() if a.code == "25")
    assert doubs.name == "Doubs" and doubs.region == "27"
    size = sum(p.stat().st_size for p in MAP_DIR.glob("*.geojson"))
    assert size < 400_000
    assert "Licence Ouverte" in (MAP_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")


def test_points_coloured_by_last_visit_sized_by_visits(workspace):
    from datetime import date

    from desktop.core.map.points import FRESHNESS, map_points
    from desktop.core.network_figures.compute import compute_figures
    from desktop.core.network_figures.model import Period

    store = workspace.store
    fresh = store.create_venue({"name": "Frais", "lat": 47.2378, "lon": 6.0241})
    stale = store.create_venue({"name": "Ancien", "lat": 48.39, "lon": -4.49})
    store.create_venue({"name": "Sans coordonnées"})
    store.create_venue({"name": "La Réunion", "lat": -21.11, "lon": 55.53})
    for day in ("2025-11-02", "2025-12-01", "2025-12-20"):
        store.create_visit(fresh.id, day)
    store.create_visit(stale.id, "2023-05-01")
    figures = compute_figures(workspace.db, store.templates.visit, Period.year(2025),
                              today=date(2026, 1, 10))  # fmt: skip
    found = map_points(figures)
    by_name = {p.venue.name: p for p in found.points}
    assert (
        by_name["Frais"].colour == FRESHNESS[0][1] and by_name["Ancien"].colour == FRESHNESS[3][1]
    )
    assert by_name["Frais"].radius > by_name["Ancien"].radius
    assert departement_at(by_name["Frais"].x, by_name["Frais"].y).name == "Doubs"
    assert [v.name for v in found.off_map] == ["La Réunion", "Sans coordonnées"]


def test_the_reports_map_of_a_region_draws_that_region(workspace):
    from datetime import date

    from reportlab.graphics.shapes import Circle, Polygon

    from desktop.core.network_figures.compute import compute_figures
    from desktop.core.network_figures.model import Period, Territory
    from desktop.core.report.map_drawing import map_drawing
    from tests.core.network_dataset import build_network

    build_network(workspace.store)
    figures = compute_figures(workspace.db, workspace.templates.visit, Period.year(2025),
                              Territory(region="Bretagne"), today=date(2026, 1, 1))  # fmt: skip
    drawing = map_drawing(figures)
    shapes = drawing.contents
    bretagne = [a for a in departements() if a.region == "53"]
    rings = sum(len(a.polygons) for a in bretagne) + sum(
        len(a.polygons) for a in regions() if a.code == "53"
    )
    assert sum(isinstance(s, Polygon) for s in shapes) == rings
    circles = [s for s in shapes if isinstance(s, Circle)]
    assert len(circles) == sum(1 for v in figures.venues if v.lat is not None)
    assert all(0 <= c.cx <= drawing.width and 0 <= c.cy <= drawing.height for c in circles)
