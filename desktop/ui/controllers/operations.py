"""Mutations from the UI: queued on the data service, answered on the UI thread.

In the shape of Anki's `CollectionOp(parent, op).success(...).failure(...)`: the UI
thread never waits for the writer. The result (or the error) comes back through a
queued signal, so callbacks registered right after `run()` are always in place.
A failure with no handler is logged and reported through `failed` (a French text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from desktop.core.storage.data_service import DataService, Mutation

log = logging.getLogger(__name__)


class Op:
    def __init__(self, operations: Operations) -> None:
        self._operations = operations
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[Exception], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op:
        self._failure = callback
        return self

    def finish(self, future: Future) -> None:
        error = future.exception()
        if error is None:
            if self._success is not None:
                self._success(future.result())
        elif self._failure is not None:
            self._failure(error)
        else:
            log.error("Une modification a échoué", exc_info=error)
            self._operations.failed.emit(str(error))


class Operations(QObject):
    failed = Signal(str)
    _finished = Signal(object, object)  # Op, Future (emitted from the writer thread)

    def __init__(self, service: DataService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._finished.connect(lambda op, f: op.finish(f), Qt.ConnectionType.QueuedConnection)

    def run(self, mutation: Mutation, origin: object = None) -> Op:
        op = Op(self)
        future = self.service.submit(mutation, origin)
        future.add_done_callback(lambda f: self._finished.emit(op, f))
        return op
