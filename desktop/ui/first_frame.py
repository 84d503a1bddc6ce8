"""Work that waits for the window's first frame: run once the window has painted itself.

A zero-delay timer started before the event loop runs before the first paint (the paint
waits for the platform's expose event), so the template check and the first run's
dialog used to delay the first frame. Here they run right after the first paint, or
after FALLBACK_MS if the window is never painted (started minimised, hidden).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 2000


class FirstFrame(QObject):
    def __init__(
        self, window: QWidget, work: list[Callable[[], object]], fallback_ms: int = FALLBACK_MS
    ) -> None:
        super().__init__(window)
        self.window, self.work = window, list(work)
        self.fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self.fallback.timeout.connect(self._run)
        self.fallback.start()
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after this paint: the frame is out
        return False

    def _run(self) -> None:
        self.fallback.stop()
        self.window.removeEventFilter(self)
        work, self.work = self.work, []  # once, whichever of paint and fallback comes first
        for job in work:
            job()


def after_first_frame(window: QWidget, *work: Callable[[], object]) -> FirstFrame:
    return FirstFrame(window, list(work))
