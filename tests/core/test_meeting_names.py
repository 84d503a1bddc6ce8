"""Who presents an agenda item and who carries a decision are names: they stay on the
laptop (x-personal) like the chair's and the participants'. The network's sheet, the
exports without personal data and the shared records leave them out; the internal sheet
keeps them. An action's « Responsable » stays shared, as a visit's action « who » is:
the Suivi of the network shows who owns a follow-up."""

from __future__ import annotations

import io
import json
import re

from pypdf import PdfReader

from desktop.core.pdf.service import make_sheet
from desktop.core.storage.workspace import open_workspace
from tests.core.governance_sample import GOVERNANCE, MEETING
from tests.headless import run_carnet

PRESENTER, OWNER, RESPONSIBLE = "Yasmine Obiang", "Théo Lacombe", "Nadia Ferrand"
NAMED = {
    **MEETING,
    "agenda": [{"topic": "Tarifs du coworking", "presenter": PRESENTER, "summary": "Débat"}],
    "decisions": [{"wording": "Tarif solidaire adopté", "mode": "consensus", "owner": OWNER}],
    "actions": [{"what": "Publier la grille tarifaire", "who": RESPONSIBLE, "status": "a_faire"}],
}


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def test_the_template_marks_presenter_and_owner_personal_in_a_new_version(shipped_templates):
    meeting = shipped_templates.template(GOVERNANCE)
    assert meeting.version == 2 and meeting.schema["$id"].endswith(":2")
    columns = {
        (table, c.key): c.schema.get("x-personal", False)
        for table in ("agenda", "decisions", "actions")
        for c in meeting.field(table).columns
    }
    assert columns[("agenda", "presenter")] is True
    assert columns[("decisions", "owner")] is True
    assert columns[("actions", "who")] is False  # the Suivi's « Responsable »: shared


def test_the_network_sheet_leaves_the_names_out_and_the_internal_one_keeps_them(workspace, store):
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-03-12")
    store.update_visit(meeting.id, NAMED)
    shared = pdf_text(make_sheet(workspace, meeting.id, "reseau").data)
    assert "Tarifs du coworking" in shared and "Tarif solidaire adopté" in shared
    assert PRESENTER not in shared and OWNER not in shared
    assert RESPONSIBLE in shared
    internal = pdf_text(make_sheet(workspace, meeting.id, "interne").data)
    assert PRESENTER in internal and OWNER in internal and RESPONSIBLE in internal


def test_exports_without_personal_data_leave_the_names_out(tmp_path):
    data_dir = tmp_path / "data"
    workspace = open_workspace(data_dir)
    try:
        venue = workspace.store.create_venue({"name": "La Fabrique du Val"})
        meeting = workspace.store.create_record(venue.id, GOVERNANCE, "2026-03-12")
        workspace.store.update_visit(meeting.id, NAMED)
    finally:
        workspace.close()
    for options in ((), ("--with-personal-data",)):
        for kind in ("csv", "json"):
            target = tmp_path / f"{kind}{len(options)}" / f"export.{kind}"
            target.parent.mkdir()
            done = run_carnet(data_dir, "export", "--format", kind, "-o", str(target), *options)
            assert done.returncode == 0, done.stderr
            written = " ".join(p.read_text("utf-8-sig") for p in target.parent.iterdir())
            if kind == "json":  # the names as they are, not \u-escaped
                written = json.dumps(
                    [json.loads(p.read_text("utf-8")) for p in target.parent.iterdir()],
                    ensure_ascii=False,
                )
            assert RESPONSIBLE in written, kind
            # The lossless JSON, like the share and the CSV, keeps a table with a
            # personal column, each row without that column.
            assert "Tarifs du coworking" in written and "Tarif solidaire adopté" in written
            for name in (PRESENTER, OWNER):
                assert (name in written) == bool(options), (kind, options, name)
