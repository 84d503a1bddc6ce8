"""Paints a venue as two lines: its name, then its commune in grey."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.models.venue_list_model import COMMUNE_ROLE, NAME_ROLE


class VenueDelegate(QStyledItemDelegate):
    PADDING = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
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
