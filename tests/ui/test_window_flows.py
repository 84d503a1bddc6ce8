"""What the window's controllers do, through the window: preferences, restoring an
attachment where it belongs, the import summary, a new visit with no venue chosen."""

from PySide6.QtGui import QAction, QKeySequence

from desktop.core.media.documents import DocumentLibrary
from desktop.ui.controllers.preferences_flow import edit_preferences
from tests.ui.conftest import accept_next_dialog, type_text

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def test_preferences_are_saved_and_a_new_share_restarts_the_sync(window, qtbot, tmp_path):
    share = tmp_path / "partage"
    share.mkdir()
    restarted = []

    def fill_in(dialog):
        dialog.user_name.clear()
        type_text(dialog.user_name, "Camille")
        type_text(dialog.network_name, "Réseau Creusois")
        dialog.shared.setText(str(share))
        dialog.accept()

    accept_next_dialog(qtbot, fill_in)
    edit_preferences(window.context, lambda: restarted.append(True), window.resigning)
    assert window.workspace.setting("network_name") == "Réseau Creusois"
    assert window.workspace.setting("shared_folder") == str(share)
    assert window.store.author.user_name == "Camille"
    assert restarted == [True]
    accept_next_dialog(qtbot, lambda dialog: dialog.accept())  # the same share: no restart
    edit_preferences(window.context, lambda: restarted.append(True), window.resigning)
    assert restarted == [True]


def test_ctrl_comma_opens_the_preferences_and_cancel_changes_nothing(window, qtbot):
    (action,) = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+,")]

    def cancel(dialog):
        type_text(dialog.network_name, "Ailleurs")
        dialog.reject()

    accept_next_dialog(qtbot, cancel)
    action.trigger()
    assert window.workspace.setting("network_name") == ""


def test_a_restored_document_is_shown_in_its_venue(window, tmp_path):
    venue = window.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    other = window.store.create_venue({"name": "La Forge", "commune": "Tulle"})
    window.browser.reload_venues()
    window.open_venue(other.id)
    (tmp_path / "statuts.pdf").write_bytes(PDF)
    documents = DocumentLibrary(window.store, window.workspace.media)
    document_id = documents.attach(venue.id, tmp_path / "statuts.pdf").record_id
    documents.delete(document_id)
    item = next(i for i in window.store.list_trash() if i.kind == "document")
    window.restore(item)
    assert window.browser.venue_id == venue.id
    assert window.venue_editor.record_id == venue.id
    assert window.pages.currentWidget() is window.venue_editor
    assert window.statusBar().currentMessage() == "Restauré."


def test_a_new_visit_needs_a_venue_first(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    window.new_visit()
    assert said == ["Choisissez d'abord un lieu dans la liste."]
    assert window.store.list_visits() == []


def test_the_import_summary_counts_new_and_updated_records(window):
    text = window.exchange.imported_message({"created": 3, "updated": 1})
    assert text == "Import terminé : 3 nouveaux, 1 mis à jour."


def test_restoring_a_backup_forgets_the_deletions_ctrl_z_would_undo(window):
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    window.browser.reload_venues()
    window.open_venue(venue.id)
    window.delete_venue()
    assert window.undo_action.isEnabled() and window.deleted
    window.forget_after_restore()
    assert not window.undo_action.isEnabled() and window.deleted == []
    assert window.pages.currentWidget() is window.welcome
