"""Continuity between visits: a new visit lists the earlier visits' open actions (the same
actions, their status editable there) and carries « Activités et publics » over with the
« Reporté… » marker."""

from desktop.core.followup.load import load_followup

ACTIONS = [
    {"what": "Relancer la mairie", "who": "Camille", "due": "2025-04-01", "status": "a_faire"},
    {"what": "Envoyer le guide DLA", "who": "Dominique", "status": "fait"},
    {"what": "Présenter le lieu au réseau", "status": "en_cours"},
]


def _second_visit(window):
    store = window.store
    venue = store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    first = store.create_visit(venue.id, "2025-02-11")
    store.update_visit(
        first.id,
        {
            "actions": ACTIONS,
            "activity_types": ["fablab_makerspace_hackerspace"],
            "hosts_public_service_details": "France Services le mardi",
        },
    )
    window.open_venue(venue.id)
    window.new_visit()
    return store, first, window.visit_editor


def test_a_new_visit_lists_the_open_actions_of_the_last_one(window, qtbot):
    store, first, editor = _second_visit(window)
    panel = editor.earlier
    assert not panel.isHidden()
    table = panel.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        "Relancer la mairie",
        "Présenter le lieu au réseau",
    ]
    assert table.item(0, 0).text() == "11/02/2025" and table.item(0, 3).text() == "01/04/2025"
    assert "2 actions encore ouvertes" in panel.title.text()
    assert "actions" not in store.get_visit(editor.record_id).data  # not copied


def test_a_status_changed_in_the_new_visit_is_the_same_action(window, qtbot):
    store, first, editor = _second_visit(window)
    combo = editor.earlier.table.cellWidget(0, 4)
    assert combo.currentData() == "a_faire"
    combo.setCurrentIndex(combo.findData("fait"))
    assert store.get_visit(first.id).data["actions"][0]["status"] == "fait"
    assert store.get_visit(first.id).data["actions"][0]["what"] == ACTIONS[0]["what"]
    assert "actions" not in store.get_visit(editor.record_id).data
    followup = load_followup(store.db, store.templates.visit)
    assert [a.what for a in followup.open_actions()] == ["Présenter le lieu au réseau"]
    qtbot.wait(50)  # the change broadcast: the row stays listed until the visit closes
    assert editor.earlier.table.rowCount() == 2
    # Closed elsewhere (the Suivi, a colleague): the panel follows
    store.update_visit(first.id, {"actions": [{**a, "status": "fait"} for a in ACTIONS]})
    qtbot.waitUntil(lambda: editor.earlier.table.rowCount() == 1)
    second_id = editor.record_id
    window.open_visit(first.id, first.venue_id)  # another visit, then back: nothing open
    window.open_visit(second_id, first.venue_id)
    assert editor.earlier.isHidden()


def test_activities_and_audiences_are_carried_over_with_the_marker(window, qtbot):
    store, first, editor = _second_visit(window)
    visit = store.get_visit(editor.record_id)
    assert visit.data["activity_types"] == ["fablab_makerspace_hackerspace"]
    assert {"activity_types", "hosts_public_service_details"} <= visit.carried_over
    form = editor.form
    marker = form.rows["activity_types"].carried
    assert not marker.isHidden() and "Reporté de la visite du 11/02/2025" in marker.text()
    assert not form.section_notes["activites"].isHidden()
    assert "Activités et publics" in window.statusBar().currentMessage()


def test_a_first_visit_has_no_earlier_actions(window):
    venue = window.store.create_venue({"name": "La Ruche", "commune": "Aubusson"})
    window.open_venue(venue.id)
    window.new_visit()
    assert window.visit_editor.earlier.isHidden()


def delivered(hub, qtbot) -> None:
    """Every change the writer announced so far has reached the window: its relay (queued
    to this thread) handled and the hub's coalescing wait over. A fixed wait was too short
    under load, and the new visit's own late broadcast rebuilt the list mid-test."""
    qtbot.wait(20)  # the relays queued before now are handled first
    qtbot.waitUntil(lambda: hub._waiting is None and not hub._coalesce.isActive())


def test_the_earlier_actions_are_listed_again_only_when_an_earlier_visits_actions_move(
    window, qtbot
):
    """Re-signing the earlier visit (another field) keeps the list as it is; a colleague's
    change of its actions lists them again. (Reloading it for each batch of a re-signing
    of 100,000 visits held the window for seconds.)"""
    store, first, editor = _second_visit(window)
    # Only this test's changes: the new visit's own broadcasts delivered, and not the
    # one-second check for other programs' writes (« anything may have changed »).
    window.hub.timer.stop()
    delivered(window.hub, qtbot)
    shown = editor.earlier.table.cellWidget(0, 4)
    store.update_visit(first.id, {"facilitator": "Camille Martin"})
    delivered(window.hub, qtbot)  # however late a loaded machine delivers it
    assert editor.earlier.table.cellWidget(0, 4) is shown  # not rebuilt
    moved = [dict(ACTIONS[0], status="fait"), *ACTIONS[1:]]
    store.update_visit(first.id, {"actions": moved})
    qtbot.waitUntil(lambda: editor.earlier.table.rowCount() == 1)
