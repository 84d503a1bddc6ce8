"""Paints a venue as two lines: its name, then its commune in grey.

The row itself (background, selection, focus) is QStyledItemDelegate's, with its text
left out; the two lines are drawn over it. QStyle is not used from Python: its type, with
its many enums, costs the window's first frame 5 ms to load, and the list is in it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.models.venue_list_model import COMMUNE_ROLE, NAME_ROLE


class VenueDelegate(QStyledItemDelegate):
    PADDING = 4

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the row without its text: paint() writes the two lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        selected = self.view.selectionModel().isSelected(index)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        line = option.fontMetrics.height()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(group))
        name = option.fontMetrics.elidedText(
            index.data(NAME_ROLE), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            QRect(rect.x(), rect.y(), rect.width(), line), Qt.AlignmentFlag.AlignLeft, name
        )
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        commune = index.data(COMMUNE_ROLE) or "—"
        painter.drawText(
            QRect(rect.x(), rect.y() + line, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            commune,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + self.PADDING * 2 + 2)
