"""One figure drawn with QPainter: horizontal bars for categories, vertical (stacked)
bars in time order for a timeline. Hover shows the bar's figures; a click selects a bar.

QPainter rather than QtCharts or pyqtgraph: nothing to install or load at start, and the
same few shapes as the report's reportlab drawing (desktop/core/report) over the same
Figure data.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.network_figures.model import TIMELINE, Figure

# Colour-blind safe (Okabe–Ito), in series order; the report uses the same.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
SELECTED = QColor("#1a1a1a")
MARGIN = 10


class BarChart(QWidget):
    bar_clicked = Signal(int)  # index of the bar in the figure
    bar_activated = Signal(int)  # double-click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Figure | None = None
        self.selected = -1
        self._rects: list[QRectF] = []
        self.setMouseTracking(True)
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Graphique"))

    def set_figure(self, figure: Figure | None) -> None:
        self.figure, self.selected = figure, -1
        self._rects = []
        self.update()

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (after a paint): for tests and tooltips."""
        return self._rects[index]

    def bar_at(self, point: QPoint) -> int:
        return next((i for i, r in enumerate(self._rects) if r.contains(point)), -1)

    def tooltip_text(self, index: int) -> str:
        figure = self.figure
        bar = figure.bars[index]
        lines = [f"<b>{bar.label}</b> : {bar.total} {figure.unit}"]
        if len(figure.series) > 1:
            lines += [
                f"{name} : {value}"
                for name, value in zip(figure.series, bar.values, strict=True)
                if value
            ]
        return "<br>".join(lines)

    # ---------------------------------------------------------------- events
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index < 0:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(index), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index >= 0:
            self.selected = index
            self.update()
            self.bar_clicked.emit(index)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index >= 0:
            self.bar_activated.emit(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        figure = self.figure
        if figure is None or not figure.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Aucune donnée"))
            return
        if figure.kind == TIMELINE:
            self._rects = self._columns(painter, figure)
        else:
            self._rects = self._rows(painter, figure)

    # ---------------------------------------------------------------- drawing
    def _rows(self, painter: QPainter, figure: Figure) -> list[QRectF]:
        """Horizontal bars, labels on the left, the figure at the end of each bar."""
        metrics = QFontMetrics(self.font())
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in figure.bars) + 8,
                          self.width() // 2)  # fmt: skip
        top, height = MARGIN, self.height() - 2 * MARGIN
        step = min(height / len(figure.bars), 2.2 * metrics.height())
        width = self.width() - label_width - 3 * MARGIN - metrics.horizontalAdvance("0000")
        biggest = max(1, max(b.total for b in figure.bars))
        rects = []
        for index, bar in enumerate(figure.bars):
            y = top + index * step
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(MARGIN, y, label_width - 8, step),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            full = QRectF(
                MARGIN + label_width,
                y + step * 0.15,
                max(2.0, width * bar.total / biggest),
                step * 0.7,
            )
            self._stack(painter, full, bar.values, horizontal=True, selected=index == self.selected)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(full.right() + 6, y, 60, step), Qt.AlignmentFlag.AlignVCenter, str(bar.total)
            )
            rects.append(QRectF(MARGIN, y, self.width() - 2 * MARGIN, step))
        return rects

    def _columns(self, painter: QPainter, figure: Figure) -> list[QRectF]:
        """Vertical bars in time order, stacked by series, with a legend at the top."""
        metrics = QFontMetrics(self.font())
        legend = self._legend(painter, figure, metrics) if len(figure.series) > 1 else MARGIN
        bottom = self.height() - MARGIN - metrics.height() * 1.4
        top = legend + metrics.height() * 1.3
        step = (self.width() - 2 * MARGIN) / len(figure.bars)
        biggest = max(1, max(b.total for b in figure.bars))
        widest = max(metrics.horizontalAdvance(b.label) for b in figure.bars) + 4
        every = max(1, math.ceil(widest / step))  # a narrow chart: one label in two (or three)
        rects = []
        for index, bar in enumerate(figure.bars):
            x = MARGIN + index * step
            height = (bottom - top) * bar.total / biggest
            full = QRectF(x + step * 0.15, bottom - height, step * 0.7, height)
            self._stack(
                painter, full, bar.values, horizontal=False, selected=index == self.selected
            )
            painter.setPen(self.palette().text().color())
            if index % every == 0:  # labels never run into each other
                painter.drawText(
                    QRectF(x - step, bottom + 2, 3 * step, metrics.height() * 1.3),
                    Qt.AlignmentFlag.AlignHCenter,
                    bar.label,
                )
            if bar.total:
                painter.drawText(
                    QRectF(x, full.top() - metrics.height() - 2, step, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    str(bar.total),
                )
            rects.append(QRectF(x, top, step, bottom - top))
        return rects

    def _legend(self, painter: QPainter, figure: Figure, metrics: QFontMetrics) -> float:
        x, y = MARGIN, MARGIN
        for index, name in enumerate(figure.series):
            width = metrics.horizontalAdvance(name) + 28
            if x + width > self.width() - MARGIN:
                x, y = MARGIN, y + metrics.height() + 4
            painter.fillRect(
                QRectF(x, y + 2, 12, metrics.height() - 4), QColor(PALETTE[index % len(PALETTE)])
            )
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(x + 16, y, width, metrics.height()), Qt.AlignmentFlag.AlignVCenter, name
            )
            x += width
        return y + metrics.height()

    def _stack(
        self, painter: QPainter, full: QRectF, values, horizontal: bool, selected: bool
    ) -> None:
        total = sum(values) or 1
        offset = 0.0
        for index, value in enumerate(values):
            share = value / total
            if horizontal:
                part = QRectF(
                    full.left() + offset * full.width(),
                    full.top(),
                    share * full.width(),
                    full.height(),
                )
            else:
                part = QRectF(
                    full.left(),
                    full.bottom() - (offset + share) * full.height(),
                    full.width(),
                    share * full.height(),
                )
            painter.fillRect(part, QColor(PALETTE[index % len(PALETTE)]))
            offset += share
        if selected:
            painter.setPen(SELECTED)
            painter.drawRect(full.adjusted(-1, -1, 1, 1))
