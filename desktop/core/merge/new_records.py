"""Writing venues and visits that are new here: their rows and stamps as they arrived.

A record this laptop has never held needs no field-by-field decision: its row (with
the derived columns recomputed from its data) and its stamps are written as they came.
The merge of one record (exchange._merge) and the bulk insert of a share's first import
(sync/new_files.py) both come here, so a record inserted either way is the same: the
same row, the same stamps, the same search text, the same changes noted.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop.core.merge.derived_in_bulk import fill_parsed
from desktop.core.merge.hlc import Stamp
from desktop.core.storage.id_lists import in_list
from desktop.core.storage.plain_upsert import insert_rows, upsert_rows, upsert_values
from desktop.core.storage.store import CarnetStore


def record_row(
    table: str,
    columns: tuple[str, ...],
    record: dict[str, Any],
    deleted_at: str | None,
    derived: dict[str, Any],
) -> dict[str, Any]:
    """The row to store: the record's own columns, then the columns derived from its data."""
    row = {c: record.get(c) for c in columns if c not in ("deleted_at",)}
    row["deleted_at"] = deleted_at
    if "carried_over" in row:
        row["carried_over"] = json.dumps(row["carried_over"] or [])
    row |= derived
    row["updated_at"] = record.get("updated_at")  # keep the record's own history
    return row


def derived_columns(
    store: CarnetStore,
    table: str,
    records: list[dict[str, Any]],
    datas: list[dict[str, Any]],
    worked_out: list[dict[str, Any] | None] | None = None,
) -> list[dict[str, Any]]:
    """Each record's derived columns from its data (a visit's venue read once for all;
    worked_out: what the pool's workers derived of each visit already, see visits_columns)."""
    if table == "venues":
        return [store.venue_columns(data) for data in datas]
    template_of = store.templates.template_or_visit  # each record's own template
    visits = [
        (r["venue_id"], d, r.get("created_user") or "", template_of(r.get("template_id")))
        for r, d in zip(records, datas, strict=True)
    ]
    return store.visits_columns(visits, worked_out)


def insert_new_records(
    store: CarnetStore,
    table: str,
    columns: tuple[str, ...],
    records: list[dict[str, Any]],
    worked_out: list[dict[str, Any] | None] | None = None,
    savepoint: bool = True,
) -> None:
    """Write records known to be new here (venues or visits), on the writer.

    Everything that can refuse a record (its derived columns, its stamps' form) is
    worked out before the first write; a database error (an id already here) leaves the
    caller to roll back. savepoint=False: the caller rolls back the whole transaction
    on any error (a share's bulk insert, new_files.py), so the rows need no savepoint.
    """
    datas = [r["data"] for r in records]
    derived = derived_columns(store, table, records, datas, worked_out)
    rows = [
        record_row(table, columns, r, r.get("deleted_at"), d)
        for r, d in zip(records, derived, strict=True)
    ]
    stamps, odd, texts = _stamp_values(records)
    decoded = _decoded(texts)  # a malformed stamp refuses the records here, unwritten
    _insert_indexed(store.db.conn, table, rows, datas, savepoint)
    upsert_values(store.db.conn, "field_stamps", STAMP_COLUMNS, stamps, STAMP_KEY)
    upsert_rows(store.db.conn, "field_stamps", odd, STAMP_KEY)
    _observe(store.writer, decoded, records)
    for record in records:
        if record["stamps"]:  # as write_stamps notes them
            store.changes.note(table, record["id"], record["stamps"])


def _insert_indexed(
    conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], datas: list, savepoint: bool
) -> None:
    """Insert the rows, then index their search text in one statement (not row by row:
    the insert trigger stands aside while fts_paused names the table, migration 10), and
    for visits fill the dashboard's and the follow-up's rows likewise (migrations 12, 13).

    All or nothing on its own savepoint: whatever the caller does with an error, no row
    is left unindexed and the trigger is never left standing aside. Without one, the
    caller rolls its transaction back (see new_files.merge_new_files for why). datas:
    each row's data as parsed (its row holds it as JSON text)."""
    if not savepoint:
        _insert_and_index(conn, table, rows, datas)
        return
    conn.execute("SAVEPOINT new_rows")
    try:
        _insert_and_index(conn, table, rows, datas)
    except BaseException:
        conn.execute("ROLLBACK TO new_rows")
        conn.execute("RELEASE new_rows")
        raise
    conn.execute("RELEASE new_rows")


