"""A meeting's tables reach colleagues without their columns of names, and come back
edited without losing a name: two laptops on one real shared folder."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader

from desktop.core.merge.conflicts import list_conflicts
from desktop.core.merge.exchange import export_json, import_json
from desktop.core.pdf.service import make_sheet
from tests.core.governance_sample import GOVERNANCE, MEETING

AGENDA = [
    {"topic": "Budget 2026 et tarifs du coworking", "presenter": "Paul Girard",
     "summary": "Débat sur les tarifs solidaires"},
    {"topic": "Convention avec la commune", "presenter": "Sonia Lefèvre"},
    {"topic": "Fête de l'été", "presenter": "Lucie Martel", "summary": "Date à fixer"},
]  # fmt: skip
NAMES = ("Paul Girard", "Sonia Lefèvre", "Marie Durand, présidente", "Lucie Martel", "Karim Benali")


def meeting_shared(alice, bob):
    venue = alice.store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = alice.store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    alice.store.update_visit(meeting.id, {**MEETING, "agenda": AGENDA})
    assert alice.sync(sheets=True).ok and bob.sync().ok
    return meeting.id


def share_text(share) -> str:
    """Every record file of the share, as one text (what a colleague's laptop may read)."""
    return "\n".join(p.read_text("utf-8") for p in sorted(share.rglob("*.json")))


def record_file(laptop, share, meeting_id: str):
    device = laptop.store.author.device_id
    return share / "Carnet" / "devices" / device / "records" / "visits" / f"{meeting_id}.json"


def bob_edits(bob, meeting_id: str) -> None:
    """Bob edits the first point, removes the third and adds another one."""
    agenda = bob.visit_data(meeting_id)["agenda"]
    agenda[0]["summary"] = "Débat sur les tarifs solidaires : adoptés"
    agenda[2] = {"topic": "Recrutement d'un·e facilitateur·rice"}
    bob.store.update_visit(meeting_id, {"agenda": agenda})


def test_tables_travel_without_names_and_come_back_with_them(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    meeting_id = meeting_shared(alice, bob)
    shared = share_text(share)
    assert "Budget 2026 et tarifs du coworking" in shared  # the decisions and agenda go
    assert "Adoption du budget 2026" in shared
    assert not [name for name in NAMES if name in shared]  # and no cell of names
    received = bob.visit_data(meeting_id)
    assert received["agenda"] == [{k: v for k, v in r.items() if k != "presenter"} for r in AGENDA]
    assert "owner" not in received["decisions"][0] and "votes_for" in received["decisions"][0]
    # His laptop shows what it has: the points and decisions, no names, in his sheet too.
    pdf = PdfReader(io.BytesIO(make_sheet(bob.workspace, meeting_id, "interne").data))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Convention avec la commune" in text and "Adoption du budget" in text
    assert not [name for name in NAMES if name in text]

    bob_edits(bob, meeting_id)
    assert bob.sync().ok and alice.sync().ok
    agenda = alice.visit_data(meeting_id)["agenda"]
    assert agenda == [
        {**AGENDA[0], "summary": "Débat sur les tarifs solidaires : adoptés"},
        AGENDA[1],
        {"topic": "Recrutement d'un·e facilitateur·rice"},  # his new point: nobody's name
    ]
    data = alice.visit_data(meeting_id)  # nothing else lost
    assert data["decisions"] == MEETING["decisions"] and data["chair"] == MEETING["chair"]
    assert data["participants"] == MEETING["participants"]
    # The removed point might have been rewritten into the new one: the table as it was,
    # with Lucie Martel's name, is kept for Alice to review (never dropped silently).
    (conflict,) = list_conflicts(alice.store)
    assert (conflict.field, conflict.title) == ("agenda", "Ordre du jour")
    assert (
        conflict.other.value == AGENDA and conflict.other.device_id == alice.store.author.device_id
    )
    assert conflict.current.value == agenda
    assert list_conflicts(bob.store) == []  # nothing of it reaches Bob

    # Nothing loops: Alice has nothing of hers to publish, Bob nothing new to read.
    report = alice.sync()
    assert report.ok and report.published.records == 0
    report = bob.sync()
    assert report.ok and report.imported.updated == 0

    # Alice edits another field: her file goes again, with her earlier agenda among the
    # versions kept aside (it lost to Bob's), and still no name in the share.
    alice.store.update_visit(meeting_id, {"instance_details": "Collégiale d'été"})
    assert alice.sync().ok and bob.sync().ok
    mine = json.loads(record_file(alice, share, meeting_id).read_text("utf-8"))
    (record,) = mine["visits"]
    assert record["data"]["agenda"] == bob.visit_data(meeting_id)["agenda"]
    assert [v["field"] for v in record.get("kept_versions", [])] == ["agenda"]
    assert not [name for name in NAMES if name in share_text(share)]
    assert bob.visit_data(meeting_id)["instance_details"] == "Collégiale d'été"
    assert list_conflicts(bob.store) == []


def test_publishing_twice_gives_the_same_bytes(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    meeting_id = meeting_shared(alice, bob)
    path = record_file(alice, share, meeting_id)
    first = path.read_bytes()
    alice.workspace.service.call(
        lambda writer: writer.db.conn.execute("DELETE FROM sync_published")
    )
    report = alice.sync()
    assert report.ok and report.published.records >= 1
    assert path.read_bytes() == first


def test_a_name_typed_while_a_colleague_edits_the_table_is_kept(laptops, share):
    alice, bob = laptops("alice"), laptops("bob")
    meeting_id = meeting_shared(alice, bob)
    agenda = alice.visit_data(meeting_id)["agenda"]
    agenda[2]["presenter"] = "Lucie Martel et Karim Benali"
    alice.store.update_visit(meeting_id, {"agenda": agenda})
    bob_agenda = bob.visit_data(meeting_id)["agenda"]
    bob_agenda[1]["summary"] = "Rendez-vous pris avec le maire"
    bob.store.update_visit(meeting_id, {"agenda": bob_agenda})  # later: his version wins
    assert bob.sync().ok and alice.sync().ok
    agenda = alice.visit_data(meeting_id)["agenda"]
    assert [r["presenter"] for r in agenda] == [
        "Paul Girard", "Sonia Lefèvre", "Lucie Martel et Karim Benali",
    ]  # fmt: skip
    assert agenda[1]["summary"] == "Rendez-vous pris avec le maire"
    assert alice.sync().ok and bob.sync().ok
    assert "Karim Benali" not in share_text(share)


def test_the_network_export_imported_back_keeps_the_names(laptops, share, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    meeting_id = meeting_shared(alice, bob)
    bob_edits(bob, meeting_id)
    export = tmp_path / "bob.json"
    export_json(bob.store, export)  # the network's copy (no private data)
    assert not [name for name in NAMES if name in export.read_text("utf-8")]
    import_json(alice.store, export)
    agenda = alice.visit_data(meeting_id)["agenda"]
    assert [r.get("presenter") for r in agenda] == ["Paul Girard", "Sonia Lefèvre", None]
    assert alice.visit_data(meeting_id)["decisions"] == MEETING["decisions"]


def test_records_published_under_the_old_rule_go_again_once_with_their_tables(laptops, share):
    """A database from before this rule (its mark absent) held such tables back whole:
    its first pass writes again the records that hold one, and only those, once."""
    from desktop.core.sync.republish import TABLES_RULE_KEY

    alice = laptops("alice")
    venue = alice.store.create_venue({"name": "La Fabrique du Val"})
    meeting = alice.store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    alice.store.update_visit(meeting.id, {"agenda": AGENDA})
    visit = alice.store.create_visit(venue.id, "2026-03-01")
    alice.store.update_visit(visit.id, {"strengths": "Un collectif soudé"})
    named = alice.store.create_visit(venue.id, "2026-03-02")
    alice.store.update_visit(named.id, {"people_met": [{"role": "Présidente", "name": "Zoé"}]})
    assert alice.sync().ok
    alice.workspace.service.call(
        lambda writer: writer.db.conn.execute("DELETE FROM meta WHERE key = ?", (TABLES_RULE_KEY,))
    )
    report = alice.sync()
    assert report.ok and report.published.records == 2  # the meeting and the people met
    report = alice.sync()
    assert report.ok and report.published.records == 0


def test_the_names_kept_aside_are_answered_like_any_conflict(laptops, share):
    from desktop.core.merge.conflicts import resolve_conflict

    alice, bob = laptops("alice"), laptops("bob")
    meeting_id = meeting_shared(alice, bob)
    bob_edits(bob, meeting_id)
    assert bob.sync().ok and alice.sync().ok
    (conflict,) = list_conflicts(alice.store)
    alice.store.update_visit(meeting_id, {"next_meeting_notes": "À confirmer"})  # elsewhere
    assert [c.key for c in list_conflicts(alice.store)] == [conflict.key]  # still there
    resolve_conflict(alice.store, conflict, conflict.other.value)  # her table as it was
    assert list_conflicts(alice.store) == []
    assert alice.visit_data(meeting_id)["agenda"] == AGENDA
    assert alice.sync().ok and bob.sync().ok
    assert bob.visit_data(meeting_id)["agenda"] == [
        {k: v for k, v in r.items() if k != "presenter"} for r in AGENDA
    ]
    assert list_conflicts(bob.store) == [] and list_conflicts(alice.store) == []
    assert not [name for name in NAMES if name in share_text(share)]


def test_names_kept_aside_are_found_and_erased_here_and_stay_here(laptops, share):
    from desktop.core.privacy.erasure import erase_person
    from desktop.core.privacy.persons import find_person

    alice, bob = laptops("alice"), laptops("bob")
    meeting_id = meeting_shared(alice, bob)
    bob_edits(bob, meeting_id)
    assert bob.sync().ok and alice.sync().ok
    # Only in versions kept aside: the conflict, and her earlier table that lost.
    found = find_person(alice.store, "Lucie Martel")
    assert {(m.table, m.field) for m in found} == {("visits", "agenda")}
    erase_person(alice.store, "Lucie Martel")
    assert find_person(alice.store, "Lucie Martel") == []
    (conflict,) = list_conflicts(alice.store)
    assert conflict.other.value[2]["presenter"] == "[effacé]"
    assert alice.sync().ok and bob.sync().ok
    assert list_conflicts(bob.store) == []  # the rewritten version stays here too
    assert "[effacé]" not in share_text(share)
