"""Erasing a person met: found everywhere, replaced by « [effacé] », on both laptops' data,
exports and sheets after one sync pass each."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.conflicts import list_conflicts
from desktop.core.merge.exchange import export_json
from desktop.core.pdf.service import make_sheet
from desktop.core.privacy.erasure import erase_person
from desktop.core.privacy.persons import find_person
from desktop.core.tabular import export_tables

PERSON = "Jeanne Martin"


def described_visit(alice, tmp_path):
    venue = alice.store.create_venue({"name": "Le Four à pain", "commune": "Eymoutiers"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(
        visit.id,
        {
            "people_met": [{"role": "Présidente", "name": "Jeanne Martin"}],
            "strengths": "JEANNE Martin anime le fournil ; Jeannette aide le samedi.",
            "actions": [
                {"what": "Envoyer le dossier", "who": "jéanne martin", "status": "a_faire"}
            ],
        },
    )
    Image.new("RGB", (300, 200), (120, 60, 20)).save(tmp_path / "four.jpg", "JPEG")
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    [photo] = photos.attach_files(visit.id, [tmp_path / "four.jpg"])
    photos.update_photo(
        photo.record_id, {"caption": "Jeanne Martin devant le four", "identifiable_people": False}
    )
    convention = tmp_path / "Convention Jeanne Martin.pdf"
    convention.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    DocumentLibrary(alice.store, alice.workspace.media).attach(venue.id, convention)
    return venue, visit, photo.record_id


def everything_said(laptop, visit_id: str, tmp_path: Path) -> str:
    """The data, the JSON and CSV exports and the sheets of a laptop, as one text."""
    folder = tmp_path / laptop.name
    folder.mkdir(exist_ok=True)
    export_json(laptop.store, folder / "export.json", include_private_photos=True)
    written = export_tables(laptop.store, folder / "export.csv", "csv").paths
    texts = [(folder / "export.json").read_text("utf-8")]
    texts += [Path(p).read_text("utf-8-sig") for p in written]
    for audience in ("interne", "reseau"):
        pdf = PdfReader(io.BytesIO(make_sheet(laptop.workspace, visit_id, audience).data))
        texts += [page.extract_text() for page in pdf.pages]
    rows = laptop.workspace.db.conn.execute("SELECT data FROM visits").fetchall()
    texts += [json.loads(r[0]).__repr__() for r in rows]
    return "\n".join(texts)


def shared_sheets_text(laptop) -> str:
    """The text of the sheets in the share's Fiches folder, as colleagues read them."""
    sheets = sorted((laptop.share_folder / "Carnet" / "Fiches").rglob("*.pdf"))
    assert sheets
    return "\n".join(page.extract_text() for path in sheets for page in PdfReader(path).pages)


