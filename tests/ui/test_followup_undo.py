"""Taking back « Fait » in the Suivi: Ctrl+Z or « Annuler » puts the former status back,
saved and stamped like any edit, and never overwrites a change made since."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.core.storage.workspace import open_workspace
from tests.ui.conftest import accept_next_dialog

TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


@pytest.fixture
def seeded(data_dir):
    workspace = open_workspace(data_dir)
    store = workspace.store
    moulin = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    visit = store.create_visit(moulin.id, day(-20))
    store.update_visit(visit.id, {
        "actions": [
            {"what": "Relancer la mairie", "who": "Camille", "due": day(-1), "status": "a_faire"},
            {"what": "Dossier DLA", "who": "Sami", "due": day(60), "status": "en_cours"},
            {"what": "Sans statut", "who": "Sami", "due": day(90)},
        ],
    })  # fmt: skip
    other = store.create_venue({"name": "La Friche", "commune": "Lyon"})
    workspace.close()
    return {"moulin": moulin, "visit": visit, "other": other}


def open_followup(window, qtbot):
    window.show_followup()
    view = window.followup
    qtbot.waitUntil(lambda: view.data is not None and not view.loading.isVisible(), timeout=3000)
    return view


def whats(view) -> list[str]:
    return [getattr(r, "what", "") for r in view.actions_model.rows if hasattr(r, "what")]


def mark_done(view, what: str) -> None:
    model = view.actions_model
    row = next(i for i, r in enumerate(model.rows) if getattr(r, "what", "") == what)
    view.actions_view.setFocus()
    view.actions_view.setCurrentIndex(model.index(row, 2))
    view.done_button.click()


def statuses(store, visit_id: str) -> list:
    return [row.get("status") for row in store.get_visit(visit_id).data["actions"]]


def test_ctrl_z_puts_the_former_status_back_stamped(window, qtbot, seeded):
    store, visit_id = window.store, seeded["visit"].id
    view = open_followup(window, qtbot)
    mark_done(view, "Dossier DLA")
    assert statuses(store, visit_id) == ["a_faire", "fait", None]
    assert "Dossier DLA" not in whats(view)
    assert window.statusBar().currentMessage() == "Action marquée faite — Ctrl+Z pour annuler."
    stamp_done = store.field_stamps(visit_id)["actions"]["stamp"]
    view.actions_view.setFocus()
    qtbot.keyClick(view.actions_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(store, visit_id) == ["a_faire", "en_cours", None]  # not « À faire »
    assert store.field_stamps(visit_id)["actions"]["stamp"] > stamp_done  # it syncs
    assert "Dossier DLA" in whats(view)
    assert view.current_action().what == "Dossier DLA"  # back at its place
    assert window.statusBar().currentMessage() == "Statut de l'action rétabli : En cours."
    assert not view.undo_button.isEnabled()


def test_several_marks_come_back_latest_first_and_none_had_no_status(window, qtbot, seeded):
    store, visit_id = window.store, seeded["visit"].id
    view = open_followup(window, qtbot)
    mark_done(view, "Sans statut")
    mark_done(view, "Relancer la mairie")
    assert statuses(store, visit_id) == ["fait", "en_cours", "fait"]
    assert view.undo_button.isEnabled()
    view.undo_button.click()  # « Annuler », with the mouse
    assert statuses(store, visit_id) == ["a_faire", "en_cours", "fait"]
    view.undo_button.click()
    assert statuses(store, visit_id) == ["a_faire", "en_cours", None]  # no status, as before
    assert "status" not in store.get_visit(visit_id).data["actions"][2]
    assert window.statusBar().currentMessage() == "Statut de l'action rétabli (sans statut)."
    assert not view.undo_button.isEnabled()


def test_the_suivi_takes_ctrl_z_before_the_windows_undo_of_a_deletion(window, qtbot, seeded):
    """A venue deleted earlier: the window's Ctrl+Z is enabled, yet in the Suivi the key
    takes back the status first, then the deletion once nothing is left to take back."""
    store, visit_id = window.store, seeded["visit"].id
    window.browser.select_venue(seeded["other"].id)
    window.records.delete_venue()
    assert window.undo_action.isEnabled()
    view = open_followup(window, qtbot)
    mark_done(view, "Relancer la mairie")
    window.activateWindow()
    view.done_button.setFocus()  # where a click on « Marquer comme fait » leaves it
    qtbot.keyClick(view.done_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(store, visit_id) == ["a_faire", "en_cours", None]
    assert store.get_venue(seeded["other"].id).deleted_at  # still in the trash
    qtbot.keyClick(view.actions_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not store.get_venue(seeded["other"].id).deleted_at  # now the window's undo


def test_an_action_changed_since_is_not_overwritten(window, qtbot, seeded):
    store, visit_id = window.store, seeded["visit"].id
    view = open_followup(window, qtbot)
    mark_done(view, "Dossier DLA")
    actions = store.get_visit(visit_id).data["actions"]
    actions[1]["status"] = "a_faire"  # edited in the form since
    store.update_visit(visit_id, {"actions": actions})
    seen = []

    def read(dialog):
        seen.append(dialog.text())
        dialog.accept()

    accept_next_dialog(qtbot, read)
    view.undo_button.click()
    assert seen == ["Cette action a changé depuis : son statut n'a pas été rétabli."]
    assert statuses(store, visit_id) == ["a_faire", "a_faire", None]  # the newer one kept
