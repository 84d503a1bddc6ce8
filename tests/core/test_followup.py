"""The « Suivi »: open actions by due date, agreements ending, next visits, venues not visited."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from desktop.core.followup.actions import FollowupError, set_action_status
from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.load import load_followup
from desktop.core.followup.model import (
    LATER,
    NO_DATE,
    NO_RESPONSIBLE,
    NO_STATUS,
    OVERDUE,
    THIS_MONTH,
    THIS_WEEK,
    add_months,
    group_of,
)
from desktop.core.forms.french import months_between
from desktop.core.forms.templates import SCHEMAS_DIR, VISIT_TEMPLATE_FILE, template_from_schema

TODAY = date(2025, 3, 12)  # a Wednesday: this week runs to Sunday 16 March


def followup(store, today=TODAY):
    return load_followup(store.db, store.templates.visit, today)


@pytest.fixture
def two_venues(store):
    moulin = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    friche = store.create_venue({"name": "La Friche Lamartine", "commune": "Lyon"})
    return moulin, friche


def test_the_template_hints_name_the_followup_fields(shipped_templates):
    fields = FollowupFields.of(shipped_templates.visit)
    assert fields == FollowupFields(
        actions="actions", action="what", responsible="who", due="due", status="status",
        done="fait", agreement_end="end_date", next_visit="next_visit",
    )  # fmt: skip


def test_a_template_without_hints_falls_back_on_the_default_keys():
    schema = json.loads((SCHEMAS_DIR / VISIT_TEMPLATE_FILE).read_text("utf-8"))
    plain = json.loads(json.dumps(schema).replace('"x-followup"', '"x-ignored"'))
    assert FollowupFields.of(template_from_schema(plain, check=False)) == FollowupFields.of(
        template_from_schema(schema, check=False)
    )


def test_hints_let_another_template_use_its_own_keys():
    schema = json.loads((SCHEMAS_DIR / VISIT_TEMPLATE_FILE).read_text("utf-8"))
    schema = copy.deepcopy(schema)
    schema["properties"]["fin_bail"] = schema["properties"].pop("end_date")
    fields = FollowupFields.of(template_from_schema(schema, check=False))
    assert fields.agreement_end == "fin_bail"


def test_actions_land_in_their_due_date_group(store, two_venues):
    moulin, _ = two_venues
    visit = store.create_visit(moulin.id, "2025-03-01")
    store.update_visit(visit.id, {"actions": [
        {"what": "Relancer la mairie", "who": "Camille", "due": "2025-03-11", "status": "a_faire"},
        {"what": "Envoyer le compte rendu", "who": "Camille", "due": "2025-03-12"},
        {"what": "Dossier DLA", "who": "Sami", "due": "2025-04-02", "status": "en_cours"},
        {"what": "Réunion collège", "due": "2025-03-16"},
        {"what": "Point budget", "due": "2025-03-17"},
        {"what": "Trouver un local", "who": "Sami"},
        {"what": "Déjà fait", "due": "2025-01-01", "status": "fait"},
    ]})  # fmt: skip
    result = followup(store)
    groups = {a.what: a.group for a in result.open_actions()}
    assert groups == {
        "Relancer la mairie": OVERDUE,  # yesterday
        "Envoyer le compte rendu": THIS_WEEK,  # today
        "Réunion collège": THIS_WEEK,  # Sunday, still this ISO week
        "Point budget": THIS_MONTH,  # next Monday, same month
        "Dossier DLA": LATER,  # next month
        "Trouver un local": NO_DATE,
    }
    assert [a.what for a in result.open_actions()][:2] == [
        "Relancer la mairie",
        "Envoyer le compte rendu",
    ]
    assert result.overdue_count() == 1
    first = result.open_actions()[0]
    assert (first.visit_id, first.venue_id, first.field, first.row) == (
        visit.id, moulin.id, "actions", 0,
    )  # fmt: skip
    assert first.venue_name == "Le Moulin Fabrique"


def test_week_groups_at_the_edges_of_a_month():
    assert group_of(date(2025, 4, 2), date(2025, 3, 31)) == THIS_WEEK  # same ISO week
    assert group_of(date(2025, 4, 7), date(2025, 3, 31)) == LATER
    assert group_of(date(2025, 3, 30), date(2025, 3, 30)) == THIS_WEEK  # a Sunday
    assert group_of(date(2025, 3, 31), date(2025, 3, 30)) == THIS_MONTH
    assert group_of(date(2025, 4, 1), date(2025, 3, 30)) == LATER
    assert group_of(None, date(2025, 3, 30)) == NO_DATE


def test_a_due_date_that_is_not_a_date_is_without_due_date(store, visit):
    store.update_visit(visit.id, {"actions": [{"what": "Appeler", "due": "fin mars"}]})
    (action,) = followup(store).open_actions()
    assert (action.group, action.due) == (NO_DATE, "fin mars")


def test_actions_are_filtered_by_responsible_venue_and_status(store, two_venues):
    moulin, friche = two_venues
    one = store.create_visit(moulin.id, "2025-02-01")
    two = store.create_visit(friche.id, "2025-02-02")
    store.update_visit(one.id, {"actions": [
        {"what": "A", "who": "Camille", "status": "a_faire"},
        {"what": "B", "who": "Sami", "status": "en_cours"},
        {"what": "C", "status": "fait"},
    ]})  # fmt: skip
    store.update_visit(two.id, {"actions": [{"what": "D", "who": "Camille"}]})
    result = followup(store)

    def whats(**criteria):
        return sorted(a.what for a in result.filter_actions(**criteria))

    assert whats() == ["A", "B", "D"]  # open ones
    assert whats(responsible="Camille") == ["A", "D"]
    assert whats(responsible=NO_RESPONSIBLE, status="fait") == ["C"]
    assert whats(venue_id=friche.id) == ["D"]
    assert whats(status="en_cours") == ["B"]
    assert whats(status=NO_STATUS) == ["D"]
    assert whats(responsible="Camille", venue_id=moulin.id) == ["A"]
    assert result.responsibles() == ["Camille", "Sami"]


def test_deleted_visits_and_venues_do_not_count(store, two_venues):
    moulin, friche = two_venues
    one = store.create_visit(moulin.id, "2025-02-01")
    two = store.create_visit(friche.id, "2025-02-02")
    for visit in (one, two):
        store.update_visit(visit.id, {"actions": [{"what": "X"}], "next_visit": "2025-05-01"})
    store.delete_visit(one.id)
    store.delete_venue(friche.id)
    result = followup(store)
    assert result.actions == () and result.next_visits == ()


def test_marking_an_action_done_is_a_stamped_edit(store, visit):
    store.update_visit(visit.id, {"actions": [
        {"what": "Relancer la mairie", "who": "Camille", "due": "2025-03-01"},
        {"what": "Envoyer le compte rendu", "status": "en_cours", "note": "gardée"},
    ]})  # fmt: skip
    before = store.field_stamps(visit.id)["actions"]["stamp"]
    data = followup(store)
    action = data.open_actions()[1]
    assert action.what == "Envoyer le compte rendu"
    # As the Suivi ticks « Fait »: the template's done status, through update_visit.
    result = set_action_status(store, action.visit_id, action.row, data.fields.done, action)
    assert result.changed == ("actions",)
    assert store.get_visit(visit.id).data["actions"][1] == {
        "what": "Envoyer le compte rendu", "status": "fait", "note": "gardée",
    }  # fmt: skip
    assert store.field_stamps(visit.id)["actions"]["stamp"] > before
    assert [a.what for a in followup(store).open_actions()] == ["Relancer la mairie"]


def test_marking_follows_the_action_when_rows_moved_and_refuses_when_it_is_gone(store, visit):
    store.update_visit(visit.id, {"actions": [{"what": "A"}, {"what": "B"}]})
    b = followup(store).open_actions()[1]
    store.update_visit(visit.id, {"actions": [{"what": "B"}]})  # A removed meanwhile
    set_action_status(store, b.visit_id, b.row, "fait", b)
    assert store.get_visit(visit.id).data["actions"] == [{"what": "B", "status": "fait"}]
    store.update_visit(visit.id, {"actions": [{"what": "C"}]})
    with pytest.raises(FollowupError):
        set_action_status(store, b.visit_id, b.row, "fait", b)
    set_action_status(store, visit.id, 0, None)
    assert store.get_visit(visit.id).data["actions"] == [{"what": "C"}]


def test_an_agreement_ending_in_five_months_is_within_six_not_three(store, two_venues):
    moulin, friche = two_venues
    old = store.create_visit(moulin.id, "2024-01-10")
    store.update_visit(old.id, {"end_date": "2025-04-30"})  # superseded by the later visit
    latest = store.create_visit(moulin.id, "2025-02-10")
    store.update_visit(latest.id, {"end_date": "2025-08-20"})  # in 5 months and 8 days
    ended = store.create_visit(friche.id, "2024-06-01")
    store.update_visit(ended.id, {"end_date": "2025-01-31"})
    result = followup(store)
    assert result.agreements_ending(3) == []
    (item,) = result.agreements_ending(6)
    assert (item.venue_id, item.visit_id, item.field) == (moulin.id, latest.id, "end_date")
    assert (item.end_date, item.months_left) == ("2025-08-20", 5)
    assert [a.venue_id for a in result.agreements_ending(12)] == [moulin.id]
    with_ended = result.agreements_ending(3, include_ended=True)
    assert [(a.venue_id, a.months_left) for a in with_ended] == [(friche.id, -1)]


def test_months_left_count_whole_months():
    assert months_between(date(2025, 3, 12), date(2025, 6, 12)) == 3
    assert months_between(date(2025, 3, 12), date(2025, 6, 11)) == 2
    assert months_between(date(2025, 3, 12), date(2025, 3, 31)) == 0
    assert months_between(date(2025, 3, 12), date(2025, 1, 31)) == -1
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 3, 12), -12) == date(2024, 3, 12)


def test_next_visits_come_from_each_venue_latest_visit(store, two_venues):
    moulin, friche = two_venues
    first = store.create_visit(moulin.id, "2024-10-01")
    store.update_visit(first.id, {"next_visit": "2025-01-15"})  # done since: superseded
    second = store.create_visit(moulin.id, "2025-02-01")
    store.update_visit(second.id, {"next_visit": "2025-06-01"})
    late = store.create_visit(friche.id, "2024-09-01")
    store.update_visit(late.id, {"next_visit": "2025-03-01"})
    items = followup(store).next_visits
    assert [(i.venue_id, i.visit_id, i.planned) for i in items] == [
        (friche.id, late.id, "2025-03-01"),
        (moulin.id, second.id, "2025-06-01"),
    ]
    assert items[0].days_left == -11 and items[0].field == "next_visit"


def test_venues_not_visited_for_n_months(store, two_venues):
    moulin, friche = two_venues
    store.create_visit(moulin.id, "2024-01-20")
    recent = store.create_visit(moulin.id, "2025-01-20")
    old = store.create_visit(friche.id, "2024-02-01")
    never = store.create_venue({"name": "Tiers-lieu tout neuf", "commune": "Guéret"})
    result = followup(store)
    assert [v.venue_id for v in result.not_visited_since(12)] == [never.id, friche.id]
    assert [v.venue_id for v in result.not_visited_since(6)] == [never.id, friche.id]
    assert [v.venue_id for v in result.not_visited_since(1)] == [never.id, friche.id, moulin.id]
    by_id = {v.venue_id: v for v in result.venues}
    assert (by_id[friche.id].visit_id, by_id[friche.id].months_since) == (old.id, 13)
    assert (by_id[moulin.id].visit_id, by_id[moulin.id].field) == (recent.id, "visit_date")
    assert by_id[never.id].visit_id is None and by_id[never.id].months_since is None
