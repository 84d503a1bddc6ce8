"""A third template, written by a network in a folder of its own (a copy of Carnet's
schemas plus one file), goes through the whole chain with no Python for it: created from
the window, filled in its generated form and autosaved, validated, found by search,
printed (read back with pypdf), exported with its own columns, gathered by the Suivi
through its own x-followup keys, and synced whole to a second laptop."""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import date

from pypdf import PdfReader

from desktop.app import create_window
from desktop.core.followup.load import load_followup
from desktop.core.forms.templates import SCHEMAS_DIR, TemplateSet
from desktop.core.pdf.service import make_sheet
from desktop.core.storage.workspace import open_workspace
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine
from desktop.core.tabular import build_tables
from tests.ui.conftest import type_text
from tests.ui.test_governance_form import choose_cell, set_cell
from tests.ui.test_visit_roundtrip import choose

WORKSHOP = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:carnet:template:atelier-collectif:1",
    "type": "object",
    "title": "Journal d’atelier collectif",
    "x-template-id": "atelier-collectif",
    "x-template-version": 1,
    "x-record-date": "jour",
    "x-record-kind": "format",
    "x-record-heading": "Atelier du",
    "x-sections": [
        {"id": "atelier", "title": "L’atelier", "x-carry-over": False},
        {"id": "suites", "title": "Ce qu’on fait ensuite", "x-carry-over": False},
    ],
    "required": ["jour"],
    "additionalProperties": True,
    "properties": {
        "jour": {"title": "Jour de l’atelier", "type": "string", "format": "date",
                 "x-section": "atelier", "x-order": 10, "x-widget": "date"},
        "format": {"title": "Format", "type": "string", "enum": ["repair_cafe", "fresque"],
                   "x-enum-titles": ["Repair café", "Fresque du climat"],
                   "x-section": "atelier", "x-order": 20, "x-widget": "select"},
        "participants_nombre": {"title": "Participant·es", "type": "integer", "minimum": 0,
                                "x-section": "atelier", "x-order": 30, "x-widget": "integer"},
        "recit": {"title": "Ce qui s’est passé", "type": "string", "x-section": "atelier",
                  "x-order": 40, "x-widget": "textarea"},
        "taches": {
            "title": "Tâches", "type": "array", "x-followup": "actions", "x-widget": "table",
            "x-section": "suites", "x-order": 10,
            "items": {"type": "object", "additionalProperties": False, "required": ["tache"],
                      "properties": {
                "tache": {"title": "Tâche", "type": "string", "x-widget": "text",
                          "x-order": 10, "x-followup": "action"},
                "porteur": {"title": "Porteur", "type": "string", "x-widget": "text",
                            "x-order": 20, "x-followup": "responsible"},
                "pour_le": {"title": "Pour le", "type": "string", "format": "date",
                            "x-widget": "date", "x-order": 30, "x-followup": "due"},
                "etat": {"title": "État", "type": "string", "enum": ["ouvert", "clos"],
                         "x-enum-titles": ["Ouvert", "Clos"], "x-widget": "select",
                         "x-order": 40, "x-followup": "status", "x-followup-done": "clos"},
            }},
        },
        "prochain_atelier": {"title": "Prochain atelier", "type": "string", "format": "date",
                             "x-section": "suites", "x-order": 20, "x-widget": "date",
                             "x-followup": "next_visit"},
    },
}  # fmt: skip


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def test_a_third_template_gets_the_whole_chain(qtbot, tmp_path):
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS_DIR, schemas)
    (schemas / "atelier-collectif.schema.json").write_text(
        json.dumps(WORKSHOP, ensure_ascii=False), "utf-8"
    )
    templates = TemplateSet.load(schemas_dir=schemas)
    assert [t.id for t in templates.records] == [
        "visit-sheet", "atelier-collectif", "governance-meeting",
    ]  # fmt: skip
    share = tmp_path / "partage"
    share.mkdir()
    alice = open_workspace(tmp_path / "alice", templates)
    alice.set_setting("identity_confirmed", "1")
    alice.set_setting("user_name", "Alice")
    window = create_window(alice)
    qtbot.addWidget(window)
    window.show()
    store = alice.store
    venue = store.create_venue({"name": "La Recyclerie", "commune": "Lons-le-Saunier"})
    window.open_venue(venue.id)
    window.records.new_record("atelier-collectif")
    editor = window.visit_editor
    form = editor.form
    assert form.template.id == "atelier-collectif" and "Atelier du" in editor.title.text()
    form.editor("jour").field.line.setText("05/04/2026")
    form.editor("jour").field.line.editingFinished.emit()
    choose(form.editor("format"), "repair_cafe")
    qtbot.keyClicks(form.editor("participants_nombre").line, "douze")  # kept, flagged
    type_text(form.editor("recit").box, "Trente objets réparés, dont un grille-pain.")
    tasks = form.editor("taches")
    tasks.add_row()
    set_cell(tasks, 0, 0, "Commander des fers à souder")
    set_cell(tasks, 0, 1, "Lucie")
    set_cell(tasks, 0, 2, "01/04/2026")
    choose_cell(tasks, 0, 3, "ouvert")
    qtbot.waitUntil(lambda: not editor.autosaver.has_pending, timeout=3000)
    qtbot.wait(50)
    record = store.get_visit(editor.record_id)
    assert record.template_id == "atelier-collectif"
    assert record.data["participants_nombre"] == "douze"  # as typed: nothing lost
    assert list(record.errors) == ["participants_nombre"]  # validated by its template
    form.editor("participants_nombre").line.clear()
    qtbot.keyClicks(form.editor("participants_nombre").line, "12")
    qtbot.waitUntil(lambda: not editor.autosaver.has_pending, timeout=3000)
    qtbot.wait(50)
    record = store.get_visit(record.id)
    assert record.errors == {} and record.data["participants_nombre"] == 12
    assert window.browser.visits.index(0, 1).data() == "Journal d’atelier collectif · Repair café"

    (hit,) = store.search_visits("grille-pain")
    assert (hit.visit_id, hit.kind) == (record.id, "Journal d’atelier collectif")

    sheet = pdf_text(make_sheet(alice, record.id, "reseau").data)
    for expected in ("La Recyclerie", "Journal d’atelier collectif — Repair café",
                     "Jour de l’atelier 5 avril 2026", "Atelier du 5 avril 2026",
                     "Participant·es 12", "Trente objets réparés",
                     "Commander des fers à souder Lucie 1er avril 2026 Ouvert"):  # fmt: skip
        assert expected in sheet, expected

    (table,) = build_tables(store).others
    assert table.name == "Journal d’atelier collectif" and len(table.rows) == 1
    assert [c.header for c in table.columns][2:] == [
        "Jour de l’atelier", "Auteur·rice", "Identifiant de la fiche", "Identifiant du lieu",
        "Format", "Participant·es", "Ce qui s’est passé", "Tâches", "Prochain atelier",
    ]  # fmt: skip
    # Its tasks join the Actions sheet through their x-followup roles, as in the Suivi.
    assert [row[4:] for row in build_tables(store).actions.rows] == [
        ["Commander des fers à souder", "Lucie", date(2026, 4, 1), "Ouvert",
         "Journal d’atelier collectif"],
    ]  # fmt: skip

    followup = load_followup(store.db, templates.visit, date(2026, 5, 1), templates.others)
    assert [(a.field, a.what, a.responsible, a.due, a.status, a.group)
            for a in followup.actions] == [
        ("taches", "Commander des fers à souder", "Lucie", "2026-04-01", "ouvert", "overdue")
    ]  # fmt: skip
    assert [n.planned for n in followup.next_visits] == []  # none planned yet
    from desktop.core.followup.actions import set_action_status

    set_action_status(store, record.id, 0, "clos", followup.actions[0])  # its « done »
    store.update_visit(record.id, {"prochain_atelier": "2026-06-06"})
    followup = load_followup(store.db, templates.visit, date(2026, 5, 1), templates.others)
    assert followup.open_actions() == [] and followup.overdue_count() == 0
    assert [(n.field, n.planned) for n in followup.next_visits] == [
        ("prochain_atelier", "2026-06-06")
    ]
    record = store.get_visit(record.id)

    alice.set_setting(SHARED_FOLDER, str(share))
    assert SyncEngine(alice, share).run_pass(sheets=False).ok
    bob = open_workspace(tmp_path / "bob", templates)
    try:
        report = SyncEngine(bob, share).run_pass(sheets=False)
        assert report.ok and report.imported.created == 2 and not report.skipped
        received = bob.store.get_visit(record.id)
        assert received.template_id == "atelier-collectif" and received.errors == {}
        assert received.data == record.data
    finally:
        window.close()
        bob.close()
        alice.close()
