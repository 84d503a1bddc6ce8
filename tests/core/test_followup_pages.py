"""The Suivi's actions read a page at a time (action_rows.py) give what load_followup gives:
the same actions, groups, order and counts, under every filter, whichever page is read
first, with pages cut across due dates and groups."""

from __future__ import annotations

import sqlite3
from datetime import date
from itertools import groupby
from operator import attrgetter

import pytest

from desktop.core.followup import action_rows
from desktop.core.followup.action_rows import (
    ActionFilter,
    ActionLayout,
    ActionRows,
    action_venues,
    overdue_count,
    responsible_values,
    responsibles,
)
from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.load import load_followup
from desktop.core.followup.model import NO_RESPONSIBLE, NO_STATUS, OPEN
from tests.core.governance_sample import GOVERNANCE

TODAY = date(2025, 3, 12)  # a Wednesday
DUES = ["2025-03-11", "2025-03-12", "2025-03-16", "2025-03-20", "2025-06-01", "2024-12-31",
        "fin mars", "", None, "2025-02-30", "2025-03-11"]  # fmt: skip
PEOPLE = ["Camille", "Sami", "", None, "Nour", " Sami\t"]  # as typed: two names
STATES = ["a_faire", "en_cours", "fait", None]


@pytest.fixture
def many(store):
    """Three venues (one deleted), visits and a governance meeting, with actions of every
    kind of due date (dates of each group, text, none, an impossible date), responsible
    and status, several on the same due date."""
    venues = [store.create_venue({"name": name, "commune": "Felletin"})
              for name in ("Le Moulin", "la Friche", "Zèbre tiers-lieu")]  # fmt: skip
    n = 0
    for v, venue in enumerate(venues):
        for day in ("2025-01-05", "2025-02-10"):
            visit = store.create_visit(venue.id, day)
            actions = []
            for _ in range(9):
                n += 1
                action = {"what": f"Action {n}", "who": PEOPLE[n % 6], "due": DUES[n % 11],
                          "status": STATES[n % 4]}  # fmt: skip
                actions.append({k: value for k, value in action.items() if value is not None})
            store.update_visit(visit.id, {"actions": actions})
        meeting = store.create_record(venue.id, GOVERNANCE, "2025-02-20")
        store.update_visit(meeting.id, {"actions": [
            {"what": f"Décision {v}", "who": "Sami", "due": "2025-03-11", "status": "a_faire"},
            {"what": f"Close {v}", "due": "2025-03-13", "status": "fait"},
        ]})  # fmt: skip
    store.delete_venue(venues[2].id)
    return venues


def fields_of(store) -> dict[str, FollowupFields]:
    templates = store.templates
    return {t.id: FollowupFields.of(t) for t in (templates.visit, *templates.others)}


def paged(store, wanted: ActionFilter, order=None) -> ActionRows:
    layout = ActionLayout.read(store.db.conn, fields_of(store), TODAY, wanted)
    rows = ActionRows(store.db.conn, layout, lambda group, count: (group, count))
    for index in order or ():
        rows[index]  # noqa: B018 - read pages in this order first
    return rows


FILTERS = [
    ActionFilter(),
    ActionFilter(status="fait"),
    ActionFilter(status=NO_STATUS),
    ActionFilter(status="en_cours", responsible="Sami"),
    ActionFilter(responsible=NO_RESPONSIBLE),
    ActionFilter(responsible="Camille", status=OPEN),
]


