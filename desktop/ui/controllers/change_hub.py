"""The data service's change broadcast, delivered on the UI thread.

Views subscribe here instead of being told to reload by hand. Another program's
writes (a headless command beside the window) reach no broadcast: a one-second check
of the database's version notices them and announces « anything may have changed ».
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.core.storage.changes import EVERYTHING, Changes, combined
from desktop.core.storage.external_writes import ExternalWrites
from desktop.core.storage.workspace import Workspace

EXTERNAL_CHECK_MS = 1000
COALESCE_MS = 50  # a burst of mutations (a sync pass's batches, a photo import) shown once


class ChangeHub(QObject):
    changed = Signal(object)  # Changes, on the UI thread
    _relay = Signal(object)  # emitted on the writer's thread, delivered queued
    _looked = Signal()  # the writer answered whether another program wrote (queued)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._unsubscribe = workspace.service.subscribe(self._deliver)
        self._external = ExternalWrites(workspace.db, workspace.service, self._looked.emit)
        self._relay.connect(self._on_relayed, Qt.ConnectionType.QueuedConnection)
        self._looked.connect(self.check_external, Qt.ConnectionType.QueuedConnection)
        self._waiting: Changes | None = None
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self._deliver_waiting)
        self.timer = QTimer(self)
        self.timer.setInterval(EXTERNAL_CHECK_MS)
        self.timer.timeout.connect(self.check_external)
        self.timer.start()

    def _deliver(self, changes) -> None:
        self._relay.emit(changes)

    def _on_relayed(self, changes: Changes) -> None:
        waiting = self._waiting
        self._waiting = changes if waiting is None else combined(waiting, changes)
        if not self._coalesce.isActive():
            self._coalesce.start()

    def _deliver_waiting(self) -> None:
        changes, self._waiting = self._waiting, None
        if changes is not None and not self.workspace.closed:  # not after the folder closed
            self.changed.emit(changes)

    def check_external(self) -> None:
        if not self.workspace.closed and self._external.poll():
            self.changed.emit(EVERYTHING)

    def stop(self) -> None:
        self._external.looked = None  # a late answer of the writer finds no one
        self.timer.stop()
        self._coalesce.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
