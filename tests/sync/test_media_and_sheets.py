"""Photos and documents travel by hash, sheets land in Fiches/ with one writer each."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.share import Share


def jpeg(path: Path, colour=(40, 120, 200)) -> Path:
    Image.new("RGB", (900, 600), colour).save(path, "JPEG")
    return path


def _photos(laptop):
    return PhotoLibrary(laptop.store, laptop.workspace.media)


def test_shared_photos_arrive_and_photos_without_consent_stay(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "L'Atelier partagé"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    building, people = _photos(alice).attach_files(
        visit.id, [jpeg(tmp_path / "facade.jpg"), jpeg(tmp_path / "equipe.jpg", (200, 40, 40))]
    )
    _photos(alice).update_photo(
        building.record_id, {"caption": "La façade", "identifiable_people": False}
    )
    _photos(alice).update_photo(people.record_id, {"identifiable_people": True})
    assert alice.sync().ok
    report = bob.sync()
    assert report.ok and report.imported.media_fetched == 1 and not report.missing_media
    [arrived] = _photos(bob).list_photos(visit.id)
    assert arrived.caption == "La façade"
    assert Path(arrived.thumbnail).is_file() and Path(arrived.print_rendition).is_file()
    media = list((Share(alice.share_folder, alice.store.author.device_id).own / "media").iterdir())
    assert len(media) == 1  # the photo of people without consent never left the laptop

    _photos(alice).update_photo(people.record_id, {"consent": "Formulaire signé",
                                                   "allowed_use": "reseau"})  # fmt: skip
    alice.sync()
    bob.sync()
    assert len(_photos(bob).list_photos(visit.id)) == 2


def test_a_photo_record_before_its_file_is_reported_as_missing(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Garage"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    [outcome] = _photos(alice).attach_files(visit.id, [jpeg(tmp_path / "a.jpg")])
    _photos(alice).update_photo(outcome.record_id, {"identifiable_people": "non"})
    alice.sync()
    media_folder = Share(alice.share_folder, alice.store.author.device_id).own / "media"
    [media_file] = media_folder.iterdir()
    held = media_file.read_bytes()
    media_file.write_bytes(held[:100])  # still arriving
    report = bob.sync()
    assert len(report.missing_media) == 1
    media_file.write_bytes(held)
    report = bob.sync()
    assert report.missing_media == [] and report.imported.media_fetched == 1


def test_documents_travel(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Ressourcerie"})
    statuts = tmp_path / "statuts.pdf"
    statuts.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    DocumentLibrary(alice.store, alice.workspace.media).attach(venue.id, statuts, "statuts")
    alice.sync()
    assert bob.sync().imported.media_fetched == 1
    [document] = DocumentLibrary(bob.store, bob.workspace.media).list_documents(venue.id)
    assert document.doc_type == "statuts"


def test_sheets_are_published_once_by_their_owner_and_follow_changes(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Café: « Le Bon Coin » / Gare"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    report = alice.sync(sheets=True)
    assert report.published.sheets == 1
    sheets = Share(alice.share_folder, "x").sheets
    [pdf] = list(sheets.rglob("*.pdf"))
    assert pdf.parent.name == "Café « Le Bon Coin » Gare"
    assert pdf.name.startswith("2026-11-20 ") and "Alice" in pdf.name
    assert "Le Bon Coin" in PdfReader(pdf).pages[0].extract_text()
    before = pdf.stat().st_mtime_ns
    assert alice.sync(sheets=True).published.sheets == 0  # unchanged: not rewritten
    assert pdf.stat().st_mtime_ns == before

    bob.sync(sheets=True)
    assert bob.sync(sheets=True).published.sheets == 0  # Bob owns no visit
    bob.store.update_visit(visit.id, {"strengths": "Une équipe soudée"})
    bob.sync(sheets=True)
    assert alice.sync(sheets=True).published.sheets == 1  # the owner regenerates it
    assert "Une équipe soudée" in "".join(p.extract_text() for p in PdfReader(pdf).pages)

    alice.store.delete_visit(visit.id)
    alice.sync(sheets=True)
    assert list(sheets.rglob("*.pdf")) == []


def test_the_share_vanishes_then_returns(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Relais"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    hidden = share.parent / "débranché"
    share.rename(hidden)  # the drive is unplugged
    share.mkdir()  # its empty mount point stays behind
    alice.store.update_visit(visit.id, {"strengths": "Écrit hors ligne"})
    report = alice.sync()
    assert not report.ok and "débranché" in report.error and report.pending == 1
    report = bob.sync()
    assert not report.ok
    assert bob.store.get_visit(visit.id).deleted_at is None  # nothing deleted locally
    assert [v.name for v in bob.store.list_venues()] == ["Le Relais"]
    assert not (share / "Carnet").exists()  # nothing written onto the local disk
    share.rmdir()
    hidden.rename(share)  # back
    assert alice.sync().published.records == 1
    bob.sync()
    assert bob.store.get_visit(visit.id).data["strengths"] == "Écrit hors ligne"


def test_the_share_removed_mid_pass_loses_nothing(laptops, share, monkeypatch):
    alice = laptops("alice")
    venues = [alice.store.create_venue({"name": f"Lieu {n}"}) for n in range(5)]
    engine = SyncEngine(alice.workspace, share)
    original = engine.share.write
    written = []

    def write_then_vanish(path, data):  # the share's id file is written first, as usual
        if "records" in path.parts and len(written) == 2:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        if "records" in path.parts:
            written.append(path)
        original(path, data)

    monkeypatch.setattr(engine.share, "write", write_then_vanish)
    report = engine.run_pass(sheets=False)
    assert not report.ok and report.pending == 3
    assert len(alice.store.list_venues()) == 5
    report = alice.sync()
    assert report.ok and report.published.records == 3
    bob = laptops("bob")
    bob.sync()
    assert {v.id for v in bob.store.list_venues()} == {v.id for v in venues}


def test_a_laptop_refuses_a_share_that_holds_its_data(tmp_path):
    import pytest

    from desktop.core.storage.data_dir import DataDirError
    from desktop.core.sync.engine import check_shared_folder

    with pytest.raises(DataDirError, match="dossier partagé"):
        check_shared_folder(tmp_path / "partage" / "data", tmp_path / "partage")


def test_a_retired_laptops_sheets_are_handed_over(laptops):
    from desktop.core.sync.ownership import take_over_sheets

    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Cantine"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(sheets=True)
    bob.sync(sheets=True)
    assert bob.sync(sheets=True).published.sheets == 0
    assert take_over_sheets(bob.store, alice.store.author.device_id) == 1
    bob.store.update_visit(visit.id, {"strengths": "Repris par Bob"})
    assert bob.sync(sheets=True).published.sheets == 1  # Bob writes it from now on
    alice.sync(sheets=True)
    assert alice.store.get_visit(visit.id).owner_device == bob.store.author.device_id
    alice.store.update_visit(visit.id, {"obstacles": "Alice passe encore"})
    assert alice.sync(sheets=True).published.sheets == 0  # the old laptop no longer writes it


def test_a_file_gone_from_the_share_deletes_nothing(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Local"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.sync(), bob.sync()
    Share(alice.share_folder, alice.store.author.device_id).record_path("visits", visit.id).unlink()
    assert bob.sync().ok
    assert bob.store.get_visit(visit.id).deleted_at is None


def test_a_locked_target_is_retried(laptops, monkeypatch):
    import os

    alice = laptops("alice")
    alice.store.create_venue({"name": "Le Verrou"})
    real_replace, attempts = os.replace, []

    def locked_twice(source, target):
        attempts.append(target)
        if len(attempts) <= 2:
            raise PermissionError(13, "The process cannot access the file", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", locked_twice)
    report = alice.sync()
    assert report.ok and report.published.records == 1 and len(attempts) >= 3


def test_a_full_disk_stops_the_publishing_with_a_french_reason(laptops, monkeypatch):
    import errno

    from desktop.core.sync import share as share_module

    alice = laptops("alice")
    alice.store.create_venue({"name": "Le Disque Plein"})

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(share_module, "write_atomic", full)
    report = alice.sync()
    assert not report.ok and report.error == "" and report.pending == 1  # the import went on
    assert "disque plein" in report.publish_error
    monkeypatch.undo()
    assert alice.sync().published.records == 1


def test_a_documents_conflict_names_the_document_and_its_venue(laptops, tmp_path):
    from desktop.core.merge.conflicts import conflicts_as_json

    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Grange", "commune": "Felletin"})
    statuts = tmp_path / "statuts-2024.pdf"
    statuts.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    outcome = DocumentLibrary(alice.store, alice.workspace.media).attach(venue.id, statuts)
    assert alice.sync().ok and bob.sync().ok
    DocumentLibrary(alice.store, alice.workspace.media).update(
        outcome.record_id, {"doc_type": "reglement_interieur"}
    )
    DocumentLibrary(bob.store, bob.workspace.media).update(
        outcome.record_id, {"doc_type": "charte"}
    )
    assert alice.sync().ok and bob.sync().ok and alice.sync().ok
    [conflict] = [c for c in conflicts_as_json(alice.store) if c["table"] == "documents"]
    assert conflict["context"] == "Document « statuts-2024.pdf » — La Grange"
    assert (conflict["venue_id"], conflict["visit_id"]) == (venue.id, None)
