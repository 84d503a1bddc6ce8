"""The Suivi's actions under one filter, in its order, read from SQLite a page at a time.

The Suivi lists the actions grouped by due date (« En retard », « Cette semaine »...), each
group headed by its title and count, the actions of a group by due date, ties in the
order of their records. Building 30,000 actions in Python to show the 25 on screen cost
more than the whole target (issue 15), so nothing here reads every action:

- the layout: each distinct due value and how many actions have it, read from
  followup_due_counts (kept by triggers, migration 14) when no filter is chosen, else
  from one `GROUP BY due` over the filtered actions (a scan of the covering index
  followup_actions_overdue); Python gives each value its group (`group_of`, as
  load_followup does) and its place;
- a page: the rows of the due values it covers, found in the index followup_actions_by_due
  (or, under a status filter, one scan of the table), ordered and cut by SQLite
  (`LIMIT` / `OFFSET`), then made into ActionItem.

So filling the Suivi costs some 2,500 counts and one page, whatever the number of actions;
the filters (responsible, venue, status) are WHERE clauses.
"""

from __future__ import annotations

import logging
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.model import (
    GROUPS,
    NO_RESPONSIBLE,
    NO_STATUS,
    OPEN,
    OVERDUE,
    ActionItem,
    cell_text,
    group_of,
    parse_date,
)

PAGE = 200  # rows read at once: some eight screens
log = logging.getLogger(__name__)
BLANK = "char(32, 9, 10, 13)"  # what Python's str.strip() drops, for cell_text's sake
# Text is compared as stored, as load_followup does (« Sami » and « Sami  » are two names).
LIVE = "venue_id NOT IN (SELECT id FROM venues WHERE deleted_at IS NOT NULL)"
COLUMNS = (  # an action's row (ActionRows._item)
    "SELECT a.template_id, a.record_id, a.venue_id, (SELECT name FROM venues WHERE id = "
    "a.venue_id), a.visit_date, a.row_index, a.action, a.responsible, a.due, a.status"
)


@dataclass(frozen=True)
class ActionFilter:
    responsible: str | None = None  # NO_RESPONSIBLE: nobody; None: anyone
    venue_id: str | None = None
    status: str | None = OPEN  # OPEN: not done; NO_STATUS: none; else that value
    # The stored values that show as `responsible` (responsible_values(), when the filter's
    # list was read): the index is then searched for them (19 ms at 300,000 actions)
    # rather than every value read as shown (140 ms). The same filter, either way.
    responsible_values: tuple | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Segment:
    """The actions of one due date as shown (cell_text), in their records' order."""

    group: str
    dues: tuple  # its raw values in followup_actions: "" and NULL both show as none
    start: int  # position of its first action among the rows (headers included)
    count: int


@dataclass(frozen=True)
class ActionLayout:
    """Where each group and each due value falls among the rows (headers included)."""

    templates: dict[str, tuple[str, str | None]]  # template id -> (table key, done value)
    filter: ActionFilter
    counts: dict[str, int]  # group -> actions
    headers: list[int]  # positions of the group headers
    segments: list[Segment]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def size(self) -> int:
        return self.total + len(self.headers)

    @classmethod
    def read(
        cls, conn, fields: dict[str, FollowupFields], today: date, filter: ActionFilter
    ) -> ActionLayout:
        """fields: each template read (id -> its FollowupFields); those without actions
        are left out."""
        templates = {i: (f.actions, f.done) for i, f in fields.items() if f.actions}
        found = _due_counts(conn, templates, filter)
        shown: dict[str, tuple[list, int]] = {}  # due as shown -> (raw values, actions)
        for due, count in found:
            text = due if type(due) is str else cell_text(due)
            raws, total = shown.get(text, ((), 0))
            shown[text] = ((*raws, due), total + count)
        by_group: dict[str, list[str]] = {group: [] for group in GROUPS}
        for text in shown:
            by_group[group_of(parse_date(text), today)].append(text)
        counts, headers, segments, position = {}, [], [], 0
        for group in GROUPS:  # ISO dates sort as text: a group's dates come in order
            if not by_group[group]:
                continue
            headers.append(position)
            position += 1
            for text in sorted(by_group[group]):
                raws, count = shown[text]
                segments.append(Segment(group, raws, position, count))
                counts[group] = counts.get(group, 0) + count
                position += count
        return cls(templates, filter, counts, headers, segments)


