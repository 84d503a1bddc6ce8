"""The « Fiche de visite » PDF, read back with pypdf: contents, escaping, audiences, photos.

Every check reads the rendered PDF (its text and its embedded images), so a test keeps
passing whatever the layout code looks like, as long as the printed sheet says the right thing.
"""

import io
import itertools
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.core.forms import french
from desktop.core.forms.templates import FieldSpec, TemplateSet, load_template
from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photo_processing import PRINT_SIZE
from desktop.core.media.photos import PhotoLibrary
from desktop.core.pdf.service import (
    DEFAULT_LOGO,
    make_all,
    make_sheet,
    sheet_content,
    sheet_file_name,
    write_sheet,
)
from desktop.core.pdf.sheet import SheetOptions, render_sheet
from desktop.core.storage.workspace import Workspace, open_workspace

ROOT = Path(__file__).resolve().parents[2]
FRENCH = "l’équipe « cœur » a rénové la façade pour 12 € : une œuvre collective"
PRINTED_TITLES = {"actions": "Suites à donner"}  # the sheet's own heading for the actions
HEAD_SECTION = "visite"  # its fields make the title block, under no section heading
WORDS = ("coopérative", "bénévoles", "économie", "façade", "œuvre", "régie", "€", "« débat »")


# --- helpers --------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Any run of whitespace (U+202F and U+00A0 included) as one plain space."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    """The text of every page, joined, whitespace normalised."""
    return normalise(" ".join(pdf_pages(data)))


def pdf_photos(data: bytes) -> list:
    """The images of every page but the network logo drawn in each footer."""
    logo_size = Image.open(DEFAULT_LOGO).size
    images = [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]
    return [image for image in images if image.image.size != logo_size]


def jpeg(path: Path, size=(640, 480), colour=(40, 120, 200), noise=False) -> Path:
    image = Image.new("RGB", size, colour)
    if noise:
        image = Image.merge("RGB", [Image.effect_noise(size, 90).convert("L")] * 3)
    image.save(path, "JPEG", quality=95)
    return path


def attach_photos(workspace: Workspace, visit_id: str, paths: list[Path], **fields) -> list[str]:
    library = PhotoLibrary(workspace.store, workspace.media)
    outcomes = library.attach_files(visit_id, paths)
    assert [o.status for o in outcomes] == ["attached"] * len(paths), outcomes
    ids = [o.record_id for o in outcomes]
    fields = {"identifiable_people": False, **fields}  # reviewed: nobody recognisable
    for photo_id in ids:
        library.update_photo(photo_id, fields)
    return ids


def sample_value(spec: FieldSpec, n: int) -> Any:
    """A realistic French value for any field, chosen by its widget (n keeps texts apart)."""
    schema = spec.schema
    if spec.widget == "select":
        return spec.choices[0][0]
    if spec.widget == "multiselect":
        return [value for value, _ in spec.choices[:2]]
    if spec.widget in {"number", "integer"}:
        low = schema.get("minimum", 0)
        value = low + (schema.get("maximum", low + 100) - low) * 0.425
        return round(value) if spec.widget == "integer" else round(value, 1)
    if spec.widget == "date":
        return "2025-02-11"
    if spec.widget == "checkbox":
        return True
    if spec.widget == "table":
        return [{c.key: sample_value(c, 100 * n + row) for c in spec.columns} for row in (1, 2)]
    return f"Note {n} : {FRENCH}"


def fill_every_field(workspace: Workspace, visit_id: str) -> dict[str, Any]:
    """Every field of the workspace's visit template filled with a valid value."""
    fields = workspace.templates.visit.fields
    data = {spec.key: sample_value(spec, n) for n, spec in enumerate(fields, start=1)}
    result = workspace.store.update_visit(visit_id, data)
    assert result.errors == {}, result.errors  # the sample values suit the template
    return data


