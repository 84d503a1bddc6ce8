"""Attaching photos to a visit: batches with bad files, duplicates, rights, a full disk."""

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.media.photos import PhotoLibrary, may_share, split_for_audience
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def has_gps(data: bytes) -> bool:
    """True if the image's EXIF holds a non-empty GPS directory."""
    return bool(Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825))


def jpeg(path: Path, size=(800, 600), colour=(40, 120, 200), noise=False, exif=None) -> Path:
    image = Image.new("RGB", size, colour)
    if noise:
        image = Image.merge("RGB", [Image.effect_noise(size, 90).convert("L")] * 3)
    image.save(path, "JPEG", quality=95, exif=exif or Image.Exif())
    return path


@pytest.fixture
def setup(tmp_path):
    workspace = open_workspace(tmp_path / "data")
    venue = workspace.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = workspace.store.create_visit(venue.id, "2025-02-11")
    yield workspace, PhotoLibrary(workspace.store, workspace.media), visit.id, tmp_path
    workspace.close()


def bad_batch(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    good = jpeg(folder / "facade.jpg", colour=(200, 30, 30))
    data = good.read_bytes()
    files = {
        "good": good,
        "good2": jpeg(folder / "atelier.jpg", colour=(30, 200, 30)),
        "truncated": folder / "tronquee.jpg",
        "not_image": folder / "notes.jpg",
        "empty": folder / "vide.jpg",
        "bomb": folder / "bombe.png",
        "unsupported": folder / "plan.bmp",
        "vanished": folder / "disparue.jpg",
    }
    files["truncated"].write_bytes(data[: len(data) // 2])
    files["not_image"].write_text("Compte rendu de la réunion", "utf-8")
    files["empty"].write_bytes(b"")
    Image.new("1", (20_000, 20_000)).save(files["bomb"])  # 400 Mpx, a few KB on disk
    Image.new("RGB", (10, 10)).save(files["unsupported"])
    return files


def test_a_batch_with_every_kind_of_bad_file_attaches_the_good_ones(setup):
    workspace, library, visit_id, tmp_path = setup
    files = bad_batch(tmp_path / "lot")
    order = list(files.values())
    outcomes = library.attach_files(visit_id, order)
    by_name = {o.name: o for o in outcomes}
    assert [o.name for o in outcomes] == [p.name for p in order]  # reported in order
    assert by_name["facade.jpg"].status == by_name["atelier.jpg"].status == "attached"
    expected = {
        "tronquee.jpg": "",
        "notes.jpg": "",
        "vide.jpg": "vide",
        "bombe.png": "",
        "plan.bmp": "format",
        "disparue.jpg": "disparu",
    }
    for name, word in expected.items():
        outcome = by_name[name]
        assert outcome.status == "refused", name
        assert name in outcome.message and word in outcome.message, outcome.message
    photos = library.list_photos(visit_id)
    assert [p.original_name for p in photos] == ["facade.jpg", "atelier.jpg"]
    for photo in photos:
        assert Path(photo.thumbnail).is_file() and Path(photo.print_rendition).is_file()
    leftovers = [p for p in workspace.media.root.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_the_same_photo_twice_is_stored_once_and_reported_as_duplicate(setup):
    workspace, library, visit_id, tmp_path = setup
    photo = jpeg(tmp_path / "IMG_0001.jpg")
    copy = tmp_path / "copie.jpg"
    copy.write_bytes(photo.read_bytes())
    first = library.attach_files(visit_id, [photo])
    second = library.attach_files(visit_id, [copy, photo])
    assert first[0].status == "attached"
    assert [o.status for o in second] == ["duplicate", "duplicate"]
    assert "doublon" in second[0].message
    assert len(library.list_photos(visit_id)) == 1
    originals = list((workspace.media.root / "originals").rglob("*.jpg"))
    assert len(originals) == 1 and originals[0].read_bytes() == photo.read_bytes()


def test_a_photo_attached_to_two_visits_is_stored_once(setup):
    workspace, library, visit_id, tmp_path = setup
    other = workspace.store.create_visit(workspace.store.get_visit(visit_id).venue_id, "2025-06-01")
    photo = jpeg(tmp_path / "IMG_0002.jpg")
    library.attach_files(visit_id, [photo])
    assert library.attach_files(other.id, [photo])[0].status == "attached"
    assert len(list((workspace.media.root / "originals").rglob("*.jpg"))) == 1


def test_a_folder_is_attached_with_its_photos(setup):
    _, library, visit_id, tmp_path = setup
    folder = tmp_path / "DCIM"
    (folder / "100APPLE").mkdir(parents=True)
    jpeg(folder / "a.jpg", colour=(1, 2, 3))
    jpeg(folder / "100APPLE" / "b.jpg", colour=(9, 8, 7))
    (folder / ".DS_Store").write_bytes(b"\0")
    outcomes = library.attach_files(visit_id, [folder])
    assert sorted(o.name for o in outcomes) == ["a.jpg", "b.jpg"]
    assert all(o.status == "attached" for o in outcomes)


def test_gps_is_stripped_from_renditions_and_kept_in_the_original(setup):
    workspace, library, visit_id, tmp_path = setup
    exif = Image.Exif()
    exif[0x013B] = "Camille Martin"  # Artist: the camera owner
    exif.get_ifd(0x8825).update({1: "N", 2: (45.0, 52.0, 3.5), 3: "E", 4: (2.0, 10.0, 1.0)})
    photo = jpeg(tmp_path / "gps.jpg", exif=exif)
    before = photo.read_bytes()
    assert has_gps(before)
    outcome = library.attach_files(visit_id, [photo])[0]
    stored = library.get_photo(outcome.record_id)
    for rendition in (stored.thumbnail, stored.print_rendition):
        data = Path(rendition).read_bytes()
        assert not has_gps(data)
        assert dict(Image.open(io.BytesIO(data)).getexif()) == {}
    assert has_gps(library.original_path(stored).read_bytes())
    assert photo.read_bytes() == before


def test_editing_a_photo_is_stamped_and_checked(setup):
    workspace, library, visit_id, tmp_path = setup
    photo_id = library.attach_files(visit_id, [jpeg(tmp_path / "p.jpg")])[0].record_id
    result = library.update_photo(
        photo_id, {"caption": "Façade côté cour", "identifiable_people": True}
    )
    assert set(result.changed) == {"caption", "identifiable_people"}
    stamps = workspace.store.field_stamps(photo_id)
    assert stamps["caption"]["device_id"] == workspace.store.author.device_id
    library.update_photo(photo_id, {"taken_on": "11/02/2025"})  # typed the French way
    assert library.get_photo(photo_id).taken_on == "2025-02-11"
    for unreadable in ("31/02/2025", "2025-02-31", "hier"):  # never another date
        with pytest.raises(ValueError, match="JJ/MM/AAAA"):
            library.update_photo(photo_id, {"taken_on": unreadable})
    assert library.get_photo(photo_id).taken_on == "2025-02-11"
    with pytest.raises(ValueError, match="Usage autorisé"):
        library.update_photo(photo_id, {"allowed_use": "partout"})
    assert library.get_photo(photo_id).caption == "Façade côté cour"


def test_reordering_changes_only_the_moved_photo(setup):
    _, library, visit_id, tmp_path = setup
    names = ["un.jpg", "deux.jpg", "trois.jpg"]
    paths = [jpeg(tmp_path / n, colour=(i * 60, 10, 10)) for i, n in enumerate(names)]
    library.attach_files(visit_id, paths, workers=1)
    third = library.list_photos(visit_id)[2]
    library.move_photo(third.id, 0)
    assert [p.original_name for p in library.list_photos(visit_id)] == [
        "trois.jpg", "un.jpg", "deux.jpg",
    ]  # fmt: skip


def test_consent_rules_decide_what_leaves_the_laptop(setup):
    _, library, visit_id, tmp_path = setup
    ids = [o.record_id for o in library.attach_files(
        visit_id, [jpeg(tmp_path / f"{n}.jpg", colour=(n * 40, 0, 0)) for n in range(4)])]  # fmt: skip
    library.update_photo(ids[0], {"identifiable_people": False})
    library.update_photo(ids[1], {"identifiable_people": True})  # no consent
    library.update_photo(ids[2], {"identifiable_people": True, "consent": "Formulaire signé",
                                  "allowed_use": "reseau"})  # fmt: skip
    library.update_photo(ids[3], {"identifiable_people": True, "consent": "Mail du 3 mars",
                                  "allowed_use": "public"})  # fmt: skip
    photos = {p.id: p for p in library.list_photos(visit_id)}
    assert photos[ids[1]].lacks_consent
    kept, left = split_for_audience(photos.values(), "reseau")
    assert {p.id for p in left} == {ids[1]}
    kept, left = split_for_audience(photos.values(), "public")
    assert {p.id for p in left} == {ids[1], ids[2]}
    assert all(may_share(p, "interne") for p in photos.values())


def test_a_disk_that_fills_up_mid_batch_leaves_nothing_half_written(setup):
    workspace, _, visit_id, tmp_path = setup
    workspace.close()
    small = [jpeg(tmp_path / f"petite{i}.jpg", colour=(i * 50, 90, 90)) for i in range(3)]
    big = jpeg(tmp_path / "grande.jpg", size=(2600, 2000), noise=True)
    assert big.stat().st_size > 2_500_000
    limit = 2_000_000  # bytes per file: the big original cannot be written
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"  # EFBIG instead of a kill
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from desktop.cli import run\n"
        "sys.exit(run(sys.argv[1:]))\n"
    )
    files = [str(small[0]), str(big), str(small[1]), str(small[2])]
    result = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(tmp_path / "data"), "attach", visit_id,
         *files],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "CARNET_NO_BOOTSTRAP": "1"},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("refusée : grande.jpg") and "trop gros" in line for line in lines)
    assert sum(line.startswith("jointe :") for line in lines) == 3
    with sqlite3.connect(tmp_path / "data" / DATABASE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in db.execute("SELECT original_name FROM photos ORDER BY position")]
        hashes = {r[0] for r in db.execute("SELECT sha256 FROM photos")}
    assert sorted(names) == ["petite0.jpg", "petite1.jpg", "petite2.jpg"]
    media = tmp_path / "data" / "media"
    on_disk = {p.name.split(".")[0] for p in media.rglob("*") if p.is_file()}
    assert on_disk == hashes  # nothing of the big photo, no temp file
    assert json.loads(json.dumps(lines))  # printable, one line per file


