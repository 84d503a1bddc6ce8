"""What the window shows when an editor saved, or could not: the visit's row in the list,
the venue list when a name moved, « Enregistré à … »; and the sync told of a local edit."""

from __future__ import annotations

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
    ) -> None:
        """The sync learns of each save from the data service's broadcast (SyncUi)."""
        super().__init__(context.parent)
        self.context, self.browser, self.editors = context, browser, editors

    def watch(self, editor, is_visit: bool) -> None:
        editor.save_failed.connect(self.context.status.showMessage)  # until the next message
        editor.changed.connect(self._visit_saved if is_visit else self._venue_saved)

    def _visit_saved(self, result: ChangeResult) -> None:
        editor = self.editors.visit
        data, template = editor.data, editor.form.template  # the open record's template
        kind = template.field(template.kind_key) if template.kind_key else None
        value = data.get(template.kind_key) if kind else None
        label = kind.label_of(value) if kind and value else ""
        author = data.get(template.author_key) if template.author_key else None
        author = author or self.context.workspace.store.author.user_name
        day = data.get(template.date_key) or ""
        self.browser.visits.apply_change(result, day, label, author)
        self._saved()

    def _venue_saved(self, result: ChangeResult) -> None:
        if {"name", "commune"} & set(result.changed):
            self.browser.reload_venues()
        self._saved()

    def _saved(self) -> None:
        now = QTime.currentTime().toString("HH:mm:ss")
        self.context.say(fill(self.tr("Enregistré à %1"), now), 4000)
