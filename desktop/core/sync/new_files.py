"""A share's first import: the files that bring only new venues and visits, in bulk.

Most files of a first import hold a record this laptop has never seen: nothing to
decide field by field. Those of a batch are written together (new_records: a few
statements for all their rows and stamps) after a few queries for the whole batch
(which ids exist here, which were purged, which venues are there). Every other file
goes through the careful merge, one file at a time, as before: a record known here,
one purged here (or whose venue was), one whose venue has not arrived, one of our own
files, a photo or a document, an id met twice in the batch (a conflict copy), one that
lists versions kept aside (kept_versions).

If writing the batch fails, nothing of it stays and every file of it takes the
careful way, which words each file's own reason: the error leaves the writer's
mutation (BulkRefused), which rolls its whole transaction back. No savepoint is
opened for the batch: under a savepoint SQLite copies every page the batch changes
into its sub-journal first, to be able to go back to it; with random ids a batch of
500 records changes a leaf of every index per record, and at 100,000 records those
copies reached 14 MB of memory (kept in memory during a large pass: temp_store) and
were written for nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.core.merge.exchange import VENUE_COLUMNS, VISIT_COLUMNS
from desktop.core.merge.kept_versions import KEPT_KEY
from desktop.core.merge.new_records import insert_new_records
from desktop.core.storage.background_checkpoints import checkpoints_aside
from desktop.core.storage.id_lists import rows_for_ids
from desktop.core.storage.store import CarnetStore

COLUMNS = {"venues": VENUE_COLUMNS, "visits": VISIT_COLUMNS}  # parents first


class BulkRefused(Exception):
    """Writing a batch's new records failed: the writer's mutation rolls back, and the
    batch's files (files) all take the careful way."""

    def __init__(self, files: list) -> None:
        super().__init__("insertion groupée refusée")
        self.files = files


def merge_new_files(
    store: CarnetStore, batch: list, report, index_row: Callable[[Any], dict]
) -> tuple[list[dict], list]:
    """Insert the batch's files of new records; (their index rows, the files left).

    On the writer, inside its transaction, which must be rolled back if BulkRefused is
    raised (the data service does, the error leaving the mutation). batch: the
    importer's Pending files.
    """
    me = store.author.device_id
    candidates = [i for i in batch if i.table in COLUMNS and i.entry.device_id != me]
    # An id also in a file merged carefully (one of ours) is merged carefully too.
    others = {
        r["id"] for i in batch if i.table in COLUMNS and i.entry.device_id == me for r in _of(i)
    }
    new = _new_files(store, candidates, others)
    if not new:
        return [], batch
    try:
        for table, columns in COLUMNS.items():
            files = [item for item in new if item.table == table]
            records = [r for item in files for r in item.document[table]]
            if records:
                worked_out = _worked_out(files)
                insert_new_records(store, table, columns, records, worked_out, savepoint=False)
    except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BulkRefused(batch) from error  # the mutation rolls back: nothing of it stays
    for item in new:
        records = item.document[item.table]
        report.created += len(records)
        report.note_changed(r["id"] for r in records)
    chosen = {id(item) for item in new}
    return [index_row(item) for item in new], [i for i in batch if id(i) not in chosen]


def _new_files(store: CarnetStore, candidates: list, met: set[str]) -> list:
    """The files all of whose records are new, unpurged, met once, their venue here."""
    venues_named = [r["venue_id"] for i in candidates if i.table == "visits" for r in _of(i)]
    ids = {
        table: [r["id"] for i in candidates if i.table == table for r in _of(i)]
        for table in COLUMNS
    }
    purged = store.purged_among(ids["venues"] + ids["visits"] + venues_named)
    known = {
        "venues": _existing(store, "venues", ids["venues"] + venues_named),
        "visits": _existing(store, "visits", ids["visits"]),
    }
    chosen, venues_here = [], set(known["venues"])
    for item in candidates:
        records = _of(item)
        fine = bool(records) and all(
            r["id"] not in known[item.table]
            and r["id"] not in met
            and r["id"] not in purged
            and (item.table == "venues" or r["venue_id"] in venues_here)
            and r.get("venue_id") not in purged
            and not r.get(KEPT_KEY)  # versions kept aside to keep as well: the careful way
            for r in records
        )
        met.update(r["id"] for r in records)  # a later copy of the same id: merged carefully
        if fine:
            chosen.append(item)
            if item.table == "venues":
                venues_here.update(r["id"] for r in records)
    return chosen


