"""A share's first import fills its visits' derived rows (figure_visits, followup_actions,
followup_records and their summary) from the data parsed in Python (merge/derived_in_bulk):
every derived table must hold what the views of migrations 9 and 12 give, value for
value, after the bulk insert and after the edits, deletions, restores and purges that
follow; values the Python side does not vouch for go through those views."""

from __future__ import annotations

import json

import pytest

from desktop.core.followup import derived
from desktop.core.merge import derived_in_bulk
from desktop.core.merge.exchange import VENUE_COLUMNS, VISIT_COLUMNS, record_document
from desktop.core.merge.new_records import insert_new_records
from desktop.core.storage import figure_rows
from desktop.core.storage.purge import empty_trash

DERIVED = ("figure_visits", "followup_actions", "followup_records", "followup_due_counts",
           "followup_latest")  # fmt: skip
ACTION = {"what": "Relancer la mairie", "who": "Camille", "due": "2027-01-15", "status": "a_faire"}
PLAIN = {  # values the Python side writes itself
    "plain": {
        "legal_form": "scic",
        "activity_types": ["cuisine_partagee", "", None, "fablab"],
        "support_needs": ["acces_au_foncier", "acces_au_foncier"],
        "public_funding_pct": 40,
        "actions": [ACTION, {**ACTION, "status": "fait"}, "pas une action", {}],
        "end_date": "2027-06-30",
        "next_visit": "2027-02-01",
    },
    "odd types": {
        "legal_form": True,
        "tenure": 3,
        "budget_band": "",
        "labels": ["a\x1eb\x1dc\x1fd", 2, False, None],
        "public_funding_pct": [50],
        "renewal": None,
        "staff_fte": {"a": [1]},
        "actions": [{"what": 7, "who": None, "due": True, "status": 1}],
        "end_date": 20270630,
        "next_visit": False,
    },
    "actions not a list": {"actions": {"0": ACTION}, "end_date": ""},
    "no data of note": {},
    "a date with its time": {"visit_date": "2026-03-04 à 10 h", "legal_form": "scop"},
    # stored as text by the column (TEXT affinity): read back, not taken from the row
    "a date as a number": {"visit_date": 20260304, "legal_form": "scop"},
    "two actions alike": {"actions": [ACTION, ACTION]},  # counted on the first half's
}
UNSURE = {  # values the views write in a way the Python side leaves to them
    "real percent": {"public_funding_pct": 42.5, "legal_form": "scop"},
    "real in a list": {"labels": ["a", 1.0]},
    "object as a due date": {"actions": [{**ACTION, "due": {"jour": 15}}]},
    "list as an end date": {"end_date": ["2027"]},
    "integer past 64 bits": {"tenure": 2**70},
}


def recomputed_by_views(conn) -> dict:
    """Every derived table as the views fill it again from visits.data (then restored)."""
    conn.execute("SAVEPOINT recompute")
    try:
        derived.refill(conn)
        figure_rows.refill(conn)
        return derived_tables(conn)
    finally:
        conn.execute("ROLLBACK TO recompute")
        conn.execute("RELEASE recompute")


def derived_tables(conn) -> dict:
    tables = {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in DERIVED}
    tables["followup_due_counts"] = [r for r in tables["followup_due_counts"] if r[-1]]
    return tables  # (a due date left with no action keeps its row at 0: read as none)


def assert_as_the_views_fill_them(laptop) -> dict:
    def check(writer) -> dict:
        held = derived_tables(writer.db.conn)
        assert held == recomputed_by_views(writer.db.conn)
        return held

    return laptop.workspace.service.call(check)


