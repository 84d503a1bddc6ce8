"""Field edits, stamped: which fields an edit really changes, and who changed them when.

Each field change records its hybrid-logical-clock stamp, device and user in
field_stamps, with the stamp it replaced as its base: the shared-folder sync merges on
them. Part of CarnetStore (store.py), whose db, service, clock and changes it uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.core.forms.validation import is_empty
from desktop.core.merge.conflict_rows import NOT_PERSONAL, keep_version
from desktop.core.merge.field_merge import MISSING, FieldVersion
from desktop.core.merge.hlc import Stamp

DELETED_FIELD = "_deleted"  # the tombstone's own stamp
OWNER_FIELD = "_owner"  # the laptop that publishes a visit's sheet (see sync)


class FieldStamps:
    """Stamping the fields an edit changed, and reading the stamps back."""

    def stamp(
        self,
        table: str,
        record_id: str,
        keys: Iterable[str],
        bases: dict[str, str] | None = None,
    ) -> str:
        """Record who changed these fields of a record, and when (inside a transaction).

        Each stamp keeps the stamp it replaces as its base (or the given one: the stamp
        an editor was showing, or every value in conflict when the user resolves one):
        the sync tells concurrent edits from later ones by it. Returns the new stamp.
        """
        keys = list(keys)
        if not keys:
            return ""
        stamp = self.clock.tick().encode()
        bases = bases or {}
        author = self.author
        # The base is the stamp being replaced: SQLite reads it in the same statement.
        self.db.conn.executemany(
            "INSERT INTO field_stamps(record_id, field, stamp, device_id, user_name, base) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(record_id, field) DO UPDATE SET "
            "base = coalesce(excluded.base, field_stamps.stamp), stamp = excluded.stamp, "
            "device_id = excluded.device_id, user_name = excluded.user_name",
            [
                (record_id, key, stamp, author.device_id, author.user_name, bases.get(key))
                for key in keys
            ],
        )
        # This laptop's own earlier versions that the edit had seen are forgotten, as a
        # merge does; the others stay kept, judged against the winner when listed (and
        # so do personal cells kept aside: the only copy of what this laptop typed).
        self.db.conn.executemany(
            "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ? AND device_id = ? "
            "AND stamp <= (SELECT base FROM field_stamps WHERE record_id = ? AND field = ?) "
            f"AND {NOT_PERSONAL}",
            [(record_id, key, author.device_id, record_id, key) for key in keys],
        )
        self.changes.note(table, record_id, keys)
        return stamp

    def observe(self, stamp: dict[str, str]) -> None:
        """A stamp that arrived from elsewhere (a merge, on the writer): later local stamps
        follow it."""
        self.writer.observe(Stamp.decode(stamp["stamp"]), stamp.get("user_name", ""))

    def field_stamps(self, record_id: str) -> dict[str, dict[str, str]]:
        """Per field, its stamp; a field erased by a withdrawal (empty stamp: see
        privacy/withdrawn_copies) has none, so any version that arrives is taken."""
        rows = self.db.conn.execute(
            "SELECT field, stamp, device_id, user_name, base FROM field_stamps "
            "WHERE record_id = ? AND stamp <> ''",
            (record_id,),
        )
        stamps = {}
        for field, stamp, device_id, user_name, base in rows:
            stamps[field] = {"stamp": stamp, "device_id": device_id, "user_name": user_name}
            if base:
                stamps[field]["base"] = base
        return stamps

    def _keep_replaced(
        self,
        table: str,
        record_id: str,
        stored: dict[str, Any],
        changed: Iterable[str],
        bases: dict[str, str] | None,
    ) -> tuple[str, ...]:
        """Keep the versions an edit replaces; returns the fields changed underneath.

        An editor that writes over a value it never showed (another window, a headless
        command, a sync pass changed it) makes a conflict: that value is kept, not lost.
        A colleague's version is kept too, seen or not, as a merge keeps the version that
        loses (conflict_rows): a colleague's edit made without seeing it and winning later
        is judged against it on every laptop alike."""
        stamps = self.field_stamps(record_id)
        underneath = []
        for key in changed:
            current = stamps.get(key)
            if current is None:
                continue
            unseen = bool(bases) and key in bases and current["stamp"] != bases[key]
            if not unseen and current["device_id"] == self.author.device_id:
                continue
            version = FieldVersion.of(stored.get(key, MISSING), current)
            keep_version(self.db, table, record_id, key, version)
            if unseen:
                underneath.append(key)
        if underneath:
            self.changes.conflicts = True
        return tuple(underneath)


def keep_replaced_columns(store, table: str, record_id: str, changed: Iterable[str]) -> None:
    """A photo's or document's edit (its values are columns): the versions it replaces
    are kept like a venue's or visit's (FieldStamps._keep_replaced)."""
    cursor = store.db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    row = cursor.fetchone()
    if row is None:
        return
    names = [d[0] for d in cursor.description]
    stored = {k: v for k, v in zip(names, row, strict=True) if v is not None}
    store._keep_replaced(table, record_id, stored, changed, None)


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Empty values mean 'cleared': they are stored as absent keys."""
    return {k: (None if is_empty(v) else v) for k, v in changes.items()}


def apply_changes(
    data: dict[str, Any], changes: dict[str, Any]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The new data and the keys whose value really changed."""
    result = dict(data)
    changed = []
    for key, value in changes.items():
        if value is None:
            if key in result:
                del result[key]
                changed.append(key)
        elif result.get(key) != value:
            result[key] = value
            changed.append(key)
    return result, tuple(changed)


def bases_of(changed: Iterable[str], bases: dict[str, str] | None) -> dict[str, str] | None:
    """The bases an editor gave for the fields it changed (None: the stamps replaced)."""
    if not bases:
        return None
    return {key: bases[key] for key in changed if key in bases}
