"""Photos' and documents' metadata in the exchange file (their files travel separately).

A photo whose rights do not reach the network (people without consent, not reviewed
yet, an internal use) is left out of an export unless the user asks for a private
export: an export is a copy that leaves the laptop.
"""

from __future__ import annotations

from typing import Any

from desktop.core.media.photos import EDITABLE_FIELDS as PHOTO_FIELDS
from desktop.core.merge.record_merge import merge_fields, write_stamps
from desktop.core.privacy.shared_records import is_withdrawn, photo_reaches_network
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import DELETED_FIELD

FIXED = (
    "id",
    "sha256",
    "original_name",
    "created_at",
    "created_device",
    "created_user",
    "updated_at",
    "deleted_at",
)
RENAMED_FIELD = "original_name"  # a file name changes only when a name in it is erased
TABLES = {
    "photos": {"parent": "visit_id", "fields": (*PHOTO_FIELDS, "position")},
    "documents": {"parent": "venue_id", "fields": ("doc_type", "doc_date", "end_date")},
}


def export_attachments(store: CarnetStore, include_private: bool) -> tuple[dict, int]:
    """({"photos": [...], "documents": [...]}, number of photos left out for consent)."""
    exported, left_out = {}, 0
    for table in TABLES:
        records = []
        for record in _attachments(store, table):
            if table == "photos" and not include_private and not photo_reaches_network(record):
                left_out += 1
                continue
            records.append(record)
        exported[table] = records
    return exported, left_out


def attachment_records(store: CarnetStore, table: str, record_id: str) -> list[dict[str, Any]]:
    return list(_attachments(store, table, record_id))


def _attachments(store: CarnetStore, table: str, record_id: str | None = None):
    """The exchange record of each photo or document (or just one)."""
    spec = TABLES[table]
    columns = (*FIXED, spec["parent"], *spec["fields"])
    where, params = ("WHERE id = ?", (record_id,)) if record_id else ("", ())
    rows = store.db.conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} {where} ORDER BY created_at, id", params
    ).fetchall()
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        record = {k: values[k] for k in (*FIXED, spec["parent"])}
        record["data"] = {k: values[k] for k in spec["fields"] if values[k] is not None}
        record["stamps"] = store.field_stamps(values["id"])
        yield record


def merge_attachment(store: CarnetStore, table: str, record: dict[str, Any]) -> str:
    """Insert a new photo or document, or merge it field by field (see record_merge)."""
    spec = TABLES[table]
    cursor = store.db.conn.execute(
        f"SELECT deleted_at, original_name, {', '.join(spec['fields'])} FROM {table} WHERE id = ?",
        (record["id"],),
    )
    row = cursor.fetchone()
    if row is None and table == "photos" and is_withdrawn(record):
        return "unchanged"  # rights of a photo never received here: nothing to withdraw
    if row is None:
        for stamp in record["stamps"].values():
            store.observe(stamp)
        values = {k: record.get(k) for k in (*FIXED, spec["parent"])}
        values |= {k: record["data"].get(k) for k in spec["fields"]}
        store.db[table].insert(values)
        write_stamps(store, table, record["id"], record["stamps"])
        return "created"
    ours = {k: v for k, v in zip(spec["fields"], row[2:], strict=True) if v is not None}
    ours[DELETED_FIELD], ours[RENAMED_FIELD] = row[0], row[1]
    theirs = {**record["data"], DELETED_FIELD: record.get("deleted_at")}
    theirs[RENAMED_FIELD] = record.get("original_name")  # stamped only by an erasure
    taken = merge_fields(store, table, record["id"], ours, theirs, record["stamps"])
    update = _name_given_back(table, record, row[1])
    if not taken and not update:
        return "unchanged"
    update |= {k: record["data"].get(k) for k in taken if k in spec["fields"]}
    if DELETED_FIELD in taken:
        update["deleted_at"] = record.get("deleted_at")
    if RENAMED_FIELD in taken:
        update[RENAMED_FIELD] = record.get("original_name")
    update["updated_at"] = record.get("updated_at")
    store.db[table].update(record["id"], update)
    store.changes.note(table, record["id"], {*taken, *update} - {"updated_at"})
    return "updated"


def _name_given_back(table: str, record: dict[str, Any], ours: str | None) -> dict:
    """A photo's file name that a withdrawal erased here (privacy/withdrawn_copies: only
    then is a name empty) comes back with the photo's full record. A name is stamped
    only by a person's erasure: the stamp decides then, as for any field."""
    theirs = record.get("original_name")
    if table != "photos" or ours or not theirs or RENAMED_FIELD in record["stamps"]:
        return {}
    return {} if is_withdrawn(record) else {RENAMED_FIELD: theirs}
