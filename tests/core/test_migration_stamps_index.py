"""Migration 15: field_stamps' index by device keys on the device alone; no row changes."""

import shutil
import sqlite3

from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.data_service import migrate
from desktop.core.storage.db import connect, integrity_problems, schema_version
from desktop.core.storage.workspace import open_workspace
from desktop.core.sync import publish
from desktop.core.sync.engine import SyncEngine
from tests.core.test_migrations import saved

EVERY_STAMP = "SELECT rowid, * FROM field_stamps ORDER BY rowid"  # rowids too: no rebuild
OWN_LATEST = (  # publish._changed's inner query, as it asks it
    "SELECT record_id, max(stamp) FROM field_stamps {hint} WHERE device_id = ? "
    "GROUP BY record_id ORDER BY record_id"
)


def _indexes(conn) -> dict[str, list[str]]:
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'field_stamps' "
        "AND sql IS NOT NULL"
    ).fetchall()
    return {n: [c[2] for c in conn.execute(f"PRAGMA index_info({n})")] for (n,) in names}


def _stamps_at_14(path):
    """A schema-14 database holding stamps of three devices, odd values included."""
    db = connect(path)
    migrate(db, target=14)
    rows = [
        (
            f"{k}{n:031x}",
            field,
            f"{1_790_000_000_000 + n:015d}-0000{k}-{device}",
            device,
            user,
            base,
        )
        for n in range(300)
        for k, (device, user) in enumerate([("aaa111", "Léa"), ("bbb222", "Zoé « Z »")])
        if (n + k) % 3
        for field, base in [("name", None), ("_deleted", "x"), (f"champ {k}", "")]
    ]
    rows.append(("r-without-base", "notes", "1790000000000-00000-ccc333", "ccc333", None, None))
    db.conn.executemany("INSERT INTO field_stamps VALUES (?, ?, ?, ?, ?, ?)", rows)
    return db


def test_every_stamp_row_and_value_is_kept(tmp_path):
    db = _stamps_at_14(tmp_path / "carnet.sqlite")
    before = db.conn.execute(EVERY_STAMP).fetchall()
    assert _indexes(db.conn) == {"field_stamps_by_device": ["device_id", "record_id"]}
    assert migrate(db, 15) == 15  # this migration alone (later ones add their own)
    assert db.conn.execute(EVERY_STAMP).fetchall() == before
    assert _indexes(db.conn) == {"field_stamps_of_device": ["device_id"]}
    assert integrity_problems(db) == []
    db.conn.close()


def test_the_saved_v14_database_keeps_its_stamps(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(saved(14), folder / DATABASE_NAME)
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        before = conn.execute(EVERY_STAMP).fetchall()
    conn.close()
    assert len(before) > 20
    ws = open_workspace(folder)
    try:
        assert schema_version(ws.db) >= 15
        assert ws.db.conn.execute(EVERY_STAMP).fetchall() == before
    finally:
        ws.close()


def test_own_records_are_found_by_the_new_index_with_the_same_answer(tmp_path):
    db = _stamps_at_14(tmp_path / "carnet.sqlite")
    migrate(db)
    conn = db.conn
    for device, records in [("aaa111", 200), ("bbb222", 200), ("ccc333", 1), ("nobody", 0)]:
        found = conn.execute(OWN_LATEST.format(hint=""), (device,)).fetchall()
        scanned = conn.execute(OWN_LATEST.format(hint="NOT INDEXED"), (device,)).fetchall()
        assert found == scanned and len(found) == records
    plan = " ".join(
        r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + OWN_LATEST.format(hint=""), ("x",))
    )
    assert "field_stamps_of_device" in plan
    db.conn.close()


def test_own_edits_are_still_found_to_publish(workspace, tmp_path):
    """What waits to be published (the query behind the index) after the migration."""
    store = workspace.store
    venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    store.create_visit(venue.id, "2026-11-20")
    assert _indexes(workspace.db.conn) == {"field_stamps_of_device": ["device_id"]}
    assert publish.pending_count(workspace) == 2
    (tmp_path / "partage").mkdir()
    engine = SyncEngine(workspace, tmp_path / "partage")
    assert engine.run_pass(set_up=True, sheets=False).ok
    assert publish.pending_count(workspace) == 0
    store.update_venue(venue.id, {"commune": "Aubusson"})
    assert publish.pending_count(workspace) == 1
    assert integrity_problems(workspace.db) == []
