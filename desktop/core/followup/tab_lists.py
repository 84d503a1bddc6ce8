"""The Suivi's other tabs (agreements ending, next visits, venues not visited): their
counts, shown in the tabs' titles and the status bar's notice, in SQL, and each list
read only when its tab is shown, restricted in SQL to the rows it can hold.

load_followup built the three lists of every venue (15,000 at 100,000 visits) at each
refresh, hidden tabs included: 80 ms of the Suivi's 190. The counts are one pass over
followup_latest (migration 14's covering index, some 10 ms) less the rows of trashed
venues (a few seeks); every date is checked the way the lists parse it (parse_date):
SQLite counts the dates it can judge alone (AAAA-MM-JJ, a real day), Python the others
(« fin juin », 2025-06-30T10:00, a number), which are read one by one: few, or none.
The lists are load.py's own functions on those rows, so they are what load_followup
gives, in its order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.load import _agreements, _next_visits, _venues
from desktop.core.followup.model import add_months, parse_date
from desktop.core.forms.templates import Template

NOTICE_MONTHS = 3  # the status bar's notice: agreements ending within 3 months


def _iso_day(column: str) -> str:
    """SQL: the value is a day written AAAA-MM-JJ that exists, so that its text is its
    parse_date. date() alone keeps 2025-02-30; through a day count ('+0 days') it gives
    2025-03-02. Year 0000 is no day for Python: left to it."""
    return f"(date({column}, '+0 days') IS {column} AND {column} > '0000-12-31')"


def _odd(column: str) -> str:
    """SQL: a value only Python can judge (parse_date reads its first ten characters)."""
    return f"({column} IS NOT NULL AND NOT {_iso_day(column)})"


@dataclass(frozen=True)
class Window:
    """Agreements ending from `start` to `end` (ISO texts, as agreements_ending)."""

    start: str
    end: str

    @classmethod
    def of(cls, today: date, months: int, include_ended: bool = False) -> Window:
        return cls(
            "" if include_ended else today.isoformat(), add_months(today, months).isoformat()
        )

    def holds(self, day: date | None) -> bool:
        return day is not None and self.start <= day.isoformat() <= self.end


@dataclass(frozen=True)
class TabCounts:
    agreements: int  # ending within the tab's window
    next_visits: int  # every latest record with a next date
    not_visited: int  # venues never visited or not since the threshold
    notice: int  # agreements ending within NOTICE_MONTHS, not ended


# Per template, over its rows in followup_latest: agreements in the tab's window and in
# the notice's, next dates, visited since the threshold, and values only Python judges.
_TALLY = (
    "SELECT count(*) FILTER (WHERE r.agreement_end BETWEEN ? AND ? AND {agreement}), "
    "count(*) FILTER (WHERE r.agreement_end BETWEEN ? AND ? AND {agreement}), "
    "count(*) FILTER (WHERE {next}), count(*) FILTER (WHERE ifnull(r.visit_date, '') >= ?), "
    "count(*) FILTER (WHERE {odd_agreement} OR {odd_next}) FROM {rows}"
)
# Every venue_id there names a venue (visits.venue_id REFERENCES venues, foreign keys on):
# the live ones are all of them less the trashed ones.
_EVERY = "followup_latest r WHERE r.template_id = ? AND r.venue_id IS NOT NULL"
# Their share at trashed venues (few): from the venues, a seek each.
_TRASHED = (
    "venues ve CROSS JOIN followup_latest r ON r.template_id = ? AND r.venue_id = ve.id "
    "WHERE ve.deleted_at IS NOT NULL"
)
_ODD_ROWS = (  # the values only Python judges, at live venues
    "SELECT r.agreement_end, r.next_visit FROM followup_latest r CROSS JOIN venues ve "
    "ON ve.id = r.venue_id WHERE r.template_id = ? AND ve.deleted_at IS NULL AND ({odd})"
)


def _tally_sql(rows: str) -> str:
    a, n = "r.agreement_end", "r.next_visit"
    return _TALLY.format(agreement=_iso_day(a), next=_iso_day(n), odd_agreement=_odd(a),
                         odd_next=_odd(n), rows=rows)  # fmt: skip


def tab_counts(
    conn, template: Template, others: tuple[Template, ...], today: date, window: Window,
    threshold: int,
) -> TabCounts:  # fmt: skip
    """The counts of the three tabs and the notice, as long as the lists would be."""
    notice = Window.of(today, NOTICE_MONTHS)
    since = add_months(today, -threshold).isoformat()
    ending = noticed = planned = visited = 0
    for t in (template, *others):
        params = (window.start, window.end, notice.start, notice.end, since, t.id)
        every = conn.execute(_tally_sql(_EVERY), params).fetchone()
        trashed = conn.execute(_tally_sql(_TRASHED), params).fetchone()
        counts = [e - d for e, d in zip(every, trashed, strict=True)]
        if every[4]:  # values written otherwise: Python parses them as the lists do
            counts = _with_odd(conn, t.id, window, notice, counts)
        ending, noticed, planned = ending + counts[0], noticed + counts[1], planned + counts[2]
        visited += counts[3] if t is template else 0
    live = conn.execute("SELECT count(*) FROM venues WHERE deleted_at IS NULL").fetchone()[0]
    return TabCounts(ending, planned, live - visited, noticed)


def _is_iso_day(value) -> bool:
    """Python's _iso_day: the values SQLite counted itself."""
    day = parse_date(value) if type(value) is str else None
    return day is not None and day.isoformat() == value


