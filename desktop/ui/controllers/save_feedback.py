"""What the window shows when an editor saved, or could not: the visit's row in the list,
the venue list when a name moved, « Enregistré à … »; and the sync told of a local edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTime

from desktop.core.storage.records import ChangeResult
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.texts import fill
from desktop.ui.views.browser_panel import BrowserPanel
from desktop.ui.views.lazy_editors import LazyEditors


class SaveFeedback(QObject):
    def __init__(
        self,
        context: UiContext,
        browser: BrowserPanel,
        editors: LazyEditors,
        local_change: Callable[[], None],
    ) -> None:
        """local_change: tells the sync that this laptop has something new to publish."""
        super().__init__(context.parent)
        self.context, self.browser, self.editors = context, browser, editors
        self._local_change = local_change

    def watch(self, editor, is_visit: bool) -> None:
        editor.save_failed.connect(self.context.status.showMessage)  # until the next message
        editor.changed.connect(self._visit_saved if is_visit else self._venue_saved)

    def _visit_saved(self, result: ChangeResult) -> None:
        data = self.editors.visit.data
        type_field = self.context.workspace.store.templates.visit.field("visit_type")
        label = type_field.label_of(data["visit_type"]) if data.get("visit_type") else ""
        author = data.get("facilitator") or self.context.workspace.store.author.user_name
        self.browser.visits.apply_change(result, data.get("visit_date") or "", label, author)
        self._saved()

    def _venue_saved(self, result: ChangeResult) -> None:
        if {"name", "commune"} & set(result.changed):
            self.browser.reload_venues()
        self._saved()

    def _saved(self) -> None:
        self._local_change()
        now = QTime.currentTime().toString("HH:mm:ss")
        self.context.say(fill(self.tr("Enregistré à %1"), now), 4000)
