"""Two laptops and a share: what a person would receive after rights change.

Each rule is checked on the outputs: the files of the shared folder, the colleague's
pictures on disk, and the sheets (PDF text and images) of each audience.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.core.media.photos import PhotoLibrary
from desktop.core.pdf.service import make_sheet
from desktop.core.sync.share import Share

COLOURS = [(200, 40, 40), (40, 200, 40), (40, 40, 200), (200, 200, 40)]


def jpeg_bytes(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def photos(laptop) -> PhotoLibrary:
    return PhotoLibrary(laptop.store, laptop.workspace.media)


def sheet(laptop, visit_id, audience):
    reader = PdfReader(io.BytesIO(make_sheet(laptop.workspace, visit_id, audience).data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    images = [i for page in reader.pages for i in page.images if i.image.size == (640, 480)]
    return text, len(images)  # the photos, not the network's logo


def share_files(laptop) -> list[Path]:
    root = Share(laptop.share_folder, laptop.store.author.device_id).root
    return [p for p in root.rglob("*") if p.is_file()]


def shared_media(laptop) -> list[Path]:
    folder = Share(laptop.share_folder, laptop.store.author.device_id).own / "media"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def visit(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Fabrique du Moulin"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    return alice, bob, visit.id


def attach(laptop, visit_id, caption, colour, **rights) -> str:
    outcome = photos(laptop).attach_bytes(visit_id, jpeg_bytes(colour), f"{caption}.jpg")
    photos(laptop).update_photo(outcome.record_id, {"caption": caption, **rights})
    return outcome.record_id


def test_consent_withdrawn_after_sharing_leaves_no_picture_anywhere(visit):
    alice, bob, visit_id = visit
    group = attach(alice, visit_id, "Groupe des bénévoles", COLOURS[0], identifiable_people=True,
                   consent="Formulaire signé", allowed_use="public")  # fmt: skip
    assert alice.sync().ok and bob.sync().ok
    assert len(shared_media(alice)) == 1
    assert sheet(bob, visit_id, "public")[1] == 1

    photos(alice).update_photo(group, {"consent": ""})  # the person withdrew
    report = alice.sync()
    assert report.published.withdrawn == 1 and report.published.media_removed == 1
    assert shared_media(alice) == []
    shared_text = "".join(p.read_text("utf-8", "replace") for p in share_files(alice))
    assert "Groupe des bénévoles" not in shared_text and "Formulaire signé" not in shared_text

    report = bob.sync()
    assert report.imported.media_forgotten == 1
    [copy] = photos(bob).list_photos(visit_id)
    assert not Path(copy.print_rendition).exists() and not Path(copy.thumbnail).exists()
    for audience in ("reseau", "public"):
        text, images = sheet(bob, visit_id, audience)
        assert images == 0 and "Groupe des bénévoles" not in text
    assert bob.sync().imported.media_fetched == 0  # never fetched again


def test_an_unreviewed_photo_never_reaches_the_share(visit):
    alice, bob, visit_id = visit
    outcome = photos(alice).attach_bytes(visit_id, jpeg_bytes(COLOURS[1]), "atelier.jpg")
    assert photos(alice).get_photo(outcome.record_id).identifiable_people is None
    assert alice.sync(sheets=True).ok
    assert shared_media(alice) == []
    assert not any("photos" in p.parts for p in share_files(alice))
    bob.sync()
    assert photos(bob).list_photos(visit_id) == []
    text, images = sheet(alice, visit_id, "reseau")
    assert images == 0 and "droit à l'image non vérifié" in text
    assert sheet(alice, visit_id, "interne")[1] == 1  # still printed for ourselves


def test_a_network_photo_never_reaches_a_public_sheet(visit):
    alice, bob, visit_id = visit
    attach(alice, visit_id, "Façade du moulin", COLOURS[2], identifiable_people=False,
           allowed_use="reseau")  # fmt: skip
    alice.sync()
    bob.sync()
    for laptop in (alice, bob):
        assert sheet(laptop, visit_id, "reseau")[1] == 1
        text, images = sheet(laptop, visit_id, "public")
        assert images == 0 and "Façade du moulin" not in text


def test_network_notes_and_names_never_reach_a_public_sheet_or_the_share(visit):
    alice, bob, visit_id = visit
    alice.store.update_visit(visit_id, {
        "governance_notes": "Risque d'épuisement signalé chez la coordinatrice",
        "people_met": [{"role": "Coordinatrice", "name": "Jeanne Dupont"}],
        "strengths": "Un collectif soudé",
    })  # fmt: skip
    alice.sync()
    bob.sync()
    shared_text = "".join(p.read_text("utf-8", "replace") for p in share_files(alice))
    assert "Jeanne Dupont" not in shared_text  # a name stays on the laptop that met her
    assert "Risque d'épuisement" in shared_text  # a network note goes to the network
    text = sheet(bob, visit_id, "public")[0]
    assert "Un collectif soudé" in text
    assert "épuisement" not in text and "Coordinatrice" not in text
    assert "épuisement" in sheet(bob, visit_id, "reseau")[0]
    assert "Jeanne Dupont" in sheet(alice, visit_id, "interne")[0]
    assert "Jeanne Dupont" not in sheet(bob, visit_id, "interne")[0]


def test_a_colleagues_edit_of_a_hidden_field_is_kept_by_its_owner(visit):
    """Leaving a field out of the share must never read as « erase it » on the other side."""
    alice, bob, visit_id = visit
    alice.store.update_visit(visit_id, {"people_met": [{"role": "Trésorier", "name": "Karim"}]})
    alice.sync()
    bob.sync()
    bob.store.update_visit(visit_id, {"strengths": "Ateliers vélo"})
    bob.sync()
    alice.sync()
    data = alice.visit_data(visit_id)
    assert data["strengths"] == "Ateliers vélo"
    assert data["people_met"] == [{"role": "Trésorier", "name": "Karim"}]


def test_a_deleted_photo_leaves_the_share_and_the_colleagues_disk(visit):
    alice, bob, visit_id = visit
    photo = attach(alice, visit_id, "Atelier couture", COLOURS[3], identifiable_people=False)
    alice.sync()
    bob.sync()
    assert Path(photos(bob).list_photos(visit_id)[0].print_rendition).is_file()
    photos(alice).delete_photo(photo)
    alice.sync()
    assert shared_media(alice) == []
    bob.sync()
    assert photos(bob).list_photos(visit_id) == []
    assert not any(bob.workspace.media.root.rglob("*.jpg"))


def test_a_photo_shown_again_comes_back(visit):
    alice, bob, visit_id = visit
    photo = attach(alice, visit_id, "Chantier", COLOURS[0], identifiable_people=False)
    alice.sync()
    bob.sync()
    photos(alice).update_photo(photo, {"allowed_use": "interne"})
    alice.sync()
    bob.sync()
    assert sheet(bob, visit_id, "reseau")[1] == 0
    photos(alice).update_photo(photo, {"allowed_use": "public"})
    alice.sync()
    assert bob.sync().imported.media_fetched == 1
    assert sheet(bob, visit_id, "public")[1] == 1


def test_files_in_the_share_follow_the_users_umask(visit):
    alice, _, visit_id = visit
    attach(alice, visit_id, "Façade", COLOURS[1], identifiable_people=False)
    previous = os.umask(0o022)
    try:
        alice.sync(sheets=True)
    finally:
        os.umask(previous)
    modes = {oct(p.stat().st_mode & 0o777) for p in share_files(alice)}
    assert modes == {"0o644"}


def test_a_deleted_visit_takes_its_pictures_out_of_the_share(visit):
    alice, bob, visit_id = visit
    attach(alice, visit_id, "Repas partagé", COLOURS[2], identifiable_people=False)
    alice.sync()
    bob.sync()
    alice.store.set_deleted("visits", visit_id, "2026-11-30T10:00:00")
    alice.sync()
    assert shared_media(alice) == []
    shared_text = "".join(p.read_text("utf-8", "replace") for p in share_files(alice))
    assert "Repas partagé" not in shared_text
    assert bob.sync().imported.media_forgotten == 1


def test_what_is_kept_home_is_not_written_again_at_every_pass(visit):
    """A record whose shared part leaves fields out is still « published as it is »."""
    alice, _, visit_id = visit
    alice.store.update_visit(visit_id, {"people_met": [{"role": "Trésorier", "name": "Karim"}]})
    photo = attach(alice, visit_id, "Atelier", COLOURS[0], identifiable_people=False)
    alice.sync()
    photos(alice).update_photo(photo, {"allowed_use": "interne"})
    assert alice.sync().published.records == 1  # the withdrawal, once
    for _ in range(2):
        report = alice.sync()
        assert report.published.records == 0 and report.pending == 0
