"""Network exports (Visites, Actions, Lieux) as XLSX and CSV, read back as a user's
spreadsheet would read them: openpyxl for the workbook, csv with « ; » and a BOM."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from PIL import Image

from desktop.core.forms.templates import template_from_schema
from desktop.core.media.photos import PhotoLibrary
from desktop.core.tabular import (
    ExportFilter,
    TabularExportError,
    build_tables,
    export_tables,
    writers,
)
from desktop.core.tabular import tables as tabular

ODD_TEXTS = [
    "Cœur de « friche » : l’œuvre collective, à Écully",
    "ligne 1\nligne 2 ; avec point-virgule",
    "des \"guillemets\" et des 'apostrophes'",
    '=HYPERLINK("http://exemple.invalid";"clic")',
    "+33 5 55 00 00 00",
    "- une puce\n- une autre",
    "@voisin",
]


def filled(store, venue_id: str, when: str, **extra) -> str:
    visit = store.create_visit(venue_id, when, carry_over=False)
    store.update_visit(visit.id, {
        "visit_type": "suivi",
        "activity_types": ["bureaux_partages_coworking", "fablab_makerspace_hackerspace"],
        "revenue_sources": ["ventes", "adhesions"],
        "staff_fte": 2.5,
        "volunteers": 12,
        "has_facilitator": True,
        "fibre": False,
        "end_date": "2026-06-30",
        "people_met": [{"role": "présidente", "name": "Marie Curiel"}],
        "actions": [
            {"what": "Relancer la commune", "who": "Camille", "due": "2025-05-01",
             "status": "en_cours"},
            {"what": "Envoyer le modèle de convention", "status": "a_faire"},
        ],
        **extra,
    })  # fmt: skip
    return visit.id


@pytest.fixture
def network(store):
    """Two venues, three visits (one with odd text), one visit and one venue in the trash."""
    moulin = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin",
                                 "postal_code": "23500", "lon": -0.5, "setting": "rural"})  # fmt: skip
    cafe = store.create_venue({"name": "Café Ô Champ", "commune": "Aubusson"})
    gone = store.create_venue({"name": "La Friche Partie", "commune": "Guéret"})
    ids = {
        "moulin-2024": filled(store, moulin.id, "2024-11-05"),
        "moulin-2025": filled(store, moulin.id, "2025-03-14", decision_making="\n".join(ODD_TEXTS)),
        "cafe-2025": filled(store, cafe.id, "2025-06-30"),
        "trashed": filled(store, cafe.id, "2025-04-01", strengths="Visite effacée"),
        "in-gone": filled(store, gone.id, "2025-04-02", strengths="Lieu effacé"),
    }
    store.delete_visit(ids["trashed"])
    store.delete_venue(gone.id)
    return {"moulin": moulin.id, "cafe": cafe.id, "gone": gone.id, **ids}


def read_xlsx(path: Path) -> dict[str, list[list]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: [list(r) for r in sheet.iter_rows(values_only=True)] for sheet in workbook}


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream, delimiter=";"))


def as_csv_text(value) -> str:
    """What the CSV must hold for a workbook cell (the rules spelled out independently)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value).replace(".", ",")
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def all_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        return "\n".join(str(c) for rows in read_xlsx(path).values() for r in rows for c in r)
    return path.read_text("utf-8-sig")


# --------------------------------------------------------------------------- columns


def test_the_workbook_has_the_templates_columns_a_frozen_bold_header_and_filters(
    store, network, tmp_path
):
    path = tmp_path / "réseau.xlsx"
    result = export_tables(store, path, "xlsx")
    assert (result.visits, result.actions, result.venues) == (3, 6, 2)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Visites", "Actions", "Lieux"]
    visit_template, venue_template = store.templates.visit, store.templates.venue
    actions = visit_template.field("actions")
    expected = {
        "Visites": ["Lieu", "Commune", "Date de la visite", "Auteur·rice"]
        + [tabular.header_of(f) for f in visit_template.fields
           if f.key not in ("visit_date", "actions") and not tabular.is_personal(f)],
        "Actions": ["Lieu", "Commune", "Date de la visite"]
        + [tabular.header_of(c) for c in actions.columns],
        "Lieux": [tabular.header_of(f) for f in venue_template.fields] + ["Visites exportées"],
    }  # fmt: skip
    for name, headers in expected.items():
        sheet = workbook[name]
        row = [c.value for c in sheet[1]]
        assert [h for h in row if h in headers] == headers, name  # all there, in template order
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(row))}{sheet.max_row}"
        assert all(c.font.b for c in sheet[1])
        widths = [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, len(row))]
        assert all(8 <= w <= 62 for w in widths), widths
    assert visit_template.field("staff_fte").unit in " ".join(expected["Visites"])


