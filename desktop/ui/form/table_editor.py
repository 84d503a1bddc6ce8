"""A list of objects (people met, actions) as an editable table, columns from the template."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.templates import FieldSpec
from desktop.ui.form.field_widgets import FieldEditor

VALUE_ROLE = Qt.ItemDataRole.UserRole
EXTRA_ROLE = Qt.ItemDataRole.UserRole + 1  # keys of a row this template does not show


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for an enum column; the cell shows the French label."""

    def __init__(self, column: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
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


class TableEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.columns = spec.columns
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        for index, column in enumerate(self.columns):
            if column.widget == "select":
                self.table.setItemDelegateForColumn(index, ChoiceDelegate(column, self.table))
            if column.widget == "date":
                header = self.table.horizontalHeaderItem(index)
                header.setToolTip(self.tr("Date au format AAAA-MM-JJ"))
        self._loading = False
        self.table.itemChanged.connect(self._on_item_changed)
        add = QPushButton(self.tr("Ajouter une ligne"))
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Supprimer la ligne"))
        remove.clicked.connect(self.remove_current_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        column = self.columns[item.column()]
        if column.widget != "select":  # the delegate sets VALUE_ROLE for choices
            self._loading = True
            item.setData(VALUE_ROLE, item.text().strip() or None)
            self._loading = False
        self._fit()
        self.edited.emit()

    def _fit(self) -> None:
        """Show every row: the form scrolls as a whole, tables do not scroll inside it."""
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader().height()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(header + max(rows, 30) + 4)

    def add_row(self) -> None:
        self._append({})
        self._fit()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._fit()
            self.edited.emit()

    def _append(self, values: dict[str, Any]) -> None:
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for index, column in enumerate(self.columns):
            value = values.get(column.key)
            shown = column.label_of(value) if column.widget == "select" and value else value
            item = QTableWidgetItem("" if shown is None else str(shown))
            item.setData(VALUE_ROLE, value)
            self.table.setItem(row, index, item)
        known = {c.key for c in self.columns}
        extra = {k: v for k, v in values.items() if k not in known}
        if extra and self.columns:  # kept, never dropped, when the row is saved again
            self.table.item(row, 0).setData(EXTRA_ROLE, extra)
        self._loading = False

    def value(self) -> Any:
        rows = []
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            record = dict(first.data(EXTRA_ROLE) or {}) if first else {}
            for index, column in enumerate(self.columns):
                item = self.table.item(row, index)
                value = item.data(VALUE_ROLE) if item else None
                if value not in (None, ""):
                    record[column.key] = value
            if record:  # a row left empty is not kept
                rows.append(record)
        return rows or None

    def set_value(self, value: Any) -> None:
        self.table.setRowCount(0)
        for record in value if isinstance(value, list) else []:
            self._append(record if isinstance(record, dict) else {})
        self._fit()
