"""Bringing records back from the trash, and where each one belongs once restored.

The window shows a restored record where it lives: a venue in the list, a visit or a
photo in its visit, a document in its venue. Finding that place reads the database,
so it lives here, not in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.records import TrashItem
from desktop.core.storage.store import CarnetStore

ATTACHMENT_TABLES = {"photo": "photos", "document": "documents"}


@dataclass(frozen=True)
class Place:
    """Where a record is shown: a venue, and the visit inside it when there is one."""

    venue_id: str
    visit_id: str | None = None


def restore(store: CarnetStore, item: TrashItem) -> None:
    """Take a venue, a visit, a photo or a document out of the trash (through the writer)."""
    if item.kind == "venue":
        store.restore_venue(item.id)
    elif item.kind == "visit":
        store.restore_visit(item.id)
    else:
        store.set_deleted(ATTACHMENT_TABLES[item.kind], item.id, None)


def place_of(store: CarnetStore, item: TrashItem) -> Place:
    """The venue (and visit) a trash item belongs to, deleted or not."""
    if item.kind == "venue":
        return Place(item.id)
    if item.kind == "document":
        return Place(_column(store, "SELECT venue_id FROM documents WHERE id = ?", item.id))
    visit_id = item.id
    if item.kind == "photo":
        visit_id = _column(store, "SELECT visit_id FROM photos WHERE id = ?", item.id)
    return Place(_column(store, "SELECT venue_id FROM visits WHERE id = ?", visit_id), visit_id)


def _column(store: CarnetStore, sql: str, record_id: str) -> str:
    row = store.db.conn.execute(sql, (record_id,)).fetchone()
    if row is None:
        raise RecordNotFound(f"Introuvable : {record_id}")
    return row[0]


def count_live_venues(store: CarnetStore) -> int:
    """Venues not in the trash (the status bar's count)."""
    sql = "SELECT count(*) FROM venues WHERE deleted_at IS NULL"
    return store.db.conn.execute(sql).fetchone()[0]
