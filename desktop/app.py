"""Composition root: settings -> core services -> main window."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.backups.damage import BackgroundCheck
from desktop.core.diagnostics.log_files import start_logging
from desktop.core.forms.templates import TemplateError
from desktop.core.storage.data_dir import DataDirError
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.workspace import Workspace
from desktop.paths import RESOURCES
from desktop.ui.controllers.single_instance import bring_to_front, claim_data_dir
from desktop.ui.error_hooks import install_error_hooks
from desktop.ui.first_frame import after_first_frame
from desktop.ui.i18n import choose_language, install_translators
from desktop.ui.texts import fill
from desktop.ui.views.main_window import MainWindow


def create_window(workspace: Workspace, reopen_later: bool = False) -> MainWindow:
    """reopen_later: the last visit comes back after the first frame (first_frame_work)."""
    window = MainWindow(workspace)
    window.resize(1280, 720)
    window.state.restore(reopen=not reopen_later)  # as left: geometry, splitters, last visit
    return window


def check_templates_or_quit(workspace: Workspace, window: MainWindow) -> None:
    """Check the templates once the window is up (the check imports jsonschema)."""
    try:
        for template in (*workspace.templates.records, workspace.templates.venue):
            template.validator  # noqa: B018 - builds the validator, checking the schema
    except TemplateError as error:
        message = QCoreApplication.translate(
            "App", "Un modèle de fiche est invalide, Carnet ne peut pas continuer : %1"
        )
        QMessageBox.critical(window, "Carnet", fill(message, error))
        window.close()


def clean_leftovers(workspace: Workspace) -> None:
    """Temporary files of an interrupted attach, backup or restore, in the background."""
    from desktop.core.backups.recovery import clean_leftovers as clean

    clean(workspace, in_background=True)


def first_frame_work(workspace: Workspace, window: MainWindow) -> list:
    """What waits for the first frame: the last visit opened again (its editor is built
    then), the template check, and on a writable folder the first run's « who are you »
    (before any record)."""
    work = [window.state.reopen_last, lambda: check_templates_or_quit(workspace, window)]
    return work if workspace.read_only else [*work, window.ask_identity]


def run_app(
    data_dir: Path | None, language: str | None, check: BackgroundCheck | None = None
) -> int:
    """check: the database's check, already started (entry.py); else it runs here."""
    log_folder = start_logging()  # first, so that even a failing start is recorded
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_error_hooks(log_folder)
    app.setApplicationName("Carnet")
    app.setOrganizationName("Carnet")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "carnet.svg")))
    from desktop.core.backups.making import BackupError
    from desktop.ui.dialogs.damaged_start import open_or_recover

    try:
        instance = claim_data_dir(data_dir, language)  # one window per data folder
        if instance is None:
            return 0  # the window already open on it was brought to the front
        # Damaged: set aside, the latest backup restored.
        workspace = open_or_recover(data_dir, language, check=check)
    except (DataDirError, DatabaseError, BackupError) as error:
        install_translators(app, choose_language(language, None))
        QMessageBox.critical(None, "Carnet", str(error))
        return 2
    if workspace is None:
        return 2
    chosen = choose_language(language, workspace.setting("language"))
    app.translators = install_translators(app, chosen)
    workspace.use_language(chosen)  # the templates' texts: form, lists, Suivi, exports
    window = create_window(workspace, reopen_later=True)
    instance.on_activate = partial(bring_to_front, window)
    window.show()
    after_first_frame(window, *first_frame_work(workspace, window))
    if not workspace.read_only:  # a read-only data folder: nothing is written, no backup
        # Today's backup, in the background (the controller is made then, not now).
        QTimer.singleShot(1000, lambda: window.backups.start())
        QTimer.singleShot(1500, lambda: clean_leftovers(workspace))
    code = app.exec()
    workspace.close()
    instance.release()  # after the database is closed
    return code
