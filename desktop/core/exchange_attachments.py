"""Photos' and documents' metadata in the exchange file (their files travel separately).

A photo whose identifiable people gave no consent is left out of an export unless the
user asks for a private export: an export is a copy that leaves the laptop.
"""

from __future__ import annotations

from typing import Any

from desktop.core.hlc import Stamp
from desktop.core.photos import EDITABLE_FIELDS as PHOTO_FIELDS
from desktop.core.store import DELETED_FIELD, CarnetStore

FIXED = ("id", "sha256", "original_name", "created_at", "created_device", "created_user",
         "updated_at", "deleted_at")  # fmt: skip
TABLES = {
    "photos": {"parent": "visit_id", "fields": (*PHOTO_FIELDS, "position")},
    "documents": {"parent": "venue_id", "fields": ("doc_type", "doc_date", "end_date")},
}


def export_attachments(store: CarnetStore, include_private: bool) -> tuple[dict, int]:
    """({"photos": [...], "documents": [...]}, number of photos left out for consent)."""
    exported, left_out = {}, 0
    for table, spec in TABLES.items():
        columns = (*FIXED, spec["parent"], *spec["fields"])
        rows = store.db.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY created_at, id"
        ).fetchall()
        records = []
        for row in rows:
            values = dict(zip(columns, row, strict=True))
            if table == "photos" and not include_private and _lacks_consent(values):
                left_out += 1
                continue
            record = {k: values[k] for k in (*FIXED, spec["parent"])}
            record["data"] = {k: values[k] for k in spec["fields"] if values[k] is not None}
            record["stamps"] = store.field_stamps(values["id"])
            records.append(record)
        exported[table] = records
    return exported, left_out


def _lacks_consent(values: dict[str, Any]) -> bool:
    return bool(values["identifiable_people"]) and not (values["consent"] or "").strip()


def merge_attachment(store: CarnetStore, table: str, record: dict[str, Any]) -> str:
    """Insert a new photo or document, or take each field whose stamp is later than ours."""
    spec = TABLES[table]
    for stamp in record["stamps"].values():
        store.clock.observe(Stamp.decode(stamp["stamp"]))
    exists = store.db.conn.execute(
        f"SELECT 1 FROM {table} WHERE id = ?", (record["id"],)
    ).fetchone()
    if not exists:
        row = {k: record.get(k) for k in (*FIXED, spec["parent"])}
        row |= {k: record["data"].get(k) for k in spec["fields"]}
        store.db[table].insert(row)
        _write_stamps(store, record["id"], record["stamps"])
        return "created"
    ours = store.field_stamps(record["id"])
    newer = {k: s for k, s in record["stamps"].items()
             if k not in ours or s["stamp"] > ours[k]["stamp"]}  # fmt: skip
    if not newer:
        return "unchanged"
    update = {k: record["data"].get(k) for k in newer if k in spec["fields"]}
    if DELETED_FIELD in newer:
        update["deleted_at"] = record.get("deleted_at")
    update["updated_at"] = record.get("updated_at")
    store.db[table].update(record["id"], update)
    _write_stamps(store, record["id"], newer)
    return "updated"


def _write_stamps(store: CarnetStore, record_id: str, stamps: dict[str, dict]) -> None:
    store.db["field_stamps"].upsert_all(
        [{"record_id": record_id, "field": k, **v} for k, v in stamps.items()],
        pk=("record_id", "field"),
    )
