"""The Suivi as the view reads it (the actions' counts kept per due date, each venue's
latest record kept: migration 14) stays what load_followup and a recomputation give,
after every way of writing: a new visit, an edit, an action marked done, a visit deleted
and restored, a venue trashed and restored, a purge, a refill, two visits on one day."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.followup.action_rows import ActionFilter, ActionLayout, ActionRows
from desktop.core.followup.actions import set_action_status
from desktop.core.followup.derived import refill
from desktop.core.followup.fields import FollowupFields
from tests.core.followup_screen import assert_suivi_in_step
from tests.core.governance_sample import GOVERNANCE

TODAY = date(2025, 3, 12)
DUES = ["2025-03-11", "2025-03-14", "2025-03-28", "2025-06-01", "", None, "fin mars",
        "2025-02-30", "2024-12-31"]  # fmt: skip


def actions(n: int, shift: int = 0) -> list[dict]:
    made = []
    for i in range(n):
        action = {"what": f"Action {i}", "who": ["Camille", "Sami", ""][i % 3],
                  "due": DUES[(i + shift) % len(DUES)], "status": ["a_faire", "fait"][i % 2]}  # fmt: skip
        made.append({k: v for k, v in action.items() if v is not None})
    return made


@pytest.fixture
def network(store):
    """Three venues, two of them visited twice, with actions, agreements and next visits,
    and a governance meeting with its own actions."""
    venues = [store.create_venue({"name": n, "commune": "Felletin"})
              for n in ("Le Moulin", "la Friche", "Zèbre")]  # fmt: skip
    visits = []
    for v, venue in enumerate(venues[:2]):
        for k, day in enumerate(("2024-05-05", "2025-01-10")):
            visit = store.create_visit(venue.id, day)
            store.update_visit(visit.id, {
                "actions": actions(7, v + k), "end_date": f"2025-0{4 + v + k}-30",
                "next_visit": f"2025-0{5 + k}-0{1 + v}",
            })  # fmt: skip
            visits.append(visit)
    meeting = store.create_record(venues[0].id, GOVERNANCE, "2025-02-20")
    store.update_visit(meeting.id, {"actions": actions(3, 1)})
    return venues, visits


def test_every_write_keeps_what_the_suivi_reads_in_step(workspace, store, network):
    venues, visits = network
    check = lambda: assert_suivi_in_step(workspace, TODAY)  # noqa: E731
    check()
    new = store.create_visit(venues[2].id, "2025-02-01")  # a new visit: a venue's latest
    store.update_visit(new.id, {"actions": actions(4, 3), "end_date": "2025-05-01"})
    check()
    store.update_visit(visits[1].id, {"actions": actions(2, 5), "visit_date": "2023-01-01"})
    check()  # an edit that changes the dues and which visit is the latest
    action = next(i for i, a in enumerate(actions(7, 0)) if a["status"] == "a_faire")
    set_action_status(store, visits[3].id, action, "fait")
    check()
    store.delete_visit(visits[3].id)
    check()
    store.restore_visit(visits[3].id)
    check()
    store.delete_venue(venues[0].id)  # its actions leave the counts, its row the lists
    check()
    store.restore_venue(venues[0].id)
    check()
    store.delete_visit(new.id)
    store.purge([("visits", new.id)])
    check()
    workspace.service.call(lambda writer: refill(writer.db.conn))
    check()


def test_two_visits_on_one_day_the_one_made_last_is_the_latest(workspace, store, venue):
    first = store.create_visit(venue.id, "2025-01-10")
    store.update_visit(first.id, {"end_date": "2026-01-01"})
    second = store.create_visit(venue.id, "2025-01-10")
    store.update_visit(second.id, {"end_date": "2027-01-01"})
    assert_suivi_in_step(workspace, TODAY)
    latest = workspace.db.conn.execute("SELECT record_id FROM followup_latest").fetchall()
    assert latest == [(second.id,)]
    store.delete_visit(second.id)
    assert_suivi_in_step(workspace, TODAY)
    assert workspace.db.conn.execute("SELECT record_id FROM followup_latest").fetchall() == [
        (first.id,)
    ]


def test_the_suivi_opens_from_the_counts_and_pages_from_the_index(workspace, store, venue):
    """What keeps the first screen flat in size (300,000 actions): the layout reads
    followup_due_counts, not the actions; a page, even the last of 300,000 actions
    without a due date, walks followup_actions_by_due for its keys with no sort."""
    for day in ("2025-01-10", "2025-02-10"):
        visit = store.create_visit(venue.id, day)
        undated = [{"what": f"A{i}", **({"due": ""} if i % 3 else {})} for i in range(30)]
        store.update_visit(visit.id, {"actions": undated})  # NULL and "" share a segment
    conn, seen = workspace.db.conn, []
    fields = {t.id: FollowupFields.of(t) for t in store.templates.records}
    conn.set_trace_callback(seen.append)
    try:
        layout = ActionLayout.read(conn, fields, TODAY, ActionFilter())
        rows = ActionRows(conn, layout, lambda group, count: (group, count))
        assert len(rows) == 61 and rows[60].what == "A29"
    finally:
        conn.set_trace_callback(None)
    plans = {sql: " / ".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
             for sql in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))}  # fmt: skip
    assert any("followup_due_counts" in sql for sql in plans)
    [page] = [plan for sql, plan in plans.items() if "row_index" in sql]
    walk = page.split(" / SCAN hit")[0]  # the keys; then the page's 200 rows, sorted
    assert "COVERING INDEX followup_actions_by_due" in walk and "TEMP B-TREE" not in walk, page
    assert "MERGE (UNION ALL)" in walk
