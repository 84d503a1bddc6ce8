"""Reading the « Suivi » out of the database: every live record's actions (visits and
the other templates', each by its own x-followup fields), each venue's latest visit for
its agreement end, next visit and last visit date, and the latest record of each other
template for its next date (a meeting's next meeting).

Speed: SQLite's json_extract picks the few values needed out of visits.data, so no whole
visit is json-decoded in Python, and each venue's latest visit comes from the index on
(venue_id, visit_date) (10,000 visits, 30,000 actions: see tests/benchmarks/followup.py).
"""

from __future__ import annotations

import json
from datetime import date
from operator import attrgetter

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.model import (
    NO_DATE,
    ActionItem,
    AgreementItem,
    Followup,
    NextVisitItem,
    VenueLastVisit,
    cell_text,
    group_of,
    parse_date,
)
from desktop.core.forms.french import months_between
from desktop.core.forms.templates import Template


def _path(key: str) -> str:
    return "$." + json.dumps(key)


# A record's template (a row from before templates is a visit): "?" is the visit sheet's id.
OF_TEMPLATE = "COALESCE({column}.template_id, ?) = ?"
LATEST = (  # each live venue with its latest live record of one template (index on venue, date)
    "SELECT ve.id, ve.name, ve.commune, v.id, v.visit_date, {extracts} FROM venues ve "
    "LEFT JOIN visits v ON v.id = (SELECT w.id FROM visits w WHERE w.venue_id = ve.id "
    "AND w.deleted_at IS NULL AND " + OF_TEMPLATE.format(column="w") + " "
    "ORDER BY w.visit_date DESC, w.created_at DESC LIMIT 1) "
    "WHERE ve.deleted_at IS NULL ORDER BY ve.sort_key"
)


def load_followup(
    db, template: Template, today: date | None = None, others: tuple[Template, ...] = ()
) -> Followup:
    """Everything the « Suivi » shows. db: a Database or a connection. template: the visit
    sheet (its latest visit per venue gives the agreements and « not visited »); others:
    the other record templates, whose actions and next dates (x-followup) count too."""
    conn = getattr(db, "conn", db)
    today = today or date.today()
    fields = FollowupFields.of(template)
    latest = _latest(conn, fields, template.id, template.id)
    names = {row[0]: row[1] or "" for row in latest}
    actions = _actions(conn, fields, names, today, (template.id, template.id))
    agreements = _agreements(latest, fields, today)
    next_visits = _next_visits(latest, fields, today)
    for other in others:  # per template, with that template's own fields
        other_fields = FollowupFields.of(other)
        actions += _actions(conn, other_fields, names, today, (template.id, other.id))
        other_latest = _latest(conn, other_fields, template.id, other.id)
        agreements += _agreements(other_latest, other_fields, today)
        next_visits += _next_visits(other_latest, other_fields, today)
    return Followup(
        today=today,
        fields=fields,
        actions=tuple(_in_order(actions)),
        agreements=tuple(sorted(agreements, key=lambda a: a.end_date)),
        next_visits=tuple(sorted(next_visits, key=lambda a: a.planned)),
        venues=tuple(_venues(latest, template, today)),
        photos_to_review=tuple(_photos_to_review(conn)),
    )


def _photos_to_review(conn) -> list[tuple[str, str, int]]:
    """Visits with photos still « à vérifier », newest visit first."""
    return conn.execute(
        "SELECT v.id, v.venue_id, count(*) FROM photos p JOIN visits v ON v.id = p.visit_id "
        "JOIN venues ve ON ve.id = v.venue_id WHERE p.identifiable_people IS NULL "
        "AND p.deleted_at IS NULL AND v.deleted_at IS NULL AND ve.deleted_at IS NULL "
        "GROUP BY v.id ORDER BY v.visit_date DESC, v.id"
    ).fetchall()


