"""Two and three laptops on one shared folder: records travel, edits merge, nothing is lost."""

from __future__ import annotations

from desktop.core.merge.conflicts import list_conflicts, resolve_conflict
from desktop.core.merge.field_merge import MISSING


def test_a_colleagues_visit_arrives(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(visit.id, {"decision_making": "Collège solidaire, réunion mensuelle"})
    report = alice.sync()
    assert report.ok, report.error
    assert report.published.records == 2

    report = bob.sync()
    assert report.ok and report.imported.created == 2
    assert bob.visit_data(visit.id)["decision_making"] == "Collège solidaire, réunion mensuelle"
    assert [v.name for v in bob.store.list_venues()] == ["La Quincaillerie"]
    assert bob.store.get_visit(visit.id).owner_device == alice.store.author.device_id
    assert bob.sync().imported.files_read == 0  # nothing changed: nothing read


def test_edits_of_different_fields_merge(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Fablab du Plateau"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    alice.store.update_visit(visit.id, {"decision_making": "CA tous les mois"})
    bob.store.update_visit(visit.id, {"staff_fte": 3})
    for laptop in (alice, bob, alice, bob):
        assert laptop.sync().ok
    for laptop in (alice, bob):
        data = laptop.visit_data(visit.id)
        assert data["decision_making"] == "CA tous les mois" and data["staff_fte"] == 3
        assert list_conflicts(laptop.store) == []
    assert alice.state() == bob.state()


def test_concurrent_edits_become_a_conflict_on_both_sides(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Café de la Gare"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    alice.store.update_visit(visit.id, {"decision_making": "Version d'Alice"})
    bob.store.update_visit(visit.id, {"decision_making": "Version de Bob"})
    alice.sync(), bob.sync(), alice.sync()

    values = {
        alice.visit_data(visit.id)["decision_making"],
        bob.visit_data(visit.id)["decision_making"],
    }
    assert len(values) == 1  # the same value in place on both laptops
    for laptop in (alice, bob):
        [conflict] = list_conflicts(laptop.store)
        assert conflict.field == "decision_making"
        both = {conflict.current.value, conflict.other.value}
        assert both == {"Version d'Alice", "Version de Bob"}
        assert {conflict.current.user_name, conflict.other.user_name} == {"Alice", "Bob"}

    [conflict] = list_conflicts(bob.store)
    resolve_conflict(bob.store, conflict, "Version commune")
    bob.sync(), alice.sync()
    for laptop in (alice, bob):
        assert laptop.visit_data(visit.id)["decision_making"] == "Version commune"
        assert list_conflicts(laptop.store) == []
    assert alice.state() == bob.state()


def test_a_cleared_field_against_an_edit_is_a_conflict(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Tiers-lieu du Bourg"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(visit.id, {"decision_making": "Bureau élu"})
    alice.sync(), bob.sync()
    alice.store.update_visit(visit.id, {"decision_making": ""})
    bob.store.update_visit(visit.id, {"decision_making": "Bureau élu et collège"})
    alice.sync(), bob.sync(), alice.sync()
    for laptop in (alice, bob):
        [conflict] = list_conflicts(laptop.store)
        assert MISSING in {conflict.current.value, conflict.other.value}


def test_three_laptops_converge(laptops):
    alice, bob, chloe = laptops("alice"), laptops("bob"), laptops("chloe")
    venue = alice.store.create_venue({"name": "La Friche"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    for laptop in (alice, bob, chloe):
        laptop.sync()
    bob.store.update_visit(visit.id, {"staff_fte": 2})
    chloe.store.update_venue(venue.id, {"commune": "Aubusson"})
    alice.store.delete_visit(visit.id)
    for laptop in (chloe, bob, alice, chloe, bob, alice):
        assert laptop.sync().ok
    assert alice.state() == bob.state() == chloe.state()
    assert bob.store.get_visit(visit.id).deleted_at is not None
