"""Deleting for good: a record, what hangs on it, and its files once nothing uses them.

Part of CarnetStore (store.py): purge runs on the data service's writer. A venue takes
its visits, photos and documents with it; a visit takes its photos. Their field stamps,
kept conflicts and search index rows go too (the index by its triggers), and each id is
remembered in `purged`, so an older copy met later (a colleague's file, an export) never
brings the record back. The media files are removed only after the commit (see
purge.py): a transaction rolled back must not leave records without their pictures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.storage import purge_horizon
from desktop.core.storage.data_service import writes
from desktop.core.storage.id_lists import rows_for_ids
from desktop.core.storage.record_basics import RecordNotFound, now_iso

CHILDREN = {
    "venues": (("visits", "venue_id"), ("documents", "venue_id")),
    "visits": (("photos", "visit_id"),),
}
TABLE_OF_KIND = {"venue": "venues", "visit": "visits", "photo": "photos", "document": "documents"}
KIND_NAMES = {"venues": "Lieu", "visits": "Visite", "photos": "Photo", "documents": "Document"}
CONFLICT, UNSEEN, LOCAL = "conflict", "unseen", "local"  # why a purge left a record


@dataclass(frozen=True)
class MediaFile:
    """A hash no record uses any more: its files can go (kind: photo or document)."""

    sha256: str
    kind: str
    ext: str


@dataclass(frozen=True)
class Purged:
    records: tuple[tuple[str, str], ...] = ()  # (table, id), children before parents
    media: tuple[MediaFile, ...] = ()
    # (table, id, why) of the items left in place, each with what its purge never saw:
    # CONFLICT (an open « Suppression » conflict), UNSEEN (an edit or a restore later
    # than the purger's horizon), LOCAL (a record the purger never had, e.g. a photo
    # that never left this laptop). See purge_horizon.py.
    kept: tuple[tuple[str, str, str], ...] = ()

    def count(self, table: str) -> int:
        return sum(1 for t, _ in self.records if t == table)


class Purges:
    """The purge method of CarnetStore."""

    @writes
    def purge(
        self,
        items: Iterable[tuple[str, str]],
        received: bool = False,
        horizons: dict[str, dict] | None = None,
    ) -> Purged:
        """Delete these (table, id) records for good, with their children.

        received: the purge came from a colleague's tombstone; this laptop then owes the
        share a tombstone only where it had published the record itself. A purge made
        here owes one for every record that was ever shared (published or received).
        An id already purged is skipped; an id never known raises RecordNotFound
        unless received. horizons (received only): what the purger had of each record
        it purged, children included (purge_horizon.py); a record with anything more
        here stays, with its whole family. None: a tombstone of the version before,
        which erases everything it names. A purge made here leaves a record whose
        deletion is in an open conflict: the user answers it first.
        """
        records: list[tuple[str, str]] = []
        kept: list[tuple[str, str, str]] = []
        for table, record_id in items:
            if not self._exists(table, record_id):
                self._not_held(table, record_id, received, horizons)
                continue
            family: list[tuple[str, str]] = []
            self._collect(table, record_id, family)
            why = self._why_kept(family, received, horizons)
            if why:
                kept.append((table, record_id, why))
                continue
            if not received or horizons is not None:  # an older tombstone: as it was
                self._note_horizons(family, horizons if received else None)
            records += family
        kept_ids = self._keep(kept, horizons if received else None)
        records = [r for r in dict.fromkeys(records) if r[1] not in kept_ids]
        digests = set()
        for table, record_id in records:
            digests |= self._delete_record(table, record_id, received)
        media = tuple(m for d in sorted(digests) if (m := self._drop_media(d)) is not None)
        return Purged(tuple(records), media, tuple(kept))

    def _not_held(self, table: str, record_id: str, received: bool, horizons) -> None:
        """An id not held here: a received one is remembered (no stale copy brings it
        in), unless it came back after this very purge and its file is still to come."""
        if self._already_purged(record_id):
            return
        if not received:
            raise RecordNotFound(f"{KIND_NAMES[table]} introuvable : {record_id}")
        horizon = (horizons or {}).get(record_id)
        if not purge_horizon.came_back(self.db.conn, record_id, horizon):
            self._remember_purged(table, record_id, received, owed=False)
            self._remember_horizon(record_id, horizon)

    def _why_kept(self, family, received: bool, horizons: dict | None) -> str:
        """'' when the family may go; otherwise why it stays (see Purged.kept)."""
        conn = self.db.conn
        if not received:
            conflicted = any(purge_horizon.open_deletion_conflict(conn, i) for _, i in family)
            return CONFLICT if conflicted else ""
        if horizons is None:
            return ""
        if any(
            i in horizons and not purge_horizon.covered(conn, i, horizons[i]) for _, i in family
        ):
            return UNSEEN
        return LOCAL if any(i not in horizons for _, i in family) else ""

    def _keep(self, kept: list[tuple[str, str, str]], horizons: dict | None) -> set[str]:
        """The ids of the families left in place. A kept root that lacks the purger's
        deletion gets it (purge_horizon.apply_deletion). Each of this laptop's records
        among them is published again in full, so a laptop that erased them gets them
        back (with the deletion: the same « Suppression » conflict everywhere)."""
        ids: set[str] = set()
        for table, record_id, _why in kept:
            family: list[tuple[str, str]] = []
            self._collect(table, record_id, family)
            ids |= {i for _, i in family}
            horizon = (horizons or {}).get(record_id)
            if horizon and purge_horizon.apply_deletion(self.db.conn, table, record_id, horizon):
                self.changes.note(table, record_id, ("_deleted",))
                self.changes.conflicts = True
        self.db.conn.executemany(
            "DELETE FROM sync_published WHERE record_id = ?", [(i,) for i in sorted(ids)]
        )
        return ids

    def _note_horizons(self, family, received: dict | None) -> None:
        """What this purge had of each record: its own (a purge made here) or the one
        received; the first of the family (its root) also names the others."""
        conn = self.db.conn
        root = family[-1][1]
        for _table, record_id in family:
            if received is not None:
                horizon = received.get(record_id)
            else:
                horizon = purge_horizon.horizon_of(conn, record_id)
            if horizon is not None and record_id == root:
                horizon = dict(horizon, family=[[t, i] for t, i in family[:-1]])
            self._remember_horizon(record_id, horizon)

    def _remember_horizon(self, record_id: str, horizon: dict | None) -> None:
        if horizon is not None:
            purge_horizon.remember(self.db.conn, record_id, horizon)

    def purged_among(self, ids: Iterable[str]) -> set[str]:
        """Those of these ids that were purged here."""
        sql = "SELECT id FROM purged WHERE id IN ({marks})"
        return {row[0] for row in rows_for_ids(self.db.conn, sql, ids)}

    def _exists(self, table: str, record_id: str) -> bool:
        sql = f"SELECT 1 FROM {table} WHERE id = ?"
        return self.db.conn.execute(sql, (record_id,)).fetchone() is not None

    def _already_purged(self, record_id: str) -> bool:
        sql = "SELECT 1 FROM purged WHERE id = ?"
        return self.db.conn.execute(sql, (record_id,)).fetchone() is not None

    def _collect(self, table: str, record_id: str, records: list[tuple[str, str]]) -> None:
        """Children first, so no row is ever left pointing at a deleted parent."""
        for child, column in CHILDREN.get(table, ()):
            rows = self.db.conn.execute(f"SELECT id FROM {child} WHERE {column} = ?", (record_id,))
            for (child_id,) in rows.fetchall():
                self._collect(child, child_id, records)
        records.append((table, record_id))

    def _delete_record(self, table: str, record_id: str, received: bool) -> set[str]:
        run = self.db.conn.execute
        digests = set()
        if table in ("photos", "documents"):
            digests = {
                row[0] for row in run(f"SELECT sha256 FROM {table} WHERE id = ?", (record_id,))
            }
        owed = self._owes_tombstone(record_id, received)
        run(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        run("DELETE FROM field_stamps WHERE record_id = ?", (record_id,))
        if run("DELETE FROM sync_conflicts WHERE record_id = ?", (record_id,)).rowcount:
            self.changes.conflicts = True
        if not owed:
            run("DELETE FROM sync_published WHERE record_id = ?", (record_id,))
        self._remember_purged(table, record_id, received, owed)
        self.changes.note(table, record_id, ("_purged",))
        return digests

    def _remember_purged(self, table: str, record_id: str, received: bool, owed: bool) -> None:
        origin = "" if received else self.author.device_id
        self.db.conn.execute(
            "INSERT INTO purged(id, tbl, purged_at, origin, publish, published) "
            "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO NOTHING",
            (record_id, table, now_iso(), origin, int(owed)),
        )

    def _owes_tombstone(self, record_id: str, received: bool) -> bool:
        run = self.db.conn.execute
        published = run("SELECT 1 FROM sync_published WHERE record_id = ?", (record_id,))
        if published.fetchone():
            return True
        if received:
            return False
        foreign = run(
            "SELECT 1 FROM field_stamps WHERE record_id = ? AND device_id != ? LIMIT 1",
            (record_id, self.author.device_id),
        )
        return foreign.fetchone() is not None

    def _drop_media(self, digest: str) -> MediaFile | None:
        """The hash's media row, when no record left (trashed ones included) uses it."""
        run = self.db.conn.execute
        used = run(
            "SELECT 1 FROM photos WHERE sha256 = ? UNION ALL SELECT 1 FROM documents WHERE sha256 = ?",
            (digest, digest),
        ).fetchone()
        if used:
            return None
        row = run("SELECT kind, ext FROM media WHERE sha256 = ?", (digest,)).fetchone()
        run("DELETE FROM media WHERE sha256 = ?", (digest,))
        run("DELETE FROM sync_prints WHERE sha256 = ?", (digest,))
        if row is None:
            return None
        return MediaFile(digest, row[0], row[1] or "")
