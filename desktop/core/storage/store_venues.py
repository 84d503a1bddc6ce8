"""Venues: created, read, edited, listed the French way, trashed and restored.

Part of CarnetStore (store.py): the methods marked @writes run on the data service's
writer, in its transaction.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.forms import text
from desktop.core.forms.text import venue_sort_key
from desktop.core.forms.validation import validate_document
from desktop.core.storage.data_service import writes
from desktop.core.storage.first_screen import VENUES_SQL
from desktop.core.storage.record_basics import RecordNotFound, new_id, now_iso
from desktop.core.storage.records import ChangeResult, Venue, VenueSummary
from desktop.core.storage.store_stamps import apply_changes, bases_of, clean_changes


class VenueRecords:
    """The venue methods of CarnetStore."""

    @writes
    def create_venue(self, identity: dict[str, Any]) -> Venue:
        data = {k: v for k, v in clean_changes(identity).items() if v is not None}
        if not str(data.get("name", "")).strip():
            raise ValueError("Un lieu doit avoir un nom.")
        venue_id, now = new_id(), now_iso()
        self.db["venues"].insert(
            {
                "id": venue_id,
                **self.venue_columns(data),
                "created_at": now,
                "created_device": self.author.device_id,
                "created_user": self.author.user_name,
                "deleted_at": None,
            }
        )
        self.stamp("venues", venue_id, data.keys())
        return self.get_venue(venue_id)

    def get_venue(self, venue_id: str) -> Venue:
        row = self.db.conn.execute(
            "SELECT id, name, commune, data, created_at, updated_at, deleted_at "
            "FROM venues WHERE id = ?",
            (venue_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Lieu introuvable : {venue_id}")
        data = json.loads(row[3])
        errors = validate_document(self.templates.venue, data)
        return Venue(row[0], row[1], row[2] or "", data, row[4], row[5], row[6], errors)

    @writes
    def update_venue(
        self, venue_id: str, changes: dict[str, Any], bases: dict[str, str] | None = None
    ) -> ChangeResult:
        """Apply field changes; `bases` are the stamps the editor was showing (see
        _keep_replaced)."""
        venue = self.get_venue(venue_id)
        data, changed = apply_changes(venue.data, clean_changes(changes))
        if "name" in changed and not data.get("name"):
            data["name"] = venue.name  # a venue never loses its name
            changed = tuple(k for k in changed if k != "name")
        stamp, conflicts = "", ()
        if changed:
            conflicts = self._keep_replaced("venues", venue_id, venue.data, changed, bases)
            self.db["venues"].update(venue_id, self.venue_columns(data))
            stamp = self.stamp("venues", venue_id, changed, bases_of(changed, bases))
            if {"name", "commune"} & set(changed):
                self._reindex_visits_of(venue_id)
        errors = validate_document(self.templates.venue, data)
        stamps = dict.fromkeys(changed, stamp)
        return ChangeResult(venue_id, changed, errors, stamps=stamps, conflicts=conflicts)

    def venue_columns(self, data: dict[str, Any]) -> dict[str, Any]:
        """The denormalised columns of a venue row, derived from its data."""
        return {
            "name": data.get("name", ""),
            "commune": data.get("commune", ""),
            "sort_key": venue_sort_key(data.get("name", ""), data.get("commune", "")),
            "data": json.dumps(data, ensure_ascii=False),
            "search_text": text.document_text(self.templates.venue, data),
            "updated_at": now_iso(),
        }

    def list_venues(self, query: str = "") -> list[VenueSummary]:
        """Live venues, sorted by name the French way; query matches name, commune, address."""
        fts = text.fts_query(query)
        if fts:
            rows = self.db.conn.execute(
                "SELECT v.id, v.name, v.commune FROM venues_fts f "
                "JOIN venues v ON v.rowid = f.rowid "
                "WHERE venues_fts MATCH ? AND v.deleted_at IS NULL ORDER BY v.sort_key",
                (fts,),
            ).fetchall()
        else:  # served by the covering index venues_by_sort_key (the first frame's too)
            rows = self.db.conn.execute(VENUES_SQL).fetchall()
        return [VenueSummary(r[0], r[1], r[2] or "") for r in rows]

    @writes
    def delete_venue(self, venue_id: str) -> ChangeResult:
        return self.set_deleted("venues", venue_id, now_iso())

    @writes
    def restore_venue(self, venue_id: str) -> ChangeResult:
        return self.set_deleted("venues", venue_id, None)
