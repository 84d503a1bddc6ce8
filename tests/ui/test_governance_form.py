"""A governance meeting recorded through the window: « Nouveau… » offers the templates
(Carnet's and the network's apart), the form is the meeting's, filled through its real
widgets and saved as typed; the venue lists it with its kind, the Suivi shows its
actions, and a visit opened after it gets the visit's form back."""

from datetime import date

from PySide6.QtCore import Qt

from desktop.core.forms.templates import ORIGIN_NETWORK
from desktop.ui.views.new_record_menu import NewRecordMenu
from tests.ui.conftest import type_text
from tests.ui.test_visit_roundtrip import choose

GOVERNANCE = "governance-meeting"


def set_cell(table_editor, row, column, text):
    table_editor.table.item(row, column).setText(text)


def choose_cell(table_editor, row, column, value):
    table = table_editor.table
    index = table.model().index(row, column)
    delegate = table.itemDelegateForColumn(column)
    combo = delegate.createEditor(table, None, index)
    combo.setCurrentIndex(combo.findData(value))
    delegate.setModelData(combo, table.model(), index)
    table.itemChanged.emit(table.item(row, column))


def test_new_offers_carnets_templates_and_the_networks_apart(window, tmp_path):
    menu = NewRecordMenu(window.store.templates)
    texts = [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        ("Modèles de Carnet", False),
        ("Fiche de visite", True),
        ("Compte rendu d’instance de gouvernance", True),
    ]
    assert menu.template_ids() == ["visit-sheet", GOVERNANCE]
    from dataclasses import replace

    templates = window.store.templates
    network = replace(templates.visit, id="atelier", title="Atelier du réseau",
                      origin=ORIGIN_NETWORK)  # fmt: skip
    menu = NewRecordMenu(replace(templates, others=(*templates.others, network)))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[-2:] == ["Modèles du réseau", "Atelier du réseau"]
    chosen = []
    menu.chosen.connect(chosen.append)
    menu.actions()[-1].trigger()
    assert chosen == ["atelier"]
    assert window.menus["new_record"].shortcut().toString() == "Ctrl+Alt+N"


def test_the_menu_offers_a_template_that_arrived_while_the_window_was_open(window):
    from dataclasses import replace

    held = {"set": window.store.templates}
    menu = NewRecordMenu(lambda: held["set"])
    assert "atelier" not in menu.template_ids()
    network = replace(held["set"].visit, id="atelier", title="Atelier du réseau",
                      origin=ORIGIN_NETWORK)  # fmt: skip
    held["set"] = replace(held["set"], others=(*held["set"].others, network))
    menu.aboutToShow.emit()  # as when it opens
    assert menu.template_ids()[-1] == "atelier"


