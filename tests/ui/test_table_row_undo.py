"""A row removed from a table of the form (people met, actions) comes back with
« Rétablir la ligne » or Ctrl+Z, at its place and with every value, saved again."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import type_text

ACTIONS = [
    {"what": "Relancer la mairie", "who": "Camille", "due": "2026-04-01"},
    {"what": "Envoyer le bilan", "who": "Inès", "due": "2026-05-15", "note_x": "gardé"},
    {"what": "Prévoir la visite suivante"},
]


@pytest.fixture
def actions(window, qtbot):
    venue = window.store.create_venue({"name": "La Forge", "commune": "Felletin"})
    record = window.store.create_visit(venue.id, "2026-03-14")
    window.store.update_visit(record.id, {"actions": ACTIONS})
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    return window, record.id, window.visit_editor.form.editor("actions")


def saved(window, qtbot, visit_id):
    qtbot.waitUntil(lambda: not window.visit_editor.autosaver.has_pending, timeout=3000)
    return window.store.get_visit(visit_id).data.get("actions")


def remove_second_row(editor, qtbot):
    editor.table.setCurrentCell(1, 0)
    qtbot.mouseClick(
        editor.findChild(type(editor.restore), "remove_row"), Qt.MouseButton.LeftButton
    )


def test_the_removed_row_comes_back_at_its_place_with_a_click(actions, qtbot):
    window, visit_id, editor = actions
    remove_second_row(editor, qtbot)
    assert saved(window, qtbot, visit_id) == [ACTIONS[0], ACTIONS[2]]
    assert editor.restore.isVisible()
    qtbot.mouseClick(editor.restore, Qt.MouseButton.LeftButton)
    assert saved(window, qtbot, visit_id) == ACTIONS  # the column the template lacks too
    assert not editor.restore.isVisible()


def test_ctrl_z_in_the_table_puts_the_row_back_not_a_deleted_record(actions, qtbot):
    window, visit_id, editor = actions
    venue_id = window.browser.venue_id
    other = window.store.create_venue({"name": "Le Tiers Temps", "commune": "Ussel"})
    window.browser.venue_id = other.id
    window.records.delete_venue()  # the window's Ctrl+Z would bring it back
    assert window.undo_action.isEnabled()
    window.open_visit(visit_id, venue_id)
    editor = window.visit_editor.form.editor("actions")
    remove_second_row(editor, qtbot)
    saved(window, qtbot, visit_id)
    assert QApplication.focusWidget() is editor.table  # no cell opened for typing
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(window, qtbot, visit_id) == ACTIONS
    assert editor.table.currentRow() == 1
    assert QApplication.focusWidget() is editor.table  # no cell opened: a key replaces nothing
    assert other.id not in {venue.id for venue in window.store.list_venues()}
    assert window.undo_action.isEnabled()


def test_another_visit_opened_has_nothing_to_put_back(actions, qtbot):
    window, visit_id, editor = actions
    remove_second_row(editor, qtbot)
    saved(window, qtbot, visit_id)
    window.open_visit(visit_id, window.browser.venue_id)  # loaded again
    assert not editor.restore.isVisible()


def test_text_typed_into_an_empty_table_starts_its_first_row(window, qtbot):
    """Found by QA: Tab into « Personnes rencontrées » (no row yet) and type: the text went
    nowhere, and the next Tab reached « Ajouter une ligne » with more words lost."""
    venue = window.store.create_venue({"name": "La Forge", "commune": "Felletin"})
    record = window.store.create_visit(venue.id, "2026-03-14")
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    editor = window.visit_editor.form.editor("people_met")
    editor.table.setFocus()
    type_text(editor.table, "P")  # the first key reaches the table, the next ones its cell
    type_text(QApplication.focusWidget(), "résidente")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "Aïcha Benali")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.visit_editor.autosaver.has_pending, timeout=3000)
    people = window.store.get_visit(record.id).data.get("people_met")
    assert people == [{"role": "Présidente", "name": "Aïcha Benali"}]