def _actions(conn, fields: FollowupFields, names: dict[str, str], today: date, of) -> list:
    """Each visit's table of actions comes out of SQLite as a small JSON array (json_extract),
    decoded in Python: measured faster than json_each + one json_extract per column, which
    re-parses every action once per column (tests/benchmarks/followup.py)."""
    if not fields.actions:
        return []
    rows = conn.execute(
        "SELECT id, venue_id, visit_date, json_extract(data, ?) FROM visits "
        "WHERE deleted_at IS NULL AND " + OF_TEMPLATE.format(column="visits"),
        (_path(fields.actions), *of),  # of: (the visit sheet's id, the template's)
    )
    key, done = fields.actions, fields.done
    what, who, due_key, status = fields.action, fields.responsible, fields.due, fields.status
    groups: dict[str, str] = {}  # due -> group
    items = []
    append = items.append
    for visit_id, venue_id, visit_date, table in rows:
        name = names.get(venue_id)
        if name is None or type(table) is not str or not table.startswith("["):
            continue  # venue deleted, no actions, or not a list
        try:
            records = json.loads(table)
        except ValueError:  # a text value that only looks like a list
            continue
        for row, record in enumerate(records):
            if type(record) is not dict:
                continue
            get = record.get  # get(None) is None: a column the template lacks
            due, text, person, state = get(due_key), get(what), get(who), get(status)
            due = due if type(due) is str else cell_text(due)
            group = groups.get(due)
            if group is None:
                group = groups[due] = group_of(parse_date(due), today)
            append(
                ActionItem(
                    visit_id,
                    venue_id,
                    name,
                    visit_date or "",
                    key,
                    row,
                    text if type(text) is str else cell_text(text),
                    person if type(person) is str else cell_text(person),
                    due,
                    state if type(state) is str else cell_text(state),
                    group,
                    done,
                )
            )
    return items


def _in_order(items: list) -> list:
    # ISO dates sort as text, so the dated groups come in order; stable: same due date,
    # in the order of the visits. Then the actions without a (valid) due date.
    items.sort(key=attrgetter("due"))
    return [a for a in items if a.group != NO_DATE] + [a for a in items if a.group == NO_DATE]


def _latest(conn, fields: FollowupFields, visit_id: str, template_id: str) -> list[tuple]:
    keys = [fields.agreement_end, fields.next_visit]
    extracts = ", ".join("json_extract(v.data, ?)" if k else "NULL" for k in keys)
    params = [_path(k) for k in keys if k] + [visit_id, template_id]
    return conn.execute(LATEST.format(extracts=extracts), params).fetchall()


def _agreements(latest: list[tuple], fields: FollowupFields, today: date) -> list:
    items = []
    for venue_id, name, commune, visit_id, visit_date, value, _ in latest:
        end = parse_date(value)
        if end is None:
            continue
        items.append(
            AgreementItem(
                visit_id,
                venue_id,
                name or "",
                commune or "",
                visit_date or "",
                fields.agreement_end,
                end.isoformat(),
                months_between(today, end),
                (end - today).days,
            )
        )
    return items


def _next_visits(latest: list[tuple], fields: FollowupFields, today: date) -> list:
    items = []
    for venue_id, name, commune, visit_id, visit_date, _, value in latest:
        planned = parse_date(value)
        if planned is None:
            continue
        items.append(
            NextVisitItem(
                visit_id,
                venue_id,
                name or "",
                commune or "",
                visit_date or "",
                fields.next_visit,
                planned.isoformat(),
                (planned - today).days,
            )
        )
    return items


def _venues(latest: list[tuple], template: Template, today: date) -> list:
    date_key = "visit_date" if template.field("visit_date") else ""
    items = []
    for venue_id, name, commune, visit_id, visit_date, _, _ in latest:
        last = parse_date(visit_date)
        items.append(
            VenueLastVisit(
                venue_id,
                name or "",
                commune or "",
                visit_id,
                visit_date or "",
                date_key,
                months_between(last, today) if last else None,
            )
        )
    items.sort(key=lambda v: (v.visit_id is not None, v.visit_date))  # never visited first
    return items
