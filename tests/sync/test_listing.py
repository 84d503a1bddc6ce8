"""The share's listing, kept compactly (a name and two numbers a file, folder by folder):
it gives every file once with its size and time, parents' folders first when asked,
and the index forgets a file gone from the share, never the data it brought."""

from __future__ import annotations

import os

from desktop.core.sync.scan import list_share
from desktop.core.sync.share import TABLES, Share


def _walked(share) -> dict[str, tuple[int, int]]:
    """Every file under the devices' folders, by its path from the Carnet folder."""
    root = share / "Carnet"
    found = {}
    for folder, _dirs, files in os.walk(root / "devices"):
        for name in files:
            stat = os.stat(os.path.join(folder, name))
            relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            found[relative] = (stat.st_size, stat.st_mtime_ns)
    return found


def _listed(laptop):
    return list_share(Share(laptop.share_folder, laptop.store.author.device_id)).entries


def _two_laptops_published(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    for laptop, commune in ((alice, "Guéret"), (bob, "Aubusson")):
        venue = laptop.store.create_venue({"name": f"Lieu de {laptop.name}", "commune": commune})
        for day in ("2026-11-02", "2026-11-03"):
            laptop.store.create_visit(venue.id, day)
        assert laptop.sync().ok
    return alice, bob


def test_every_file_is_listed_once_with_its_size_and_time(laptops, share):
    alice, _bob = _two_laptops_published(laptops)
    entries = _listed(alice)
    listed = [(e.relative, (e.size, e.mtime_ns)) for e in entries]
    assert len(listed) == len(entries) == len(dict(listed))  # each file once
    assert dict(listed) == _walked(share)
    for entry in entries:  # iterable again, each entry whole
        assert entry.relative.endswith("/" + entry.name)
        assert entry.relative.split("/")[1] == entry.device_id
    areas = {e.area for e in entries}
    assert {"venues", "visits", "device"} <= areas


def test_ordered_by_area_as_sorting_the_files_would(laptops, share):
    alice, _bob = _two_laptops_published(laptops)
    entries = _listed(alice)
    order = {table: n for n, table in enumerate(TABLES)}
    ordered = [e.relative for e in entries.by_area(order)]
    assert ordered == [e.relative for e in sorted(entries, key=lambda e: order.get(e.area, -1))]
    areas = [e.area for e in entries.by_area(order) if e.area in order]
    assert areas.index("visits") > max(i for i, a in enumerate(areas) if a == "venues")
    assert entries.newest_mtime_ns() == max(e.mtime_ns for e in entries)


def test_a_file_gone_from_the_share_is_forgotten_by_the_index_only(laptops, share):
    alice, bob = _two_laptops_published(laptops)
    [(visit_id,)] = alice.workspace.db.conn.execute("SELECT id FROM visits LIMIT 1").fetchall()
    device = alice.store.author.device_id
    path = share / "Carnet" / "devices" / device / "records" / "visits" / f"{visit_id}.json"
    relative = f"devices/{device}/records/visits/{visit_id}.json"
    conn = bob.workspace.db.conn

    def indexed() -> set[str]:
        return {p for (p,) in conn.execute("SELECT path FROM sync_index")}

    assert bob.sync().ok and relative in indexed()
    before = len(indexed())
    path.unlink()
    assert bob.sync().ok
    assert relative not in indexed()
    assert len(indexed()) == before - 1  # only that one
    assert bob.store.get_visit(visit_id).id == visit_id  # the data it brought stays
