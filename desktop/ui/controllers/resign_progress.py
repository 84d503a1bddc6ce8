"""This laptop's visits taking the name given (core/storage/resigning.py), in the
background: a progress bar in the status bar, the window usable meanwhile.

Started when the name is given or changed (first run, Préférences) and, when the last
session closed before the end, at the next start. The job runs on the background runner;
its batches are mutations of the one writer, each a short transaction, so autosaves and
sync merges pass between them. Closing the window stops it after the running batch; the
rest waits for the next start (the earlier names stay in the database until then).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QProgressBar

from desktop.core.storage.resigning import pending_names, resign_all
from desktop.ui.controllers.ui_context import UiContext
from desktop.ui.texts import fill

log = logging.getLogger(__name__)


class Resigning(QObject):
    finished = Signal(int)  # how many visits were re-signed

    def __init__(self, context: UiContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.running = self.again = False
        self._stop = threading.Event()
        self.bar = QProgressBar()
        self.bar.setObjectName("resign_progress")
        self.bar.setAccessibleName(self.tr("Signature de vos visites"))
        self.bar.setMinimumWidth(300)
        self.bar.hide()
        context.status.addPermanentWidget(self.bar)

    def start(self) -> None:
        """Re-sign what is pending, if anything; once more after the running job when it
        runs already (the name changed again)."""
        workspace = self.context.workspace
        if self._stop.is_set() or workspace.read_only or workspace.closed:
            return
        if self.running:
            self.again = True
            return
        if not pending_names(workspace.setting):
            return
        self.running, self.again = True, False
        self.bar.setRange(0, 0)  # busy until the visits are counted
        self.bar.setFormat(self.tr("Signature de vos visites…"))
        self.bar.setToolTip(
            self.tr(
                "Vos visites prennent le nom que vous avez donné. Vous pouvez continuer "
                "à travailler ; si vous fermez Carnet, la suite se fera au prochain démarrage."
            )
        )
        self.bar.show()
        self.context.runner.run_with_progress(self._work, self._progress, self._done, self._failed)

    def stop(self) -> None:
        """The window closes: no batch after the running one."""
        self._stop.set()

    def _work(self, report) -> int:
        copy = self.context.workspace.worker_copy()  # its own read connection
        try:
            return resign_all(copy, report, self._stop)
        finally:
            copy.close()

    def _progress(self, progress: tuple[int, int]) -> None:
        done, total = progress
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        number = QLocale().toString  # « 3 000 » in French
        text = fill(self.tr("Signature de vos visites : %1 sur %2"), number(done), number(total))
        self.bar.setFormat(text.replace("%", "%%"))  # the bar reads %v, %m, %p in it

    def _done(self, signed: int) -> None:
        self.running = False
        self.bar.hide()
        if self._stop.is_set():
            return
        if signed:
            self.context.say(self.tr("%Ln visite(s) signée(s) à votre nom.", "", signed))
        self.finished.emit(signed)
        if self.again:  # the name changed again meanwhile: what is pending now
            self.start()

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.bar.hide()
        if self._stop.is_set():
            return
        log.error("La signature des visites a échoué", exc_info=error)
        text = self.tr(
            "La signature de vos visites à votre nom s'est interrompue (%1). Elle reprendra "
            "au prochain démarrage ; rien n'est perdu."
        )
        self.context.say(fill(text, error), 30000)
