"""The Suivi (Ctrl+T) in the window: its status-bar notice, checked once the window is
up, and its view, built the first time it is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget

from desktop.core.storage.changes import Changes
from desktop.ui.controllers.navigation import Navigation
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.views.followup_notice import FollowupNotice
from desktop.ui.views.lazy_editors import LazyEditors


class FollowupPage(QObject):
    def __init__(
        self, context: UiContext, pages: QStackedWidget, editors: LazyEditors, shown: Navigation
    ) -> None:
        super().__init__(context.parent)
        self.context, self.pages, self.editors, self.shown = context, pages, editors, shown
        self.store = context.workspace.store
        self._view = None
        self.notice = FollowupNotice()  # for the status bar
        self.notice.activated.connect(self.show)
        # After the first frame (the count reads every action); stopped on close.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.notice.check(self.store, context.runner))
        self.timer.start(1500)

    @property
    def view(self):
        if self._view is None:
            from desktop.ui.views.followup_view import FollowupView

            self._view = view = FollowupView(self.store)
            self.pages.addWidget(view)
            view.visit_requested.connect(self._open_visit_at)
            view.venue_requested.connect(self.shown.open_venue)
            view.action_changed.connect(self._action_marked)
            view.said.connect(self.context.say)
            view.counts_changed.connect(self.notice.set_counts)
        return self._view

    def show(self) -> None:
        self.context.flush_edits()
        self.pages.setCurrentWidget(self.view)
        self.view.reload()

    def on_changes(self, changes: Changes) -> None:
        """Shown, the view follows the data: colleagues' actions and agreements too."""
        shown = self._view is not None and self._view.isVisible()
        if shown and any(changes.touches(t) for t in ("visits", "venues", "photos")):
            self._view.reload()

    def forget_changes(self) -> None:
        """The database was replaced: the Suivi's Ctrl+Z no longer applies."""
        if self._view is not None:
            self._view.forget_changes()

    def stop(self) -> None:
        self.timer.stop()

    def _open_visit_at(self, visit_id: str, venue_id: str, key: str, row: int = -1) -> None:
        self.shown.open_visit(visit_id, venue_id)
        self.editors.visit.form.focus_field(key, row)

    def _action_marked(self, visit_id: str) -> None:
        if self.editors.open_visit_id() == visit_id:  # keep the editor's copy in step
            editor = self.editors.visit
            editor.open(self.store.get_visit(visit_id), editor.venue_name)