def test_an_export_leaves_out_photos_without_consent_unless_asked(setup):
    from desktop.core.merge.exchange import export_document, import_document

    workspace, library, visit_id, tmp_path = setup
    ids = [o.record_id for o in library.attach_files(
        visit_id, [jpeg(tmp_path / f"e{n}.jpg", colour=(n * 70, 5, 5)) for n in range(3)])]  # fmt: skip
    library.update_photo(ids[0], {"identifiable_people": True})  # no consent
    library.update_photo(
        ids[1], {"identifiable_people": True, "consent": "Signée", "allowed_use": "reseau"}
    )
    library.update_photo(ids[2], {"caption": "Le bâtiment", "identifiable_people": False})
    shared = export_document(workspace.store)
    assert {p["id"] for p in shared["photos"]} == {ids[1], ids[2]}
    assert shared["photos_left_out"] == 1
    private = export_document(workspace.store, include_private_photos=True)
    assert {p["id"] for p in private["photos"]} == set(ids)
    other = open_workspace(tmp_path / "collegue")
    import_document(other.store, shared)
    received = PhotoLibrary(other.store, other.media).list_photos(visit_id)
    assert {p.id for p in received} == {ids[1], ids[2]}
    assert {p.caption for p in received} == {"", "Le bâtiment"}
    other.close()
