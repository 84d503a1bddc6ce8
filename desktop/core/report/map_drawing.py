"""The venues' map in the report: départements and régions from the bundled boundaries,
the same points as the window's map (desktop/core/map/points.py), reportlab vectors."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Polygon, Rect, String
from reportlab.lib import colors

from desktop.core.forms.french import count_of
from desktop.core.map.points import FRESHNESS, areas_shown, frame_of, map_points
from desktop.core.network_figures.model import NetworkFigures
from desktop.core.pdf.styles import FAMILY, MUTED

LAND, BORDER, REGION = (
    colors.HexColor("#f3f1ea"),
    colors.HexColor("#c8c4b8"),
    colors.HexColor("#7d786b"),
)


def map_drawing(figures: NetworkFigures, width: float = 340, height: float = 330) -> Drawing:
    found = map_points(figures)
    shown_departements, shown_regions = areas_shown(figures, found)
    min_x, min_y, max_x, max_y = frame_of(shown_departements)
    height = min(height, 40 + width * (max_y - min_y) / (max_x - min_x))  # no empty band
    scale = min(width / (max_x - min_x), (height - 40) / (max_y - min_y))
    drawing = Drawing(width, height)

    def place(x: float, y: float) -> tuple[float, float]:
        return (x - min_x) * scale, 40 + (y - min_y) * scale

    for areas, fill, stroke, line in (
        (shown_departements, LAND, BORDER, 0.3),
        (shown_regions, None, REGION, 0.8),
    ):
        for area in areas:
            for polygon in area.polygons:
                flat = [c for point in polygon[0] for c in place(*point)]
                drawing.add(Polygon(flat, fillColor=fill, strokeColor=stroke, strokeWidth=line))
    for point in found.points:
        x, y = place(point.x, point.y)
        drawing.add(Circle(x, y, point.radius * 0.8, fillColor=colors.HexColor(point.colour),
                           strokeColor=colors.white, strokeWidth=0.4))  # fmt: skip
    _legend(drawing)
    note = f"{count_of(len(found.points), 'lieu', 'lieux')} sur la carte"
    if found.off_map:
        note += f", {len(found.off_map)} sans coordonnées ou hors métropole"
    drawing.add(String(0, 2, note + " · Contours : IGN – Admin Express COG 2018, Licence Ouverte",
                       fontName=FAMILY, fontSize=7, fillColor=MUTED))  # fmt: skip
    return drawing


def _legend(drawing: Drawing) -> None:
    x = 0.0
    for _, colour, label in FRESHNESS:
        drawing.add(Rect(x, 24, 7, 7, fillColor=colors.HexColor(colour), strokeColor=None))
        drawing.add(String(x + 10, 24.5, label, fontName=FAMILY, fontSize=7))
        x += 14 + len(label) * 3.3
    drawing.add(String(0, 13, "Taille : nombre de visites dans l'année.", fontName=FAMILY,
                       fontSize=7, fillColor=MUTED))  # fmt: skip
