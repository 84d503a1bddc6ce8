"""What a controller needs from the window, without the window.

Controllers (sync, backups, exports) get the data, the background runner, a place to
say things and a parent for their dialogs, instead of the whole main window: they
cannot reach into its widgets, and each can be built alone in a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QStatusBar, QWidget

from desktop.core.storage.workspace import Workspace
from desktop.ui.controllers.background import BackgroundRunner


@dataclass
class UiContext:
    workspace: Workspace
    runner: BackgroundRunner
    status: QStatusBar  # where short messages go
    parent: QWidget  # the parent of dialogs
    flush_edits: Callable[[], bool]  # what is being typed reaches the database first

    def say(self, text: str, msecs: int = 10000) -> None:
        self.status.showMessage(text, msecs)

    def run_with_busy_dialog(
        self, label: str, job: Callable[[Workspace], Any], message: Callable[[Any], str]
    ) -> None:
        """Run job(workspace) on its own read connection (its writes go through the data
        service like any other), with a busy dialog; the outcome said in French."""
        progress = QProgressDialog(label, None, 0, 0, self.parent)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def work():
            copy = self.workspace.worker_copy()
            try:
                return job(copy)
            finally:
                copy.close()

        def done(result) -> None:
            progress.close()
            self.say(message(result))

        def failed(error: Exception) -> None:
            progress.close()
            QMessageBox.warning(self.parent, self.parent.windowTitle(), str(error))

        self.runner.run(work, done, failed)