def test_cells_are_readable_labels_real_numbers_and_real_dates(store, network, tmp_path):
    export_tables(store, tmp_path / "r.xlsx", "xlsx")
    sheets = read_xlsx(tmp_path / "r.xlsx")
    header, *rows = sheets["Visites"]  # by venue (Café Ô Champ first), then by date
    assert [r[4] for r in rows] == [network[k] for k in ("cafe-2025", "moulin-2024",
                                                         "moulin-2025")]  # fmt: skip
    row = dict(zip(header, rows[1], strict=True))
    assert row["Lieu"] == "Le Moulin Fabrique" and row["Commune"] == "Felletin"
    assert row["Date de la visite"] == datetime(2024, 11, 5)
    assert row["Identifiant de la visite"] == network["moulin-2024"]
    assert row["Type de visite"] == "Suivi"
    assert row["Typologies"] == "Bureaux partagés / coworking, Fablab / makerspace / hackerspace"
    # a title holds a comma: the list is joined with « ; » so it still reads unambiguously
    assert row["Sources de revenus"] == (
        "Ventes (bar, restauration, épicerie, produits) ; Adhésions"
    )
    assert row["Salariés (ETP)"] == 2.5 and row["Bénévoles"] == 12
    assert row["Poste de facilitateur·rice"] == "oui" and row["Fibre"] == "non"
    assert row["Fin de l’occupation"] == datetime(2026, 6, 30)
    assert row["Assurance de l’occupant à jour"] is None  # not asked: empty, not « non »
    header, *actions = sheets["Actions"]
    first = dict(zip(header, actions[2], strict=True))
    assert first == {
        "Lieu": "Le Moulin Fabrique", "Commune": "Felletin",
        "Date de la visite": datetime(2024, 11, 5),
        "Identifiant de la visite": network["moulin-2024"],
        "Action": "Relancer la commune", "Responsable": "Camille",
        "Échéance": datetime(2025, 5, 1), "Statut": "En cours",
        "Type de fiche": "Fiche de visite",
    }  # fmt: skip
    header, *venues = sheets["Lieux"]
    moulin = dict(zip(header, venues[1], strict=True))  # Café Ô Champ sorts first
    assert moulin["Nom"] == "Le Moulin Fabrique" and moulin["Longitude (°)"] == -0.5
    assert moulin["Implantation"] == "Rural" and moulin["Code postal"] == "23500"
    assert moulin["Visites exportées"] == 2 and moulin["Dernière visite"] == datetime(2025, 3, 14)


def test_the_csv_files_hold_the_same_cells_as_the_workbook(store, network, tmp_path):
    export_tables(store, tmp_path / "r.xlsx", "xlsx")
    result = export_tables(store, tmp_path / "r.csv", "csv")
    assert [p.name for p in result.paths] == ["r.csv", "r-actions.csv", "r-lieux.csv"]
    workbook = read_xlsx(tmp_path / "r.xlsx")
    for path, name in zip(result.paths, ["Visites", "Actions", "Lieux"], strict=True):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM French Excel needs
        expected = [[as_csv_text(c) for c in row] for row in workbook[name]]
        assert read_csv(path) == expected, name


