"""A restore that the next sync does not undo, and that colleagues follow.

The backup's content alone would be undone at the next pass: the share holds this
laptop's own files written after the backup (later stamps), colleagues hold its later
values, and the ordinary rule (the later stamp wins) brings them all back. So, before
the restored copy goes live, the state just before the restore (the « avant
restauration » backup) is merged into it, with this laptop's own later work taken back:

- a field whose latest version before the restore was this laptop's, and whose value
  differs from the backup's, gets the backup's value as a new edit of this device, made
  now (its base: the version it replaces). It is later than every stamp known, so the
  laptop's own later files do not come back over it, and colleagues take it at their
  next pass;
- a record created on this laptop after the backup is merged in, in the trash (its
  deletion an edit of this device): it comes back nowhere, and the trash keeps it;
- everything else known before the restore is merged as it was: colleagues' work since
  the backup (their edits, their new records) is not this laptop's to take back;
- the sync's bookkeeping (which share files were read; what this laptop wrote, when its
  device id is unchanged) is the one of just before the restore, which the merged state
  now matches: the pass after the restore publishes the edits above and nothing else.

A colleague's edit made before the restore and not yet received still arrives: on a
field the restore took back, it loses to the restore's later stamp and stays listed as
a conflict when the restore's edit never saw it (its stamp is later than the version
the restore replaced), with both values; elsewhere it wins as usual. An edit made after
the restore wins by the ordinary rule.

One thing a stamp and its base cannot say: a conflict still open before the restore, on
a field the restore sets back, is answered by it. The colleague's version lost to this
laptop's later one; the restore's edit has seen that later one, so it has seen every
version before it. The restore counts those (TakenBack.answered) so the user is told;
the colleague's version stays in the « avant restauration » backup and kept aside.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop.core.backups.info import BackupError
from desktop.core.media.media_store import MediaStore
from desktop.core.merge.conflicts import open_rows
from desktop.core.merge.exchange import merge_document, record_document
from desktop.core.merge.field_merge import MISSING
from desktop.core.merge.hlc import Stamp
from desktop.core.privacy import withdrawn_watch
from desktop.core.storage.data_service import DataService, Writer, get_meta
from desktop.core.storage.db import Database, connect_read_only
from desktop.core.storage.device_binding import carried_devices
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import DELETED_FIELD, OWNER_FIELD
from desktop.core.sync.share import TABLES

# Fields kept in a column of the exchange record rather than in its data.
COLUMN_FIELDS = {
    DELETED_FIELD: "deleted_at",
    OWNER_FIELD: "owner_device",
    "original_name": "original_name",  # a photo's file name (stamped by an erasure)
}
# What the share holds and what this laptop wrote there: the pre-restore state's.
SHARE_INDEX = ("sync_index",)
OWN_WRITES = ("sync_published", "sync_sheets", "sync_prints")
# This laptop's settings (meta keys), not data a backup brings back: where it syncs and
# backs up, who uses it, in what words. A restore brought back the backup's shared
# folder, and the restore and the work after it went to the folder the network had left.
LAPTOP_SETTINGS = ("shared_folder", "backup_dir", "backup_second_dir", "user_name",
                   "identity_confirmed", "network_name", "network_logo", "language")  # fmt: skip
# What it knows of that folder, with the index above (under the same device id).
SHARE_MEMORY = ("sync_share_known", "sync_device_json", "sync_last_success", "sync_last_pass",
                "sync_devices")  # fmt: skip
CHUNK = 500  # ids per query (SQLite's limit on parameters is far above)


@dataclass
class TakenBack:
    """What the restore changed beyond the backup's content (for the user and the tests)."""

    fields: int = 0  # fields set back to the backup's value, as an edit of this device
    trashed: int = 0  # records created here after the backup, now in the trash
    kept: int = 0  # records colleagues changed or created since the backup, kept
    # Conflicts open before the restore on a field it set back: answered by it (its edit
    # has seen the version it replaces, later than the colleague's that lost to it).
    answered: int = 0


def take_back_later_work(staging: Path, before: Path, templates, media_root: Path) -> TakenBack:
    """Merge the state just before the restore (`before`, a backup file) into the restored
    copy (`staging`, not live yet), this laptop's own later work taken back."""
    service = DataService(staging, templates, MediaStore(media_root), CarnetStore)  # migrated
    try:
        changed = _records_changed_since(before, staging)
        old = CarnetStore(connect_read_only(before), templates, service)  # the file untouched
        try:
            return service.call(lambda writer: _merge_before(writer, old, changed))
        except (ValueError, KeyError, TypeError) as error:  # rolled back: nothing changed
            raise BackupError(
                "La restauration a échoué : l'état actuel n'a pas pu être repris dans la "
                f"sauvegarde ({error}). Rien n'a été changé."
            ) from error
        finally:
            old.close()
    finally:
        service.close()


