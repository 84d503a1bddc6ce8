"""« Suivi »: what needs following up across every venue, from every live visit.

Open actions (grouped by due date), occupation agreements coming to an end, next visits
planned and venues not visited for a while. Visits of every author count: colleagues'
synced visits live in the same tables.

Which fields play which part comes from the template's `x-followup` hints (`actions`,
with columns `action`, `responsible`, `due`, `status` + `x-followup-done`; `agreement_end`;
`next_visit`), so a network's own template can take part; a template without hints falls
back on the default sheet's keys when it has them.

Speed: SQLite's json_extract picks the few values needed out of visits.data, so no whole
visit is json-decoded in Python, and each venue's latest visit comes from the index on
(venue_id, visit_date) (10,000 visits, 30,000 actions: see tests/benchmarks/followup.py).

Groups of actions, for a given `today`:
- « En retard »: due before today;
- « Cette semaine »: from today to the Sunday of today's ISO week;
- « Ce mois-ci »: after this week, up to the last day of today's month;
- « Plus tard »: anything later;
- « Sans échéance »: no due date, or one that is not a date.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import Any, NamedTuple

from desktop.core.pdf.french import months_between
from desktop.core.records import ChangeResult
from desktop.core.templates import FieldSpec, Template

OVERDUE, THIS_WEEK, THIS_MONTH, LATER, NO_DATE = (
    "overdue",
    "this_week",
    "this_month",
    "later",
    "no_date",
)
GROUPS = (OVERDUE, THIS_WEEK, THIS_MONTH, LATER, NO_DATE)
GROUP_TITLES = {
    OVERDUE: "En retard",
    THIS_WEEK: "Cette semaine",
    THIS_MONTH: "Ce mois-ci",
    LATER: "Plus tard",
    NO_DATE: "Sans échéance",
}
OPEN = None  # status filter: every action not done
NO_STATUS = ""  # status filter: actions with no status
NO_RESPONSIBLE = ""  # responsible filter: actions nobody took
HORIZONS = (3, 6, 12)  # months, for agreements
IDLE_THRESHOLDS = (6, 12, 18, 24)  # months, for venues not visited

# The default sheet's keys, used when a template has no x-followup hints.
DEFAULT_KEYS = {
    "actions": "actions",
    "action": "what",
    "responsible": "who",
    "due": "due",
    "status": "status",
    "agreement_end": "end_date",
    "next_visit": "next_visit",
}
DEFAULT_DONE = "fait"


class FollowupError(LookupError):
    """str() is a French message."""


@dataclass(frozen=True)
class FollowupFields:
    """The keys of the fields the follow-up reads, found in a template (None: absent)."""

    actions: str | None = None
    action: str | None = None
    responsible: str | None = None
    due: str | None = None
    status: str | None = None
    done: str | None = None  # the status value meaning « done »
    agreement_end: str | None = None
    next_visit: str | None = None

    @classmethod
    def of(cls, template: Template) -> FollowupFields:
        roles = _roles(template.fields)
        table = template.field(roles["actions"]) if roles.get("actions") else None
        columns = _roles(table.columns) if table else {}
        by_key = {c.key: c for c in table.columns} if table else {}
        status = by_key.get(columns.get("status", ""))
        done = None
        if status is not None:
            values = [v for v, _ in status.choices]
            done = status.schema.get("x-followup-done") or (
                DEFAULT_DONE if DEFAULT_DONE in values else None
            )
        return cls(
            actions=table.key if table else None,
            action=columns.get("action"),
            responsible=columns.get("responsible"),
            due=columns.get("due"),
            status=columns.get("status"),
            done=done,
            agreement_end=roles.get("agreement_end"),
            next_visit=roles.get("next_visit"),
        )


def _roles(specs: Iterable[FieldSpec]) -> dict[str, str]:
    """role -> key, from x-followup hints, else from the default sheet's keys."""
    specs = list(specs)
    found = {s.schema.get("x-followup"): s.key for s in specs if s.schema.get("x-followup")}
    if found:
        return found
    keys = {s.key for s in specs}
    return {role: key for role, key in DEFAULT_KEYS.items() if key in keys}


class ActionItem(NamedTuple):
    visit_id: str
    venue_id: str
    venue_name: str
    visit_date: str
    field: str  # the table's key
    row: int  # index of the action in the table
    what: str
    responsible: str
    due: str  # as typed, normally AAAA-MM-JJ; "" when none
    status: str  # enum value, "" when none
    group: str  # OVERDUE, THIS_WEEK...