def test_a_meeting_filled_through_the_form_is_saved_listed_and_followed_up(window, qtbot):
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    visit = store.create_visit(venue.id, "2026-01-10")
    window.open_venue(venue.id)
    window.records.new_record(GOVERNANCE)
    editor = window.visit_editor
    form = editor.form
    assert form.template.id == GOVERNANCE and editor.record_id != visit.id
    assert "Réunion du" in editor.title.text() and "La Fabrique du Val" in editor.title.text()
    assert "Compte rendu d’instance de gouvernance" in editor.subtitle.text()
    assert [form.navigation.item(i).text() for i in range(3)] == [
        "Séance", "Participants et règles de l’instance", "Quorum",
    ]  # fmt: skip
    form.editor("meeting_date").field.line.setText("12/03/2026")
    form.editor("meeting_date").field.line.editingFinished.emit()
    choose(form.editor("instance_type"), "comite_pilotage")
    type_text(form.editor("chair").line, "Marie Durand, présidente")
    qtbot.keyClicks(form.editor("members_present").line, "12")
    choose(form.editor("quorum_reached"), True)
    participants = form.editor("participants")
    participants.add_row()
    choose_cell(participants, 0, 0, "collectivites")
    set_cell(participants, 0, 1, "Commune de Morteau")
    set_cell(participants, 0, 2, "Adjointe")
    decisions = form.editor("decisions")
    decisions.add_row()
    set_cell(decisions, 0, 0, "Adoption du budget 2026")
    choose_cell(decisions, 0, 1, "vote")
    set_cell(decisions, 0, 2, "9")
    set_cell(decisions, 0, 3, "1")
    set_cell(decisions, 0, 4, "2")
    choose_cell(decisions, 0, 5, "adoptee")
    actions = form.editor("actions")
    actions.add_row()
    set_cell(actions, 0, 0, "Envoyer la convention à la mairie")
    set_cell(actions, 0, 1, "Marie")
    set_cell(actions, 0, 2, "01/04/2026")
    qtbot.waitUntil(lambda: not editor.autosaver.has_pending, timeout=3000)
    qtbot.wait(50)
    record = store.get_visit(editor.record_id)
    assert record.template_id == GOVERNANCE and record.errors == {}
    assert record.data["meeting_date"] == "2026-03-12"
    assert record.data["instance_type"] == "comite_pilotage"
    assert record.data["members_present"] == 12 and record.data["quorum_reached"] is True
    assert record.data["participants"] == [
        {"college": "collectivites", "organisation": "Commune de Morteau", "role": "Adjointe"}
    ]
    assert record.data["decisions"] == [
        {"wording": "Adoption du budget 2026", "mode": "vote", "votes_for": 9,
         "votes_against": 1, "abstentions": 2, "outcome": "adoptee"}
    ]  # fmt: skip
    assert record.data["actions"][0]["due"] == "2026-04-01"
    # The venue's list: both kinds, newest first, the meeting with its kind.
    rows = window.browser.visits
    assert [rows.index(r, 1).data() for r in range(rows.rowCount())] == [
        "Instances de gouvernance · Comité de pilotage avec les collectivités",
        "",
    ]
    assert rows.index(0, 0).data() == "12/03/2026"
    # The Suivi gathers the meeting's action like a visit's.
    window.show_followup()
    followup = window.followup
    followup.today = lambda: date(2026, 5, 1)
    followup.refresh()
    model = followup.actions_model
    shown = [model.item(r) for r in range(model.rowCount())]
    assert [a.what for a in shown if a] == ["Envoyer la convention à la mairie"]
    # Back to the visit: its own form, the photos panel moved along.
    window.open_visit(visit.id, venue.id)
    assert editor.form.template.id == "visit-sheet" and "Visite du" in editor.title.text()
    assert editor.photos.isVisibleTo(editor.form)
    window.open_visit(record.id, venue.id)
    assert editor.form.template.id == GOVERNANCE
    assert editor.form.editor("chair").value() == "Marie Durand, présidente"


def test_a_new_meeting_says_its_collèges_come_from_the_last_meeting(window):
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    first = store.create_record(venue.id, GOVERNANCE, "2026-01-15")
    store.update_visit(first.id, {"voting_members": 14})
    store.create_visit(venue.id, "2026-02-01")  # a visit since: not what carries over
    window.open_venue(venue.id)
    window.records.new_record(GOVERNANCE)
    marker = window.visit_editor.form.rows["voting_members"].carried
    assert not marker.isHidden() and "Reporté de la réunion du 15/01/2026" in marker.text()
    assert "visite" not in marker.text()


def test_a_long_kind_does_not_push_the_date_out_of_the_venues_list(window, qtbot):
    store = window.store
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    store.create_visit(venue.id, "2026-01-10")
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-02-12")
    store.update_visit(meeting.id, {"instance_type": "ag_extraordinaire",
                                    "recorded_by": "Marie-Amélie de La Tour-Beaumont"})  # fmt: skip
    window.open_venue(venue.id)
    view = window.browser.visit_view
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    view.horizontalScrollBar().setValue(0)
    qtbot.wait(50)
    assert view.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    assert view.columnViewportPosition(0) == 0 and view.columnWidth(0) >= view.sizeHintForColumn(0)
    row = view.model().row_of(meeting.id)
    kind = view.model().index(row, 1)
    assert "Assemblée générale extraordinaire" in kind.data(Qt.ItemDataRole.ToolTipRole)
    last = view.model().columnCount() - 1
    assert view.columnViewportPosition(last) + view.columnWidth(last) <= view.viewport().width()
