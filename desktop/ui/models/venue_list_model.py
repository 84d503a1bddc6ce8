"""The venue list: name and commune, from plain VenueSummary records.

It is in the window's first frame: its roles are plain integers (ui/qt_values.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex

from desktop.core.storage.venue_summary import VenueSummary
from desktop.ui.qt_values import DISPLAY_ROLE, TOOLTIP_ROLE, USER_ROLE

ID_ROLE = USER_ROLE
NAME_ROLE = USER_ROLE + 1
COMMUNE_ROLE = USER_ROLE + 2


class VenueListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.venues: list[VenueSummary] = []
        self.count = 0  # rows: the venues, and those not read yet (the first frame's)

    def set_venues(self, venues: list[VenueSummary], count: int | None = None) -> None:
        """count: how many venues there are in all when venues are the first of them
        (core/storage/first_screen.py); their rows show nothing until the whole list."""
        self.beginResetModel()
        self.venues = venues
        self.count = len(venues) if count is None else max(count, len(venues))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.count

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or index.row() >= len(self.venues):
            return None
        venue = self.venues[index.row()]
        if role == DISPLAY_ROLE:
            return f"{venue.name}\n{venue.commune}" if venue.commune else venue.name
        if role == TOOLTIP_ROLE:
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
