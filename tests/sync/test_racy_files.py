"""A record file rewritten with the same size within one tick of the file system's clock
(FAT keeps 2-s times, Linux's coarse clock ticks every few ms): its size and time are
what the index holds, and it must still be read again, never taken for unchanged."""

from __future__ import annotations

import os

from desktop.core.sync.importer import RACY_MTIME


def _visit_file(laptop, share, visit_id):
    device = laptop.store.author.device_id
    return share / "Carnet" / "devices" / device / "records" / "visits" / f"{visit_id}.json"


def test_a_same_size_rewrite_in_the_same_tick_is_not_missed(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    for value in ("oui", "non"):  # two edits: the file now has the shape of every later one
        alice.store.update_visit(visit.id, {"strengths": value})
    assert alice.sync().ok
    path = _visit_file(alice, share, visit.id)
    first = path.stat()
    assert bob.sync().ok and bob.visit_data(visit.id)["strengths"] == "non"

    alice.store.update_visit(visit.id, {"strengths": "oui"})  # same length, new stamp
    assert alice.sync().ok
    second = path.stat()
    assert second.st_size == first.st_size  # the case at hand: the size tells nothing
    os.utime(path, ns=(first.st_atime_ns, first.st_mtime_ns))  # nor does the time

    assert bob.sync().ok
    assert bob.visit_data(visit.id)["strengths"] == "oui"


def test_only_the_latest_files_are_read_again_and_old_ones_are_trusted(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    old = alice.store.create_visit(venue.id, "2026-01-10")
    assert alice.sync().ok
    old_path = _visit_file(alice, share, old.id)
    stat = old_path.stat()
    two_minutes_ago = stat.st_mtime_ns - 120_000_000_000
    os.utime(old_path, ns=(stat.st_atime_ns, two_minutes_ago))
    recent = alice.store.create_visit(venue.id, "2026-02-10")
    assert alice.sync().ok
    assert bob.sync().ok
    recorded = dict(
        bob.workspace.db.conn.execute("SELECT path, mtime_ns FROM sync_index").fetchall()
    )
    by_name = {path.rsplit("/", 1)[-1]: mtime for path, mtime in recorded.items()}
    assert by_name[f"{old.id}.json"] == two_minutes_ago  # trusted at the next pass
    assert by_name[f"{recent.id}.json"] == RACY_MTIME  # read again at the next pass
