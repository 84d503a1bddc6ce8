"""The dashboard's derived table figure_visits (migration 12): each live record's date,
venue, type, author and the values of its choice and percent fields as tokens, so the
figures count a period's tokens instead of parsing every visit's JSON.

What goes in it comes from the templates' hints alone: `figure_keys` holds, per template
id, the keys `counted_fields(template)` names (select / multiselect enumerations, numbers
in percent), and SQLite's triggers on `visits` refill a record's row whenever its data,
deletion, date, venue, type, author or template changes: every writer is kept right by
construction, as with the follow-up's tables (followup/derived.py). '' holds the visit
sheet's keys too, for records that name no template (the app reads them as visits).

Like search_text, the rows are never shared and can be rebuilt (`refill`). Kept here,
beside the writer that registers the keys at start, rather than in network_figures: the
dashboard's modules are loaded when it is first opened, not at start.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.storage.id_lists import in_list

CHOICE_WIDGETS = ("select", "multiselect")
VISIT_TYPE = "visit_type"  # the visits table keeps it in a column: not a token
VENUE, VISIT, NUMBER = "venue", "visit", "number"  # the kinds of keys (migration 12)
NO_TEMPLATE = ""  # figure_visits.template_id of a record that names no template
GS, RS, US = "\x1d", "\x1e", "\x1f"  # between the venue's and the visit's tokens; between
# tokens; between a token's key and its value


def counted_fields(template: Template) -> tuple[list[FieldSpec], list[FieldSpec]]:
    """(choice fields, percent fields) the figures count, for every audience: select /
    multiselect enumerations and numbers in percent (`x-unit: "%"`)."""
    choices = [f for f in template.fields
               if f.widget in CHOICE_WIDGETS and f.choices and f.key != VISIT_TYPE]  # fmt: skip
    percents = [f for f in template.fields if f.widget == "number" and f.unit == "%"]
    return choices, percents


def keys_of(template: Template) -> set[tuple[str, str]]:
    """The figure_keys rows of a template: (key, kind). A choice of a carried-over section
    describes the venue (its latest visit counts), another the visit."""
    choices, percents = counted_fields(template)
    carried = set(template.carry_over_keys())
    kinds = {(f.key, VENUE if f.key in carried else VISIT) for f in choices}
    return kinds | {(f.key, NUMBER) for f in percents}


def register_figure_keys(conn, templates: Iterable[Template], visit: Template) -> list[str]:
    """Store each record template's keys (and the visit sheet's under ''); refill the rows
    of those whose keys changed. Runs on the writer; returns the template ids refilled."""
    wanted = {template.id: keys_of(template) for template in templates}
    wanted[NO_TEMPLATE] = keys_of(visit)
    refilled = []
    for template_id, keys in wanted.items():
        stored = set(
            conn.execute("SELECT key, kind FROM figure_keys WHERE template_id = ?", (template_id,))
        )
        if stored == keys:
            continue
        conn.execute("DELETE FROM figure_keys WHERE template_id = ?", (template_id,))
        conn.executemany(
            "INSERT INTO figure_keys (template_id, key, kind) VALUES (?, ?, ?)",
            [(template_id, key, kind) for key, kind in sorted(keys)],
        )
        refill(conn, template_id)
        refilled.append(template_id)
    return refilled


def fill(conn, record_ids: list[str]) -> None:
    """The rows of records just inserted in bulk while their insert trigger stood aside
    (fts_paused names `visits`): in one statement, in the table's order (about half the
    cost of a trigger per row)."""
    marks, values = in_list(record_ids)
    conn.execute(f"DELETE FROM figure_visits WHERE record_id IN ({marks})", values)
    conn.execute(
        f"INSERT INTO figure_visits SELECT * FROM figure_visit_rows WHERE record_id IN ({marks}) "
        "ORDER BY template_id, day, created_at, record_id",
        values,
    )


def refill(conn, template_id: str | None = None) -> None:
    """Rebuild the rows of one template's records (or of every record) from visits.data."""
    if template_id is None:
        conn.execute("DELETE FROM figure_visits")
        conn.execute("INSERT INTO figure_visits SELECT * FROM figure_visit_rows")
        return
    conn.execute("DELETE FROM figure_visits WHERE template_id = ?", (template_id,))
    conn.execute(
        "INSERT INTO figure_visits SELECT * FROM figure_visit_rows WHERE template_id = ?",
        (template_id,),
    )
