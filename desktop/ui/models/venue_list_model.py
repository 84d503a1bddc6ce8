"""The venue list: name and commune, from plain VenueSummary records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from desktop.core.storage.venue_summary import VenueSummary

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
COMMUNE_ROLE = Qt.ItemDataRole.UserRole + 2


class VenueListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.venues: list[VenueSummary] = []

    def set_venues(self, venues: list[VenueSummary]) -> None:
        self.beginResetModel()
        self.venues = venues
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.venues)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        venue = self.venues[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{venue.name}\n{venue.commune}" if venue.commune else venue.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{venue.name} — {venue.commune}"
        if role == ID_ROLE:
            return venue.id
        if role == NAME_ROLE:
            return venue.name
        if role == COMMUNE_ROLE:
            return venue.commune
        return None

    def row_of(self, venue_id: str) -> int:
        return next((i for i, v in enumerate(self.venues) if v.id == venue_id), -1)
