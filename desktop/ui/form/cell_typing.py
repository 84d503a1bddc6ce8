"""The cell being typed in: its text reaches the autosave as a plain field's does.

A cell's editor writes into the table only when it closes (Entrée, Tab, a click
elsewhere). Until then the table's value reads the open editor (`typed_in`), and `typed`
is emitted at each change, so the autosave stores the text within its usual delay: a
crash with the cell still open loses nothing. A date that cannot be read yet (« 3/1 »)
waits as a date field's does, so a date half typed is not flagged while it is typed.

Échap still cancels the edit: the cell shows its value from before the edit again, and
`closed` lets the table save that value again, so the database never keeps cancelled text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.core.forms.templates import FieldSpec
from desktop.core.forms.typed_dates import is_unreadable
from desktop.ui.form.cell_delegates import WatchedDelegate, cell_value
from desktop.ui.form.date_field import DateLineEdit
from desktop.ui.form.field_widgets import DateEditor

_NOTHING = object()  # nothing typed in the open cell yet


class OpenCell(QObject):
    typed = Signal()  # the open cell's value changed by the user
    closed = Signal()  # its editor closed after the user typed in it (committed or Échap)

    def __init__(self, columns: tuple[FieldSpec, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._index = QPersistentModelIndex()
        self._editor: QWidget | None = None
        self._value: Any = _NOTHING
        self._later = QTimer(self, singleShot=True, interval=DateEditor.UNREADABLE_DELAY_MS)
        self._later.timeout.connect(self.typed)

    def watch(self, delegate: WatchedDelegate) -> None:
        delegate.opened.connect(self._opened)
        delegate.closeEditor.connect(self._closed)

    @property
    def editor(self) -> QWidget | None:
        """The editor of the cell open for typing, if one is."""
        return self._editor

    def typed_in(self, row: int) -> tuple[str, Any] | None:
        """(column key, value typed) when row's open cell was typed in."""
        if self._value is _NOTHING or not self._index.isValid() or self._index.row() != row:
            return None
        return self.columns[self._index.column()].key, self._value

    def send_held(self) -> None:
        """A date not readable yet is sent now (the app closes, a record opens)."""
        if self._later.isActive():
            self._later.stop()
            self.typed.emit()

    def forget(self) -> None:
        """The table shows other rows: no editor of the old ones is open any more."""
        self._later.stop()
        self._index, self._editor, self._value = QPersistentModelIndex(), None, _NOTHING

    def _opened(self, editor: QWidget, index: QModelIndex) -> None:
        self.forget()
        self._index, self._editor = QPersistentModelIndex(index), editor
        column = self.columns[index.column()]
        if isinstance(editor, QComboBox):  # activated: chosen by the user, not loaded
            editor.activated.connect(lambda: self._changed(editor, editor.currentData()))
        elif isinstance(editor, DateLineEdit):
            editor.user_changed.connect(lambda: self._changed(editor, editor.value()))
        elif isinstance(editor, QLineEdit):  # textEdited: typed, not loaded
            editor.textEdited.connect(lambda text: self._changed(editor, cell_value(column, text)))

    def _changed(self, editor: QWidget, value: Any) -> None:
        if editor is not self._editor:
            return
        self._value = value
        self._later.stop()
        if isinstance(editor, DateLineEdit) and is_unreadable(value):
            self._later.start()  # « 3/1 » is saved as typed once the user stops on it
        else:
            self.typed.emit()

    def _closed(self, editor: QWidget, _hint) -> None:
        if editor is not self._editor:
            return
        was_typed = self._value is not _NOTHING
        self.forget()
        if was_typed:
            self.closed.emit()
