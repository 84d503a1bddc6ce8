"""Sizes that stay on the screen: a netbook's is 1024×600.

A window or dialog asked for at a fixed size (the main window's 1280×720, the photo
viewer's 1000×720) went past the edges of a small screen: its buttons out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MAIN_SIZE = (1280, 720)  # the main window's first size, on a screen that has room for it
FRAME = (8, 36)  # a window manager's borders and title bar, around a dialog


def free_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without the panels)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def bounded_resize(widget: QWidget, width: int, height: int) -> None:
    """widget.resize(width, height), no larger than the screen (its frame included)."""
    area = free_area(widget)
    widget.resize(min(width, area.width() - FRAME[0]), min(height, area.height() - FRAME[1]))


def first_size(window: QWidget) -> None:
    """The main window's size at its first start: 1280×720, or maximised on a smaller
    screen (a window manager would otherwise place part of it off the screen). A size
    saved at closing replaces it (window_state.py)."""
    area = free_area(window)
    width, height = MAIN_SIZE
    if area.width() >= width and area.height() >= height:
        window.resize(width, height)
        return
    window.resize(min(width, area.width()), min(height, area.height()))
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
