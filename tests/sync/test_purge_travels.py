"""Emptying the trash travels: a colleague purges too, and an older file never brings it back."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PIL import Image

from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.exchange import export_json, import_json
from desktop.core.storage.purge import empty_trash
from desktop.core.sync.share import Share


def jpeg(path: Path, colour) -> Path:
    Image.new("RGB", (300, 200), colour).save(path, "JPEG")
    return path


def media_files(laptop) -> list[Path]:
    return [p for p in (laptop.workspace.data_dir / "media").rglob("*") if p.is_file()]


def held(laptop, record_id: str) -> bool:
    conn = laptop.workspace.db.conn
    tables = ("venues", "visits", "photos", "documents")
    rows = [
        conn.execute(f"SELECT 1 FROM {t} WHERE id = ?", (record_id,)).fetchone() for t in tables
    ]
    stamps = conn.execute("SELECT 1 FROM field_stamps WHERE record_id = ?", (record_id,)).fetchone()
    return any(rows) or stamps is not None


def shared_visit_with_photos(alice, tmp_path):
    venue = alice.store.create_venue({"name": "La Fabrique", "commune": "Tulle"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(visit.id, {"strengths": "Atelier bois très fréquenté"})
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    outcomes = photos.attach_files(
        visit.id, [jpeg(tmp_path / "a.jpg", (200, 10, 10)), jpeg(tmp_path / "b.jpg", (10, 200, 10))]
    )
    for outcome in outcomes:  # reviewed: nobody identifiable, so they are shared
        photos.update_photo(outcome.record_id, {"identifiable_people": False})
    return venue, visit, [o.record_id for o in outcomes]


def test_a_purged_visit_leaves_the_colleague_with_nothing_and_never_comes_back(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue, visit, photo_ids = shared_visit_with_photos(alice, tmp_path)
    assert alice.sync().ok and bob.sync().ok
    assert len(PhotoLibrary(bob.store, bob.workspace.media).list_photos(visit.id)) == 2
    assert len(media_files(bob)) == 4  # two thumbnails, two prints
    share = Share(alice.share_folder, alice.store.author.device_id)
    old_copy = share.record_path("visits", visit.id).read_bytes()
    assert len(list(share.own.glob("media/*"))) == 2  # the two prints, shared

    alice.store.delete_visit(visit.id)
    purged = empty_trash(alice.store, alice.workspace.media)
    assert {t for t, _ in purged.records} == {"visits", "photos"}
    assert media_files(alice) == []  # originals, thumbnails and prints gone
    assert alice.sync().ok
    tombstone = json.loads(share.record_path("visits", visit.id).read_text("utf-8"))
    (entry,) = tombstone["purged"]
    assert (entry["table"], entry["id"]) == ("visits", visit.id)
    assert entry["seen"] and entry["deleted"]  # what Alice had of it, and her deletion
    family = {(e["table"], e["id"]) for e in entry["family"]}  # purged with it, judged as one
    assert family == {("photos", i) for i in photo_ids} and all(e["seen"] for e in entry["family"])
    assert tombstone["visits"] == [] and "Atelier bois" not in json.dumps(tombstone)
    assert list(share.own.glob("media/*")) == []  # no record still shared needs the pictures

    report = bob.sync()
    assert report.ok and report.imported.purged == 3
    assert not any(held(bob, record_id) for record_id in (visit.id, *photo_ids))
    assert media_files(bob) == []  # the pictures are gone from Bob's laptop too
    assert held(bob, venue.id)  # the venue was not purged

    # A sync client puts the old record file back: nothing comes back, and the tombstone
    # is written again.
    path = share.record_path("visits", visit.id)
    path.write_bytes(old_copy)
    os.utime(path, ns=(1, 1))
    report = bob.sync()
    assert report.ok and not held(bob, visit.id)
    assert any("supprimé définitivement" in why for _, why in report.ignored)
    assert alice.sync().ok and not held(alice, visit.id)  # refuses its old copy, rewrites
    assert json.loads(path.read_text("utf-8"))["purged"] == tombstone["purged"]
    assert bob.sync().ok and not held(bob, visit.id)


def test_a_purge_on_the_receiving_laptop_travels_back(laptops, tmp_path):
    """Bob empties his trash of Alice's visit: Alice's laptop purges it too."""
    alice, bob = laptops("alice"), laptops("bob")
    _, visit, photo_ids = shared_visit_with_photos(alice, tmp_path)
    alice.sync()
    bob.sync()
    bob.store.delete_visit(visit.id)
    empty_trash(bob.store, bob.workspace.media, [visit.id])
    assert bob.sync().ok
    assert alice.sync().imported.purged == 3
    assert not any(held(alice, record_id) for record_id in (visit.id, *photo_ids))
    alice.sync()
    bob.sync()  # Alice's own file now says « purged » too; nothing comes back anywhere
    assert not held(bob, visit.id) and not held(alice, visit.id)


def test_a_laptop_that_never_had_the_record_refuses_a_stale_copy(laptops, tmp_path):
    """Carol joins late: Bob's file of the purged visit is still there (Bob is away), Alice's
    tombstone too. Carol never holds the visit, whatever order she reads them in."""
    alice, bob = laptops("alice"), laptops("bob")
    _, visit, _ = shared_visit_with_photos(alice, tmp_path)
    alice.sync()
    bob.sync()
    bob.store.update_visit(visit.id, {"obstacles": "Toiture à refaire"})  # Bob's own file
    bob.sync()
    alice.sync()
    alice.store.delete_visit(visit.id)
    empty_trash(alice.store, alice.workspace.media)
    alice.sync()
    bob_file = Share(bob.share_folder, bob.store.author.device_id).record_path("visits", visit.id)
    assert "Toiture" in bob_file.read_text("utf-8")  # Bob has not synced since
    carol = laptops("carol")
    for _ in range(2):
        assert carol.sync().ok
        assert not held(carol, visit.id)
    bob.sync()  # Bob purges, and his file becomes a tombstone
    assert not held(bob, visit.id) and "Toiture" not in bob_file.read_text("utf-8")


def test_a_purged_visit_s_sheet_leaves_the_share(laptops, tmp_path):
    alice = laptops("alice")
    _, visit, _ = shared_visit_with_photos(alice, tmp_path)
    alice.sync(sheets=True)
    sheets = alice.share_folder / "Carnet" / "Fiches"
    assert len(list(sheets.rglob("*.pdf"))) == 1
    alice.store.delete_visit(visit.id)
    empty_trash(alice.store, alice.workspace.media)
    assert alice.sync(sheets=True).ok
    assert list(sheets.rglob("*.pdf")) == []


def test_an_old_export_does_not_bring_a_purged_venue_back(laptops, tmp_path):
    alice = laptops("alice")
    venue, visit, _ = shared_visit_with_photos(alice, tmp_path)
    export_json(alice.store, tmp_path / "avant.json", include_private_photos=True)
    alice.store.delete_venue(venue.id)
    empty_trash(alice.store, alice.workspace.media)
    counts = import_json(alice.store, tmp_path / "avant.json")
    assert counts["created"] == 0
    assert not held(alice, venue.id) and not held(alice, visit.id)


def test_a_tombstone_is_a_valid_exchange_file_with_no_record(laptops, tmp_path):
    """Older readers validate it, find no record for its folder, and skip it with a reason."""
    from desktop.core.merge.exchange import validate_exchange
    from desktop.core.sync.purges import tombstone_document

    document = tombstone_document("abc", "visits", "v1")
    validate_exchange(document)  # compatible: the schema only gained an optional list
    assert not any(document[t] for t in ("venues", "visits", "photos", "documents"))
