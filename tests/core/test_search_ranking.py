"""Search ranks by bm25 within its window of matches; short words are searched whole."""

import pytest

from desktop.core.storage import visit_search


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


def test_the_hits_say_how_many_newest_matches_were_ranked_when_not_all(
    store, venue, friches, monkeypatch
):
    assert store.search_visits("friche").window == 0  # every match ranked
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 7)
    assert store.search_visits("friche").window == 7  # the eighth, the oldest, left out
    for number in range(3):  # more visits than the window, none of them a match
        other = store.create_visit(venue.id, f"2025-03-{number + 1:02d}", carry_over=False)
        store.update_visit(other.id, {"strengths": "atelier"})
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 8)  # exactly as many matches
    hits = store.search_visits("friche")
    assert hits.window == 0 and sorted(_ids(hits)) == sorted(friches)
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 3)
    assert store.search_visits("atelier").window == 3  # the three newest are the others
    assert store.search_visits("introuvable") == [] and store.search_visits("").window == 0


def test_the_window_is_the_newest_matches_not_the_newest_visits(store, venue, friches, monkeypatch):
    """Visits added after every match do not push the matches out of the window."""
    for number in range(5):
        store.create_visit(venue.id, f"2025-04-{number + 1:02d}", carry_over=False)
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 3)
    hits = store.search_visits("friche")
    assert sorted(_ids(hits)) == sorted(friches[-3:]) and hits.window == 3


def test_a_deleted_visit_in_the_window_is_not_found(store, friches, monkeypatch):
    monkeypatch.setattr(visit_search, "RANK_WINDOW", 3)
    store.delete_visit(friches[-1])
    assert sorted(_ids(store.search_visits("friche"))) == sorted(friches[-3:-1])


@pytest.mark.parametrize(
    ("query", "found"),
    [("fri", True), ("FRI", True), ("fr", False), ("f", False), ("à", True), ("a", True),
     ("Épi", True), ("ep", False), ("une", True)],
)  # fmt: skip
def test_short_words_are_searched_whole_and_longer_ones_as_prefixes(store, venue, query, found):
    visit = store.create_visit(venue.id, "2025-02-01", carry_over=False)
    store.update_visit(visit.id, {"strengths": "Une friche à Épinal"})
    assert (visit.id in _ids(store.search_visits(query))) is found


@pytest.mark.parametrize("typed", ["M", "mo", "Mor", "fa"])
def test_the_venues_filter_keeps_one_and_two_letters_as_prefixes(store, typed):
    """A few thousand venues: the filter answers each keystroke from the first letter."""
    venue = store.create_venue({"name": "La Fabrique", "commune": "Morteau"})
    assert venue.id in [v.id for v in store.list_venues(typed)]
