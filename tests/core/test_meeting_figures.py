"""A meeting's figures read together: 12 present or represented for 5 voting members,
more proxies than members present, a vote with more voices than members present. Each is
worded in French on its field, counted in the record's errors, and saved as typed."""

from __future__ import annotations

import json

import pytest

from desktop.core.forms.figure_checks import hint_problem
from desktop.core.forms.template_check import check_network_template
from desktop.core.forms.templates import TemplateError
from desktop.core.forms.validation import validate_document
from tests.core.governance_sample import GOVERNANCE, MEETING

OVER_VOTING = (
    "12, c'est plus que « Membres ayant voix délibérative » (5) : l'un des deux chiffres "
    "est à corriger."
)


def test_more_present_than_voting_members_is_an_error_on_the_field_and_saved(store, venue):
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    result = store.update_visit(meeting.id, {"voting_members": 5, "members_present": 12})
    assert result.errors == {"members_present": [OVER_VOTING]}
    reread = store.get_visit(meeting.id)  # kept as typed, the error shown again on opening
    assert (reread.data["voting_members"], reread.data["members_present"]) == (5, 12)
    assert reread.errors == {"members_present": [OVER_VOTING]}
    (listed,) = store.list_visits(venue.id)
    assert listed.error_count == 1  # « ⚠ 1 à corriger » in the venue's list
    store.update_visit(meeting.id, {"voting_members": 14})  # corrected: the error goes
    assert store.get_visit(meeting.id).errors == {}
    assert store.list_visits(venue.id)[0].error_count == 0


def test_proxies_and_votes_are_checked_against_the_members_present(store, venue):
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    decisions = [
        {"wording": "Budget", "mode": "vote", "votes_for": 9, "votes_against": 1, "abstentions": 2},
        {"wording": "Tarifs", "mode": "vote", "votes_for": 8, "votes_against": 3, "abstentions": 1},
        {"wording": "Charte", "mode": "consensus"},
    ]
    store.update_visit(meeting.id, {"members_present": 11, "proxies": 13, "decisions": decisions})
    errors = store.get_visit(meeting.id).errors
    assert errors == {
        "proxies": [
            "13, c'est plus que « Membres présents ou représentés » (11) : l'un des deux "
            "chiffres est à corriger."
        ],
        "decisions": [
            f"Ligne {row} : 12 (Pour, Contre, Abstentions), c'est plus que « Membres présents "
            "ou représentés » (11) : un chiffre est à corriger."
            for row in (1, 2)
        ],
    }
    assert store.list_visits(venue.id)[0].error_count == 3


def test_figures_within_their_limits_or_given_alone_are_no_error(store, venue, shipped_templates):
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    store.update_visit(meeting.id, MEETING)  # 12 present of 14, 2 proxies, 12 voices
    assert store.get_visit(meeting.id).errors == {}
    template = shipped_templates.template(GOVERNANCE)
    assert validate_document(template, {"meeting_date": "2026-03-12", "members_present": 40}) == {}
    equal = {"meeting_date": "2026-03-12", "members_present": 5, "voting_members": 5}
    assert validate_document(template, equal) == {}
    wrong_type = {"meeting_date": "2026-03-12", "members_present": "douze", "voting_members": 5}
    assert validate_document(template, wrong_type) == {
        "members_present": ["Valeur attendue : un nombre entier."]
    }  # the schema's error alone, no comparison with a text
    assert validate_document(template, {**equal, "members_present": 9}, figures=False) == {}


def test_headless_set_keeps_contradicting_figures_and_tells_them(carnet):
    venue = carnet("new-venue", "--name", "La Fabrique du Val").stdout.strip()
    record = carnet("new-record", venue, "--template", GOVERNANCE, "--date", "12/03/2026")
    record = record.stdout.strip()
    assert carnet("set", record, "voting_members=5").returncode == 0
    done = carnet("set", record, "members_present=12")
    assert done.returncode == 0, done.stderr  # saved: the figures are told, not refused
    assert done.stdout == "members_present : ∅ → 12\n"
    assert f"À vérifier : members_present : {OVER_VOTING}" in done.stderr
    refused = carnet("set", record, "members_present=beaucoup")
    assert refused.returncode == 2  # a value wrong alone is still refused


def test_carnets_meeting_hints_are_sound_and_a_networks_misspelt_one_is_refused(
    shipped_templates,
):
    meeting = shipped_templates.template(GOVERNANCE)
    assert hint_problem(meeting) == ""
    schema = json.loads(meeting.source.read_text("utf-8"))
    schema["x-template-version"] += 1
    assert check_network_template("m.schema.json", schema, meeting).version == 3
    schema["properties"]["members_present"]["x-at-most"] = "membres_votants"  # misspelt
    with pytest.raises(TemplateError, match="« x-at-most » du champ « members_present »"):
        check_network_template("m.schema.json", schema, meeting)
    schema["properties"]["members_present"]["x-at-most"] = "voting_members"
    schema["properties"]["decisions"]["x-rows-at-most"]["sum"] = ["wording"]  # a text column
    with pytest.raises(TemplateError, match="« x-rows-at-most » du champ « decisions »"):
        check_network_template("m.schema.json", schema, meeting)
