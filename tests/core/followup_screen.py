"""What the Suivi view reads, checked against a recomputation: its actions' layout, counts
and pages (from followup_due_counts, migration 14) against load_followup with every action,
and its agreements, next visits and venues (from followup_latest) against each venue's
latest record chosen by SQL from the follow-up rows, as before migration 14; the other
tabs' counts and lists as the view reads them (tab_lists.py) against load_followup's."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from operator import attrgetter

from desktop.core.followup.action_rows import ActionFilter, ActionLayout, ActionRows, overdue_count
from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.load import load_followup
from desktop.core.followup.model import HORIZONS, IDLE_THRESHOLDS, parse_date
from desktop.core.followup.tab_lists import (
    NOTICE_MONTHS,
    Window,
    agreements_ending,
    next_visits,
    not_visited_since,
    tab_counts,
)
from tests.core.followup_rows import assert_in_step

# Each live venue's latest record of a template, one look-up per venue (migration 9's way).
LATEST_LOOKED_UP = (
    "SELECT ve.id, r.record_id, r.visit_date, r.agreement_end, r.next_visit FROM venues ve "
    "LEFT JOIN followup_records r ON r.record_id = (SELECT w.record_id FROM followup_records w "
    "WHERE w.venue_id = ve.id AND w.template_id = ? "
    "ORDER BY w.visit_date DESC, w.created_at DESC, w.record_id DESC LIMIT 1) "
    "WHERE ve.deleted_at IS NULL"
)


def expected_rows(data) -> list:
    """The open actions with a (group, count) header before each group, as paged."""
    flat = []
    for group, items in groupby(data.open_actions(), key=attrgetter("group")):
        items = list(items)
        flat += [(group, len(items)), *items]
    return flat


def assert_suivi_in_step(ws, today: date) -> None:
    assert_in_step(ws)
    templates, conn = ws.templates, ws.db.conn
    data = load_followup(ws.db, templates.visit, today, templates.others)
    fields = {t.id: FollowupFields.of(t) for t in (templates.visit, *templates.others)}
    layout = ActionLayout.read(conn, fields, today, ActionFilter())
    rows = ActionRows(conn, layout, lambda group, count: (group, count))
    flat = expected_rows(data)
    assert list(rows) == flat
    assert layout.total == len(data.open_actions())
    assert overdue_count(conn, fields, today) == data.overdue_count()
    latest = {r[0]: r[1:] for r in conn.execute(LATEST_LOOKED_UP, (templates.visit.id,))}
    assert {(v.venue_id, v.visit_id, v.visit_date or None) for v in data.venues} == {
        (venue, record, day) for venue, (record, day, _, _) in latest.items()
    }
    records = {record for record, *_ in latest.values()}
    for items, column, attribute in (
        (data.agreements, 2, "end_date"),
        (data.next_visits, 3, "planned"),
    ):
        mine = sorted((i.venue_id, i.visit_id, getattr(i, attribute)) for i in items
                      if i.visit_id in records)  # fmt: skip
        dated = [(v, row[0], parse_date(row[column])) for v, row in latest.items()]
        assert mine == sorted((v, r, day.isoformat()) for v, r, day in dated if day)
        assert [getattr(i, attribute) for i in items] == sorted(
            getattr(i, attribute) for i in items
        )
    assert_tabs_in_step(ws, data)


def assert_tabs_in_step(ws, data) -> None:
    """The agreements, next visits and venues tabs as the view reads them (counts in SQL,
    each list restricted in SQL) are load_followup's, under every filter."""
    templates, conn, today = ws.templates, ws.db.conn, data.today
    visit, others = templates.visit, templates.others
    assert next_visits(conn, visit, others, today) == list(data.next_visits)
    for months in (*HORIZONS, 1, 24):
        for ended in (False, True):
            window = Window.of(today, months, ended)
            expected = data.agreements_ending(months, ended)
            assert agreements_ending(conn, visit, others, today, window) == expected
            for threshold in IDLE_THRESHOLDS:
                counts = tab_counts(conn, visit, others, today, window, threshold)
                assert counts.agreements == len(expected), (months, ended)
                assert counts.next_visits == len(data.next_visits)
                assert counts.not_visited == len(data.not_visited_since(threshold))
                assert counts.notice == len(data.agreements_ending(NOTICE_MONTHS))
    for threshold in (*IDLE_THRESHOLDS, 0, 1, 100):
        expected = data.not_visited_since(threshold)
        assert not_visited_since(conn, visit, today, threshold) == expected
