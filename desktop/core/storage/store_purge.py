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

from desktop.core.storage.data_service import writes
from desktop.core.storage.id_lists import rows_for_ids
from desktop.core.storage.record_basics import RecordNotFound, now_iso

CHILDREN = {
    "venues": (("visits", "venue_id"), ("documents", "venue_id")),
    "visits": (("photos", "visit_id"),),
}
TABLE_OF_KIND = {"venue": "venues", "visit": "visits", "photo": "photos", "document": "documents"}
KIND_NAMES = {"venues": "Lieu", "visits": "Visite", "photos": "Photo", "documents": "Document"}


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

    def count(self, table: str) -> int:
        return sum(1 for t, _ in self.records if t == table)


class Purges:
    """The purge method of CarnetStore."""

    @writes
    def purge(self, items: Iterable[tuple[str, str]], received: bool = False) -> Purged:
        """Delete these (table, id) records for good, with their children.

        received: the purge came from a colleague's tombstone; this laptop then owes the
        share a tombstone only where it had published the record itself. A purge made
        here owes one for every record that was ever shared (published or received).
        An id already purged is skipped; an id never known raises RecordNotFound
        unless received.
        """
        records: list[tuple[str, str]] = []
        for table, record_id in items:
            if not self._exists(table, record_id):
                if received:  # never held here: remembered, so no stale copy brings it in
                    self._remember_purged(table, record_id, received, owed=False)
                elif not self._already_purged(record_id):
                    raise RecordNotFound(f"{KIND_NAMES[table]} introuvable : {record_id}")
                continue
            self._collect(table, record_id, records)
        digests = set()
        for table, record_id in dict.fromkeys(records):
            digests |= self._delete_record(table, record_id, received)
        media = tuple(m for d in sorted(digests) if (m := self._drop_media(d)) is not None)
        return Purged(tuple(dict.fromkeys(records)), media)

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
