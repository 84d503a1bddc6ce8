"""The change hub: « anything may have changed » for another program's writes only.

That announcement reloads every view (slow at 100,000 visits); our own writes reach the
views through the data service's broadcast, naming what they changed.
"""

from __future__ import annotations

import threading

from desktop.core.storage.workspace import open_workspace
from desktop.ui.controllers.change_hub import ChangeHub
from tests.headless import run_carnet

FAST_CHECK_MS = 5  # the one-second check, run often to give the race every chance


def _hub_on(workspace, qtbot) -> tuple[ChangeHub, list]:
    hub = ChangeHub(workspace)
    hub.timer.setInterval(FAST_CHECK_MS)
    heard: list = []
    hub.changed.connect(heard.append)
    return hub, heard


def test_our_own_writes_never_reload_everything(tmp_path, qtbot):
    workspace = open_workspace(tmp_path / "data")
    hub, heard = _hub_on(workspace, qtbot)
    try:
        store = workspace.store
        venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
        visit = store.create_visit(venue.id, "2025-02-11")

        def write_on() -> None:  # as a sync pass or Operations.run: the UI stays free
            for number in range(300):
                store.update_visit(visit.id, {"economic_notes": f"Note {number}"})

        writing = threading.Thread(target=write_on)
        writing.start()
        qtbot.waitUntil(lambda: not writing.is_alive(), timeout=30_000)
        qtbot.wait(10 * FAST_CHECK_MS)
        assert heard, "our writes are announced"
        assert [changes for changes in heard if changes.everything] == []
    finally:
        hub.stop()
        workspace.close()


def test_a_headless_command_beside_the_window_reloads_everything(tmp_path, qtbot):
    workspace = open_workspace(tmp_path / "data")
    store = workspace.store
    venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = store.create_visit(venue.id, "2025-02-11")
    hub, heard = _hub_on(workspace, qtbot)
    try:
        qtbot.wait(10 * FAST_CHECK_MS)
        heard.clear()
        done = run_carnet(workspace.data_dir, "set", visit.id, "economic_notes=VALEUR CLI")
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: any(changes.everything for changes in heard), timeout=5000)
        assert store.get_visit(visit.id).data["economic_notes"] == "VALEUR CLI"
    finally:
        hub.stop()
        workspace.close()


def test_another_programs_write_is_heard_even_with_ours_right_after(tmp_path, qtbot):
    """The command's write lands, then ours, before the hub's next check."""
    workspace = open_workspace(tmp_path / "data")
    store = workspace.store
    venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = store.create_visit(venue.id, "2025-02-11")
    hub, heard = _hub_on(workspace, qtbot)
    hub.timer.stop()
    try:
        done = run_carnet(workspace.data_dir, "set", visit.id, "economic_notes=VALEUR CLI")
        assert done.returncode == 0, done.stderr
        store.update_visit(visit.id, {"facilitator": "Camille Martin"})
        hub.check_external()
        qtbot.waitUntil(lambda: any(changes.everything for changes in heard), timeout=5000)
    finally:
        hub.stop()
        workspace.close()