def printed(spec: FieldSpec, value: Any) -> list[str]:
    """The pieces of text a value prints as (French labels, dates in words, units)."""
    if spec.widget == "table":
        return [piece for row in value for c in spec.columns for piece in printed(c, row[c.key])]
    if spec.widget in {"select", "multiselect"}:
        return [spec.label_of(v) for v in (value if isinstance(value, list) else [value])]
    if spec.widget in {"number", "integer"}:
        return [french.with_unit(value, spec.unit)]
    if spec.widget == "date":
        return [french.long_date(value)]
    if spec.widget == "checkbox":
        return ["Oui" if value else "Non"]
    return [value]


def long_text(length: int) -> str:
    """« DÉBUT … FIN », exactly length characters of French words."""
    body = " ".join(itertools.islice(itertools.cycle(WORDS), length // 4))
    return f"DÉBUT {body}"[: length - 4] + " FIN"


@pytest.fixture
def visit_id(store) -> str:
    venue = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin",
                                "postal_code": "23500", "address": "2 rue de la Tannerie"})  # fmt: skip
    return store.create_visit(venue.id, "2025-02-11").id


@pytest.fixture
def filled_visit(workspace, visit_id) -> tuple[str, dict[str, Any]]:
    return visit_id, fill_every_field(workspace, visit_id)


# --- what the sheet says ----------------------------------------------------------------------


def test_every_field_prints_its_label_and_its_value_the_french_way(workspace, filled_visit):
    visit_id, data = filled_visit
    text = pdf_text(make_sheet(workspace, visit_id, "interne").data)
    template = workspace.templates.visit
    for section in template.sections:
        if section.id != HEAD_SECTION:
            assert section.title in text, section.title
    for spec in template.fields:
        assert PRINTED_TITLES.get(spec.key, spec.title) in text, spec.key
        for piece in printed(spec, data[spec.key]):
            assert normalise(piece) in text, (spec.key, piece)
    assert "Le Moulin Fabrique" in text and "23500 Felletin" in text
    assert "2 rue de la Tannerie" in text


def test_accented_words_and_french_punctuation_come_back_intact(workspace, filled_visit):
    text = pdf_text(make_sheet(workspace, filled_visit[0], "interne").data)
    assert normalise(FRENCH) in text
    for word in ("Activités et publics", "Modèle économique", "Établissement", "Propriétaire",
                 "Facilitateur·rice", "Mode d’occupation", "11 février 2025"):  # fmt: skip
        assert word in text, word
    assert "\ufffd" not in text  # no character lost to a missing glyph


def test_pages_are_counted_and_numbered(workspace, filled_visit, tmp_path):
    photos = [jpeg(tmp_path / f"p{i}.jpg", colour=(i * 40, 90, 30)) for i in range(6)]
    attach_photos(workspace, filled_visit[0], photos)
    pages = pdf_pages(make_sheet(workspace, filled_visit[0], "interne").data)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"page {number} / {len(pages)}" in page
    assert f"page {len(pages) + 1} /" not in " ".join(pages)


def test_amounts_have_thin_spaces_and_their_unit(workspace, visit_id):
    workspace.store.update_visit(visit_id, {"annual_budget": 120000, "public_funding_pct": 42.5,
                                            "rent_monthly": 850, "staff_fte": 2.5})  # fmt: skip
    text = pdf_text(make_sheet(workspace, visit_id).data)
    assert french.with_unit(120000, "€") == "120\u202f000\u202f€"
    assert "Budget annuel 120 000 €" in text
    assert "42,5 %" in text and "850 €/mois" in text and "2,5 ETP" in text
    assert "120000" not in text


def test_an_amount_never_breaks_across_two_lines(workspace, visit_id):
    amounts = " ".join(f"poste {n} : 12\u202f500\u202f€ ;" for n in range(300))
    workspace.store.update_visit(visit_id, {"economic_notes": amounts})
    lines = "\n".join(pdf_pages(make_sheet(workspace, visit_id).data)).splitlines()
    assert sum("12 500 €" in normalise(line) for line in lines) > 20
    broken = [line for line in lines if re.search(r": 12$|^(500|€)", normalise(line))]
    assert broken == []


def test_dates_are_written_in_words(workspace, visit_id):
    workspace.store.update_visit(visit_id, {"next_visit": "2025-03-01", "start_date": "2021-09-30"})
    text = pdf_text(make_sheet(workspace, visit_id).data)
    assert "11 février 2025" in text
    assert "Prochaine visite 1er mars 2025" in text
    assert "30 septembre 2021" in text
    assert "2025-03-01" not in text


