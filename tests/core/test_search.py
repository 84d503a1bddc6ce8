"""Full-text search over visits: any long text, accents folded, prefixes, safe on odd input."""

import pytest

from desktop.core.forms.text import HIT_END, HIT_START


def _ids(hits) -> list[str]:
    return [h.visit_id for h in hits]


def test_a_word_from_any_long_text_field_finds_the_visit(store, venue, shipped_templates):
    textareas = [f.key for f in shipped_templates.visit.fields if f.widget == "textarea"]
    assert len(textareas) >= 7
    visits = {}
    for number, key in enumerate(textareas):
        visit = store.create_visit(venue.id, f"2025-01-{number + 1:02d}", carry_over=False)
        store.update_visit(visit.id, {key: f"Remarque mot{number}unique dans ce champ."})
        visits[key] = visit.id
    for number, key in enumerate(textareas):
        hits = store.search_visits(f"mot{number}unique")
        assert _ids(hits) == [visits[key]], key
        assert f"{HIT_START}mot{number}unique{HIT_END}" in hits[0].snippet


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("economie", "économie"),
        ("ÉCONOMIE", "économie"),
        ("equilibre", "Équilibre"),
        ("contrib", "contribution"),  # prefix
        ("econ contrib", "contribution"),  # every word, each as a prefix
        ("Moulin", "Moulin"),  # the venue's name
        ("felletin", "Felletin"),  # the venue's commune
    ],
)
def test_search_folds_accents_and_matches_prefixes(store, visit, query, marked):
    store.update_visit(
        visit.id, {"economic_notes": "Équilibre fragile, économie de la contribution."}
    )
    hits = store.search_visits(query)
    assert _ids(hits) == [visit.id]
    hit = hits[0]
    assert (hit.venue_name, hit.visit_date) == ("Le Moulin Fabrique", "2025-03-14")
    assert f"{HIT_START}{marked}{HIT_END}" in hit.snippet


def test_all_words_must_match(store, visit):
    store.update_visit(visit.id, {"strengths": "Un fablab très actif"})
    assert _ids(store.search_visits("fablab actif")) == [visit.id]
    assert store.search_visits("fablab brasserie") == []


def test_select_labels_and_table_cells_are_searchable(store, visit):
    store.update_visit(
        visit.id,
        {
            "legal_form": "collectivite",
            "actions": [{"what": "Relancer la commune", "who": "Camille"}],
            "people_met": [{"role": "Présidente", "name": "Dominique"}],
        },
    )
    for query in ("collectivite", "relancer", "camille", "presidente", "dominique"):
        assert _ids(store.search_visits(query)) == [visit.id], query


# Each query: does it still find the visit? Words are taken literally (« AND » is a word).
ODD_QUERIES = [
    ('"', False), ('"économie', True), ("(économie", True), ("économie)", True),
    ("*", False), ("éco*", True), ("AND", False), ("économie AND", False), ("OR", False),
    ("NOT économie", False), ("NEAR(", False), ("NEAR(économie", False), ("^économie", True),
    ("économie:", True), ("economic_notes:économie", False), ("{a b}", False), ("...", False),
    ("?!;,", False), ("'", False), ("-", False), ("+", False), ("", False), ("   ", False),
    ("économie -contribution", True), ("l'économie", True), ("économie\x00", True),
]  # fmt: skip


@pytest.mark.parametrize(("query", "found"), ODD_QUERIES)
def test_odd_input_never_raises(store, visit, query, found):
    store.update_visit(visit.id, {"economic_notes": "L'économie de la contribution."})
    assert _ids(store.search_visits(query)) == ([visit.id] if found else [])


def test_punctuation_only_finds_nothing(store, visit):
    store.update_visit(visit.id, {"strengths": "!!! ... ???"})
    assert store.search_visits("?!") == []
    assert store.search_visits("") == []


def test_a_deleted_visit_is_not_found(store, venue, visit):
    other = store.create_visit(venue.id, "2025-04-01")
    store.update_visit(visit.id, {"strengths": "Recyclerie"})
    store.update_visit(other.id, {"strengths": "Recyclerie aussi"})
    store.delete_visit(visit.id)
    assert _ids(store.search_visits("recyclerie")) == [other.id]


def test_an_edited_text_is_found_by_its_new_words_only(store, visit):
    store.update_visit(visit.id, {"obstacles": "Chauffage en panne"})
    store.update_visit(visit.id, {"obstacles": "Toiture à refaire"})
    assert store.search_visits("chauffage") == []
    assert _ids(store.search_visits("toiture")) == [visit.id]


def test_renaming_the_venue_updates_what_search_finds(store, venue, visit):
    store.update_venue(venue.id, {"name": "La Quincaillerie", "commune": "Guéret"})
    assert store.search_visits("moulin") == []
    assert store.search_visits("felletin") == []
    hits = store.search_visits("quincaillerie gueret")
    assert _ids(hits) == [visit.id]
    assert hits[0].venue_name == "La Quincaillerie"
