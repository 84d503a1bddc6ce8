"""Composition root: settings -> core services -> main window.

The start paints the window's frame first, from a light read of the data folder
(core/storage/first_screen.py), and opens the workspace and builds the rest of the
window right after that first frame (StartAfterFrame). Only what the frame needs is
imported before it: the rest of the window, the storage layer, the dialogs come after,
beside the database's damage check (SQLite's quick_check, on a thread started then).
"""

from __future__ import annotations

import gc
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.diagnostics.log_files import start_logging
from desktop.core.storage.data_dir import DATABASE_NAME, DataDirError
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.first_screen import FirstScreen, read_first_screen
from desktop.ui.controllers.single_instance import SingleInstance, bring_to_front, claim_data_dir
from desktop.ui.error_hooks import install_error_hooks
from desktop.ui.first_frame import after_first_frame
from desktop.ui.i18n import choose_language, install_translators
from desktop.ui.screen_fit import keep_on_screen
from desktop.ui.texts import fill
from desktop.ui.views.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.core.backups.damage import BackgroundCheck
    from desktop.core.storage.workspace import Workspace


def create_window(workspace: Workspace, reopen_later: bool = False) -> MainWindow:
    """reopen_later: the last visit comes back after the first frame (first_frame_work)."""
    return placed(MainWindow(workspace), reopen_later)


def placed(window: MainWindow, reopen_later: bool = True) -> MainWindow:
    window.resize(1280, 720)
    window.state.restore(reopen=not reopen_later)  # as left: geometry, splitters, last visit
    return window


def check_templates_or_quit(workspace: Workspace, window: MainWindow) -> None:
    """Check the templates once the window is up (the check imports jsonschema)."""
    from desktop.core.forms.templates import TemplateError

    try:
        for template in (*workspace.templates.records, workspace.templates.venue):
            template.validator  # noqa: B018 - builds the validator, checking the schema
    except TemplateError as error:
        message = QCoreApplication.translate(
            "App", "Un modèle de fiche est invalide, Carnet ne peut pas continuer : %1"
        )
        say_critical(window, fill(message, error))
        window.close()


def say_critical(parent, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, "Carnet", text)


def clean_leftovers(workspace: Workspace) -> None:
    """Temporary files of an interrupted attach, backup or restore, in the background."""
    from desktop.core.backups.recovery import clean_leftovers as clean

    clean(workspace, in_background=True)


def first_frame_work(workspace: Workspace, window: MainWindow) -> list:
    """What waits for the first frame: the last visit opened again (its editor is built
    then), the template check, and on a writable folder the first run's « who are you »
    (before any record) and the notice of a fresh device id."""
    work = [window.state.reopen_last, lambda: check_templates_or_quit(workspace, window)]
    return work if workspace.read_only else [*work, window.ask_identity, tell_moved(window)]


def tell_moved(window: MainWindow):
    """Once, if the database took a fresh device id (restored from another computer)."""

    def tell() -> None:
        from desktop.ui.controllers.device_notice import tell_device_moved

        tell_device_moved(window.workspace, window)

    return tell


def open_workspace_or_say(
    data_dir: Path | None, language: str | None, check: BackgroundCheck | None, parent=None
) -> Workspace | None:
    """The workspace, a damaged database recovered first; None when the user quits or it
    cannot be opened (said in French)."""
    from desktop.core.backups.making import BackupError
    from desktop.ui.dialogs.damaged_start import open_or_recover

    try:
        return open_or_recover(data_dir, language, check=check)  # damaged: set aside, restored
    except (DataDirError, DatabaseError, BackupError) as error:
        app = QApplication.instance()
        if not getattr(
            app, "translators", None
        ):  # before the saved language: --lang or the system's
            app.translators = install_translators(app, choose_language(language, None))
        say_critical(parent, str(error))
        return None


