"""The share's listing, kept compactly (a name and two numbers a file, folder by folder):
it gives every file once with its size and time, parents' folders first when asked,
and the index forgets a file gone from the share, never the data it brought."""

from __future__ import annotations

import os

from desktop.core.sync.scan import Folder, list_share
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


def test_a_folder_keeps_its_names_packed_and_gives_them_back_in_order():
    folder = Folder("devices/abc/records/visits", "abc", "visits")
    first = ["a b.json", "Lieu é (conflicted copy).json", "x.sync-conflict-1.json"]
    for n, name in enumerate(first):
        folder.add(name, n, 10 * n)
    folder.pack()
    folder.add("z.json", 3, 30)  # added after a packing, as it would be before the next
    assert list(folder.files()) == [
        ("a b.json", 0, 0), ("Lieu é (conflicted copy).json", 1, 10),
        ("x.sync-conflict-1.json", 2, 20), ("z.json", 3, 30),
    ]  # fmt: skip
    assert len(folder) == 4 and [e.relative for e in folder][-1].endswith("/visits/z.json")
    assert list(Folder("devices/abc", "abc", "device").files()) == []


def test_present_answers_for_every_folder_in_any_order(laptops, share):
    alice, _bob = _two_laptops_published(laptops)
    entries = _listed(alice)
    listed = [e.relative for e in entries]
    present = entries.present()
    assert all(present(path) for path in sorted(listed, reverse=True))
    assert all(present(path) for path in listed)
    gone = [p.rsplit("/", 1)[0] + "/nope.json" for p in listed] + ["devices/zzz/records/x.json"]
    assert not any(present(path) for path in gone)
