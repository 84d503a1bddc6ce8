"""The trash: restoring each kind of record, where it belongs, and the live venue count."""

import pytest
from PIL import Image

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import TrashItem
from desktop.core.storage.trash import Place, count_live_venues, place_of, restore

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def trashed(store, kind: str) -> TrashItem:
    return next(item for item in store.list_trash() if item.kind == kind)


def test_a_venue_and_a_visit_come_back_where_they_belong(store, venue, visit):
    store.delete_visit(visit.id)
    item = trashed(store, "visit")
    assert place_of(store, item) == Place(venue.id, visit.id)
    restore(store, item)
    assert [v.id for v in store.list_visits(venue.id)] == [visit.id]
    store.delete_venue(venue.id)
    item = trashed(store, "venue")
    assert place_of(store, item) == Place(venue.id)
    restore(store, item)
    assert [v.id for v in store.list_venues()] == [venue.id]


def test_a_photo_belongs_to_its_visit_and_a_document_to_its_venue(
    workspace, venue, visit, tmp_path
):
    store = workspace.store
    Image.new("RGB", (40, 30), (10, 90, 10)).save(tmp_path / "cour.jpg")
    (tmp_path / "statuts.pdf").write_bytes(PDF)
    photo_library = PhotoLibrary(store, workspace.media)
    photo_id = photo_library.attach_files(visit.id, [tmp_path / "cour.jpg"])[0].record_id
    documents = DocumentLibrary(store, workspace.media)
    document_id = documents.attach(venue.id, tmp_path / "statuts.pdf").record_id
    photo_library.delete_photo(photo_id)
    documents.delete(document_id)
    photo, document = trashed(store, "photo"), trashed(store, "document")
    assert place_of(store, photo) == Place(venue.id, visit.id)
    assert place_of(store, document) == Place(venue.id)
    restore(store, photo)
    restore(store, document)
    assert [p.id for p in photo_library.list_photos(visit.id)] == [photo_id]
    assert [d.id for d in documents.list_documents(venue.id)] == [document_id]
    assert store.list_trash() == []


def test_an_unknown_record_has_no_place(store):
    with pytest.raises(RecordNotFound):
        place_of(store, TrashItem("photo", "nope", "", ""))


def test_the_count_leaves_out_trashed_venues(store, venue):
    store.create_venue({"name": "La Forge", "commune": "Tulle"})
    assert count_live_venues(store) == 2
    store.delete_venue(venue.id)
    assert count_live_venues(store) == 1
