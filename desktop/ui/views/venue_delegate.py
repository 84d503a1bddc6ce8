"""Paints a venue as two lines: its name, then its commune in grey.

The row itself (background, selection, focus) is QStyledItemDelegate's, with its text
left out; the two lines are drawn over it. The list is in the window's first frame, which
does not build Qt's namespace (ui/qt_values.py, some 15 ms): the name is elided here
rather than by QFontMetrics.elidedText (its mode is one of Qt's enums), and each line is
written by QStyle.drawItemText in its palette role rather than with QPainter.setPen,
whose overloads (a QColor, a QPen or a Qt.PenStyle) build the namespace to choose one.
QStyle's own enums cost about a third of that.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.models.venue_list_model import COMMUNE_ROLE, ID_ROLE, NAME_ROLE
from desktop.ui.qt_values import ALIGN_LEFT

ELLIPSIS = "…"


def elided(metrics: QFontMetrics, text: str, width: int) -> str:
    """text cut at its end with « … » to fit width pixels, as Qt.TextElideMode.ElideRight:
    the longest start of it that fits with the ellipsis (whole when it fits)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    fits, cut = 0, len(text)  # text[:fits] + « … » fits; text[:cut] + « … » does not
    while cut - fits > 1:
        middle = (fits + cut) // 2
        if metrics.horizontalAdvance(text[:middle].rstrip() + ELLIPSIS) <= width:
            fits = middle
        else:
            cut = middle
    return text[:fits].rstrip() + ELLIPSIS if fits else ELLIPSIS


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
        if index.data(ID_ROLE) is None:  # not read yet (the first frame's list): no lines
            return
        selected = self.view.selectionModel().isSelected(index)
        rect = option.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        line = option.fontMetrics.height()
        roles = QPalette.ColorRole
        style, enabled = self.view.style(), self.view.isEnabled()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        name = elided(QFontMetrics(bold), index.data(NAME_ROLE) or "", rect.width())
        role = roles.HighlightedText if selected else roles.Text
        top = QRect(rect.x(), rect.y(), rect.width(), line)
        style.drawItemText(painter, top, ALIGN_LEFT, option.palette, enabled, name, role)
        painter.setFont(option.font)
        commune = index.data(COMMUNE_ROLE) or "—"
        role = roles.HighlightedText if selected else roles.PlaceholderText
        bottom = QRect(rect.x(), rect.y() + line, rect.width(), line)
        style.drawItemText(painter, bottom, ALIGN_LEFT, option.palette, enabled, commune, role)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + self.PADDING * 2 + 2)