def _records_changed_since(before: Path, staging: Path) -> dict[str, list[str]]:
    """Per table, the records whose stamps before the restore are not all in the backup
    (new fields, other versions, records the backup lacks): nothing else can differ."""
    conn = connect_read_only(before).conn
    try:
        uri = f"file:{quote(str(Path(staging).resolve()))}?mode=ro"
        conn.execute("ATTACH DATABASE ? AS restored", (uri,))
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT b.record_id FROM field_stamps b "
                "LEFT JOIN restored.field_stamps r ON r.record_id = b.record_id "
                "AND r.field = b.field WHERE b.stamp <> '' AND r.stamp IS NOT b.stamp"
            )
        ]
        changed: dict[str, list[str]] = {table: [] for table in TABLES}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for table in TABLES:
                sql = f"SELECT id FROM {table} WHERE id IN ({marks}) ORDER BY id"
                changed[table] += [row[0] for row in conn.execute(sql, chunk)]
        return changed
    finally:
        conn.close()


def _merge_before(writer: Writer, old: CarnetStore, changed: dict[str, list[str]]) -> TakenBack:
    # The withdrawn-photo check's watch, as on every writer: a merge that writes what the
    # check reads takes the backup's mark away; one that writes nothing of it keeps it.
    withdrawn_watch.install(writer)
    ours = _own_devices(old.db)
    clock = get_meta(old.db, "clock")
    if clock:  # the restore's edits come after every stamp known before it
        writer.clock.observe(Stamp.decode(clock))
    taken = TakenBack()
    open_conflicts = {(row.record_id, row.field) for row in open_rows(old)}
    leaned_on = _leaned_on(old.db.conn, ours)
    document: dict[str, Any] = {table: [] for table in TABLES}
    for table in TABLES:
        for record_id in changed[table]:
            record = record_document(old, table, record_id)[table][0]
            restored = record_document(writer.store, table, record_id)[table]
            if restored:
                keys = _set_back(writer, record, restored[0], ours)
                taken.fields += len(keys)
                taken.answered += sum((record_id, key) in open_conflicts for key in keys)
            elif record.get("created_device") in ours and record_id not in leaned_on:
                taken.trashed += _to_trash(writer, record)
            else:
                taken.kept += 1
            document[table].append(record)
    merge_document(writer.store, document)
    _carry_bookkeeping(writer, old.db, same_device=writer.store.author.device_id in ours)
    return taken