class AgreementItem(NamedTuple):
    visit_id: str  # the latest visit of the venue
    venue_id: str
    venue_name: str
    commune: str
    visit_date: str
    field: str
    end_date: str
    months_left: int  # whole months from today to the end (negative once ended)
    days_left: int


class NextVisitItem(NamedTuple):
    visit_id: str  # the latest visit of the venue, which planned the next one
    venue_id: str
    venue_name: str
    commune: str
    visit_date: str
    field: str
    planned: str
    days_left: int  # negative: the planned date has passed


class VenueLastVisit(NamedTuple):
    venue_id: str
    venue_name: str
    commune: str
    visit_id: str | None  # None: never visited
    visit_date: str
    field: str  # the visit date's key, to open the visit there
    months_since: int | None


@dataclass(frozen=True)
class Followup:
    today: date
    fields: FollowupFields
    actions: tuple[ActionItem, ...]  # every action of every live visit, done ones too
    agreements: tuple[AgreementItem, ...]  # latest visit of each venue with an end date
    next_visits: tuple[NextVisitItem, ...]
    venues: tuple[VenueLastVisit, ...]

    # ------------------------------------------------------------ actions
    def is_done(self, action: ActionItem) -> bool:
        return bool(self.fields.done) and action.status == self.fields.done

    def open_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if not self.is_done(a)]

    def filter_actions(
        self,
        responsible: str | None = None,
        venue_id: str | None = None,
        status: str | None = OPEN,
    ) -> list[ActionItem]:
        """Actions by responsible (NO_RESPONSIBLE: none), venue and status (OPEN: not done,
        NO_STATUS: none, else that status value); None leaves a criterion out."""
        result = []
        for action in self.actions:
            if status is OPEN:
                if self.is_done(action):
                    continue
            elif action.status != status:
                continue
            if responsible is not None and action.responsible != responsible:
                continue
            if venue_id is not None and action.venue_id != venue_id:
                continue
            result.append(action)
        return result

    def overdue_count(self) -> int:
        return sum(1 for a in self.actions if a.group == OVERDUE and not self.is_done(a))

    def responsibles(self) -> list[str]:
        return sorted({a.responsible for a in self.actions if a.responsible}, key=str.casefold)

    # ------------------------------------------------------------ agreements, visits
    def agreements_ending(self, months: int, include_ended: bool = False) -> list[AgreementItem]:
        """Agreements ending between today and today + months (and ended ones, if asked)."""
        limit = add_months(self.today, months).isoformat()
        start = "" if include_ended else self.today.isoformat()
        return [a for a in self.agreements if start <= a.end_date <= limit]

    def not_visited_since(self, months: int) -> list[VenueLastVisit]:
        """Venues whose last visit is more than `months` months old, or never visited."""
        limit = add_months(self.today, -months).isoformat()
        return [v for v in self.venues if v.visit_id is None or v.visit_date < limit]


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept within the month (31 jan + 1 = 28 feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_date(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def group_of(due: date | None, today: date) -> str:
    if due is None:
        return NO_DATE
    if due < today:
        return OVERDUE
    if due <= today + timedelta(days=6 - today.weekday()):
        return THIS_WEEK
    if (due.year, due.month) == (today.year, today.month):
        return THIS_MONTH
    return LATER


def _path(key: str) -> str:
    return "$." + json.dumps(key)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


LATEST = (  # each live venue with its latest live visit (by the index on venue, date)
    "SELECT ve.id, ve.name, ve.commune, v.id, v.visit_date, {extracts} FROM venues ve "
    "LEFT JOIN visits v ON v.id = (SELECT w.id FROM visits w WHERE w.venue_id = ve.id "
    "AND w.deleted_at IS NULL ORDER BY w.visit_date DESC, w.created_at DESC LIMIT 1) "
    "WHERE ve.deleted_at IS NULL ORDER BY ve.sort_key"
)


def load_followup(db, template: Template, today: date | None = None) -> Followup:
    """Everything the « Suivi » shows, in three queries. db: a Database or a connection."""
    conn = getattr(db, "conn", db)
    today = today or date.today()
    fields = FollowupFields.of(template)
    latest = _latest(conn, fields)
    names = {row[0]: row[1] or "" for row in latest}
    return Followup(
        today=today,
        fields=fields,
        actions=tuple(_actions(conn, fields, names, today)),
        agreements=tuple(_agreements(latest, fields, today)),
        next_visits=tuple(_next_visits(latest, fields, today)),
        venues=tuple(_venues(latest, template, today)),
    )


def _actions(conn, fields: FollowupFields, names: dict[str, str], today: date) -> list:
    """Each visit's table of actions comes out of SQLite as a small JSON array (json_extract),
    decoded in Python: measured faster than json_each + one json_extract per column, which
    re-parses every action once per column (tests/benchmarks/followup.py)."""
    if not fields.actions:
        return []
    rows = conn.execute(
        "SELECT id, venue_id, visit_date, json_extract(data, ?) FROM visits "
        "WHERE deleted_at IS NULL",
        (_path(fields.actions),),
    )
    key = fields.actions
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
            due = due if type(due) is str else _text(due)
            group = groups.get(due)
            if group is None:
                group = groups[due] = group_of(parse_date(due), today)
            append(
                ActionItem(
                    visit_id, venue_id, name, visit_date or "", key, row,
                    text if type(text) is str else _text(text),
                    person if type(person) is str else _text(person), due,
                    state if type(state) is str else _text(state), group,
                )
            )  # fmt: skip
    # ISO dates sort as text, so the dated groups come in order; stable: same due date,
    # in the order of the visits. Then the actions without a (valid) due date.
    items.sort(key=attrgetter("due"))
    return [a for a in items if a.group != NO_DATE] + [a for a in items if a.group == NO_DATE]


def _latest(conn, fields: FollowupFields) -> list[tuple]:
    keys = [fields.agreement_end, fields.next_visit]
    extracts = ", ".join("json_extract(v.data, ?)" if k else "NULL" for k in keys)
    return conn.execute(LATEST.format(extracts=extracts), [_path(k) for k in keys if k]).fetchall()


def _agreements(latest: list[tuple], fields: FollowupFields, today: date) -> list:
    items = []
    for venue_id, name, commune, visit_id, visit_date, value, _ in latest:
        end = parse_date(value)
        if end is None:
            continue
        items.append(
            AgreementItem(
                visit_id, venue_id, name or "", commune or "", visit_date or "",
                fields.agreement_end, end.isoformat(), months_between(today, end),
                (end - today).days,
            )
        )  # fmt: skip
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
                visit_id, venue_id, name or "", commune or "", visit_date or "",
                fields.next_visit, planned.isoformat(), (planned - today).days,
            )
        )  # fmt: skip
    items.sort(key=lambda a: a.planned)
    return items


