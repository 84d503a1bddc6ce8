"""A record holding values of the wrong shape (a colleague's tool, an older or newer
template: a list where a choice is, an object where a table is) opens, shows, prints and
exports: nothing typed elsewhere in it is out of reach."""

ODD = {
    "services": [["cafe_bar"], {"a": 1}],
    "visit_type": ["suivi"],
    "people_met": [["x"], "y"],
    "actions": {"what": 1},
    "strengths": "Un collectif soudé",
}


def test_a_record_with_odd_shapes_opens_and_prints(window, qtbot, tmp_path):
    venue = window.store.create_venue({"name": "Le Bazar", "commune": "Aubusson"})
    record = window.store.create_visit(venue.id, "2026-03-14")
    window.store.update_visit(record.id, ODD)
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    form = window.visit_editor.form
    assert form.editor("strengths").value() == "Un collectif soudé"
    assert window.store.get_visit(record.id).errors  # flagged, not lost
    qtbot.wait(300)  # no autosave rewrote them: nothing was edited
    assert window.store.get_visit(record.id).data["services"] == ODD["services"]
