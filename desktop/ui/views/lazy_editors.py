"""The venue and visit editors, built the first time they are shown.

Building the visit form (some sixty generated fields) is the costliest thing the
window does; deferring it keeps the first screen fast.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.core.storage.store import CarnetStore


class LazyEditors:
    def __init__(
        self, store: CarnetStore, media, pages: QStackedWidget, connect: Callable[[QWidget], None]
    ):
        self._store, self._media, self._pages, self._connect = store, media, pages, connect
        self._venue = None
        self._visit = None

    def _add(self, editor: QWidget) -> QWidget:
        self._pages.addWidget(editor)
        self._connect(editor)
        return editor

    @property
    def venue(self):
        if self._venue is None:
            from desktop.ui.views.document_editor import VenueEditor

            self._venue = self._add(VenueEditor(self._store, self._media))
        return self._venue

    @property
    def visit(self):
        if self._visit is None:
            from desktop.ui.views.document_editor import VisitEditor

            self._visit = self._add(VisitEditor(self._store, self._media))
        return self._visit

    def visit_if_built(self):
        return self._visit

    def on_changes(self, changes) -> None:
        for editor in self.built():
            editor.on_changes(changes)

    def built(self) -> list:
        return [e for e in (self._venue, self._visit) if e is not None]

    def flush(self) -> bool:
        return all([editor.flush() for editor in self.built()])

    def has_pending(self) -> bool:
        return any(editor.autosaver.has_pending for editor in self.built())

    def open_visit_id(self) -> str | None:
        return self._visit.record_id if self._visit else None

    def forget_visit(self) -> None:
        if self._visit:
            self._visit.record_id = None

    def rebuild_visit(self) -> bool:
        """The templates changed: the visit form is built again the next time it shows.
        What was being typed is saved first; if it cannot be yet, the form stays as it is
        (False) rather than lose it, and is rebuilt at the next arrival or restart."""
        if self._visit is None:
            return True
        if not self._visit.flush():
            return False
        self._pages.removeWidget(self._visit)
        self._visit.deleteLater()
        self._visit = None
        return True

    def forget_venue(self) -> None:
        if self._venue:
            self._venue.record_id = None