def alice_records(alice) -> tuple[list, list, dict]:
    """(venues, visits as record documents hold them, visit id by case name)."""
    venues = [alice.store.create_venue({"name": name, "commune": "Felletin"})
              for name in ("Le Moulin", "La Grange", "L'Écluse")]  # fmt: skip
    venue = venues[0]
    ids = {}
    for number, (name, data) in enumerate({**PLAIN, **UNSURE}.items()):
        # Two by two: each venue's visits in both halves. Those left to the views are
        # apart: their insert triggers (awake) would find any venue's latest again.
        place = venues[2 if name in UNSURE else number // 2 % 2].id
        day = f"2026-{number % 12 + 1:02d}-03"
        visit = alice.store.create_visit(place, day, False)
        data = {"visit_date": day, **data}
        ids[name] = visit.id
        alice.workspace.service.call(
            lambda writer, data=data, visit=visit: writer.db.conn.execute(
                "UPDATE visits SET data = ? WHERE id = ?", (json.dumps(data), visit.id)
            )
        )
    meeting = alice.store.create_record(venue.id, "governance-meeting", "2026-05-05")
    statuses = [{**ACTION, "status": status} for status in ("1", 1, True)]
    alice.store.update_visit(meeting.id, {"actions": [ACTION, *statuses]})
    ids["meeting"] = meeting.id
    trashed = alice.store.create_visit(venue.id, "2026-06-06")
    alice.store.update_visit(trashed.id, {"legal_form": "scic", "actions": [ACTION]})
    alice.store.delete_visit(trashed.id)
    visits = [record_document(alice.store, "visits", i)["visits"][0] for i in ids.values()]
    visits.append(record_document(alice.store, "visits", trashed.id)["visits"][0])
    assert visits[-1]["deleted_at"]
    documents = [record_document(alice.store, "venues", v.id)["venues"][0] for v in venues]
    return documents, visits, ids


KEYS = {  # the meeting template's followup_keys, as given or changed here
    "as the templates say": "",
    "done as a number": "done = '1'",  # status 1 and true equal the done value '1' in SQL
    "a path unquoted": "next_visit = '$.next_meeting'",  # not the form json_path writes
}


@pytest.mark.parametrize("keys", list(KEYS))
def test_derived_rows_of_a_bulk_insert_are_the_views_rows(laptops, monkeypatch, keys):
    venues, visits, ids = alice_records(laptops("alice"))
    bob = laptops("bob")
    if KEYS[keys]:
        bob.workspace.service.call(lambda writer: writer.db.conn.execute(
            f"UPDATE followup_keys SET {KEYS[keys]} WHERE template_id = 'governance-meeting'"
        ))  # fmt: skip
    by_views = []
    monkeypatch.setattr(derived_in_bulk, "fill_figures_by_views",
                        lambda conn, ids: by_views.extend(ids) or figure_rows.fill(conn, ids))  # fmt: skip

    def insert(writer) -> None:  # in two chunks: the second's venues have their latest
        insert_new_records(writer.store, "venues", VENUE_COLUMNS, venues, savepoint=False)
        for half in (visits[::2], visits[1::2]):
            insert_new_records(writer.store, "visits", VISIT_COLUMNS, half, savepoint=False)

    bob.workspace.service.call(insert)

    held = assert_as_the_views_fill_them(bob)
    unsure = {ids[name] for name in UNSURE}
    if keys == "a path unquoted":  # the views' way, for the meeting
        unsure.add(ids["meeting"])
    assert set(by_views) == unsure
    assert len(held["figure_visits"]) == len(ids)  # the trashed visit has none
    meeting = [r[-1] for r in held["followup_actions"] if r[0] == ids["meeting"]]
    assert meeting == ([0, 1, 1, 1] if keys == "done as a number" else [0, 0, 0, 0])
    days = {row[3]: row[1] for row in held["figure_visits"]}
    assert days[ids["a date with its time"]] == "2026-03-04"
    assert days[ids["a date as a number"]] == "20260304"


def test_edits_deletions_restores_and_purges_keep_them_as_the_views_fill_them(laptops):
    venues, visits, ids = alice_records(laptops("alice"))
    bob = laptops("bob")
    bob.workspace.service.call(lambda writer: (
        insert_new_records(writer.store, "venues", VENUE_COLUMNS, venues, savepoint=False),
        insert_new_records(writer.store, "visits", VISIT_COLUMNS, visits, savepoint=False),
    ))  # fmt: skip
    before = assert_as_the_views_fill_them(bob)
    bob.store.update_visit(ids["plain"], {"legal_form": "scop", "actions": [ACTION]})
    bob.store.delete_visit(ids["odd types"])
    bob.store.delete_visit(ids["real percent"])
    after = assert_as_the_views_fill_them(bob)
    assert after != before
    bob.store.restore_visit(ids["odd types"])
    assert_as_the_views_fill_them(bob)
    empty_trash(bob.store, bob.workspace.media, [ids["real percent"]])
    purged = assert_as_the_views_fill_them(bob)
    assert ids["real percent"] not in {row[3] for row in purged["figure_visits"]}
