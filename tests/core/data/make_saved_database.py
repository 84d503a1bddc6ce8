"""Make carnet-schema-vN.sqlite with the code of the commit that shipped schema N (3 to 15).

Run against that commit's code, never today's, so the file holds what that version wrote:

    git worktree add --detach /tmp/carnet-vN <commit>
    PYTHONPATH=/tmp/carnet-vN .venv/bin/python tests/core/data/make_saved_database.py N out.sqlite
    git worktree remove /tmp/carnet-vN

Commits: v3 f0a6d91, v4 198c675, v5 ce94862 (the last one shipping schema 5: it added
sync_prints to migration 5, and the sync that fills sync_index), v6 15d37de, v7 the
commit that added migration 7 (sync_prints for databases made before migration 5 had it),
v8 the commit that added migration 8 (purged ids; a venue with a visit purged from the trash),
v9 the commit that added migration 9 (the follow-up's derived tables, filled by triggers),
v10 the commit that added migration 10 (the search indexes' insert triggers stand aside for
a bulk insert), v11 the commit that added migration 11 (the overdue actions' covering index),
v12 the merge that added migration 12 (the dashboard's derived table figure_visits), v13 the
commit that added migration 13 (the follow-up's insert trigger stands aside for a bulk insert),
v14 the merge that added migration 14 (the Suivi's summary tables: counts per due date, each
venue's latest record), v15 the merge that added migration 15 (field_stamps indexed by device
alone).
Only each version's own API is used; the few differences between versions are spelt
out below. The file is checkpointed (no -wal beside it) before it is copied.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.forms.venue_directory import DirectoryEntry
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.directory_store import replace_directory
from desktop.core.storage.workspace import open_workspace

MOULIN_NOTES = "Équilibre fragile, économie de la contribution."
ACTIONS = [
    {"what": "Relancer la commune", "who": "Camille", "due": "2024-12-01", "status": "a_faire"},
    {"what": "Déposer le dossier « Fabrique de territoire »", "who": "Sami",
     "due": "2024-11-15", "status": "fait"},
]  # fmt: skip
DIRECTORY = [
    DirectoryEntry("42", "La Quincaillerie", "2 rue de la Gare", "23000", "Guéret", "23096",
                   None, "Coworking", 46.17, 1.87, "Nouvelle-Aquitaine", "23"),
    DirectoryEntry("43", "L'Atelier Œuvre", None, "87000", "Limoges", "87085",
                   "https://atelier.example", "Fablab", 45.83, 1.26, "Nouvelle-Aquitaine", "87"),
]  # fmt: skip


def set_setting(ws, key: str, value: str) -> None:
    if hasattr(ws, "set_setting"):
        ws.set_setting(key, value)
    else:  # before the data service (v3 to v5)
        from desktop.core.storage.workspace import set_meta

        set_meta(ws.db, key, value)


def opened(folder: Path, user: str):
    """A workspace whose user is named `user` (the name is read when it opens)."""
    ws = open_workspace(folder)
    set_setting(ws, "user_name", user)
    ws.close()
    return open_workspace(folder)


def fill_basics(ws, version: int) -> dict[str, str]:
    """Venues with accents, visits with text and actions, a trashed venue and visit."""
    store = ws.store
    moulin = store.create_venue(
        {"name": "Le Moulin Fabrique", "commune": "Felletin", "postal_code": "23500"}
    )
    ecluse = store.create_venue({"name": "Écluse", "commune": "Évaux-les-Bains"})
    oeuvre = store.create_venue({"name": "Œuvre commune", "commune": "Aubusson"})
    cafe = store.create_venue({"name": "Café Ô Champ", "commune": "Aubusson"})
    visit = store.create_visit(moulin.id, "2024-10-03")
    store.update_visit(visit.id, {
        "visit_type": "suivi", "economic_notes": MOULIN_NOTES, "legal_form": "scic",
        "decision_making": "Collège des usagers, réunion mensuelle à la salle des fêtes",
        "actions": ACTIONS,
    })  # fmt: skip
    store.update_visit(visit.id, {"legal_form": "association_loi_1901"})  # a second stamp
    later = store.create_visit(ecluse.id, "2025-02-11")
    store.update_visit(later.id, {"strengths": "Péniche amarrée, café associatif très fréquenté."})
    dropped = store.create_visit(ecluse.id, "2025-01-05")
    store.delete_visit(dropped.id)
    store.delete_venue(cafe.id)
    replace_directory(ws if version >= 6 else ws.db, DIRECTORY)
    return {"moulin": moulin.id, "ecluse": ecluse.id, "oeuvre": oeuvre.id, "cafe": cafe.id,
            "visit": visit.id, "later": later.id}  # fmt: skip


def jpeg(color: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(out, "JPEG", quality=70)
    return out.getvalue()


def fill_media(ws, ids: dict[str, str], folder: Path) -> None:
    """Two photos of the visit (one with rights filled, one trashed) and a venue's statutes."""
    from desktop.core.media.documents import DocumentLibrary
    from desktop.core.media.photos import PhotoLibrary

    photos = PhotoLibrary(ws.store, ws.media)
    files = [folder / "façade.jpg", folder / "atelier vélo.jpg"]
    files[0].write_bytes(jpeg((200, 120, 40)))
    files[1].write_bytes(jpeg((40, 120, 200)))
    first, second = (o.record_id for o in photos.attach_files(ids["visit"], files))
    photos.update_photo(first, {
        "caption": "Façade côté rivière, après les travaux", "taken_on": "2024-10-03",
        "identifiable_people": True, "consent": "Autorisation signée le 03/10/2024",
        "allowed_use": "reseau",
    })  # fmt: skip
    photos.delete_photo(second)
    documents = DocumentLibrary(ws.store, ws.media)
    statutes = folder / "Statuts signés.pdf"
    statutes.write_bytes(b"%PDF-1.4\n% Statuts de la SCIC\n%%EOF\n")
    document = documents.attach(ids["moulin"], statutes).record_id
    documents.update(document, {"doc_date": "2023-06-30"})


