"""Autosave: every edit reaches the database within a second, with no save button.

Edits are collected per field and written together at most SAVE_DELAY_MS after the
first one. The timer is not restarted by later keystrokes, so continuous typing is
still saved every SAVE_DELAY_MS. A failed write (disk full, locked database) keeps
the pending edits in memory, says so, and retries: nothing typed is dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.records import ChangeResult

SAVE_DELAY_MS = 300
RETRY_DELAY_MS = 2000


class Autosaver(QObject):
    saved = Signal(object)  # ChangeResult
    failed = Signal(str)  # French message

    def __init__(self, save: Callable[[dict[str, Any]], ChangeResult], parent=None) -> None:
        super().__init__(parent)
        self._save = save
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def queue(self, key: str, value: Any) -> None:
        self._pending[key] = value
        if not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)

    def flush(self) -> bool:
        """Write what is pending now; True when nothing is left pending."""
        self._timer.stop()
        if not self._pending:
            return True
        changes, self._pending = self._pending, {}
        try:
            result = self._save(changes)
        except (sqlite3.Error, OSError) as error:
            self._pending = {**changes, **self._pending}
            self.failed.emit(
                self.tr("Enregistrement impossible pour l'instant (%1). Vos saisies sont "
                        "gardées et seront enregistrées dès que possible.").replace("%1", str(error))
            )  # fmt: skip
            self._timer.start(RETRY_DELAY_MS)
            return False
        self.saved.emit(result)
        return True
