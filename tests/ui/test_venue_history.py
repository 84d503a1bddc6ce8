"""A venue's page shows its visits on a timeline and what changed between two of them."""

from __future__ import annotations

from PySide6.QtCore import Qt


def venue_with_three_visits(store):
    venue = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    first = store.create_visit(venue.id, "2023-03-01")
    store.update_visit(
        first.id,
        {
            "legal_form": "association_loi_1901",
            "visit_type": "diagnostic",
            "end_date": "2025-06-30",
            "public_funders": ["commune"],
        },
    )
    second = store.create_visit(venue.id, "2024-03-01")
    store.update_visit(second.id, {"visit_type": "suivi", "staff_fte": 2})
    third = store.create_visit(venue.id, "2025-03-01")
    store.update_visit(third.id, {"legal_form": "scic", "end_date": "2027-06-30",
                                  "public_funders": ["commune", "region"]})  # fmt: skip
    return venue, first, second, third


def test_the_timeline_and_the_last_two_visits_compared(window, qtbot):
    venue, first, second, third = venue_with_three_visits(window.store)
    window.browser.reload_venues()
    window.browser.select_venue(venue.id)
    panel = window.venue_editor.history
    timeline = panel.timeline
    assert [timeline.topLevelItem(i).text(0) for i in range(3)] == [
        "01/03/2025", "01/03/2024", "01/03/2023",
    ]  # fmt: skip
    assert timeline.topLevelItem(1).text(1) == "Suivi"
    assert timeline.topLevelItem(1).text(2) == window.store.author.user_name
    assert (panel.before.currentData(), panel.after.currentData()) == (second.id, third.id)
    assert panel.lines() == [
        "Forme juridique : Association loi 1901 → SCIC",
        "Financeurs publics : + Région",
        "Fin de l’occupation : 30/06/2025 → 30/06/2027",
    ]
    assert "Gouvernance" in panel.changes.text() and "SCIC" in panel.changes.text()


def test_two_chosen_visits_are_compared(window, qtbot):
    venue, first, second, third = venue_with_three_visits(window.store)
    window.browser.reload_venues()
    window.browser.select_venue(venue.id)
    panel = window.venue_editor.history
    panel.compare(first.id, second.id)
    assert panel.lines() == ["Salariés : — → 2 ETP"]
    panel.compare(first.id, first.id)
    assert "deux visites différentes" in panel.changes.text()


def test_a_venue_with_one_visit_has_nothing_to_compare(window, qtbot):
    venue = window.store.create_venue({"name": "La Friche", "commune": "Lyon"})
    window.store.create_visit(venue.id, "2025-01-10")
    window.browser.reload_venues()
    window.browser.select_venue(venue.id)
    assert "rien à comparer" in window.venue_editor.history.changes.text()


def test_activating_a_visit_of_the_timeline_opens_it(window, qtbot):
    venue, first, _, _ = venue_with_three_visits(window.store)
    window.browser.reload_venues()
    window.browser.select_venue(venue.id)
    timeline = window.venue_editor.history.timeline
    item = timeline.topLevelItem(2)
    timeline.setCurrentItem(item)
    window.venue_editor.form.scroll.ensureWidgetVisible(timeline)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.visit_editor
    assert window.visit_editor.record_id == first.id
    assert window.browser.current_visit_id() == first.id
