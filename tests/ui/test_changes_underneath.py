"""A window and a headless command on one data folder: nothing typed or set is lost."""

from PySide6.QtGui import QTextCursor

from desktop.core.merge.conflicts import list_conflicts
from tests.headless import run_carnet
from tests.ui.conftest import type_text


def _open_visit(window, notes: str):
    venue = window.store.create_venue({"name": "Hôp Hop Hop", "commune": "Limoges"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.store.update_visit(visit.id, {"economic_notes": notes})
    window.open_visit(visit.id, venue.id)
    return visit


def test_a_field_set_by_a_command_and_not_being_edited_refreshes_in_the_form(
    window, qtbot, data_dir
):
    visit = _open_visit(window, "Texte d'origine")
    box = window.visit_editor.form.editor("economic_notes").box
    assert box.toPlainText() == "Texte d'origine"
    done = run_carnet(data_dir, "set", visit.id, "economic_notes=VALEUR CLI")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: box.toPlainText() == "VALEUR CLI", timeout=5000)
    box.moveCursor(QTextCursor.MoveOperation.End)
    type_text(box, " et la suite")  # the user goes on from what is stored now
    assert window.visit_editor.flush()
    assert window.store.get_visit(visit.id).data["economic_notes"] == "VALEUR CLI et la suite"
    assert list_conflicts(window.store) == []


def test_typing_over_a_value_set_underneath_keeps_both_as_a_conflict(window, qtbot, data_dir):
    visit = _open_visit(window, "Texte d'origine")
    window.hub.timer.stop()  # the command lands between two checks: the form has not seen it
    done = run_carnet(data_dir, "set", visit.id, "economic_notes=VALEUR CLI")
    assert done.returncode == 0, done.stderr
    box = window.visit_editor.form.editor("economic_notes").box
    box.moveCursor(QTextCursor.MoveOperation.End)
    type_text(box, " + frappe")
    assert window.visit_editor.flush()
    stored = window.store.get_visit(visit.id).data["economic_notes"]
    assert stored == "Texte d'origine + frappe"
    [conflict] = list_conflicts(window.store)
    assert (conflict.current.value, conflict.other.value) == (stored, "VALEUR CLI")
    marker = window.visit_editor.form.rows["economic_notes"]
    qtbot.waitUntil(lambda: "VALEUR CLI" in marker.conflict.text(), timeout=3000)
