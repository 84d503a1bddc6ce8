"""The selected venue's records (visits, meeting minutes…): date, type (a record of
another template than the visit sheet: its kind too), author, completeness, problems.

The window's first frame imports it: its roles are plain integers (ui/qt_values.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject
from PySide6.QtGui import QColor

from desktop.ui.formatting import local_date, percent
from desktop.ui.qt_values import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, USER_ROLE

if TYPE_CHECKING:
    from desktop.core.storage.records import ChangeResult, VisitSummary

ID_ROLE = USER_ROLE


class VisitTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visits: list[VisitSummary] = []
        self.visit_template_id = ""  # records of other templates show their kind
        self.headers = [
            self.tr("Date"),
            self.tr("Type"),
            self.tr("Auteur"),
            self.tr("Complétude"),
            self.tr("État"),
        ]

    def set_visits(self, visits: list[VisitSummary]) -> None:
        self.beginResetModel()
        self.visits = visits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visits)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=DISPLAY_ROLE) -> Any:
        if role == DISPLAY_ROLE and orientation == QtCore.Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        visit = self.visits[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return visit.id
        if role == DISPLAY_ROLE:
            return self._text(visit, column)
        if role == FOREGROUND_ROLE and column == 4 and visit.error_count:
            return QColor("#b00020")
        if role == TOOLTIP_ROLE and column in (1, 2):
            return self._text(visit, column)  # whole, when the column elides it
        if role == TOOLTIP_ROLE and column == 4 and visit.error_count:
            return self.tr("Des champs sont à corriger : ouvrez la fiche pour les voir.")
        return None

    def _text(self, visit: VisitSummary, column: int) -> str:
        if column == 0:
            return local_date(visit.visit_date)
        if column == 1:  # another template's record says which: « Instances… · Bureau »
            if visit.template_id and visit.template_id != self.visit_template_id:
                return " · ".join(filter(None, (visit.kind, visit.visit_type)))
            return visit.visit_type
        if column == 2:
            return visit.author
        if column == 3:
            return percent(visit.completeness)
        if visit.error_count:
            return self.tr("⚠ %n à corriger", "", visit.error_count)
        return self.tr("OK")

    def row_of(self, visit_id: str) -> int:
        return next((i for i, v in enumerate(self.visits) if v.id == visit_id), -1)

    def apply_change(
        self, change: ChangeResult, visit_date: str, visit_type: str, author: str
    ) -> None:
        """Refresh one row after an autosave, without reloading the list."""
        row = self.row_of(change.record_id)
        if row < 0:
            return
        errors = sum(len(m) for m in change.errors.values())
        self.visits[row] = replace(
            self.visits[row],
            completeness=change.completeness,
            error_count=errors,
            visit_date=visit_date,
            visit_type=visit_type,
            author=author,  # « Facilitateur·rice » edited: the list follows at once
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
