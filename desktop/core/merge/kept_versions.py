"""Versions kept aside (conflict_rows) that travel in the record's file: "kept_versions".

Two kinds go, for the fields the network may see (the record's shared stamps say which):

- this laptop's own versions that lost here. A laptop writes a record's file again only
  when it edits the record, and then with the field's winner: its own version that lost
  meanwhile would vanish from the share, so a colleague who had not read the earlier
  file would never keep it, and would list fewer conflicts;
- versions an erasure rewrote (privacy/erasure.py), marked "erased": same stamp, the
  value without the name. A laptop that reads one puts that value in place of its copy,
  or keeps the rewritten version if it had none, so that a late copy of the original
  (same stamp) is never kept again.

Never a version kept for its personal cells (conflict_rows.keep_personal_version): it
holds what only this laptop may hold. The table cells of the others that the network may
not see are left out by the publisher (privacy.shared_records.drop_hidden_kept_cells).

A laptop reading a file keeps each listed version by the same rule as a version that
loses a merge (conflict_rows.keep_version), so every laptop ends with the same ones.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.merge.conflict_rows import (
    PERSONAL_MARK,
    decode_value,
    encode_value,
    keep_version,
)
from desktop.core.merge.field_merge import MISSING, FieldVersion
from desktop.core.storage.db import Database

KEPT_KEY = "kept_versions"


def mark_erased(text: str, value: Any) -> str:
    """A row's value text holding `value`, its base kept, marked as rewritten."""
    before = json.loads(text)
    holder = json.loads(encode_value(value, before.get("base", "")))
    holder["erased"] = True
    if before.get(PERSONAL_MARK):
        holder[PERSONAL_MARK] = True  # rewritten, still this laptop's alone
    return json.dumps(holder, ensure_ascii=False)


def add_to_document(db: Database, device_id: str, document: dict[str, Any]) -> None:
    """List, in each venue or visit of a record file, its versions that travel."""
    for name in ("venues", "visits"):
        for record in document.get(name, []):
            shared = set(record.get("stamps", {}))
            versions = [v for v in _travelling(db, device_id, record["id"]) if v["field"] in shared]
            if versions:
                record[KEPT_KEY] = versions


def _travelling(db: Database, device_id: str, record_id: str) -> list[dict[str, Any]]:
    rows = db.conn.execute(
        "SELECT field, value, stamp, device_id, user_name FROM sync_conflicts "
        "WHERE record_id = ? ORDER BY field, stamp",
        (record_id,),
    ).fetchall()
    versions = []
    for key, text, stamp, device, user_name in rows:
        holder = json.loads(text)
        if holder.get(PERSONAL_MARK):
            continue
        if device != device_id and not holder.get("erased"):
            continue
        version = {"field": key, "stamp": stamp, "device_id": device, "user_name": user_name}
        version.update(base=holder.get("base", ""))
        if "v" in holder:
            version["value"] = holder["v"]
        if holder.get("erased"):
            version["erased"] = True
        versions.append(version)
    return versions


def apply_from_record(db: Database, table: str, record: dict[str, Any]) -> bool:
    """Keep the versions a colleague's file lists (rewriting erased copies); True if any
    row changed."""
    changed = False
    for item in record.get(KEPT_KEY) or []:
        value, key, stamp = item.get("value", MISSING), item["field"], item["stamp"]
        row = db.conn.execute(
            "SELECT value FROM sync_conflicts WHERE record_id = ? AND field = ? AND stamp = ?",
            (record["id"], key, stamp),
        ).fetchone()
        if row is None:
            version = FieldVersion(
                value, stamp, item.get("base", ""), item["device_id"], item.get("user_name", "")
            )
            if not keep_version(db, table, record["id"], key, version, _winner(db, record, key)):
                continue
            changed = True
            row = (encode_value(value, version.base),)
        if not item.get("erased"):
            continue
        if json.loads(row[0]).get("erased") and decode_value(row[0]) == value:
            continue
        db.conn.execute(
            "UPDATE sync_conflicts SET value = ? WHERE record_id = ? AND field = ? AND stamp = ?",
            (mark_erased(row[0], value), record["id"], key, stamp),
        )
        changed = True
    return changed


def _winner(db: Database, record: dict[str, Any], key: str) -> FieldVersion | None:
    """The field's version in place here (its stamp, device and base), to tell whether
    its author had seen the listed version."""
    row = db.conn.execute(
        "SELECT stamp, device_id, coalesce(base, '') FROM field_stamps "
        "WHERE record_id = ? AND field = ?",
        (record["id"], key),
    ).fetchone()
    return FieldVersion(None, row[0], row[2], row[1]) if row else None
