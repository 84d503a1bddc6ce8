"""The one rule of who may see what, and the sheets that follow it."""

from __future__ import annotations

import io
import itertools
import sqlite3

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.core.forms.templates import TemplateSet
from desktop.core.media.photos import PhotoLibrary
from desktop.core.pdf.service import InternalSheetRefused, make_all, make_sheet, write_sheet
from desktop.core.privacy.audiences import (
    AUDIENCES,
    field_audience,
    hidden_cells,
    hidden_keys,
    reaches,
    rights_audience,
    sql_rights_reach,
    visible_data,
)
from desktop.core.privacy.rights_review import DONE_KEY
from desktop.core.storage.workspace import open_workspace


def test_the_sql_condition_says_what_the_python_rule_says():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE photos (identifiable_people, consent, allowed_use)")
    cases = list(
        itertools.product([None, 0, 1], ["", "  ", "Formulaire signé"], [None, *AUDIENCES])
    )
    conn.executemany("INSERT INTO photos VALUES (?, ?, ?)", cases)
    for audience in AUDIENCES:
        found = set(conn.execute(f"SELECT * FROM photos WHERE {sql_rights_reach(audience)}"))
        expected = {c for c in cases if reaches(rights_audience(*c), audience)}
        assert found == expected, audience


@pytest.mark.parametrize(
    ("identifiable", "consent", "allowed", "widest"),
    [
        (None, "", None, "interne"),  # not reviewed
        (None, "Signé", "public", "interne"),
        (False, "", None, "public"),  # a building
        (False, "", "reseau", "reseau"),  # the author chose the network only
        (True, "", "public", "interne"),  # no consent
        (True, "Signé", None, "interne"),  # consent, use not said
        (True, "Signé", "reseau", "reseau"),
    ],
)
def test_a_photo_reaches_what_its_rights_allow(identifiable, consent, allowed, widest):
    assert rights_audience(identifiable, consent, allowed) == widest


def test_the_visit_template_keeps_notes_in_the_network_and_names_at_home():
    template = TemplateSet.load().visit
    properties = template.schema["properties"]
    for key in ("governance_notes", "obstacles", "financial_status", "support_needs"):
        assert field_audience(properties[key]) == "reseau", key
    assert field_audience(properties["strengths"]) == "public"
    people = properties["people_met"]["items"]["properties"]
    name = people["name"]
    assert field_audience(name) == "interne"
    # A table goes with its rows, each without its hidden columns: never held back whole.
    assert "people_met" not in hidden_keys(properties, "reseau")
    assert "people_met" in hidden_keys(properties, "public")  # the field itself is réseau
    assert hidden_cells(people, {"role": "Présidente", "name": "Jeanne", "vieux": 1}, "reseau") == {
        "name": "Jeanne",
        "vieux": 1,
    }  # a column the template does not know: interne
    data = {"people_met": [{"role": "Présidente", "name": "Jeanne"}], "obstacles": "Loyer"}
    assert visible_data(properties, data, "reseau") == {"people_met": [{"role": "Présidente"}],
                                                        "obstacles": "Loyer"}  # fmt: skip
    assert visible_data(properties, data, "public") == {}
    assert visible_data(properties, {"champ_local": "x"}, "reseau") == {}  # nobody decided


def test_a_typo_in_x_audience_errs_on_the_safe_side():
    assert field_audience({"x-audience": "publique"}) == "interne"
    assert field_audience({"x-audience": "public", "x-personal": True}) == "interne"


@pytest.fixture
def workspace(tmp_path):
    ws = open_workspace(tmp_path / "data")
    yield ws
    ws.close()


def _visit(ws):
    venue = ws.store.create_venue({"name": "Le Tiers-Lieu des Combes", "commune": "Felletin"})
    visit = ws.store.create_visit(venue.id, "2025-02-11")
    ws.store.update_visit(visit.id, {"strengths": "Un café associatif très fréquenté"})
    return visit.id


def test_the_internal_sheet_says_so_on_every_page_and_has_its_own_name(workspace, tmp_path):
    visit_id = _visit(workspace)
    workspace.store.update_visit(visit_id, {"obstacles": "Bail précaire. " * 800})
    internal = make_sheet(workspace, visit_id, "interne")
    network = make_sheet(workspace, visit_id, "reseau")
    assert internal.file_name != network.file_name and "interne" in internal.file_name
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(internal.data)).pages]
    assert len(pages) > 1
    assert all("DIFFUSION INTERNE — NE PAS TRANSMETTRE" in page for page in pages)
    network_pages = [p.extract_text() for p in PdfReader(io.BytesIO(network.data)).pages]
    assert not any("NE PAS TRANSMETTRE" in page for page in network_pages)
    folder = tmp_path / "fiches"
    folder.mkdir()
    write_sheet(internal, folder)
    write_sheet(network, folder)
    assert len(list(folder.iterdir())) == 2  # neither overwrote the other


def test_an_internal_sheet_is_refused_in_the_shared_folder(workspace, tmp_path):
    visit_id = _visit(workspace)
    share = tmp_path / "partage"
    (share / "Carnet").mkdir(parents=True)
    workspace.set_setting("shared_folder", str(share))
    internal = make_sheet(workspace, visit_id, "interne")
    with pytest.raises(InternalSheetRefused, match="dossier partagé"):
        write_sheet(internal, share / "Carnet", shared_folder=workspace.setting("shared_folder"))
    with pytest.raises(InternalSheetRefused):
        list(make_all(workspace, share / "fiches", "interne"))
    assert not any(p.is_file() for p in share.rglob("*"))
    write_sheet(make_sheet(workspace, visit_id, "reseau"), share, shared_folder=str(share))


def test_photos_never_reviewed_are_put_back_to_review_once(tmp_path):
    ws = open_workspace(tmp_path / "data")
    visit_id = _visit(ws)
    library = PhotoLibrary(ws.store, ws.media)
    ids = []
    for colour in ((200, 0, 0), (0, 200, 0)):
        buffer = io.BytesIO()
        Image.new("RGB", (300, 200), colour).save(buffer, "JPEG")
        ids.append(library.attach_bytes(visit_id, buffer.getvalue(), "p.jpg").record_id)
    library.update_photo(ids[1], {"identifiable_people": True})
    library.update_photo(ids[1], {"identifiable_people": False})  # reviewed: « Non »

    def as_before(writer):  # what older versions stored: « Non » from the start
        writer.db.conn.execute("UPDATE photos SET identifiable_people = 0 WHERE id = ?", (ids[0],))
        writer.db.conn.execute("DELETE FROM meta WHERE key = ?", (DONE_KEY,))

    ws.service.call(as_before)
    ws.close()
    ws = open_workspace(tmp_path / "data")
    library = PhotoLibrary(ws.store, ws.media)
    assert library.get_photo(ids[0]).identifiable_people is None
    assert library.get_photo(ids[1]).identifiable_people is False
    library.update_photo(ids[0], {"identifiable_people": "non"})
    ws.close()
    ws = open_workspace(tmp_path / "data")  # once only: a later « Non » stays
    assert PhotoLibrary(ws.store, ws.media).get_photo(ids[0]).identifiable_people is False
    ws.close()