def test_multiselects_print_their_french_labels_not_their_values(workspace, visit_id):
    workspace.store.update_visit(visit_id, {
        "activity_types": ["tiers_lieu_culturel", "fablab_makerspace_hackerspace"],
        "public_funders": ["region", "etat"],
    })  # fmt: skip
    text = pdf_text(make_sheet(workspace, visit_id).data)
    assert "Tiers-lieu culturel · Fablab / makerspace / hackerspace" in text
    assert "Région · État" in text
    assert "tiers_lieu_culturel" not in text and "fablab" not in text


def test_the_occupation_callout_counts_the_months_left(workspace, visit_id):
    workspace.store.update_visit(visit_id, {"agreement_type": "convention_occupation_temporaire",
                                            "end_date": "2026-08-31"})  # fmt: skip
    text = pdf_text(make_sheet(workspace, visit_id).data)
    assert ("Convention d’occupation temporaire / précaire — fin le 31 août 2026 — "
            "18 mois restants à la date de la visite") in text  # fmt: skip


def test_an_overdue_action_is_marked_late(workspace, visit_id):
    workspace.store.update_visit(visit_id, {"actions": [
        {"what": "Relancer la mairie", "who": "Camille", "due": "2025-03-01", "status": "a_faire"},
        {"what": "Envoyer le compte rendu", "due": "2025-03-01", "status": "fait"},
        {"what": "Préparer le COPIL", "due": "2025-12-01", "status": "a_faire"},
    ]})  # fmt: skip
    content = sheet_content(workspace, visit_id, "reseau")

    def rendered(today: date) -> str:
        return pdf_text(render_sheet(content, SheetOptions(audience="reseau", today=today)))

    late = rendered(date(2025, 6, 1))
    assert "Suites à donner" in late
    assert "Relancer la mairie Camille 1er mars 2025 À faire · en retard" in late
    assert late.count("en retard") == 1  # done, or not yet due: not late
    assert "en retard" not in rendered(date(2025, 2, 20))


def test_blank_fields_print_the_labels_of_empty_fields(workspace, visit_id):
    # The title block (date, type, facilitator, people met) shows only what is filled.
    empty_fields = [f for f in workspace.templates.visit.fields if f.section != HEAD_SECTION]
    with_blanks = pdf_text(make_sheet(workspace, visit_id, blank_fields=True).data)
    without = pdf_text(make_sheet(workspace, visit_id).data)
    for spec in empty_fields:
        assert spec.title in with_blanks, spec.key
    assert "Forme juridique" not in without and "Budget annuel" not in without


@pytest.mark.parametrize("audience", ["interne", "reseau", "public"])
def test_names_of_people_met_stay_internal_and_roles_stay_in_the_network(
    workspace, visit_id, audience
):
    workspace.store.update_visit(visit_id, {"people_met": [
        {"role": "Présidente de l’association", "name": "Jeanne Dupont"},
        {"role": "Trésorier", "name": "Karim Benali"},
    ]})  # fmt: skip
    text = pdf_text(make_sheet(workspace, visit_id, audience).data)
    roles = "Présidente de l’association" in text, "Trésorier" in text
    assert roles == ((False, False) if audience == "public" else (True, True))
    names = "Jeanne Dupont" in text, "Karim Benali" in text
    assert names == ((True, True) if audience == "interne" else (False, False))


def test_the_governance_documents_of_the_venue_are_listed(workspace, visit_id, tmp_path):
    venue_id = workspace.store.get_visit(visit_id).venue_id
    library = DocumentLibrary(workspace.store, workspace.media)
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "Statuts 2019.pdf").write_bytes(b"%PDF-1.4\n% statuts\n")
    (folder / "Convention d’occupation.pdf").write_bytes(b"%PDF-1.4\n% convention\n")
    statuts = library.attach(venue_id, folder / "Statuts 2019.pdf", "statuts").record_id
    convention = library.attach(venue_id, folder / "Convention d’occupation.pdf").record_id
    library.update(statuts, {"doc_date": "2019-06-15"})
    library.update(convention, {"end_date": "2027-12-31"})
    text = pdf_text(make_sheet(workspace, visit_id, "public").data)
    assert "Documents de gouvernance du lieu" in text
    assert "Statuts Statuts 2019.pdf 15 juin 2019" in text
    assert "Convention d'occupation / bail Convention d’occupation.pdf" in text
    assert "31 décembre 2027" in text


