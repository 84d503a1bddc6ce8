"""Entrée moves to the next field, as Tab does: people who enter forms all day type a
value and press Entrée. Only keys that a field let through reach here: a multi-line text
keeps its new line, a table its cell editing, a button its click, an open list its choice."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def moved_to_next_field(page: QWidget, event: QKeyEvent) -> bool:
    """True when event was Entrée in one of page's fields and the focus went on, by a Tab
    sent to that field (so the scroll area brings the next field into view, as for Tab)."""
    extra = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() not in ENTER_KEYS or extra != Qt.KeyboardModifier.NoModifier:
        return False
    focus = QApplication.focusWidget()
    if focus is None or not page.isAncestorOf(focus) or isinstance(focus, QAbstractItemView):
        return False  # a table or list: Entrée is theirs (activate a row)
    tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(focus, tab)
    return True
