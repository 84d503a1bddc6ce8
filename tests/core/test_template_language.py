"""Templates in two languages: the English catalogue beside each template gives every
field's title, description and choice labels, and every section's title; the exports
and the PDF follow the language, and the PDF stays French unless asked (the contract)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop.core.forms.template_language import (
    catalogue_path,
    localize,
    missing_texts,
    read_catalogue,
    templates_in,
)
from desktop.core.forms.templates import (
    SCHEMAS_DIR,
    VENUE_TEMPLATE_FILE,
    VISIT_TEMPLATE_FILE,
    load_template,
)
from desktop.core.pdf.service import make_sheet
from desktop.core.tabular.tables import build_tables

TEMPLATES = (VISIT_TEMPLATE_FILE, VENUE_TEMPLATE_FILE, "governance-meeting.schema.json")


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


@pytest.mark.parametrize("file_name", TEMPLATES)
def test_every_field_section_and_choice_has_its_english_text(file_name):
    path = SCHEMAS_DIR / file_name
    catalogue_file = catalogue_path(path, "en")
    assert catalogue_file.name == file_name.removesuffix(".json") + ".en.json"
    assert missing_texts(load_template(path), read_catalogue(catalogue_file)) == []


def test_a_field_without_an_english_title_is_reported(tmp_path):
    path = SCHEMAS_DIR / VISIT_TEMPLATE_FILE
    catalogue = read_catalogue(catalogue_path(path, "en"))
    del catalogue["fields"]["end_date"]["title"]
    del catalogue["fields"]["actions.status"]["enum"]["fait"]
    del catalogue["sections"]["bilan"]
    missing = missing_texts(load_template(path), catalogue)
    assert missing == ["section bilan", "end_date: title", "actions.status: fait"]


def test_the_english_templates_show_english_and_keep_the_stored_values(shipped_templates):
    english = templates_in(shipped_templates, "en")
    assert english.language == "en" and templates_in(english, "fr") is shipped_templates
    assert templates_in(shipped_templates, "en") is english  # made once
    visit = english.visit
    assert [s.title for s in visit.sections][:3] == [
        "Visit",
        "Activities and audiences",
        "Governance",
    ]
    assert visit.field("visit_type").label_of("suivi") == "Follow-up"
    status = next(c for c in visit.field("actions").columns if c.key == "status")
    assert [v for v, _ in status.choices] == ["a_faire", "en_cours", "fait"]
    assert dict(status.choices)["fait"] == "Done"
    assert visit.field("staff_fte").unit == "FTE"
    assert shipped_templates.visit.field("visit_type").label_of("suivi") == "Suivi"  # untouched
    assert templates_in(shipped_templates, "de") is shipped_templates  # unknown: French


def test_a_missing_catalogue_leaves_the_french_texts(shipped_templates, tmp_path):
    assert read_catalogue(tmp_path / "absent.en.json") == {}
    same = localize(shipped_templates.visit, {})
    assert [f.title for f in same.fields] == [f.title for f in shipped_templates.visit.fields]


def _visit(workspace):
    store = workspace.store
    venue = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = store.create_visit(venue.id, "2025-02-11")
    store.update_visit(
        visit.id,
        {
            "visit_type": "suivi",
            "legal_form": "scic",
            "has_facilitator": True,
            "agreement_type": "commodat",
            "end_date": "2027-06-30",
            "actions": [{"what": "Relancer la mairie", "status": "a_faire"}],
        },
    )
    return visit.id


def test_the_pdf_is_french_by_default_and_english_when_asked(workspace):
    visit_id = _visit(workspace)
    french = pdf_text(make_sheet(workspace, visit_id).data)
    assert "Type de visite Suivi" in french and "Gouvernance" in french
    assert "Poste de facilitateur·rice Oui" in french and "fin le 30 juin 2027" in french
    english = pdf_text(make_sheet(workspace, visit_id, language="en").data)
    assert "Visit type Follow-up" in english and "Governance" in english
    assert "Facilitator position Yes" in english and "ends on 30 June 2027" in english
    assert "Next steps" in english and "To do" in english and "11 February 2025" in english
    assert "Loan for use (commodat)" in english and "Gouvernance" not in english
    workspace.use_language("en")  # an English interface: the PDF's default stays French
    assert "Type de visite Suivi" in pdf_text(make_sheet(workspace, visit_id).data)


def test_exports_headers_follow_the_language(workspace):
    _visit(workspace)
    french = build_tables(workspace.store)
    assert french.visits.name == "Visites" and "Forme juridique" in [
        c.header for c in french.visits.columns
    ]
    workspace.use_language("en")
    english = build_tables(workspace.store)
    headers = [c.header for c in english.visits.columns]
    assert english.visits.name == "Visits" and headers[:4] == [
        "Venue",
        "Municipality",
        "Visit date",
        "Author",
    ]
    assert "Legal form" in headers and "Employees (FTE)" in headers
    row = english.visits.rows[0]
    assert row[headers.index("Legal form")] == "SCIC (cooperative)"
    assert [c.header for c in english.actions.columns][-2:] == ["Status", "Record type"]
    assert english.actions.rows[0][-2:] == ["To do", "Visit sheet"]  # the template's title


def test_the_pdf_command_takes_a_language(carnet, tmp_path):
    venue = carnet("new-venue", "--name", "Le Moulin", "--commune", "Felletin")
    visit = carnet("new-visit", venue.stdout.strip(), "--date", "2025-03-14").stdout.strip()
    assert carnet("set", visit, "visit_type=diagnostic").returncode == 0
    french = carnet("pdf", visit, "-o", str(tmp_path / "fr.pdf"))
    english = carnet("pdf", visit, "--lang", "en", "-o", str(tmp_path / "en.pdf"))
    assert french.returncode == 0 and english.returncode == 0, english.stderr
    assert "Type de visite Diagnostic" in pdf_text((tmp_path / "fr.pdf").read_bytes())
    assert "Visit type Assessment" in pdf_text((tmp_path / "en.pdf").read_bytes())
    assert carnet("pdf", visit, "--lang", "de").returncode == 2