def _insert_and_index(
    conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], datas: list
) -> None:
    conn.execute("INSERT INTO fts_paused(tbl) VALUES (?)", (table,))
    insert_rows(conn, table, rows)
    ids = [row["id"] for row in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks, values = in_list(chunk)
        # In rowid order: FTS5 keeps the terms of the rows it is given in memory while
        # their rowids rise, and writes them out as a segment of its index as soon as one
        # comes lower. `id IN (…)` alone gives the rows in the order of their ids (random
        # uuids), not as inserted: a segment every few rows, merged later. Indexing
        # 10,000 visits by chunks of 500: 0.33–0.40 s of CPU ordered, 0.91–1.0 s not.
        conn.execute(
            f"INSERT INTO {table}_fts(rowid, search_text) SELECT rowid, search_text "
            f"FROM {table} WHERE id IN ({marks}) ORDER BY rowid",
            values,
        )
        if table == "visits":  # the dashboard's and follow-up's rows stand aside too
            # (migrations 12 and 13): filled from the data parsed already
            datas_of_chunk = dict(zip(chunk, datas[start : start + 500], strict=True))
            fill_parsed(conn, datas_of_chunk, rows[start : start + 500])
    conn.execute("DELETE FROM fts_paused WHERE tbl = ?", (table,))


STAMP_COLUMNS = ("record_id", "field", "stamp", "device_id", "user_name", "base")
STAMP_KEY = ("record_id", "field")
STAMP_PARTS = frozenset(STAMP_COLUMNS[2:])


def _stamp_values(records: list[dict[str, Any]]) -> tuple[list[tuple], list[dict], set[str]]:
    """The field_stamps rows, as values; a stamp with other keys as a row of its own (the
    upsert then refuses it, as the one-by-one merge does: no such column); the distinct
    stamps (a record's fields often share one)."""
    values, odd, texts = [], [], set()
    for record in records:
        record_id = record["id"]
        for key, s in record["stamps"].items():
            text = s["stamp"]
            texts.add(text)
            if s.keys() <= STAMP_PARTS:
                values.append((record_id, key, text, s["device_id"], s["user_name"], s.get("base")))
            else:
                odd.append({"record_id": record_id, "field": key, "base": s.get("base"), **s})
    return values, odd, texts


def _decoded(texts: set[str]) -> dict[str, Stamp]:
    """Each distinct stamp, decoded."""
    return {text: Stamp.decode(text) for text in texts}


def _observe(writer, decoded: dict[str, Stamp], records: list[dict[str, Any]]) -> None:
    """What observing every (stamp, name) in turn leaves, as the one-by-one merge does.

    The clock keeps the latest stamp it observes, so observing the latest alone leaves
    it the same. Only a stamp far ahead of this laptop's time (more than the writer's
    skew limit: a colleague's clock set wrong, rare) is observed on its own, each
    (stamp, name) in its last place, so that clock_ahead keeps the name the one-by-one
    merge leaves. Whether a stamp is far ahead depends on the time alone, which only
    moves on: one taken now finds every stamp the later observe will find.
    """
    if not decoded:
        return
    writer.clock.observe(max(decoded.values()))
    limit = writer.clock.now_ms() + writer.service.skew_limit_ms
    far = {text for text, stamp in decoded.items() if stamp.wall_ms > limit}
    if not far:
        return
    pairs = [
        (s["stamp"], s.get("user_name", ""))
        for r in records
        for s in r["stamps"].values()
        if s["stamp"] in far
    ]
    for text, name in reversed(dict.fromkeys(reversed(pairs))):
        writer.observe(decoded[text], name)
