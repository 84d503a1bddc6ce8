"""Small pieces of the Suivi view: the filter combos and their model, a table's look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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


class LazyCombo(QComboBox):
    """A filter whose entries are read when the user opens it (or moves through it with
    the keys or the wheel), not at each refresh of the Suivi: listing everyone responsible
    for an action, or every venue with actions, is a scan of all the actions. Until then
    it holds its « all » entry and the choice made, so the filter shown stays true."""

    def __init__(self, everyone: str) -> None:
        super().__init__()
        self.setModel(ComboModel(self))
        self.model().set_entries([(everyone, ANY)])
        self.loader: Callable[[], list[tuple[str, str]]] | None = None

    def set_loader(self, loader: Callable[[], list[tuple[str, str]]]) -> None:
        """Entries to read when next needed (the data changed); the choice is kept."""
        self.loader = loader
        first = self.model().entries[0]
        kept = (self.currentText(), self.currentData())
        self._refill([first] if kept[1] == ANY else [first, kept])

    def ensure_loaded(self) -> None:
        loader, self.loader = self.loader, None
        if loader is not None:
            self._refill(loader())

    def _refill(self, entries: list[tuple[str, str]]) -> None:
        """One model reset, not an addItem per venue. (PySide6 6.12 on Python 3.11 drops
        a reference to None on each call of a method returning nothing; 1,500 addItem per
        refresh end in « deallocating None » after a few refreshes.)"""
        kept = self.currentData() if self.count() else ANY
        self.blockSignals(True)
        self.model().set_entries(entries)
        self.setCurrentIndex(max(0, self.findData(kept)))
        self.blockSignals(False)
        if self.currentData() != kept:  # that choice is gone: the filter follows
            self.currentIndexChanged.emit(self.currentIndex())

    def showPopup(self) -> None:  # noqa: N802 - Qt's names
        self.ensure_loaded()
        super().showPopup()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.ensure_loaded()
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        self.ensure_loaded()
        super().wheelEvent(event)


MEASURED_ROWS = 100


class FittedTable(QTableView):
    """A table whose columns fit their contents once it first has rows (a hidden table,
    another tab of the Suivi, when it is shown): later refreshes (a sync, a filter, an
    action marked done) keep the widths, the user's own included, and cost no measuring
    (it was half the time of filling the Suivi)."""

    def __init__(self) -> None:
        super().__init__()
        self.fit_pending = False
        self.fitted = False  # once fitted with rows, widths are the user's

    def fit_columns(self) -> None:
        if self.fitted:
            return
        self.fit_pending = not self.isVisible()
        if not self.fit_pending:
            _fit_columns(self)
            self.fitted = self.model().rowCount() > 0

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.fit_pending:
            self.fit_columns()

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt's name
        """Début and Fin (Ctrl or not) go to the first or last row in the current column,
        as in a list: Qt's table also went to the last column and scrolled the group's
        title out of view, leaving « ) »."""
        ends = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
        if action not in ends:
            return super().moveCursor(action, modifiers)
        index = super().moveCursor(action, Qt.KeyboardModifier.ControlModifier)
        current = self.currentIndex()
        return index.sibling(index.row(), current.column() if current.isValid() else 0)


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


FITTED_MIN, FITTED_SHARE = 160, 0.4  # a fitted column's width, at most: the share of the view


def _fit_columns(view: QTableView) -> None:
    """Columns as wide as their titles and contents (no « n de l'occupatio »), the last
    one taking what is left."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    view.resizeColumnsToContents()
    # A long text (an action's wording) is shortened « … » (whole in its tooltip) rather
    # than push the other columns out of a narrow window (1024 px).
    widest = max(FITTED_MIN, int(view.viewport().width() * FITTED_SHARE))
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)
    header.setStretchLastSection(True)
