"""`export --format xlsx|csv|json`, run for real: `python main.py --data-dir DIR export ...`."""

import csv
import json
import subprocess

import openpyxl
import pytest


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("Erreur : ") and "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def venues(carnet) -> dict[str, str]:
    ids = {}
    for name, commune, dates in (("Le Moulin Fabrique", "Felletin", ["2024-11-05", "2025-03-14"]),
                                 ("Café Ô Champ", "Aubusson", ["2025-06-30"])):  # fmt: skip
        venue_id = ok(carnet("new-venue", "--name", name, "--commune", commune)).strip()
        ids[name] = venue_id
        for when in dates:
            visit_id = ok(carnet("new-visit", venue_id, "--date", when)).strip()
            people = json.dumps([{"role": "trésorier", "name": "Jean Valjean"}])
            actions = json.dumps([{"what": f"Suite du {when}", "status": "a_faire"}])
            ok(carnet("set", visit_id, f"people_met={people}", f"actions={actions}"))
    return ids


def test_csv_export_writes_three_files_and_says_what_it_wrote(carnet, venues, tmp_path):
    target = tmp_path / "sortie" / "réseau.csv"
    out = ok(carnet("export", "--format", "csv", "-o", str(target)))
    assert "Exporté : 3 visites, 3 actions, 2 lieux" in out
    assert "Données personnelles laissées de côté" in out
    for name, rows in (("réseau.csv", 4), ("réseau-actions.csv", 4), ("réseau-lieux.csv", 3)):
        with open(target.with_name(name), encoding="utf-8-sig", newline="") as stream:
            table = list(csv.reader(stream, delimiter=";"))
        assert len(table) == rows, name
        assert name in out
    assert "Jean Valjean" not in target.read_text("utf-8-sig")


def test_xlsx_export_filters_by_venue_and_dates_and_may_include_personal_data(
    carnet, venues, tmp_path
):
    target = tmp_path / "moulin.xlsx"
    out = ok(carnet("export", "--format", "xlsx", "-o", str(target), "--venue",
                    venues["Le Moulin Fabrique"], "--from", "2025-01-01", "--to", "2025-12-31",
                    "--with-personal-data"))  # fmt: skip
    assert "Exporté : 1 visites, 1 actions, 1 lieux → " in out
    workbook = openpyxl.load_workbook(target)
    header, *rows = workbook["Visites"].iter_rows(values_only=True)
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Lieu"] == "Le Moulin Fabrique" and row["Date de la visite"].year == 2025
    assert row["Personnes rencontrées"] == "trésorier — Jean Valjean"


def test_dates_typed_the_french_way_are_read_by_new_visit_and_export(carnet, tmp_path):
    venue_id = ok(carnet("new-venue", "--name", "La Fabrique", "--commune", "Dole")).strip()
    for typed in ("14/03/2025", "02042025", "2025-05-01"):
        ok(carnet("new-visit", venue_id, "--date", typed))
    listed = ok(carnet("list"))
    assert all(day in listed for day in ("2025-03-14", "2025-04-02", "2025-05-01"))
    target = tmp_path / "printemps.csv"
    out = ok(carnet("export", "--format", "csv", "-o", str(target),
                    "--from", "15/03/2025", "--to", "1/5/25"))  # fmt: skip
    assert "Exporté : 2 visites" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "xlsx", "--from", "31/02/2025"], "--from « 31/02/2025 » : Date invalide"),
        (["--format", "xlsx", "--from", "mars 2025"], "--from « mars 2025 » : Date invalide"),
        (["--format", "csv", "--to", "2025-02-30"], "--to « 2025-02-30 »"),
        (["--format", "csv", "--venue", "inconnu"], "Lieu introuvable : inconnu"),
        (["--format", "csv", "--from", "2025-02-01", "--to", "2025-01-01"], "à l'envers"),
        (["--format", "json", "--venue", "x"], "--venue : l'export JSON est complet"),
        (["--format", "xlsx", "--with-private-photos"], "--with-personal-data"),
    ],
)
def test_bad_export_input_is_refused_in_french_and_writes_nothing(carnet, tmp_path, args, said):
    target = tmp_path / "sortie.out"
    assert said in refused(carnet("export", "-o", str(target), *args))
    assert not target.exists()


def test_json_stays_the_lossless_exchange_export(carnet, venues, tmp_path):
    target = tmp_path / "echange.json"
    out = ok(carnet("export", "--format", "json", "-o", str(target)))
    assert "Exporté : 2 lieux, 3 visites, 0 photos" in out
    document = json.loads(target.read_text("utf-8"))
    assert document["format"] == "carnet-exchange" and len(document["visits"]) == 3
    assert "Jean Valjean" not in target.read_text("utf-8")  # a copy for the network
    assert "Copie pour le réseau" in out
    private = tmp_path / "complet.json"
    out = ok(carnet("export", "--format", "json", "-o", str(private), "--with-personal-data"))
    assert "Jean Valjean" in private.read_text("utf-8")  # lossless: everything, kept private
    assert "Copie pour le réseau" not in out


def test_a_text_too_long_for_an_excel_cell_is_cut_with_a_note_and_said(carnet, tmp_path):
    venue_id = ok(carnet("new-venue", "--name", "Le Long")).strip()
    visit_id = ok(carnet("new-visit", venue_id, "--date", "2026-11-20")).strip()
    text = "🌳 Un très long compte rendu. " * 1500  # 45,000 characters, more UTF-16 units
    ok(carnet("set", visit_id, f"strengths={text}"))
    out = ok(carnet("export", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")))
    assert "1 cellule(s) trop longue(s) pour Excel" in out
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Visites"]
    [cell] = [c.value for c in sheet[2] if isinstance(c.value, str) and "🌳" in c.value]
    assert len(cell.encode("utf-16-le")) // 2 <= 32_767
    assert cell.startswith(text[:1000]) and cell.endswith("dans l'export CSV ou JSON)")
    ok(carnet("export", "--format", "csv", "-o", str(tmp_path / "r.csv")))
    assert text.strip() in (tmp_path / "r.csv").read_text("utf-8-sig")  # whole there
