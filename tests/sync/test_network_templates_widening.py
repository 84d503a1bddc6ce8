"""QA (s7): a network template that keeps a key but widens who sees it is refused through
the share; the laptop stays on its version, and nothing of the refused one is used: the
names of the people met never reach the share, the shared sheets or a colleague."""

from __future__ import annotations

import copy
import hashlib
import json

from pypdf import PdfReader

from desktop.core.forms.templates import SCHEMAS_DIR
from desktop.core.storage.workspace import open_workspace
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine
from desktop.core.sync.template_inbox import ACCEPTED, STATE_KEY
from tests.sync.network_template_files import carnet_visit_sheet, drop

SECRET = "Jeanne Secret"


def names_made_public(version: int = 2) -> dict:
    schema = carnet_visit_sheet()
    schema["x-template-version"] = version
    del schema["properties"]["people_met"]["items"]["properties"]["name"]["x-personal"]
    return schema


def everything_in_the_share(share) -> str:
    """The text of every JSON file and every PDF sheet the share holds."""
    texts = [p.read_text("utf-8") for p in (share / "Carnet" / "devices").rglob("*.json")]
    for pdf in (share / "Carnet").rglob("*.pdf"):
        texts += [page.extract_text() for page in PdfReader(pdf).pages]
    return "\n".join(texts)


def test_names_made_public_by_a_template_are_refused_and_never_shared(laptops, share, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    drop(share, "visit-sheet.schema.json", names_made_public())
    alice.store.update_visit(
        visit.id, {"people_met": [{"name": SECRET, "role": "présidente"}], "strengths": "Soudés"}
    )

    report = alice.sync(sheets=True)
    assert report.ok, report.error
    [(name, why)] = report.templates.refused
    assert name == "visit-sheet.schema.json"
    assert "le champ « people_met › name » serait diffusé plus largement" in why
    assert "(« réseau » au lieu de « interne »)" in why  # the table is réseau
    assert f"Modèle refusé : visit-sheet.schema.json — {why}" in report.summary()
    assert alice.workspace.templates.visit.version == 1  # the version in use stays
    assert alice.store.templates.visit.version == 1  # the writer's too
    assert not (tmp_path / "data-alice" / "modeles").exists()  # nothing of it installed

    shared = everything_in_the_share(share)
    assert "Soudés" in shared and "présidente" in shared  # the sheet and record did travel
    assert SECRET not in shared
    assert bob.sync(sheets=True).templates.refused  # refused on bob's laptop too
    assert SECRET not in json.dumps(bob.visit_data(visit.id), ensure_ascii=False)
    assert alice.visit_data(visit.id)["people_met"][0]["name"] == SECRET  # kept, interne


def test_a_reseau_field_raised_to_public_is_refused(laptops, share):
    alice = laptops("alice")
    schema = carnet_visit_sheet()
    schema["x-template-version"] = 2
    schema["properties"]["governance_notes"]["x-audience"] = "public"
    drop(share, "visit-sheet.schema.json", schema)
    [(_, why)] = alice.sync().templates.refused
    assert "« governance_notes »" in why and "« public » au lieu de « réseau »" in why


def test_a_two_step_widening_through_the_share_is_refused(laptops, share, tmp_path):
    """Version 2 drops the names column (accepted: removing widens nothing); version 3
    adds it back without x-personal: the version in use has no such column, but Carnet's
    own and the documents written under it do."""
    alice = laptops("alice")
    v2 = carnet_visit_sheet()
    v2["x-template-version"] = 2
    del v2["properties"]["people_met"]["items"]["properties"]["name"]
    drop(share, "visit-sheet.schema.json", v2)
    assert [v for _, v, _ in alice.sync().templates.arrived] == [2]

    v3 = copy.deepcopy(v2)
    v3["x-template-version"] = 3
    v3["properties"]["people_met"]["items"]["properties"]["name"] = {
        "type": "string",
        "title": "Nom",
    }
    drop(share, "visit-sheet.schema.json", v3)
    [(_, why)] = alice.sync().templates.refused
    assert "people_met › name" in why
    assert alice.workspace.templates.visit.version == 2
    kept = tmp_path / "data-alice" / "modeles" / "versions"
    assert not (kept / "visit-sheet.v3.schema.json").exists()


def test_narrowing_through_the_share_is_accepted(laptops, share):
    alice = laptops("alice")
    schema = carnet_visit_sheet()
    schema["x-template-version"] = 2
    schema["properties"]["people_met"]["items"]["properties"]["role"]["x-personal"] = True
    schema["properties"]["strengths"]["x-audience"] = "reseau"
    drop(share, "visit-sheet.schema.json", schema)
    report = alice.sync()
    assert report.templates.refused == []
    assert alice.workspace.templates.visit.version == 2


def test_a_widening_template_already_in_the_data_folder_is_left_out(tmp_path):
    """One put into the data folder's modeles/ by hand, or accepted before Carnet checked
    audiences: the laptop runs on the version before it; a sound one beside it is used."""
    received = tmp_path / "data" / "modeles"
    received.mkdir(parents=True)
    (received / "visit-sheet.schema.json").write_text(json.dumps(names_made_public()), "utf-8")
    meeting = json.loads((SCHEMAS_DIR / "governance-meeting.schema.json").read_text("utf-8"))
    meeting["x-template-version"] += 1
    (received / "governance-meeting.schema.json").write_text(json.dumps(meeting), "utf-8")
    workspace = open_workspace(tmp_path / "data")
    try:
        assert workspace.templates.visit.version == 1
        assert (
            workspace.templates.template("governance-meeting").version
            == meeting["x-template-version"]
        )
    finally:
        workspace.close()


def test_a_widening_template_accepted_before_is_judged_again_and_refused(tmp_path, share):
    """A laptop that accepted it before Carnet checked audiences: its copy is left out when
    loaded, and the same file, still in the share, is now told refused with its reason."""
    data = drop(share, "visit-sheet.schema.json", names_made_public()).read_bytes()
    received = tmp_path / "data" / "modeles"
    received.mkdir(parents=True)
    (received / "visit-sheet.schema.json").write_bytes(data)
    workspace = open_workspace(tmp_path / "data")
    try:
        accepted = {"sha256": hashlib.sha256(data + b"\0").hexdigest(), "status": ACCEPTED}
        accepted |= {"id": "visit-sheet", "version": 2}
        workspace.set_setting(STATE_KEY, json.dumps({"visit-sheet.schema.json": accepted}))
        workspace.set_setting(SHARED_FOLDER, str(share))
        report = SyncEngine(workspace, share).run_pass(sheets=False)
        [(_, why)] = report.templates.refused
        assert "people_met › name" in why
        assert workspace.templates.visit.version == 1
        again = SyncEngine(workspace, share).run_pass(sheets=False).templates
        assert again.refused == [] and len(again.still_refused) == 1
    finally:
        workspace.close()