def test_odd_characters_survive_and_formulas_are_defused_in_csv(store, network, tmp_path):
    export_tables(store, tmp_path / "r.xlsx", "xlsx")
    export_tables(store, tmp_path / "r.csv", "csv")
    header, *rows = read_xlsx(tmp_path / "r.xlsx")["Visites"]
    column = header.index("Instances et prise de décision")
    assert rows[2][column] == "\n".join(ODD_TEXTS)  # a text cell, never a formula
    store.update_visit(network["cafe-2025"], {"strengths": "=1+1", "obstacles": "-3"})
    export_tables(store, tmp_path / "r.csv", "csv")
    export_tables(store, tmp_path / "r.xlsx", "xlsx")
    header, *csv_rows = read_csv(tmp_path / "r.csv")
    cafe = dict(zip(header, csv_rows[0], strict=True))
    assert cafe["Leviers / points forts"] == "'=1+1" and cafe["Freins / difficultés"] == "'-3"
    moulin = dict(zip(header, csv_rows[2], strict=True))
    assert moulin["Instances et prise de décision"] == "\n".join(ODD_TEXTS)  # starts with C
    venue_header, *venue_rows = read_csv(tmp_path / "r-lieux.csv")
    assert dict(zip(venue_header, venue_rows[1], strict=True))["Longitude (°)"] == "-0,5"
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    sheet = workbook["Visites"]
    strengths = header.index("Leviers / points forts") + 1
    assert sheet.cell(2, strengths).value == "=1+1" and sheet.cell(2, strengths).data_type == "s"


def test_control_characters_are_dropped_and_invalid_draft_values_kept_as_text(store, venue):
    visit = store.create_visit(venue.id, "2025-03-14")
    store.update_visit(visit.id, {"strengths": "bip\x07 fin\ttab", "staff_fte": "deux et demi",
                                  "end_date": "fin juin"})  # fmt: skip
    table = build_tables(store).visits
    row = dict(zip([c.header for c in table.columns], table.rows[0], strict=True))
    assert row["Leviers / points forts"] == "bip fin\ttab"
    assert row["Salariés (ETP)"] == "deux et demi" and row["Fin de l’occupation"] == "fin juin"


# --------------------------------------------------------------------------- privacy


def photo_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_personal_data_is_left_out_unless_asked(workspace, network, tmp_path, fmt):
    library = PhotoLibrary(workspace.store, workspace.media)
    outcome = library.attach_bytes(network["cafe-2025"], photo_bytes(), "portrait.png")
    library.update_photo(outcome.record_id, {"caption": "Portrait de la présidente",
                                             "identifiable_people": True,
                                             "consent": "Autorisation REF-42"})  # fmt: skip
    plain = export_tables(workspace.store, tmp_path / f"public.{fmt}", fmt)
    text = "".join(all_text(p) for p in plain.paths)
    for personal in ("Marie Curiel", "REF-42", "Portrait", "Photos"):
        assert personal not in text
    assert "présidente" in text  # the role reaches the network, the name does not
    asked = ExportFilter(include_personal=True)
    full = export_tables(workspace.store, tmp_path / f"complet.{fmt}", fmt, asked)
    text = "".join(all_text(p) for p in full.paths)
    assert "présidente — Marie Curiel" in text
    assert "Portrait de la présidente" in text and "autorisation : Autorisation REF-42" in text


# --------------------------------------------------------------------------- filters


def exported_ids(store, filters: ExportFilter) -> tuple[set[str], set[str], set[str]]:
    tables = build_tables(store, filters)
    visits = {row[4] for row in tables.visits.rows}
    actions = {row[3] for row in tables.actions.rows}
    venues = {row[0] for row in tables.venues.rows}
    return visits, actions, venues


def test_trashed_visits_and_venues_are_left_out(store, network):
    visits, actions, venues = exported_ids(store, ExportFilter())
    assert visits == actions == {network["moulin-2024"], network["moulin-2025"],
                                 network["cafe-2025"]}  # fmt: skip
    assert venues == {network["moulin"], network["cafe"]}


def test_filters_by_venue_and_by_dates_bounds_included(store, network):
    visits, actions, venues = exported_ids(store, ExportFilter(venue_ids=(network["moulin"],)))
    assert visits == actions == {network["moulin-2024"], network["moulin-2025"]}
    assert venues == {network["moulin"]}
    period = ExportFilter(date_from=date(2025, 3, 14), date_to=date(2025, 6, 30))
    visits, actions, venues = exported_ids(store, period)
    assert visits == actions == {network["moulin-2025"], network["cafe-2025"]}
    assert venues == {network["moulin"], network["cafe"]}  # venues are filtered by venue only
    both = ExportFilter(venue_ids=(network["cafe"],), date_to=date(2025, 6, 29))
    assert exported_ids(store, both) == (set(), set(), {network["cafe"]})