def _worked_out(files: list) -> list[dict | None]:
    """What the reading derived of each record already (None where it did not)."""
    return [d for i in files for d in (i.derived or (None,) * len(i.document[i.table]))]


def _of(item) -> list[dict]:
    return item.document.get(item.table) or []


def _existing(store: CarnetStore, table: str, ids: Iterable[str]) -> set[str]:
    sql = f"SELECT id FROM {table} WHERE id IN ({{marks}})"
    return {row[0] for row in rows_for_ids(store.db.conn, sql, ids)}


# ------------------------------------------------------------------ the search index
FTS_TABLES = ("venues_fts", "visits_fts")
WIDE_MERGE = 16  # segments of a level before FTS5 merges them (its default: 4)


@contextmanager
def wide_index_merges(service, large: bool) -> Iterator[None]:
    """A large pass lets the search indexes merge their segments less often (and sets
    the writer's connection for it: _set_writer).

    FTS5 merges each level of its index once `automerge` segments are there: the
    default 4 rewrites a large index many times over while thousands of visits come in
    (at 100,000 visits, indexing cost three times as much as at 10,000). 16 merges less
    often; the index answers the same, and later writes merge what is left. Restored
    after the pass; a pass cut short leaves 16 (still a correct index). The WAL is
    copied into the database on a thread of its own meanwhile (checkpoints_aside)."""
    if not large:
        yield
        return
    before = service.call(lambda writer: _set_automerge(writer.db.conn, WIDE_MERGE))
    settings = service.call_outside_transaction(lambda db: _set_writer(db.conn, LARGE_PASS))
    try:
        with checkpoints_aside(service.path):
            yield
    finally:
        service.call_outside_transaction(lambda db: _set_writer(db.conn, settings))
        service.call(lambda writer: _set_automerge(writer.db.conn, before))


MEMORY = 2  # PRAGMA temp_store: 0 default (a file), 1 file, 2 memory
LARGE_PASS = {"temp_store": MEMORY, "wal_autocheckpoint": 40_000, "cache_size": -16_384}


def _set_writer(conn: sqlite3.Connection, settings: dict[str, int]) -> dict[str, int]:
    """Set the writer connection's pragmas for a large pass; returns the former ones.

    Outside a transaction: SQLite refuses to change temp_store inside one.

    temp_store: the statement journals in memory. Each row inserted into visits runs
    triggers that write other tables (the search index, the follow-up's rows), so SQLite
    keeps a statement journal to undo that statement alone; past 64 KiB it spills to a
    temporary file. In a first import those spills were most of what the writer wrote:
    for 10,000 visits, 674 MB through 341,000 write calls, against 113 MB and 55,000 in
    memory (the database itself: 71 MB). A statement's journal is small.

    wal_autocheckpoint: a backstop at 40,000 pages (160 MB) rather than 1,000. During
    such a pass, the WAL is copied into the database on a thread of its own
    (background_checkpoints.py, see wide_index_merges), off the writer; the writer's own
    checkpoint at that mark bounds the WAL's size (only a checkpoint on the writer's
    connection lets the next transaction start the WAL over). A chunk of a first import
    touches a leaf of every index for each record (ids come in no order), and later
    chunks touch many of the same leaves again: with fewer, larger checkpoints, a leaf is
    copied once per checkpoint, not once per chunk. 114,280 files, interleaved: the
    writer's CPU 25.9–27.7 → 21.9–24.7 s with the copies on their own thread (the
    writer's checkpoint at 10,000 pages before), the pass 36.2–38.3 → 31.5–35.5 s.

    cache_size: a page cache of 16 MiB rather than SQLite's 2 (negative: KiB). A chunk
    finds a leaf of each index per record: with 2 MB most had left the cache since the
    chunk before and were read again. A fixed cap, so the pass's memory stays flat in
    the share's size (12–22 MB more, at 11,420 as at 114,280 files), for 12 % less
    CPU in the importing process (114,280 files: 29.2 and 29.3 s against 25.1 and 26.4 s,
    interleaved)."""
    old = {}
    for name, value in settings.items():
        old[name] = conn.execute(f"PRAGMA {name}").fetchone()[0]
        conn.execute(f"PRAGMA {name} = {int(value)}")
    return old


def _set_automerge(conn: sqlite3.Connection, value: int | dict) -> dict:
    """Set each index's automerge (one value, or one per index); returns the old ones."""
    old = {}
    for table in FTS_TABLES:
        row = conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
        old[table] = int(row[0]) if row else 4
        new = value[table] if isinstance(value, dict) else value
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (new,))
    return old
