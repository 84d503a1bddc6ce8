"""The venue list's two lines, written without QStyle when the painter's pen can write them
(venue_delegate.py), look as QStyle.drawItemText writes them: compared pixel by pixel on
real images, for the name (Text: the same pixels), the commune (PlaceholderText: by
default the Text colour half transparent, written at half opacity, the letters' edges at
most one level of 255 apart) and a palette whose grey is a colour of its own."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QListView

from desktop.ui.qt_values import ALIGN_LEFT
from desktop.ui.views.venue_delegate import VenueDelegate, pen_opacity

ROLES = QPalette.ColorRole
RECT = QRect(6, 4, 180, 20)
TEXT = "Tiers-lieu de la vallée de la Creuse et des anciennes tanneries"


def written(view: QListView, role, by_the_style: bool, text: str = TEXT) -> QImage:
    """text written in RECT on a grey image, by the delegate or by the style, the painter's
    pen being the palette's Text colour, as on the list's viewport."""
    image = QImage(200, 30, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(128, 128, 128))
    painter = QPainter(image)
    painter.setFont(QFont(view.font()))
    palette = view.palette()
    painter.setPen(palette.color(ROLES.Text))
    if by_the_style:
        view.style().drawItemText(painter, RECT, ALIGN_LEFT, palette, True, text, role)
    else:
        VenueDelegate(view).write(painter, RECT, text, palette, role)
    painter.end()
    return image


def largest_difference(one: QImage, other: QImage) -> int:
    """The largest difference of one colour channel between two images' pixels, in 0-255."""
    assert one.size() == other.size() and one.format() == other.format()
    return max(
        abs(a - b) for a, b in zip(bytes(one.constBits()), bytes(other.constBits()), strict=True)
    )


def test_the_pen_writes_each_line_as_the_style_does(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    placeholder = view.palette().color(ROLES.PlaceholderText)
    assert placeholder.rgb() == view.palette().color(ROLES.Text).rgb()  # Qt's default grey
    assert 0 < placeholder.alpha() < 255
    blank = written(view, ROLES.Text, True, text="")
    for role, apart in ((ROLES.Text, 0), (ROLES.PlaceholderText, 1), (ROLES.HighlightedText, 0)):
        ours, styles = written(view, role, False), written(view, role, True)
        assert largest_difference(ours, styles) <= apart, role
        assert largest_difference(ours, blank) > 50, role  # something was written


def test_a_grey_of_its_own_is_written_by_the_style(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    palette = view.palette()
    palette.setColor(ROLES.PlaceholderText, QColor(40, 90, 200))
    view.setPalette(palette)
    assert written(view, ROLES.PlaceholderText, False) == written(view, ROLES.PlaceholderText, True)


def test_the_pen_writes_only_in_its_own_colour():
    black, grey = QColor(0, 0, 0), QColor(0, 0, 0, 128)
    assert pen_opacity(black, black) == 1.0
    assert pen_opacity(black, grey) == grey.alphaF()
    assert pen_opacity(black, QColor(255, 255, 255)) is None
    assert pen_opacity(grey, black) is None  # a pen already transparent: the style
