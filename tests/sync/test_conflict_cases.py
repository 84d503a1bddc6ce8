"""Written-out cases around the convergence property: clocks late, ahead and equal, and
conflicts answered. Each runs in every order of the three device ids (the order breaks
ties between equal stamps and decides which colleague's folder a pass reads first), and
checks which conflicts every laptop lists, not only that they agree."""

from __future__ import annotations

import pytest
from PIL import Image

from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.conflicts import list_conflicts
from desktop.core.merge.hlc import DAY_MS, wall_clock_ms
from tests.sync.network import SKEWS_MS, Network, apply, conflicts_of, converged
from tests.sync.test_convergence import ID_ORDERS

ALICE, BOB, CHLOE = 0, 1, 2
F = "strengths"


def see(source: int, reader: int) -> list[tuple]:
    """The reader gets the source's current file and reads it."""
    return [("pass", source), ("deliver", source, reader, "current"), ("pass", reader)]


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_an_edit_ahead_wins_and_both_concurrent_ones_are_listed(ids):
    """Chloé (two days ahead) wins over Alice's and Bob's (late) concurrent edits."""
    ops = [("edit", ALICE, 0, F, "oui"), ("edit", BOB, 0, F, "peut-être")]
    ops += [("edit", CHLOE, 0, F, "non")]
    assert converged(ops, ids) == {
        (0, F, "alice", "'oui'", "'non'"),
        (0, F, "bob", "'peut-être'", "'non'"),
    }


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_an_edit_made_after_reading_a_clock_ahead_is_no_conflict(ids):
    """Alice read Chloé's value (stamped two days ahead) and wrote over it: her stamp
    follows Chloé's, her edit wins and nothing is listed."""
    ops = [("edit", CHLOE, 0, F, "non"), *see(CHLOE, ALICE), ("edit", ALICE, 0, F, "oui")]
    values = []
    assert converged(ops, ids, values=values) == set()
    assert values[0][F] == "oui"


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_a_late_clock_that_read_the_value_writes_over_it_without_conflict(ids):
    """Bob's clock is late, but having read Alice's value his edit comes after it."""
    ops = [("edit", ALICE, 0, F, "oui"), *see(ALICE, BOB), ("edit", BOB, 0, F, "non")]
    values = []
    assert converged(ops, ids, values=values) == set()
    assert values[0][F] == "non"


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_a_late_clock_edit_older_than_the_value_replaced_is_listed_on_every_laptop(ids):
    """The known case, reduced: Bob (late) writes « oui » unseen; Alice, whose « oui » is
    later than Bob's stamp, changes it to « non »; Chloé's « non » (ahead) wins."""
    ops = [("edit", ALICE, 0, F, "oui"), ("edit", BOB, 0, F, "oui"), ("pass", BOB)]
    ops += [("deliver", BOB, ALICE, "current"), ("pass", ALICE)]  # Bob's « oui » lost here
    ops += [("edit", ALICE, 0, F, "non"), ("edit", CHLOE, 0, F, "non")]
    assert converged(ops, ids) == {(0, F, "bob", "'oui'", "'non'")}


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_equal_clocks_are_ordered_by_device_and_the_other_edit_is_listed(ids):
    """Bob's clock 7 ms behind Alice's: their edits, 7 ms apart, have the same time and
    counter; the device id decides, the same everywhere, and the loser is listed."""
    ops = [("edit", ALICE, 0, F, "oui"), ("edit", BOB, 0, F, "non")]
    alice_wins = ids[ALICE] > ids[BOB]
    winner, loser = ("'oui'", ("bob", "'non'")) if alice_wins else ("'non'", ("alice", "'oui'"))
    conflicts = converged(ops, ids, skews_ms=(0, -7, SKEWS_MS[2]))
    assert conflicts == {(0, F, *loser, winner)}


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_a_version_that_lost_on_its_own_laptop_reaches_every_laptop(ids):
    """Bob's « oui » loses to Chloé's « non » on his laptop; Bob then edits another field,
    so his file is written again with Chloé's « non »: his « oui » travels in it anyway
    (kept_versions), and every laptop lists it, Alice's too, who never read it before."""
    ops = [("edit", BOB, 0, F, "oui"), ("pass", BOB), ("edit", CHLOE, 0, F, "non")]
    ops += [*see(CHLOE, BOB), ("edit", BOB, 0, "decision_making", "oui"), ("pass", BOB)]
    assert converged(ops, ids) == {(0, F, "bob", "'oui'", "'non'")}


