"""What a purge had seen: the stamps that tell a colleague's purge from data it never saw.

A purge erases a record as its purger knew it. Its horizon, per record, is two stamps
from the purger's field_stamps at the moment of the purge:
  seen     the latest stamp of its fields (neither `_deleted` nor `_owner`),
  deleted  the stamp of its `_deleted` field ('' if it had none).
A laptop's copy is covered by the horizon when none of its edits is later than `seen`
and its own `_deleted` is not later than `deleted`: everything in it, its purger had.
An edit made elsewhere after (or unseen by) the deletion, or a restore, is later.

The horizons are rows of `meta` (key `purge_horizon:<id>`, value JSON), beside the
id's row of `purged`: no schema change. A purge without a horizon (a tombstone from
the version before this one) saw everything, as it did then.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from desktop.core.merge.hlc import Stamp
from desktop.core.storage.id_lists import rows_for_ids
from desktop.core.storage.store_stamps import DELETED_FIELD, OWNER_FIELD

PREFIX = "purge_horizon:"

_LOCAL = """
SELECT coalesce(max(CASE WHEN field NOT IN (?, ?) THEN stamp END), ''),
       coalesce(max(CASE WHEN field = ? THEN stamp END), ''),
       coalesce(max(CASE WHEN field = ? THEN user_name END), '')
FROM field_stamps WHERE record_id = ?
"""


def horizon_of(conn, record_id: str) -> dict[str, str]:
    """This laptop's horizon of a record: what a purge made here saw of it (and who
    deleted it, for the « Suppression » conflict a colleague may list)."""
    seen, deleted, by = conn.execute(
        _LOCAL, (DELETED_FIELD, OWNER_FIELD, DELETED_FIELD, DELETED_FIELD, record_id)
    ).fetchone()
    return {
        "seen": seen,
        "deleted": deleted,
        "deleted_by": by,
        "deleted_at": _deleted_at(conn, record_id),
    }


def _deleted_at(conn, record_id: str) -> str:
    for table in ("venues", "visits", "photos", "documents"):
        sql = f"SELECT deleted_at FROM {table} WHERE id = ?"
        row = conn.execute(sql, (record_id,)).fetchone()
        if row is not None:
            return row[0] or ""
    return ""


def covered(conn, record_id: str, horizon: dict[str, str] | None) -> bool:
    """True when the purger had everything this laptop holds of the record."""
    if horizon is None:
        return True
    here = horizon_of(conn, record_id)
    return here["seen"] <= horizon.get("seen", "") and here["deleted"] <= horizon.get("deleted", "")


def unseen_in(record: dict, horizon: dict[str, str] | None) -> bool:
    """True when a record of an exchange file holds a version its purger never saw."""
    if horizon is None:
        return False
    for field, stamp in (record.get("stamps") or {}).items():
        value = stamp.get("stamp", "") if isinstance(stamp, dict) else ""
        if field == DELETED_FIELD and value > horizon.get("deleted", ""):
            return True
        if field not in (DELETED_FIELD, OWNER_FIELD) and value > horizon.get("seen", ""):
            return True
    return False


def open_deletion_conflict(conn, record_id: str) -> bool:
    """A deletion here with an edit it never saw (a « Suppression » conflict to answer)."""
    row = conn.execute(
        "SELECT 1 FROM field_stamps d JOIN field_stamps f ON f.record_id = d.record_id "
        "WHERE d.record_id = ? AND d.field = ? AND f.field NOT IN (?, ?) "
        "AND f.stamp > coalesce(nullif(d.base, ''), d.stamp) LIMIT 1",
        (record_id, DELETED_FIELD, DELETED_FIELD, OWNER_FIELD),
    ).fetchone()
    return row is not None


def apply_deletion(conn, table: str, record_id: str, horizon: dict) -> bool:
    """The purger's deletion, on a record kept here that lacks it (its file was a
    tombstone before this laptop read it): the record goes to the trash under the
    purger's own stamp, with what it had seen as base, exactly as its file would have
    said. So an edit it never saw is listed as a « Suppression » conflict, and this
    laptop's copy, published again, carries nothing later than the purge for it."""
    deleted = horizon.get("deleted", "")
    if not deleted or horizon_of(conn, record_id)["deleted"] >= deleted:
        return False
    when = Stamp.decode(deleted)
    at = horizon.get("deleted_at") or datetime.fromtimestamp(when.wall_ms / 1000, UTC).isoformat(
        timespec="milliseconds"
    )
    conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", (at, record_id))
    conn.execute(
        "INSERT INTO field_stamps(record_id, field, stamp, device_id, user_name, base) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(record_id, field) DO UPDATE SET "
        "stamp = excluded.stamp, device_id = excluded.device_id, "
        "user_name = excluded.user_name, base = excluded.base",
        (
            record_id,
            DELETED_FIELD,
            deleted,
            when.device_id,
            horizon.get("deleted_by", ""),
            horizon.get("seen", ""),
        ),
    )
    return True


def remember(conn, record_id: str, horizon: dict) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (PREFIX + record_id, json.dumps(horizon, sort_keys=True)),
    )


def recall(conn, ids: Iterable[str]) -> dict[str, dict]:
    """The horizons stored for these ids (an id without one: absent)."""
    keys = [PREFIX + record_id for record_id in ids]
    sql = "SELECT key, value FROM meta WHERE key IN ({marks})"
    return {key[len(PREFIX) :]: json.loads(value) for key, value in rows_for_ids(conn, sql, keys)}


def mark_back(conn, ids: Iterable[str]) -> None:
    """These ids came back (an edit their purge never saw): a tombstone read again
    (its file changed, or its index row was cleared) never purges them again while
    they are not held here yet, their family's files still to be read."""
    horizons = recall(conn, ids)
    for record_id in ids:
        remember(conn, record_id, dict(horizons.get(record_id, {}), back=True))


def came_back(conn, record_id: str, horizon: dict | None) -> bool:
    """True when the id came back after a purge that this one does not go beyond (the
    same tombstone read again; a later purge, with a later horizon, goes ahead)."""
    stored = recall(conn, [record_id]).get(record_id, {})
    later = horizon is not None and horizon.get("seen", "") > stored.get("seen", "")
    return bool(stored.get("back")) and not later
