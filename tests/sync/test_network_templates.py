"""A network template's version 2 arrives through the share while version 1 documents exist
on two laptops: real data folders, a real shared folder, real passes."""

from __future__ import annotations

import json
import shutil

from desktop.core.forms.earlier_fields import earlier_fields, read_through
from desktop.core.forms.templates import ORIGIN_NETWORK
from tests.sync.network_template_files import (
    ADDED,
    REMOVED,
    RENAMED_FROM,
    RENAMED_TO,
    drop,
    modeles,
    visit_sheet_v2,
)

OLD_VALUES = {
    REMOVED: "Commune de Guéret, Creuse Grand Sud",
    RENAMED_FROM: "Collégiale mensuelle, décisions au consentement",
    "strengths": "Une équipe soudée",
}


def two_laptops_with_version_1_documents(laptops):
    alice, bob = laptops("alice"), laptops("bob")
    venue = alice.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    alice.store.update_visit(visit.id, OLD_VALUES)
    assert alice.sync().ok and bob.sync().ok
    own = bob.store.create_visit(venue.id, "2026-11-25")
    bob.store.update_visit(own.id, {REMOVED: "Région Nouvelle-Aquitaine"})
    assert bob.sync().ok and alice.sync().ok
    return alice, bob, visit.id, own.id


def shared_file(share, laptop, visit_id) -> dict:
    device = laptop.store.author.device_id
    path = share / "Carnet" / "devices" / device / "records" / "visits" / f"{visit_id}.json"
    return json.loads(path.read_text("utf-8"))["visits"][0]


def test_version_2_arrives_on_both_laptops_and_loses_nothing(laptops, share, tmp_path):
    alice, bob, visit_id, bobs_id = two_laptops_with_version_1_documents(laptops)
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())

    report = alice.sync()
    assert report.ok, report.error
    assert [(i, v) for i, v, _t in report.templates.arrived] == [("visit-sheet", 2)]
    assert "Modèle reçu du réseau" in report.summary()
    template = alice.workspace.templates.visit
    assert (template.version, template.origin) == (2, ORIGIN_NETWORK)
    assert alice.store.templates.visit.version == 2  # the writer's too: merges use it
    kept = tmp_path / "data-alice" / "modeles" / "versions"
    assert sorted(p.name for p in kept.iterdir()) == [
        "visit-sheet.v1.schema.json",  # Carnet's own, the version the documents used
        "visit-sheet.v2.schema.json",
    ]

    visit = alice.store.get_visit(visit_id)
    assert {k: visit.data[k] for k in OLD_VALUES} == OLD_VALUES  # nothing dropped
    assert visit.template_version == 1  # written with version 1, not edited since
    assert visit.errors == {}  # leftovers are no error, even with additionalProperties false
    shown = read_through(template, visit.data)
    assert shown[RENAMED_TO] == OLD_VALUES[RENAMED_FROM]  # the renamed field shows it
    apart = {f.key: f for f in earlier_fields(template, visit.data)}
    assert set(apart) == {REMOVED, RENAMED_FROM}
    assert apart[REMOVED].title == "Collectivités et partenaires publics impliqués"
    assert apart[RENAMED_FROM].replaced_by == "Décisions : qui décide, comment"

    # A save under version 2, then a sync both ways: the old values are still there.
    alice.store.update_visit(visit_id, {"strengths": "Une équipe soudée, un lieu ouvert"})
    alice.store.update_visit(visit_id, {RENAMED_TO: "Collégiale, puis AG en juin"})
    assert alice.store.get_visit(visit_id).template_version == 2
    for laptop in (alice, bob, alice, bob):
        assert laptop.sync().ok
    assert bob.workspace.templates.visit.version == 2
    for laptop in (alice, bob):
        data = laptop.visit_data(visit_id)
        assert data[REMOVED] == OLD_VALUES[REMOVED]
        assert data[RENAMED_FROM] == OLD_VALUES[RENAMED_FROM]  # the mapping kept the old key
        assert data[RENAMED_TO] == "Collégiale, puis AG en juin"
        assert laptop.store.get_visit(visit_id).template_version == 2
        assert laptop.visit_data(bobs_id)[REMOVED] == "Région Nouvelle-Aquitaine"

    # Bob edits his own version 1 document under version 2: its old field stays too.
    bob.store.update_visit(bobs_id, {"strengths": "Accueil"})
    assert bob.sync().ok and alice.sync().ok
    assert alice.visit_data(bobs_id)[REMOVED] == "Région Nouvelle-Aquitaine"
    assert bob.visit_data(bobs_id)[REMOVED] == "Région Nouvelle-Aquitaine"