class StartAfterFrame:
    """The start's second half, right after the first frame (or at the first click, key or
    menu action, if sooner): the workspace opened (a damaged base recovered), the window
    finished, then what waited for the frame (first_frame_work); the single-instance
    socket, the icon, today's backup. A failure to open quits with code 2."""

    def __init__(
        self,
        window: MainWindow,
        workspace: Workspace | None,
        folder: Path,
        language: str | None,
        check: BackgroundCheck | None = None,
    ) -> None:
        """folder: the data folder, checked; language: --lang (None: the saved one)."""
        self.window, self.workspace, self.failed = window, workspace, False
        self.data_dir, self.language, self.check = folder, language, check

    def finish(self) -> bool:
        """The window whole; False when the start ends here (the app quits with code 2)."""
        if self.window.finished or self.failed:
            return not self.failed
        if self.workspace is None:
            if self.check is None:  # on a thread, beside the imports of what comes next
                from desktop.core.backups.damage import BackgroundCheck

                self.check = BackgroundCheck(self.data_dir / DATABASE_NAME)
            self.workspace = open_workspace_or_say(
                self.data_dir, self.language, self.check, self.window
            )
            if self.workspace is None:
                self.failed = True
                QApplication.instance().exit(2)
                return False
            chosen = choose_language(self.language, self.workspace.setting("language"))
            self.workspace.use_language(chosen)  # the templates' texts
        self.window.finish(self.workspace)
        return True

    def after_frame(self, instance: SingleInstance) -> None:
        if not self.window.isVisible() or not self.finish():
            return  # closed before its first frame, or the start failed
        instance.listen()
        from PySide6.QtGui import QIcon

        from desktop.paths import RESOURCES

        QApplication.instance().setWindowIcon(QIcon(str(RESOURCES / "icons" / "carnet.svg")))
        for job in first_frame_work(self.workspace, self.window):
            job()
        if not self.workspace.read_only:  # nothing is written, no backup
            # Today's backup, in the background (the controller is made then, not now).
            QTimer.singleShot(1000, lambda: self._unless_closed(self.window.backups.start))
            QTimer.singleShot(1500, lambda: self._unless_closed(clean_leftovers, self.workspace))

    def _unless_closed(self, job, *args) -> None:
        if not self.workspace.closed:  # the app quit meanwhile (or a test ended)
            job(*args)


def first_screen(
    folder: Path, language: str | None, check: BackgroundCheck | None
) -> tuple[FirstScreen, Workspace | None] | None:
    """What the first frame shows, and the workspace when it had to be opened first (a
    database of another version, or unreadable: first_screen.py); None: said, quit.
    folder: the data folder, checked (claim_data_dir)."""
    screen = read_first_screen(folder)
    if screen is not None:
        return screen, None
    gc.enable()  # paused for the frame (entry.py), not for a migration or a recovery
    workspace = open_workspace_or_say(folder, language, check)
    if workspace is None:
        return None
    saved = workspace.setting("language")
    return FirstScreen(workspace.data_dir, workspace.read_only, saved), workspace


def run_app(
    data_dir: Path | None, language: str | None, check: BackgroundCheck | None = None
) -> int:
    """check: the database's check (core/backups/damage.py), already started; else it is
    started right after the first frame, or run here when the window must wait for the
    workspace (first_screen.py)."""
    log_folder = start_logging()  # first, so that even a failing start is recorded
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_error_hooks(log_folder)
    app.setApplicationName("Carnet")
    app.setOrganizationName("Carnet")
    app.translators = []
    try:
        instance = claim_data_dir(data_dir, language, listen=False)  # one window per folder
    except DataDirError as error:
        app.translators = install_translators(app, choose_language(language, None))
        say_critical(None, str(error))
        return 2
    if instance is None:
        return 0  # the window already open on it was brought to the front
    opened = first_screen(instance.folder, language, check)
    if opened is None:
        instance.release()
        return 2
    screen, workspace = opened
    chosen = choose_language(language, screen.language)
    app.translators = install_translators(app, chosen)
    if workspace is not None:
        workspace.use_language(chosen)  # the templates' texts: form, lists, Suivi, exports
    window = placed(MainWindow(workspace, first_screen=screen))
    maximised = keep_on_screen(window)  # a screen smaller than the window (1024×600)
    instance.on_activate = partial(bring_to_front, window)
    start = StartAfterFrame(window, workspace, instance.folder, language, check)
    window.menus.ready = start.finish  # a menu shortcut before the rest is built
    window.show()
    work = [gc.enable, lambda: start.after_frame(instance)]  # gc: paused by entry.py
    if maximised:  # after the first frame, which it already fits
        work.insert(0, window.showMaximized)
    after_first_frame(window, *work, before_input=start.finish)
    code = app.exec()
    if start.workspace is not None:
        start.workspace.close()
    instance.release()  # after the database is closed
    return code