CONFLICT = [
    ("edit", ALICE, 0, F, "oui"), ("edit", BOB, 0, F, "non"), ("snapshot", BOB),
    *see(BOB, ALICE), *see(ALICE, BOB),
]  # fmt: skip


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_an_answered_conflict_is_answered_everywhere_and_late_files_do_not_bring_it_back(ids):
    """Alice takes Bob's « non »; then Bob's old file arrives late, twice, and as a sync
    client's conflict copy: no laptop lists the conflict again."""
    assert converged(CONFLICT, ids) == {(0, F, "bob", "'non'", "'oui'")}  # before
    ops = [*CONFLICT, ("resolve", ALICE), *see(ALICE, BOB), *see(ALICE, CHLOE)]
    for reader in (ALICE, CHLOE):
        ops += [("deliver", BOB, reader, "late"), ("pass", reader)]
        ops += [("deliver", BOB, reader, "conflict-copy"), ("pass", reader)]
    values = []
    assert converged(ops, ids, values=values) == set()
    assert values[0][F] == "non"


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_the_same_answer_given_on_two_laptops_is_no_new_conflict(ids):
    """Alice and Bob both answer the conflict, unaware of each other, and both take
    Bob's « non »: the two answers agree, so nothing is listed anywhere."""
    ops = [*CONFLICT, ("resolve", ALICE), ("resolve", BOB)]
    values = []
    assert converged(ops, ids, values=values) == set()
    assert values[0][F] == "non"


@pytest.mark.parametrize("ids", ID_ORDERS)
def test_an_edit_the_answer_did_not_see_is_a_new_conflict_everywhere(ids):
    """Chloé (ahead) writes « peut-être » without having seen the conflict nor its
    answer: it wins, and the answer (« non ») is listed against it on every laptop."""
    ops = [*CONFLICT, ("resolve", ALICE), ("pass", ALICE), ("edit", CHLOE, 0, F, "peut-être")]
    conflicts = converged(ops, ids)
    assert conflicts == {(0, F, "alice", "'non'", "'peut-être'")}


def test_a_record_first_read_from_a_file_listing_a_lost_version_keeps_it(tmp_path):
    """Alice first meets Bob's visit in his file, which already lists his « oui » that
    lost to Chloé's « non »: the first import (records new here are inserted in bulk)
    keeps it too, so Alice lists the conflict like the others."""
    network = Network(tmp_path, ID_ORDERS[0])
    alice, bob, chloe = network.laptops
    try:
        venue = bob.store.create_venue({"name": "La Friche"})
        visit = bob.store.create_visit(venue.id, "2026-11-02").id
        for op in [*see(BOB, CHLOE), ("edit", BOB, 0, F, "oui"), ("pass", BOB)]:
            network.now_ms += 7
            apply(network, [visit], op)
        for op in [("edit", CHLOE, 0, F, "non"), *see(CHLOE, BOB)]:
            network.now_ms += 7
            apply(network, [visit], op)
        bob.store.update_visit(visit, {"decision_making": "oui"})  # his file written again
        assert bob.sync().ok
        network.deliver(BOB, ALICE, "current")
        assert alice.sync().ok and alice.visit_data(visit)[F] == "non"
        assert conflicts_of(alice) == conflicts_of(bob) != set()
        network.everything_arrives()
        assert conflicts_of(alice) == conflicts_of(bob) == conflicts_of(chloe) != set()
    finally:
        network.close()


def test_a_photo_caption_written_over_after_reading_is_kept_aside_like_a_visit_field(
    laptops, tmp_path
):
    """Bob read Alice's caption and wrote over it; Chloé (clock ahead), who had never
    read it, wrote hers, which wins. Alice's caption was unseen by Chloé: every laptop
    lists it, Bob's too, although on his laptop it was replaced by his own edit."""
    alice, bob = laptops("alice"), laptops("bob")
    chloe = laptops("chloe", now_ms=lambda: wall_clock_ms() + 2 * DAY_MS)
    venue = alice.store.create_venue({"name": "L'Atelier partagé"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    Image.new("RGB", (120, 80), (90, 120, 60)).save(tmp_path / "facade.jpg", "JPEG")
    [photo] = PhotoLibrary(alice.store, alice.workspace.media).attach_files(
        visit.id, [tmp_path / "facade.jpg"]
    )
    photo_id = photo.record_id

    def caption(laptop, text):
        library = PhotoLibrary(laptop.store, laptop.workspace.media)
        library.update_photo(photo_id, {"caption": text, "identifiable_people": False})

    caption(alice, "")
    assert alice.sync().ok and chloe.sync().ok
    caption(alice, "La façade")
    assert alice.sync().ok and bob.sync().ok
    caption(bob, "La façade au printemps")
    caption(chloe, "L'entrée")
    for _ in range(2):
        for laptop in (alice, bob, chloe):
            assert laptop.sync().ok
    listed = [
        {(c.other.value, c.current.value) for c in list_conflicts(laptop.store)}
        for laptop in (alice, bob, chloe)
    ]
    assert listed[0] == listed[1] == listed[2]
    assert ("La façade", "L'entrée") in listed[0]
