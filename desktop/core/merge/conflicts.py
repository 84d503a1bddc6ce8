"""Concurrent edits kept for the user: listed with both authors, resolved field by field.

The rows of sync_conflicts hold the versions that lost a merge or were replaced (see
conflict_rows); a row is a conflict while it is unseen by the field's current version
and differs from it (field_merge.still_in_conflict), judged when listed. The field itself
holds the winner, so the app keeps working; the user then keeps one value or types a
new one. Resolving stamps the field again with a base later than every kept version, so
every colleague's laptop stops listing them too when the resolution arrives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.core.forms.french import long_date
from desktop.core.merge.conflict_rows import decode_base, decode_value, encode_value, keep_version
from desktop.core.merge.field_merge import MISSING, FieldVersion, still_in_conflict
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
    return len(open_rows(store)) + len(_deletion_rows(store))


@dataclass(frozen=True)
class OpenRow:
    """A kept version still in conflict with its field's current version."""

    table: str
    record_id: str
    field: str
    current: FieldVersion
    other: FieldVersion


# The kept versions that the field's current version has not seen (the value is
# compared in Python: it lives in the record's JSON).
_KEPT_UNSEEN = """
SELECT c.record_id, c.tbl, c.field, c.value, c.stamp, c.device_id, c.user_name
FROM sync_conflicts c JOIN field_stamps f ON f.record_id = c.record_id AND f.field = c.field
WHERE c.stamp <> f.stamp AND c.stamp > coalesce(f.base, '') {where}
ORDER BY c.found_at, c.record_id, c.field, c.stamp
"""


def open_rows(store: CarnetStore, record_id: str | None = None) -> list[OpenRow]:
    """The kept versions in conflict with the field in place, judged now (not when they
    lost: see conflict_rows), one per value: the latest stamp's. Two colleagues who both
    wrote « oui » against a third's « non » make one conflict, the later « oui »."""
    where, args = ("AND c.record_id = ?", (record_id,)) if record_id else ("", ())
    rows = store.db.conn.execute(_KEPT_UNSEEN.format(where=where), args).fetchall()
    records: dict[str, tuple] = {}  # record id -> (its stamps, its values), read once
    latest: dict[tuple, OpenRow] = {}
    for rid, table, key, text, stamp, device_id, user_name in rows:
        if rid not in records:
            records[rid] = (store.field_stamps(rid), record_values(store, table, rid))
        stamps, values = records[rid]
        if key not in stamps or values is None:
            continue
        current = FieldVersion.of(values.get(key, MISSING), stamps[key])
        other = FieldVersion(decode_value(text), stamp, decode_base(text), device_id, user_name)
        if not still_in_conflict(other, current):
            continue
        group = (rid, key, _same_value_key(other.value))
        if group not in latest or stamp > latest[group].other.stamp:
            latest[group] = OpenRow(table, rid, key, current, other)
    return list(latest.values())


def _same_value_key(value: Any) -> str:
    return "" if value is MISSING else json.dumps({"v": value}, sort_keys=True)


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
    for row in sorted(open_rows(store, record_id), key=lambda r: r.other.stamp):
        found.setdefault(row.field, []).append(row.other)
    return found


def list_conflicts(store: CarnetStore) -> list[Conflict]:
    conflicts = [
        _describe(store, r.table, r.record_id, r.field, r.current, r.other)
        for r in open_rows(store)
    ]
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
        what = _record_kind(store, template.id)
        context = f"{_venue_name(store, venue_id)} — {what} du {long_date(when) or when}"
    elif table == "venues":
        venue_id, spec = record_id, store.templates.venue.field(key)
        context = _venue_name(store, venue_id)
    else:
        spec = None
        context, visit_id, venue_id = _attachment_context(store, table, record_id)
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
    "rotation": "Orientation",
    "doc_type": "Type de document",
    "doc_date": "Date du document",
    "end_date": "Échéance",
    "position": "Ordre",
}


ATTACHMENT_PLACES = {  # where a photo or a document is: its name, visit, venue, date
    "photos": "SELECT a.original_name, a.visit_id, v.venue_id, v.visit_date, v.template_id "
    "FROM photos a LEFT JOIN visits v ON v.id = a.visit_id WHERE a.id = ?",
    "documents": "SELECT a.original_name, NULL, a.venue_id, NULL, NULL "
    "FROM documents a WHERE a.id = ?",
}


def _attachment_context(store: CarnetStore, table: str, record_id: str) -> tuple:
    """(« Photo « grange.jpg » — La Grange — visite du 20 novembre 2026 », visit id, venue
    id): the conflict names the photo and where it is, and opens its visit. A document:
    its name and its venue."""
    kind = {"photos": "Photo", "documents": "Document"}[table]
    row = store.db.conn.execute(ATTACHMENT_PLACES[table], (record_id,)).fetchone()
    if row is None:
        return kind, None, None
    name, visit_id, venue_id, when, template_id = row
    parts = [f"{kind} « {name} »" if name else kind]
    if venue_id:
        parts.append(_venue_name(store, venue_id))
    if visit_id and when is not None:
        what = _record_kind(store, template_id)
        parts.append(f"{what} du {long_date(when) or when}")
    return " — ".join(parts), visit_id, venue_id


def _record_kind(store: CarnetStore, template_id: str | None) -> str:
    """« visite », or the title of the record's other template (« Compte rendu… »)."""
    template = store.templates.template_or_visit(template_id)
    return "visite" if template.id == store.templates.visit.id else template.title


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
    table, record_id, key = conflict.table, conflict.record_id, conflict.field
    stamps = [conflict.current.stamp] + [
        r[0]
        for r in store.db.conn.execute(
            "SELECT stamp FROM sync_conflicts WHERE record_id = ? AND field = ?",
            (record_id, key),
        )
    ]
    # The kept versions stay: the answer has seen them all, so none is listed any more,
    # here or on a colleague's laptop once it arrives (and a late copy of one is judged
    # against it too). The version it replaces is kept like any other (a merge would):
    # one that arrived after the conflict was shown stays a conflict.
    current = current_version(store, table, record_id, key)
    if current is not None and current.device_id != store.author.device_id:
        keep_version(store.db, table, record_id, key, current)
    _write_value(store, table, record_id, key, value)
    store.stamp(table, record_id, [key], bases={key: max(stamps)})
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
