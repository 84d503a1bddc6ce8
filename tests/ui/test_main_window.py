"""The main window as a facilitator uses it: lists, search, carry-over, errors, trash."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.forms.text import HIT_START
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.ui.dialogs.search_dialog import SearchDialog, highlighted
from desktop.ui.views.main_window import WINDOW_TITLE
from tests.ui.conftest import accept_next_dialog, type_text


def add_venue(window, name, commune):
    venue = window.store.create_venue({"name": name, "commune": commune})
    window.browser.reload_venues()
    window.browser.select_venue(venue.id)
    return venue


def test_title_and_shortcuts(window):
    assert window.windowTitle() == WINDOW_TITLE == "Carnet — visites de tiers-lieux"
    shortcuts = {action.shortcut().toString() for action in window.findChildren(QAction)}
    for keys in ("Ctrl+N", "Ctrl+F", "Ctrl+W", "Ctrl+Shift+N", "Ctrl+Z", "Ctrl+L", "Ctrl+Q"):
        assert QKeySequence(keys).toString() in shortcuts, keys


def test_venue_filter_is_instant_and_accent_blind(window, qtbot):
    add_venue(window, "La Quincaillerie", "Guéret")
    add_venue(window, "Le Moulin", "Felletin")
    qtbot.keyClicks(window.browser.filter, "gueret")
    qtbot.waitUntil(lambda: len(window.browser.venues.venues) == 1, timeout=1000)
    assert window.browser.venues.venues[0].name == "La Quincaillerie"
    window.browser.filter.clear()
    qtbot.waitUntil(lambda: len(window.browser.venues.venues) == 2, timeout=1000)


def test_new_visit_carries_over_stable_sections_with_a_visible_marker(window, qtbot):
    venue = add_venue(window, "Le Moulin", "Felletin")
    first = window.store.create_visit(venue.id, "2025-02-11")
    window.store.update_visit(first.id, {"legal_form": "scic", "strengths": "Équipe soudée"})
    window.new_visit()
    form = window.visit_editor.form
    assert form.editor("legal_form").value() == "scic"
    assert form.editor("strengths").value() is None  # Bilan is not carried over
    marker = form.rows["legal_form"].carried
    assert not marker.isHidden() and "11/02/2025" in marker.text()
    assert not form.section_notes["gouvernance"].isHidden()
    choose = form.editor("legal_form").combo
    choose.setCurrentIndex(choose.findData("association_loi_1901"))
    choose.activated.emit(choose.currentIndex())
    window.visit_editor.flush()
    assert form.rows["legal_form"].carried.isHidden()  # edited: no longer "carried over"


def test_invalid_value_is_saved_flagged_next_to_the_field_and_in_the_list(window, qtbot):
    venue = add_venue(window, "Le Moulin", "Felletin")
    window.new_visit()
    editor = window.visit_editor
    qtbot.keyClicks(editor.form.editor("public_funding_pct").line, "140")
    editor.flush()
    error = editor.form.rows["public_funding_pct"].error
    assert not error.isHidden() and "au plus 100" in error.text()
    assert window.store.get_visit(editor.record_id).data["public_funding_pct"] == 140
    row = window.browser.visits.row_of(editor.record_id)
    state = window.browser.visits.index(row, 4).data()
    assert "1" in state and "corriger" in state
    assert window.store.list_visits(venue.id)[0].error_count == 1


def test_delete_visit_then_undo_with_ctrl_z(window, qtbot):
    venue = add_venue(window, "Le Moulin", "Felletin")
    window.new_visit()
    visit_id = window.visit_editor.record_id
    window.delete_visit(None)
    assert window.store.list_visits(venue.id) == []
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert [v.id for v in window.store.list_visits(venue.id)] == [visit_id]
    assert window.visit_editor.record_id == visit_id


def test_trash_dialog_restores_a_deleted_venue(window, qtbot):
    venue = add_venue(window, "Café Ô Champ", "Aubusson")
    window.delete_venue()
    assert window.store.list_venues() == []

    def restore(dialog):
        assert "Café Ô Champ" in dialog.items.item(0).text()
        dialog.restore.click()
        assert dialog.items.count() == 0
        dialog.reject()

    accept_next_dialog(qtbot, restore)
    window.show_trash()
    assert [v.id for v in window.store.list_venues()] == [venue.id]


def test_global_search_highlights_and_opens_the_visit(window, qtbot):
    venue = add_venue(window, "Le Moulin", "Felletin")
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.store.update_visit(visit.id, {"economic_notes": "Une économie de la contribution."})
    other = add_venue(window, "La Forge", "Tulle")
    window.browser.select_venue(other.id)
    dialog = SearchDialog(window.store.search_visits, window)
    dialog.visit_chosen.connect(window.open_visit)
    qtbot.addWidget(dialog)
    type_text(dialog.query, "economie")
    hits = dialog.run_search()
    assert [h.visit_id for h in hits] == [visit.id]
    assert HIT_START in hits[0].snippet
    label = dialog.results.itemWidget(dialog.results.item(0))
    assert "<b style='background:#ffe28a'>économie</b>" in label.text()
    dialog._choose(dialog.results.item(0))
    assert window.visit_editor.record_id == visit.id
    assert window.browser.venue_id == venue.id


def test_search_says_when_it_lists_only_the_best_hits(window, qtbot, monkeypatch):
    from desktop.ui.dialogs import search_dialog

    venue = add_venue(window, "Le Moulin", "Felletin")
    for day in ("2025-02-11", "2025-03-11", "2025-04-11"):
        visit = window.store.create_visit(venue.id, day)
        window.store.update_visit(visit.id, {"strengths": "Une friche rénovée."})
    dialog = SearchDialog(window.store.search_visits, window)
    qtbot.addWidget(dialog)
    type_text(dialog.query, "friche")
    assert len(dialog.run_search()) == 3
    assert "trouvée" in dialog.summary.text() and "pertinentes" not in dialog.summary.text()
    monkeypatch.setattr(search_dialog, "SHOWN", 2)  # more matches than the dialog lists
    assert len(dialog.run_search()) == 2
    assert "2 fiches les plus pertinentes" in dialog.summary.text()
    dialog.reject()  # closed: its pending search-as-you-type never runs on a closed store


def test_search_says_when_it_ranked_only_the_newest_matches(window, qtbot, monkeypatch):
    from desktop.core.storage import visit_search

    venue = add_venue(window, "Le Moulin", "Felletin")
    visits = [window.store.create_visit(venue.id, f"2025-0{m}-11") for m in (2, 3, 4)]
    for visit in visits:
        window.store.update_visit(visit.id, {"strengths": "Une friche rénovée."})
    dialog = SearchDialog(window.store.search_visits, window)
    qtbot.addWidget(dialog)
    type_text(dialog.query, "friche")
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 2)  # three matches: the oldest left out
    assert {h.visit_id for h in dialog.run_search()} == {visits[1].id, visits[2].id}
    assert dialog.summary.text() == (
        "Les 2 fiches les plus pertinentes parmi les 2 ajoutées le plus récemment qui "
        "contiennent ces mots ; les plus anciennes n'ont pas été classées : précisez la "
        "recherche."
    )
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 3)  # every match ranked: as before
    assert len(dialog.run_search()) == 3 and dialog.summary.text() == "3 fiches trouvées"
    dialog.reject()


def test_search_snippet_escapes_user_markup():
    assert highlighted("<script>x</script> \x02mot\x03") == (
        "&lt;script&gt;x&lt;/script&gt; <b style='background:#ffe28a'>mot</b>"
    )


def test_new_venue_dialog_prefills_identity_from_the_national_directory(window, qtbot):
    def pick(dialog):
        type_text(dialog.name, "quincaillerie")
        dialog._refresh_matches()
        names = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
        assert any("Guéret" in n for n in names), names
        row = next(i for i, n in enumerate(names) if "Guéret" in n)
        dialog._pick(dialog.matches.item(row))
        dialog.accept()

    accept_next_dialog(qtbot, pick)
    window.new_venue()
    venue = window.store.get_venue(window.browser.venue_id)
    assert venue.data["postal_code"] == "23000" and venue.data["insee_code"] == "23096"
    assert window.venue_editor.form.editor("address").value() == "6 Rue Maurice Rollinat"


def test_new_venue_dialog_puts_names_starting_with_the_text_first_and_bas_goes_in(window, qtbot):
    """Found by QA: « La Ferme » listed « Ferme collective de la… » before « La Ferme de
    … », and Bas from « Nom » did not go into the list (Tab Tab did)."""

    def pick(dialog):
        type_text(dialog.name, "la ferme")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Down)  # at once: the matches are made then
        names = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
        starting = [n.casefold().startswith("la ferme") for n in names]
        assert any(starting) and not any(starting[starting.index(False) :]), names
        assert dialog.matches.currentRow() == 0  # (focus: offscreen, a modal may not have it)
        qtbot.keyClick(dialog.matches, Qt.Key.Key_Return)
        assert dialog.picked_entry() is not None
        assert dialog.name.text() == names[0].split(" — ")[0]
        dialog.accept()

    accept_next_dialog(qtbot, pick)
    window.new_venue()
    assert window.store.get_venue(window.browser.venue_id).name.casefold().startswith("la ferme")


def test_edits_reach_the_database_within_a_second_without_saving(window, qtbot, data_dir):
    add_venue(window, "Le Moulin", "Felletin")
    window.new_visit()
    visit_id = window.visit_editor.record_id
    type_text(window.visit_editor.form.editor("governance_notes").box, "Réunion mensuelle")
    reader = sqlite3.connect(data_dir / DATABASE_NAME)

    def stored():
        row = reader.execute("SELECT data FROM visits WHERE id = ?", (visit_id,)).fetchone()
        return "Réunion mensuelle" in row[0]

    qtbot.waitUntil(stored, timeout=1000)
    reader.close()


def test_the_export_message_says_which_photos_stayed_on_the_laptop(window):
    text = window.exchange.exported_message(
        {"venues": 2, "visits": 5, "photos": 7, "photos_left_out": 1}
    )
    assert "7 photos" in text
    assert "1 photo de personnes reconnaissables sans autorisation laissée de côté" in text
    assert "laissée" not in window.exchange.exported_message(
        {"venues": 2, "visits": 5, "photos": 7, "photos_left_out": 0}
    )