def test_a_visit_without_a_valid_date_is_out_of_any_period(store, venue):
    visit = store.create_visit(venue.id, "2025-03-14")
    store.update_visit(visit.id, {"visit_date": "mi-mars"})
    assert exported_ids(store, ExportFilter())[0] == {visit.id}
    assert exported_ids(store, ExportFilter(date_from=date(2000, 1, 1)))[0] == set()


def test_refused_filters_say_why_in_french(store, network):
    with pytest.raises(TabularExportError, match="Lieu introuvable : inconnu"):
        build_tables(store, ExportFilter(venue_ids=("inconnu",)))
    with pytest.raises(TabularExportError, match="corbeille"):
        build_tables(store, ExportFilter(venue_ids=(network["gone"],)))
    with pytest.raises(TabularExportError, match="à l'envers"):
        build_tables(store, ExportFilter(date_from=date(2025, 2, 1), date_to=date(2025, 1, 1)))


# --------------------------------------------------------------------------- files


def test_a_failed_export_leaves_the_previous_file_and_no_temp_file(
    store, network, tmp_path, monkeypatch
):
    path = tmp_path / "r.xlsx"
    export_tables(store, path, "xlsx")
    before = path.read_bytes()

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers, "_write_sheet", broken)
    with pytest.raises(OSError):
        export_tables(store, path, "xlsx")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["r.xlsx"]


def test_an_empty_export_still_has_headers(workspace, tmp_path):
    result = export_tables(workspace.store, tmp_path / "vide.xlsx", "xlsx")
    assert (result.visits, result.actions, result.venues) == (0, 0, 0)
    sheets = read_xlsx(tmp_path / "vide.xlsx")
    assert [len(rows) for rows in sheets.values()] == [1, 1, 1]


def test_an_ambiguous_title_is_prefixed_by_its_section():
    schema = {
        "type": "object",
        "x-sections": [{"id": "a", "title": "Gouvernance"}, {"id": "b", "title": "Lieu"}],
        "properties": {
            "notes_a": {"type": "string", "title": "Observations", "x-section": "a"},
            "notes_b": {"type": "string", "title": "Observations", "x-section": "b"},
            "size": {"type": "number", "title": "Surface", "x-unit": "m²", "x-section": "b"},
        },
    }
    template = template_from_schema(schema)
    headers = tabular._headers(template, list(template.fields), {"Lieu"})
    assert headers == ["Gouvernance — Observations", "Lieu — Observations", "Surface (m²)"]


def test_a_photo_whose_rights_are_unknown_is_exported_as_to_check_not_as_no(
    workspace, network, tmp_path
):
    library = PhotoLibrary(workspace.store, workspace.media)
    unknown = library.attach_bytes(network["cafe-2025"], photo_bytes(), "inconnue.png")
    library.update_photo(unknown.record_id, {"caption": "Salle commune"})
    other = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(other, "PNG")  # not the same picture
    nobody = library.attach_bytes(network["cafe-2025"], other.getvalue(), "vide.png")
    library.update_photo(
        nobody.record_id, {"caption": "Atelier vide", "identifiable_people": False}
    )
    asked = ExportFilter(include_personal=True)
    result = export_tables(workspace.store, tmp_path / "complet.csv", "csv", asked)
    text = "".join(all_text(p) for p in result.paths)
    assert "Salle commune — personnes reconnaissables : à vérifier" in text
    assert "Atelier vide — personnes reconnaissables : non" in text


def test_an_english_export_says_yes_no_and_the_photo_lines_in_english(workspace, network, tmp_path):
    library = PhotoLibrary(workspace.store, workspace.media)
    unknown = library.attach_bytes(network["cafe-2025"], photo_bytes(), "salle.png")
    library.update_photo(unknown.record_id, {"caption": "Salle commune"})
    workspace.use_language("en")
    asked = ExportFilter(include_personal=True)
    result = export_tables(workspace.store, tmp_path / "network.csv", "csv", asked)
    rows = read_csv(result.paths[0])
    header, cafe = rows[0], next(r for r in rows if r[4] == network["cafe-2025"])
    values = dict(zip(header, cafe, strict=True))
    facilitator = workspace.templates.visit.field("has_facilitator").title
    assert values[facilitator] == "yes"
    assert values[workspace.templates.visit.field("fibre").title] == "no"
    photos = values["Photos (caption, permission, use)"]
    assert photos == "Salle commune — identifiable people : to check — use : internal"
