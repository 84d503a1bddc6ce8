"""The one date field of the app: typed the French way, with a calendar, never guessing.

A line edit rather than a QDateEdit: a QDateEdit cannot be empty (it showed a special
1900 date), rewrote what was typed over its sections (« 11/02/2025 » became 28/02/2025)
and cannot keep a text that is not a date. Here the text is read by
core/forms/typed_dates.py: « 11/02/2025 », « 11022025 », « 11/02/25 », « 11 février 2025 »
are 2025-02-11;
anything else is kept as typed and flagged. Up/Down change the part under the cursor
(day, month or year), Suppr empties the field, Alt+Down opens the calendar on the date
shown, or on `anchor()` (the visit's date) or today when empty.
DateLineEdit is that behaviour in one line edit (the action tables' cells edit with it,
through their delegate); DateField adds the calendar button and the flag's message for the
form, documents and photos.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.typed_dates import (
    ISO as ISO_TEXT,
)
from desktop.core.forms.typed_dates import (
    is_unreadable,
    read_typed_date,
    shown_date,
    typed_date_value,
)

FLAG_STYLE = "QLineEdit { border: 1px solid #b00020; background: #fff0f0; }"
MESSAGE_STYLE = "color: #b00020;"


class DateLineEdit(QLineEdit):
    user_changed = Signal()  # typed, stepped, picked or emptied (not when a value is shown)
    committed = Signal()  # Entrée, focus out, calendar, Suppr

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor: Callable[[], str | None] = lambda: None  # the calendar's empty start
        self.calendar: QCalendarWidget | None = None
        self.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.setClearButtonEnabled(True)
        for button in self.findChildren(QToolButton):  # Qt's clear button: say what it does
            button.setAccessibleName(self.tr("Effacer la date"))
            button.setToolTip(self.tr("Effacer la date (Suppr)"))
        self.textEdited.connect(self.user_changed)
        self.editingFinished.connect(self._finished)
        self.setMinimumHeight(self.sizeHint().height())  # the red flag's border moves nothing

    def value(self) -> str | None:
        """ISO when the text is a date, the text as typed when not, None when empty."""
        return typed_date_value(self.text())

    def set_value(self, value: str | None) -> None:
        self.setText(shown_date(value))

    def is_flagged(self) -> bool:
        return is_unreadable(self.value())

    def _finished(self) -> None:
        value = self.value()
        if value and not is_unreadable(value):
            self.setText(shown_date(value))  # « 11022025 » shown « 11/02/2025 »
        self.committed.emit()

    def _set_by_user(self, value: str | None) -> None:
        self.set_value(value)
        self.user_changed.emit()
        self.committed.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Reached by the keyboard (Tab, Entrée on a visit): typing replaces the date."""
        super().focusInEvent(event)
        if event.reason() not in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason):
            self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        alt = modifiers & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self._set_by_user(None)
        elif key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not modifiers:
            self.step_part(1 if key == Qt.Key.Key_Up else -1)
        else:
            super().keyPressEvent(event)

    def step_part(self, step: int) -> None:
        """Up/Down: one more or one less of the part under the cursor (day, month, year)."""
        current = read_typed_date(self.text())
        if current is None:
            return
        text, cursor = self.text(), self.cursorPosition()
        if any(not char.isdigit() for char in text):  # « 11/02/2025 »: by separators
            part = min(2, sum(1 for char in text[:cursor] if not char.isdigit()))
        else:  # « 11022025 »: by position
            part = min(2, cursor // 2)
        if ISO_TEXT.match(text):
            part = 2 - part  # « 2025-02-11 »: year first
        self.setText(_shift(current, part, step).strftime("%d/%m/%Y"))
        self.setSelection((0, 3, 6)[part], (2, 2, 4)[part])
        self.user_changed.emit()

    def open_calendar(self) -> None:
        """On the date shown, else on anchor() (the visit's date), else today."""
        shown = read_typed_date(self.text()) or read_typed_date(self.anchor() or "")
        start = shown or date.today()
        if self.calendar is None:  # one per field, kept (hidden) between uses
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.calendar.hide()
        self._set_by_user(day.toString(Qt.DateFormat.ISODate))
        self.setFocus()


class DateField(QWidget):
    """A DateLineEdit, its calendar button, and (with_message) the flag's message."""

    edited = Signal()
    committed = Signal()

    def __init__(self, parent: QWidget | None = None, with_message: bool = True) -> None:
        super().__init__(parent)
        self.line = DateLineEdit()
        self.line.setMaximumWidth(130)
        self.line.user_changed.connect(self.edited)
        self.line.committed.connect(self.committed)
        self.line.committed.connect(self._flag)
        self.line.textChanged.connect(self._unflag_when_readable)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choisir dans le calendrier (Alt+Bas)"))
        self.button.setAccessibleName(self.tr("Calendrier"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.button.clicked.connect(self.line.open_calendar)
        self.message = QLabel(self.tr("Date illisible, gardée telle quelle : écrivez JJ/MM/AAAA."))
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self._with_message = with_message
        self.setFocusProxy(self.line)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    @property
    def anchor(self) -> Callable[[], str | None]:
        return self.line.anchor

    @anchor.setter
    def anchor(self, anchor: Callable[[], str | None]) -> None:
        self.line.anchor = anchor

    def value(self) -> str | None:
        return self.line.value()

    def set_value(self, value: str | None) -> None:
        self.line.set_value(value)
        self._flag()

    def is_flagged(self) -> bool:
        return self.line.is_flagged()

    def _unflag_when_readable(self) -> None:
        """While typing, a flag goes as soon as the text is a date; none comes (half typed)."""
        if not self.line.is_flagged():
            self._flag()

    def _flag(self) -> None:
        """Red, with its message, once the user has finished a text that is not a date."""
        flagged = self.line.is_flagged()
        self.line.setStyleSheet(FLAG_STYLE if flagged else "")
        self.line.setToolTip(self.message.text() if flagged else "")
        self.message.setVisible(flagged and self._with_message)


def _shift(current: date, part: int, step: int) -> date:
    if part == 0:
        return current + timedelta(days=step)
    months = current.year * 12 + current.month - 1 + (step if part == 1 else 12 * step)
    year, month = divmod(months, 12)
    for day in range(current.day, 27, -1):  # 31/01 + 1 month: 28 or 29/02
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    return date(year, month + 1, min(current.day, 28))
