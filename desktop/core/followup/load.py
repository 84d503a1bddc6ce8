"""Reading the « Suivi » out of the database: every live record's actions (visits and
the other templates', each by its own x-followup fields), each venue's latest visit for
its agreement end, next visit and last visit date, and the latest record of each other
template for its next date (a meeting's next meeting).

Speed: nothing is parsed here. The actions and the follow-up dates are read from the
derived tables followup_actions and followup_records (derived.py: filled from each
record's data by triggers, from its template's x-followup hints), and each venue's latest
record of a template from followup_latest (summary.py), the dates of each parsed once
(10,000 and 100,000 visits: see tests/benchmarks/followup.py).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
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

# Each live venue with its latest live record of one template: followup_latest (migration
# 14) holds it, kept by triggers, where one look-up per venue cost 120 ms for 15,000.
LATEST = (
    "SELECT ve.id, ve.name, ve.commune, r.record_id, r.visit_date, r.agreement_end, "
    "r.next_visit FROM venues ve LEFT JOIN followup_latest r ON r.template_id = ? "
    "AND r.venue_id = ve.id WHERE ve.deleted_at IS NULL ORDER BY ve.sort_key"
)
# The other templates' latest records: only at the venues that have some.
LATEST_WHERE_ANY = LATEST.replace("LEFT JOIN", "JOIN")


def load_followup(
    db,
    template: Template,
    today: date | None = None,
    others: tuple[Template, ...] = (),
    actions: bool = True,
    lists: bool = True,
) -> Followup:
    """Everything the « Suivi » shows. db: a Database or a connection. template: the visit
    sheet (its latest visit per venue gives the agreements and « not visited »); others:
    the other record templates, whose actions and next dates (x-followup) count too.
    actions=False leaves the actions out: the Suivi view reads them a page at a time
    (action_rows.py) rather than all 30,000. lists=False leaves the agreements, next
    visits and venues out: the view counts them in SQL and reads a list when its tab is
    shown (tab_lists.py)."""
    conn, today = getattr(db, "conn", db), today or date.today()
    if not lists:
        return _without_lists(conn, template, today, others, actions)
    with _no_collection():
        return _load(conn, template, today, others, actions)


def _without_lists(conn, template: Template, today: date, others: tuple, actions: bool):
    by_template = {t.id: FollowupFields.of(t) for t in (template, *others)}
    names = dict(conn.execute("SELECT id, coalesce(name, '') FROM venues WHERE deleted_at IS NULL"))
    found = _actions(conn, by_template, names, today) if actions else ()
    return Followup(
        today=today,
        fields=by_template[template.id],
        actions=tuple(found),
        agreements=(),
        next_visits=(),
        venues=(),
        photos_to_review=tuple(_photos_to_review(conn)),
    )


@contextmanager
def _no_collection():
    """The items are tuples of text and numbers: no cycle for Python's collector to find.
    Its passes while 45,000 of them were made (15,000 venues) found none and cost a third
    of load_followup in the app (130,000 objects to walk each time). Process-wide: two
    threads loading at once leave it on at the latest when the last one is done."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _load(conn, template: Template, today: date, others: tuple, actions: bool) -> Followup:
    fields = FollowupFields.of(template)
    latest = conn.execute(LATEST, (template.id,)).fetchall()
    by_template = {t.id: FollowupFields.of(t) for t in (template, *others)}
    agreements = _agreements(latest, fields, today)
    next_visits = _next_visits(latest, fields, today)
    for other in others:  # per template, with that template's own fields
        other_latest = conn.execute(LATEST_WHERE_ANY, (other.id,)).fetchall()
        agreements += _agreements(other_latest, by_template[other.id], today)
        next_visits += _next_visits(other_latest, by_template[other.id], today)
    return Followup(
        today=today,
        fields=fields,
        actions=tuple(_actions(conn, by_template, _names(latest), today)) if actions else (),
        agreements=tuple(sorted(agreements, key=attrgetter("end_date"))),
        next_visits=tuple(sorted(next_visits, key=attrgetter("planned"))),
        venues=tuple(_venues(latest, template, today)),
        photos_to_review=tuple(_photos_to_review(conn)),
    )


def _names(latest: list[tuple]) -> dict[str, str]:
    return {row[0]: row[1] or "" for row in latest}


