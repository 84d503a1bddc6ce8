"""Reading the « Suivi » out of the database: every live visit's actions, and each
venue's latest visit for its agreement end, next visit and last visit date.

Speed: nothing is parsed here. The actions and the follow-up dates are read from the
derived tables followup_actions and followup_records (derived.py: filled from each visit's
data by triggers, from the template's x-followup hints), the actions in due-date order
from an index, and each venue's latest visit comes from the index on (venue_id,
visit_date) (10,000 visits, 30,000 actions: see tests/benchmarks/followup.py).
"""

from __future__ import annotations

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

LATEST = (  # each live venue with its latest live visit (from followup_records' index)
    "SELECT ve.id, ve.name, ve.commune, r.record_id, r.visit_date, r.agreement_end, "
    "r.next_visit FROM venues ve LEFT JOIN followup_records r ON r.record_id = "
    "(SELECT w.record_id FROM followup_records w WHERE w.venue_id = ve.id "
    "ORDER BY w.visit_date DESC, w.created_at DESC, w.record_id DESC LIMIT 1) "
    "WHERE ve.deleted_at IS NULL ORDER BY ve.sort_key"
)


def load_followup(db, template: Template, today: date | None = None) -> Followup:
    """Everything the « Suivi » shows, in three queries. db: a Database or a connection."""
    conn = getattr(db, "conn", db)
    today = today or date.today()
    fields = FollowupFields.of(template)
    latest = conn.execute(LATEST).fetchall()
    names = {row[0]: row[1] or "" for row in latest}
    return Followup(
        today=today,
        fields=fields,
        actions=tuple(_actions(conn, fields, names, today)),
        agreements=tuple(_agreements(latest, fields, today)),
        next_visits=tuple(_next_visits(latest, fields, today)),
        venues=tuple(_venues(latest, template, today)),
        photos_to_review=tuple(_photos_to_review(conn)),
    )


def _photos_to_review(conn) -> list[tuple[str, str, int]]:
    """Visits with photos still « à vérifier », newest visit first. From the photos
    (CROSS JOIN keeps that order): not from every visit's row, read past its data."""
    return conn.execute(
        "SELECT v.id, v.venue_id, count(*) FROM photos p CROSS JOIN visits v "
        "ON v.id = p.visit_id CROSS JOIN venues ve ON ve.id = v.venue_id WHERE p.identifiable_people IS NULL "
        "AND p.deleted_at IS NULL AND v.deleted_at IS NULL AND ve.deleted_at IS NULL "
        "GROUP BY v.id ORDER BY v.visit_date DESC, v.id"
    ).fetchall()


ACTIONS = (  # every live visit's actions, in the table's order (visit id, row)
    "SELECT record_id, venue_id, visit_date, row_index, action, responsible, due, status "
    "FROM followup_actions"
)


def _actions(conn, fields: FollowupFields, names: dict[str, str], today: date) -> list:
    """The actions come from followup_actions (derived.py: one row per action of a live
    visit, kept by triggers): nothing is parsed here. Sorted here rather than by SQLite:
    an index in due-date order costs a lookup per row, twice the whole read."""
    if not fields.actions:
        return []
    key = fields.actions
    groups: dict[str, str] = {}  # due -> group
    dated: list[ActionItem] = []
    undated: list[ActionItem] = []
    make = tuple.__new__  # what ActionItem(...) does, without its Python-level __new__
    for visit_id, venue_id, visit_date, row, text, person, due, state in conn.execute(ACTIONS):
        name = names.get(venue_id)
        if name is None:
            continue  # venue deleted
        due = due if type(due) is str else cell_text(due)
        group = groups.get(due)
        if group is None:
            group = groups[due] = group_of(parse_date(due), today)
        (undated if group is NO_DATE else dated).append(
            make(
                ActionItem,
                (
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
                ),
            )
        )
    # ISO dates sort as text, so the dated groups come in order; stable: same due date,
    # in the order of the visits' ids. Then the actions without a (valid) due date.
    by_due = attrgetter("due")
    dated.sort(key=by_due)
    undated.sort(key=by_due)
    return dated + undated


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
    items.sort(key=lambda a: a.end_date)
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
    items.sort(key=lambda a: a.planned)
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