class ActionRows(Sequence):
    """The rows of the Suivi's actions table: a header object at each group's head
    (`header(group, count)`), ActionItem elsewhere, read from `conn` by pages when asked
    for. A page the database no longer fills (changed since the layout) gives None."""

    def __init__(self, conn, layout: ActionLayout, header: Callable[[str, int], Any]) -> None:
        self.conn, self.layout = conn, layout
        groups = [g for g in GROUPS if g in layout.counts]
        self._headers = {
            p: header(g, layout.counts[g]) for p, g in zip(layout.headers, groups, strict=True)
        }
        self._starts = [s.start for s in layout.segments]
        self._pages: dict[int, list] = {}
        self._size = layout.size  # asked at every cell Qt paints or measures

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int):
        if type(index) is not int:
            return [self[i] for i in range(*index.indices(self._size))]  # a slice
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        number, at = divmod(index, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._page(number * PAGE, (number + 1) * PAGE)
        return page[at]

    @property
    def header_rows(self) -> list[int]:
        return list(self.layout.headers)

    def _page(self, first: int, end: int) -> list:
        """A page, or blank rows when the database cannot be read now (a backup being
        restored): the table is painted, not failing at every cell; the refresh that
        follows reads it again."""
        try:
            return self._read(first, end)
        except sqlite3.Error:
            log.warning("Suivi : lignes %s à %s illisibles", first, end, exc_info=True)
            return [self._headers.get(p) for p in range(first, min(end, len(self)))]

    def _read(self, first: int, end: int) -> list:
        """Rows first..end: the headers among them, the actions read from the database."""
        end = min(end, len(self))
        touched = list(self._segments_between(first, end))
        if not touched:
            return [self._headers.get(p) for p in range(first, end)]
        if self.layout.filter == ActionFilter():
            rows = [
                (*row, rank)
                for rank, s in enumerate(touched)
                for row in self._segment(s, max(s.start, first), min(s.start + s.count, end))
            ]
        else:
            rows = self._filtered(touched, first, end)
        items = iter(self._item(row, touched[row[-1]].group) for row in rows)
        headers = self._headers
        return [headers[p] if p in headers else next(items, None) for p in range(first, end)]

    def _segment(self, segment: Segment, first: int, end: int) -> list:
        """Open actions first..end (positions among the rows) of one due date: per raw
        value, a walk of the index followup_actions_by_due (done, due, then the records'
        order), merged by SQLite when there are several; no sort, whatever their number."""
        where, params = _where(self.layout.templates, self.layout.filter, "a.")
        branches, values = [], []
        for due in segment.dues:
            same = "a.due IS NULL" if due is None else "a.due = ?"
            branches.append(
                f"SELECT a.record_id, a.row_index FROM followup_actions a WHERE {same} AND {where}"
            )
            values += [*([] if due is None else [due]), *params]
        # The keys from the index first, then those rows only: the rows skipped are not read.
        keys = f"{' UNION ALL '.join(branches)} ORDER BY 1, 2 LIMIT {end - first} OFFSET {first - segment.start}"
        sql = (
            f"{COLUMNS} FROM ({keys}) AS hit JOIN followup_actions a "
            "ON a.record_id = hit.record_id AND a.row_index = hit.row_index "
            "ORDER BY a.record_id, a.row_index"
        )
        return self.conn.execute(sql, values).fetchall()

    def _filtered(self, touched: list[Segment], first: int, end: int) -> list:
        """Under filters, the actions of the touched due dates in one query, ordered by
        SQLite: found in the index followup_actions_overdue when open (a responsible or a
        venue: a few of them), else in one scan of the table (the status is in no index)."""
        ranks = " ".join(
            f"WHEN {_among(s.dues)} THEN {r}" for r, s in enumerate(touched)
        )  # the segments' order: their rows first by it, then in their records' order
        dues = [due for s in touched for due in s.dues]
        known = [due for due in dues if due is not None]
        among = _among(dues)  # the CASE is worked out only for these rows: it is slow
        skip = max(0, first - touched[0].start)
        wanted = sum(min(s.start + s.count, end) - max(s.start, first) for s in touched)
        columns = f"{COLUMNS}, CASE {ranks} END AS rank"
        order = f"ORDER BY rank, a.record_id, a.row_index LIMIT {wanted} OFFSET {skip}"
        if self.layout.filter.status is OPEN:  # the actions' keys from the covering index,
            # then those rows only (not a scan of the table)
            where, params = _where(self.layout.templates, self.layout.filter, "a.")
            sql = (
                "WITH hit AS MATERIALIZED (SELECT a.record_id AS k, a.row_index AS i "
                f"FROM followup_actions a INDEXED BY followup_actions_overdue "
                f"WHERE {among} AND {where}) {columns} FROM hit JOIN followup_actions a "
                f"ON a.record_id = hit.k AND a.row_index = hit.i {order}"
            )
            return self.conn.execute(sql, [*known, *params, *known]).fetchall()
        where, params = _where(self.layout.templates, self.layout.filter, "+a.")
        sql = f"{columns} FROM followup_actions a WHERE {among} AND {where} {order}"
        return self.conn.execute(sql, [*known, *known, *params]).fetchall()

    def _segments_between(self, first: int, end: int):
        at = max(0, bisect_right(self._starts, first) - 1)
        for segment in self.layout.segments[at:]:
            if segment.start >= end:
                break
            if segment.start + segment.count > first:
                yield segment

    def _item(self, row: tuple, group: str) -> ActionItem:
        template_id, record_id, venue_id, name, visit_date, index, text, person, due, state, _ = row
        key, done = self.layout.templates[template_id]
        return ActionItem(
            record_id,
            venue_id,
            name or "",
            visit_date or "",
            key,
            index,
            text if type(text) is str else cell_text(text),
            person if type(person) is str else cell_text(person),
            due if type(due) is str else cell_text(due),
            state if type(state) is str else cell_text(state),
            group,
            done,
        )


def _due_counts(conn, templates: dict[str, tuple], filter: ActionFilter) -> list[tuple]:
    """(due as stored, actions) under a filter. With none (the Suivi as it opens, the
    overdue count) from followup_due_counts (migration 14: some 2,500 rows where the
    open actions are 225,000 at 100,000 visits), less the actions of trashed venues."""
    if filter != ActionFilter():
        # The status is not in the covering index: then a scan of the table, not of the
        # index with a lookup of each row in the table (SQLite's choice, ten times slower).
        where, params = _where(templates, filter, "" if filter.status is OPEN else "+")
        # +due: grouped by a sort, not by walking followup_actions_by_due in due order with
        # a look-up of each row (the responsible is not in that index: 1 s, not 60 ms).
        return conn.execute(
            f"SELECT due, count(*) FROM followup_actions WHERE {where} GROUP BY +due", params
        ).fetchall()
    marks = ", ".join("?" for _ in templates) or "NULL"
    counted = conn.execute(
        "SELECT due, sum(actions) FROM followup_due_counts "
        f"WHERE template_id IN ({marks}) AND done = 0 AND actions > 0 GROUP BY due",
        list(templates),
    ).fetchall()
    trashed = conn.execute(  # from the trashed venues, by their visits: a few seeks
        "SELECT a.due, count(*) FROM venues ve CROSS JOIN visits v ON v.venue_id = ve.id "
        "CROSS JOIN followup_actions a ON a.record_id = v.id WHERE ve.deleted_at IS NOT NULL "
        f"AND a.template_id IN ({marks}) AND a.done = 0 GROUP BY a.due",
        list(templates),
    ).fetchall()
    if not trashed:
        return counted
    left = dict(trashed)
    return [(due, n - left.get(due, 0)) for due, n in counted if n > left.get(due, 0)]


def _shown(column: str) -> str:
    """A cell as the Suivi shows it, in SQL: text as stored, anything else as cell_text."""
    return f"CASE WHEN typeof({column}) = 'text' THEN {column} ELSE trim({column}, {BLANK}) END"


def _among(dues) -> str:
    """a.due among these raw values (NULL included), as SQL with a ? for each other."""
    known = [due for due in dues if due is not None]
    clause = f"a.due IN ({', '.join('?' for _ in known)})" if known else "0"
    return f"({clause} OR a.due IS NULL)" if len(known) < len(dues) else clause


def _where(templates: dict[str, tuple], filter: ActionFilter, alias: str = "") -> tuple[str, list]:
    """The WHERE clause of a filter (named parameters after the page's numbered ones)."""
    a = alias
    marks = ", ".join("?" for _ in templates) or "NULL"
    clauses, params = [f"{a}template_id IN ({marks})", a + LIVE], list(templates)
    if filter.status is OPEN:
        clauses.append(f"{a}done = 0")
    elif filter.status == NO_STATUS:
        clauses.append(f"coalesce({a}status, '') = ''")
    else:
        clauses.append(f"{_shown(a + 'status')} = ?")
        params.append(filter.status)
    if filter.responsible == NO_RESPONSIBLE:
        clauses.append(f"coalesce({a}responsible, '') = ''")
    elif filter.responsible_values:
        marks = ", ".join("?" for _ in filter.responsible_values)
        clauses.append(f"{a}responsible IN ({marks})")
        params += filter.responsible_values
    elif filter.responsible is not None:
        clauses.append(f"{_shown(a + 'responsible')} = ?")
        params.append(filter.responsible)
    if filter.venue_id is not None:
        clauses.append(f"{a}venue_id = ?")
        params.append(filter.venue_id)
    return " AND ".join(clauses), params


def overdue_count(conn, fields: dict[str, FollowupFields], today: date) -> int:
    """Overdue actions not done, whatever the filters (the status bar's notice)."""
    return ActionLayout.read(conn, fields, today, ActionFilter()).counts.get(OVERDUE, 0)


def responsibles(conn, fields: dict[str, FollowupFields]) -> list[str]:
    """Everyone named responsible of an action (done ones too), by name."""
    return sorted(set(responsible_values(conn, fields)) - {""}, key=str.casefold)


def responsible_values(conn, fields: dict[str, FollowupFields]) -> dict[str, tuple]:
    """name as shown -> the values stored for it (text as stored; a number, as its text)."""
    templates = [i for i, f in fields.items() if f.actions]
    marks = ", ".join("?" for _ in templates) or "NULL"
    found = conn.execute(
        f"SELECT DISTINCT responsible FROM followup_actions WHERE template_id IN ({marks}) "
        f"AND {LIVE}",
        templates,
    ).fetchall()
    names: dict[str, tuple] = {}
    for (value,) in found:
        name = value if type(value) is str else cell_text(value)
        names[name] = (*names.get(name, ()), value)
    return names


def action_venues(conn, fields: dict[str, FollowupFields]) -> list[tuple[str, str]]:
    """(name, id) of the live venues that have actions (done ones too), by name."""
    templates = [i for i, f in fields.items() if f.actions]
    marks = ", ".join("?" for _ in templates) or "NULL"
    found = conn.execute(
        "SELECT coalesce(name, ''), id FROM venues WHERE deleted_at IS NULL AND id IN "
        f"(SELECT venue_id FROM followup_actions WHERE template_id IN ({marks}))",
        templates,
    ).fetchall()
    return sorted(map(tuple, found), key=lambda v: v[0].casefold())