def test_erasing_a_name_reaches_both_laptops_data_exports_and_sheets(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    _, visit, photo_id = described_visit(alice, tmp_path)
    assert alice.sync(sheets=True).ok and bob.sync(sheets=True).ok
    assert "Jeanne Martin" in everything_said(bob, visit.id, tmp_path)
    assert "Martin" in shared_sheets_text(alice)

    shared = {
        ("visits", "strengths"),
        ("visits", "actions"),
        ("photos", "caption"),
        ("documents", "original_name"),
    }
    held_here = find_person(alice.store, "jeanne martin")
    assert {(m.table, m.field) for m in held_here} == shared | {("visits", "people_met")}
    held = find_person(bob.store, "jeanne martin")  # the names of people met stay home
    assert {(m.table, m.field) for m in held} == shared
    strengths = next(m for m in held if m.field == "strengths")
    assert strengths.venue == "Le Four à pain" and strengths.visit_date == "2026-11-20"
    assert strengths.excerpt.startswith("JEANNE Martin anime")

    erasure = erase_person(alice.store, "Jeanne Martin")
    assert erasure.records == {"visits": 1, "photos": 1, "documents": 1}
    assert erasure.occurrences == 5
    assert alice.sync(sheets=True).ok and bob.sync(sheets=True).ok
    assert "Martin" not in shared_sheets_text(alice) and "[effacé]" in shared_sheets_text(alice)

    for laptop in (alice, bob):
        said = everything_said(laptop, visit.id, tmp_path)
        assert "Martin" not in said and "MARTIN" not in said
        assert "[effacé]" in said
        assert "Jeannette aide le samedi" in said  # another person's name is untouched
        assert find_person(laptop.store, "Jeanne Martin") == []
    assert alice.visit_data(visit.id)["people_met"] == [{"role": "Présidente", "name": "[effacé]"}]
    assert bob.visit_data(visit.id)["actions"][0]["who"] == "[effacé]"
    photo = PhotoLibrary(bob.store, bob.workspace.media).get_photo(photo_id)
    assert photo.caption == "[effacé] devant le four"
    [document] = DocumentLibrary(bob.store, bob.workspace.media).list_documents(visit.venue_id)
    assert document.original_name == "Convention [effacé].pdf"


def test_a_name_kept_in_a_conflict_and_in_the_trash_is_found_and_erased(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Cantine"})
    visit = alice.store.create_visit(venue.id, "2026-11-21")
    alice.sync()
    bob.sync()
    alice.store.update_visit(visit.id, {"obstacles": "Départ de Paul Durand"})
    bob.store.update_visit(visit.id, {"obstacles": "Paul Durand en arrêt"})
    alice.sync()
    bob.sync()
    alice.sync()
    trashed = alice.store.create_visit(venue.id, "2026-10-01")
    alice.store.update_visit(trashed.id, {"strengths": "Accueil par Paul Durand"})
    alice.store.delete_visit(trashed.id)

    alice.sync()  # the trashed visit is shared too
    bob.sync()
    held = find_person(alice.store, "paul durand")
    assert any(m.conflict for m in held)
    assert any(m.in_trash and m.id == trashed.id for m in held)
    erasure = erase_person(alice.store, "Paul Durand")
    assert erasure.conflicts == 1 and erasure.records == {"visits": 2}
    assert find_person(alice.store, "Paul Durand") == []
    [conflict] = list_conflicts(alice.store)  # still to review, the name erased from both
    assert "[effacé]" in conflict.current.value and "[effacé]" in conflict.other.value
    alice.sync()
    bob.sync()
    assert find_person(bob.store, "Paul Durand") == []
    assert [c for c in list_conflicts(bob.store) if c.record_id == trashed.id] == []
    assert [c for c in list_conflicts(alice.store) if c.record_id == trashed.id] == []
    # The conflict is still open on Bob's laptop too, the same one, without the name.
    assert _open(bob) == _open(alice) == {(visit.id, "Départ de [effacé]", "[effacé] en arrêt")}
    for laptop in (alice, bob):  # nor in the versions kept aside that are not listed
        kept = laptop.workspace.db.conn.execute("SELECT value FROM sync_conflicts").fetchall()
        assert kept and not any("Durand" in value for (value,) in kept)


def _open(laptop) -> set[tuple]:
    return {
        (c.record_id, c.other.value, c.current.value)
        for c in list_conflicts(laptop.store)
        if c.field == "obstacles"
    }


def test_a_name_in_a_version_kept_aside_but_not_in_conflict_is_found_and_erased(laptops):
    """Bob read Alice's text and wrote over it: no conflict, but her version stays kept
    aside by the sync (a later concurrent edit would be judged against it). The person
    search finds the name there, and the erasure rewrites it there and, with Bob's file
    written again, in Alice's copy too."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Grange"})
    visit = alice.store.create_visit(venue.id, "2026-11-22")
    alice.store.update_visit(visit.id, {"strengths": "Réunion avec Marc Petit"})
    alice.sync()
    bob.sync()
    bob.store.update_visit(visit.id, {"strengths": "Réunion reportée"})
    assert bob.sync().ok and alice.sync().ok  # Bob's file is written: his edit is shared
    assert list_conflicts(bob.store) == list_conflicts(alice.store) == []
    [held] = find_person(bob.store, "Marc Petit")
    assert held.conflict and held.field == "strengths"
    assert held.field_title.endswith("(version remplacée, gardée)")
    erasure = erase_person(bob.store, "Marc Petit")
    assert (erasure.occurrences, erasure.conflicts, erasure.kept_aside) == (0, 0, 1)
    assert find_person(bob.store, "Marc Petit") == []
    assert list_conflicts(bob.store) == []
    assert bob.sync().ok and alice.sync().ok  # Alice kept her version aside too: rewritten
    for laptop in (alice, bob):
        kept = laptop.workspace.db.conn.execute("SELECT value FROM sync_conflicts").fetchall()
        assert kept and not any("Petit" in value for (value,) in kept)
        assert find_person(laptop.store, "Marc Petit") == []