def _with_odd(conn, template_id: str, window: Window, notice: Window, counts: list) -> list:
    """The counts with the values SQLite left to Python (at live venues)."""
    ending, noticed, planned, *rest = counts
    odd = f"{_odd('r.agreement_end')} OR {_odd('r.next_visit')}"
    for end, planned_on in conn.execute(_ODD_ROWS.format(odd=odd), (template_id,)):
        if end is not None and not _is_iso_day(end):
            day = parse_date(end)
            ending += window.holds(day)
            noticed += notice.holds(day)
        if planned_on is not None and not _is_iso_day(planned_on):
            planned += parse_date(planned_on) is not None
    return [ending, noticed, planned, *rest]


# Live venues' latest records of a template, restricted, in the venues' order (the index
# venues_by_sort_key's: sort key, then id), as load.py's LATEST gives them. A few rows
# (the agreements of a window): from followup_latest, a seek of their venues and a sort.
_LATEST_WHERE = (
    "SELECT ve.id, ve.name, ve.commune, r.record_id, r.visit_date, r.agreement_end, "
    "r.next_visit FROM followup_latest r CROSS JOIN venues ve ON ve.id = r.venue_id "
    "WHERE r.template_id = ? AND ve.deleted_at IS NULL AND ({where}) ORDER BY ve.sort_key, ve.id"
)
# Most venues (their next visits): from the venues in their order, a covering index each
# side (a seek of each venue's row read its data too: 4 times slower).
_LATEST_MOST = (
    "SELECT ve.id, ve.name, ve.commune, r.record_id, r.visit_date, r.agreement_end, "
    "r.next_visit FROM venues ve CROSS JOIN followup_latest r ON r.template_id = ? "
    "AND r.venue_id = ve.id WHERE ve.deleted_at IS NULL AND ({where}) ORDER BY ve.sort_key, ve.id"
)


def agreements_ending(
    conn, template: Template, others: tuple[Template, ...], today: date, window: Window
) -> list:
    """Followup.agreements_ending's list: read from the rows in the window (or odd)."""
    where = f"r.agreement_end BETWEEN ? AND ? OR {_odd('r.agreement_end')}"
    items = []
    for t in (template, *others):
        rows = conn.execute(_LATEST_WHERE.format(where=where), (t.id, window.start, window.end))
        items += _agreements(rows.fetchall(), FollowupFields.of(t), today)
    items.sort(key=attrgetter("end_date"))
    return [a for a in items if window.start <= a.end_date <= window.end]


def next_visits(conn, template: Template, others: tuple[Template, ...], today: date) -> list:
    """Followup.next_visits: every latest record with a next date, soonest first."""
    items = []
    for t in (template, *others):
        rows = conn.execute(_LATEST_MOST.format(where="r.next_visit IS NOT NULL"), (t.id,))
        items += _next_visits(rows.fetchall(), FollowupFields.of(t), today)
    items.sort(key=attrgetter("planned"))
    return items


_NOT_VISITED = (  # every live venue, with its latest visit when older than the limit
    "SELECT ve.id, ve.name, ve.commune, r.record_id, r.visit_date, r.agreement_end, "
    "r.next_visit FROM venues ve LEFT JOIN followup_latest r ON r.template_id = ? "
    "AND r.venue_id = ve.id WHERE ve.deleted_at IS NULL "
    "AND (r.record_id IS NULL OR ifnull(r.visit_date, '') < ?) ORDER BY ve.sort_key, ve.id"
)


def not_visited_since(conn, template: Template, today: date, months: int) -> list:
    """Followup.not_visited_since: never visited first, then the oldest last visit."""
    limit = add_months(today, -months).isoformat()
    rows = conn.execute(_NOT_VISITED, (template.id, limit)).fetchall()
    return _venues(rows, template, today)
