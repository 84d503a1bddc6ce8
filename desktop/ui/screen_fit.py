"""Sizes that stay on the screen: a netbook's is 1024×600.

A window or dialog asked for at a fixed size (the main window's 1280×720, the photo
viewer's 1000×720) went past the edges of a small screen: its buttons out of reach.
No `Qt` namespace here: the main window's first frame uses this module (qt_values.py).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = (8, 36)  # a window manager's borders and title bar, around a dialog


def free_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without the panels)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def bounded_resize(widget: QWidget, width: int, height: int) -> None:
    """widget.resize(width, height), no larger than the screen (its frame included)."""
    area = free_area(widget)
    widget.resize(min(width, area.width() - FRAME[0]), min(height, area.height() - FRAME[1]))


def keep_on_screen(window: QWidget) -> bool:
    """The main window, as placed (1280×720 at its first start, or as saved), no larger
    than the screen; True when it was larger: it is then shown maximised (a window
    manager would otherwise leave part of it past the screen's edges)."""
    area = free_area(window)
    if window.width() <= area.width() and window.height() <= area.height():
        return False
    window.resize(min(window.width(), area.width()), min(window.height(), area.height()))
    return True