@pytest.mark.parametrize("wanted", FILTERS)
@pytest.mark.parametrize("page", [1, 4, 200])
def test_pages_give_what_load_followup_gives(store, many, monkeypatch, wanted, page):
    monkeypatch.setattr(action_rows, "PAGE", page)
    data = load_followup(store.db, store.templates.visit, TODAY, store.templates.others)
    expected = data.filter_actions(wanted.responsible, wanted.venue_id, wanted.status)
    assert expected  # every filter here shows something
    flat = []
    for group, items in groupby(expected, key=attrgetter("group")):
        items = list(items)
        flat += [(group, len(items)), *items]
    backwards = range(len(flat) - 1, -1, -1)  # the end first, as after Ctrl+Fin
    for order in (None, backwards):
        rows = paged(store, wanted, order)
        assert len(rows) == len(flat)
        assert list(rows) == flat
        assert rows.header_rows == [i for i, row in enumerate(flat) if type(row) is tuple]


def test_a_venue_filter_and_the_lists_of_the_filter_combos(store, many):
    moulin, friche, gone = many
    data = load_followup(store.db, store.templates.visit, TODAY, store.templates.others)
    rows = [r for r in paged(store, ActionFilter(venue_id=friche.id)) if type(r) is not tuple]
    assert rows == data.filter_actions(venue_id=friche.id)
    assert {r.venue_name for r in rows} == {"la Friche"}
    assert len(paged(store, ActionFilter(venue_id=gone.id))) == 0  # a deleted venue: none
    fields = fields_of(store)
    assert responsibles(store.db.conn, fields) == data.responsibles()
    assert action_venues(store.db.conn, fields) == data.action_venues()
    assert [name for name, _ in action_venues(store.db.conn, fields)] == ["la Friche", "Le Moulin"]
    assert overdue_count(store.db.conn, fields, TODAY) == data.overdue_count() > 0


def test_a_governance_action_keeps_its_own_template(store, many):
    rows = [r for r in paged(store, ActionFilter()) if type(r) is not tuple]
    decision = next(r for r in rows if r.what == "Décision 0")
    assert (decision.field, decision.done_value, decision.group) == ("actions", "fait", "overdue")
    assert store.template_of(decision.visit_id).id == GOVERNANCE


def test_a_page_the_data_no_longer_fills_is_blank_until_the_next_reading(store, visit):
    store.update_visit(visit.id, {"actions": [{"what": f"A{n}", "due": "2025-03-20"}
                                              for n in range(5)]})  # fmt: skip
    layout = ActionLayout.read(store.db.conn, fields_of(store), TODAY, ActionFilter())
    store.update_visit(visit.id, {"actions": [{"what": "A0", "due": "2025-03-20"}]})
    rows = ActionRows(store.db.conn, layout, lambda group, count: (group, count))
    assert len(rows) == 6  # as counted before the change
    assert [getattr(r, "what", r) for r in rows] == [
        ("this_month", 5),
        "A0",
        None,
        None,
        None,
        None,
    ]
    assert len(paged(store, ActionFilter())) == 2  # read again: right


def test_a_page_that_cannot_be_read_is_blank_not_an_error(store, visit, tmp_path):
    store.update_visit(visit.id, {"actions": [{"what": "A", "due": "2025-03-20"}]})
    conn = sqlite3.connect(tmp_path / "other.sqlite")  # closed below, as during a restore
    layout = ActionLayout.read(store.db.conn, fields_of(store), TODAY, ActionFilter())
    rows = ActionRows(conn, layout, lambda group, count: (group, count))
    conn.close()
    assert list(rows) == [("this_month", 1), None]


def test_a_responsible_s_stored_values_find_the_same_actions(store, many):
    """The filter's list gives each name's stored values: the index is searched for them,
    with the same result as reading each value as shown."""
    values = responsible_values(store.db.conn, fields_of(store))
    assert values["Sami"] == ("Sami",) and values[" Sami\t"] == (" Sami\t",)
    for name in ("Sami", " Sami\t", "Camille", "Nour"):
        for status in (OPEN, "fait"):
            plain = ActionFilter(responsible=name, status=status)
            searched = ActionFilter(name, None, status, responsible_values=values[name])
            assert list(paged(store, searched)) == list(paged(store, plain))
            assert len(paged(store, plain)) > 0 or status == "fait"
