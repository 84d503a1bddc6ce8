"""Paints a venue as two lines: its name, then its commune in grey.

The row itself (background, selection, focus) is QStyledItemDelegate's, with its text
left out; the two lines are drawn over it. The list is in the window's first frame, which
does not build Qt's namespace (ui/qt_values.py, some 15 ms): the name is elided here
rather than by QFontMetrics.elidedText (its mode is one of Qt's enums), and no line is
written after QPainter.setPen, whose overloads (a QColor, a QPen or a Qt.PenStyle) build
the namespace to choose one. Nor through QStyle, in that frame: its Python type, made at
the first view.style(), builds its own 600 enum values (6 ms). The painter's pen is
already the list's Text colour, and the commune's grey (PlaceholderText) is by default
that colour half transparent: written with that pen, at that opacity, each line looks as
QStyle.drawItemText writes it (the same pixels for the name, the grey letters' edges one
level of 255 apart at most: test_venue_delegate.py). A selected row (white) or a palette
of other colours is written by the style, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.models.venue_list_model import COMMUNE_ROLE, ID_ROLE, NAME_ROLE
from desktop.ui.qt_values import ALIGN_LEFT

if TYPE_CHECKING:
    from PySide6.QtGui import QColor

ELLIPSIS = "…"


def elided(metrics: QFontMetrics, text: str, width: int) -> str:
    """text cut at its end with « … » to fit width pixels, as Qt.TextElideMode.ElideRight:
    the longest start of it that fits with the ellipsis (whole when it fits)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    fits, cut = 0, len(text)  # text[:fits] + « … » fits; text[:cut] + « … » does not
    while cut - fits > 1:
        middle = (fits + cut) // 2
        if metrics.horizontalAdvance(text[:middle] + ELLIPSIS) <= width:
            fits = middle
        else:
            cut = middle
    return text[:fits] + ELLIPSIS if fits else ELLIPSIS


def pen_opacity(pen: QColor, wanted: QColor) -> float | None:
    """The opacity at which an opaque pen writes in the wanted colour (1.0: as it is; 0.5:
    the same colour half transparent), or None when the pen cannot."""
    if pen.alpha() != 255 or pen.rgb() != wanted.rgb():
        return None
    return wanted.alphaF()


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
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        name = elided(QFontMetrics(bold), index.data(NAME_ROLE) or "", rect.width())
        role = roles.HighlightedText if selected else roles.Text
        top = QRect(rect.x(), rect.y(), rect.width(), line)
        self.write(painter, top, name, option.palette, role)
        painter.setFont(option.font)
        commune = index.data(COMMUNE_ROLE) or "—"
        role = roles.HighlightedText if selected else roles.PlaceholderText
        bottom = QRect(rect.x(), rect.y() + line, rect.width(), line)
        self.write(painter, bottom, commune, option.palette, role)
        painter.restore()

    def write(self, painter: QPainter, rect: QRect, text: str, palette: QPalette, role) -> None:
        """text in rect, left-aligned, in the palette's role colour: with the painter's pen
        when that colour is the pen's (at an opacity: pen_opacity), else by the style."""
        enabled = self.view.isEnabled()
        opacity = pen_opacity(painter.pen().color(), palette.color(role)) if enabled else None
        if opacity is None:
            style = self.view.style()
            style.drawItemText(painter, rect, ALIGN_LEFT, palette, enabled, text, role)
            return
        before = painter.opacity()
        painter.setOpacity(before * opacity)
        painter.drawText(rect, ALIGN_LEFT, text)
        painter.setOpacity(before)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + self.PADDING * 2 + 2)