def _leaned_on(conn: sqlite3.Connection, ours: set[str]) -> set[str]:
    """The records colleagues' live work hangs on: the venue of a colleague's visit or
    document, the visit of a colleague's photo (and that visit's venue). Made here after
    the backup, they stay: in the trash, they took the colleague's visit out of every list
    and its sheet out of the share, untold."""
    marks = ", ".join("?" for _ in ours) or "NULL"
    theirs = f"deleted_at IS NULL AND coalesce(created_device, '') NOT IN ({marks})"
    mine = list(ours)
    visits = {r[0] for r in conn.execute(f"SELECT visit_id FROM photos WHERE {theirs}", mine)}
    venues = {
        r[0]
        for table in ("visits", "documents")
        for r in conn.execute(f"SELECT venue_id FROM {table} WHERE {theirs}", mine)
    }
    ids = sorted(visits)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = conn.execute(
            f"SELECT venue_id FROM visits WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        )
        venues |= {r[0] for r in rows}
    return visits | venues


def _own_devices(db: Database) -> set[str]:
    """This laptop's ids before the restore: its own and those it had before a move."""
    own = {get_meta(db, "device_id")} | {old for old, _clock in carried_devices(db)}
    return own - {""}


def _set_back(writer: Writer, record: dict, restored: dict, ours: set[str]) -> list[str]:
    """Give each of our later fields the backup's value, stamped now; returns their keys."""
    keys = []
    for key, stamp in list(record["stamps"].items()):
        if stamp["device_id"] not in ours:
            continue  # a colleague's version: theirs to take back, not ours
        mine = restored["stamps"].get(key)
        if mine is not None and mine["stamp"] >= stamp["stamp"]:
            continue  # the backup's version is as late (a backup newer than the state)
        value = _value(restored, key)
        if _value(record, key) == value:
            continue  # the same value: its later stamp is merged as it is
        _put_value(record, key, value)
        record["stamps"][key] = _new_stamp(writer, base=stamp["stamp"])
        keys.append(key)
    return keys


def _to_trash(writer: Writer, record: dict) -> int:
    """A record made here after the backup: merged in, in the trash (1), or already there."""
    if record.get("deleted_at"):
        return 0
    latest = max((s["stamp"] for s in record["stamps"].values()), default="")
    record["deleted_at"] = now_iso()
    record["stamps"][DELETED_FIELD] = _new_stamp(writer, base=latest)
    return 1


def _new_stamp(writer: Writer, base: str) -> dict[str, str]:
    author = writer.store.author
    stamp = writer.clock.tick().encode()
    return {
        "stamp": stamp,
        "device_id": author.device_id,
        "user_name": author.user_name,
        "base": base,
    }


def _value(record: dict, key: str) -> Any:
    if key in COLUMN_FIELDS:
        return record.get(COLUMN_FIELDS[key])
    return record["data"].get(key, MISSING)


def _put_value(record: dict, key: str, value: Any) -> None:
    if key in COLUMN_FIELDS:
        record[COLUMN_FIELDS[key]] = value
    elif value is MISSING:
        record["data"].pop(key, None)
    else:
        record["data"][key] = value


def _carry_bookkeeping(writer: Writer, old: Database, same_device: bool) -> None:
    """The share's index (and what this laptop wrote, under the same id) as it was just
    before the restore: the merged state is that one plus the restore's edits. A moved
    database (a new id) starts its own writes afresh (device_binding)."""
    kept = _published_since_purged(writer.db.conn, old.conn) if same_device else []
    for table in SHARE_INDEX + (OWN_WRITES if same_device else ()):
        _copy_table(writer.db.conn, old.conn, table)
    _copy_settings(
        writer.db.conn, old.conn, LAPTOP_SETTINGS + (SHARE_MEMORY if same_device else ())
    )
    if kept:
        marks = ", ".join("?" for _ in kept[0])
        writer.db.conn.executemany(f"INSERT OR REPLACE INTO sync_published VALUES ({marks})", kept)
    _copy_kept_versions(writer.db.conn, old.conn)


def _published_since_purged(target: sqlite3.Connection, source: sqlite3.Connection) -> list:
    """The backup's publish records of the records purged (trash emptied) after it.

    The restore brings them back on this laptop, as it always did; colleagues keep them
    purged (a purge is final). Their file in the share is now the tombstone that says
    so: with the backup's record of what was written, they are not written over it."""
    ids = [row[0] for row in source.execute("SELECT id FROM purged")]
    rows = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows += target.execute(
            f"SELECT * FROM sync_published WHERE record_id IN ({marks}) "
            "AND record_id NOT IN (SELECT id FROM purged)",
            chunk,
        ).fetchall()
    return rows


def _copy_settings(target: sqlite3.Connection, source: sqlite3.Connection, keys) -> None:
    """Each key this laptop had set before the restore, as it was (sync turned off since
    the backup stays off: an empty folder). One it never set (a fresh computer taking a
    lost laptop's backup) keeps the backup's: its name, its shared folder."""
    marks = ", ".join("?" for _ in keys)
    rows = source.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)
    target.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", rows.fetchall())


def _copy_table(target: sqlite3.Connection, source: sqlite3.Connection, table: str) -> None:
    cursor = source.execute(f"SELECT * FROM {table}")
    columns = [d[0] for d in cursor.description]
    target.execute(f"DELETE FROM {table}")
    marks = ", ".join("?" for _ in columns)
    target.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", cursor.fetchall()
    )


def _copy_kept_versions(target: sqlite3.Connection, source: sqlite3.Connection) -> None:
    """Versions kept aside before the restore (conflicts not answered yet) stay kept: each
    is judged against the field's version in place when conflicts are listed."""
    cursor = source.execute("SELECT * FROM sync_conflicts")
    columns = [d[0] for d in cursor.description]
    marks = ", ".join("?" for _ in columns)
    target.executemany(
        f"INSERT OR IGNORE INTO sync_conflicts ({', '.join(columns)}) VALUES ({marks})",
        cursor.fetchall(),
    )
