"""Personnes (find, erase, counts shown) and emptying the trash, as a facilitator uses them."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox

from desktop.core.media.photos import PhotoLibrary
from desktop.core.privacy.erasure import erase_person
from desktop.core.privacy.persons import find_person
from desktop.ui.dialogs.persons_dialog import PersonsDialog
from desktop.ui.dialogs.trash_dialog import TrashDialog
from tests.ui.conftest import accept_next_dialog, type_text


@pytest.fixture
def questions(monkeypatch):
    """Answer Qt's confirmations without a modal: asked[i] is (title, text); answers[0]
    is what the user clicks."""
    asked, answers = [], [QMessageBox.StandardButton.Yes]

    def question(parent, title, text, *args):
        asked.append((title, text))
        return answers[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked, answers


def visit_with_a_person(window):
    venue = window.store.create_venue({"name": "La Cour commune", "commune": "Guéret"})
    visit = window.store.create_visit(venue.id, "2025-05-06")
    window.store.update_visit(
        visit.id,
        {
            "people_met": [{"role": "Trésorier", "name": "Éric Dubois"}],
            "actions": [{"what": "Rappeler", "who": "eric dubois", "status": "a_faire"}],
        },
    )
    return venue, visit


def persons_dialog(window, qtbot) -> PersonsDialog:
    """The dialog as the menu opens it, without its modal loop."""
    records = window.records
    dialog = PersonsDialog(
        lambda name: find_person(records.store, name),
        lambda name: erase_person(records.store, name),
        window,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_personnes_finds_a_name_and_erases_it_with_counts(window, qtbot, questions):
    asked, answers = questions
    _, visit = visit_with_a_person(window)
    dialog = persons_dialog(window, qtbot)
    type_text(dialog.name, "ERIC DUBOIS")
    dialog.find_button.click()
    assert dialog.results.rowCount() == 2
    rows = {
        tuple(dialog.results.item(r, c).text() for c in range(5))
        for r in range(dialog.results.rowCount())
    }
    assert rows == {
        (
            "La Cour commune",
            "06/05/2025",
            "Visite",
            "Personnes rencontrées",
            "Trésorier — Éric Dubois",
        ),
        (
            "La Cour commune",
            "06/05/2025",
            "Visite",
            "Actions à mener",
            "Rappeler — eric dubois — À faire",
        ),
    }
    assert dialog.summary.text() == "« ERIC DUBOIS » : 2 mention(s) dans 1 élément(s)."
    assert dialog.erase_button.isEnabled()

    answers[0] = QMessageBox.StandardButton.No  # the user thinks again: nothing changes
    dialog.erase_button.click()
    assert "irréversible" in asked[-1][1] and "2 mention(s)" in asked[-1][1]
    assert window.store.get_visit(visit.id).data["people_met"][0]["name"] == "Éric Dubois"

    answers[0] = QMessageBox.StandardButton.Yes
    dialog.erase_button.click()
    assert dialog.summary.text().startswith(
        "« ERIC DUBOIS » effacé : 2 occurrence(s) remplacée(s) par « [effacé] » dans 1 élément(s)"
    )
    assert dialog.results.rowCount() == 0 and not dialog.erase_button.isEnabled()
    data = window.store.get_visit(visit.id).data
    assert data["people_met"][0]["name"] == "[effacé]" and data["actions"][0]["who"] == "[effacé]"


def test_personnes_is_in_the_edition_menu_and_refuses_a_too_short_name(window, qtbot):
    def look(dialog):
        type_text(dialog.name, "x")
        dialog.find_button.click()
        assert "deux caractères" in dialog.summary.text()
        assert dialog.results.rowCount() == 0 and not dialog.erase_button.isEnabled()
        dialog.reject()

    accept_next_dialog(qtbot, look)
    window.menus["persons"].trigger()


def test_trash_purges_one_item_or_all_after_a_warning(window, qtbot, questions, tmp_path):
    asked, answers = questions
    venue, visit = visit_with_a_person(window)
    Image.new("RGB", (50, 40), (90, 10, 10)).save(tmp_path / "cour.jpg")
    photos = PhotoLibrary(window.store, window.workspace.media)
    photos.attach_files(visit.id, [tmp_path / "cour.jpg"])
    other = window.store.create_venue({"name": "Le Hangar", "commune": "Tulle"})
    window.store.delete_visit(visit.id)
    window.store.delete_venue(other.id)
    media = window.workspace.data_dir / "media"
    dialog = TrashDialog(window.store.list_trash, window.records.purge, window)
    qtbot.addWidget(dialog)
    assert dialog.items.count() == 2 and dialog.purge_all.isEnabled()

    dialog.items.setCurrentRow(next(r for r in range(2) if "Visite" in dialog.items.item(r).text()))
    dialog.purge_one.click()
    title, text = asked[-1]
    assert title == "Supprimer définitivement"
    assert "Visite du 2025-05-06 — La Cour commune" in text and "irréversible" in text
    assert "collègues" in text
    assert dialog.outcome.text() == (
        "Supprimé définitivement : 0 lieu(x), 1 fiche(s), 1 photo(s), 0 document(s) ; "
        "1 fichier(s) effacé(s) de cet ordinateur."
    )
    assert [p for p in media.rglob("*") if p.is_file()] == []
    assert dialog.items.count() == 1

    answers[0] = QMessageBox.StandardButton.No
    dialog.purge_all.click()
    assert dialog.items.count() == 1  # refused: still there
    answers[0] = QMessageBox.StandardButton.Yes
    dialog.purge_all.click()
    assert "Vider la corbeille" in asked[-1][1] and "1 élément(s)" in asked[-1][1]
    assert dialog.items.count() == 0 and not dialog.purge_all.isEnabled()
    assert window.store.list_trash() == []
    assert [v.id for v in window.store.list_venues()] == [venue.id]


def test_ctrl_z_forgets_a_purged_deletion(window, questions):
    venue = window.store.create_venue({"name": "La Scierie", "commune": "Ussel"})
    window.browser.reload_venues(venue.id)
    window.browser.select_venue(venue.id)
    window.delete_venue()
    assert window.undo_action.isEnabled()
    window.records.purge([])
    assert not window.undo_action.isEnabled()
    window.records.undo_delete()  # nothing to bring back, and no error
    assert window.store.list_venues() == []


def test_trash_leaves_a_deletion_in_conflict_and_says_why(window, qtbot, questions):
    """A visit edited after its deletion (here as a colleague's edit would arrive) is a
    « Suppression » conflict: emptying the trash leaves it, and the dialog says so."""
    venue = window.store.create_venue({"name": "La Cour commune", "commune": "Guéret"})
    visit = window.store.create_visit(venue.id, "2025-05-06")
    window.store.delete_visit(visit.id)
    window.store.update_visit(visit.id, {"strengths": "Un collectif soudé"})
    dialog = TrashDialog(window.store.list_trash, window.records.purge, window)
    qtbot.addWidget(dialog)
    dialog.purge_all.click()
    assert dialog.outcome.text().endswith(
        "Laissé(s) dans la corbeille : 1 élément(s) dont la suppression est en conflit avec "
        "une modification faite ailleurs. Répondez d'abord au conflit « Suppression » "
        "(Synchronisation) : rien n'a été perdu."
    )
    assert [item.id for item in window.store.list_trash()] == [visit.id]
    assert window.store.get_visit(visit.id).data["strengths"] == "Un collectif soudé"
