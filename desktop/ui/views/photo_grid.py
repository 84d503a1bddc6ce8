"""The thumbnails of a visit's photos: a grid to reorder by dragging, drop files to attach,
each with a band when its image rights keep it on this laptop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

from desktop.core.storage.records import Photo

PHOTO_ROLE = Qt.ItemDataRole.UserRole
ICON_SIZE = 150


def rights_state(photo: Photo) -> str:
    """What the thumbnail's band says: « review » (not reviewed), « consent » (missing)."""
    return "review" if photo.needs_review else "consent" if photo.lacks_consent else ""


BANDS = {
    "review": (QColor(176, 96, 0, 220), "⚠ à vérifier"),
    "consent": (QColor(176, 0, 32, 220), "⚠ autorisation ?"),
}


def turned(pixmap: QPixmap, rotation: int) -> QPixmap:
    """A photo's pixmap turned as the user turned it (degrees clockwise); its files
    stay as stored (core/media/rotation.py)."""
    if not rotation % 360 or pixmap.isNull():
        return pixmap
    return pixmap.transformed(QTransform().rotate(rotation))


def badge_icon(photo: Photo) -> QIcon:
    """The thumbnail, turned as the user turned it, with a band when its rights keep it
    home: « à vérifier » (orange, nobody said whether people can be recognised) or
    « autorisation ? » (red)."""
    pixmap = turned(QPixmap(photo.thumbnail), photo.rotation)
    if pixmap.isNull():
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(QColor("#ddd"))
    pixmap = pixmap.scaled(
        ICON_SIZE,
        ICON_SIZE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    state = rights_state(photo)
    if state:
        colour, label = BANDS[state]
        painter = QPainter(pixmap)
        band = pixmap.rect().adjusted(0, pixmap.height() - 22, 0, 0)
        painter.fillRect(band, colour)
        painter.setPen(QColor("white"))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
    return QIcon(pixmap)


class PhotoGrid(QListWidget):
    """Thumbnails in a grid: drag inside to reorder, drop files from outside to attach."""

    files_dropped = Signal(list)
    moved = Signal(str, int)  # photo id, new index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setGridSize(QSize(ICON_SIZE + 20, ICON_SIZE + 44))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Photos de la fiche"))
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as its rows of thumbnails: the form scrolls, not a box inside it."""
        cell = self.gridSize()
        per_row = max(1, (self.viewport().width() - 4) // cell.width())
        rows = max(1, -(-self.count() // per_row))
        self.setFixedHeight(rows * cell.height() + 2 * self.frameWidth() + 8)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_height()

    def dragEnterEvent(self, event) -> None:
        if event.source() is not self and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.source() is not self and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if event.source() is not self:
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
                event.acceptProposedAction()
            return
        moving = self.currentItem()
        super().dropEvent(event)
        if moving is not None:
            self.moved.emit(moving.data(PHOTO_ROLE), self.row(moving))
