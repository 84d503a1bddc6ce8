"""The correspondence rule that puts a laptop's personal table cells back on the rows of a
colleague's version (merge/personal_cells.py), on the shipped meeting template's agenda."""

from __future__ import annotations

import pytest

from desktop.core.forms.templates import TemplateSet
from desktop.core.merge.personal_cells import place_cells, resemblance
from desktop.core.privacy.audiences import row_columns

GOVERNANCE = "governance-meeting"


@pytest.fixture(scope="module")
def agenda():
    template = TemplateSet.load().template(GOVERNANCE)
    return row_columns(template.schema["properties"]["agenda"])


def row(topic: str, presenter: str | None = None, summary: str | None = None) -> dict:
    cells = {"topic": topic, "presenter": presenter, "summary": summary}
    return {k: v for k, v in cells.items() if v is not None}


LOCAL = [
    row("Budget 2026", "Paul Girard", "Débat sur les tarifs"),
    row("Convention avec la commune", "Marie Durand"),
    row("Fête de l'été", "Hélène Roy", "Date à fixer"),
]


def without_names(rows):
    return [{k: v for k, v in r.items() if k != "presenter"} for r in rows]


def test_unchanged_and_reordered_rows_take_their_own_names(agenda):
    incoming = without_names([LOCAL[2], LOCAL[0], LOCAL[1]])
    placed = place_cells(agenda, LOCAL, incoming)
    assert placed.rows == [LOCAL[2], LOCAL[0], LOCAL[1]] and placed.unplaced == []


def test_an_edited_row_keeps_its_name_an_added_row_has_none_a_removed_row_takes_its_own(
    agenda,
):
    incoming = [
        row("Budget 2026", summary="Débat sur les tarifs du coworking"),  # edited
        row("Convention avec la commune"),  # unchanged
        row("Recrutement d'un·e facilitateur·rice"),  # added, where the removed one was
    ]
    placed = place_cells(agenda, LOCAL, incoming)
    assert [r.get("presenter") for r in placed.rows] == ["Paul Girard", "Marie Durand", None]
    assert placed.rows[0]["summary"] == "Débat sur les tarifs du coworking"
    # The third local row might have been rewritten into the new one: its name is
    # placed nowhere, and said so (kept as a conflict by the merge).
    assert placed.unplaced == [{"presenter": "Hélène Roy"}]


def test_a_row_removed_with_no_row_added_takes_its_name_away_with_it(agenda):
    incoming = without_names([LOCAL[0], LOCAL[2]])
    placed = place_cells(agenda, LOCAL, incoming)
    assert [r["presenter"] for r in placed.rows] == ["Paul Girard", "Hélène Roy"]
    assert placed.unplaced == []  # the colleague's deletion, merged like any other


def test_rows_with_the_same_cells_pair_in_their_order(agenda):
    local = [row("Divers", "Anne"), row("Divers", "Bruno")]
    placed = place_cells(agenda, local, [row("Divers"), row("Divers"), row("Divers")])
    assert [r.get("presenter") for r in placed.rows] == ["Anne", "Bruno", None]
    assert placed.unplaced == []


def test_one_of_two_rows_with_the_same_cells_removed_is_a_question(agenda):
    """Which « Divers » went, Anne's or Bruno's? The first keeps its name by the order
    rule, and the other name is said placed nowhere (kept as a conflict by the merge)."""
    local = [row("Divers", "Anne"), row("Divers", "Bruno"), row("Budget", "Chloé")]
    placed = place_cells(agenda, local, [row("Divers"), row("Budget")])
    assert [r.get("presenter") for r in placed.rows] == ["Anne", "Chloé"]
    assert placed.unplaced == [{"presenter": "Bruno"}]


def test_a_version_that_carries_names_itself_is_taken_as_it_is(agenda):
    incoming = [row("Budget 2026", "Zoé Autre"), row("Nouveau point")]
    placed = place_cells(agenda, LOCAL, incoming)
    assert placed.rows == incoming and placed.unplaced == []


def test_a_column_only_this_laptop_knows_comes_back_a_colleagues_newer_column_stays(agenda):
    local = [{"topic": "Budget", "ancienne_colonne": "gardée"}]
    incoming = [{"topic": "Budget", "colonne_nouvelle": "la sienne"}]
    placed = place_cells(agenda, local, incoming)
    assert placed.rows == [
        {"topic": "Budget", "colonne_nouvelle": "la sienne", "ancienne_colonne": "gardée"}
    ]


def test_resemblance_of_rows():
    assert resemblance({"topic": "Budget 2026"}, {"topic": "Budget 2026"}) == 1
    assert resemblance({"topic": "Budget 2026"}, {"topic": "Budget 2027"}) > 0.8
    assert resemblance({"topic": "Budget"}, {"topic": "Fête de l'été"}) < 0.5
    assert resemblance({"a": 1, "b": "x"}, {"a": 1}) == 0.5
