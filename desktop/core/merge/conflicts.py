"""Concurrent edits kept for the user: listed with both authors, resolved field by field.

A conflict row holds the value that lost a merge (see field_merge). The field itself
holds the winner, so the app keeps working; the user then keeps one value or types a
new one. Resolving stamps the field again with a base later than both values, so every
colleague's laptop drops the conflict too when the resolution arrives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.core.forms.french import long_date
from desktop.core.merge.conflict_rows import decode_value, encode_value
from desktop.core.merge.field_merge import MISSING, FieldVersion
from desktop.core.merge.hlc import Stamp
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import DELETED_FIELD

__all__ = ["decode_value", "encode_value"]

ATTACHMENT_TABLES = ("photos", "documents")


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

    @property
    def is_deletion(self) -> bool:
        """Deleted on one laptop while edited on another: `current` is the deletion,
        `other` the latest edit its author had not seen."""
        return self.field == DELETED_FIELD


def count_conflicts(store: CarnetStore) -> int:
    fields = store.db.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]
    return fields + len(_deletion_rows(store))


# A deleted record with an edit later than what its deletion saw (the tombstone's base;
# a tombstone without one saw everything before it).
_DELETION_CONFLICTS = """
SELECT t.id, d.stamp, coalesce(d.base, ''), d.device_id, d.user_name, t.deleted_at,
       f.stamp, f.device_id, f.user_name
FROM {table} t
JOIN field_stamps d ON d.record_id = t.id AND d.field = '_deleted'
JOIN field_stamps f ON f.record_id = t.id AND f.field NOT IN ('_deleted', '_owner')
WHERE t.deleted_at IS NOT NULL AND f.stamp > coalesce(nullif(d.base, ''), d.stamp)
  AND f.stamp = (SELECT max(stamp) FROM field_stamps g
                 WHERE g.record_id = t.id AND g.field NOT IN ('_deleted', '_owner'))
"""


def _deletion_rows(store: CarnetStore) -> list[tuple[str, tuple]]:
    rows = []
    for table in ("venues", "visits"):
        sql = _DELETION_CONFLICTS.format(table=table)
        rows += [(table, row) for row in store.db.conn.execute(sql)]
    return rows


def deletion_conflicts(store: CarnetStore) -> list[Conflict]:
    conflicts = []
    for table, row in _deletion_rows(store):
        record_id, stamp, base, device, user, deleted_at, edit, edit_device, edit_user = row
        deletion = FieldVersion(deleted_at, stamp, base, device, user)
        edited = FieldVersion(MISSING, edit, "", edit_device, edit_user)
        conflicts.append(_describe(store, table, record_id, DELETED_FIELD, deletion, edited))
    return conflicts


def conflicts_as_json(store: CarnetStore) -> list[dict[str, Any]]:
    """The open conflicts as plain JSON values (the headless `conflicts` command)."""
    return [
        {
            "table": c.table,
            "record_id": c.record_id,
            "field": c.field,
            "title": c.title,
            "context": c.context,
            "visit_id": c.visit_id,
            "venue_id": c.venue_id,
            "kind": "suppression" if c.is_deletion else "champ",
            "en_place": _version_json(c.current),
            "autre": _version_json(c.other),
        }
        for c in list_conflicts(store)
    ]


def _version_json(version: FieldVersion) -> dict[str, Any]:
    wall_ms = Stamp.decode(version.stamp).wall_ms
    when = datetime.fromtimestamp(wall_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "value": None if version.value is MISSING else version.value,
        "author": version.user_name,
        "device_id": version.device_id,
        "stamp": version.stamp,
        "time": when,
    }


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
    return conflicts + deletion_conflicts(store)


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
        template = store.template_of(record_id)
        spec = template.field(key)
        what = "visite" if template.id == store.templates.visit.id else template.title
        context = f"{_venue_name(store, venue_id)} — {what} du {long_date(when) or when}"
    elif table == "venues":
        venue_id, spec = record_id, store.templates.venue.field(key)
        context = _venue_name(store, venue_id)
    else:
        spec = None
        context = {"photos": "Photo", "documents": "Document"}[table]
    title = spec.title if spec is not None else _ATTACHMENT_TITLES.get(key, key)
    if key == DELETED_FIELD:
        title = "Suppression"
    return Conflict(table, record_id, key, title, context, current, other, visit_id, venue_id)


_ATTACHMENT_TITLES = {
    "caption": "Légende",
    "taken_on": "Date de prise de vue",
    "consent": "Autorisation",
    "identifiable_people": "Personnes reconnaissables",
    "allowed_use": "Usage autorisé",
    "doc_type": "Type de document",
    "doc_date": "Date du document",
    "end_date": "Échéance",
    "position": "Ordre",
}


def _venue_name(store: CarnetStore, venue_id: str) -> str:
    row = store.db.conn.execute("SELECT name FROM venues WHERE id = ?", (venue_id,)).fetchone()
    return row[0] if row else "?"


def resolve_conflict(store: CarnetStore, conflict: Conflict, value: Any) -> None:
    """Set the field to the chosen value, stamped as having seen every value in conflict."""
    store.service.call(lambda writer: _resolve(writer.store, conflict, value))


def _resolve(store: CarnetStore, conflict: Conflict, value: Any) -> None:
    if conflict.field == DELETED_FIELD:  # restore, or confirm the deletion (seen it all)
        deleted = None if value is MISSING or value is None else now_iso()
        store.set_deleted(conflict.table, conflict.record_id, deleted)
        store.changes.conflicts = True
        return
    stamps = [conflict.current.stamp] + [
        r[0]
        for r in store.db.conn.execute(
            "SELECT stamp FROM sync_conflicts WHERE record_id = ? AND field = ?",
            (conflict.record_id, conflict.field),
        )
    ]
    _write_value(store, conflict.table, conflict.record_id, conflict.field, value)
    store.stamp(
        conflict.table, conflict.record_id, [conflict.field], bases={conflict.field: max(stamps)}
    )
    store.db.conn.execute(
        "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ?",
        (conflict.record_id, conflict.field),
    )
    store.changes.conflicts = True


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
        store.db[table].update(record_id, store.visit_columns(venue_id, data, record_id=record_id))
