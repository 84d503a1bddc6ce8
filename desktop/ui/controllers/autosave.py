"""Autosave: every edit reaches the database within a second, with no save button.

Edits are collected per field and sent together at most SAVE_DELAY_MS after the first
one (the timer is not restarted by later keystrokes, so continuous typing is still
saved). A batch goes to the data service's writer without the UI thread waiting for
it. Each batch carries, per field, the stamp the editor was showing (its base): one
batch is in flight at a time, so the next one knows the stamps the previous one made
and the user's own typing never looks like a change underneath. A failed write (disk
full, locked database) keeps the batch, says so, and retries: nothing typed is dropped.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from time import monotonic
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.core.storage.files import french_reason
from desktop.core.storage.records import ChangeResult
from desktop.ui.texts import fill

SAVE_DELAY_MS = 300
RETRY_DELAY_MS = 2000
log = logging.getLogger(__name__)

Submit = Callable[[str, dict[str, Any], dict[str, str]], Future]


@dataclass(eq=False)
class _Batch:
    record_id: str
    changes: dict[str, Any]
    bases: dict[str, str]
    future: Future | None = None
    handled: bool = False


class Autosaver(QObject):
    saved = Signal(object)  # ChangeResult
    failed = Signal(str)  # French message
    _finished = Signal(object, object)  # batch, its future (emitted from the writer thread)

    def __init__(self, submit: Submit, base_of: Callable[[str], str], parent=None) -> None:
        super().__init__(parent)
        self._submit, self._base_of = submit, base_of
        self.record_id: str | None = None
        self._pending: dict[str, Any] = {}
        self._batches: list[_Batch] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending or self._batches)

    def pending_keys(self, record_id: str) -> set[str]:
        """The fields of a record typed and not yet written (they must not be refreshed)."""
        keys = set(self._pending) if record_id == self.record_id else set()
        for batch in self._batches:
            if batch.record_id == record_id:
                keys |= batch.changes.keys()
        return keys

    def bind(self, record_id: str | None) -> None:
        """The editor shows another record: what was typed stays with its own record."""
        self._seal()
        self.record_id = record_id

    def queue(self, key: str, value: Any) -> None:
        self._pending[key] = value
        if not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)

    def save_now(self) -> None:
        """Send what is pending now, without waiting for it."""
        self._timer.stop()
        self._seal()
        self._send()

    def flush(self, timeout: float = 2.0) -> bool:
        """Send what is pending and wait (at most `timeout` s); True when all is written."""
        self.save_now()
        deadline = monotonic() + timeout
        while self._batches:
            head = self._batches[0]
            if head.future is None:
                self._send()
            try:
                head.future.exception(timeout=max(0.0, deadline - monotonic()))
            except FutureTimeout:
                return False
            if not self._handle(head):
                return False
        return True

    # ------------------------------------------------------------------ internals
    def _seal(self) -> None:
        if not self._pending or self.record_id is None:
            return
        changes, self._pending = self._pending, {}
        bases = {key: self._base_of(key) for key in changes}
        self._batches.append(_Batch(self.record_id, changes, bases))

    def _send(self) -> None:
        if not self._batches or self._batches[0].future is not None:
            return
        head = self._batches[0]
        head.future = self._submit(head.record_id, head.changes, head.bases)
        head.future.add_done_callback(lambda f, batch=head: self._finished.emit(batch, f))

    def _on_finished(self, batch: _Batch, future: Future) -> None:
        if self._batches and batch is self._batches[0] and batch.future is future:
            self._handle(batch)

    def _handle(self, batch: _Batch) -> bool:
        """The head batch's write ended: next batch, or keep it and retry later."""
        error = batch.future.exception()
        if isinstance(error, (sqlite3.Error, OSError)):
            batch.future = None
            self._report_failure(error)
            return False
        batch.handled = True
        self._batches.pop(0)
        if error is not None:  # a bug, not a full disk: said and logged, not retried forever
            log.error("Enregistrement refusé", exc_info=error)
            self.failed.emit(fill(self.tr("Enregistrement refusé : %1"), error))
        else:
            self._after(batch, batch.future.result())
        self._send()
        return error is None

    def _after(self, batch: _Batch, result: ChangeResult) -> None:
        for later in self._batches:  # they were sealed before these stamps existed
            if later.record_id == batch.record_id:
                later.bases.update({k: s for k, s in result.stamps.items() if k in later.changes})
        self.saved.emit(result)

    def _report_failure(self, error: Exception) -> None:
        log.warning("Enregistrement impossible pour l'instant : %s", error)
        self.failed.emit(
            fill(
                self.tr(
                    "Enregistrement impossible pour l'instant (%1). Vos saisies sont "
                    "gardées et seront enregistrées dès que possible."
                ),
                french_reason(error),  # « le disque est plein », not SQLite's English
            )
        )
        self._timer.start(RETRY_DELAY_MS)
