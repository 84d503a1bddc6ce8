"""A read-only table of follow-up items, with optional group header rows and a check column.

Cells are computed when the view asks for them, so 30,000 actions cost no more to show
than the rows on screen; `rows` may be a lazy sequence (the Suivi's actions, read from
SQLite a page at a time: core/followup/action_rows.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

ITEM_ROLE = Qt.ItemDataRole.UserRole
LATE = QBrush(QColor("#b00020"))
GROUP_BACKGROUND = QBrush(QColor("#eef1f5"))
NO_PARENT = QModelIndex()


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    late: Callable[[Any], bool] | None = None  # shown in red when true


@dataclass(frozen=True)
class GroupRow:
    title: str


class ItemTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: Sequence[Any] = []
        self._group_rows: list[int] | None = []  # None: not computed since set_rows
        self.checkable: Callable[[Any], bool] | None = None  # column 0 is a check box
        self.checked: Callable[[Any], bool] = lambda item: False
        self.on_check: Callable[[Any, bool], None] | None = None

    def set_rows(self, rows: Sequence[Any], group_rows: list[int] | None = None) -> None:
        """group_rows: the indexes of the GroupRow among rows, when the caller knows them."""
        self.beginResetModel()
        self.rows = rows
        self._group_rows = group_rows
        self.endResetModel()

    def group_rows(self) -> list[int]:
        """Indexes of the group header rows (looked for once per set_rows)."""
        if self._group_rows is None:
            self._group_rows = [i for i, row in enumerate(self.rows) if type(row) is GroupRow]
        return self._group_rows

    def item(self, row: int) -> Any:
        value = self.rows[row] if 0 <= row < len(self.rows) else None
        return None if isinstance(value, GroupRow) else value

    def rowCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def flags(self, index: QModelIndex):
        row = self.rows[index.row()]
        if row is None:  # a page the database no longer fills, until the next refresh
            return Qt.ItemFlag.NoItemFlags
        if isinstance(row, GroupRow):
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.checkable and self.checkable(row):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if row is None:
            return None
        if isinstance(row, GroupRow):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return row.title
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return GROUP_BACKGROUND
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)  # the tooltip: whole, where the column shortens it
        if role == ITEM_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column.late and column.late(row):
            return LATE
        checkable = self.checkable and index.column() == 0 and self.checkable(row)
        if role == Qt.ItemDataRole.CheckStateRole and checkable:
            return Qt.CheckState.Checked if self.checked(row) else Qt.CheckState.Unchecked
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index.row())
        if role != Qt.ItemDataRole.CheckStateRole or item is None or not self.on_check:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.on_check(item, checked)
        return True
