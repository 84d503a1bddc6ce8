"""The sync in the app: a colleague's visit shows up without a restart; conflicts resolve."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.merge.conflicts import list_conflicts  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine  # noqa: E402
from desktop.ui.dialogs.sync_panel import SyncPanel  # noqa: E402


def _colleague(tmp_path, share):
    alice = open_workspace(tmp_path / "alice")
    alice.set_setting("user_name", "Alice")
    alice.set_setting(SHARED_FOLDER, str(share))
    return alice


def test_a_colleagues_venue_appears_through_the_real_observer(qtbot, tmp_path, data_dir,
                                                              open_window):  # fmt: skip
    share = tmp_path / "partage"
    share.mkdir()
    bob = open_workspace(data_dir)
    bob.set_setting(SHARED_FOLDER, str(share))
    bob.close()
    window = open_window()
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.last_report is not None, timeout=15000)
    assert controller.watcher is not None and controller.watcher.watching

    alice = _colleague(tmp_path, share)
    try:
        alice.store.create_venue({"name": "La Coopérative du Plateau"})
        assert SyncEngine(alice).run_pass(sheets=False).ok

        def shown():
            names = [v.name for v in window.browser.venues.venues]
            assert "La Coopérative du Plateau" in names

        qtbot.waitUntil(shown, timeout=15000)  # the rescan is a minute away: events did it
        qtbot.waitUntil(lambda: "à jour" in window.sync.indicator.text(), timeout=15000)
    finally:
        alice.close()


def test_a_conflict_is_resolved_in_the_panel(qtbot, tmp_path):
    share = tmp_path / "partage"
    share.mkdir()
    alice, bob = _colleague(tmp_path, share), open_workspace(tmp_path / "bob")
    bob.set_setting(SHARED_FOLDER, str(share))
    try:
        venue = alice.store.create_venue({"name": "Le Quai"})
        visit = alice.store.create_visit(venue.id, "2026-11-20")
        SyncEngine(alice).run_pass(sheets=False), SyncEngine(bob).run_pass(sheets=False)
        alice.store.update_visit(visit.id, {"strengths": "Vu par Alice"})
        bob.store.update_visit(visit.id, {"strengths": "Vu par Bob"})
        for ws in (alice, bob):
            SyncEngine(ws).run_pass(sheets=False)

        panel = SyncPanel(bob)
        qtbot.addWidget(panel)
        assert panel.conflicts.rowCount() == 1
        assert panel.tabs.tabText(0) == "Conflits (1)"
        panel.conflicts.selectRow(0)
        panel.take_theirs.click()
        assert bob.store.get_visit(visit.id).data["strengths"] == "Vu par Alice"
        assert panel.conflicts.rowCount() == 0 and list_conflicts(bob.store) == []

        SyncEngine(bob).run_pass(sheets=False), SyncEngine(alice).run_pass(sheets=False)
        assert list_conflicts(alice.store) == []
        assert alice.store.get_visit(visit.id).data["strengths"] == "Vu par Alice"
    finally:
        alice.close(), bob.close()


def test_no_shortcut_is_bound_twice(window):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton

    window.show_followup()  # the Suivi view has its own keys (F5, Ctrl+D)
    keys = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    keys += [b.shortcut().toString() for b in window.findChildren(QAbstractButton)
             if not b.shortcut().isEmpty() and not b.shortcut().toString().startswith("Alt+")]  # fmt: skip
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_the_form_marks_a_field_in_conflict(qtbot, tmp_path, data_dir, open_window):
    share = tmp_path / "partage"
    share.mkdir()
    alice, bob = _colleague(tmp_path, share), open_workspace(data_dir)
    bob.set_setting(SHARED_FOLDER, str(share))
    venue = alice.store.create_venue({"name": "Le Hangar"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    SyncEngine(alice).run_pass(sheets=False), SyncEngine(bob).run_pass(sheets=False)
    alice.store.update_visit(visit.id, {"obstacles": "Toiture à refaire"})
    time.sleep(0.01)  # Bob's edit is the later one: Alice's value is the one kept aside
    bob.store.update_visit(visit.id, {"obstacles": "Chauffage insuffisant"})
    SyncEngine(alice).run_pass(sheets=False), SyncEngine(bob).run_pass(sheets=False)
    alice.close(), bob.close()

    window = open_window()
    window.open_visit(visit.id, venue.id)
    row = window.visit_editor.form.rows["obstacles"]
    assert row.conflict.isVisibleTo(window)
    assert "Alice" in row.conflict.text() and "Toiture à refaire" in row.conflict.text()
    assert not window.visit_editor.form.rows["strengths"].conflict.isVisibleTo(window)


def test_an_unreachable_share_is_said_in_the_status_bar(qtbot, tmp_path, data_dir, open_window):
    bob = open_workspace(data_dir)
    bob.set_setting(SHARED_FOLDER, str(tmp_path / "lecteur-réseau-débranché"))
    bob.store.create_venue({"name": "Le Local hors ligne"})
    bob.close()
    window = open_window()
    qtbot.waitUntil(lambda: window.sync.controller.last_report is not None, timeout=15000)
    assert "indisponible" in window.sync.indicator.text()
    assert "1 en attente" in window.sync.indicator.text()
    assert [v.name for v in window.browser.venues.venues] == ["Le Local hors ligne"]


def test_a_folder_never_used_is_set_up_once_the_panel_asked(
    qtbot, tmp_path, data_dir, open_window, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    first, new = tmp_path / "ancien", tmp_path / "nouveau"
    first.mkdir(), new.mkdir()
    bob = open_workspace(data_dir)
    bob.store.create_venue({"name": "Le Quai"})
    bob.set_setting(SHARED_FOLDER, str(first))
    assert SyncEngine(bob).run_pass(sheets=False).ok
    bob.set_setting(SHARED_FOLDER, str(new))  # another folder, chosen in the preferences
    bob.close()
    window = open_window()
    qtbot.waitUntil(lambda: window.sync.panel is not None, timeout=15000)
    panel = window.sync.panel
    assert panel.isVisible() and panel.set_up_button.isVisible()
    assert "à préparer" in window.sync.indicator.text()
    assert not (new / "Carnet").exists()  # nothing written before the user agrees
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    panel.set_up_button.click()
    qtbot.waitUntil(lambda: "à jour" in window.sync.indicator.text(), timeout=15000)
    assert len(list((new / "Carnet" / "devices").glob("*/records/venues/*.json"))) == 1


def test_a_read_only_share_is_said_with_what_came_in(qtbot, tmp_path, data_dir, open_window):
    from tests.sync.unwritable_share import unwritable

    share = tmp_path / "partage"
    share.mkdir()
    alice = _colleague(tmp_path, share)
    alice.store.create_venue({"name": "La Ferme de Chassagne"})
    assert SyncEngine(alice).run_pass(sheets=False).ok
    alice.close()
    bob = open_workspace(data_dir)
    bob.set_setting(SHARED_FOLDER, str(share))
    bob.store.create_venue({"name": "Le Local de Bob"})  # not published yet
    bob.close()
    with unwritable(share):
        window = open_window()
        qtbot.waitUntil(lambda: window.sync.controller.last_report is not None, timeout=15000)
    indicator = window.sync.indicator.text()
    assert indicator == "Synchro : importé, publication impossible — 1 en attente"
    said = window.statusBar().currentMessage()
    reasons = ("(disque en lecture seule)", "(accès refusé)")  # bind mount, or no write bit
    assert said.startswith(tuple(f"Publication impossible {r}" for r in reasons)), said
    assert said.endswith(") : le travail des collègues est importé, le vôtre attend sur ce poste.")

    def both_shown():
        names = [v.name for v in window.browser.venues.venues]
        assert names == ["La Ferme de Chassagne", "Le Local de Bob"]

    qtbot.waitUntil(both_shown, timeout=15000)
    window.sync.show_panel()
    status = window.sync.panel.status.text()
    assert "<b>Publication impossible</b>" in status and "(1 nouveau(x), 0 mis à jour)" in status
    assert "1 élément(s) de ce poste en attente" in status

    window.sync.controller.sync_now()  # writable again: published, the problem is over
    qtbot.waitUntil(lambda: "à jour" in window.sync.indicator.text(), timeout=15000)
    assert window.statusBar().currentMessage() == ""
    assert "<b>Publication impossible</b>" not in window.sync.panel.status.text()
    assert len(list((share / "Carnet" / "devices").glob("*/records/venues/*.json"))) == 2
