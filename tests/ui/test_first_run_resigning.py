"""The first run's name given with many visits signed with the login name: the window
stays usable while they follow it in the background, with its progress in the status
bar; closed midway, the next start takes up the rest.

The job is real (the one writer, batches on a real SQLite file); the test only paces it,
one batch at a time, between batches (never inside one)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.storage import resigning
from desktop.core.storage.data_service import system_user_name
from desktop.core.storage.resigning import pending_names
from desktop.ui.controllers import resign_progress
from tests.ui.conftest import accept_next_dialog, type_text

VISITS, BATCH = 120, 10


@pytest.fixture
def paced(monkeypatch):
    """A semaphore the test releases to let the job go on, one batch per release; the
    job waits between batches only (and not once the window is closing)."""
    gate = threading.Semaphore(0)
    real = resign_progress.resign_all

    def resign_all(workspace, report, stop):
        def report_then_wait(progress):
            report(progress)
            while not stop.is_set() and not gate.acquire(timeout=0.02):
                pass

        return real(workspace, report_then_wait, stop)

    monkeypatch.setattr(resigning, "BATCH", BATCH)
    monkeypatch.setattr(resign_progress, "resign_all", resign_all)
    return gate


def _signed_by_login(window) -> tuple[str, list[str]]:
    venue = window.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    dates = [f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(VISITS)]
    return venue.id, [window.store.create_visit(venue.id, day).id for day in dates]


def _give_name(qtbot, window, name="Camille Martin"):
    def fill(dialog):
        type_text(dialog.user_name, name)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    accept_next_dialog(qtbot, fill)
    assert window.ask_identity()


def _authors(window, visit_ids) -> dict[str, int]:
    counts: dict[str, int] = {}
    for visit_id in visit_ids:
        author = window.store.get_visit(visit_id).author
        counts[author] = counts.get(author, 0) + 1
    return counts


def test_the_window_stays_usable_while_the_visits_take_the_name(open_window, qtbot, paced):
    window = open_window(first_run_done=False)
    venue_id, visits = _signed_by_login(window)
    window.open_venue(venue_id)
    _give_name(qtbot, window)
    assert window.workspace.setting("user_name") == "Camille Martin"  # saved at once
    bar = window.resigning.bar
    assert bar.isVisible()

    qtbot.waitUntil(lambda: bar.value() == BATCH)  # one batch done, the job waits
    assert bar.text() == f"Signature de vos visites : {BATCH} sur {VISITS}"
    assert _authors(window, visits) == {"Camille Martin": BATCH, system_user_name(): VISITS - BATCH}
    ticks = []  # the event loop runs: timers fire, typing reaches the widgets
    QTimer.singleShot(0, lambda: ticks.append(True))
    type_text(window.browser.filter, "Quinc")
    qtbot.waitUntil(lambda: bool(ticks))
    assert window.browser.filter.text() == "Quinc"
    other = window.store.create_venue({"name": "La Ruche"})  # writes pass between batches
    assert window.store.get_venue(other.id).name == "La Ruche"

    paced.release(3)
    qtbot.waitUntil(lambda: bar.value() == 4 * BATCH)
    assert window.resigning.running and bar.isVisible()
    paced.release(VISITS)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=20000)
    assert not window.resigning.running
    assert _authors(window, visits) == {"Camille Martin": VISITS}
    assert window.statusBar().currentMessage() == f"{VISITS} visites signées à votre nom."
    assert pending_names(window.workspace.setting) == ()
    qtbot.waitUntil(
        lambda: (
            {window.browser.visits.index(r, 2).data() for r in range(VISITS)} == {"Camille Martin"}
        )
    )


def test_closed_midway_the_next_start_takes_up_the_rest(open_window, qtbot, paced):
    window = open_window(first_run_done=False)
    _venue, visits = _signed_by_login(window)
    _give_name(qtbot, window)
    bar = window.resigning.bar
    paced.release(2)
    qtbot.waitUntil(lambda: bar.value() == 3 * BATCH)
    window.close()  # stops the job after the running batch, and waits for it
    workspace = window.workspace
    left = _authors(window, visits)
    assert left == {"Camille Martin": 3 * BATCH, system_user_name(): VISITS - 3 * BATCH}
    assert pending_names(workspace.setting) == (system_user_name(),)
    workspace.close()

    again = open_window(first_run_done=False)  # the next start: no question, the job goes on
    finished = []
    again.resigning.finished.connect(finished.append)
    paced.release(VISITS)
    assert again.ask_identity()  # what the start runs right after its first frame
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    assert finished == [VISITS - 3 * BATCH]
    assert _authors(again, visits) == {"Camille Martin": VISITS}
    assert pending_names(again.workspace.setting) == ()


def test_a_name_changed_in_the_preferences_while_the_job_runs_reaches_every_visit(
    open_window, qtbot, paced
):
    from desktop.ui.controllers.preferences_flow import edit_preferences

    window = open_window(first_run_done=False)
    _venue, visits = _signed_by_login(window)
    _give_name(qtbot, window, "Camille")
    qtbot.waitUntil(lambda: window.resigning.bar.value() == BATCH)

    def rename(dialog):
        dialog.user_name.clear()
        type_text(dialog.user_name, "Camille Martin")
        dialog.accept()

    accept_next_dialog(qtbot, rename)
    edit_preferences(window.context, lambda: None, window.resigning)
    paced.release(10 * VISITS)
    qtbot.waitUntil(lambda: not window.resigning.running, timeout=20000)
    assert _authors(window, visits) == {"Camille Martin": VISITS}
    assert pending_names(window.workspace.setting) == ()
