"""The main window's splitter: the lists give the form room when the window is narrow.

The lists (venues, visits) keep the width the user gave them (400 px at first) while the
pages on their right have PAGES_ROOM pixels; on a narrower window (a 1024-px screen,
maximised) they give up width, down to LISTS_MIN, so that the visit form is not
squeezed. When the window widens again they take back the width the user chose, never
more. Dragging the handle is a choice; a width set here is not.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter

LISTS_MIN = 280  # the venues' names and the visits' dates stay readable
PAGES_ROOM = 720  # the visit form: its section list (170) and fields beside their labels


class RoomySplitter(QSplitter):
    def __init__(self) -> None:
        super().__init__()  # QSplitter(None) would build Qt's namespace (Qt.Orientation)
        self.chosen: int | None = None  # the lists' width the user chose (None: as shown)
        self.splitterMoved.connect(self._moved)

    def _moved(self, _pos: int, _index: int) -> None:
        self.chosen = self.sizes()[0]

    def restoreState(self, state: QByteArray | bytes) -> bool:
        restored = super().restoreState(state)
        self.chosen = None  # as saved: taken as chosen at the next fit
        return restored

    def saveState(self) -> QByteArray:
        """The lists at the width chosen, not the width they gave up (a window narrowed
        for a moment would otherwise keep them narrow at every next start)."""
        fitted = self.sizes()
        if self.chosen is None or self.count() != 2 or fitted[0] >= self.chosen:
            return super().saveState()
        self.setSizes([self.chosen, max(0, sum(fitted) - self.chosen)])
        state = super().saveState()
        self.setSizes(fitted)
        return state

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """The lists at the width chosen, less what the pages lack (not under LISTS_MIN)."""
        sizes = self.sizes()
        if self.count() != 2 or sum(sizes) <= 0:
            return
        if self.chosen is None:
            self.chosen = sizes[0]
        total = sum(sizes)
        lists = max(min(LISTS_MIN, self.chosen), min(self.chosen, total - PAGES_ROOM))
        if lists != sizes[0]:
            self.setSizes([lists, total - lists])
