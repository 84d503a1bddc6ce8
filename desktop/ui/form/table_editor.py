"""A list of objects (people met, actions) as an editable table, columns from the template."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forms.templates import FieldSpec
from desktop.core.forms.typed_dates import is_unreadable, shown_date, typed_date_value
from desktop.ui.form.cell_delegates import (
    VALUE_ROLE,
    ChoiceDelegate,
    DateDelegate,
    TextDelegate,
    cell_value,
)
from desktop.ui.form.cell_typing import OpenCell
from desktop.ui.form.field_widgets import FieldEditor

EXTRA_ROLE = Qt.ItemDataRole.UserRole + 1  # keys of a row this template does not show


class TableEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.columns = spec.columns
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        self._size_columns()
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        # Columns narrowed (a small screen, the form shown at another width): wrapped cells
        # take more lines, so the rows are measured again, once the columns have settled.
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._refit.start())
        self.table.setAccessibleName(spec.title)
        self.open_cell = OpenCell(self.columns, self)  # saved while it is typed in
        self.open_cell.typed.connect(self._cell_typed)
        self.open_cell.closed.connect(self._cell_closed)
        self._typed_value: Any = None  # the value sent from the open cell's typing
        self._delegate(None, TextDelegate(self.table))
        self.dates = DateDelegate(self.table)
        for index, column in enumerate(self.columns):
            if column.widget == "select":
                self._delegate(index, ChoiceDelegate(column, self.table))
            if column.widget == "date":
                self._delegate(index, self.dates)
                header = self.table.horizontalHeaderItem(index)
                header.setToolTip(
                    f"{column.title} — " + self.tr("Date JJ/MM/AAAA (Alt+Bas : calendrier)")
                )
        self._loading = False
        self.table.itemChanged.connect(self._on_item_changed)
        add = QPushButton(self.tr("Ajouter une ligne"))
        add.setObjectName("add_row")
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Supprimer la ligne"))
        remove.setObjectName("remove_row")
        remove.clicked.connect(self.remove_current_row)
        self.restore = QPushButton(self.tr("Rétablir la ligne"))
        self.restore.setToolTip(self.tr("Remettre la ligne supprimée à sa place (Ctrl+Z)"))
        self.restore.clicked.connect(self.restore_removed_row)
        self.restore.hide()
        self._removed: tuple[int, dict] | None = None  # (its place, its values)
        self.table.installEventFilter(self)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fit()

    def _delegate(self, column: int | None, delegate) -> None:
        """The editor of a column (None: of all the others), watched while it is open."""
        if column is None:
            self.table.setItemDelegate(delegate)
        else:
            self.table.setItemDelegateForColumn(column, delegate)
        self.open_cell.watch(delegate)

    def _cell_typed(self) -> None:
        self._typed_value = self.value()
        self.edited.emit()

    def send_held(self) -> None:
        self.open_cell.send_held()

    def _cell_closed(self) -> None:
        """Échap after typing: the cell's value from before the edit is saved again (what
        was typed, then cancelled, was saved meanwhile). A committed cell is already sent."""
        if self.value() != self._typed_value:
            self.edited.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        column = self.columns[item.column()]
        self._loading = True
        if column.widget not in {"select", "date"}:  # their delegates set VALUE_ROLE
            item.setData(VALUE_ROLE, cell_value(column, item.text()))
        if column.widget == "date":
            if shown_date(item.data(VALUE_ROLE)) != item.text():  # text set, not typed
                item.setData(VALUE_ROLE, typed_date_value(item.text()))
            self._flag_date(item)
        self._loading = False
        self._fit()
        if self.open_cell.typed_in(item.row()) and self.value() == self._typed_value:
            return  # the open cell written as it closes: saved already, as it was typed
        self.edited.emit()

    def set_date_anchor(self, anchor) -> None:
        """Where an empty due date's calendar opens (the visit's date)."""
        self.dates.anchor = anchor

    def _flag_date(self, item: QTableWidgetItem) -> None:
        unreadable = is_unreadable(item.data(VALUE_ROLE))
        item.setForeground(QColor("#b00020") if unreadable else QBrush())
        item.setToolTip(
            self.tr("Date illisible, gardée telle quelle : écrivez JJ/MM/AAAA.")
            if unreadable
            else ""
        )

    def _fit(self) -> None:
        """Show every row: the form scrolls as a whole, tables do not scroll inside it."""
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader().height()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(header + max(rows, 30) + 4)

    def _size_columns(self) -> None:
        """Figures as wide as their title (« Abstentions »), the text columns sharing the
        rest: seven equal columns cut « Décision / résolution » to « cision / résoluti ».
        Every title is whole in its tooltip, should a narrow form still cut it."""
        header = self.table.horizontalHeader()
        for index, column in enumerate(self.columns):
            figure = column.widget in ("number", "integer")
            mode = (
                QHeaderView.ResizeMode.ResizeToContents
                if figure
                else QHeaderView.ResizeMode.Stretch
            )
            header.setSectionResizeMode(index, mode)
            self.table.horizontalHeaderItem(index).setToolTip(column.title)

    def add_row(self) -> None:
        self._append({})
        self._fit()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_current_row(self) -> None:
        """The row goes at once; « Rétablir la ligne » (or Ctrl+Z) puts it back."""
        row = self.table.currentRow()
        if row >= 0:
            self._removed = (row, self._record(row))
            with self._current_not_opened():  # the next row becomes current
                self.table.removeRow(row)
            self.table.setFocus()  # so that Ctrl+Z reaches the table, not the window
            self.restore.show()
            self._fit()
            self.edited.emit()

    def restore_removed_row(self) -> None:
        if self._removed is None:
            return
        row, record = self._removed
        self._forget_removed()
        self._append(record, at=min(row, self.table.rowCount()))
        self._fit()
        with self._current_not_opened():
            self.table.setCurrentCell(row, 0)
        self.edited.emit()

    @contextmanager
    def _current_not_opened(self) -> Iterator[None]:
        """The current cell changes without opening it for typing, which would replace
        its text with the next key."""
        triggers = self.table.editTriggers()
        self.table.setEditTriggers(triggers & ~QAbstractItemView.EditTrigger.CurrentChanged)
        try:
            yield
        finally:
            self.table.setEditTriggers(triggers)

    def _forget_removed(self) -> None:
        self._removed = None
        self.restore.hide()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and (self._undoes_removal(event) or self._starts_a_row(event)):
            return True
        return super().eventFilter(watched, event)

    def _undoes_removal(self, event) -> bool:
        """Ctrl+Z in the table (not in a cell being typed) puts the removed row back: the
        table takes the key before the window's Ctrl+Z (which restores deleted records)."""
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if not (self._removed and event.type() in kinds):
            return False
        if not event.matches(QKeySequence.StandardKey.Undo):
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            self.restore_removed_row()
        return True

    def _starts_a_row(self, event) -> bool:
        """Text typed into an empty table (reached with Tab) starts its first row with
        that text, instead of going nowhere."""
        if event.type() != QEvent.Type.KeyPress or self.table.rowCount():
            return False
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if not event.text().strip() or event.modifiers() & chord:
            return False
        self.add_row()  # its first cell opened for typing
        # The cell's own editor, not the focus widget: on a real display the focus moves
        # to it a moment later, and the first letter went to the table (« Camille » was
        # saved « amille »).
        editor = self.open_cell.editor or QApplication.focusWidget()
        if editor is not None and editor is not self.table:
            typed = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QApplication.sendEvent(editor, typed)
        return True

    def _append(self, values: dict[str, Any], at: int | None = None) -> None:
        self._loading = True
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        for index, column in enumerate(self.columns):
            value = values.get(column.key)
            shown = column.label_of(value) if column.widget == "select" and value else value
            if column.widget == "date":
                shown = shown_date(value)
            item = QTableWidgetItem("" if shown is None else str(shown))
            item.setData(VALUE_ROLE, value)
            if column.widget == "date":
                self._flag_date(item)
            self.table.setItem(row, index, item)
        known = {c.key for c in self.columns}
        extra = {k: v for k, v in values.items() if k not in known}
        if extra and self.columns:  # kept, never dropped, when the row is saved again
            self.table.item(row, 0).setData(EXTRA_ROLE, extra)
        self._loading = False

    def value(self) -> Any:
        rows = [self._record(row) for row in range(self.table.rowCount())]
        return [record for record in rows if record] or None  # a row left empty is not kept

    def _record(self, row: int) -> dict:
        first = self.table.item(row, 0)
        record = dict(first.data(EXTRA_ROLE) or {}) if first else {}
        for index, column in enumerate(self.columns):
            item = self.table.item(row, index)
            value = item.data(VALUE_ROLE) if item else None
            if value not in (None, ""):
                record[column.key] = value
        typed = self.open_cell.typed_in(row)
        if typed is not None:  # the cell being typed in: its text as it is now
            key, value = typed
            record.pop(key, None)
            if value not in (None, ""):
                record[key] = value
        return record

    def set_value(self, value: Any) -> None:
        self._forget_removed()  # another record, or its newer value: nothing to put back
        self.open_cell.forget()
        self.table.setRowCount(0)
        for record in value if isinstance(value, list) else []:
            self._append(record if isinstance(record, dict) else {})
        self._fit()
