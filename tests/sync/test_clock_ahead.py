"""A colleague whose clock runs days ahead: named to the user, and unable to bury later edits."""

from __future__ import annotations

import pytest

from desktop.core.merge.clock_ahead import clocks_ahead
from desktop.core.merge.conflicts import list_conflicts
from desktop.core.merge.hlc import DAY_MS, wall_clock_ms


def test_a_clock_two_days_ahead_is_named_and_later_edits_still_win(laptops):
    alice = laptops("alice")
    bob = laptops("bob", now_ms=lambda: wall_clock_ms() + 2 * DAY_MS)
    venue = alice.store.create_venue({"name": "Le Tiers-Lieu du Lac"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    bob.store.update_visit(visit.id, {"strengths": "Vu par Bob, en avance"})
    bob.sync(), alice.sync()
    assert alice.visit_data(visit.id)["strengths"] == "Vu par Bob, en avance"

    [ahead] = clocks_ahead(alice.store)
    assert (ahead.device_id, ahead.user_name) == (bob.store.author.device_id, "Bob")
    assert ahead.ahead_ms == pytest.approx(2 * DAY_MS, abs=60_000)
    assert ahead.until_ms == pytest.approx(wall_clock_ms() + 2 * DAY_MS, abs=60_000)
    assert clocks_ahead(bob.store) == []  # Alice's clock is behind his: nothing to say

    # The clock is database state: Alice's next stamp comes after Bob's, days early.
    alice.store.update_visit(visit.id, {"strengths": "Corrigé par Alice ensuite"})
    for laptop in (alice, bob, alice):
        assert laptop.sync().ok
    for laptop in (alice, bob):
        assert laptop.visit_data(visit.id)["strengths"] == "Corrigé par Alice ensuite"
        assert list_conflicts(laptop.store) == []
    assert alice.state() == bob.state()