# --- user text is printed, never interpreted -------------------------------------------------

HOSTILE = [
    "a < b & c",
    '<font color="red">rouge</font>',
    '<img src="/etc/passwd"/>',
    '<unichar code="1"/>',
    "&nbsp; &amp; &#x41; &unknown;",
    "<b>non fermé <i> <para> ]]> <!-- -->",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markup_in_user_text_prints_literally(workspace, visit_id, hostile, tmp_path):
    store = workspace.store
    store.update_venue(store.get_visit(visit_id).venue_id, {"name": f"Lieu {hostile}"})
    store.update_visit(visit_id, {
        "facilitator": f"Camille {hostile}",
        "governance_notes": f"Notes {hostile} fin",
        "referrals": f"Orientation {hostile}",
        "actions": [{"what": f"Action {hostile}", "status": "a_faire"}],
    })  # fmt: skip
    attach_photos(workspace, visit_id, [jpeg(tmp_path / "p.jpg")],
                  caption=f"Légende {hostile}")  # fmt: skip
    data = make_sheet(workspace, visit_id, "interne").data
    text = pdf_text(data)
    for printed_as in ("Lieu", "Camille", "Notes", "Orientation", "Action", "Légende"):
        assert f"{printed_as} {normalise(hostile)}" in text, printed_as
    assert len(pdf_photos(data)) == 1  # the attached photo and nothing else


def test_control_characters_are_dropped_and_line_breaks_kept(workspace, visit_id):
    workspace.store.update_visit(visit_id, {"strengths": "bip\x07\x00 fin\nligne 2\r\nligne 3"})
    pages = pdf_pages(make_sheet(workspace, visit_id).data)
    lines = [line.strip() for line in "\n".join(pages).splitlines()]
    assert "bip fin" in lines and "ligne 2" in lines and "ligne 3" in lines


# --- long texts flow across pages ------------------------------------------------------------


def put_long_text(store, visit_id: str, where: str, value: str) -> None:
    changes = {
        "textarea": {"governance_notes": value},
        "text": {"referrals": value},
        "title block": {"facilitator": value},
        "table cell": {"actions": [{"what": value, "status": "a_faire"}]},
        "people met": {"people_met": [{"role": value}]},
    }[where]
    store.update_visit(visit_id, changes)


@pytest.mark.parametrize("where", ["textarea", "text", "title block", "table cell", "people met"])
def test_100000_characters_in_one_field_flow_across_pages(workspace, visit_id, where):
    value = long_text(100_000)
    put_long_text(workspace.store, visit_id, where, value)
    pages = pdf_pages(make_sheet(workspace, visit_id).data)
    text = normalise(" ".join(pages))
    assert len(pages) > 10
    assert text.startswith("Le Moulin Fabrique")
    assert "DÉBUT coopérative" in text and "FIN" in pages[-1]
    assert text.count("coopérative") == value.count("coopérative")  # nothing lost on the way
    for number, page in enumerate(pages, start=1):
        assert f"page {number} / {len(pages)}" in page


def test_a_huge_photo_caption_flows_across_pages(workspace, visit_id, tmp_path):
    caption = long_text(100_000)
    attach_photos(workspace, visit_id, [jpeg(tmp_path / "p.jpg")], caption=caption)
    data = make_sheet(workspace, visit_id).data
    assert len(pdf_pages(data)) > 10 and len(pdf_photos(data)) == 1
    assert pdf_text(data).count("coopérative") == caption.count("coopérative")


@pytest.mark.parametrize("field", ["strengths", "referrals", "facilitator"])
def test_a_word_longer_than_a_line_wraps(workspace, visit_id, field):
    word = "Anticonstitutionnellement" * 12  # 300 characters, no space
    workspace.store.update_visit(visit_id, {field: f"Avant {word} après"})
    pages = pdf_pages(make_sheet(workspace, visit_id).data)
    lines = "\n".join(pages).splitlines()
    assert not any(word in line for line in lines)  # it does not fit on one line…
    assert f"Avant{word}après" in re.sub(r"\s", "", "".join(pages))  # …and nothing is lost


# --- robustness and reproducibility ------------------------------------------------------------


@pytest.mark.parametrize("audience", ["interne", "reseau", "public"])
def test_an_empty_visit_renders(workspace, visit_id, audience):
    workspace.store.update_visit(visit_id, {"visit_date": None, "facilitator": None})
    assert workspace.store.get_visit(visit_id).data == {}
    sheet = make_sheet(workspace, visit_id, audience)
    pages = pdf_pages(sheet.data)
    assert len(pages) == 1 and "page 1 / 1" in pages[0]
    assert "Le Moulin Fabrique" in pages[0] and "date à préciser" in pages[0]
    suffix = "" if audience == "reseau" else f" – {audience}"  # never one over the other
    assert sheet.file_name == f"sans-date_Le-Moulin-Fabrique_visite{suffix}.pdf"
    assert sheet.photos_left_out == 0


def test_every_field_filled_and_40_photos_render(workspace, filled_visit, tmp_path):
    visit_id, _ = filled_visit
    folder = tmp_path / "photos"
    folder.mkdir()
    paths = [jpeg(folder / f"IMG_{i:02d}.jpg", size=(480, 360), colour=(6 * i, 250 - 6 * i, 90))
             for i in range(40)]  # fmt: skip
    library = PhotoLibrary(workspace.store, workspace.media)
    for number, photo_id in enumerate(attach_photos(workspace, visit_id, paths), start=1):
        library.update_photo(photo_id, {"caption": f"Photo n° {number} : atelier « cœur »"})
    data = make_sheet(workspace, visit_id, "interne").data
    pages = pdf_pages(data)
    text = normalise(" ".join(pages))
    assert len(pdf_photos(data)) == 40
    for number in range(1, 41):
        assert f"Photo n° {number} : atelier « cœur »" in text
    assert f"page {len(pages)} / {len(pages)}" in pages[-1]


def test_two_generations_of_a_visit_are_byte_identical(workspace, filled_visit, tmp_path):
    visit_id, _ = filled_visit
    attach_photos(workspace, visit_id, [jpeg(tmp_path / "p.jpg")],
                  caption="Façade", identifiable_people=True, consent="Accord écrit",
                  allowed_use="public")  # fmt: skip
    first = make_sheet(workspace, visit_id, "reseau").data
    assert make_sheet(workspace, visit_id, "reseau").data == first
    # Later, in another process with another hash seed: still the same bytes.
    script = ("import sys; from pathlib import Path; "
              "from desktop.core.storage.workspace import open_workspace; "
              "from desktop.core.pdf.service import make_sheet; "
              "sys.stdout.buffer.write(make_sheet(open_workspace(Path(sys.argv[1])), "
              "sys.argv[2], 'reseau').data)")  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    other = subprocess.run([sys.executable, "-c", script, str(workspace.data_dir), visit_id],
                           capture_output=True, check=True, env=env, cwd=ROOT).stdout  # fmt: skip
    assert other == first


# --- photos and image rights -----------------------------------------------------------------


@pytest.fixture
def rights(workspace, visit_id, tmp_path) -> str:
    """Three photos: people without consent, people allowed on the network, a building."""
    folder = tmp_path / "photos"
    folder.mkdir()
    people, network, building = attach_photos(workspace, visit_id, [
        jpeg(folder / "atelier.jpg", colour=(200, 30, 30)),
        jpeg(folder / "chantier.jpg", colour=(30, 200, 30)),
        jpeg(folder / "facade.jpg", colour=(30, 30, 200)),
    ])  # fmt: skip
    library = PhotoLibrary(workspace.store, workspace.media)
    library.update_photo(people, {"caption": "Atelier avec les bénévoles",
                                  "identifiable_people": True})  # fmt: skip
    library.update_photo(network, {"caption": "Chantier participatif", "identifiable_people": True,
                                   "consent": "Autorisation signée", "allowed_use": "reseau"})  # fmt: skip
    library.update_photo(building, {"caption": "Façade du moulin"})
    return visit_id


@pytest.mark.parametrize(
    ("audience", "captions", "note"),
    [
        ("interne", {"Atelier avec les bénévoles", "Chantier participatif", "Façade du moulin"},
         ""),
        ("reseau", {"Chantier participatif", "Façade du moulin"},
         "1 photo non reproduite : droit à l'image non vérifié, ou sans autorisation "
         "pour une diffusion « réseau »."),
        ("public", {"Façade du moulin"},
         "2 photos non reproduites : droit à l'image non vérifié, ou sans autorisation "
         "pour une diffusion « public »."),
    ],
)  # fmt: skip
def test_photos_follow_image_rights(workspace, rights, audience, captions, note):
    sheet = make_sheet(workspace, rights, audience)
    text = pdf_text(sheet.data)
    all_captions = {"Atelier avec les bénévoles", "Chantier participatif", "Façade du moulin"}
    assert {c for c in all_captions if c in text} == captions
    assert len(pdf_photos(sheet.data)) == len(captions)
    assert sheet.photos_left_out == 3 - len(captions)
    assert (note in text) if note else ("non reproduite" not in text)


def test_photos_come_from_their_print_rendition_not_the_original(workspace, visit_id, tmp_path):
    original = jpeg(tmp_path / "IMG_0001.jpg", size=(3000, 2000), noise=True)
    attach_photos(workspace, visit_id, [original])
    data = make_sheet(workspace, visit_id).data
    (photo,) = pdf_photos(data)
    assert photo.image.size == (PRINT_SIZE, round(PRINT_SIZE * 2 / 3))
    assert len(data) < original.stat().st_size / 4


# --- a network's own template ------------------------------------------------------------------


def network_schema() -> dict:
    """The shipped visit sheet with a « Mobilité et accès » section of two new fields."""
    schema = json.loads(json.dumps(TemplateSet.load().visit.schema))
    schema["x-template-id"] = "visit-sheet-reseau"
    schema["x-sections"].insert(5, {"id": "mobilite", "title": "Mobilité et accès"})
    equipment = [f"equipement_de_mobilite_partagee_numero_{n:02d}" for n in range(1, 13)]
    schema["properties"] |= {
        "velo_notes": {"title": "Remarques sur l’accès à vélo", "type": "string",
                       "x-section": "mobilite", "x-order": 10},
        "equipements": {"title": "Équipements de mobilité", "type": "array",
                        "items": {"type": "string", "enum": equipment,
                                  "x-enum-titles": [f"Équipement n° {n}" for n in range(1, 13)]},
                        "x-section": "mobilite", "x-order": 20},
    }  # fmt: skip
    return schema


def test_a_network_template_gets_its_own_section_and_fields(tmp_path):
    path = tmp_path / "fiche-reseau.schema.json"
    path.write_text(json.dumps(network_schema(), ensure_ascii=False), "utf-8")
    templates = TemplateSet(visit=load_template(path), venue=TemplateSet.load().venue)
    workspace = open_workspace(tmp_path / "data", templates=templates)
    try:
        venue = workspace.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
        visit_id = workspace.store.create_visit(venue.id, "2025-05-20").id
        data = fill_every_field(workspace, visit_id)
        equipment = workspace.templates.visit.field("equipements")
        all_equipment = [value for value, _ in equipment.choices]
        workspace.store.update_visit(visit_id, {"equipements": all_equipment})
        text = pdf_text(make_sheet(workspace, visit_id, "interne").data)
    finally:
        workspace.close()
    assert "Mobilité et accès" in text
    assert f"Remarques sur l’accès à vélo {normalise(data['velo_notes'])}" in text
    assert "Équipements de mobilité Équipement n° 1 · Équipement n° 2" in text
    assert "Équipement n° 12" in text and "equipement_de_mobilite" not in text
    assert text.index("Lieu et occupation") < text.index("Mobilité et accès")
    assert text.index("Mobilité et accès") < text.index("Bilan et suites")


# --- file names and writing --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("visit_date", "venue_name", "expected"),
    [
        ("2025-02-11", "Le Moulin Fabrique", "2025-02-11_Le-Moulin-Fabrique_visite.pdf"),
        ("2025-02-11", "Café Ô Champ", "2025-02-11_Café-Ô-Champ_visite.pdf"),
        ("2025-02-11", 'La <Friche>: "A/B\\C" | 1? *', "2025-02-11_La-Friche-A-B-C-1_visite.pdf"),
        ("2025-02-11", "  ...Le Hangar.  ", "2025-02-11_Le-Hangar_visite.pdf"),
        ("2025-02-11", '<>:"/\\|?*', "2025-02-11_lieu_visite.pdf"),
        ("11/02/2025", "Le Moulin", "sans-date_Le-Moulin_visite.pdf"),
        ("", "Le Moulin", "sans-date_Le-Moulin_visite.pdf"),
    ],
)
def test_sheet_file_name(visit_date, venue_name, expected):
    name = sheet_file_name(visit_date, venue_name)
    assert name == expected
    assert not set('<>:"/\\|?*') & set(name)


