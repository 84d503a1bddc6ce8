"""Venues and visits in the local database: every edit stamped, every delete undoable.

Each mutation runs in one transaction and returns what changed. Each field change
records its hybrid-logical-clock stamp, device and user in field_stamps, which the
shared-folder sync merges on.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.core import text
from desktop.core.changes import ChangeSet
from desktop.core.conflict_rows import keep_conflict
from desktop.core.data_service import DataService, Writer, writes
from desktop.core.db import Database
from desktop.core.field_merge import MISSING, FieldVersion
from desktop.core.hlc import HybridClock, Stamp
from desktop.core.records import (
    Author,
    ChangeResult,
    SearchHit,
    TrashItem,
    Venue,
    VenueSummary,
    Visit,
    VisitSummary,
)
from desktop.core.templates import Template, TemplateSet
from desktop.core.text import venue_sort_key
from desktop.core.validation import is_empty, validate_document

DELETED_FIELD = "_deleted"  # the tombstone's own stamp
OWNER_FIELD = "_owner"  # the laptop that publishes a visit's sheet (see sync)
RECORD_KINDS = {"venues": "Lieu", "visits": "Visite", "photos": "Photo", "documents": "Document"}


class RecordNotFound(LookupError):
    """str() is a French message naming what was not found."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return uuid.uuid4().hex


def completeness(template: Template, data: dict[str, Any]) -> float:
    keys = [f.key for f in template.fields]
    filled = sum(1 for k in keys if not is_empty(data.get(k)))
    return round(filled / len(keys), 3) if keys else 1.0


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    """Empty values mean 'cleared': they are stored as absent keys."""
    return {k: (None if is_empty(v) else v) for k, v in changes.items()}


