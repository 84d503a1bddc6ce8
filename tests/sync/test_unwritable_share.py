"""A share this laptop can read but not write still brings the colleagues' work in.

Found by QA: laptop C, with a venue not yet published, on a read-only share, got
« Échec : … disque en lecture seule » and « Importé : 0 » although colleague A's records
were there. The share is made unwritable for real: a read-only bind mount (as root), or
folders without their write bits (see unwritable_share); a share full mid-pass is a
process whose files may not grow past 2 MB (RLIMIT_FSIZE), writing a 3 MB document.
"""

from __future__ import annotations

import json
import os
import shutil

from desktop.core.media.documents import DocumentLibrary
from desktop.core.sync.engine import colleagues
from desktop.core.sync.share import Share
from tests.headless import run_python
from tests.sync.unwritable_share import tree, unwritable


def _published(laptop) -> dict[str, str]:
    rows = laptop.workspace.db.conn.execute("SELECT record_id, tbl FROM sync_published")
    return dict(rows.fetchall())


def _own(laptop) -> Share:
    return Share(laptop.share_folder, laptop.store.author.device_id)


def test_a_read_only_share_brings_colleagues_work_and_keeps_ours_to_publish(laptops, share):
    alice, carol = laptops("alice"), laptops("carol")
    ferme = alice.store.create_venue({"name": "La Ferme de Chassagne"})
    alice.store.create_visit(ferme.id, "2026-11-20")
    assert alice.sync().ok
    atelier = carol.store.create_venue({"name": "L'Atelier de Carol"})  # never published
    carol_visit = carol.store.create_visit(atelier.id, "2026-11-25")
    before = tree(share)

    with unwritable(share):
        report = carol.sync(sheets=True)
        assert tree(share) == before  # not a byte written, no temp file left
    assert not report.ok and report.error == "", report.summary()
    assert "n'accepte pas l'écriture" in report.publish_error
    assert report.imported.created == 2  # Alice's venue and visit
    assert [v.name for v in carol.store.list_venues()] == [
        "L'Atelier de Carol",
        "La Ferme de Chassagne",
    ]
    assert report.pending == 2 and report.published.records == 0
    assert _published(carol) == {}  # nothing marked as published that was not written
    summary = report.summary()
    assert summary.startswith("Publication impossible : le dossier partagé n'accepte pas")
    assert "Échec" not in summary and "Importé : 2 nouveau(x)" in summary
    assert "celui de ce poste reste ici" in summary
    assert "En attente de publication : 2 élément(s)." in summary

    report = carol.sync(sheets=True)  # writable again: published at the next pass
    assert report.ok and report.published.records == 2 and report.pending == 0
    assert report.published.sheets == 1, report.summary()
    assert alice.sync().imported.created == 2
    assert alice.store.get_visit(carol_visit.id).venue_id == atelier.id


def test_a_laptop_that_published_before_imports_and_publishes_later(laptops, share):
    alice, carol = laptops("alice"), laptops("carol")
    atelier = carol.store.create_venue({"name": "L'Atelier"})
    assert carol.sync().ok and alice.sync().ok
    carol.store.update_venue(atelier.id, {"commune": "Aubusson"})
    alice.store.update_venue(atelier.id, {"name": "L'Atelier partagé"})
    assert alice.sync().ok
    own = _own(carol).record_path("venues", atelier.id)
    written = own.read_bytes()

    with unwritable(share):
        report = carol.sync(sheets=True)
    assert report.publish_error and report.imported.updated == 1, report.summary()
    assert carol.store.get_venue(atelier.id).name == "L'Atelier partagé"
    assert carol.store.get_venue(atelier.id).data["commune"] == "Aubusson"  # kept here
    assert own.read_bytes() == written and report.pending == 1

    assert carol.sync().ok and alice.sync().imported.updated == 1
    assert alice.store.get_venue(atelier.id).data["commune"] == "Aubusson"


def test_an_unplugged_share_is_still_a_failure_not_an_unwritable_one(laptops, tmp_path):
    carol = laptops("carol", share_folder=tmp_path / "lecteur-débranché")
    carol.store.create_venue({"name": "Hors ligne"})
    report = carol.sync()
    assert not report.ok and report.error and not report.publish_error
    assert report.summary().startswith("Échec : Dossier partagé introuvable")


