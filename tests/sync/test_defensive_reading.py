"""What sync clients leave in a shared folder never crashes a pass nor loses anything."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.sync.share import Share


@pytest.fixture
def published(laptops):
    """Alice has published a venue and a visit; Bob will read the share."""
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "Le Tiers-Lieu d'Ajain"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(visit.id, {"governance_notes": "Assemblée « ouverte »"})
    assert alice.sync().ok
    share = Share(alice.share_folder, alice.store.author.device_id)
    return alice, bob, share, venue, visit


def _visit_file(share, visit):
    return share.record_path("visits", visit.id)


TEMPORARY_NAMES = [
    ".syncthing.abc.json.tmp", "~syncthing~abc.json.tmp", ".abc.json.~1a2b3c", "abc.json.part",
    "abc.json.filepart", ".abc.json.Xy12Zq", "~$fiche.json", ".~lock.abc.json#", "desktop.ini",
    ".DS_Store",
]  # fmt: skip


def test_temporary_files_are_ignored_and_listed(published):
    alice, bob, share, venue, visit = published
    folder = share.record_path("visits", "x").parent
    for name in TEMPORARY_NAMES:
        (folder / name).write_bytes(b'{"format": "carnet-exch')  # half-downloaded
    report = bob.sync()
    assert report.ok
    ignored = {path.rsplit("/", 1)[1] for path, _ in report.ignored}
    assert ignored >= set(TEMPORARY_NAMES)
    assert bob.store.get_visit(visit.id).data["governance_notes"] == "Assemblée « ouverte »"


CONFLICT_COPIES = [
    "{id}.sync-conflict-20261120-101010-ABCDEFG.json",
    "{id} (conflicted copy 2026-11-20 101010).json",
    "{id} (Bob's conflicted copy 2026-11-20).json",
    "{id}-PORTABLE-BOB.json",
]


@pytest.mark.parametrize("pattern", CONFLICT_COPIES)
def test_conflict_copies_are_merged_and_reported(laptops, published, pattern):
    alice, bob, share, venue, visit = published
    original = _visit_file(share, visit)
    # the copy holds an edit that exists nowhere else (a sync client kept it aside)
    alice.store.update_visit(visit.id, {"strengths": "Un réseau de bénévoles solide"})
    alice.sync()
    copy = original.with_name(pattern.format(id=visit.id))
    shutil.copy(original, copy)
    alice.store.update_visit(visit.id, {"obstacles": "Bail précaire"})
    alice.sync()
    os.replace(copy, copy)  # (the copy stays; the original moves on)
    report = bob.sync()
    assert report.ok
    assert [p for p, _ in report.imported.conflict_copies] == [
        copy.relative_to(share.root).as_posix()
    ]
    data = bob.store.get_visit(visit.id).data
    assert data["strengths"] == "Un réseau de bénévoles solide"
    assert data["obstacles"] == "Bail précaire"


BROKEN = {
    "tronqué": lambda text: text[: len(text) // 2],
    "vide": lambda text: b"",
    "pas utf-8": lambda text: b"\xff\xfe\x00garbage\x80",
    "format plus récent": lambda text: text.replace(b'"version": 1', b'"version": 9'),
    "invalide": lambda text: text.replace(b'"visits": [', b'"visits": "oops", "x": ['),
}


@pytest.mark.parametrize("damage", BROKEN)
def test_a_broken_file_is_skipped_with_its_reason_then_retried(published, damage):
    alice, bob, share, venue, visit = published
    path = _visit_file(share, visit)
    good = path.read_bytes()
    path.write_bytes(BROKEN[damage](good))
    report = bob.sync()
    assert report.ok
    reasons = dict(report.skipped)
    relative = path.relative_to(share.root).as_posix()
    assert relative in reasons and reasons[relative]
    assert bob.store.list_venues()  # the venue's file was fine: it arrived
    with pytest.raises(RecordNotFound):
        bob.store.get_visit(visit.id)
    path.write_bytes(good)  # the sync client finishes its copy
    report = bob.sync()
    assert relative not in dict(report.skipped)
    assert bob.store.get_visit(visit.id).data["governance_notes"] == "Assemblée « ouverte »"


def test_a_newer_format_says_so(published):
    alice, bob, share, venue, visit = published
    path = _visit_file(share, visit)
    document = json.loads(path.read_text("utf-8"))
    document["version"] = 7
    path.write_text(json.dumps(document), "utf-8")
    reason = dict(bob.sync().skipped)[path.relative_to(share.root).as_posix()]
    assert "version plus récente" in reason


def test_symlinks_are_never_followed(published, tmp_path):
    alice, bob, share, venue, visit = published
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    secret = outside / "secret.json"
    secret.write_bytes(_visit_file(share, visit).read_bytes())
    folder = _visit_file(share, visit).parent
    (folder / "lien.json").symlink_to(secret)
    (share.devices / "intrus").symlink_to(outside, target_is_directory=True)
    report = bob.sync()
    assert report.ok
    skipped = dict(report.skipped)
    assert "lien symbolique" in skipped[f"{folder.relative_to(share.root).as_posix()}/lien.json"]
    assert "lien symbolique" in skipped["devices/intrus"]


def test_a_record_id_that_would_traverse_is_refused(published):
    alice, bob, share, venue, visit = published
    path = _visit_file(share, visit)
    document = json.loads(path.read_text("utf-8"))
    document["visits"][0]["id"] = "../../x"
    (path.parent / "traverse.json").write_text(json.dumps(document), "utf-8")
    report = bob.sync()
    assert report.ok
    assert "records/visits/traverse.json" in " ".join(dict(report.skipped))
    assert not (share.root.parent / "x").exists()


def test_a_file_written_slowly_is_never_imported_half_written(published):
    alice, bob, share, venue, visit = published
    path = _visit_file(share, visit)
    content = path.read_bytes()
    path.unlink()
    with open(path, "wb") as stream:  # a sync client copying in place, chunk by chunk
        for start in range(0, len(content), 97):
            stream.write(content[start : start + 97])
            stream.flush()
            report = bob.sync()
            assert report.ok
            done = start + 97 >= len(content)
            if not done:
                with pytest.raises(RecordNotFound):
                    bob.store.get_visit(visit.id)
    bob.sync()
    assert bob.store.get_visit(visit.id).data["governance_notes"] == "Assemblée « ouverte »"


def test_a_linked_folder_inside_a_device_is_one_ignored_entry(published, tmp_path):
    alice, bob, share, venue, visit = published
    outside = tmp_path / "ailleurs"
    (outside / "sub").mkdir(parents=True)
    for name in ("a.json", "b.json", "c.jpg"):
        (outside / name).write_text("{}")
    device = _visit_file(share, visit).parents[2]
    (device / "records" / "photos").symlink_to(outside, target_is_directory=True)
    colleague = share.devices / "colleague"
    colleague.mkdir()
    (colleague / "records").symlink_to(outside, target_is_directory=True)
    report = bob.sync()
    assert report.ok
    listed = [path for path, _ in report.skipped + report.ignored]
    assert dict(report.skipped)[f"{device.relative_to(share.root).as_posix()}/records/photos"]
    assert "devices/colleague/records" in listed
    assert not [p for p in listed if p.endswith(("/a.json", "/b.json", "/c.jpg", "/sub"))]
    indexed = [r[0] for r in bob.workspace.db.conn.execute("SELECT path FROM sync_index")]
    # (« /a.json »: a record whose hexadecimal id ends in « a » is no file from outside)
    assert not [p for p in indexed if p.endswith(("/a.json", "/b.json", "/c.jpg"))]


def test_a_nan_written_by_an_older_carnet_arrives_as_the_text_it_is(published):
    """Python wrote « nan » typed in a number field as the bare word NaN, which is no JSON:
    SQLite's json functions call it malformed. It arrives as the text « NaN », flagged in
    the number field, and the rest of the record with it; the database stays valid JSON."""
    alice, bob, share, venue, visit = published
    path = _visit_file(share, visit)
    document = json.loads(path.read_text("utf-8"))
    document["visits"][0]["data"]["staff_fte"] = float("nan")
    document["visits"][0]["data"]["volunteers"] = float("inf")
    path.write_text(json.dumps(document), "utf-8")
    assert "NaN" in path.read_text("utf-8")
    report = bob.sync()
    assert report.ok and not report.skipped
    arrived = bob.store.get_visit(visit.id)
    assert arrived.data["staff_fte"] == "NaN" and arrived.data["volunteers"] == "Infinity"
    assert arrived.data["governance_notes"] == "Assemblée « ouverte »"
    assert {"staff_fte", "volunteers"} <= set(arrived.errors)
    conn = bob.workspace.db.conn
    assert conn.execute("SELECT count(*) FROM visits WHERE NOT json_valid(data)").fetchone() == (0,)