class CarnetStore:
    """Venues and visits. Reads run on this store's connection; the methods marked
    @writes run on the data service's writer (see data_service.py), in its transaction."""

    def __init__(self, db: Database, templates: TemplateSet, service: DataService) -> None:
        self.db = db
        self.templates = templates
        self.service = service
        self.clock: HybridClock | None = None  # set by the service for each transaction
        self.changes: ChangeSet | None = None

    @property
    def author(self) -> Author:
        return self.service.author

    def on(self, writer: Writer) -> CarnetStore:
        return writer.store

    def worker_copy(self) -> CarnetStore:
        """The same store on its own read connection, for a background thread; close() it."""
        from desktop.core.db import open_reader

        path = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        return CarnetStore(open_reader(Path(path)), self.templates, self.service)

    def close(self) -> None:
        self.db.conn.close()

    def begin(self, writer: Writer) -> None:
        """The service opened a transaction: stamps come from its clock."""
        self.clock, self.changes = writer.clock, writer.changes

    def end(self) -> None:
        self.clock = self.changes = None

    # ----------------------------------------------------------------- stamps
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
            [(record_id, key, stamp, author.device_id, author.user_name, bases.get(key))
             for key in keys],
        )  # fmt: skip
        # Values this edit's author had seen are no longer in conflict (as a merge decides).
        self.db.conn.executemany(
            "DELETE FROM sync_conflicts WHERE record_id = ? AND field = ? AND stamp <= "
            "(SELECT base FROM field_stamps WHERE record_id = ? AND field = ?)",
            [(record_id, key, record_id, key) for key in keys],
        )
        self.changes.note(table, record_id, keys)
        return stamp

    def observe(self, stamp: dict[str, str]) -> None:
        """A stamp that arrived from elsewhere (an import): later local stamps follow it."""
        self.service.call(
            lambda writer: writer.observe(Stamp.decode(stamp["stamp"]), stamp.get("user_name", ""))
        )

    def field_stamps(self, record_id: str) -> dict[str, dict[str, str]]:
        rows = self.db.conn.execute(
            "SELECT field, stamp, device_id, user_name, base FROM field_stamps WHERE record_id = ?",
            (record_id,),
        )
        stamps = {}
        for field, stamp, device_id, user_name, base in rows:
            stamps[field] = {"stamp": stamp, "device_id": device_id, "user_name": user_name}
            if base:
                stamps[field]["base"] = base
        return stamps

    # ----------------------------------------------------------------- venues
    @writes
    def create_venue(self, identity: dict[str, Any]) -> Venue:
        data = {k: v for k, v in _clean(identity).items() if v is not None}
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
        _keep_changed_underneath)."""
        venue = self.get_venue(venue_id)
        data, changed = _apply(venue.data, _clean(changes))
        if "name" in changed and not data.get("name"):
            data["name"] = venue.name  # a venue never loses its name
            changed = tuple(k for k in changed if k != "name")
        stamp, conflicts = "", ()
        if changed:
            conflicts = self._keep_changed_underneath("venues", venue_id, venue.data, changed,
                                                      bases)  # fmt: skip
            self.db["venues"].update(venue_id, self.venue_columns(data))
            stamp = self.stamp("venues", venue_id, changed, _bases_of(changed, bases))
            if {"name", "commune"} & set(changed):
                self._reindex_visits_of(venue_id)
        errors = validate_document(self.templates.venue, data)
        stamps = dict.fromkeys(changed, stamp)
        return ChangeResult(venue_id, changed, errors, stamps=stamps, conflicts=conflicts)

    def _keep_changed_underneath(
        self,
        table: str,
        record_id: str,
        stored: dict[str, Any],
        changed: Iterable[str],
        bases: dict[str, str] | None,
    ) -> tuple[str, ...]:
        """An editor writes over a value it never showed (another window, a headless
        command, a sync pass changed it): that value is kept as a conflict, not lost."""
        if not bases:
            return ()
        stamps = self.field_stamps(record_id)
        kept = []
        for key in changed:
            if key not in bases:
                continue
            current = stamps.get(key)
            if current is None or current["stamp"] == bases[key]:
                continue
            keep_conflict(self.db, table, record_id, key,
                          FieldVersion.of(stored.get(key, MISSING), current))  # fmt: skip
            kept.append(key)
        if kept:
            self.changes.conflicts = True
        return tuple(kept)

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
        else:  # served by the covering index venues_by_sort_key
            rows = self.db.conn.execute(
                "SELECT id, name, commune FROM venues WHERE deleted_at IS NULL ORDER BY sort_key"
            ).fetchall()
        return [VenueSummary(r[0], r[1], r[2] or "") for r in rows]

    @writes
    def delete_venue(self, venue_id: str) -> ChangeResult:
        return self.set_deleted("venues", venue_id, now_iso())

    @writes
    def restore_venue(self, venue_id: str) -> ChangeResult:
        return self.set_deleted("venues", venue_id, None)

    # ----------------------------------------------------------------- visits
    @writes
    def create_visit(
        self, venue_id: str, visit_date: str | None = None, carry_over: bool = True
    ) -> Visit:
        template = self.templates.visit
        self.get_venue(venue_id)  # raises if unknown
        data: dict[str, Any] = {
            "visit_date": visit_date or date.today().isoformat(),
            "facilitator": self.author.user_name,
        }
        carried: list[str] = []
        carried_from = None
        previous = self._last_visit_data(venue_id) if carry_over else None
        if previous:
            carried_from, previous_data = previous
            for key in template.carry_over_keys():
                if not is_empty(previous_data.get(key)):
                    data[key] = previous_data[key]
                    carried.append(key)
        visit_id, now = new_id(), now_iso()
        self.db["visits"].insert(
            {
                "id": visit_id,
                "venue_id": venue_id,
                "template_id": template.id,
                "template_version": template.version,
                "owner_device": self.author.device_id,
                "carried_over": json.dumps(carried),
                "carried_from": carried_from,
                "created_at": now,
                "created_device": self.author.device_id,
                "created_user": self.author.user_name,
                "deleted_at": None,
                **self.visit_columns(venue_id, data),
            }
        )
        self.stamp("visits", visit_id, data.keys())
        return self.get_visit(visit_id)

    def _last_visit_data(self, venue_id: str) -> tuple[str, dict[str, Any]] | None:
        row = self.db.conn.execute(
            "SELECT visit_date, data FROM visits WHERE venue_id = ? AND deleted_at IS NULL "
            "ORDER BY visit_date DESC, created_at DESC LIMIT 1",
            (venue_id,),
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def visit_columns(
        self, venue_id: str, data: dict[str, Any], author: str = ""
    ) -> dict[str, Any]:
        """The denormalised columns of a visit row, derived from its data."""
        template = self.templates.visit
        errors = validate_document(template, data)
        venue = self.db.conn.execute(
            "SELECT name, commune FROM venues WHERE id = ?", (venue_id,)
        ).fetchone()
        header = f"{venue[0]}\n{venue[1] or ''}" if venue else ""
        return {
            "data": json.dumps(data, ensure_ascii=False),
            "visit_date": data.get("visit_date", ""),
            "visit_type": data.get("visit_type", ""),
            "author": data.get("facilitator") or author or self.author.user_name,
            "error_count": sum(len(m) for m in errors.values()),
            "completeness": completeness(template, data),
            "search_text": header + "\n" + text.document_text(template, data),
            "updated_at": now_iso(),
        }

    def get_visit(self, visit_id: str) -> Visit:
        row = self.db.conn.execute(
            "SELECT id, venue_id, template_id, template_version, data, carried_over, "
            "carried_from, author, owner_device, created_at, updated_at, deleted_at, "
            "completeness FROM visits WHERE id = ?",
            (visit_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Visite introuvable : {visit_id}")
        data = json.loads(row[4])
        return Visit(
            id=row[0],
            venue_id=row[1],
            template_id=row[2],
            template_version=row[3],
            data=data,
            carried_over=frozenset(json.loads(row[5] or "[]")),
            carried_from=row[6],
            errors=validate_document(self.templates.visit, data),
            completeness=row[12],
            author=row[7],
            owner_device=row[8],
            created_at=row[9],
            updated_at=row[10],
            deleted_at=row[11],
        )

    @writes
    def update_visit(
        self, visit_id: str, changes: dict[str, Any], bases: dict[str, str] | None = None
    ) -> ChangeResult:
        """Apply field changes (None or empty clears a field). Invalid values are saved too.

        `bases` holds, per field, the stamp the editor was showing ("" for none): a value
        stored since then is kept as a conflict rather than silently written over.
        """
        row = self.db.conn.execute(
            "SELECT venue_id, data, carried_over FROM visits WHERE id = ?", (visit_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Visite introuvable : {visit_id}")
        stored = json.loads(row[1])
        data, changed = _apply(stored, _clean(changes))
        if not changed:
            errors = validate_document(self.templates.visit, data)
            return ChangeResult(visit_id, (), errors, completeness(self.templates.visit, data))
        conflicts = self._keep_changed_underneath("visits", visit_id, stored, changed, bases)
        columns = self.visit_columns(row[0], data)
        carried = [k for k in json.loads(row[2] or "[]") if k not in changed]
        self.db["visits"].update(visit_id, {**columns, "carried_over": json.dumps(carried)})
        stamp = self.stamp("visits", visit_id, changed, _bases_of(changed, bases))
        errors = validate_document(self.templates.visit, data)
        return ChangeResult(visit_id, changed, errors, columns["completeness"],
                            dict.fromkeys(changed, stamp), conflicts)  # fmt: skip

    @writes
    def confirm_carried_over(self, visit_id: str, keys: Iterable[str]) -> None:
        """The user checked carried-over values: they no longer need the marker."""
        keys = set(keys)
        visit = self.get_visit(visit_id)
        remaining = sorted(visit.carried_over - keys)
        self.db["visits"].update(visit_id, {"carried_over": json.dumps(remaining)})
        self.changes.note("visits", visit_id)

    def list_visits(self, venue_id: str | None = None) -> list[VisitSummary]:
        """Live visits (of one venue, or all), most recent first."""
        where = "v.deleted_at IS NULL AND ve.deleted_at IS NULL"
        params: tuple[str, ...] = ()
        if venue_id:
            where += " AND v.venue_id = ?"
            params = (venue_id,)
        rows = self.db.conn.execute(
            "SELECT v.id, v.venue_id, ve.name, v.visit_date, v.visit_type, "
            "COALESCE(v.author, ''), COALESCE(v.completeness, 0), COALESCE(v.error_count, 0) "
            "FROM visits v JOIN venues ve ON ve.id = v.venue_id "
            f"WHERE {where} ORDER BY v.visit_date DESC, v.created_at DESC",
            params,
        ).fetchall()
        type_field = self.templates.visit.field("visit_type")
        label = type_field.label_of if type_field else str
        return [VisitSummary(*r[:3], r[3] or "", label(r[4]) if r[4] else "", *r[5:]) for r in rows]

    @writes
    def delete_visit(self, visit_id: str) -> ChangeResult:
        return self.set_deleted("visits", visit_id, now_iso())

    @writes
    def restore_visit(self, visit_id: str) -> ChangeResult:
        return self.set_deleted("visits", visit_id, None)

    def _reindex_visits_of(self, venue_id: str) -> None:
        rows = self.db.conn.execute(
            "SELECT id, data FROM visits WHERE venue_id = ?", (venue_id,)
        ).fetchall()
        for visit_id, data in rows:
            columns = self.visit_columns(venue_id, json.loads(data))
            self.db["visits"].update(visit_id, {"search_text": columns["search_text"]})

    # ------------------------------------------------------------------ trash
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

    def list_trash(self) -> list[TrashItem]:
        venues = self.db.conn.execute(
            "SELECT id, name, commune, deleted_at FROM venues WHERE deleted_at IS NOT NULL"
        ).fetchall()
        visits = self.db.conn.execute(
            "SELECT v.id, ve.name, v.visit_date, v.deleted_at FROM visits v "
            "JOIN venues ve ON ve.id = v.venue_id "
            "WHERE v.deleted_at IS NOT NULL AND ve.deleted_at IS NULL"
        ).fetchall()
        items = [TrashItem("venue", r[0], f"Lieu « {r[1]} » ({r[2] or '—'})", r[3]) for r in venues]
        items += [TrashItem("visit", r[0], f"Visite du {r[2]} — {r[1]}", r[3]) for r in visits]
        photos = self.db.conn.execute(
            "SELECT p.id, p.original_name, v.visit_date, ve.name, p.deleted_at FROM photos p "
            "JOIN visits v ON v.id = p.visit_id JOIN venues ve ON ve.id = v.venue_id "
            "WHERE p.deleted_at IS NOT NULL AND v.deleted_at IS NULL AND ve.deleted_at IS NULL"
        ).fetchall()
        items += [TrashItem("photo", r[0], f"Photo {r[1]} — visite du {r[2]}, {r[3]}", r[4])
                  for r in photos]  # fmt: skip
        documents = self.db.conn.execute(
            "SELECT d.id, d.original_name, ve.name, d.deleted_at FROM documents d "
            "JOIN venues ve ON ve.id = d.venue_id "
            "WHERE d.deleted_at IS NOT NULL AND ve.deleted_at IS NULL"
        ).fetchall()
        items += [TrashItem("document", r[0], f"Document {r[1]} — {r[2]}", r[3]) for r in documents]
        return sorted(items, key=lambda i: i.deleted_at, reverse=True)

    # ----------------------------------------------------------------- search
    def search_visits(self, query: str, limit: int = 50) -> list[SearchHit]:
        fts = text.fts_query(query)
        if not fts:
            return []
        rows = self.db.conn.execute(
            "SELECT v.id, v.venue_id, ve.name, v.visit_date, "
            f"snippet(visits_fts, 0, '{text.HIT_START}', '{text.HIT_END}', '…', 16) "
            "FROM visits_fts f JOIN visits v ON v.rowid = f.rowid "
            "JOIN venues ve ON ve.id = v.venue_id "
            "WHERE visits_fts MATCH ? AND v.deleted_at IS NULL AND ve.deleted_at IS NULL "
            "ORDER BY rank LIMIT ?",
            (fts, limit),
        ).fetchall()
        return [SearchHit(r[0], r[1], r[2], r[3] or "", r[4] or "") for r in rows]


def _bases_of(changed: Iterable[str], bases: dict[str, str] | None) -> dict[str, str] | None:
    """The bases an editor gave for the fields it changed (None: the stamps replaced)."""
    if not bases:
        return None
    return {key: bases[key] for key in changed if key in bases}


def _apply(data: dict[str, Any], changes: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
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
