"""A record deleted on one laptop while edited on another: both kept until someone decides."""

from __future__ import annotations

from desktop.core.merge.conflicts import conflicts_as_json, list_conflicts, resolve_conflict
from desktop.core.merge.field_merge import MISSING


def _deleted_while_edited(laptops):
    """Alice trashes a visit while Bob, not yet synced, edits it; then both sync."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ressourcerie"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    alice.store.delete_visit(visit.id)
    bob.store.update_visit(visit.id, {"strengths": "Un atelier vélo très fréquenté"})
    for laptop in (alice, bob, alice, bob):
        assert laptop.sync().ok
    return alice, bob, visit.id


def _deleted(laptop, visit_id) -> bool:
    return laptop.store.get_visit(visit_id).deleted_at is not None


def test_an_edit_made_during_a_deletion_is_a_conflict_on_both_laptops(laptops):
    alice, bob, visit_id = _deleted_while_edited(laptops)
    for laptop in (alice, bob):
        assert _deleted(laptop, visit_id)  # in the trash on both, Bob's edit kept in it
        assert laptop.visit_data(visit_id)["strengths"] == "Un atelier vélo très fréquenté"
        [conflict] = list_conflicts(laptop.store)
        assert conflict.is_deletion and conflict.record_id == visit_id
        assert conflict.current.user_name == "Alice" and conflict.other.user_name == "Bob"
        assert conflict.current.device_id == alice.store.author.device_id
        assert conflict.other.device_id == bob.store.author.device_id
    [item] = conflicts_as_json(bob.store)
    assert item["kind"] == "suppression" and item["autre"]["value"] is None
    assert item["en_place"]["author"] == "Alice" and item["autre"]["author"] == "Bob"


def test_restoring_brings_the_visit_back_on_both_laptops(laptops):
    alice, bob, visit_id = _deleted_while_edited(laptops)
    [conflict] = list_conflicts(bob.store)
    resolve_conflict(bob.store, conflict, MISSING)
    assert not _deleted(bob, visit_id) and list_conflicts(bob.store) == []
    for laptop in (bob, alice, bob):
        assert laptop.sync().ok
    for laptop in (alice, bob):
        assert not _deleted(laptop, visit_id)
        assert laptop.visit_data(visit_id)["strengths"] == "Un atelier vélo très fréquenté"
        assert list_conflicts(laptop.store) == []
    assert alice.state() == bob.state()


def test_leaving_it_deleted_clears_the_conflict_on_both_laptops(laptops):
    alice, bob, visit_id = _deleted_while_edited(laptops)
    [conflict] = list_conflicts(bob.store)
    resolve_conflict(bob.store, conflict, True)
    assert _deleted(bob, visit_id) and list_conflicts(bob.store) == []
    for laptop in (bob, alice, bob):
        assert laptop.sync().ok
    for laptop in (alice, bob):
        assert _deleted(laptop, visit_id)
        assert list_conflicts(laptop.store) == []
    assert alice.state() == bob.state()


def test_a_deletion_that_saw_the_edit_is_no_conflict(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Garage"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    bob.store.update_visit(visit.id, {"strengths": "Une cuisine partagée"})
    bob.sync(), alice.sync()
    assert alice.visit_data(visit.id)["strengths"] == "Une cuisine partagée"
    alice.store.delete_visit(visit.id)
    for laptop in (alice, bob, alice, bob):
        assert laptop.sync().ok
    for laptop in (alice, bob):
        assert _deleted(laptop, visit.id)
        assert list_conflicts(laptop.store) == []
