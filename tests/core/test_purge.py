"""Emptying the trash: records, their children, stamps, conflicts, index rows and files."""

from __future__ import annotations

import pytest
from PIL import Image

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.conflict_rows import keep_version
from desktop.core.merge.field_merge import FieldVersion
from desktop.core.storage.purge import describe, empty_trash
from desktop.core.storage.record_basics import RecordNotFound

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def files_of(workspace) -> set[str]:
    media = workspace.data_dir / "media"
    return {str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()}


def count(workspace, sql: str, *params) -> int:
    return workspace.db.conn.execute(sql, params).fetchone()[0]


@pytest.fixture
def furnished(workspace, tmp_path):
    """A venue with two visits: the same photo in both, a second photo, a document."""
    store = workspace.store
    venue = store.create_venue({"name": "La Ferme du Lac", "commune": "Vassivière"})
    first = store.create_visit(venue.id, "2025-01-10")
    second = store.create_visit(venue.id, "2025-06-10")
    store.update_visit(first.id, {"strengths": "Maraîchage partagé"})
    Image.new("RGB", (40, 30), (10, 90, 10)).save(tmp_path / "lac.jpg")
    Image.new("RGB", (40, 30), (90, 10, 10)).save(tmp_path / "grange.jpg")
    photos = PhotoLibrary(store, workspace.media)
    photos.attach_files(first.id, [tmp_path / "lac.jpg", tmp_path / "grange.jpg"])
    photos.attach_files(second.id, [tmp_path / "lac.jpg"])  # the same file, the same hash
    (tmp_path / "statuts.pdf").write_bytes(PDF)
    DocumentLibrary(store, workspace.media).attach(venue.id, tmp_path / "statuts.pdf")
    return venue, first, second


def test_a_visit_takes_its_photos_and_only_the_files_nobody_else_uses(workspace, furnished):
    venue, first, second = furnished
    store = workspace.store
    other = FieldVersion("Autre version", "000000000000001-00000-x")
    workspace.service.call(lambda w: keep_version(w.db, "visits", first.id, "strengths", other))
    before = files_of(workspace)
    assert [h.visit_id for h in store.search_visits("maraichage")] == [first.id]
    store.delete_visit(first.id)
    purged = empty_trash(store, workspace.media, [first.id])
    assert purged.count("visits") == 1 and purged.count("photos") == 2
    assert describe(purged) == (
        "Supprimé(s) définitivement : 1 visite, 2 photos ; 1 fichier(s) effacé(s)."
    )
    gone = before - files_of(workspace)
    assert len(gone) == 3  # the barn's original, thumbnail and print; the lake's stay
    assert store.search_visits("maraichage") == []  # the full-text index row went too
    assert count(workspace, "SELECT count(*) FROM field_stamps WHERE record_id = ?", first.id) == 0
    assert count(workspace, "SELECT count(*) FROM sync_conflicts") == 0
    assert count(workspace, "SELECT count(*) FROM media") == 2  # the lake photo, the statutes
    [lake] = PhotoLibrary(store, workspace.media).list_photos(second.id)
    assert (workspace.data_dir / "media" / "thumbnails" / lake.sha256[:2]).is_dir()
    assert store.list_trash() == []


def test_a_venue_takes_its_visits_photos_and_documents(workspace, furnished):
    venue, first, second = furnished
    store = workspace.store
    store.delete_venue(venue.id)
    purged = empty_trash(store, workspace.media)
    counts = [purged.count(t) for t in ("venues", "visits", "photos", "documents")]
    assert counts == [1, 2, 3, 1]
    assert files_of(workspace) == set()
    for table in ("venues", "visits", "photos", "documents", "media", "field_stamps"):
        assert count(workspace, f"SELECT count(*) FROM {table}") == 0, table
    assert count(workspace, "SELECT count(*) FROM venues_fts") == 0
    assert count(workspace, "SELECT count(*) FROM purged") == 7


def test_only_what_is_in_the_trash_can_be_purged(workspace, furnished):
    venue, first, _ = furnished
    store = workspace.store
    with pytest.raises(RecordNotFound, match="Pas dans la corbeille"):
        empty_trash(store, workspace.media, [first.id])  # alive: refused, nothing purged
    assert store.get_visit(first.id).id == first.id
    assert describe(empty_trash(store, workspace.media)) == "Rien à supprimer."
    with pytest.raises(RecordNotFound, match="Visite introuvable"):
        store.purge([("visits", "inconnue")])


def test_a_purge_rolled_back_keeps_every_file(workspace, furnished, monkeypatch):
    """The files go only after the commit: a failing purge loses nothing."""
    venue, first, _ = furnished
    store = workspace.store
    store.delete_visit(first.id)
    before = files_of(workspace)

    def failing(self, digest):
        raise OSError("disque plein")

    monkeypatch.setattr(type(store), "_drop_media", failing)
    with pytest.raises(OSError):
        empty_trash(store, workspace.media)
    assert files_of(workspace) == before
    assert [item.id for item in store.list_trash()] == [first.id]
