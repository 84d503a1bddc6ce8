"""Records of other templates through the share: a governance meeting travels whole (the
network's part of it: names stay home, its tables go without their columns of names) with
its template id and version, its sheet is published under its kind, and the colleague's
Suivi gathers its actions."""

from __future__ import annotations

import json
from datetime import date

from desktop.core.followup.load import load_followup
from tests.core.governance_sample import GOVERNANCE, MEETING


def test_a_governance_meeting_arrives_whole_on_a_second_laptop(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = alice.store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    alice.store.update_visit(meeting.id, MEETING)
    report = alice.sync(sheets=True)
    assert report.ok, report.error
    published = share / "Carnet" / "devices" / alice.store.author.device_id / "records"
    document = json.loads((published / "visits" / f"{meeting.id}.json").read_text("utf-8"))
    (record,) = document["visits"]
    assert (record["template_id"], record["template_version"]) == (GOVERNANCE, 2)
    assert "chair" not in record["data"] and "secretary" not in record["data"]  # x-personal
    sheets = list((share / "Carnet" / "Fiches").rglob("*.pdf"))
    assert [p.name for p in sheets] == [
        "2026-03-12 Conseil d’administration collégiale – Alice.pdf"
    ]

    report = bob.sync()
    assert report.ok and report.imported.created == 2 and not report.skipped
    received = bob.store.get_visit(meeting.id)
    assert (received.template_id, received.template_version) == (GOVERNANCE, 2)
    assert received.errors == {}
    # Names stay home: the chair, the secretary, and the columns of names of the tables
    # (participants' name, agenda's presenter, decisions' owner); the tables go without them.
    hidden = {"chair", "secretary"}
    expected = {k: v for k, v in MEETING.items() if k not in hidden}
    expected |= {"meeting_date": "2026-03-12", "recorded_by": "Alice"}
    for table, column in (
        ("participants", "name"),
        ("agenda", "presenter"),
        ("decisions", "owner"),
    ):
        expected[table] = [{k: v for k, v in row.items() if k != column} for row in MEETING[table]]
    assert received.data == expected
    assert expected["decisions"][0]["wording"] == "Adoption du budget 2026"
    (listed,) = bob.store.list_visits(venue.id)
    assert (listed.kind, listed.visit_type, listed.author) == (
        "Instances de gouvernance", "Conseil d’administration / collégiale", "Alice",
    )  # fmt: skip
    templates = bob.store.templates
    followup = load_followup(bob.store.db, templates.visit, date(2026, 5, 1), templates.others)
    assert [a.what for a in followup.actions] == [MEETING["actions"][0]["what"]]
    assert [n.planned for n in followup.next_visits] == ["2026-06-18"]

    # Bob closes the action from his Suivi: it travels back to Alice.
    from desktop.core.followup.actions import set_action_status

    set_action_status(bob.store, meeting.id, 0, "fait", followup.actions[0])
    assert bob.sync().ok and alice.sync().ok
    assert alice.visit_data(meeting.id)["actions"][0]["status"] == "fait"
    assert alice.visit_data(meeting.id)["chair"] == MEETING["chair"]  # her names kept
