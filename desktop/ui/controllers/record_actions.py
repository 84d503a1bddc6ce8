"""Creating, deleting and restoring venues and visits, with Ctrl+Z for this session's
deletions (Fichier › Nouveau…, Édition › Supprimer…, Corbeille).

The controller gets what it acts on (the context, the lists, the editors) and how the
window shows a record (navigation.py), not the window itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QMessageBox

from desktop.core.storage import trash
from desktop.core.storage.purge import Purged, empty_trash
from desktop.core.storage.records import TrashItem
from desktop.ui.controllers.navigation import Navigation
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.formatting import local_date
from desktop.ui.texts import fill
from desktop.ui.views.browser_panel import BrowserPanel
from desktop.ui.views.lazy_editors import LazyEditors


class RecordActions(QObject):
    undo_available = Signal(bool)  # whether Ctrl+Z has a deletion to take back
    venues_changed = Signal()  # a venue was created, trashed or restored: the count moves

    def __init__(
        self, context: UiContext, browser: BrowserPanel, editors: LazyEditors, show: Navigation
    ) -> None:
        super().__init__(context.parent)
        self.context, self.browser, self.editors, self.show = context, browser, editors, show
        self.store = context.workspace.store
        self.deleted: list[TrashItem] = []  # this session's deletions, for Ctrl+Z
        self.identity_known: Callable[[], bool] = lambda: True  # first run: asks the name

    # ------------------------------------------------------------------ creating
    def new_venue(self) -> None:
        from desktop.core.storage.directory_store import identity_from_entry, search_directory
        from desktop.ui.dialogs.new_venue_dialog import NewVenueDialog

        if not self.identity_known():
            return
        self._load_directory()
        workspace = self.context.workspace
        dialog = NewVenueDialog(lambda q: search_directory(workspace.db, q), self.context.parent)
        if dialog.exec() != NewVenueDialog.DialogCode.Accepted:
            return
        entry = dialog.picked_entry()
        identity = identity_from_entry(entry) if entry else {}
        venue = self.store.create_venue({**identity, **dialog.identity()})
        self.browser.filter.clear()
        self.browser.reload_venues(venue.id)
        self.show.show_venue(venue.id)
        self.venues_changed.emit()

    def _load_directory(self) -> None:
        """The national venue list, for the new venue dialog's suggestions."""
        from desktop.core.forms.venue_directory import DirectoryImportError, bundled_directory_path
        from desktop.core.storage.directory_store import ensure_bundled_directory

        try:
            ensure_bundled_directory(self.context.workspace, bundled_directory_path())
        except DirectoryImportError as error:  # the app still works without the directory
            self.context.say(str(error), 8000)

    def new_visit(self) -> None:
        self.new_record(self.store.templates.visit.id)

    def choose_new_record(self, where: QPoint | None = None) -> None:
        """« Nouveau… » (Ctrl+Alt+N): the templates, then a record of the one chosen."""
        from desktop.ui.views.new_record_menu import NewRecordMenu

        menu = NewRecordMenu(self.store.templates, self.context.parent)
        menu.chosen.connect(self.new_record)
        parent = self.context.parent
        menu.exec(where or parent.mapToGlobal(parent.rect().center()))

    def new_record(self, template_id: str) -> None:
        """A record of that template for the selected venue, opened at its first choice."""
        venue_id = self.browser.venue_id
        template = self.store.templates.template_or_visit(template_id)
        if not venue_id:
            QMessageBox.information(
                self.context.parent,
                template.title,
                self.tr("Choisissez d'abord un lieu dans la liste."),
            )
            return
        if not self.identity_known():
            return
        self.context.flush_edits()
        record = self.store.create_record(venue_id, template.id)
        self.browser.reload_visits(select_id=record.id)
        self.show.show_visit(record.id)
        first = template.kind_key or next((f.key for f in template.fields), "")
        if first:
            self.editors.visit.form.focus_field(first, at_top=True)
        if record.carried_over:
            sections = template.sections
            titles = [s.title for s in sections if {f.key for f in s.fields} & record.carried_over]
            text = self.tr("Repris de la fiche du %1 : %2. Vérifiez-les avec le lieu.")
            if template.id == self.store.templates.visit.id:
                text = self.tr("Repris de la visite du %1 : %2. Vérifiez-les avec le lieu.")
            self.context.say(fill(text, local_date(record.carried_from), ", ".join(titles)))

    # ------------------------------------------------------------------ deleting
    def current_visit_id(self) -> str | None:
        """The visit open in the editor, else the one selected in the list."""
        return self.editors.open_visit_id() or self.browser.current_visit_id()

    def delete_visit(self, visit_id: str | None) -> None:
        """The given visit, else the current one."""
        visit_id = visit_id or self.current_visit_id()
        if not visit_id:
            return
        self.context.flush_edits()
        is_visit = self.store.template_of(visit_id).id == self.store.templates.visit.id
        self.store.delete_visit(visit_id)
        self.deleted.append(TrashItem("visit", visit_id, "", ""))
        self.editors.forget_visit()
        self.browser.reload_visits()
        if self.browser.venue_id:
            self.show.show_venue(self.browser.venue_id)
        # The list, not the venue's first field: Ctrl+Z must reach « Annuler la
        # suppression », not a line edit's own undo.
        self.browser.visit_view.setFocus()
        self._deleted_message(
            self.tr("Visite mise à la corbeille.")
            if is_visit
            else self.tr("Fiche mise à la corbeille.")  # a meeting's minutes: no visit
        )

    def delete_venue(self) -> None:
        venue_id = self.browser.venue_id
        if not venue_id:
            return
        self.context.flush_edits()
        self.store.delete_venue(venue_id)
        self.deleted.append(TrashItem("venue", venue_id, "", ""))
        self.browser.venue_id = None
        self.editors.forget_venue()
        self.editors.forget_visit()
        self.browser.reload_venues()
        self.browser.reload_visits()
        self.show.show_welcome()
        self.browser.venue_view.setFocus()  # as for a visit: Ctrl+Z undoes the deletion
        self._deleted_message(self.tr("Lieu mis à la corbeille, avec ses visites."))

    def _deleted_message(self, text: str) -> None:
        self.undo_available.emit(True)
        hint = self.tr("Ctrl+Z pour annuler, ou Édition › Corbeille.")
        self.context.say(f"{text} {hint}")
        self.venues_changed.emit()

    # ------------------------------------------------------------------ restoring
    def undo_delete(self) -> None:
        if self.deleted:
            self.restore(self.deleted.pop())
        self.undo_available.emit(bool(self.deleted))

    def forget_deletions(self) -> None:
        """The database was replaced (a backup restored): Ctrl+Z no longer applies."""
        self.deleted.clear()
        self.undo_available.emit(False)

    def restore(self, item: TrashItem) -> None:
        """Out of the trash, and shown where it belongs."""
        trash.restore(self.store, item)
        place = trash.place_of(self.store, item)
        if item.kind == "venue":
            self.browser.reload_venues(item.id)
            self.browser.select_venue(item.id)
        elif item.kind == "visit":
            self.browser.select_venue(place.venue_id)
            self.browser.reload_visits(select_id=item.id)
            self.show.show_visit(item.id)
        elif place.visit_id:  # a photo: back in its visit
            self.show.open_visit(place.visit_id, place.venue_id)
        else:  # a document: back in its venue
            self.show.open_venue(place.venue_id)
        self.context.say(self.tr("Restauré."), 4000)
        self.venues_changed.emit()

    def show_trash(self) -> None:
        from desktop.ui.dialogs.trash_dialog import TrashDialog

        dialog = TrashDialog(self.store.list_trash, self.purge, self.context.parent)
        dialog.restore_requested.connect(self.restore)
        dialog.exec()

    def purge(self, ids: list[str]) -> Purged:
        """Trash items deleted for good (all when ids is empty): Ctrl+Z forgets them."""
        self.context.flush_edits()
        purged = empty_trash(self.store, self.context.workspace.media, ids)
        gone = {record_id for _, record_id in purged.records}
        self.deleted[:] = [item for item in self.deleted if item.id not in gone]
        self.undo_available.emit(bool(self.deleted))
        self.venues_changed.emit()
        return purged

    def show_persons(self) -> None:
        """Édition › Personnes: what is held about a person met, and erasing it."""
        from desktop.core.privacy.erasure import Erasure, erase_person
        from desktop.core.privacy.persons import find_person
        from desktop.ui.dialogs.persons_dialog import PersonsDialog

        def erase(name: str) -> Erasure:
            self.context.flush_edits()  # a name being typed is erased too
            return erase_person(self.store, name)

        dialog = PersonsDialog(
            lambda name: find_person(self.store, name), erase, self.context.parent
        )
        dialog.exec()