def test_a_sheet_is_written_under_its_readable_name(workspace, visit_id, tmp_path):
    sheet = make_sheet(workspace, visit_id)
    assert sheet.file_name == "2025-02-11_Le-Moulin-Fabrique_visite.pdf"
    path = write_sheet(sheet, tmp_path)
    assert path == tmp_path / sheet.file_name and path.read_bytes() == sheet.data
    assert write_sheet(sheet, tmp_path / "fiche.pdf").read_bytes() == sheet.data


def test_make_all_writes_one_sheet_per_visit_with_unique_names(workspace, visit_id, tmp_path):
    store = workspace.store
    venue_id = store.get_visit(visit_id).venue_id
    store.create_visit(venue_id, "2025-02-11")  # a second visit the same day
    other = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    store.create_visit(other.id, "2024-11-05")
    progress = []
    paths = list(make_all(workspace, tmp_path / "fiches", "public",
                          lambda done, total, name: progress.append((done, total))))  # fmt: skip
    second = [v.id for v in store.list_visits(venue_id) if v.id != visit_id][0]
    assert sorted(p.name for p in paths) == [
        "2024-11-05_La-Quincaillerie_visite – public.pdf",
        f"2025-02-11_Le-Moulin-Fabrique_visite – public-{second[:6]}.pdf",  # the later one
        "2025-02-11_Le-Moulin-Fabrique_visite – public.pdf",
    ]
    assert progress == [(1, 3), (2, 3), (3, 3)]
    for path in paths:
        assert "diffusion public" in pdf_text(path.read_bytes())


