"""A large pass reads the share on worker processes (issue 15): it must give exactly what
the serial reading gives, down to the French reason of every file it skips."""

from __future__ import annotations

import json

import pytest

from desktop.core.sync import record_pool
from desktop.core.sync.record_pool import read_in_order
from desktop.core.sync.record_reading import PENDING, loaded, read_record_files
from desktop.core.sync.scan import Entry, list_share
from desktop.core.sync.share import TABLES, Share


@pytest.fixture
def odd_share(laptops):
    """Alice's venue and visits, plus every kind of file a share can hold by mistake."""
    alice = laptops("alice")
    venue = alice.store.create_venue({"name": "La Ressourcerie « Le Grenier »"})
    visits = [alice.store.create_visit(venue.id, f"2026-11-{day}") for day in (2, 9, 16)]
    alice.store.update_visit(visits[0].id, {"governance_notes": "Collège des usagers"})
    assert alice.sync().ok
    share = Share(alice.share_folder, alice.store.author.device_id)
    good = share.record_path("visits", visits[0].id)
    folder = good.parent
    document = json.loads(good.read_text("utf-8"))
    (folder / "vide.json").write_bytes(b"  \n")
    (folder / "coupe.json").write_bytes(good.read_bytes()[:200])
    (folder / "latin1.json").write_bytes('{"name": "Élise"}'.encode("latin-1"))
    wrong = json.loads(json.dumps(document))
    wrong["visits"][0]["stamps"] = "pas un objet"
    (folder / "schema.json").write_text(json.dumps(wrong), "utf-8")
    newer = json.loads(json.dumps(document)) | {"version": 99}
    (folder / "futur.json").write_text(json.dumps(newer), "utf-8")
    misplaced = share.record_path("venues", venue.id).read_bytes()
    (folder / "lieu-egare.json").write_bytes(misplaced)
    (folder / ".syncthing.x.json.tmp").write_bytes(b'{"form')
    (folder / f"{visits[1].id}.sync-conflict-20261120-101010-ABCDEFG.json").write_bytes(
        good.read_bytes()
    )
    return alice, share


def _escaping(share: Share) -> Entry:
    """A name that would lead out of the share (the listing never gives one; a reader
    handed one anyway must refuse it)."""
    (share.folder / "ailleurs.json").write_text("{}", "utf-8")
    return Entry("../ailleurs.json", share.device_id, "visits", "ailleurs.json", 2, 0)


def _reads(share: Share, threshold: int):
    entries = [e for e in list_share(share).entries if e.area in TABLES]
    todo = [(entry, None) for entry in [*entries, _escaping(share)]]
    chunks = (todo[i : i + 3] for i in range(0, len(todo), 3))  # several chunks in flight
    return [
        (entry.relative, read)
        for chunk, reads in read_in_order(share, chunks, len(todo), pool_threshold=threshold)
        for (entry, _), read in zip(chunk, reads, strict=True)
    ]


def test_the_pool_reads_what_the_serial_reading_reads(odd_share):
    _alice, share = odd_share
    serial, pooled = _reads(share, threshold=10**9), _reads(share, threshold=0)
    assert pooled == serial
    reasons = {path.rsplit("/", 1)[1]: read.reason for path, read in pooled}
    assert reasons["vide.json"] == "fichier vide (en cours de copie ?)"
    assert reasons["coupe.json"] == "JSON incomplet ou abîmé (en cours de copie ?)"
    assert reasons["latin1.json"] == "contenu illisible (pas de l'UTF-8)"
    assert reasons["schema.json"].startswith(
        "Le fichier n'est pas un export Carnet valide (à « visits/0/stamps » : "
    )
    assert reasons["futur.json"].startswith("Ce fichier vient d'une version plus récente")
    assert reasons["lieu-egare.json"] == "le contenu ne correspond pas au dossier où il se trouve"
    assert reasons[".syncthing.x.json.tmp"].startswith("ignoré : ")
    assert reasons["ailleurs.json"] == "illisible (chemin hors du dossier partagé : non suivi)"
    merged = [read for _path, read in pooled if read.status == PENDING]
    assert len(merged) == 1 + 3 + 1  # the venue, the three visits, the conflict copy
    assert all(loaded(read.data)[read.table] for read in merged)


def test_a_pass_on_the_pool_merges_and_skips_like_a_serial_pass(odd_share, laptops, monkeypatch):
    alice, _share = odd_share
    serial = laptops("bob", alice.share_folder)
    serial_report = serial.sync()
    monkeypatch.setattr(record_pool, "POOL_THRESHOLD", 0)  # this pass on worker processes
    pooled = laptops("carol", alice.share_folder)
    pooled_report = pooled.sync()
    assert pooled.state() == serial.state() == alice.state()
    assert sorted(pooled_report.skipped) == sorted(serial_report.skipped)
    assert len(pooled_report.skipped) >= 6
    assert pooled_report.imported.conflict_copies == serial_report.imported.conflict_copies
    assert pooled_report.imported.files_read == serial_report.imported.files_read


def test_a_file_or_folder_turned_into_a_link_after_the_listing_is_not_followed(odd_share, tmp_path):
    """The reader opens a file without following a link, and resolves its folder."""
    _alice, share = odd_share
    visits = [e for e in list_share(share).entries if e.area == "visits"]
    path = share.root / visits[0].relative
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / path.name).write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside / path.name)  # replaced by a link since it was listed
    [read] = read_record_files(share, [(visits[0], None)])
    assert (read.status, read.reason) == ("invalid", "illisible (lien symbolique : non suivi)")
    folder = path.parent
    folder.rename(tmp_path / "dossier")
    folder.symlink_to(outside, target_is_directory=True)  # the whole folder, elsewhere
    [read] = read_record_files(share, [(visits[0], None)])
    assert read.reason == "illisible (chemin hors du dossier partagé : non suivi)"


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 1), (3, 2), (4, 3), (16, 4)])
def test_the_readers_leave_a_core_to_the_writer(cores, expected):
    """The writer is a large pass's critical path: on two cores, a second reader kept it
    waiting for a core (README, « Performance »)."""
    assert record_pool.workers(cores) == expected
