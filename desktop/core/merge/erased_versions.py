"""Kept versions rewritten by an erasure travel with the record, so colleagues rewrite theirs.

An erasure (privacy/erasure.py) rewrites the versions this laptop keeps aside
(conflict_rows) without the name. A colleague keeps the same versions as they arrived,
name included: the record's file lists the rewritten ones under "erased_versions"
(same stamp, the value without the name), and a laptop that reads it puts that value
in place of its copy, or keeps the rewritten version if it had none, so that a late
copy of the original (same stamp) is never kept again. Only the fields the network may
see go (the record's shared stamps say which).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.merge.conflict_rows import decode_value, encode_value, keep_version
from desktop.core.merge.field_merge import MISSING, FieldVersion
from desktop.core.storage.db import Database

ERASED_KEY = "erased_versions"


def mark_erased(text: str, value: Any) -> str:
    """A row's value text holding `value`, its base kept, marked as rewritten."""
    holder = json.loads(encode_value(value, json.loads(text).get("base", "")))
    holder["erased"] = True
    return json.dumps(holder, ensure_ascii=False)


def add_to_document(db: Database, document: dict[str, Any]) -> None:
    """List, in each venue or visit of a record file, its kept versions an erasure rewrote."""
    for name in ("venues", "visits"):
        for record in document.get(name, []):
            shared = set(record.get("stamps", {}))
            versions = [v for v in _erased_rows(db, record["id"]) if v["field"] in shared]
            if versions:
                record[ERASED_KEY] = versions


def _erased_rows(db: Database, record_id: str) -> list[dict[str, Any]]:
    rows = db.conn.execute(
        "SELECT field, value, stamp, device_id, user_name FROM sync_conflicts "
        "WHERE record_id = ? ORDER BY field, stamp",
        (record_id,),
    ).fetchall()
    versions = []
    for key, text, stamp, device_id, user_name in rows:
        holder = json.loads(text)
        if holder.get("erased"):
            version = {"field": key, "stamp": stamp, "device_id": device_id}
            version.update(user_name=user_name, base=holder.get("base", ""))
            if "v" in holder:
                version["value"] = holder["v"]
            versions.append(version)
    return versions


def apply_from_record(db: Database, table: str, record: dict[str, Any]) -> bool:
    """Rewrite (or keep) the versions a colleague's erasure rewrote; True if any changed."""
    changed = False
    for item in record.get(ERASED_KEY) or []:
        value = item.get("value", MISSING)
        key, stamp = item["field"], item["stamp"]
        row = db.conn.execute(
            "SELECT value FROM sync_conflicts WHERE record_id = ? AND field = ? AND stamp = ?",
            (record["id"], key, stamp),
        ).fetchone()
        if row is None:
            version = FieldVersion(
                value, stamp, item.get("base", ""), item["device_id"], item.get("user_name", "")
            )
            if not keep_version(db, table, record["id"], key, version):
                continue
            row = (encode_value(value, version.base),)
        elif json.loads(row[0]).get("erased") and decode_value(row[0]) == value:
            continue
        db.conn.execute(
            "UPDATE sync_conflicts SET value = ? WHERE record_id = ? AND field = ? AND stamp = ?",
            (mark_erased(row[0], value), record["id"], key, stamp),
        )
        changed = True
    return changed
