"""The Suivi's other tabs as the view reads them (tab_lists.py: counts in SQL, each list
restricted in SQL and read when its tab is shown) give what load_followup gives, with
dates SQLite cannot judge alone (text, impossible days, a time, a number), a trashed
venue, two venues of one name, a governance meeting's next date, after every write."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.followup.derived import refill
from desktop.core.followup.load import load_followup
from desktop.core.followup.tab_lists import NOTICE_MONTHS, Window, tab_counts
from tests.core.followup_screen import assert_suivi_in_step, assert_tabs_in_step
from tests.core.governance_sample import GOVERNANCE

TODAY = date(2025, 3, 12)
ENDS = ["2025-04-30", "2025-03-12", "2025-03-11", "2025-06-12", "fin juin", "2025-02-30",
        "2025-05-01T10:00", "20250501", "", "0000-05-01", "2025-6-1", "2026-02-28"]  # fmt: skip


@pytest.fixture
def venues(store):
    """Twelve venues, two of each name (the same sort key), each visited with one kind of
    agreement end and next visit; one never visited; a meeting with a next date."""
    made = []
    for i, end in enumerate(ENDS):
        venue = store.create_venue({"name": f"Lieu {i // 2}", "commune": "Aubusson"})
        visit = store.create_visit(venue.id, f"2024-{1 + i % 12:02d}-10")
        store.update_visit(visit.id, {"end_date": end, "next_visit": ENDS[-1 - i]})
        made.append((venue, visit))
    store.create_venue({"name": "Jamais vu", "commune": "Guéret"})
    meeting = store.create_record(made[0][0].id, GOVERNANCE, "2025-02-20")
    store.update_visit(meeting.id, {"next_meeting": "2025-03-20"})
    return made


def test_counts_and_lists_are_load_followup_s_after_every_write(workspace, store, venues):
    check = lambda: assert_suivi_in_step(workspace, TODAY)  # noqa: E731
    check()
    (first, visit), (second, _) = venues[0], venues[1]
    later = store.create_visit(first.id, "2025-01-15")  # now the venue's latest
    store.update_visit(later.id, {"end_date": "fin avril", "next_visit": "2025-03-01"})
    check()
    store.update_visit(visit.id, {"visit_date": "2025-02-01"})  # the latest again
    check()
    store.delete_visit(visit.id)
    check()
    store.restore_visit(visit.id)
    check()
    store.delete_venue(second.id)  # a trashed venue leaves every count and list
    check()
    store.restore_venue(second.id)
    check()
    store.delete_visit(later.id)
    store.purge([("visits", later.id)])
    check()
    workspace.service.call(lambda writer: refill(writer.db.conn))
    check()


def test_the_counts_the_user_sees(workspace, store, venues):
    """Agreements within 3 months from 12 March 2025: 30 April, 12 March (today), 12 June,
    1 May at 10:00 and 20250501 (read as days, as the visit sheet opens them); 11 March
    has ended."""
    conn = workspace.db.conn
    templates = store.templates
    counts = tab_counts(conn, templates.visit, templates.others, TODAY,
                        Window.of(TODAY, 3, include_ended=True), 12)  # fmt: skip
    assert (counts.agreements, counts.notice) == (6, 5)
    data = load_followup(workspace.db, templates.visit, TODAY, templates.others)
    # 7 of the visits' next dates are days (the same values, one place down), and the meeting's
    assert counts.next_visits == len(data.next_visits) == 8
    # Visited on the 10th of January, February, March 2024 (before 12 March 2024), or never
    assert counts.not_visited == len(data.not_visited_since(12)) == 4
    assert counts.notice == len(data.agreements_ending(NOTICE_MONTHS))
    assert_tabs_in_step(workspace, data)


def test_without_its_lists_load_followup_gives_the_rest(workspace, store, venues):
    """What the view reads at a refresh: the actions and photos as before, no list."""
    visit = venues[3][1]
    store.update_visit(visit.id, {"actions": [{"what": "Relancer", "due": "2025-03-01"}]})
    templates = store.templates
    full = load_followup(workspace.db, templates.visit, TODAY, templates.others)
    light = load_followup(workspace.db, templates.visit, TODAY, templates.others, lists=False)
    assert light.actions == full.actions and len(light.actions) == 1
    assert (light.agreements, light.next_visits, light.venues) == ((), (), ())
    assert light.photos_to_review == full.photos_to_review and light.fields == full.fields
