"""The trash: any record trashed or restored with a stamp, and what the trash holds.

Part of CarnetStore (store.py): set_deleted runs on the data service's writer.
"""

from __future__ import annotations

from desktop.core.storage.data_service import writes
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import ChangeResult, TrashItem
from desktop.core.storage.store_stamps import DELETED_FIELD, OWNER_FIELD

RECORD_KINDS = {"venues": "Lieu", "visits": "Visite", "photos": "Photo", "documents": "Document"}


class Trash:
    """The trash methods of CarnetStore."""

    @writes
    def set_deleted(self, table: str, record_id: str, when: str | None) -> ChangeResult:
        """Trash (when = now) or restore (None). A deletion's base is the latest edit it
        saw, so an edit made meanwhile elsewhere is told apart (deletion_conflicts)."""
        found = self.db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone()
        if not found:
            kind = RECORD_KINDS[table]
            raise RecordNotFound(f"{kind} introuvable : {record_id}")
        self.db[table].update(record_id, {"deleted_at": when})
        bases = {DELETED_FIELD: self._latest_edit(record_id)} if when else None
        self.stamp(table, record_id, [DELETED_FIELD], bases)
        if when is None:
            self.changes.conflicts = True  # a restore answers a deletion conflict
        return ChangeResult(record_id, (DELETED_FIELD,), {})

    def _latest_edit(self, record_id: str) -> str:
        row = self.db.conn.execute(
            "SELECT max(stamp) FROM field_stamps WHERE record_id = ? AND field NOT IN (?, ?)",
            (record_id, DELETED_FIELD, OWNER_FIELD),
        ).fetchone()
        return row[0] or ""

    def _dated_as(self, template_id: str | None) -> str:
        """« Visite du », a meeting's « Réunion du » (its x-record-heading), « Fiche du »."""
        template = self.templates.template_or_visit(template_id)
        if template.id == self.templates.visit.id:
            return "Visite du"
        return template.heading or "Fiche du"

    def list_trash(self) -> list[TrashItem]:
        venues = self.db.conn.execute(
            "SELECT id, name, commune, deleted_at FROM venues WHERE deleted_at IS NOT NULL"
        ).fetchall()
        visits = self.db.conn.execute(
            "SELECT v.id, ve.name, v.visit_date, v.deleted_at, v.template_id FROM visits v "
            "JOIN venues ve ON ve.id = v.venue_id "
            "WHERE v.deleted_at IS NOT NULL AND ve.deleted_at IS NULL"
        ).fetchall()
        items = [TrashItem("venue", r[0], f"Lieu « {r[1]} » ({r[2] or '—'})", r[3]) for r in venues]
        items += [
            TrashItem("visit", r[0], f"{self._dated_as(r[4])} {r[2]} — {r[1]}", r[3])
            for r in visits
        ]
        photos = self.db.conn.execute(
            "SELECT p.id, p.original_name, v.visit_date, ve.name, p.deleted_at, v.template_id "
            "FROM photos p "
            "JOIN visits v ON v.id = p.visit_id JOIN venues ve ON ve.id = v.venue_id "
            "WHERE p.deleted_at IS NOT NULL AND v.deleted_at IS NULL AND ve.deleted_at IS NULL"
        ).fetchall()
        items += [
            TrashItem(
                "photo", r[0], f"Photo {r[1]} — {self._dated_as(r[5]).lower()} {r[2]}, {r[3]}", r[4]
            )
            for r in photos
        ]
        documents = self.db.conn.execute(
            "SELECT d.id, d.original_name, ve.name, d.deleted_at FROM documents d "
            "JOIN venues ve ON ve.id = d.venue_id "
            "WHERE d.deleted_at IS NOT NULL AND ve.deleted_at IS NULL"
        ).fetchall()
        items += [TrashItem("document", r[0], f"Document {r[1]} — {r[2]}", r[3]) for r in documents]
        return sorted(items, key=lambda i: i.deleted_at, reverse=True)
