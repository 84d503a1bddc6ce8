"""The rows of sync_conflicts: a value that lost a merge, kept for the user to review."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from desktop.core.merge.field_merge import MISSING, FieldVersion, still_in_conflict
from desktop.core.storage.db import Database


def encode_value(value: Any) -> str:
    return json.dumps({} if value is MISSING else {"v": value}, ensure_ascii=False)


def decode_value(text: str) -> Any:
    holder = json.loads(text)
    return holder.get("v", MISSING)


def keep_conflict(db: Database, table: str, record_id: str, key: str, loser: FieldVersion) -> None:
    """Keep a losing value; one row per distinct value, the latest stamp's.

    Two laptops may lose with the same value (« oui » and « oui » against « non »). Which
    of them a laptop sees as a conflict depends on the order the files arrive: one that
    lost to an equal value first was never a conflict there. Keeping, per value, the
    version with the latest stamp is the same on every laptop whatever that order."""
    value = encode_value(loser.value)
    kept = db.conn.execute(
        "SELECT stamp FROM sync_conflicts WHERE record_id = ? AND field = ? AND value = ?",
        (record_id, key, value),
    ).fetchall()
    if any(stamp >= loser.stamp for (stamp,) in kept):
        return
    if kept:
        db.conn.execute(
            "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ? AND value = ?",
            (record_id, key, value),
        )
    db.conn.execute(
        "INSERT OR IGNORE INTO sync_conflicts(record_id, tbl, field, value, stamp, device_id, "
        "user_name, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record_id,
            table,
            key,
            value,
            loser.stamp,
            loser.device_id,
            loser.user_name,
            datetime.now(UTC).isoformat(timespec="milliseconds"),
        ),
    )


def prune_conflicts(db: Database, record_id: str, key: str, winner: FieldVersion) -> bool:
    """Drop the kept values that the field's current version has seen or now agrees with."""
    rows = db.conn.execute(
        "SELECT stamp, value FROM sync_conflicts WHERE record_id = ? AND field = ?",
        (record_id, key),
    ).fetchall()
    dropped = False
    for stamp, value in rows:
        if not still_in_conflict(FieldVersion(decode_value(value), stamp), winner):
            db.conn.execute(
                "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ? AND stamp = ?",
                (record_id, key, stamp),
            )
            dropped = True
    return dropped
