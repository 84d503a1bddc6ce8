"""The « Suivi » as a facilitator uses it: lists, filters, « Fait », opening at the field."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.core.followup.model import HORIZONS
from desktop.core.storage.workspace import open_workspace
from desktop.ui.models.followup_model import GroupRow

TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


@pytest.fixture
def seeded(data_dir):
    """Two venues: overdue and later actions, an agreement ending soon, an old visit."""
    workspace = open_workspace(data_dir)
    store = workspace.store
    moulin = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    friche = store.create_venue({"name": "La Friche Lamartine", "commune": "Lyon"})
    visit = store.create_visit(moulin.id, day(-20))
    store.update_visit(visit.id, {
        "actions": [
            {"what": "Relancer la mairie", "who": "Camille", "due": day(-1), "status": "a_faire"},
            {"what": "Dossier DLA", "who": "Sami", "due": day(60), "status": "en_cours"},
            {"what": "Déjà réglé", "who": "Sami", "status": "fait"},
        ],
        "end_date": day(45),
        "next_visit": day(90),
    })  # fmt: skip
    old = store.create_visit(friche.id, day(-500))
    store.update_visit(old.id, {"actions": [{"what": "Envoyer les statuts", "who": "Camille"}]})
    workspace.close()
    return {"moulin": moulin, "friche": friche, "visit": visit, "old": old}


def open_followup(window, qtbot):
    window.show_followup()
    view = window.followup
    qtbot.waitUntil(lambda: view.data is not None and not view.loading.isVisible(), timeout=3000)
    return view


def action_rows(view):
    model = view.actions_model
    return [model.rows[r] for r in range(model.rowCount())]


def test_ctrl_t_opens_the_suivi_and_does_not_clash(window):
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    keys = [a.shortcut().toString() for a in actions]
    assert len(keys) == len(set(keys))  # no shortcut used twice
    (suivi,) = [a for a in actions if a.shortcut() == QKeySequence("Ctrl+T")]
    suivi.trigger()
    assert window.pages.currentWidget() is window.followup


def test_the_view_lists_actions_by_group_and_the_other_tabs(window, qtbot, seeded):
    view = open_followup(window, qtbot)
    rows = action_rows(view)
    whats = [r.what for r in rows if not isinstance(r, GroupRow)]
    assert whats == ["Relancer la mairie", "Dossier DLA", "Envoyer les statuts"]
    groups = [r.title for r in rows if isinstance(r, GroupRow)]
    assert groups[0] == "En retard (1)" and groups[-1] == "Sans échéance (1)"
    assert len(groups) == 3  # the one in 60 days: « Plus tard »
    assert view.tabs.tabText(0) == "&Actions (3)"
    # The other tabs are counted, their lists read when shown (a hidden one: not yet).
    titles = [view.tabs.tabText(i) for i in range(1, 4)]
    assert titles == ["&Conventions (1)", "&Prochaines visites (1)", "&Lieux non visités (1)"]
    assert view.agreements_model.rows == [] and view.venues_model.rows == []
    view.tabs.setCurrentIndex(1)
    assert [a.venue_name for a in view.agreements_model.rows] == ["Le Moulin Fabrique"]
    view.horizon.setCurrentIndex(view.horizon.findData(3))
    assert view.tabs.tabText(1) == "&Conventions (1)"
    view.horizon.setCurrentIndex(view.horizon.findData(HORIZONS[0]))  # 45 days left
    view.tabs.setCurrentIndex(2)
    assert [v.venue_name for v in view.next_model.rows] == ["Le Moulin Fabrique"]
    view.tabs.setCurrentIndex(3)
    assert [v.venue_name for v in view.venues_model.rows] == ["La Friche Lamartine"]
    assert view.venues_model.data(view.venues_model.index(0, 3)) == "16 mois"
    view.threshold.setCurrentIndex(view.threshold.findData(24))  # 16 months: not idle
    assert view.venues_model.rows == [] and view.tabs.tabText(3) == "&Lieux non visités (0)"
    notice = window.followup_notice
    assert notice.isVisible()
    # Plural forms come from the catalogue (« 1 action », or « 1 action(s) » before it is updated)
    assert re.search(r"1 action(\(s\))? en retard", notice.text())
    assert re.search(r"1 convention(\(s\))? finissant d'ici 3 mois", notice.text())


def test_a_refresh_reads_the_list_of_the_tab_shown_and_counts_the_others(window, qtbot, seeded):
    """At 100,000 visits the hidden tabs' lists (15,000 venues) were half of a refresh:
    now only counted; a list is read when its tab is shown, and read again there after a
    change (a colleague's visit synced, here written through the store)."""
    view = open_followup(window, qtbot)
    conn, read = view.store.db.conn, []
    conn.set_trace_callback(read.append)
    try:
        view.refresh()
    finally:
        conn.set_trace_callback(None)
    assert not [sql for sql in read if "ORDER BY ve.sort_key" in sql]  # no list read
    view.tabs.setCurrentIndex(1)
    assert [a.venue_name for a in view.agreements_model.rows] == ["Le Moulin Fabrique"]
    store = view.store
    synced = store.create_visit(seeded["friche"].id, day(-2))
    store.update_visit(synced.id, {"end_date": day(10), "next_visit": day(5)})
    view.reload()  # in the background, as after a sync
    qtbot.waitUntil(lambda: len(view.agreements_model.rows) == 2, timeout=3000)
    assert [a.venue_name for a in view.agreements_model.rows] == [
        "La Friche Lamartine", "Le Moulin Fabrique",
    ]  # fmt: skip
    assert view.tabs.tabText(1) == "&Conventions (2)"
    assert view.tabs.tabText(2) == "&Prochaines visites (2)"  # counted, its list not read
    assert view.tabs.tabText(3) == "&Lieux non visités (0)"  # la Friche: visited now
    view.tabs.setCurrentIndex(2)
    assert [v.planned for v in view.next_model.rows] == [day(5), day(90)]
    view.tabs.setCurrentIndex(3)
    assert view.venues_model.rows == []
    assert re.search(r"2 convention(s|\(s\)) finissant d'ici 3 mois", window.followup_notice.text())


def test_a_filter_changed_while_reading_in_the_background_keeps_its_count(window, qtbot, seeded):
    """The counts read in the background were for the filters of then: a horizon chosen
    meanwhile keeps its own count and list, not the older ones arriving after it."""
    store = window.store
    later = store.create_visit(seeded["friche"].id, day(-3))
    store.update_visit(later.id, {"end_date": day(200)})  # within 12 months, not 3
    view = open_followup(window, qtbot)
    view.tabs.setCurrentIndex(1)
    assert view.tabs.tabText(1) == "&Conventions (1)"  # 3 months
    view.reload()  # no event handled before the choice below: its result comes after
    view.horizon.setCurrentIndex(view.horizon.findData(12))
    assert view.tabs.tabText(1) == "&Conventions (2)"
    qtbot.waitUntil(view.loading.isHidden, timeout=3000)  # the older result arrived
    assert view.tabs.tabText(1) == "&Conventions (2)"
    assert [a.end_date for a in view.agreements_model.rows] == [day(45), day(200)]


def choose(combo, value) -> None:
    """As a user does: open the list (the Suivi reads its entries then), pick."""
    combo.showPopup()
    combo.hidePopup()
    combo.setCurrentIndex(combo.findData(value))


def test_filters_by_responsible_venue_and_status(window, qtbot, seeded):
    view = open_followup(window, qtbot)

    def whats():
        return [r.what for r in action_rows(view) if not isinstance(r, GroupRow)]

    assert view.responsible.count() == 1  # its names are read when it is opened
    choose(view.responsible, "Camille")
    assert [view.responsible.itemText(i) for i in range(view.responsible.count())] == [
        "Tout le monde", "Camille", "Sami", "Sans responsable",
    ]  # fmt: skip
    assert whats() == ["Relancer la mairie", "Envoyer les statuts"]
    assert view.tabs.tabText(0) == "&Actions (2)"
    choose(view.venue, seeded["friche"].id)
    assert whats() == ["Envoyer les statuts"]
    view.refresh()  # the data read again (a sync): the choices stay, and the filter with them
    assert view.responsible.currentText() == "Camille" and whats() == ["Envoyer les statuts"]
    choose(view.responsible, "\x00any")
    choose(view.venue, "\x00any")
    choose(view.status, "fait")
    assert whats() == ["Déjà réglé"]
    choose(view.responsible, "")  # « Sans responsable »
    assert whats() == []
    choose(view.status, "")  # « Sans statut »: the one typed with no responsible either
    assert view.tabs.tabText(0) == "&Actions (0)"
    choose(view.responsible, "\x00any")
    assert whats() == ["Envoyer les statuts"]
    assert window.followup_notice.isVisible()  # the overdue count ignores the filters
    assert re.search(r"1 action(\(s\))? en retard", window.followup_notice.text())


def test_the_start_up_notice_counts_and_leads_to_the_suivi(window, qtbot, seeded):
    notice = window.followup_notice
    qtbot.waitUntil(notice.isVisible, timeout=10000)
    assert re.search(r"1 action(\(s\))? en retard", notice.text())
    notice.linkActivated.emit("#suivi")
    assert window.pages.currentWidget() is window.followup


def test_marking_done_is_saved_and_survives_a_restart(open_window, qtbot, seeded):
    window = open_window()
    view = open_followup(window, qtbot)
    model = view.actions_model
    row = next(i for i, r in enumerate(model.rows) if getattr(r, "what", "") == "Dossier DLA")
    index = model.index(row, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "Dossier DLA" not in [getattr(r, "what", "") for r in model.rows]  # open ones only
    window.close()
    window.workspace.close()

    again = open_window()
    visit = again.store.get_visit(seeded["visit"].id)
    assert visit.data["actions"][1] == {
        "what": "Dossier DLA", "who": "Sami", "due": day(60), "status": "fait",
    }  # fmt: skip
    assert "actions" in again.store.field_stamps(visit.id)
    view = open_followup(again, qtbot)
    choose(view.status, "fait")
    assert {r.what for r in action_rows(view) if not isinstance(r, GroupRow)} == {
        "Déjà réglé",
        "Dossier DLA",
    }


def test_marking_done_with_the_button_updates_an_open_editor(window, qtbot, seeded):
    window.open_visit(seeded["visit"].id, seeded["moulin"].id)
    view = open_followup(window, qtbot)
    view.actions_view.setCurrentIndex(view.actions_model.index(1, 2))  # Relancer la mairie
    view.done_button.click()
    assert window.visit_editor.form.editor("actions").value()[0]["status"] == "fait"
    assert "Relancer la mairie" not in [getattr(r, "what", "") for r in view.actions_model.rows]
    assert "en retard" not in window.followup_notice.text()  # nothing overdue any more


def test_double_click_opens_the_visit_with_the_field_focused(window, qtbot, seeded):
    window.activateWindow()
    view = open_followup(window, qtbot)
    table = view.actions_view
    row = next(
        i for i, r in enumerate(view.actions_model.rows) if getattr(r, "what", "") == "Dossier DLA"
    )
    rect = table.visualRect(view.actions_model.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.visit_editor
    assert window.pages.currentWidget() is editor
    assert editor.record_id == seeded["visit"].id
    actions = editor.form.editor("actions")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is actions.table, timeout=2000)
    assert actions.table.currentRow() == 1


def test_enter_on_an_agreement_opens_the_visit_at_the_end_date(window, qtbot, seeded):
    window.activateWindow()
    view = open_followup(window, qtbot)
    view.tabs.setCurrentIndex(1)
    table = view.agreements_view
    table.setFocus()
    table.setCurrentIndex(view.agreements_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    form = window.visit_editor.form
    assert window.visit_editor.record_id == seeded["visit"].id
    qtbot.waitUntil(
        lambda: form.editor("end_date").isAncestorOf(QApplication.focusWidget()), timeout=2000
    )


def test_a_venue_never_visited_opens_its_page(window, qtbot, seeded):
    venue = window.store.create_venue({"name": "Tiers-lieu tout neuf", "commune": "Guéret"})
    view = open_followup(window, qtbot)
    view.tabs.setCurrentIndex(3)
    row = next(i for i, v in enumerate(view.venues_model.rows) if v.venue_id == venue.id)
    view.venues_view.activated.emit(view.venues_model.index(row, 0))
    assert window.pages.currentWidget() is window.venue_editor
    assert window.venue_editor.record_id == venue.id


def test_a_long_list_scrolls_to_its_end_and_marking_done_keeps_the_place(data_dir, qtbot):
    """450 actions: more than one page read from the database (action_rows.PAGE)."""
    from desktop.ui.views.followup_view import FollowupView

    workspace = open_workspace(data_dir)
    store = workspace.store
    venue = store.create_venue({"name": "La Friche des Capucins", "commune": "Aurillac"})
    visit = store.create_visit(venue.id, day(-30))
    actions = [
        {"what": f"Action {n:03}", "who": "Sami", "due": day(40 + n // 10)} for n in range(450)
    ]
    store.update_visit(visit.id, {"actions": actions})
    view = FollowupView(store)
    qtbot.addWidget(view)
    view.resize(600, 500)  # narrower than its columns: a scroll bar sideways
    view.show()
    view.refresh()
    model, table = view.actions_model, view.actions_view
    assert model.rowCount() == 451 and view.tabs.tabText(0) == "&Actions (450)"
    table.setCurrentIndex(model.index(1, 2))  # the first action
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == 450
    assert table.currentIndex().column() == 2  # the column stays: no scroll sideways
    assert table.horizontalScrollBar().value() == 0
    qtbot.keyClick(table, Qt.Key.Key_Home)  # Début: the first row, as in a list
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 2)
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.rowAt(table.viewport().height() - 5) == 450  # the end is in view
    assert model.index(450, 2).data() == "Action 449"
    table.setCurrentIndex(model.index(301, 2))  # « Action 300 », on the second page
    table.scrollTo(model.index(301, 2))
    scrolled = table.verticalScrollBar().value()
    view.done_button.click()  # « Marquer comme fait » (Ctrl+D)
    assert store.get_visit(visit.id).data["actions"][300]["status"] == "fait"
    assert view.tabs.tabText(0) == "&Actions (449)"
    assert table.currentIndex().row() == 301 and model.index(301, 2).data() == "Action 301"
    assert table.verticalScrollBar().value() == scrolled  # still there
    view.reload()  # as the window does after the change it saved: read again, in the background
    assert view.loading.isVisible()
    qtbot.waitUntil(lambda: not view.loading.isVisible(), timeout=3000)
    assert table.currentIndex().row() == 301 and table.verticalScrollBar().value() == scrolled
    view.done_button.click()  # the next one, from the keyboard's place
    assert model.index(301, 2).data() == "Action 302"
    choose(view.status, "fait")  # another filter: its list from the top
    assert table.verticalScrollBar().value() == 0 and model.index(1, 2).data() == "Action 300"
    view.close()
    workspace.close()


def test_the_status_filter_offers_every_template_s_statuses(tmp_path, qtbot):
    """A network's own template with its own statuses (« Ouvert », « Clos »): the Suivi
    offers them in its filter and shows them by their labels."""
    import json
    import shutil

    from desktop.core.forms.templates import SCHEMAS_DIR, TemplateSet
    from desktop.ui.views.followup_view import FollowupView
    from tests.ui.test_third_template import WORKSHOP

    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS_DIR, schemas)
    (schemas / "atelier.schema.json").write_text(json.dumps(WORKSHOP), "utf-8")
    workspace = open_workspace(tmp_path / "data", TemplateSet.load(schemas_dir=schemas))
    store = workspace.store
    venue = store.create_venue({"name": "La Recyclerie", "commune": "Lons-le-Saunier"})
    workshop = store.create_record(venue.id, "atelier-collectif", day(-3))
    store.update_visit(workshop.id, {"taches": [
        {"tache": "Commander des fers", "porteur": "Lucie", "pour_le": day(-1), "etat": "ouvert"},
        {"tache": "Ranger l'atelier", "etat": "clos"},
    ]})  # fmt: skip
    visit = store.create_visit(venue.id, day(-2))
    store.update_visit(visit.id, {"actions": [{"what": "Relancer", "status": "en_cours"}]})
    view = FollowupView(store)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    labels = [view.status.itemText(i) for i in range(view.status.count())]
    assert labels == ["Ouvertes (pas encore faites)", "À faire", "En cours", "Fait",
                      "Ouvert", "Clos", "Sans statut"]  # fmt: skip
    model = view.actions_model

    def shown():
        return [(model.index(r, 2).data(), model.index(r, 4).data())
                for r in range(model.rowCount()) if model.item(r)]  # fmt: skip

    assert shown() == [("Commander des fers", "Ouvert"), ("Relancer", "En cours")]
    choose(view.status, "clos")
    assert shown() == [("Ranger l'atelier", "Clos")]
    view.close()
    workspace.close()
