"""Concurrent edits kept for the user: listed with both authors, resolved field by field.

A conflict row holds the value that lost a merge (see field_merge). The field itself
holds the winner, so the app keeps working; the user then keeps one value or types a
new one. Resolving stamps the field again with a base later than both values, so every
colleague's laptop drops the conflict too when the resolution arrives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.core.db import transaction
from desktop.core.field_merge import MISSING, FieldVersion, still_in_conflict
from desktop.core.store import CarnetStore, now_iso

ATTACHMENT_TABLES = ("photos", "documents")


def encode_value(value: Any) -> str:
    return json.dumps({} if value is MISSING else {"v": value}, ensure_ascii=False)


def decode_value(text: str) -> Any:
    holder = json.loads(text)
    return holder.get("v", MISSING)


def keep_conflict(store: CarnetStore, table: str, record_id: str, key: str,
                  loser: FieldVersion) -> None:  # fmt: skip
    store.db.conn.execute(
        "INSERT OR IGNORE INTO sync_conflicts(record_id, tbl, field, value, stamp, device_id, "
        "user_name, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (record_id, table, key, encode_value(loser.value), loser.stamp, loser.device_id,
         loser.user_name, now_iso()),
    )  # fmt: skip


def prune_conflicts(store: CarnetStore, record_id: str, key: str, winner: FieldVersion) -> None:
    """Drop the kept values that the field's current version has seen or now agrees with."""
    rows = store.db.conn.execute(
        "SELECT stamp, value FROM sync_conflicts WHERE record_id = ? AND field = ?",
        (record_id, key),
    ).fetchall()
    for stamp, value in rows:
        if not still_in_conflict(FieldVersion(decode_value(value), stamp), winner):
            store.db.conn.execute(
                "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ? AND stamp = ?",
                (record_id, key, stamp),
            )


@dataclass(frozen=True)
class Conflict:
    """One field of one record with two values: the one in place and the concurrent one."""

    table: str
    record_id: str
    field: str
    title: str  # the field's label, in French
    context: str  # « Lieu — visite du 2026-11-20 »
    current: FieldVersion
    other: FieldVersion
    visit_id: str | None  # where to open it in the app
    venue_id: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.record_id, self.field, self.other.stamp)


def count_conflicts(store: CarnetStore) -> int:
    return store.db.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]


def conflicts_of(store: CarnetStore, record_id: str) -> dict[str, list[FieldVersion]]:
    """The concurrent values kept for each field of one record (for markers in the form)."""
    found: dict[str, list[FieldVersion]] = {}
    for key, value, stamp, device_id, user_name in store.db.conn.execute(
        "SELECT field, value, stamp, device_id, user_name FROM sync_conflicts "
        "WHERE record_id = ? ORDER BY stamp",
        (record_id,),
    ):
        version = FieldVersion(decode_value(value), stamp, "", device_id, user_name)
        found.setdefault(key, []).append(version)
    return found


def list_conflicts(store: CarnetStore) -> list[Conflict]:
    rows = store.db.conn.execute(
        "SELECT record_id, tbl, field, value, stamp, device_id, user_name FROM sync_conflicts "
        "ORDER BY found_at, record_id, field"
    ).fetchall()
    conflicts = []
    for record_id, table, key, value, stamp, device_id, user_name in rows:
        current = current_version(store, table, record_id, key)
        if current is None:
            continue
        other = FieldVersion(decode_value(value), stamp, "", device_id, user_name)
        conflicts.append(_describe(store, table, record_id, key, current, other))
    return conflicts


def current_version(store: CarnetStore, table: str, record_id: str, key: str):
    stamp = store.field_stamps(record_id).get(key)
    values = record_values(store, table, record_id)
    if stamp is None or values is None:
        return None
    return FieldVersion.of(values.get(key, MISSING), stamp)


def record_values(store: CarnetStore, table: str, record_id: str) -> dict[str, Any] | None:
    if table in ATTACHMENT_TABLES:
        cursor = store.db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
        row = cursor.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cursor.description]
        return {k: v for k, v in zip(names, row, strict=True) if v is not None}
    row = store.db.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return json.loads(row[0]) if row else None


def _describe(store, table, record_id, key, current, other) -> Conflict:
    conn = store.db.conn
    visit_id = venue_id = None
    if table == "visits":
        visit_id, venue_id, when = conn.execute(
            "SELECT id, venue_id, visit_date FROM visits WHERE id = ?", (record_id,)
        ).fetchone()
        spec = store.templates.visit.field(key)
        from desktop.core.pdf.french import long_date

        context = f"{_venue_name(store, venue_id)} — visite du {long_date(when) or when}"
    elif table == "venues":
        venue_id, spec = record_id, store.templates.venue.field(key)
        context = _venue_name(store, venue_id)
    else:
        spec = None
        context = {"photos": "Photo", "documents": "Document"}[table]
    title = spec.title if spec is not None else _ATTACHMENT_TITLES.get(key, key)
    return Conflict(table, record_id, key, title, context, current, other, visit_id, venue_id)


_ATTACHMENT_TITLES = {
    "caption": "Légende", "taken_on": "Date de prise de vue", "consent": "Autorisation",
    "identifiable_people": "Personnes reconnaissables", "allowed_use": "Usage autorisé",
    "doc_type": "Type de document", "doc_date": "Date du document", "end_date": "Échéance",
    "position": "Ordre",
}  # fmt: skip


def _venue_name(store: CarnetStore, venue_id: str) -> str:
    row = store.db.conn.execute("SELECT name FROM venues WHERE id = ?", (venue_id,)).fetchone()
    return row[0] if row else "?"


def resolve_conflict(store: CarnetStore, conflict: Conflict, value: Any) -> None:
    """Set the field to the chosen value, stamped as having seen every value in conflict."""
    with transaction(store.db):
        stamps = [conflict.current.stamp] + [
            r[0]
            for r in store.db.conn.execute(
                "SELECT stamp FROM sync_conflicts WHERE record_id = ? AND field = ?",
                (conflict.record_id, conflict.field),
            )
        ]
        _write_value(store, conflict.table, conflict.record_id, conflict.field, value)
        store.stamp(conflict.record_id, [conflict.field], bases={conflict.field: max(stamps)})
        store.db.conn.execute(
            "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ?",
            (conflict.record_id, conflict.field),
        )


def _write_value(store: CarnetStore, table: str, record_id: str, key: str, value: Any) -> None:
    if table in ATTACHMENT_TABLES:
        stored = None if value is MISSING else value
        store.db[table].update(record_id, {key: stored, "updated_at": now_iso()})
        return
    data = record_values(store, table, record_id)
    if value is MISSING or value is None or value == "":
        data.pop(key, None)
    else:
        data[key] = value
    if table == "venues":
        store.db[table].update(record_id, store.venue_columns(data))
    else:
        venue_id = store.db.conn.execute(
            "SELECT venue_id FROM visits WHERE id = ?", (record_id,)
        ).fetchone()[0]
        store.db[table].update(record_id, store.visit_columns(venue_id, data))