FULL_MID_PASS = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY))
from desktop.entry import run
sys.exit(run(["--data-dir", {folder!r}, "sync", "--no-sheets"]))
"""


def test_a_share_full_mid_pass_keeps_what_was_written_and_imports(laptops, share, tmp_path):
    alice, carol = laptops("alice"), laptops("carol")
    alice.store.create_venue({"name": "La Ressourcerie"})
    assert alice.sync().ok
    atelier = carol.store.create_venue({"name": "L'Atelier"})
    carol.store.create_visit(atelier.id, "2026-11-25")
    scan = tmp_path / "statuts-scannés.pdf"  # 3 MB: more than the share takes any more
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(3_000_000) + b"\n%%EOF\n")
    DocumentLibrary(carol.store, carol.workspace.media).attach(atelier.id, scan, "statuts")
    carol.workspace.close()  # the command opens the data folder itself

    code = FULL_MID_PASS.format(limit=2_000_000, folder=str(tmp_path / "data-carol"))
    result = run_python(code)
    assert result.returncode == 1, result.stderr  # not everything was published
    out = result.stdout
    assert out.startswith("Publication impossible : le dossier partagé n'accepte pas")
    assert "fichier trop gros pour ce disque" in out and ".tmp" not in out  # the file meant
    assert "Publié : 2 enregistrement(s), 0 média(s)" in out  # the venue and the visit
    assert "Importé : 1 nouveau(x)" in out and "En attente de publication : 1" in out
    own = _own(carol).own
    assert not list(own.rglob("*.tmp")) and not list((own / "media").iterdir())
    assert len(list((own / "records").rglob("*.json"))) == 2

    carol = laptops("carol")  # room again: the document goes at the next pass
    assert [v.name for v in carol.store.list_venues()] == ["L'Atelier", "La Ressourcerie"]
    report = carol.sync()
    assert report.ok and report.published.records == 1 and report.published.media == 1
    assert alice.sync().imported.media_fetched == 1
    [document] = DocumentLibrary(alice.store, alice.workspace.media).list_documents(atelier.id)
    assert document.doc_type == "statuts"


def test_a_device_json_not_written_is_written_at_the_next_pass(laptops, share):
    """The records went, then device.json could not be written (a folder holds its name):
    colleagues would never learn who wrote them, as the next pass has no new record."""
    alice, carol = laptops("alice"), laptops("carol")
    alice.store.create_venue({"name": "La Ressourcerie"})
    assert alice.sync().ok
    carol.store.create_venue({"name": "L'Atelier"})
    in_the_way = _own(carol).own / "device.json"
    (in_the_way / "vieux").mkdir(parents=True)

    report = carol.sync()
    assert report.published.records == 1 and report.imported.created == 1
    assert report.publish_error.endswith(
        f"un dossier occupe la place du fichier ({in_the_way})."
    ), report.publish_error
    assert alice.sync().imported.created == 1
    assert [c.user_name for c in colleagues(alice.workspace)] == ["?"]

    shutil.rmtree(in_the_way)
    report = carol.sync()
    assert report.ok and report.published.records == 0, report.summary()
    assert json.loads(in_the_way.read_text("utf-8"))["user_name"] == "Carol"
    alice.sync()
    assert [c.user_name for c in colleagues(alice.workspace)] == ["Carol"]


def test_a_network_template_arrives_from_a_read_only_share(laptops, share):
    from tests.sync.network_template_files import drop, visit_sheet_v2

    alice, carol = laptops("alice"), laptops("carol")
    alice.store.create_venue({"name": "La Ressourcerie"})
    assert alice.sync().ok
    carol.store.create_venue({"name": "L'Atelier"})
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    with unwritable(share):
        report = carol.sync()
    assert report.publish_error and report.imported.created == 1
    assert [(i, v) for i, v, _t in report.templates.arrived] == [("visit-sheet", 2)]
    assert carol.workspace.templates.visit.version == 2
    assert "Modèle reçu du réseau" in report.summary()
