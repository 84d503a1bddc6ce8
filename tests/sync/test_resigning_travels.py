"""Visits re-signed with the name given (core/storage/resigning.py) reach colleagues:
each is a stamped edit of this laptop's, published at the next pass."""

from __future__ import annotations

from desktop.core.merge.conflicts import list_conflicts
from desktop.core.storage import resigning
from desktop.core.storage.identity import set_identity
from desktop.core.storage.resigning import resign_all


def test_a_colleague_receives_the_visits_re_signed_in_batches(laptops, monkeypatch):
    monkeypatch.setattr(resigning, "BATCH", 3)
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visits = [alice.store.create_visit(venue.id, f"2026-11-{d:02d}").id for d in range(1, 9)]
    assert alice.sync().ok and bob.sync().ok
    assert {bob.store.get_visit(v).author for v in visits} == {"Alice"}

    set_identity(alice.workspace, "Alice Durand")
    assert resign_all(alice.workspace) == 8
    report = alice.sync()
    assert report.ok and report.published.records == 8  # the visits, not the venue
    assert bob.sync().ok
    for visit_id in visits:
        arrived = bob.store.get_visit(visit_id)
        assert arrived.author == "Alice Durand"
        assert arrived.data["facilitator"] == "Alice Durand"
        assert bob.store.field_stamps(visit_id)["facilitator"]["user_name"] == "Alice Durand"
    assert list_conflicts(bob.store) == []
    assert alice.state() == bob.state()
