"""Backups from the app: automatic (at start, then once per day of use; 10 minutes after
editing stops; at closing when anything changed since the last one), « Sauvegarder
maintenant », « Restaurer une sauvegarde… ». Each backup is also copied, with the photos
and documents, to the second destination when one is chosen (second_copy.py). The work
runs on the window's background runner, each job on its own SQLite connections; the UI
thread only reports.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from desktop.core.backups import making as backup
from desktop.core.backups import restore as backup_restore
from desktop.core.backups import second_copy
from desktop.core.backups.making import BackupError, BackupInfo
from desktop.core.backups.restore import RestoreReport
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.device_binding import mark_told, moved_notice
from desktop.ui.controllers.device_notice import device_moved_text
from desktop.ui.controllers.sync_controller import SHARED_FOLDER
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.dialogs.restore_dialog import RestoreDialog, content_text, when_text
from desktop.ui.texts import fill

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60 * 60 * 1000  # a window left open past midnight makes the next day's
IDLE_MS = 10 * 60 * 1000  # a backup once editing has stopped for this long


class BackupController(QObject):
    restored = Signal()  # the database was replaced: open records and undo no longer apply

    def __init__(self, context: UiContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.busy = False
        self.last: BackupInfo | None = None  # the latest backup made by this session
        self.last_report: RestoreReport | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.automatic)
        self.started = False
        self.changed = False  # records changed since the last backup began
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self.after_editing)
        self.second_problem = ""  # why the last second copy was not made (French)

    # ------------------------------------------------------------------ where
    @property
    def db_path(self):
        return self.context.workspace.data_dir / DATABASE_NAME

    def folder(self):
        workspace = self.context.workspace
        return backup.backup_folder(workspace.setting, workspace.data_dir)

    def change_folder(self, folder):
        chosen = backup.set_backup_folder(self.context.workspace, folder)
        self.automatic()  # a first backup there today
        return chosen

    def _status(self, text: str, msecs: int = 10000) -> None:
        self.context.say(text, msecs)

    # ------------------------------------------------------------------ making
    def start(self) -> None:
        """After the window is shown: today's backup if none yet, then a check each hour;
        from now on, edits are followed for the backup after editing and at closing."""
        self.started = True
        self.automatic()
        self.timer.start()

    def on_changes(self, changes) -> None:
        """Something was written: a backup once editing has stopped for a while."""
        if self.started and (changes.records or changes.everything):
            self.changed = True
            self.idle.start()  # restarted by each change: it fires after IDLE_MS of calm

    def after_editing(self) -> None:
        if not self.changed:
            return
        if self.busy:  # another backup runs: try again a little later
            self.idle.start(60_000)
            return
        self._backup_in_background(self._automatic_done_outcome, self._automatic_failed)

    def at_closing(self) -> None:
        """The window closes: a last backup if anything changed since the last one (on the
        UI thread: the app is leaving, and a backup of 10,000 visits takes under a second)."""
        self.idle.stop()
        self.timer.stop()
        if not (self.started and self.changed):
            return
        self.context.runner.wait(5000)  # a backup already under way finishes first
        try:
            outcome = self._backup_job()()
        except BackupError:
            log.exception("La sauvegarde à la fermeture a échoué")
            return
        self._remember(outcome)

    def second_folder(self) -> str:
        return self.context.workspace.setting(second_copy.SETTING)

    def _backup_job(self):
        """A backup now, rotated, and its second copy: the settings read here, on the UI
        thread; the job runs on any thread. BackupError if the folder is refused."""
        folder, db_path = self.folder(), self.db_path
        media_root, second = self.context.workspace.data_dir / "media", self.second_folder()
        self.changed = False  # edits made from now on call for the next backup

        def job():
            info = backup.make_backup(db_path, folder)
            backup.rotate(folder)
            return second_copy.with_second_copy(info, media_root, second)

        return job

    def _backup_in_background(self, done, failed) -> None:
        try:
            job = self._backup_job()
        except BackupError as error:
            failed(error)
            return
        self._run(job, done, failed)

    def _remember(self, outcome) -> None:
        self.last = outcome.backup
        self.second_problem = outcome.second_problem

    def _second_text(self, outcome) -> str:
        if outcome.second_problem:
            return " " + outcome.second_problem
        if outcome.second is not None:
            return " " + fill(
                self.tr("Copie avec les photos et documents dans « %1 »."),
                outcome.second.backup.path.parent,
            )
        return ""

    def _automatic_done_outcome(self, outcome) -> None:
        self._remember(outcome)
        if outcome.second_problem:  # it says the main backup is made; the bar is short
            self._status(outcome.second_problem, 60000)
            return
        text = fill(self.tr("Sauvegarde automatique faite (%1)."), content_text(outcome.backup))
        self._status(text + self._second_text(outcome), 10000)

    def automatic(self) -> None:
        if self.busy:
            return
        try:
            folder = self.folder()
        except BackupError as error:
            self._status(fill(self.tr("Sauvegarde automatique impossible : %1"), error), 30000)
            return
        db_path, media_root = self.db_path, self.context.workspace.data_dir / "media"
        second = self.second_folder()

        def job():
            info = backup.automatic_backup(db_path, folder)
            return second_copy.with_second_copy(info, media_root, second) if info else None

        self._run(job, self._automatic_done, self._automatic_failed)

    def _automatic_done(self, outcome) -> None:
        if outcome is not None:
            self._automatic_done_outcome(outcome)

    def _automatic_failed(self, error: Exception) -> None:
        self._status(fill(self.tr("La sauvegarde automatique a échoué : %1"), error), 30000)

    def backup_now(self) -> None:
        self.context.flush_edits()
        self._backup_in_background(self._backup_done, self._failed)

    def _backup_done(self, outcome) -> None:
        self._remember(outcome)
        info = outcome.backup
        text = fill(self.tr("Sauvegarde enregistrée : %1 (%2)."), info.path, content_text(info))
        self._status(text + self._second_text(outcome), 15000)
        if outcome.second_problem:  # asked for now: said in full, not only in the bar
            QMessageBox.warning(
                self.context.parent, self.tr("Sauvegarde"), text + "\n\n" + outcome.second_problem
            )

    def _failed(self, error: Exception) -> None:
        QMessageBox.warning(self.context.parent, self.tr("Sauvegarde"), str(error))

    def _run(self, job, done, failed) -> None:
        self.busy = True

        def finish(callback, value) -> None:
            self.busy = False
            callback(value)

        self.context.runner.run(job, lambda r: finish(done, r), lambda e: finish(failed, e))

    # ------------------------------------------------------------------ restoring
    def choose_and_restore(self) -> RestoreDialog | None:
        try:
            folder = self.folder()
        except BackupError as error:
            QMessageBox.warning(self.context.parent, self.tr("Sauvegarde"), str(error))
            return None
        synced = bool(self.context.workspace.setting(SHARED_FOLDER))
        dialog = RestoreDialog(folder, self.change_folder, self.context.parent, synced=synced)
        dialog.restore_requested.connect(self.restore)
        dialog.exec()
        return dialog

    def restore(self, info: BackupInfo) -> None:
        """Back up the current state, restore, then reload the window from the database.

        A window-modal progress dialog keeps edits out while it runs: the live database
        must not change between the « avant restauration » backup and the restore.
        """
        self.context.flush_edits()
        try:
            folder = self.folder()
        except BackupError:
            folder = self.context.workspace.data_dir / backup.BACKUP_FOLDER_NAME
        db_path = self.db_path
        progress = QProgressDialog(
            self.tr("Restauration en cours…"), None, 0, 0, self.context.parent
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()

        def done(report: RestoreReport) -> None:
            progress.close()
            self.restored.emit()
            self._restored_message(report)

        def failed(error: Exception) -> None:
            progress.close()
            self._failed(error)

        service = self.context.workspace.service  # the one writer does the copy
        self._run(
            lambda: backup_restore.restore(info.path, db_path, folder, service=service),
            done,
            failed,
        )

    def _restored_message(self, report: RestoreReport) -> None:
        text = fill(
            self.tr("Sauvegarde du %1 restaurée (%2)."),
            when_text(report.restored.created),
            content_text(report.restored),
        )
        if report.pre_restore is not None:
            text += "\n\n" + fill(
                self.tr("L'état d'avant la restauration est gardé dans la sauvegarde « %1 »."),
                report.pre_restore.path.name,
            )
        text += self._taken_back_text(report)
        if report.missing_media:
            text += "\n\n" + self.tr(
                "%n fichier(s) de photos ou de documents manquent dans le dossier des données "
                "(les fiches concernées s'afficheront sans eux).",
                "",
                len(report.missing_media),
            )
        notice = moved_notice(self.context.workspace.db)
        if notice is not None:  # a backup of another computer: told here, once
            text += "\n\n" + device_moved_text(notice["before"], notice["after"])
            self.context.workspace.service.call(mark_told)
        self.last_report = report
        self.message_box(self.tr("Restauration terminée"), text)

    def _taken_back_text(self, report: RestoreReport) -> str:
        """What the restore took back of this laptop's later work (restore_sync)."""
        taken = report.taken_back
        text = ""
        if taken is not None and taken.fields:
            text += "\n\n" + self.tr(
                "%n champ(s) modifié(s) sur ce poste depuis la sauvegarde reprennent leur "
                "valeur de la sauvegarde.",
                "",
                taken.fields,
            )
        if taken is not None and taken.trashed:
            text += "\n\n" + self.tr(
                "%n élément(s) créé(s) sur ce poste depuis la sauvegarde sont dans la corbeille.",
                "",
                taken.trashed,
            )
        if taken is not None and taken.answered:
            text += "\n\n" + self.tr(
                "%n conflit(s) en attente sur ces champs sont tranchés par la restauration : "
                "la version de vos collègues reste dans la sauvegarde « avant restauration ».",
                "",
                taken.answered,
            )
        if text and self.context.workspace.setting(SHARED_FOLDER):
            text += " " + self.tr(
                "Vos collègues verront aussi ces changements à la prochaine synchronisation."
            )
        return text

    def message_box(self, title: str, text: str) -> None:
        """Replaceable in tests."""
        QMessageBox.information(self.context.parent, title, text)
