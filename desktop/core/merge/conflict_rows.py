"""The rows of sync_conflicts: versions of a field that lost a merge or were replaced.

A row is not decided once, when its version loses: it is judged against the field's
current version each time conflicts are listed (conflicts.open_rows). A version that
looked seen by the winner of the moment (its stamp not later than that winner's base,
as under a clock that is late) may be unseen by the final winner; a laptop that dropped
it then would list fewer conflicts than one where the final winner came first.

So a laptop keeps, per record, field and device, the latest versions it has met that
lost or were replaced, and forgets only what the same device's own later version had
seen (that device's author replaced it knowingly; every laptop forgets it too once that
later version arrives, as winner or as a row of its own). What is kept is then the same
on every laptop once every file has arrived, whatever the order.

A version kept for its personal cells (keep_personal_version: a colleague's edit of a
table left some of them nowhere to go) is this laptop's alone: it has a stamp of its own,
later than the winner's base, so it is listed like any conflict until the user answers
it or edits the table again; it never travels, and no edit deletes it as « seen ».

The value column holds {"v": value} (no "v": the field was cleared) and the version's
base under "base", so that no schema change was needed for it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from desktop.core.merge.field_merge import MISSING, FieldVersion
from desktop.core.storage.db import Database

PERSONAL_MARK = "personal"  # in the value's JSON: a version kept for its personal cells
NOT_PERSONAL = f"json_extract(value, '$.{PERSONAL_MARK}') IS NULL"


def encode_value(value: Any, base: str = "") -> str:
    holder: dict[str, Any] = {} if value is MISSING else {"v": value}
    if base:
        holder["base"] = base
    return json.dumps(holder, ensure_ascii=False)


def decode_value(text: str) -> Any:
    holder = json.loads(text)
    return holder.get("v", MISSING)


def decode_base(text: str) -> str:
    return json.loads(text).get("base", "")


def reencode_value(text: str, value: Any) -> str:
    """The same row's text with another value (an erasure), its base kept."""
    return encode_value(value, decode_base(text))


def keep_version(
    db: Database,
    table: str,
    record_id: str,
    key: str,
    version: FieldVersion,
    winner: FieldVersion | None = None,
) -> bool:
    """Keep a version that lost to `winner` (or was replaced); True if a row was added.

    Nothing is kept when a later version of the same device has seen it: the field's
    winner or a row already kept. The rows of that device it has seen are dropped."""
    device = version.device_id or device_of(version.stamp)
    if winner is not None and (
        winner.stamp == version.stamp
        or (winner.device_id == device and version.stamp <= winner.base)
    ):
        return False
    rows = db.conn.execute(
        "SELECT stamp, value FROM sync_conflicts WHERE record_id = ? AND field = ? "
        "AND device_id = ?",
        (record_id, key, device),
    ).fetchall()
    if any(stamp == version.stamp or version.stamp <= decode_base(text) for stamp, text in rows):
        return False
    drop_seen(db, record_id, key, device, version.base)
    encoded = encode_value(version.value, version.base)
    _insert(db, (record_id, table, key, encoded, version.stamp, device, version.user_name))
    return True


def _insert(db: Database, row: tuple) -> None:
    """One kept version: (record_id, tbl, field, value, stamp, device_id, user_name)."""
    db.conn.execute(
        "INSERT OR IGNORE INTO sync_conflicts(record_id, tbl, field, value, stamp, device_id, "
        "user_name, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*row, datetime.now(UTC).isoformat(timespec="milliseconds")),
    )


def device_of(stamp: str) -> str:
    """The device named at the end of an encoded stamp (hlc.Stamp.encode)."""
    parts = stamp.split("-", 2)
    return parts[2] if len(parts) == 3 else ""


def drop_seen(db: Database, record_id: str, key: str, device: str, base: str) -> bool:
    """Forget the rows of a device that its later version (with this base) had seen."""
    if not base:
        return False
    cursor = db.conn.execute(
        "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ? AND device_id = ? "
        f"AND stamp <= ? AND {NOT_PERSONAL}",
        (record_id, key, device, base),
    )
    return cursor.rowcount > 0


def keep_personal_version(
    db: Database, table: str, record_id: str, key: str, value: Any, stamp: str, author
) -> None:
    """Keep `value` (this laptop's table before a colleague's edit) as a version of its
    own, for the personal cells that edit left nowhere to go: `stamp` is a new local stamp
    (later than everything seen), `author` this laptop's (device_id, user_name)."""
    holder = json.loads(encode_value(value))
    holder[PERSONAL_MARK] = True
    encoded = json.dumps(holder, ensure_ascii=False)
    _insert(db, (record_id, table, key, encoded, stamp, author.device_id, author.user_name))
