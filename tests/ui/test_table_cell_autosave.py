"""A table cell is saved while its editor is open, as a plain field is (cell_typing.py):
text, a due date, a choice and a number; Échap still cancels the edit, and the value
from before it is saved again; Entrée and the row undo work as before."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from desktop.core.forms.templates import FieldSpec
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.ui.form.table_editor import TableEditor
from tests.ui.conftest import type_text

WHAT, DUE, STATUS = 0, 2, 3  # the columns of « Actions à mener »


def stored(data_dir, visit_id, path):
    """Read as a restart after kill -9 would: through another connection."""
    with sqlite3.connect(data_dir / DATABASE_NAME) as db:
        row = db.execute(
            "SELECT json_extract(data, ?) FROM visits WHERE id = ?", (path, visit_id)
        ).fetchone()
    return row[0]


@pytest.fixture
def actions(window):
    venue = window.store.create_venue({"name": "La Forge", "commune": "Felletin"})
    record = window.store.create_visit(venue.id, "2026-03-14")
    rows = [{"what": "Relancer la mairie", "status": "a_faire"}, {"what": "Envoyer le bilan"}]
    window.store.update_visit(record.id, {"actions": rows})
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    return record.id, window.visit_editor.form.editor("actions").table


def open_cell(qtbot, table, row, column, kind=QLineEdit):
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), kind), timeout=2000)
    return QApplication.focusWidget()


def test_escape_cancels_the_edit_and_the_value_before_it_is_saved_again(
    window, data_dir, qtbot, actions
):
    visit_id, table = actions
    cell = open_cell(qtbot, table, 0, WHAT)
    cell.setCursorPosition(len("Relancer"))
    type_text(cell, " vite")
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[0].what") == "Relancer vite la mairie",
        timeout=3000,
    )
    # Saved without disturbing the typing: same editor, same text, cursor where it was.
    assert QApplication.focusWidget() is cell and cell.cursorPosition() == len("Relancer vite")
    assert table.state() == table.State.EditingState
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    assert table.state() != table.State.EditingState
    assert table.item(0, WHAT).text() == "Relancer la mairie"
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[0].what") == "Relancer la mairie",
        timeout=3000,
    )
    assert stored(data_dir, visit_id, "$.actions[0].status") == "a_faire"  # the rest kept


def test_a_due_date_typed_in_an_open_cell_is_saved_as_a_date(window, data_dir, qtbot, actions):
    visit_id, table = actions
    cell = open_cell(qtbot, table, 1, DUE)
    type_text(cell, "3/12/25")
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[1].due") == "2025-12-03", timeout=3000
    )
    assert table.state() == table.State.EditingState and cell.text() == "3/12/25"
    cell.clear()
    type_text(cell, "bientôt")  # not a date: kept as typed once the user stops on it
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[1].due") == "bientôt", timeout=4000
    )
    assert table.state() == table.State.EditingState
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # closed: the cell keeps the text, in red
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)
    assert table.item(1, DUE).text() == "bientôt"
    assert stored(data_dir, visit_id, "$.actions[1].due") == "bientôt"


def test_a_date_half_typed_is_sent_when_the_editors_are_flushed(window, data_dir, qtbot, actions):
    """Held back while it is typed (not flagged at once), not lost when the app closes
    or another record opens: the window flushes its editors then."""
    visit_id, table = actions
    cell = open_cell(qtbot, table, 1, DUE)
    type_text(cell, "3/12/2")  # not a date yet
    assert window.visit_editor.flush()
    assert stored(data_dir, visit_id, "$.actions[1].due") == "3/12/2"
    assert table.state() == table.State.EditingState and cell.text() == "3/12/2"
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: stored(data_dir, visit_id, "$.actions[1].due") is None, timeout=3000)


def test_a_choice_made_in_an_open_cell_is_saved(window, data_dir, qtbot, actions):
    visit_id, table = actions
    combo = open_cell(qtbot, table, 0, STATUS, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "en_cours"
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[0].status") == "en_cours", timeout=3000
    )
    assert table.state() == table.State.EditingState


def test_entree_still_closes_the_cell_with_its_text(window, data_dir, qtbot, actions):
    visit_id, table = actions
    cell = open_cell(qtbot, table, 1, WHAT)
    cell.end(False)
    type_text(cell, " aux élus")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)
    assert table.item(1, WHAT).text() == "Envoyer le bilan aux élus"
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[1].what") == "Envoyer le bilan aux élus",
        timeout=3000,
    )


def test_a_row_removed_after_typing_comes_back_with_the_typed_text(
    window, data_dir, qtbot, actions
):
    visit_id, table = actions
    editor = window.visit_editor.form.editor("actions")
    cell = open_cell(qtbot, table, 0, WHAT)
    cell.end(False)
    type_text(cell, " encore")
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[0].what") == "Relancer la mairie encore",
        timeout=3000,
    )
    remove = editor.findChild(type(editor.restore), "remove_row")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)  # the click closes the cell first
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[0].what") == "Envoyer le bilan",
        timeout=3000,
    )
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: stored(data_dir, visit_id, "$.actions[0].what") == "Relancer la mairie encore",
        timeout=3000,
    )
    assert stored(data_dir, visit_id, "$.actions[0].status") == "a_faire"


AMOUNT = FieldSpec("amount", "Montant", "number", {}, unit="€")
NOTE = FieldSpec("note", "Note", "text", {})
LINES = FieldSpec("lines", "Lignes", "table", {}, columns=(AMOUNT, NOTE))


def test_a_number_typed_in_an_open_cell_is_sent_as_a_number(qtbot):
    editor = TableEditor(LINES)
    qtbot.addWidget(editor)
    editor.set_value([{"note": "loyer"}])
    editor.show()
    qtbot.waitExposed(editor)
    sent = []
    editor.edited.connect(lambda: sent.append(editor.value()))
    cell = open_cell(qtbot, editor.table, 0, 0)
    qtbot.keyClick(cell, Qt.Key.Key_Escape)  # nothing typed: nothing sent
    assert sent == []
    cell = open_cell(qtbot, editor.table, 0, 0)
    type_text(cell, "1 200 €")
    assert sent[-1] == [{"amount": 1200, "note": "loyer"}]
    assert editor.table.item(0, 0).text() == ""  # the cell itself is written when it closes
    cell.clear()
    type_text(cell, "a")
    assert sent[-1] == [{"amount": "a", "note": "loyer"}]  # kept as typed, flagged later
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    assert sent[-1] == [{"note": "loyer"}]  # cancelled: the value before the edit, sent again
