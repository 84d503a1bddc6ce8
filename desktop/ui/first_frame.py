"""Work that waits for the window's first frame: run once the window has painted itself.

A zero-delay timer started before the event loop runs before the first paint (the paint
waits for the platform's expose event), so the template check and the first run's
dialog used to delay the first frame. Here they run right after the first paint, or
after FALLBACK_MS if the window is never painted (started minimised, hidden). At start
the work finishes the window itself (app.py), and an input that would come before it
runs it first (FinishBeforeInput).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 2000


class FirstFrame(QObject):
    def __init__(
        self,
        window: QWidget,
        work: list[Callable[[], object]],
        fallback_ms: int = FALLBACK_MS,
        before_input: Callable[[], bool] | None = None,
    ) -> None:
        """before_input: from the first paint until the work runs, the first input to the
        window runs it first (FinishBeforeInput)."""
        super().__init__(window)
        self.window, self.work, self.before_input = window, list(work), before_input
        self.fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self.fallback.timeout.connect(self._run)
        self.fallback.start()
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after this paint: the frame is out
            if self.before_input is not None:  # from now: not before, to cost it nothing
                FinishBeforeInput(self.window, self.before_input)
        return False

    def _run(self) -> None:
        self.fallback.stop()
        self.window.removeEventFilter(self)
        work, self.work = self.work, []  # once, whichever of paint and fallback comes first
        for job in work:
            job()


def after_first_frame(
    window: QWidget, *work: Callable[[], object], before_input: Callable[[], bool] | None = None
) -> FirstFrame:
    return FirstFrame(window, list(work), before_input=before_input)


# What a user does first: a click, a key (typed, or a shortcut of a widget), the wheel.
INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
}


class FinishBeforeInput(QObject):
    """Until the window is finished, the first input to it finishes it first, then goes
    where it was aimed: a click on a venue or a menu right after the first frame waits
    for the rest of the window instead of reaching a half-built one. It watches the
    window's QWindow, which every mouse and key event reaches before its widget (menu
    shortcuts go to their actions: main_menus.py finishes the window for those)."""

    def __init__(self, window: QWidget, finish: Callable[[], bool]) -> None:
        """window: shown (its QWindow exists)."""
        super().__init__(window)
        self.handle, self.finish = window.windowHandle(), finish
        self.handle.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() not in INPUT_EVENTS:
            return False
        self.handle.removeEventFilter(self)
        return not self.finish()  # the start failed: the app is quitting, drop it
