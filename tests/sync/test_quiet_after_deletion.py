"""A deletion is published once: the passes after it, with nothing changed, write nothing.

A deleted document's file (or a live document's, in a deleted venue) left our media folder
in the share at the pass of the deletion; the check of what the share lacks then took the
record for one whose file was lost, and wrote it again at every pass (with its file, for
a document of a deleted venue, removed again at the same pass).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.sync.share import Share
from tests.sync.test_media_and_sheets import jpeg


def _statuts(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + name.encode())
    return path


def _own_files(laptop) -> dict[str, tuple[int, int]]:
    """Every file of the laptop's device folder and the Fiches: (inode, mtime_ns) by path."""
    share = Share(laptop.share_folder, laptop.store.author.device_id)
    files = [*share.own.rglob("*"), *share.sheets.rglob("*")]
    return {
        p.relative_to(share.root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in files
        if p.is_file()
    }


def _quiet(laptop) -> None:
    """Two passes with nothing changed: nothing published, written or removed."""
    before = _own_files(laptop)
    for _ in range(2):
        report = laptop.sync(sheets=True)
        assert report.ok
        published = report.published
        assert (published.records, published.media, published.sheets) == (0, 0, 0)
        assert (published.withdrawn, published.media_removed, report.republished) == (0, 0, 0)
    assert _own_files(laptop) == before


@pytest.fixture
def venue_with_everything(laptops, tmp_path):
    """Alice's venue with a visit, a shared photo and a document, published and received."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ressourcerie"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    [photo] = photos.attach_files(visit.id, [jpeg(tmp_path / "facade.jpg")])
    photos.update_photo(photo.record_id, {"identifiable_people": False})
    documents = DocumentLibrary(alice.store, alice.workspace.media)
    documents.attach(venue.id, _statuts(tmp_path, "statuts.pdf"), "statuts")
    [document] = documents.list_documents(venue.id)
    assert alice.sync(sheets=True).ok and bob.sync().ok
    assert bob.store.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    _quiet(alice)
    ids = {"venues": venue.id, "visits": visit.id, "photos": photo.record_id}
    return alice, bob, ids | {"documents": document.id}


def _deleted_at(laptop, table: str, record_id: str):
    sql = f"SELECT deleted_at FROM {table} WHERE id = ?"
    return laptop.store.db.conn.execute(sql, (record_id,)).fetchone()[0]


def test_a_deleted_document_is_written_once_and_its_deletion_still_travels(
    venue_with_everything,
):
    alice, bob, ids = venue_with_everything
    DocumentLibrary(alice.store, alice.workspace.media).delete(ids["documents"])
    report = alice.sync(sheets=True)
    assert report.published.records == 1 and report.published.media_removed == 1
    _quiet(alice)
    bob.sync()
    assert _deleted_at(bob, "documents", ids["documents"]) is not None


def _delete(alice, table: str, record_id: str) -> None:
    if table == "photos":
        PhotoLibrary(alice.store, alice.workspace.media).delete_photo(record_id)
    elif table == "visits":
        alice.store.delete_visit(record_id)
    else:
        alice.store.delete_venue(record_id)


@pytest.mark.parametrize("table", ["photos", "visits", "venues"])
def test_every_deleted_kind_is_quiet_after_its_pass(venue_with_everything, table):
    """A deleted venue's live document (its file leaves the share) included."""
    alice, bob, ids = venue_with_everything
    _delete(alice, table, ids[table])
    assert alice.sync(sheets=True).published.records >= 1
    _quiet(alice)
    bob.sync()
    assert _deleted_at(bob, table, ids[table]) is not None


def test_a_restored_venue_s_document_goes_back_to_the_share(venue_with_everything):
    """The rule that keeps a deleted venue's document quiet still republishes it once
    the venue is restored (its file had left the share)."""
    alice, bob, ids = venue_with_everything
    alice.store.delete_venue(ids["venues"])
    alice.sync(sheets=True)
    _quiet(alice)
    alice.store.restore_venue(ids["venues"])
    report = alice.sync(sheets=True)
    assert report.published.media == 2  # the photo's print and the document's file, back
    _quiet(alice)
    bob_report = bob.sync()
    assert bob_report.ok and _deleted_at(bob, "venues", ids["venues"]) is None