def test_fields_of_a_previous_version_leave_the_share_not_the_laptops(laptops, share):
    alice, bob, visit_id, _ = two_laptops_with_version_1_documents(laptops)
    assert REMOVED in shared_file(share, alice, visit_id)["data"]  # public under version 1
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    alice.sync()
    alice.store.update_visit(visit_id, {"strengths": "Nouveau regard"})
    assert alice.sync().ok
    shared = shared_file(share, alice, visit_id)
    # Its audience is unknown to version 2: treated as interne, never shared wider.
    assert REMOVED not in shared["data"] and REMOVED not in shared["stamps"]
    assert RENAMED_FROM not in shared["data"] and RENAMED_FROM not in shared["stamps"]
    assert shared["data"]["strengths"] == "Nouveau regard"
    assert bob.sync().ok
    assert bob.visit_data(visit_id)[REMOVED] == OLD_VALUES[REMOVED]  # his copy is left alone


def test_a_record_of_a_version_not_received_yet_is_kept_whole(laptops, share, tmp_path):
    alice, bob, visit_id, _ = two_laptops_with_version_1_documents(laptops)
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    alice.sync()
    alice.store.update_visit(visit_id, {ADDED: "Fabrique de territoire"})
    assert alice.sync().ok
    # Bob's sync client brought Alice's record before the templates folder.
    aside = tmp_path / "pas-encore-arrive"
    shutil.move(modeles(share), aside)
    assert bob.sync().ok
    assert bob.workspace.templates.visit.version == 1
    data = bob.visit_data(visit_id)
    assert data[ADDED] == "Fabrique de territoire"  # imported whole
    apart = [f.key for f in earlier_fields(bob.workspace.templates.visit, data)]
    assert apart == [ADDED]  # shown apart until the template comes
    bob.store.update_visit(visit_id, {"obstacles": "Bail précaire"})
    bob.sync()
    assert ADDED not in shared_file(share, bob, visit_id)["data"]  # unknown here: not relayed

    shutil.move(aside, share / "Carnet" / "modeles")
    assert bob.sync().ok
    template = bob.workspace.templates.visit
    assert template.version == 2 and template.field(ADDED) is not None
    data = bob.visit_data(visit_id)
    assert data[ADDED] == "Fabrique de territoire"
    assert ADDED not in [f.key for f in earlier_fields(template, data)]  # now a field of its own


def pdf_text(data: bytes) -> str:
    import io
    import re

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def test_the_sheet_says_its_version_and_lists_old_fields_only_for_interne(laptops, share):
    from desktop.core.pdf.service import make_sheet

    alice, _bob, visit_id, _ = two_laptops_with_version_1_documents(laptops)
    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    alice.sync()
    internal = pdf_text(make_sheet(alice.workspace, visit_id, "interne").data)
    network = pdf_text(make_sheet(alice.workspace, visit_id, "reseau").data)
    for sheet in (internal, network):
        assert "Modèle : Fiche de visite, version 1 (version en service : 2)." in sheet
        assert "Décisions : qui décide, comment" in sheet  # the renamed field, read through
        assert OLD_VALUES[RENAMED_FROM] in sheet
    assert "Champs d'une version précédente" in internal
    assert OLD_VALUES[REMOVED] in internal
    assert "Champs d'une version précédente" not in network  # its audience is unknown now
    assert OLD_VALUES[REMOVED] not in network
