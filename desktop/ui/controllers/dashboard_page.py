"""« Tableau de bord » in the window: its view is built, and its module imported, the first
time it is shown, so the window starts as before."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from desktop.core.storage.changes import Changes
from desktop.ui.controllers.navigation import Navigation
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.texts import fill


class DashboardPage(QObject):
    def __init__(self, context: UiContext, pages: QStackedWidget, shown: Navigation) -> None:
        super().__init__(context.parent)
        self.context, self.pages, self.shown = context, pages, shown
        self._view = None

    @property
    def view(self):
        if self._view is None:
            from desktop.ui.views.dashboard_view import DashboardView

            workspace = self.context.workspace
            self._view = DashboardView(workspace.store, workspace=workspace)
            self.pages.addWidget(self._view)
            self._view.venue_requested.connect(self.shown.open_venue)
            self._view.report_written.connect(self._written)
        return self._view

    def show(self, on_map: bool = False) -> None:
        self.context.flush_edits()
        self.pages.setCurrentWidget(self.view)
        self.view.tabs.setCurrentIndex(1 if on_map else 0)
        self.view.reload()

    def _written(self, path: str) -> None:
        self.context.say(fill(self.tr("Bilan annuel enregistré : %1"), path), 8000)

    def on_changes(self, changes: Changes) -> None:
        """Shown, the figures follow the data (colleagues' visits too)."""
        shown = self._view is not None and self._view.isVisible()
        if shown and any(changes.touches(t) for t in ("visits", "venues")):
            self._view.reload()
