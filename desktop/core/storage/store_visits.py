"""Records (visits, meeting minutes…, a row of `visits` each, of any template): created
with what carries over from the last one of the same template, edited, listed, searched,
trashed and restored.

Part of CarnetStore (store.py): the methods marked @writes run on the data service's
writer, in its transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop.core.forms import text
from desktop.core.forms.carry_over import carried_values
from desktop.core.forms.earlier_fields import read_through
from desktop.core.forms.templates import Template
from desktop.core.forms.validation import is_empty, validate_document
from desktop.core.storage import visit_search
from desktop.core.storage.data_service import writes
from desktop.core.storage.id_lists import rows_for_ids
from desktop.core.storage.record_basics import RecordNotFound, new_id, now_iso
from desktop.core.storage.records import (
    ChangeResult,
    SearchHit,
    SearchHits,
    Visit,
    VisitSummary,
)
from desktop.core.storage.store_stamps import apply_changes, bases_of, clean_changes
from desktop.core.storage.template_versions import raise_template_version


def completeness(template: Template, data: dict[str, Any]) -> float:
    keys = template.field_keys  # the data's own keys are fewer than the template's: counted there
    filled = sum(1 for k, v in data.items() if k in keys and not is_empty(v))
    return round(filled / len(keys), 3) if keys else 1.0


def visit_data_columns(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    """What a visit row derives from its data and template alone (no database): the
    pool's workers work it out during a large pass, the writer adds the venue's name."""
    errors = validate_document(template, data)
    return {
        "data": json.dumps(data, ensure_ascii=False),
        "visit_date": data.get(template.date_key, ""),
        "visit_type": data.get(template.kind_key, "") if template.kind_key else "",
        "error_count": sum(len(m) for m in errors.values()),
        "completeness": completeness(template, data),
        "text": text.document_text(template, data),
    }


class VisitRecords:
    """The visit methods of CarnetStore."""

    @writes
    def create_visit(
        self, venue_id: str, visit_date: str | None = None, carry_over: bool = True
    ) -> Visit:
        return self.create_record(venue_id, self.templates.visit.id, visit_date, carry_over)

    @writes
    def create_record(
        self,
        venue_id: str,
        template_id: str,
        record_date: str | None = None,
        carry_over: bool = True,
    ) -> Visit:
        """A new record of any template (a row of `visits`): dated, signed, and prefilled
        with the carried-over sections of the venue's last record of the same template."""
        template = self.templates.template(template_id)  # TemplateError (French) if unknown
        self.get_venue(venue_id)  # raises if unknown
        data: dict[str, Any] = {template.date_key: record_date or date.today().isoformat()}
        if template.author_key:
            data[template.author_key] = self.author.user_name
        carried: list[str] = []
        carried_from = None
        previous = self._last_record_data(venue_id, template.id) if carry_over else None
        if previous:  # an older version's record: a renamed field carries its old key's value
            carried_from, previous_data = previous[0], read_through(template, previous[1])
            taken = carried_values(template, previous_data)  # without left-out columns
            data.update(taken)
            carried.extend(taken)
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
                **self.visit_columns(venue_id, data, template_id=template.id),
            }
        )
        self.stamp("visits", visit_id, data.keys())
        return self.get_visit(visit_id)

    def _last_record_data(self, venue_id: str, template_id: str) -> tuple[str, dict] | None:
        row = self.db.conn.execute(
            "SELECT visit_date, data FROM visits WHERE venue_id = ? AND deleted_at IS NULL "
            f"AND {self.of_template('template_id')} = ? "
            "ORDER BY visit_date DESC, created_at DESC LIMIT 1",
            (venue_id, template_id),
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def of_template(self, column: str = "v.template_id") -> str:
        """SQL for a row's template id (a row from before templates counts as a visit)."""
        return f"COALESCE({column}, '{self.templates.visit.id}')"

    def template_of(self, visit_id: str) -> Template:
        row = self.db.conn.execute(
            "SELECT template_id FROM visits WHERE id = ?", (visit_id,)
        ).fetchone()
        return self.templates.template_or_visit(row[0] if row else None)

    def visit_columns(
        self,
        venue_id: str,
        data: dict[str, Any],
        author: str = "",
        template_id: str | None = None,
        *,
        record_id: str | None = None,
    ) -> dict[str, Any]:
        """The denormalised columns of a record's row, derived from its data with its own
        template (template_id, or the one of the row record_id; the visit sheet else).
        `visit_date`, `visit_type` and `author` hold the record's date, kind and author."""
        if template_id is None and record_id is not None:
            template = self.template_of(record_id)
        else:
            template = self.templates.template_or_visit(template_id)
        return self.visits_columns([(venue_id, data, author, template)])[0]

    def visits_columns(
        self,
        visits: list[tuple[str, dict[str, Any], str, Template]],
        worked_out: list[dict[str, Any] | None] | None = None,
    ) -> list[dict[str, Any]]:
        """visit_columns of many records, given as (venue_id, data, author, template):
        their venues' names are read in one query (a share's first import derives
        thousands at once).

        worked_out: each record's visit_data_columns when already worked out elsewhere
        with this writer's template (by the pool's workers during a large pass), or None.
        """
        headers = self._venue_headers({visit[0] for visit in visits})
        worked_out = worked_out or [None] * len(visits)
        now = now_iso()  # once: the clock read per record was felt in a first import
        return [
            self._derived_visit_columns(
                headers.get(venue_id, ""), data, author, template, known, now
            )
            for (venue_id, data, author, template), known in zip(visits, worked_out, strict=True)
        ]

    def _derived_visit_columns(
        self,
        header: str,
        data: dict[str, Any],
        author: str,
        template: Template,
        known: dict | None = None,
        now: str = "",
    ) -> dict[str, Any]:
        """The one derivation of a record row's columns (every path that writes one comes
        here); now: the time of the change."""
        own = known or visit_data_columns(template, data)
        return {
            "data": own["data"],
            "visit_date": own["visit_date"],
            "visit_type": own["visit_type"],
            "author": data.get(template.author_key) or author or self.author.user_name,
            "error_count": own["error_count"],
            "completeness": own["completeness"],
            "search_text": header + "\n" + own["text"],
            "updated_at": now or now_iso(),
        }

    def _venue_headers(self, venue_ids: Iterable[str]) -> dict[str, str]:
        """The first lines of a visit's search text: its venue's name and commune."""
        sql = "SELECT id, name, commune FROM venues WHERE id IN ({marks})"
        return {
            venue_id: f"{name}\n{commune or ''}"
            for venue_id, name, commune in rows_for_ids(self.db.conn, sql, venue_ids)
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
            errors=validate_document(self.templates.template_or_visit(row[2]), data),
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
            "SELECT venue_id, data, carried_over, template_id FROM visits WHERE id = ?",
            (visit_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Visite introuvable : {visit_id}")
        template = self.templates.template_or_visit(row[3])
        stored = json.loads(row[1])
        data, changed = apply_changes(stored, clean_changes(changes))
        if not changed:
            errors = validate_document(template, data)
            return ChangeResult(visit_id, (), errors, completeness(template, data))
        conflicts = self._keep_replaced("visits", visit_id, stored, changed, bases)
        columns = self.visit_columns(row[0], data, template_id=template.id)
        carried = [k for k in json.loads(row[2] or "[]") if k not in changed]
        self.db["visits"].update(visit_id, {**columns, "carried_over": json.dumps(carried)})
        raise_template_version(self, visit_id)  # edited in this laptop's version of the form
        stamp = self.stamp("visits", visit_id, changed, bases_of(changed, bases))
        errors = validate_document(template, data)
        return ChangeResult(
            visit_id,
            changed,
            errors,
            columns["completeness"],
            dict.fromkeys(changed, stamp),
            conflicts,
        )

    @writes
    def confirm_carried_over(self, visit_id: str, keys: Iterable[str]) -> None:
        """The user checked carried-over values: they no longer need the marker."""
        keys = set(keys)
        visit = self.get_visit(visit_id)
        remaining = sorted(visit.carried_over - keys)
        self.db["visits"].update(visit_id, {"carried_over": json.dumps(remaining)})
        self.changes.note("visits", visit_id)

    def list_visits(
        self, venue_id: str | None = None, template_id: str | None = None
    ) -> list[VisitSummary]:
        """Live records of every template (of one venue, or all; of one template when
        asked), most recent first, each with its kind."""
        where = "v.deleted_at IS NULL AND ve.deleted_at IS NULL"
        params: tuple[str, ...] = ()
        if venue_id:
            where += " AND v.venue_id = ?"
            params = (venue_id,)
        if template_id:
            where += f" AND {self.of_template()} = ?"
            params += (template_id,)
        rows = self.db.conn.execute(
            "SELECT v.id, v.venue_id, ve.name, v.visit_date, v.visit_type, "
            "COALESCE(v.author, ''), COALESCE(v.completeness, 0), COALESCE(v.error_count, 0), "
            "v.template_id FROM visits v JOIN venues ve ON ve.id = v.venue_id "
            f"WHERE {where} ORDER BY v.visit_date DESC, v.created_at DESC",
            params,
        ).fetchall()
        return [self._summary(r) for r in rows]

    def _summary(self, row) -> VisitSummary:
        template = self.templates.template_or_visit(row[8])
        kind = template.field(template.kind_key) if template.kind_key else None
        label = kind.label_of(row[4]) if kind and row[4] else ""
        title = template.short_title or template.title  # « Instances de gouvernance »
        return VisitSummary(*row[:3], row[3] or "", label, *row[5:8], template.id, title)

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
            columns = self.visit_columns(venue_id, json.loads(data), record_id=visit_id)
            self.db["visits"].update(visit_id, {"search_text": columns["search_text"]})

    def search_visits(self, query: str, limit: int = 50) -> SearchHits:
        """The best hits, and how many newest matches were ranked when not all were."""
        ranked = visit_search.ranked_hits(self.db.conn, query, limit)
        kinds = {t.id: t.short_title or t.title for t in self.templates.records}
        hits = (
            SearchHit(
                r[0],
                r[1],
                r[2],
                r[3] or "",
                r[4] or "",
                kinds.get(r[5] or self.templates.visit.id, r[5] or ""),
            )
            for r in ranked.rows
        )
        return SearchHits(hits, ranked.window)
