"""« Carte des lieux »: the venues on a map of France (départements, régions), drawn with
QPainter from the bundled boundaries in Lambert-93; colour: months since the last visit,
size: visits in the period. Wheel zooms, drag pans, hover names, a click opens. Venues
without coordinates (or overseas) are listed beside the map."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.map.boundaries import bounds, departements, regions
from desktop.core.map.points import (
    FRESHNESS,
    MapPoint,
    MapPoints,
    areas_shown,
    frame_of,
    map_points,
)
from desktop.core.network_figures.model import NetworkFigures
from desktop.ui.texts import fill

VENUE_ID = Qt.ItemDataRole.UserRole
LAND, BORDER, REGION = QColor("#f3f1ea"), QColor("#c8c4b8"), QColor("#7d786b")


def _paths(areas) -> list[QPainterPath]:
    paths = []
    for area in areas:
        path = QPainterPath()
        for polygon in area.polygons:
            for ring in polygon:
                path.moveTo(*ring[0])
                for point in ring[1:]:
                    path.lineTo(*point)
                path.closeSubpath()
        paths.append(path)
    return paths


class MapCanvas(QWidget):
    venue_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 360)
        self.setAccessibleName(self.tr("Carte des lieux"))
        self.points: tuple[MapPoint, ...] = ()
        self.zoom, self.pan = 1.0, QPointF(0, 0)
        self._drag: QPointF | None = None
        self._moved = False
        self._bounds = bounds()
        self._departements = _paths(departements())
        self._regions = _paths(regions())

    def set_points(self, points: tuple[MapPoint, ...], frame=None) -> None:
        """The points; `frame` (min x, min y, max x, max y), when given, is what to show."""
        new_frame = frame or bounds()
        if new_frame != self._bounds:
            self._bounds, self.zoom, self.pan = new_frame, 1.0, QPointF(0, 0)
        self.points = points
        self.update()

    # ------------------------------------------------------------ geometry
    def transform(self) -> QTransform:
        """Lambert-93 metres -> widget pixels (north up), at the current zoom and pan."""
        min_x, min_y, max_x, max_y = self._bounds
        margin = 12
        scale = min((self.width() - 2 * margin) / (max_x - min_x),
                    (self.height() - 2 * margin) / (max_y - min_y)) * self.zoom  # fmt: skip
        left = (self.width() - (max_x - min_x) * scale) / 2 + self.pan.x()
        top = (self.height() - (max_y - min_y) * scale) / 2 + self.pan.y()
        return QTransform(scale, 0, 0, -scale, left - min_x * scale, top + max_y * scale)

    def screen_of(self, point: MapPoint) -> QPointF:
        return self.transform().map(QPointF(point.x, point.y))

    def point_at(self, position: QPointF) -> MapPoint | None:
        best, reach = None, 0.0
        for point in self.points:
            distance = (self.screen_of(point) - position).manhattanLength()
            if distance <= max(6.0, point.radius + 2) and (best is None or distance < reach):
                best, reach = point, distance
        return best

    def zoom_by(self, factor: float, around: QPointF) -> None:
        factor = max(1.0, min(40.0, self.zoom * factor)) / self.zoom
        centre = QPointF(self.width() / 2, self.height() / 2) + self.pan
        self.pan += (around - centre) * (1 - factor)
        self.zoom *= factor
        self.update()

    # ------------------------------------------------------------ events
    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8, event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag, self._moved = event.position(), False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._drag
            if delta.manhattanLength() > 3 or self._moved:
                self.pan += delta
                self._drag, self._moved = event.position(), True
                self.update()
            return
        point = self.point_at(event.position())
        if point is None:
            QToolTip.hideText()
            return
        venue = point.venue
        text = f"<b>{venue.name}</b> ({venue.commune})" if venue.commune else f"<b>{venue.name}</b>"
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clicked = not self._moved
        self._drag = None
        point = self.point_at(event.position()) if clicked else None
        if point is not None:
            self.venue_clicked.emit(point.venue.id)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Outside France, neither sea nor land: the map has no neighbours' outlines, and a
        # sea blue painted Switzerland and Italy as water (white, as the report's map).
        painter.fillRect(self.rect(), QColor("white"))
        transform = self.transform()
        painter.save()
        painter.setTransform(transform)
        for paths, fill_colour, colour, width in ((self._departements, LAND, BORDER, 0.8),
                                                  (self._regions, None, REGION, 1.6)):  # fmt: skip
            pen = QPen(colour, width)
            pen.setCosmetic(True)  # the same line width at every zoom
            painter.setPen(pen)
            painter.setBrush(fill_colour if fill_colour else Qt.BrushStyle.NoBrush)
            for path in paths:
                painter.drawPath(path)
        painter.restore()
        painter.setPen(QPen(QColor("white"), 1))
        self._paint_points(painter, transform)

    def _paint_points(self, painter: QPainter, transform: QTransform) -> None:
        """3,500 points at the national scale: each drawn from a small image of its colour
        and size, antialiased once per paint (a blit costs a third of an antialiased
        ellipse), at the transform applied by hand (it only scales and moves)."""
        scale_x, scale_y, dx, dy = transform.m11(), transform.m22(), transform.dx(), transform.dy()
        growth = 1 + 0.15 * (self.zoom - 1) ** 0.5
        sprites: dict[tuple[str, float], tuple[QPixmap, float]] = {}
        for point in self.points:
            key = (point.colour, point.radius)
            sprite = sprites.get(key) or sprites.setdefault(key, self._sprite(*key, growth))
            image, half = sprite
            painter.drawPixmap(
                QPointF(point.x * scale_x + dx - half, point.y * scale_y + dy - half), image
            )

    def _sprite(self, colour: str, radius: float, growth: float) -> tuple[QPixmap, float]:
        """A point's disc with its white outline, at the screen's pixel ratio; (image,
        half its width in widget pixels)."""
        radius *= growth
        ratio, size = self.devicePixelRatioF(), math.ceil(2 * radius + 3)
        image = QPixmap(round(size * ratio), round(size * ratio))
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 1))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
        painter.end()
        return image, size / 2


class MapView(QWidget):
    venue_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = MapCanvas()
        self.off_map = QListWidget()
        self.off_map.setAccessibleName(self.tr("Lieux hors de la carte"))
        self.off_title = QLabel()
        self.off_title.setWordWrap(True)
        legend = QLabel(" ".join(
            f'<span style="color:{colour}">●</span> {label}' for _, colour, label in FRESHNESS
        ) + self.tr(" — taille : nombre de visites dans l'année. Molette : zoom ; glisser : déplacer."))  # fmt: skip
        legend.setWordWrap(True)
        self.data: MapPoints | None = None
        side = QVBoxLayout()
        side.addWidget(self.off_title)
        side.addWidget(self.off_map, 1)
        top = QHBoxLayout()
        top.addWidget(self.canvas, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 1)
        layout.addWidget(legend)
        layout.addWidget(
            QLabel(self.tr("Contours : IGN – Admin Express COG 2018, Licence Ouverte."))
        )
        self.off_map.setMaximumWidth(260)
        self.canvas.venue_clicked.connect(self.venue_requested)
        self.off_map.itemActivated.connect(
            lambda item: self.venue_requested.emit(item.data(VENUE_ID))
        )

    def show_figures(self, figures: NetworkFigures) -> None:
        self.data = found = map_points(figures)
        shown, _ = areas_shown(figures, found)
        self.canvas.set_points(found.points, frame_of(shown))
        self.off_map.clear()
        for venue in found.off_map:
            item = QListWidgetItem(
                f"{venue.name} ({venue.commune})" if venue.commune else venue.name
            )
            item.setData(VENUE_ID, venue.id)
            self.off_map.addItem(item)
        self.off_title.setText(fill(self.tr("%1 lieu(x) sur la carte ; sans coordonnées ou hors métropole : %2"),
                                    len(found.points), len(found.off_map)))  # fmt: skip
