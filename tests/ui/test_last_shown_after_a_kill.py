"""The venue and visit on screen are remembered once chosen, not only at a clean close:
after kill -9 the app reopens where the user was. window.ini is written again only when
they change (not at a keystroke), once the choice has settled (not at every arrow key
down the list)."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.core.storage.workspace import open_workspace
from desktop.ui.controllers.window_state import SETTINGS_FILE, SETTLED_MS
from tests.ui.conftest import type_text

SCRIPT = Path(__file__).with_name("selecting_app.py")


def two_venues(data_dir: Path) -> tuple[str, str, str]:
    """(venue, its visit, another venue), made without a window."""
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    venue = workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    other = workspace.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = workspace.store.create_visit(venue.id, "2025-02-11")
    workspace.close()
    return venue.id, visit.id, other.id


def choose_then_kill(data_dir: Path, *chosen: str) -> None:
    """The app started, the venue (and visit) chosen in its lists, then kill -9."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARNET_NO_BOOTSTRAP": "1"}
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(data_dir), *chosen],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout.readline().strip() == "ready", "the app did not start"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL  # no closeEvent, no clean close


def test_a_visit_chosen_then_killed_comes_back_at_the_next_start(open_window, data_dir):
    venue_id, visit_id, _ = two_venues(data_dir)
    choose_then_kill(data_dir, venue_id, visit_id)
    window = open_window()
    assert window.pages.currentWidget() is window.editors.visit_if_built()
    assert window.visit_editor.record_id == visit_id
    assert window.browser.venue_id == venue_id
    assert window.browser.current_visit_id() == visit_id


@pytest.mark.parametrize("before", [False, True])
def test_a_venue_chosen_then_killed_comes_back_at_the_next_start(open_window, data_dir, before):
    """before: a visit was open at the previous clean close; the venue chosen after it
    replaces it, the visit is not reopened."""
    venue_id, visit_id, other_id = two_venues(data_dir)
    if before:
        window = open_window()
        window.open_visit(visit_id, venue_id)
        window.close()
    choose_then_kill(data_dir, other_id)
    window = open_window()
    assert window.pages.currentWidget() is window.venue_editor
    assert window.venue_editor.record_id == other_id
    assert window.browser.venue_id == other_id
    assert window.editors.visit_if_built() is None


def written(data_dir: Path) -> tuple[int, int]:
    """window.ini's identity: a new file (inode, time) at each write, renamed over the old."""
    info = (data_dir / SETTINGS_FILE).stat()
    return info.st_ino, info.st_mtime_ns


def settled(qtbot) -> None:
    qtbot.wait(SETTLED_MS + 300)


def test_window_ini_is_written_when_the_choice_changes_not_when_typing(
    open_window, data_dir, qtbot
):
    venue_id, visit_id, other_id = two_venues(data_dir)
    window = open_window()
    window.browser.select_venue(venue_id)
    settled(qtbot)
    after_venue = written(data_dir)
    window.browser.select_visit(visit_id)
    settled(qtbot)
    after_visit = written(data_dir)
    assert after_visit != after_venue
    notes = window.visit_editor.form.editor("governance_notes").box
    notes.setFocus()
    type_text(notes, "Bureau collégial de cinq personnes.")
    qtbot.waitUntil(lambda: not window.visit_editor.autosaver.has_pending, timeout=5000)
    window.show_visit(visit_id)  # the same visit shown again
    settled(qtbot)
    assert written(data_dir) == after_visit
    window.browser.select_venue(other_id)
    settled(qtbot)
    assert written(data_dir) != after_visit


def test_going_down_the_list_writes_once_the_choice_has_settled(open_window, data_dir, qtbot):
    venue_id, _, other_id = two_venues(data_dir)
    window = open_window()
    window.browser.select_venue(venue_id)
    settled(qtbot)
    before = written(data_dir)
    for chosen in (other_id, venue_id, other_id):  # arrow keys, faster than the half second
        window.browser.select_venue(chosen)
    assert written(data_dir) == before  # not yet: nothing written at each key
    settled(qtbot)
    assert written(data_dir) != before
    reopened = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    assert (reopened.value("last/venue"), reopened.value("last/visit")) == (other_id, "")