def fill_sync(ws, ids: dict[str, str], folder: Path, version: int):
    """Synced with Bob's laptop: a conflict, a venue of Bob's, the share's index.

    From v6, also a deletion made while Bob edited the venue, and Bob's clock two days
    ahead (clock_ahead).
    """
    from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine

    share = folder / "partage"
    share.mkdir()
    bob = opened(folder / "bob", "Bob")
    set_setting(ws, SHARED_FOLDER, str(share))
    set_setting(bob, SHARED_FOLDER, str(share))

    def sync(*laptops) -> None:
        for laptop in laptops:
            report = SyncEngine(laptop, share).run_pass(sheets=False)
            assert report.ok, report.error

    sync(ws, bob)
    bob.store.create_venue({"name": "La Grange à Bob", "commune": "Guéret"})
    ws.store.update_visit(
        ids["visit"], {"economic_notes": "Version de Camille : budget à l'équilibre."}
    )
    bob.store.update_visit(ids["visit"], {"economic_notes": "Version de Bob : déficit de 3 000 €."})
    if version >= 6:
        ws.store.delete_venue(ids["oeuvre"])
        bob.store.update_venue(ids["oeuvre"], {"postal_code": "23200"})
    sync(ws, bob, ws)
    if version >= 6:
        real = bob.service.now_ms
        bob.service.now_ms = lambda: real() + 2 * 86_400_000
        bob.store.update_visit(ids["later"], {"obstacles": "Crue de la Tardes en hiver."})
        sync(bob, ws)
    bob.close()
    set_setting(ws, SHARED_FOLDER, "")  # the temporary share is gone: no stale path


def fill_purge(ws) -> None:
    """A venue with a visit, trashed and purged: only their ids are left, in `purged`."""
    from desktop.core.storage.purge import empty_trash

    venue = ws.store.create_venue({"name": "Grenier éphémère", "commune": "Bourganeuf"})
    visit = ws.store.create_visit(venue.id, "2025-03-04")
    ws.store.update_visit(visit.id, {"strengths": "Rencontre avec Jeanne Martin"})
    ws.store.delete_venue(venue.id)
    empty_trash(ws.store, ws.media, [venue.id])


def checkpointed_copy(database: Path, out: Path) -> None:
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert not Path(f"{database}-wal").exists() or Path(f"{database}-wal").stat().st_size == 0
    shutil.copyfile(database, out)
    conn = sqlite3.connect(out)
    # Small in the repository (from v8 on); from v14 on in 1 KB pages: some 70 tables,
    # indexes and FTS shadow tables take a page each at least.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("VACUUM")
    conn.close()


def main(version: int, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = opened(folder / "camille", "Camille")
        ids = fill_basics(ws, version)
        if version >= 4:
            fill_media(ws, ids, folder)
        if version >= 5:
            fill_sync(ws, ids, folder, version)
        if version >= 8:
            fill_purge(ws)
        stored = ws.db.conn.execute("PRAGMA user_version").fetchone()[0]
        assert stored == version, f"this code writes schema {stored}, not {version}"
        ws.close()
        checkpointed_copy(folder / "camille" / DATABASE_NAME, out)
    print(f"schema v{version} saved to {out} at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
