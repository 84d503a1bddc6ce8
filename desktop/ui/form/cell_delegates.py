"""The editors of a table's cells: text, a choice, a date. Each delegate says when it
opens an editor (`opened`), so that what is typed in it can be saved before it closes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from desktop.core.forms.templates import FieldSpec
from desktop.core.forms.typed_dates import shown_date
from desktop.core.forms.typed_numbers import cell_number
from desktop.ui.form.date_field import DateLineEdit

VALUE_ROLE = Qt.ItemDataRole.UserRole


def cell_value(column: FieldSpec, text: str) -> Any:
    """A typed cell's value: a count or an amount as a number (« 12 », « 1 234,5 »); text
    that is not one is kept as typed (the validation flags it, nothing is lost)."""
    if column.widget in {"integer", "number"}:
        value = cell_number(column, text)  # the `set` command's reading too
        return None if value == "" else value
    return text.strip() or None


class WatchedDelegate(QStyledItemDelegate):
    """A delegate that tells which editor it opened, on which cell."""

    opened = Signal(QWidget, QModelIndex)

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = self.make_editor(parent, option, index)
        self.opened.emit(editor, index)
        return editor

    def make_editor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        return super().createEditor(parent, option, index)


class TextDelegate(WatchedDelegate):
    """Text, counts and amounts: Qt's line edit (the table reads the number)."""


class ChoiceDelegate(WatchedDelegate):
    """A combo box for an enum column; the cell shows the French label."""

    def __init__(self, column: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column

    def make_editor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("—", None)
        for value, label in self.column.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        value = editor.currentData()
        model.setData(index, value, VALUE_ROLE)
        model.setData(
            index, self.column.label_of(value) if value else "", Qt.ItemDataRole.DisplayRole
        )


class DateDelegate(WatchedDelegate):
    """A date column edited like every date of the app (DateLineEdit); the cell shows
    « 11/02/2025 », or the text as typed in red when it is not a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor = lambda: None

    def make_editor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = DateLineEdit(parent)
        editor.anchor = self.anchor
        return editor

    def setEditorData(self, editor: DateLineEdit, index: QModelIndex) -> None:
        editor.set_value(index.data(VALUE_ROLE))

    def setModelData(self, editor: DateLineEdit, model, index: QModelIndex) -> None:
        value = editor.value()
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, shown_date(value), Qt.ItemDataRole.DisplayRole)
