"""The follow-up's derived tables: each live visit's actions (followup_actions), and its
venue, date, agreement end and next visit (followup_records), so the Suivi and the dashboard read indexed
rows instead of parsing every visit's JSON.

What goes in them comes from the templates' x-followup hints alone: `followup_keys` holds,
per template id, the JSON paths `FollowupFields.of(template)` names, and SQLite's triggers
on `visits` (migration 9: a view says how one visit gives its rows) refill a visit's rows
whenever its data, deletion, date, venue or template changes. So every writer is kept
right by construction: an edit, a merge from the share, a conflict resolved, a bulk
insert of many records in one statement, the trash, a purge, an erasure, a restored
backup (the rows travel in the file, and are refilled below when its keys differ).

Like search_text, the rows are never shared and can be rebuilt (`refill`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from desktop.core.followup import summary
from desktop.core.followup.fields import FollowupFields
from desktop.core.forms.templates import Template
from desktop.core.storage.id_lists import in_list

PATH_ROLES = ("actions", "action", "responsible", "due", "status", "agreement_end", "next_visit")
KEY_COLUMNS = ("actions", "action", "responsible", "due", "status", "done", "agreement_end",
               "next_visit")  # fmt: skip
DERIVED = {"followup_actions": "followup_action_rows", "followup_records": "followup_record_rows"}


def followup_templates(templates) -> list[Template]:
    """The templates whose records the follow-up reads: every record template (each
    record keeps its own template's keys: the rows are matched on visits.template_id)."""
    return list(templates.records)


def json_path(key: str) -> str:
    return "$." + json.dumps(key)


def keys_of(template: Template) -> tuple[str | None, ...]:
    """The followup_keys row of a template (JSON paths; the « done » status value)."""
    fields = FollowupFields.of(template)
    paths = {role: getattr(fields, role) for role in PATH_ROLES}
    row = {role: json_path(key) if key else None for role, key in paths.items()}
    if not fields.actions:  # no table of actions: its columns name nothing
        row.update(action=None, responsible=None, due=None, status=None)
    row["done"] = fields.done if fields.status else None
    return tuple(row[column] for column in KEY_COLUMNS)


def register_templates(conn, templates: Iterable[Template]) -> list[str]:
    """Store each template's keys; refill the rows of those whose keys changed (a new
    template, a new version of one, a database migrated or restored). Runs on the
    writer; returns the template ids refilled."""
    refilled = []
    for template in templates:
        keys = keys_of(template)
        stored = conn.execute(
            f"SELECT {', '.join(KEY_COLUMNS)} FROM followup_keys WHERE template_id = ?",
            (template.id,),
        ).fetchone()
        if stored is not None and tuple(stored) == keys:
            continue
        conn.execute(
            f"INSERT OR REPLACE INTO followup_keys (template_id, {', '.join(KEY_COLUMNS)}) "
            f"VALUES (?{', ?' * len(KEY_COLUMNS)})",
            (template.id, *keys),
        )
        refill(conn, template.id)
        refilled.append(template.id)
    return refilled


def fill(conn, record_ids: list[str]) -> None:
    """The rows of records just inserted in bulk while their insert trigger stood aside
    (fts_paused names `visits`, migration 13): two statements for the whole batch. Their
    summary (migration 14) follows them by its own triggers: summed again in SQL per
    batch instead, it cost more (35–130 ms per 500 records against 15–25 ms). A share's
    bulk insert comes here only for the records merge/derived_in_bulk leaves to the
    views; it fills the others from their parsed data, and their summary in Python."""
    marks, values = in_list(record_ids)
    for table, view in DERIVED.items():
        conn.execute(f"DELETE FROM {table} WHERE record_id IN ({marks})", values)
        conn.execute(
            f"INSERT INTO {table} SELECT * FROM {view} WHERE record_id IN ({marks})", values
        )


def refill(conn, template_id: str | None = None) -> None:
    """Rebuild the rows of one template's visits (or of every visit) from visits.data,
    and their summary."""
    with summary.paused(conn):
        _refill(conn, template_id)
        summary.rebuild(conn, template_id)


def _refill(conn, template_id: str | None) -> None:
    if template_id is None:
        for table, view in DERIVED.items():
            conn.execute(f"DELETE FROM {table}")
            conn.execute(f"INSERT INTO {table} SELECT * FROM {view}")
        return
    of_template = "record_id IN (SELECT id FROM visits WHERE template_id = ?)"
    for table, view in DERIVED.items():
        conn.execute(f"DELETE FROM {table} WHERE {of_template}", (template_id,))
        conn.execute(
            f"INSERT INTO {table} SELECT * FROM {view} WHERE {of_template}", (template_id,)
        )