def _photos_to_review(conn) -> list[tuple[str, str, int]]:
    """Visits with photos still « à vérifier », newest visit first. From the photos
    (CROSS JOIN keeps that order): not from every visit's row, read past its data."""
    return conn.execute(
        "SELECT v.id, v.venue_id, count(*) FROM photos p CROSS JOIN visits v "
        "ON v.id = p.visit_id CROSS JOIN venues ve ON ve.id = v.venue_id WHERE p.identifiable_people IS NULL "
        "AND p.deleted_at IS NULL AND v.deleted_at IS NULL AND ve.deleted_at IS NULL "
        "GROUP BY v.id ORDER BY v.visit_date DESC, v.id"
    ).fetchall()


ACTIONS = (  # every live record's actions, in the table's order (record id, row)
    "SELECT template_id, record_id, venue_id, visit_date, row_index, action, responsible, "
    "due, status FROM followup_actions"
)


def _actions(conn, by_template: dict[str, FollowupFields], names: dict[str, str], today) -> list:
    """The actions come from followup_actions (derived.py: one row per action of a live
    record, kept by triggers): nothing is parsed here. Each keeps its own template's
    table key and « done » value (ticking « Fait » writes them). Sorted here rather than
    by SQLite: an index in due-date order costs a lookup per row, twice the whole read."""
    keys = {i: (f.actions, f.done) for i, f in by_template.items() if f.actions}
    groups: dict[str, str] = {}  # due -> group
    dated: list[ActionItem] = []
    undated: list[ActionItem] = []
    make = tuple.__new__  # what ActionItem(...) does, without its Python-level __new__
    rows = conn.execute(ACTIONS)
    for template_id, visit_id, venue_id, visit_date, row, text, person, due, state in rows:
        name, key = names.get(venue_id), keys.get(template_id)
        if name is None or key is None:
            continue  # venue deleted, or a template the Suivi is not reading
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
                    key[0],
                    row,
                    text if type(text) is str else cell_text(text),
                    person if type(person) is str else cell_text(person),
                    due,
                    state if type(state) is str else cell_text(state),
                    group,
                    key[1],
                ),
            )
        )
    # ISO dates sort as text, so the dated groups come in order; stable: same due date,
    # in the order of the records' ids. Then the actions without a (valid) due date.
    by_due = attrgetter("due")
    dated.sort(key=by_due)
    undated.sort(key=by_due)
    return dated + undated


class _Dates(dict):
    """Each date text parsed once, with what is worked out from it (15,000 venues share
    some 2,500 dates: parsing each row's was half of load_followup at 100,000 visits)."""

    def __init__(self, work) -> None:
        super().__init__()
        self.work = work  # date -> the values kept for it

    def __missing__(self, text):
        day = parse_date(text)
        self[text] = found = None if day is None else self.work(day)
        return found


def _agreements(latest: list[tuple], fields: FollowupFields, today: date) -> list:
    ends = _Dates(lambda end: (end.isoformat(), months_between(today, end), (end - today).days))
    make, key = tuple.__new__, fields.agreement_end
    items = []
    for venue_id, name, commune, visit_id, visit_date, value, _ in latest:
        end = ends[value]
        if end is not None:
            items.append(make(AgreementItem, (visit_id, venue_id, name or "", commune or "",
                                              visit_date or "", key, *end)))  # fmt: skip
    return items


def _next_visits(latest: list[tuple], fields: FollowupFields, today: date) -> list:
    plans = _Dates(lambda planned: (planned.isoformat(), (planned - today).days))
    make, key = tuple.__new__, fields.next_visit
    items = []
    for venue_id, name, commune, visit_id, visit_date, _, value in latest:
        planned = plans[value]
        if planned is not None:
            items.append(make(NextVisitItem, (visit_id, venue_id, name or "", commune or "",
                                              visit_date or "", key, *planned)))  # fmt: skip
    return items


def _venues(latest: list[tuple], template: Template, today: date) -> list:
    """Never visited first (in the venues' order), then by last visit."""
    date_key = "visit_date" if template.field("visit_date") else ""
    since = _Dates(lambda last: months_between(last, today))
    make = tuple.__new__
    never, visited = [], []
    for venue_id, name, commune, visit_id, visit_date, _, _ in latest:
        item = make(VenueLastVisit, (venue_id, name or "", commune or "", visit_id,
                                     visit_date or "", date_key, since[visit_date]))  # fmt: skip
        (never if visit_id is None else visited).append(item)
    visited.sort(key=attrgetter("visit_date"))
    return never + visited
