"""The start paints the window's frame from a light read, then opens the workspace and
builds the rest right after; a click, a key or a menu shortcut that comes first waits
for that, and is not lost; damage found after the frame is recovered before anything is
written."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import desktop.app
from desktop.app import StartAfterFrame, placed, run_app
from desktop.core.backups import making as backup
from desktop.core.backups.damage import BackgroundCheck
from desktop.core.storage import first_screen
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.first_screen import read_first_screen
from desktop.core.storage.workspace import open_workspace
from desktop.ui.first_frame import FinishBeforeInput
from desktop.ui.models.venue_list_model import NAME_ROLE as VENUE_NAME
from desktop.ui.views.main_window import MainWindow
from tests.ui.conftest import accept_next_dialog

NAMES = ["Atelier Zèbre", "La Quincaillerie", "Le Moulin"]


@pytest.fixture
def folder(data_dir):
    """A data folder with three venues (a visit in the first), the user known; closed."""
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    venues = [workspace.store.create_venue({"name": name, "commune": "Felletin"}) for name in NAMES]
    workspace.store.create_visit(venues[0].id, "2025-02-11")
    workspace.close()
    return data_dir.resolve()


def framed(qtbot, folder):
    """The window as the start shows it first, and the start's second half."""
    window = placed(MainWindow(None, first_screen=read_first_screen(folder)))
    qtbot.addWidget(window)
    start = StartAfterFrame(window, None, folder, "fr")
    window.menus.ready = start.finish
    window.show()
    qtbot.waitExposed(window)
    return window, start


@pytest.fixture
def started(qtbot):
    """framed(), its workspace closed at the end."""
    opened = []

    def open_framed(folder):
        opened.append(framed(qtbot, folder))
        return opened[-1]

    yield open_framed
    for window, start in opened:
        window.close()
        if start.workspace is not None:
            start.workspace.close()


def test_the_frame_shows_the_venues_before_the_workspace_is_open(started, folder):
    window, start = started(folder)
    assert not window.finished and start.workspace is None
    shown = window.browser.venues
    assert [shown.index(row, 0).data() for row in range(shown.rowCount())] == [
        f"{name}\nFelletin" for name in NAMES
    ]
    assert window.counts.text() == "3 lieux"
    assert window.pages.currentWidget() is window.welcome
    assert start.finish()
    assert window.finished and window.counts.text() == "3 lieux"
    assert [v.name for v in window.browser.venues.venues] == NAMES


def test_the_frame_lists_the_first_venues_and_counts_them_all(started, folder, monkeypatch):
    """The first frame reads a window's worth of venues (first_screen.FIRST_ROWS): its
    list has a row for each venue, its count says them all, the rest comes after."""
    monkeypatch.setattr(first_screen, "FIRST_ROWS", 2)
    window, start = started(folder)
    shown = window.browser.venues
    assert shown.rowCount() == 3 and window.counts.text() == "3 lieux"
    assert [shown.index(row, 0).data() for row in range(3)] == [
        "Atelier Zèbre\nFelletin",
        "La Quincaillerie\nFelletin",
        None,  # not read yet: an empty row, never seen before the rest is built
    ]
    assert start.finish()
    assert [shown.index(row, 0).data(VENUE_NAME) for row in range(3)] == NAMES


def click_venue(window, row: int) -> None:
    """A real click: through the window's QWindow, as the platform delivers it."""
    view = window.browser.venue_view
    centre = view.visualRect(window.browser.venues.index(row, 0)).center()
    where = view.viewport().mapTo(window, centre)
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(where))


def test_a_click_on_a_venue_before_the_rest_is_built_builds_it_then_opens_the_venue(
    started, folder, qtbot
):
    window, start = started(folder)
    FinishBeforeInput(window, start.finish)  # as the first paint installs it
    click_venue(window, 2)
    assert window.finished
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.venue_editor)
    assert window.venue_editor.record_id == window.browser.venue_id
    assert window.store.get_venue(window.browser.venue_id).name == "Le Moulin"


def test_a_menu_shortcut_before_the_rest_is_built_runs_once_it_is(started, folder, qtbot):
    window, start = started(folder)
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.finished  # Ctrl+L: « Filtrer les lieux »
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.browser.filter)


def test_closed_before_the_rest_is_built_nothing_is_opened(started, folder):
    window, start = started(folder)
    window.close()
    start.after_frame(instance=None)  # the frame's work, late: nothing to do
    assert start.workspace is None and not window.finished
    assert (folder / "window.ini").exists()  # the geometry as left


