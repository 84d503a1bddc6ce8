"""QA finding (s7): text typed in a table cell whose editor is still open is not
saved, so a crash or kill -9 loses it, while a plain field is saved as it is typed.

Reproduced by hand: a governance meeting's « Actions à mener », a cell opened with a
double-click, « par courrier recommande » typed, 8 s waited (the window showed the
text), kill -9: the database still held the cell's old value. This test reads the
database through its own connection, as a restart after kill -9 would, while the
cell's editor is still open.
"""

import sqlite3

from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.core.storage.data_dir import DATABASE_NAME
from tests.ui.conftest import type_text

PLAIN_FIELD = "governance_notes"


def stored(data_dir, visit_id, path):
    with sqlite3.connect(data_dir / DATABASE_NAME) as db:
        row = db.execute(
            "SELECT json_extract(data, ?) FROM visits WHERE id = ?", (path, visit_id)
        ).fetchone()
    return row[0]


def open_actions(window):
    venue = window.store.create_venue({"name": "La Forge", "commune": "Felletin"})
    record = window.store.create_visit(venue.id, "2026-03-14")
    window.store.update_visit(record.id, {"actions": [{"what": "Relancer la mairie"}]})
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    return record.id, window.visit_editor.form.editor("actions").table


def test_a_plain_field_is_saved_while_its_editor_is_open(window, data_dir, qtbot):
    visit_id, _ = open_actions(window)
    box = window.visit_editor.form.editor(PLAIN_FIELD).box
    box.setFocus()
    type_text(box, "Tapé sans quitter le champ")
    qtbot.wait(3000)
    assert stored(data_dir, visit_id, f"$.{PLAIN_FIELD}") == "Tapé sans quitter le champ"


def test_a_table_cell_is_saved_while_its_editor_is_open(window, data_dir, qtbot):
    visit_id, table = open_actions(window)
    table.setFocus()
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2000)
    cell_editor = QApplication.focusWidget()
    cell_editor.end(False)
    type_text(cell_editor, " par courrier recommandé")
    qtbot.wait(3000)  # far longer than the plain field's autosave delay
    assert table.state() == table.State.EditingState  # the cell is still being typed in
    assert cell_editor.text() == "Relancer la mairie par courrier recommandé"  # on screen
    assert (
        stored(data_dir, visit_id, "$.actions[0].what")
        == "Relancer la mairie par courrier recommandé"
    )