def test_a_label_never_stays_alone_at_the_foot_of_a_page(workspace, visit_id):
    """Texts of every length push each label across the foot of a page in turn: the last
    line of a page is never a label whose text starts on the next one."""
    areas = [f for f in workspace.templates.visit.fields if f.widget == "textarea"]
    labels = {normalise(f.title) for f in areas}
    alone = []
    for length in range(240, 5000, 160):
        workspace.store.update_visit(visit_id, {f.key: long_text(length) for f in areas})
        pages = pdf_pages(make_sheet(workspace, visit_id, "interne").data)
        for number, page in enumerate(pages[:-1], start=1):
            lines = [normalise(line) for line in page.splitlines() if line.strip()]
            body = [line for line in lines if not line.startswith("page ")]
            if body and body[-1] in labels:
                alone.append((length, number, body[-1]))
    assert not alone


def test_a_long_table_splits_with_its_label_and_header_on_each_page(workspace, visit_id):
    actions = [{"what": f"Action {i:02d} {long_text(120)}", "status": "a_faire"} for i in range(40)]
    workspace.store.update_visit(visit_id, {"actions": actions})
    pages = pdf_pages(make_sheet(workspace, visit_id, "interne").data)
    holding = [page for page in pages if "Action " in page]
    assert len(holding) >= 2
    for page in holding:
        assert "Suites à donner" in page and "Action" in page
    text = normalise(" ".join(pages))
    assert all(f"Action {i:02d}" in text for i in range(40))