def _venues(latest: list[tuple], template: Template, today: date) -> list:
    date_key = "visit_date" if template.field("visit_date") else ""
    items = []
    for venue_id, name, commune, visit_id, visit_date, _, _ in latest:
        last = parse_date(visit_date)
        items.append(
            VenueLastVisit(
                venue_id, name or "", commune or "", visit_id, visit_date or "", date_key,
                months_between(last, today) if last else None,
            )
        )  # fmt: skip
    items.sort(key=lambda v: (v.visit_id is not None, v.visit_date))  # never visited first
    return items


# ------------------------------------------------------------------ changing an action
def set_action_status(
    store, visit_id: str, row: int, status: str | None, expected: ActionItem | None = None
) -> ChangeResult:
    """Set one action's status through CarnetStore.update_visit (stamped, saved, validated).

    `expected`, the action as the Suivi showed it, guards against a table edited since:
    when its row no longer holds that action, the action is looked for by its text.
    """
    fields = FollowupFields.of(store.templates.visit)
    if not fields.actions or not fields.status:
        raise FollowupError("Ce modèle de fiche n'a pas de statut d'action.")
    visit = store.get_visit(visit_id)
    rows = visit.data.get(fields.actions)
    rows = [dict(r) if isinstance(r, dict) else r for r in rows] if isinstance(rows, list) else []
    index = _find_row(rows, row, fields, expected)
    if index is None:
        raise FollowupError("Cette action a changé entre-temps : rouvrez le suivi.")
    if status:
        rows[index][fields.status] = status
    else:
        rows[index].pop(fields.status, None)
    return store.update_visit(visit_id, {fields.actions: rows})


def _find_row(
    rows: list, row: int, fields: FollowupFields, expected: ActionItem | None
) -> int | None:
    def matches(index: int) -> bool:
        record = rows[index]
        if not isinstance(record, dict):
            return False
        return expected is None or _text(record.get(fields.action)) == expected.what

    if 0 <= row < len(rows) and matches(row):
        return row
    if expected is None:
        return None
    return next((i for i in range(len(rows)) if matches(i)), None)
