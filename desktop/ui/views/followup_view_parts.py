"""Small pieces of the Suivi view: the filter combos' model, a table's look."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from desktop.ui.models.followup_model import NO_PARENT, ItemTableModel

ANY = "\x00any"  # a combo's « all » entry
OPEN_ONLY = "\x00open"  # the status combo's « not done »: no None in combos (PySide6 frees
# the None a QVariant gave back once too often, and crashes after a few thousand calls)


class ComboModel(QAbstractListModel):
    """(label, value) entries for a combo box, replaced in one reset."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str, str]] = []

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.entries[index.row()][0]
        if role == Qt.ItemDataRole.UserRole:
            return self.entries[index.row()][1]
        return None


MEASURED_ROWS = 100


class FittedTable(QTableView):
    """A table whose columns fit their contents after each reset of its model; a hidden
    table (another tab of the Suivi) fits them when it is shown, not at every refresh."""

    def __init__(self) -> None:
        super().__init__()
        self.fit_pending = False

    def fit_columns(self) -> None:
        self.fit_pending = not self.isVisible()
        if not self.fit_pending:
            _fit_columns(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.fit_pending:
            self.fit_columns()


def _table(model: ItemTableModel) -> QTableView:
    view = FittedTable()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)  # fixed rows: no per-row measuring
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    # Fitting the columns measures the rows shown and this many more, not all 20,000
    # actions (Qt's default, 1,000, made it half the time of filling the Suivi).
    view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
    view.setAlternatingRowColors(True)
    model.modelReset.connect(view.fit_columns)
    return view


def _fit_columns(view: QTableView) -> None:
    """Columns as wide as their titles and contents (no « n de l'occupatio »), the last
    one taking what is left."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    view.resizeColumnsToContents()
    header.setStretchLastSection(True)
