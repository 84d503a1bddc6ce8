"""Venue history: what changed in the stable parts of the sheet between two visits."""

from __future__ import annotations

from desktop.core.forms.visit_diff import EMPTY, diff_stored_visits, diff_visits, stable_sections


def lines(template, before, after):
    return [c.line() for c in diff_visits(template, before, after)]


def test_the_stable_parts_are_the_carry_over_sections(shipped_templates):
    assert stable_sections(shipped_templates.visit) == (
        "activites",
        "gouvernance",
        "economie",
        "lieu",
    )


def test_changed_values_are_shown_with_titles_and_enum_labels(shipped_templates):
    template = shipped_templates.visit
    before = {
        "legal_form": "association_loi_1901",
        "end_date": "2025-06-30",
        "staff_fte": 1.5,
        "has_facilitator": False,
        "visit_type": "suivi",
        "strengths": "Équipe",
    }
    after = {"legal_form": "scic", "end_date": "2027-06-30", "staff_fte": 2,
             "has_facilitator": True, "visit_type": "diagnostic", "strengths": "Autre"}  # fmt: skip
    assert lines(template, before, after) == [
        "Forme juridique : Association loi 1901 → SCIC",
        "Salariés : 1,5 ETP → 2 ETP",
        "Poste de facilitateur·rice : Non → Oui",
        "Fin de l’occupation : 2025-06-30 → 2027-06-30",
    ]  # visit_type and strengths are not stable parts


def test_a_value_set_or_cleared_shows_a_dash(shipped_templates):
    changes = diff_visits(
        shipped_templates.visit, {"tenure": "proprietaire"}, {"annual_budget": 120000}
    )
    assert [c.line() for c in changes] == [
        "Budget annuel : — → 120\u202f000 €",
        "Mode d’occupation : Propriétaire → —",
    ]
    assert changes[0].before is None and changes[0].before_text == EMPTY
    assert [c.section_id for c in changes] == ["economie", "lieu"]
    assert changes[0].section_title == "Modèle économique"


def test_lists_show_items_added_and_removed(shipped_templates):
    before = {"public_funders": ["commune", "region"], "labels": ["france_services"]}
    after = {"public_funders": ["region", "epci", "etat"], "labels": ["france_services"]}
    (change,) = diff_visits(shipped_templates.visit, before, after)
    assert change.added == ("EPCI", "État") and change.removed == ("Commune",)
    assert change.line() == "Financeurs publics : + EPCI ; + État ; − Commune"


def test_reordering_a_list_or_equal_values_is_no_change(shipped_templates):
    before = {"public_funders": ["commune", "region"], "decision_making": "CA"}
    after = {"public_funders": ["region", "commune"], "decision_making": "CA"}
    assert diff_visits(shipped_templates.visit, before, after) == []
    assert diff_visits(shipped_templates.visit, {"owner_name": ""}, {}) == []


def test_long_texts_are_shortened(shipped_templates):
    long = "Collégiale " * 20
    (change,) = diff_visits(shipped_templates.visit, {}, {"decision_making": long})
    assert change.after_text.endswith("…") and len(change.after_text) <= 80
    assert change.after == long


def test_other_sections_can_be_asked_for(shipped_templates):
    before = {"actions": [{"what": "Relancer la mairie", "who": "Camille"}]}
    after = {"actions": [{"what": "Relancer la mairie", "who": "Camille", "status": "fait"}]}
    (change,) = diff_visits(shipped_templates.visit, before, after, sections=("bilan",))
    assert change.added == ("Relancer la mairie — Camille — Fait",)
    assert change.removed == ("Relancer la mairie — Camille",)


def test_two_stored_visits_are_compared(store, venue):
    first = store.create_visit(venue.id, "2024-03-01")
    store.update_visit(first.id, {"legal_form": "association_loi_1901"})
    second = store.create_visit(venue.id, "2025-03-01")  # carries the legal form over
    store.update_visit(second.id, {"legal_form": "scic", "end_date": "2027-06-30"})
    assert [c.line() for c in diff_stored_visits(store, first.id, second.id)] == [
        "Forme juridique : Association loi 1901 → SCIC",
        "Fin de l’occupation : — → 2027-06-30",
    ]
