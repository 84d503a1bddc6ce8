"""With a meeting's minutes open, nothing says « visite »: the delete button and its
tooltip, Édition › « Supprimer la fiche », Aller › « Fermer la fiche », the earlier
records' open actions, the status bar after deleting, the trash's line, the PDF options'
title. A visit opened next gets its own words back."""

from PySide6.QtCore import Qt

from desktop.ui.dialogs.pdf_dialog import PdfDialog

GOVERNANCE = "governance-meeting"
ACTION = {"what": "Envoyer la convention", "who": "Marie", "status": "a_faire"}


def words_shown(window) -> list[str]:
    editor, panel = window.visit_editor, window.visit_editor.earlier
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    return [
        editor.title.text(), editor.delete.text(), editor.delete.toolTip(),
        window.menus["delete_visit"].text(), window.menus["close_visit"].text(),
        panel.title.text(), panel.table.accessibleName(), *headers,
    ]  # fmt: skip


def test_an_open_meeting_is_worded_as_a_record_and_a_visit_as_a_visit(window, qtbot):
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    earlier = store.create_record(venue.id, GOVERNANCE, "2026-01-15")
    store.update_visit(earlier.id, {"actions": [ACTION]})
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    window.browser.reload_venues()
    window.open_visit(meeting.id, venue.id)
    shown = words_shown(window)
    assert not [text for text in shown if "isite" in text], shown
    assert shown[1:7] == [
        "Supprimer la fiche", "Mettre la fiche à la corbeille (Suppr)",
        "Supprimer la &fiche", "Fermer la fic&he",
        "1 action encore ouverte des fiches précédentes",
        "Actions ouvertes des fiches précédentes",
    ]  # fmt: skip
    assert shown[7] == "Réunion du"  # the earlier actions' date column: the template's heading
    visit = store.create_visit(venue.id, "2026-04-02")
    store.update_visit(visit.id, {"actions": [ACTION]})
    later = store.create_visit(venue.id, "2026-05-02")
    window.open_visit(later.id, venue.id)
    shown = words_shown(window)
    assert shown[1:5] == [
        "Supprimer la visite", "Mettre la visite à la corbeille (Suppr)",
        "Supprimer la &visite", "Fermer la &visite",
    ]  # fmt: skip
    assert shown[5] == "1 action encore ouverte des visites précédentes"
    assert shown[7] == "Visite du"


def test_deleting_a_meeting_says_fiche_and_the_trash_names_the_meeting(window, qtbot):
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    window.browser.reload_venues()
    window.open_visit(meeting.id, venue.id)
    window.menus["delete_visit"].trigger()
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=3000)
    message = window.statusBar().currentMessage()
    assert message.startswith("Fiche mise à la corbeille.") and "isite" not in message
    (item,) = [i for i in store.list_trash() if i.id == meeting.id]
    assert item.label == "Réunion du 2026-03-12 — La Fabrique du Val"
    visit = store.create_visit(venue.id, "2026-04-02")
    window.open_visit(visit.id, venue.id)
    window.menus["delete_visit"].trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Visite mise"))
    assert [i.label for i in store.list_trash() if i.id == visit.id] == [
        "Visite du 2026-04-02 — La Fabrique du Val"
    ]


def test_the_pdf_options_and_the_lists_tooltip_say_fiche(window, qtbot):
    dialog = PdfDialog(window)
    assert dialog.windowTitle() == "Fiche PDF"
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    store.update_visit(meeting.id, {"voting_members": 5, "members_present": 12})
    window.browser.reload_venues()
    window.open_venue(venue.id)
    rows = window.browser.visits
    qtbot.waitUntil(lambda: rows.rowCount() == 1)
    tip = rows.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Des champs sont à corriger : ouvrez la fiche pour les voir."
    assert rows.index(0, 4).data() == "⚠ 1 à corriger"
