"""Text typed into an empty table (reached with Tab) starts its first row, whole: every
letter, the first one too (under Xvfb the first went to the table and was lost)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_typing_into_an_empty_table_starts_its_first_row_with_every_letter(window, qtbot):
    venue = window.store.create_venue({"name": "La Ruche", "commune": "Tulle"})
    visit = window.store.create_visit(venue.id, "2026-11-20")
    window.open_visit(visit.id, venue.id)
    table = window.visit_editor.form.editor("people_met").table
    assert table.rowCount() == 0
    table.setFocus()
    qtbot.keyClick(table, "T")  # the table's own key: it opens the first row's cell
    editor = QApplication.focusWidget()
    assert editor is not table
    qtbot.keyClicks(editor, "resorier")  # QTest aborts on « é »
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert table.rowCount() == 1
    assert window.visit_editor.flush()
    assert window.store.get_visit(visit.id).data["people_met"] == [{"role": "Tresorier"}]
