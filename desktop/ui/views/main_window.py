"""The main window: arranges the browser, the editors, the menus and the status bar.

The menus are built in main_menus.py beside it; the work lives in ui/controllers/, on
the UiContext: record_actions, sheet_actions, exchange_actions, preferences_flow,
followup_page, save_feedback, sync_ui, backup_controller, resign_progress. The window
connects them and shows the records they ask for (controllers/navigation.py).

It is built in two steps. Its frame (the lists, the welcome page, the menus, the status
bar's count) needs only the venues' list: at start it is painted from first_screen.py's
light read, before the workspace is open. finish(workspace) then builds the rest (the
store, the controllers, the menus' actions, sync): the start calls it right after the
first frame (ui/first_frame.py), or at the first click or key if that comes sooner.
MainWindow(workspace) does both at once. The controllers' modules are imported by
finish(): this module and what the frame needs stay light.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolButton, QWidget

from desktop.core.storage.first_screen import FirstScreen
from desktop.ui.controllers.window_state import WindowState
from desktop.ui.views.browser_panel import BrowserPanel
from desktop.ui.views.main_menus import MainMenus
from desktop.ui.views.message_bar import MessageBar
from desktop.ui.views.roomy_split import RoomySplitter
from desktop.ui.views.welcome_page import welcome_label

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.core.storage.records import TrashItem
    from desktop.core.storage.workspace import Workspace

WINDOW_TITLE = "Carnet — visites de tiers-lieux"


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace | None,
        parent: QWidget | None = None,
        first_screen: FirstScreen | None = None,
    ) -> None:
        """workspace None: the frame only, from first_screen, until finish(workspace)."""
        super().__init__(parent)
        self.workspace: Workspace | None = None  # finish()
        self.setWindowTitle(self.tr("Carnet — visites de tiers-lieux"))
        screen = first_screen or FirstScreen(workspace.data_dir, workspace.read_only)
        self._build_pages(screen)
        self.setStatusBar(MessageBar())  # long messages shortened, kept whole (message_bar.py)
        self.menus = MainMenus(self)
        self.undo_action = self.menus["undo_delete"]
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        # The sync's button, empty until finish(): the status bar has its height already.
        self.sync_indicator = QToolButton(autoRaise=True)
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.state = WindowState(
            self, {"main": self.split, "lists": self.browser.split}, screen.data_dir
        )
        if workspace is not None:
            self.finish(workspace)
        else:
            self.browser.show_venues(screen.venues, screen.venue_count)
            self._show_count(screen.venue_count)

    @property
    def finished(self) -> bool:
        return self.workspace is not None

    def finish(self, workspace: Workspace) -> None:
        """Everything the frame left out; once."""
        if self.finished:
            return
        from PySide6.QtGui import QDesktopServices

        from desktop.ui import file_dialogs
        from desktop.ui.controllers.activation import Activation
        from desktop.ui.controllers.background import BackgroundRunner
        from desktop.ui.controllers.change_hub import ChangeHub
        from desktop.ui.controllers.navigation import Navigation
        from desktop.ui.controllers.ui_context import UiContext
        from desktop.ui.texts import fill
        from desktop.ui.views.lazy_editors import LazyEditors

        self.workspace = workspace
        self.store = workspace.store
        self.runner = BackgroundRunner(self)
        self.hub = ChangeHub(workspace, self)  # what the data service changed, once
        self.open_url = QDesktopServices.openUrl  # replaceable in tests
        self._going_to_visit = False  # open_visit: the lists follow, the pages wait for it
        file_dialogs.use_settings(self.state.settings)  # their last folders, in window.ini
        self.browser.attach(self.store)
        # The editors are built on first use: the first screen shows only the lists.
        self.editors = LazyEditors(
            self.store, self.workspace.media, self.pages, self._connect_editor
        )
        self.context = UiContext(
            workspace, self.runner, self.statusBar(), self, self._flush_editors
        )
        shown = Navigation(
            self.show_venue, self.show_visit, self.open_venue, self.open_visit, self.show_welcome
        )
        self._build_controllers(shown)
        self.activation = Activation(self)  # click on the selected row, Entrée
        self._connect()
        self.statusBar().addPermanentWidget(self.followup_notice)
        self.browser.reload_venues()
        self._update_counts()
        if not workspace.read_only:  # a sync pass writes: nothing to do on a read-only folder
            self.sync.start()
        self.context.say(fill(self.tr("Prêt — données locales : %1"), workspace.data_dir), 8000)

    def _build_controllers(self, shown) -> None:
        from desktop.ui.controllers.dashboard_page import DashboardPage
        from desktop.ui.controllers.exchange_actions import ExchangeActions
        from desktop.ui.controllers.followup_page import FollowupPage
        from desktop.ui.controllers.record_actions import RecordActions
        from desktop.ui.controllers.resign_progress import Resigning
        from desktop.ui.controllers.save_feedback import SaveFeedback
        from desktop.ui.controllers.sheet_actions import SheetActions
        from desktop.ui.controllers.sync_ui import SyncUi

        self.records = RecordActions(self.context, self.browser, self.editors, shown)
        self.deleted: list[TrashItem] = self.records.deleted  # this session's, for Ctrl+Z
        self.records.identity_known = self.ask_identity
        self.sheets = SheetActions(
            self.context, self.records.current_visit_id, lambda url: self.open_url(url)
        )
        self.exchange = ExchangeActions(self.context, lambda: self.browser.venue_id)
        self.sync = SyncUi(self.context, self.sync_indicator)
        self.saves = SaveFeedback(self.context, self.browser, self.editors)
        self.followup_page = FollowupPage(self.context, self.pages, self.editors, shown)
        self.followup_notice = self.followup_page.notice
        self.dashboard = DashboardPage(self.context, self.pages, shown)
        self.resigning = Resigning(self.context)  # visits following the name given

    def _build_pages(self, screen: FirstScreen) -> None:
        self.browser = BrowserPanel(None)  # its store comes with finish()
        self.welcome = welcome_label()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.split = RoomySplitter()  # the lists narrow on a small screen (roomy_split.py)
        self.split.addWidget(self.browser)
        self.split.addWidget(self.pages)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([400, 966])
        if screen.read_only:
            from desktop.ui.views.read_only_banner import read_only_banner

            self.setCentralWidget(read_only_banner(self.split))
        else:
            self.setCentralWidget(self.split)

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        self.browser.venue_selected.connect(self.show_venue)
        self.browser.visit_selected.connect(self.show_visit)
        self.pages.currentChanged.connect(lambda _page: self.state.remember_shown())
        self.browser.visit_editor = self.editors.visit_if_built
        for view in (self.browser, self.editors, self.followup_page, self.dashboard, self.sync):
            self.hub.changed.connect(view.on_changes)  # each shows what concerns it
        self.browser.venues_reloaded.connect(self._update_counts)
        self.sync.open_visit_requested.connect(self.open_visit)
        self.sync.templates_changed.connect(self._templates_changed)
        self.records.undo_available.connect(self.undo_action.setEnabled)
        self.records.venues_changed.connect(self._update_counts)
        self.menus.connect(
            {
                "new_venue": self.new_venue,
                "new_visit": self.new_visit,
                "new_record": lambda: self.records.choose_new_record(),
                "pdf": lambda: self.generate_pdf(),
                "pdf_options": self.sheets.generate_with_options,
                "export": self.exchange.export,
                "import_json": self.exchange.import_json,
                "sync_now": lambda: self.sync.controller.sync_now(),
                "sync_panel": self.sync.show_panel,
                "backup_now": lambda: self.backups.backup_now(),
                "restore_backup": lambda: self.backups.choose_and_restore(),
                "preferences": self.edit_preferences,
                "quit": self.close,
                "undo_delete": self.records.undo_delete,
                "delete_visit": lambda: self.delete_visit(None),
                "delete_venue": self.delete_venue,
                "trash": self.show_trash,
                "persons": self.records.show_persons,
                "search": self.search,
                "filter_venues": self._focus_filter,
                "show_venue": self._show_current_venue,
                "followup": self.show_followup,
                "dashboard": self.dashboard.show,
                "venue_map": lambda: self.dashboard.show(on_map=True),
                "close_visit": self.close_visit,
                "about": self.about,
                "recent_messages": lambda: self.statusBar().show_recent(),
            }
        )

    def _connect_editor(self, editor) -> None:
        is_venue = hasattr(editor, "new_visit_requested")
        self.saves.watch(editor, is_visit=not is_venue)
        if is_venue:
            editor.new_visit_requested.connect(self.new_visit)
            editor.new_record_requested.connect(self.records.new_record)
            editor.visit_requested.connect(self.open_visit)
        else:
            editor.delete_requested.connect(self.delete_visit)
            editor.kind_shown.connect(self.menus.name_record)  # « Supprimer la fiche »…

    @property
    def venue_editor(self):
        return self.editors.venue

    @property
    def visit_editor(self):
        return self.editors.visit

    # ------------------------------------------------------------------ showing
    def show_venue(self, venue_id: str) -> None:
        if self._going_to_visit:
            return
        self._flush_editors()
        self.venue_editor.open(self.store.get_venue(venue_id))
        self.pages.setCurrentWidget(self.venue_editor)
        self.state.remember_shown()  # at once: a killed app reopens it (window_state.py)

    def show_visit(self, visit_id: str) -> None:
        if self._going_to_visit:
            return
        self._flush_editors()
        visit = self.store.get_visit(visit_id)
        venue = self.store.get_venue(visit.venue_id)
        self.visit_editor.open(visit, venue.name)
        self.pages.setCurrentWidget(self.visit_editor)
        self.state.remember_shown()

    def _templates_changed(self) -> None:
        """A network template arrived: the open visit is shown again in its new form."""
        built = self.editors.visit_if_built()
        shown = built is not None and self.pages.currentWidget() is built and built.record_id
        if self.editors.rebuild_visit() and shown:
            self.show_visit(shown)

    def open_visit(self, visit_id: str, venue_id: str) -> None:
        """The visit's page, its venue and itself selected in the lists. The venue's page is
        not built nor filled on the way (its editor and history: half a second the first
        time), and the visit is opened once, not once per list."""
        self._going_to_visit = True
        try:
            self.browser.select_venue(venue_id)
            self.browser.select_visit(visit_id)
        finally:
            self._going_to_visit = False
        self.show_visit(visit_id)

    def open_venue(self, venue_id: str) -> None:
        self.browser.select_venue(venue_id)
        self.show_venue(venue_id)

    def show_welcome(self) -> None:
        self.pages.setCurrentWidget(self.welcome)

    @property
    def followup(self):
        """The Suivi view (followup_page.py)."""
        return self.followup_page.view

    def show_followup(self) -> None:
        self.followup_page.show()

    def _show_current_venue(self) -> None:
        if self.browser.venue_id:
            self.show_venue(self.browser.venue_id)

    def close_visit(self) -> None:
        self._flush_editors()
        self.editors.forget_visit()
        self.browser.visit_view.clearSelection()
        self._show_current_venue() if self.browser.venue_id else self.show_welcome()

    def _focus_filter(self) -> None:
        self.browser.filter.setFocus()
        self.browser.filter.selectAll()

    def search(self) -> None:
        from desktop.ui.dialogs.search_dialog import SearchDialog

        dialog = SearchDialog(self.store.search_visits, self)
        dialog.visit_chosen.connect(self.open_visit)
        dialog.exec()

    def _flush_editors(self) -> bool:
        return self.editors.flush()

    # ------------------------------------------------ the menus' actions (record_actions.py…)
    def new_venue(self) -> None:
        self.records.new_venue()

    def new_visit(self) -> None:
        self.records.new_visit()

    def delete_visit(self, visit_id: str | None) -> None:
        self.records.delete_visit(visit_id)

    def delete_venue(self) -> None:
        self.records.delete_venue()

    def restore(self, item: TrashItem) -> None:
        self.records.restore(item)

    def show_trash(self) -> None:
        self.records.show_trash()

    def generate_pdf(self, audience: str = "reseau", blank: bool = False) -> None:
        self.sheets.generate(audience, blank)

    def ask_identity(self) -> bool:
        """First run: who the user is, before the first record (controllers/first_run.py)."""
        from desktop.ui.controllers.first_run import ask_identity

        return ask_identity(self.context, self.sync.restart, self.resigning)

    def edit_preferences(self) -> None:
        from desktop.ui.controllers.preferences_flow import edit_preferences

        edit_preferences(self.context, self.sync.restart, self.resigning)

    @cached_property
    def backups(self):
        """Automatic and manual backups, restore (desktop/ui/controllers/backup_controller.py)."""
        from desktop.ui.controllers.backup_controller import BackupController

        controller = BackupController(self.context)
        controller.restored.connect(self.forget_after_restore)
        self.hub.changed.connect(controller.on_changes)  # the backup after editing stops
        return controller

    def forget_after_restore(self) -> None:
        """The database was replaced underneath: open records and undo no longer apply
        (the lists follow the data service's broadcast); what it took back is published."""
        self.editors.forget_visit()
        self.editors.forget_venue()
        self.records.forget_deletions()
        self.followup_page.forget_changes()
        self.browser.venue_id = None
        self.show_welcome()
        # What the restore put back is an edit of this laptop: published like one, soon.
        self.sync.controller.local_change()

    def about(self) -> None:
        from desktop.ui.dialogs.about_dialog import show_about

        show_about(self, self.workspace.data_dir)

    def _update_counts(self) -> None:
        from desktop.core.storage.trash import count_live_venues

        self._show_count(count_live_venues(self.store))

    def _show_count(self, venues: int) -> None:
        self.counts.setText(self.tr("%n lieu(x)", "", venues))

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.finished:  # closed before the rest was built: nothing to save but this
            self.state.save()
            event.accept()
            return
        self._flush_editors()  # each autosaver waits for its writes (2 s at most)
        if self.editors.has_pending() and not self._lose_unsaved_edits():
            event.ignore()
            return
        self.state.save()
        self.resigning.stop()  # after its running batch (the rest at the next start)
        if "backups" in self.__dict__:  # started: a last one if anything changed since
            self.backups.at_closing()
        for part in (self.sync, self.hub, self.browser, self.followup_page):
            part.stop()
        self.runner.wait(5000)
        event.accept()

    def _lose_unsaved_edits(self) -> bool:
        """Edits could not be written (disk full?): does the user quit all the same?"""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self,
            self.windowTitle(),
            self.tr(
                "Les dernières modifications n'ont pas pu être enregistrées (disque "
                "plein ou inaccessible ?). Quitter quand même et les perdre ?"
            ),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
        )
        return answer == QMessageBox.StandardButton.Discard
