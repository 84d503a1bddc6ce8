"""The venue list: name and commune, from plain VenueSummary records.

It is in the window's first frame: its roles are plain integers (ui/qt_values.py).
It is a string list model of the venues' names, its data() read from the records, so
that its number of rows is answered in C++: a list view asks for the index of every row
each time it lays them out (QListViewPrivate::isHidden), and a rowCount written in
Python made that a call into Python per venue: some 1.5 ms per 1,000 venues (20 ms of
CPU at 15,000) in the first frame, and again at each letter typed in the filter. Its
rows are not edited: the view has no edit trigger (browser_panel.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QStringListModel

from desktop.core.storage.venue_summary import VenueSummary
from desktop.ui.qt_values import DISPLAY_ROLE, TOOLTIP_ROLE, USER_ROLE

ID_ROLE = USER_ROLE
NAME_ROLE = USER_ROLE + 1
COMMUNE_ROLE = USER_ROLE + 2


class VenueListModel(QStringListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.venues: list[VenueSummary] = []

    def set_venues(self, venues: list[VenueSummary], count: int | None = None) -> None:
        """count: how many venues there are in all when venues are the first of them
        (core/storage/first_screen.py); their rows show nothing until the whole list."""
        self.venues = venues  # before the reset: its rows are these venues' as it ends
        not_read = 0 if count is None else max(count - len(venues), 0)
        self.setStringList([venue.name for venue in venues] + [""] * not_read)  # a reset

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
