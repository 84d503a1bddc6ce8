"""A Figure drawn with reportlab's own graphics (vector shapes in the PDF), as the window
draws it with QPainter (desktop/ui/views/dashboard_charts.py): the same bars, colours
and figures, from the same data."""

from __future__ import annotations

from reportlab.graphics import shapes
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.core.network_figures.model import TIMELINE, Figure
from desktop.core.pdf.glyphs import visual
from desktop.core.pdf.styles import FAMILY, MUTED, register_fonts

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
TEXT = colors.HexColor("#222222")
SIZE = 8.5

register_fonts()
# A drawing starts in reportlab's Helvetica, never embedded: the PDF would name a font it
# does not carry (as styles.py does for table cells, the body font instead).
shapes.STATE_DEFAULTS["fontName"] = FAMILY


def figure_drawing(figure: Figure, width: float) -> Drawing:
    if figure.kind == TIMELINE:
        return _columns(figure, width)
    return _rows(figure, width)


def _rows(figure: Figure, width: float) -> Drawing:
    """Horizontal bars; bars at zero are left out (the table says the rest)."""
    bars = [bar for bar in figure.bars if bar.total]
    step = 14
    drawing = Drawing(width, max(step, step * len(bars)))
    labels = [visual(bar.label) for bar in bars]
    label_width = min(max((stringWidth(t, FAMILY, SIZE) for t in labels), default=0) + 6, width / 2)
    room = width - label_width - 30
    biggest = max((bar.total for bar in bars), default=1)
    for index, (bar, label) in enumerate(zip(bars, labels, strict=True)):
        y = drawing.height - (index + 1) * step
        drawing.add(String(label_width - 6, y + 4, label, fontName=FAMILY, fontSize=SIZE,
                           fillColor=TEXT, textAnchor="end"))  # fmt: skip
        length = max(1.5, room * bar.total / biggest)
        _stack(drawing, label_width, y + 2, length, step - 4, bar.values, horizontal=True)
        drawing.add(String(label_width + length + 4, y + 4, str(bar.total), fontName=FAMILY,
                           fontSize=SIZE, fillColor=TEXT))  # fmt: skip
    return drawing


def _columns(figure: Figure, width: float) -> Drawing:
    """Vertical bars in time order, stacked by series, with the legend below."""
    height, base, legend = 150, 14, 14 if len(figure.series) > 1 else 0
    drawing = Drawing(width, height + legend)
    step = width / max(1, len(figure.bars))
    biggest = max((bar.total for bar in figure.bars), default=0) or 1
    room = height - base - 14
    for index, bar in enumerate(figure.bars):
        x = index * step
        tall = room * bar.total / biggest
        _stack(
            drawing, x + step * 0.15, legend + base, tall, step * 0.7, bar.values, horizontal=False
        )
        drawing.add(String(x + step / 2, legend + 3, bar.label, fontName=FAMILY, fontSize=SIZE - 1,
                           fillColor=MUTED, textAnchor="middle"))  # fmt: skip
        if bar.total:
            drawing.add(String(x + step / 2, legend + base + tall + 3, str(bar.total),
                               fontName=FAMILY, fontSize=SIZE, fillColor=TEXT, textAnchor="middle"))  # fmt: skip
    if legend:
        x = 0.0
        for index, name in enumerate(figure.series):
            drawing.add(
                Rect(
                    x,
                    2,
                    8,
                    8,
                    fillColor=colors.HexColor(PALETTE[index % len(PALETTE)]),
                    strokeColor=None,
                )
            )
            drawing.add(
                String(x + 11, 3, name, fontName=FAMILY, fontSize=SIZE - 0.5, fillColor=TEXT)
            )
            x += 11 + stringWidth(name, FAMILY, SIZE - 0.5) + 12
    return drawing


def _stack(drawing, x, y, length, thickness, values, horizontal: bool) -> None:
    total = sum(values) or 1
    offset = 0.0
    for index, value in enumerate(values):
        part = length * value / total
        if not part:
            continue
        fill = colors.HexColor(PALETTE[index % len(PALETTE)])
        if horizontal:
            drawing.add(Rect(x + offset, y, part, thickness, fillColor=fill, strokeColor=None))
        else:
            drawing.add(Rect(x, y + offset, thickness, part, fillColor=fill, strokeColor=None))
        offset += part
