"""The window as it was left: geometry, splitters, the last venue and visit.

Kept in a QSettings INI file in the data folder (window.ini) rather than the user's
global settings: the last venue and visit belong to that data folder, and tests, each
with its own data folder, never touch the user's real settings.

The last venue and visit are written once the choice has settled (remember_shown), not
only at a clean close: after a crash or a kill the app reopens where the user was. Half a
second after the last change, and only if it changed: the write (its fsync) costs some
10-15 ms, which going down the venues' list with the arrow keys would pay at every key.
Not in the database: a click would queue behind the writer's work (a sync merge) and
count as a change for the backups. QSettings writes the file whole through a temporary
file renamed over it, so a kill leaves the former file or the new one, never half of one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter

SETTINGS_FILE = "window.ini"
SETTLED_MS = 500  # the choice is written this long after its last change


def window_settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat)


class WindowState:
    def __init__(
        self, window: QMainWindow, splitters: dict[str, QSplitter], data_dir: Path
    ) -> None:
        """The file dialogs' last folders go in the same file: the window hands it to
        them (file_dialogs.use_settings) once it is finished."""
        self.window, self.splitters = window, splitters
        self.settings = window_settings(data_dir)
        self.last: tuple[str, str] | None = None  # (venue, visit) read, not reopened yet
        self.written: tuple[str, str] | None = None  # the (venue, visit) window.ini holds
        self.settled = QTimer(window)
        self.settled.setSingleShot(True)
        self.settled.setInterval(SETTLED_MS)
        self.settled.timeout.connect(self._write_if_changed)

    def save(self) -> None:
        self.settled.stop()
        window, settings = self.window, self.settings
        settings.setValue("window/geometry", window.saveGeometry())
        for name, splitter in self.splitters.items():
            settings.setValue(f"splitters/{name}", splitter.saveState())
        if not self._waiting():  # else closed before they came back: kept as they were
            self._write_shown()
        settings.sync()

    def remember_shown(self) -> None:
        """Another venue or visit may be on screen (a click, not a keystroke): written
        once the choice has settled, so that a killed app reopens it."""
        self.settled.start()  # again: the half second counts from the last change

    def _write_if_changed(self) -> None:
        if self._waiting() or self._shown() == self.written:
            return
        self._write_shown()
        self.settings.sync()

    def _waiting(self) -> bool:
        """The last ones read at start have not come back yet, and nothing else is open."""
        return self.last is not None and not self.window.browser.venue_id

    def _shown(self) -> tuple[str, str]:
        window = self.window
        visit_open = window.pages.currentWidget() is window.editors.visit_if_built()
        visit = (window.editors.open_visit_id() or "") if visit_open else ""
        return window.browser.venue_id or "", visit

    def _write_shown(self) -> None:
        self.written = self._shown()
        self.settings.setValue("last/venue", self.written[0])
        self.settings.setValue("last/visit", self.written[1])

    def restore(self, reopen: bool = True) -> None:
        """Geometry and splitters as left, then the last visit (or venue) opened again;
        reopen=False: later, by reopen_last() (at start, once the first frame is out:
        building the visit's editor takes longer than the whole window)."""
        settings = self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        for name, splitter in self.splitters.items():
            state = settings.value(f"splitters/{name}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        self.last = (str(settings.value("last/venue", "")), str(settings.value("last/visit", "")))
        self.written = self.last
        if reopen:
            self.reopen_last()

    def reopen_last(self) -> None:
        """The last visit (or venue) opened again, unless the user has already chosen one."""
        last, self.last = self.last, None
        if last is not None and not self.window.browser.venue_id:
            self._reopen(*last)

    def _reopen(self, venue_id: str, visit_id: str) -> None:
        from desktop.core.storage.record_basics import RecordNotFound

        store = self.window.store
        try:
            if visit_id:
                visit = store.get_visit(visit_id)
                if visit.deleted_at is None and visit.venue_id == venue_id:
                    self.window.open_visit(visit_id, venue_id)
                    return
            if venue_id and store.get_venue(venue_id).deleted_at is None:
                self.window.open_venue(venue_id)
        except RecordNotFound:  # deleted for good, or a restored backup without it
            return
