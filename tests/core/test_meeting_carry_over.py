"""A new meeting takes the venue's last meeting's composition and rules, not who was
there: the presence column is marked `x-carry-over: false` in the participants table of
a carry-over section, and the store's create_record leaves it out (a real SQLite file)."""

from __future__ import annotations

from desktop.core.forms.carry_over import carried_values, left_out_columns
from desktop.core.forms.templates import template_from_schema
from tests.core.governance_sample import GOVERNANCE, MEETING


def test_a_new_meeting_takes_the_composition_and_rules_but_not_the_presence(store, venue):
    last = store.create_record(venue.id, GOVERNANCE, "2026-02-01")
    store.update_visit(last.id, MEETING)
    new = store.create_record(venue.id, GOVERNANCE, "2026-06-18")
    assert new.data["participants"] == [
        {"college": "fondateurs", "organisation": "Association Val Commun",
         "role": "Présidente", "name": "Marie Durand"},
        {"college": "salaries", "organisation": "SCIC La Fabrique du Val",
         "role": "Coordinateur", "name": "Paul Girard"},
        {"college": "collectivites", "organisation": "Commune de Morteau",
         "role": "Adjointe à la vie associative", "name": "Hélène Roy"},
    ]  # fmt: skip
    assert (new.data["voting_members"], new.data["quorum_rule"]) == (14, MEETING["quorum_rule"])
    assert "members_present" not in new.data and "quorum_reached" not in new.data
    assert {"participants", "voting_members", "quorum_rule"} <= new.carried_over
    # Stored so: reopened from the file, the last meeting keeps its own presence.
    reread = store.get_visit(new.id)
    assert all("presence" not in row for row in reread.data["participants"])
    assert store.get_visit(last.id).data["participants"][2]["presence"] == "represente"
    assert new.errors == {}  # a row without presence is valid (college alone is required)


def test_declining_carry_over_still_takes_nothing(store, venue):
    store.update_visit(store.create_record(venue.id, GOVERNANCE, "2026-02-01").id, MEETING)
    new = store.create_record(venue.id, GOVERNANCE, "2026-06-18", carry_over=False)
    assert "participants" not in new.data and not new.carried_over


def small_template(column_hints: dict) -> object:
    return template_from_schema({
        "type": "object", "x-template-id": "essai",
        "x-sections": [{"id": "gens", "title": "Gens", "x-carry-over": True}],
        "properties": {
            "people": {"type": "array", "x-section": "gens", "x-widget": "table", "items": {
                "type": "object", "properties": {
                    "role": {"type": "string", "x-order": 10},
                    "here": {"type": "boolean", "x-order": 20, **column_hints},
                }}},
            "rule": {"type": "string", "x-section": "gens"},
        },
    })  # fmt: skip


def test_a_row_left_with_nothing_is_dropped_and_an_empty_table_not_carried():
    template = small_template({"x-carry-over": False})
    assert left_out_columns(template.field("people")) == {"here"}
    previous = {"people": [{"role": "Trésorière", "here": True}, {"here": False}], "rule": "1/2"}
    assert carried_values(template, previous) == {"people": [{"role": "Trésorière"}], "rule": "1/2"}
    assert carried_values(template, {"people": [{"here": True}]}) == {}  # nothing left


def test_without_the_hint_every_column_carries():
    template = small_template({})
    previous = {"people": [{"role": "Trésorière", "here": True}]}
    assert carried_values(template, previous) == previous
