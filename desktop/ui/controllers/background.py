"""The one background helper: run a function on the thread pool, get the result on the UI thread.

Widgets are never touched from the worker: the result or the error comes back through
a queued signal, delivered in the thread of the runner (the UI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.function, self.relay = function, relay

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # noqa: BLE001 - every error is reported to the UI
            # The caller shows str(error); the traceback goes to the log.
            log.warning("Tâche de fond en échec", exc_info=error)
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)


class BackgroundRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self.run_with_progress(lambda _report: function(), None, on_done, on_error)

    def run_with_progress(
        self,
        function: Callable[[Callable[[Any], None]], Any],
        on_progress: Callable[[Any], None] | None,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """function(report) runs on the pool; each report(value) reaches on_progress on
        the UI thread, in order, before on_done."""
        relay = _Relay(self)  # lives in the UI thread: its signals are delivered there
        if on_progress is not None:
            relay.progress.connect(on_progress)
        report = relay.progress.emit
        self._relays.add(relay)

        def finish(callback: Callable, value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            callback(value)

        relay.done.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda error: finish(on_error, error))
        self.pool.start(_Job(lambda: function(report), relay))

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
