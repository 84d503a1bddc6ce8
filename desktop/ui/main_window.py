"""The main window: arranges the browser, the editors, the menus and the status bar."""

from __future__ import annotations

import time
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import Qt, QTime, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.records import ChangeResult, TrashItem
from desktop.core.workspace import Workspace
from desktop.ui.background import BackgroundRunner
from desktop.ui.browser_panel import BrowserPanel
from desktop.ui.change_hub import ChangeHub
from desktop.ui.followup_notice import FollowupNotice
from desktop.ui.formatting import local_date
from desktop.ui.lazy_editors import LazyEditors
from desktop.ui.sync_ui import SyncUi
from desktop.ui.ui_context import UiContext

WINDOW_TITLE = "Carnet — visites de tiers-lieux"
VENUE_LIST_FIELDS = {"name", "commune", "_deleted"}  # what the venue list shows or hides


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.store = workspace.store
        self.runner = BackgroundRunner(self)
        self.hub = ChangeHub(workspace, self)  # what the data service changed, once
        self.deleted: list[TrashItem] = []  # this session's deletions, for Ctrl+Z
        self.open_url = QDesktopServices.openUrl  # replaceable in tests
        self.last_sheet = None
        self.setWindowTitle(self.tr("Carnet — visites de tiers-lieux"))
        self.browser = BrowserPanel(self.store)
        self.welcome = QLabel(self.tr(
            "<h2>Bienvenue dans Carnet</h2><p>Choisissez un lieu à gauche, ou créez-en un "
            "avec <b>Fichier › Nouveau lieu</b> (Ctrl+Maj+N).</p><p>Tout ce que vous saisissez "
            "est enregistré automatiquement, sans réseau.</p>"
        ))  # fmt: skip
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        # The editors are built on first use: the first screen shows only the lists.
        self.editors = LazyEditors(self.store, workspace.media, self.pages, self._connect_editor)
        split = QSplitter()
        split.addWidget(self.browser)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 966])
        self.setCentralWidget(split)
        self._connect()
        self._build_menus()
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.context = UiContext(workspace, self.runner, self.statusBar(), self,
                                 self._flush_editors)  # fmt: skip
        self.sync = SyncUi(self.context)
        self.sync.open_visit_requested.connect(self.open_visit)
        self.statusBar().addPermanentWidget(self.sync.indicator)
        self.followup_notice = FollowupNotice()
        self.followup_notice.activated.connect(self.show_followup)
        self.statusBar().addPermanentWidget(self.followup_notice)
        self._followup = None  # the Suivi view, built on first use
        # After the first frame (the count decodes every visit); stopped on close.
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(
            lambda: self.followup_notice.check(self.store, self.runner)
        )
        self.notice_timer.start(1500)
        self.browser.reload_venues()
        self._update_counts()
        self.sync.start()
        self.statusBar().showMessage(self.tr("Prêt — données locales : %1").replace(
            "%1", str(workspace.data_dir)), 8000)  # fmt: skip

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        self.browser.venue_selected.connect(self.show_venue)
        self.browser.visit_selected.connect(self.show_visit)
        self.hub.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """Show what a mutation changed, whoever made it (an editor, a sync, a command)."""
        if changes.everything or any(
            fields & VENUE_LIST_FIELDS for fields in changes.records.get("venues", {}).values()
        ):
            self.browser.reload_venues(self.browser.venue_id)
            self._update_counts()
        from_visit_editor = (
            changes.origin is not None and changes.origin is self.editors.visit_if_built()
        )
        if self.browser.venue_id and changes.touches("visits") and not from_visit_editor:
            self.browser.reload_visits(self.browser.current_visit_id())
        for editor in self.editors.built():
            editor.on_changes(changes)
        followup_shown = self._followup is not None and self._followup.isVisible()
        if followup_shown and (changes.touches("visits") or changes.touches("venues")):
            self._followup.reload()  # colleagues' actions and agreements too
        if changes.conflicts or changes.everything:
            self.sync.refresh_indicator()

    def _connect_editor(self, editor) -> None:
        editor.save_failed.connect(self._save_failed)
        if hasattr(editor, "new_visit_requested"):
            editor.new_visit_requested.connect(self.new_visit)
            editor.changed.connect(self._venue_saved)
            editor.visit_requested.connect(self.open_visit)
        else:
            editor.changed.connect(self._visit_saved)
            editor.delete_requested.connect(self.delete_visit)

    @property
    def venue_editor(self):
        return self.editors.venue

    @property
    def visit_editor(self):
        return self.editors.visit

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&Fichier"))
        self._action(file, self.tr("Nouveau &lieu…"), self.new_venue, "Ctrl+Shift+N")
        self.new_visit_action = self._action(
            file, self.tr("&Nouvelle visite"), self.new_visit, "Ctrl+N"
        )
        file.addSeparator()
        self._action(file, self.tr("Générer la fiche &PDF"), lambda: self.generate_pdf(), "Ctrl+P")
        self._action(file, self.tr("Fiche PDF (&options)…"), self.generate_pdf_with_options,
                     "Ctrl+Shift+P")  # fmt: skip
        file.addSeparator()
        self._action(file, self.tr("&Exporter…"), self.export, "Ctrl+E")
        self._action(file, self.tr("&Importer (JSON)…"), self.import_json, "Ctrl+I")
        file.addSeparator()
        self._action(file, self.tr("Syn&chroniser maintenant"), lambda: self.sync.controller.sync_now(),
                     "F9")  # fmt: skip
        self._action(file, self.tr("S&ynchronisation…"), lambda: self.sync.show_panel(),
                     "Ctrl+Shift+Y")  # fmt: skip
        self._action(file, self.tr("&Sauvegarder maintenant"), lambda: self.backups.backup_now())
        self._action(file, self.tr("&Restaurer une sauvegarde…"),
                     lambda: self.backups.choose_and_restore())  # fmt: skip
        file.addSeparator()
        self._action(file, self.tr("&Préférences…"), self.edit_preferences, "Ctrl+,")
        self._action(file, self.tr("&Quitter"), self.close, "Ctrl+Q")
        edit = bar.addMenu(self.tr("É&dition"))
        self.undo_action = self._action(edit, self.tr("&Annuler la suppression"),
                                        self.undo_delete, "Ctrl+Z")  # fmt: skip
        self.undo_action.setEnabled(False)
        self._action(edit, self.tr("Supprimer la &visite"), lambda: self.delete_visit(None),
                     "Ctrl+Del")  # fmt: skip
        self._action(edit, self.tr("Supprimer le &lieu"), self.delete_venue, "Ctrl+Shift+Del")
        self._action(edit, self.tr("&Corbeille…"), self.show_trash, "Ctrl+Shift+T")
        go = bar.addMenu(self.tr("&Aller"))
        self._action(go, self.tr("&Rechercher dans les visites…"), self.search,
                     "Ctrl+F")  # fmt: skip
        self._action(go, self.tr("&Filtrer les lieux"), self._focus_filter, "Ctrl+L")
        self._action(go, self.tr("Fiche du &lieu"), self._show_current_venue, "Ctrl+Shift+L")
        self._action(go, self.tr("&Suivi (actions, conventions, visites)"), self.show_followup,
                     "Ctrl+T")  # fmt: skip
        self._action(go, self.tr("Fermer la &visite"), self.close_visit,
                     "Ctrl+W")  # fmt: skip
        help_menu = bar.addMenu(self.tr("Aid&e"))
        self._action(help_menu, self.tr("À &propos de Carnet"), self.about)

    # ------------------------------------------------------------------ showing
    def show_venue(self, venue_id: str) -> None:
        self._flush_editors()
        self.venue_editor.open(self.store.get_venue(venue_id))
        self.pages.setCurrentWidget(self.venue_editor)

    def show_visit(self, visit_id: str) -> None:
        self._flush_editors()
        visit = self.store.get_visit(visit_id)
        venue = self.store.get_venue(visit.venue_id)
        self.visit_editor.open(visit, venue.name)
        self.pages.setCurrentWidget(self.visit_editor)

    def open_visit(self, visit_id: str, venue_id: str) -> None:
        self.browser.select_venue(venue_id)
        self.browser.select_visit(visit_id)
        self.show_visit(visit_id)

    @property
    def followup(self):
        if self._followup is None:
            from desktop.ui.followup_view import FollowupView

            self._followup = view = FollowupView(self.store)
            self.pages.addWidget(view)
            view.visit_requested.connect(self.open_visit_at)
            view.venue_requested.connect(lambda venue_id: (self.browser.select_venue(venue_id),
                                                           self.show_venue(venue_id)))  # fmt: skip
            view.action_changed.connect(self._action_marked)
            view.counts_changed.connect(self.followup_notice.set_counts)
        return self._followup

    def show_followup(self) -> None:
        self._flush_editors()
        self.pages.setCurrentWidget(self.followup)
        self.followup.reload()

    def open_visit_at(self, visit_id: str, venue_id: str, key: str, row: int = -1) -> None:
        self.open_visit(visit_id, venue_id)
        self.visit_editor.form.focus_field(key, row)

    def _action_marked(self, visit_id: str) -> None:
        if self.editors.open_visit_id() == visit_id:  # keep the editor's copy in step
            self.visit_editor.open(self.store.get_visit(visit_id), self.visit_editor.venue_name)
        self.statusBar().showMessage(self.tr("Statut de l'action enregistré."), 4000)

    def _show_current_venue(self) -> None:
        if self.browser.venue_id:
            self.show_venue(self.browser.venue_id)

    def close_visit(self) -> None:
        self._flush_editors()
        self.editors.forget_visit()
        self.browser.visit_view.clearSelection()
        self._show_current_venue() if self.browser.venue_id else self.pages.setCurrentWidget(
            self.welcome
        )

    def _focus_filter(self) -> None:
        self.browser.filter.setFocus()
        self.browser.filter.selectAll()

    # ------------------------------------------------------------------ saving
    def _flush_editors(self) -> bool:
        return self.editors.flush()

    def _visit_saved(self, result: ChangeResult) -> None:
        data = self.visit_editor.data
        type_field = self.store.templates.visit.field("visit_type")
        label = type_field.label_of(data["visit_type"]) if data.get("visit_type") else ""
        self.browser.visits.apply_change(result, data.get("visit_date") or "", label)
        self._saved_message()

    def _venue_saved(self, result: ChangeResult) -> None:
        if {"name", "commune"} & set(result.changed):
            self.browser.reload_venues()
        self._saved_message()

    def _saved_message(self) -> None:
        self.sync.controller.local_change()
        now = QTime.currentTime().toString("HH:mm:ss")
        self.statusBar().showMessage(self.tr("Enregistré à %1").replace("%1", now), 4000)

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    # ------------------------------------------------------------------ creating
    def new_venue(self) -> None:
        from desktop.core.directory_store import (
            ensure_bundled_directory,
            identity_from_entry,
            search_directory,
        )
        from desktop.core.venue_directory import DirectoryImportError, bundled_directory_path
        from desktop.ui.new_venue_dialog import NewVenueDialog

        try:
            ensure_bundled_directory(self.workspace, bundled_directory_path())
        except DirectoryImportError as error:  # the app still works without the directory
            self.statusBar().showMessage(str(error), 8000)
        dialog = NewVenueDialog(lambda q: search_directory(self.workspace.db, q), self)
        if dialog.exec() != NewVenueDialog.DialogCode.Accepted:
            return
        entry = dialog.picked_entry()
        identity = identity_from_entry(entry) if entry else {}
        venue = self.store.create_venue({**identity, **dialog.identity()})
        self.browser.filter.clear()
        self.browser.reload_venues(venue.id)
        self.show_venue(venue.id)
        self._update_counts()

    def new_visit(self) -> None:
        venue_id = self.browser.venue_id
        if not venue_id:
            QMessageBox.information(self, self.tr("Nouvelle visite"),
                                    self.tr("Choisissez d'abord un lieu dans la liste."))  # fmt: skip
            return
        self._flush_editors()
        visit = self.store.create_visit(venue_id)
        self.browser.reload_visits(select_id=visit.id)
        self.show_visit(visit.id)
        self.visit_editor.form.focus_field("visit_type")
        if visit.carried_over:
            self.statusBar().showMessage(self.tr(
                "Gouvernance, modèle économique et occupation repris de la visite du %1 : "
                "vérifiez-les.").replace("%1", local_date(visit.carried_from)), 10000)  # fmt: skip
        self._update_counts()

    # ------------------------------------------------------------------ deleting
    def delete_visit(self, visit_id: str | None) -> None:
        visit_id = visit_id or self.editors.open_visit_id() or self.browser.current_visit_id()
        if not visit_id:
            return
        self._flush_editors()
        self.store.delete_visit(visit_id)
        self.deleted.append(TrashItem("visit", visit_id, "", ""))
        self.editors.forget_visit()
        self.browser.reload_visits()
        self._show_current_venue()
        self._deleted_message(self.tr("Visite mise à la corbeille."))

    def delete_venue(self) -> None:
        venue_id = self.browser.venue_id
        if not venue_id:
            return
        self._flush_editors()
        self.store.delete_venue(venue_id)
        self.deleted.append(TrashItem("venue", venue_id, "", ""))
        self.browser.venue_id = None
        self.editors.forget_venue()
        self.editors.forget_visit()
        self.browser.reload_venues()
        self.browser.reload_visits()
        self.pages.setCurrentWidget(self.welcome)
        self._deleted_message(self.tr("Lieu mis à la corbeille, avec ses visites."))

    def _deleted_message(self, text: str) -> None:
        self.undo_action.setEnabled(True)
        hint = self.tr("Ctrl+Z pour annuler, ou Édition › Corbeille.")
        self.statusBar().showMessage(f"{text} {hint}", 10000)
        self._update_counts()

    def undo_delete(self) -> None:
        if self.deleted:
            self.restore(self.deleted.pop())
        self.undo_action.setEnabled(bool(self.deleted))

    def restore(self, item: TrashItem) -> None:
        if item.kind == "venue":
            self.store.restore_venue(item.id)
            self.browser.reload_venues(item.id)
            self.browser.select_venue(item.id)
        elif item.kind == "visit":
            self.store.restore_visit(item.id)
            visit = self.store.get_visit(item.id)
            self.browser.select_venue(visit.venue_id)
            self.browser.reload_visits(select_id=item.id)
            self.show_visit(item.id)
        else:  # a photo or a document: back in its visit or venue
            table = "photos" if item.kind == "photo" else "documents"
            self.store.set_deleted(table, item.id, None)
            self._show_restored_attachment(table, item.id)
        self.statusBar().showMessage(self.tr("Restauré."), 4000)
        self._update_counts()

    def _show_restored_attachment(self, table: str, record_id: str) -> None:
        parent = "visit_id" if table == "photos" else "venue_id"
        owner = self.store.db.conn.execute(
            f"SELECT {parent} FROM {table} WHERE id = ?", (record_id,)
        ).fetchone()[0]
        if table == "photos":
            self.open_visit(owner, self.store.get_visit(owner).venue_id)
        else:
            self.browser.select_venue(owner)
            self.show_venue(owner)

    def show_trash(self) -> None:
        from desktop.ui.trash_dialog import TrashDialog

        dialog = TrashDialog(self.store.list_trash, self)
        dialog.restore_requested.connect(self.restore)
        dialog.exec()

    # ------------------------------------------------------------------ search
    def search(self) -> None:
        from desktop.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.store.search_visits, self)
        dialog.visit_chosen.connect(self.open_visit)
        dialog.exec()

    # ------------------------------------------------------------------ PDF
    def generate_pdf(self, audience: str = "reseau", blank: bool = False) -> None:
        """Render the open visit's sheet in the background, then open it in the viewer."""
        visit_id = self.editors.open_visit_id() or self.browser.current_visit_id()
        if not visit_id:
            QMessageBox.information(self, self.tr("Fiche PDF"),
                                    self.tr("Ouvrez d'abord une visite."))  # fmt: skip
            return
        self._flush_editors()
        folder = self.workspace.data_dir / "Fiches"

        def job(workspace):
            from desktop.core.pdf.service import make_sheet, write_sheet

            folder.mkdir(exist_ok=True)
            sheet = make_sheet(workspace, visit_id, audience, blank)
            return write_sheet(sheet, folder), sheet.photos_left_out

        self.context.run_with_busy_dialog(self.tr("Fiche PDF en cours…"), job, self._sheet_ready)

    def generate_pdf_with_options(self) -> None:
        from desktop.ui.pdf_dialog import PdfDialog

        dialog = PdfDialog(self)
        if dialog.exec() == PdfDialog.DialogCode.Accepted:
            self.generate_pdf(*dialog.choice())

    def _sheet_ready(self, result) -> str:
        path, left_out = result
        self.last_sheet = path
        self.open_url(QUrl.fromLocalFile(str(path)))
        text = self.tr("Fiche enregistrée : %1").replace("%1", str(path))
        if left_out:
            text += " " + self.tr("%n photo(s) sans autorisation laissée(s) hors de la fiche.",
                                  "", left_out)  # fmt: skip
        return text

    # ------------------------------------------------------------------ exchange
    def export(self) -> None:
        """XLSX or CSV tables for the network, or the lossless JSON (desktop/ui/export_dialog)."""
        from desktop.ui.export_dialog import export_from

        export_from(self.context, self.browser.venue_id, self._exported_message)

    def import_json(self) -> None:
        from desktop.core import exchange

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Importer un export Carnet"), "", "JSON (*.json)"
        )
        if path:
            self._flush_editors()
            self.context.run_with_busy_dialog(self.tr("Import en cours…"),
                                lambda ws: exchange.import_json(ws.store, Path(path)),
                                self._imported_message)  # fmt: skip

    def _exported_message(self, counts: dict[str, int]) -> str:
        text = self.tr("Export terminé : %1 lieux, %2 visites, %3 photos.")
        text = text.replace("%1", str(counts["venues"])).replace("%2", str(counts["visits"]))
        text = text.replace("%3", str(counts["photos"]))
        if counts["photos_left_out"]:
            text += " " + self.tr(
                "%n photo(s) de personnes reconnaissables sans autorisation laissée(s) de côté.",
                "", counts["photos_left_out"])  # fmt: skip
        return text

    def _imported_message(self, counts: dict[str, int]) -> str:
        return self.tr("Import terminé : %1 nouveaux, %2 mis à jour.").replace(
            "%1", str(counts["created"])).replace("%2", str(counts["updated"]))  # fmt: skip

    # ------------------------------------------------------------------ settings
    def edit_preferences(self) -> None:
        from desktop.ui.preferences_dialog import PreferencesDialog

        keys = ("network_name", "network_logo", "language")
        values = {key: self.workspace.setting(key) for key in (*keys, "shared_folder")}
        values["user_name"] = self.store.author.user_name
        values["device_id"] = self.store.author.device_id
        dialog = PreferencesDialog(values, self, self.workspace.data_dir)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        chosen = dialog.values()
        if chosen["user_name"]:
            self.workspace.set_setting("user_name", chosen["user_name"])
        for key in keys:
            self.workspace.set_setting(key, chosen[key])
        if chosen["shared_folder"] != values["shared_folder"]:
            self.workspace.set_setting("shared_folder", chosen["shared_folder"])
            self.workspace.set_setting("sync_share_known", "")
            self.sync.restart()

    @cached_property
    def backups(self):
        """Automatic and manual backups, restore (desktop/ui/backup_controller.py)."""
        from desktop.ui.backup_controller import BackupController

        controller = BackupController(self.context)
        controller.restored.connect(self.forget_after_restore)
        return controller

    def forget_after_restore(self) -> None:
        """The database was replaced underneath: open records and undo no longer apply
        (the lists follow the data service's broadcast)."""
        self.editors.forget_visit()
        self.editors.forget_venue()
        self.deleted.clear()
        self.undo_action.setEnabled(False)
        self.browser.venue_id = None
        self.pages.setCurrentWidget(self.welcome)

    def about(self) -> None:
        from desktop.ui.about_dialog import show_about

        show_about(self, self.workspace.data_dir)

    def _update_counts(self) -> None:
        venues = self.workspace.db.conn.execute(
            "SELECT count(*) FROM venues WHERE deleted_at IS NULL"
        ).fetchone()[0]
        self.counts.setText(self.tr("%n lieu(x)", "", venues))

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        started = time.monotonic()
        while not self._flush_editors() and time.monotonic() - started < 2:
            time.sleep(0.2)
        if self.editors.has_pending():
            answer = QMessageBox.warning(
                self, self.windowTitle(),
                self.tr("Les dernières modifications n'ont pas pu être enregistrées (disque "
                        "plein ou inaccessible ?). Quitter quand même et les perdre ?"),
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.sync.stop()
        self.hub.stop()
        self.notice_timer.stop()
        self.runner.wait(5000)
        event.accept()
