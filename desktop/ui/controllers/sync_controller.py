"""When to sync: soon after a local change, when the share changes, and every minute.

Passes run on the background runner with their own read connection, one at a time;
their merges are mutations of the app's one data service, like every other write.
watchdog's callbacks arrive on its own thread: they only emit a signal, which Qt
delivers on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.storage.workspace import Workspace
from desktop.ui.controllers.background import BackgroundRunner

PUBLISH_DELAY_MS = 5_000  # after the last local change: one pass for a burst of edits
SETTLE_DELAY_MS = 500  # after a change in the share: a sync client writes several files
RESCAN_MS = 60_000
SHARED_FOLDER = "shared_folder"  # desktop.core.sync.engine's setting, read without importing it


class SyncController(QObject):
    started = Signal()
    finished = Signal(object)  # PassReport
    failed = Signal(str)
    progress = Signal(str, int, object)  # what, done, total (None: unknown); from the worker
    share_changed = Signal()  # emitted from watchdog's thread

    def __init__(self, workspace: Workspace, runner: BackgroundRunner, parent=None) -> None:
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self.running = self.again = self.again_sheets = False
        self.stopped = False  # after stop(): the window is closing, its database too
        self.last_report = None
        self.watcher = None  # a ShareWatcher while a share is chosen
        # A pause in typing publishes the records; the sheets (a PDF each) wait for the
        # minute's pass, so a visit being written is not rendered again every few seconds.
        self.publish_timer = self._timer(PUBLISH_DELAY_MS, single=True, sheets=False)
        self.settle_timer = self._timer(SETTLE_DELAY_MS, single=True)
        self.rescan_timer = self._timer(RESCAN_MS, single=False)
        self.first_timer = self._timer(0, single=True)
        self.share_changed.connect(self.settle_timer.start)

    def _timer(self, interval: int, single: bool, sheets: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.setSingleShot(single)
        timer.timeout.connect(lambda: self.sync_now(sheets))
        return timer

    @property
    def folder(self) -> str:
        return self.workspace.setting(SHARED_FOLDER)

    def start(self, first_pass_ms: int = 1500) -> None:
        """Watch the share (if one is chosen) and run a first pass shortly."""
        from desktop.core.sync.share import Share
        from desktop.core.sync.watcher import ShareWatcher

        self.stop()
        self.stopped = False
        if not self.folder:
            return
        share = Share(self.folder, self.workspace.store.author.device_id)
        self.watcher = ShareWatcher(share.root, share.own, self.share_changed.emit)
        self.watcher.start()
        self.rescan_timer.start()
        self.first_timer.start(first_pass_ms)

    def stop(self) -> None:
        self.stopped = True
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        for timer in (self.rescan_timer, self.first_timer, self.publish_timer, self.settle_timer):
            timer.stop()

    def local_change(self) -> None:
        if not self.stopped and self.folder:
            self.publish_timer.start()  # restarts: debounced

    def sync_now(self, sheets: bool = True, set_up: bool = False) -> None:
        """One pass; set_up: the user agreed to prepare a folder never used as a share."""
        if self.stopped or not self.folder:
            return
        if self.running:
            self.again = True  # one more pass after this one
            self.again_sheets = self.again_sheets or sheets
            return
        self.running = True
        self.started.emit()

        def work():
            from desktop.core.sync.engine import SyncEngine

            workspace = self.workspace.worker_copy()
            try:
                return SyncEngine(workspace).run_pass(
                    sheets=sheets, set_up=set_up, progress=self.progress.emit
                )
            finally:
                workspace.close()

        self.runner.run(work, self._done, self._failed)

    def _done(self, report) -> None:
        self.running = False
        self.last_report = report
        self._follow_device()
        if self.watcher is not None and not self.watcher.watching:
            self.watcher.start()  # the share came back: events again
        self.finished.emit(report)
        self._again()

    def _follow_device(self) -> None:
        """A backup from another computer was restored: our folder in the share is the one
        of our new device id (core/storage/device_binding.py), the one to watch past."""
        own = self.watcher.own_device.name if self.watcher is not None else None
        if own is not None and own != self.workspace.store.author.device_id:
            from desktop.core.sync.share import Share
            from desktop.core.sync.watcher import ShareWatcher

            self.watcher.stop()
            share = Share(self.folder, self.workspace.store.author.device_id)
            self.watcher = ShareWatcher(share.root, share.own, self.share_changed.emit)
            self.watcher.start()

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.failed.emit(str(error))
        self._again()

    def _again(self) -> None:
        if self.again:
            sheets, self.again, self.again_sheets = self.again_sheets, False, False
            QTimer.singleShot(0, lambda: self.sync_now(sheets))
