"""Search ranks by bm25 within its window of matches; the index keeps short prefixes."""

import sqlite3

import pytest

from desktop.core.storage import visit_search
from desktop.core.storage.db import read_only_uri
from tests.core.test_migrations import open_saved, saved


def _ids(hits) -> list[str]:
    return [h.visit_id for h in hits]


@pytest.fixture
def friches(store, venue):
    """Eight visits that mention « friche » once to three times, in notes of varied
    length, in the order they were created."""
    ids = []
    for number in range(8):
        visit = store.create_visit(venue.id, f"2025-01-{number + 1:02d}", carry_over=False)
        words = ["friche"] * (number % 3 + 1) + ["atelier", "jardin", "convention"][: number % 4]
        store.update_visit(visit.id, {"strengths": " ".join(words)})
        ids.append(visit.id)
    return ids


def test_all_matches_are_ranked_when_they_fit_the_window(store, friches):
    hits = store.search_visits("friche")
    assert sorted(_ids(hits)) == sorted(friches)
    # bm25: three mentions in a short note first, one mention in the longest last
    assert _ids(hits)[0] in {friches[2], friches[5]} and _ids(hits)[-1] == friches[3]


def test_a_broader_query_ranks_the_most_recent_matches_in_the_same_order(
    store, friches, monkeypatch
):
    everything = _ids(store.search_visits("friche"))
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 3)
    newest = _ids(store.search_visits("friche"))
    assert newest == [v for v in everything if v in friches[-3:]]  # bm25 over the whole index
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 8)
    assert _ids(store.search_visits("friche")) == everything
    assert _ids(store.search_visits("friche", limit=2)) == everything[:2]


def test_a_deleted_visit_in_the_window_is_not_found(store, friches, monkeypatch):
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 3)
    store.delete_visit(friches[-1])
    assert sorted(_ids(store.search_visits("friche"))) == sorted(friches[-3:-1])


@pytest.mark.parametrize("query", ["f", "fr", "fri", "FR", "é"])
def test_one_and_two_letters_find_by_prefix(store, venue, query):
    visit = store.create_visit(venue.id, "2025-02-01", carry_over=False)
    store.update_visit(visit.id, {"strengths": "Une friche à Épinal"})
    assert visit.id in _ids(store.search_visits(query))


def _index_sql(ws) -> str:
    sql = "SELECT sql FROM sqlite_master WHERE name = 'visits_fts'"
    return ws.db.conn.execute(sql).fetchone()[0]


def test_a_new_database_keeps_one_and_two_letter_prefixes(workspace):
    assert "prefix='1 2'" in _index_sql(workspace)


def test_an_upgraded_index_finds_what_it_found_before(tmp_path):
    """Migration 14 makes the index again, with its prefixes, from visits.search_text:
    each query finds the same visits, in the same order, as the saved index did."""
    queries = ["salle des fetes", "moulin", "felletin", "sa", "s", "c", "relancer"]
    with sqlite3.connect(read_only_uri(saved(11)), uri=True) as before:
        found = {q: [r[0] for r in visit_search.best_hits(before, q, 50)] for q in queries}
    before.close()
    assert all(found.values())
    ws = open_saved(11, tmp_path)
    try:
        assert "prefix='1 2'" in _index_sql(ws)
        assert {q: _ids(ws.store.search_visits(q)) for q in queries} == found
        ws.service.call(
            lambda writer: writer.db.conn.execute(
                "INSERT INTO visits_fts(visits_fts, rank) VALUES ('integrity-check', 1)"
            )
        )
    finally:
        ws.close()