class FirstPaint(QObject):
    """Whether the window was finished when it was first painted."""

    def __init__(self, window):
        super().__init__(window)
        self.window, self.finished_at_paint = window, None
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.finished_at_paint is None:
            self.finished_at_paint = self.window.finished
        return False


@pytest.fixture
def run(qapp, isolated_logging, monkeypatch):
    """run_app(folder, "fr", check) as entry.py calls it; `windows` gets the window it
    makes, watched from its first paint; the app's hooks and names are put back after."""
    windows: list[tuple[MainWindow, FirstPaint]] = []
    make = desktop.app.placed

    def watched(window):
        windows.append((window, FirstPaint(window)))
        return make(window)

    monkeypatch.setattr(desktop.app, "placed", watched)
    hooks, names = (sys.excepthook, threading.excepthook), (qapp.applicationName(), "")

    def close_when_finished():
        if running == []:
            return  # run_app has returned (a start that failed: no window to close)
        if windows and windows[0][0].finished and QApplication.activeModalWidget() is None:
            QTimer.singleShot(100, close_and_quit)  # after what the frame waited for
        else:
            QTimer.singleShot(20, close_when_finished)

    def close_and_quit():
        windows[0][0].close()
        qapp.quit()  # other tests' windows may still be open: not the last one closed

    running = []

    def start(folder, check=None) -> int:
        QTimer.singleShot(0, close_when_finished)
        running.append(folder)
        try:
            return run_app(folder, "fr", check)
        finally:
            running.clear()

    start.windows = windows
    yield start
    sys.excepthook, threading.excepthook = hooks
    qapp.setApplicationName(names[0])


def test_the_start_paints_the_frame_first_then_finishes_the_window(run, folder):
    assert run(folder, BackgroundCheck(folder / DATABASE_NAME)) == 0
    window, paint = run.windows[0]
    assert paint.finished_at_paint is False  # painted before the workspace was opened
    assert window.finished
    assert [v.name for v in window.browser.venues.venues] == NAMES


def damage_an_index_of_visits(folder) -> bytes:
    """A page the venues' list does not read: the frame shows, SQLite's check fails."""
    conn = sqlite3.connect(folder / DATABASE_NAME)
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits' "
        "AND sql IS NOT NULL"
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray((folder / DATABASE_NAME).read_bytes())
    data[(root - 1) * size : root * size] = b"\xab" * size
    (folder / DATABASE_NAME).write_bytes(bytes(data))
    return bytes(data)


def answer(qtbot, *buttons: str | None) -> list[str]:
    """Click the next message boxes' buttons (None: its only one), in turn; their texts
    are kept."""
    seen = []

    def fill(box):
        seen.append(box.text())
        wanted = buttons[len(seen) - 1]
        next(b for b in box.buttons() if wanted in (None, b.text())).click()
        if len(seen) < len(buttons):
            accept_next_dialog(qtbot, fill)

    accept_next_dialog(qtbot, fill)
    return seen


def test_damage_found_after_the_frame_is_recovered_before_the_window_is_finished(
    run, folder, qtbot
):
    workspace = open_workspace(folder)
    backup.make_backup(folder / DATABASE_NAME, folder / "backups")
    workspace.store.create_venue({"name": "Après la sauvegarde", "commune": "Felletin"})
    workspace.close()
    damaged = damage_an_index_of_visits(folder)
    assert read_first_screen(folder) is not None  # the frame can show: it does
    seen = answer(qtbot, "Restaurer la sauvegarde", None)  # then « restored »
    assert run(folder, BackgroundCheck(folder / DATABASE_NAME)) == 0
    window, paint = run.windows[0]
    assert paint.finished_at_paint is False
    assert "La base de données est endommagée" in seen[0]
    assert [v.name for v in window.browser.venues.venues] == NAMES  # the backup's, reloaded
    aside = list(folder.glob(f"{DATABASE_NAME}.endommagé-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged


def test_quitting_at_damage_found_after_the_frame_ends_the_start_with_code_2(run, folder, qtbot):
    damaged = damage_an_index_of_visits(folder)
    answer(qtbot, "Quitter")
    assert run(folder) == 2  # as entry.py starts it: the check started after the frame
    assert (folder / DATABASE_NAME).read_bytes() == damaged
    assert not run.windows[0][0].finished
