"""No value changes without focus: the wheel over a combo or a spin box scrolls the page.

Qt gives combo boxes and spin boxes the wheel even when they do not have the focus, so
scrolling a long form with the pointer passing over « Type de contrat » changed it and
saved it. A guarded widget takes the focus only by click or Tab (StrongFocus) and, until
it has it, hands the wheel to the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False  # focused: the wheel changes the value, as the user expects
        area = _scroll_area_around(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_guard: WheelGuard | None = None


def guard_wheel(widget: QWidget) -> QWidget:
    """Guard one widget (returned, for chaining)."""
    global _guard  # one filter object for the whole app; it holds no state
    if _guard is None:
        _guard = WheelGuard(QApplication.instance())
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard)
    return widget


def guard_wheels(root: QWidget) -> None:
    """Guard every combo and spin box inside root (call once it is built)."""
    for kind in GUARDED:
        for widget in root.findChildren(kind):
            guard_wheel(widget)
