"""A write that fails (read-only or full disk) keeps what was typed, says so, and retries."""

from desktop.ui.controllers.autosave import RETRY_DELAY_MS
from tests.ui.conftest import type_text


def test_a_refused_write_keeps_the_edit_and_saves_it_once_possible(window, qtbot):
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    editor = window.visit_editor
    conn = window.workspace.service.db.conn
    conn.execute("PRAGMA query_only = ON")  # every write now fails, as on a full disk
    type_text(editor.form.editor("strengths").box, "Équipe soudée")
    with qtbot.waitSignal(editor.autosaver.failed, timeout=2000) as failure:
        pass
    assert "Vos saisies sont gardées" in failure.args[0]
    assert "(la base ne peut pas être modifiée)" in failure.args[0]  # French, not SQLite's
    assert editor.autosaver.has_pending
    assert "Enregistrement impossible" in window.statusBar().currentMessage()
    assert "strengths" not in window.store.get_visit(visit.id).data
    conn.execute("PRAGMA query_only = OFF")  # space is back
    qtbot.waitUntil(lambda: not editor.autosaver.has_pending, timeout=RETRY_DELAY_MS + 1500)
    assert window.store.get_visit(visit.id).data["strengths"] == "Équipe soudée"


def test_closing_with_an_unsaveable_edit_asks_before_losing_it(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    window.workspace.service.db.conn.execute("PRAGMA query_only = ON")
    type_text(window.visit_editor.form.editor("strengths").box, "Important")
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.close()
    assert asked and "Quitter quand même" in asked[0]
    assert window.isVisible()  # the user chose to stay: nothing lost
    window.workspace.service.db.conn.execute("PRAGMA query_only = OFF")
    assert window.visit_editor.flush()
    assert window.store.get_visit(visit.id).data["strengths"] == "Important"
