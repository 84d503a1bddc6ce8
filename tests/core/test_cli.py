"""The headless commands, run for real: `python main.py --data-dir DIR COMMAND ...`."""

import json
import re
import subprocess

import pytest

from desktop.core.storage.directory_store import directory_size, search_directory
from desktop.core.storage.workspace import open_workspace

COMMANDS = ["import-venues", "export", "import", "new-venue", "new-visit", "set", "show", "list",
            "check", "conflicts"]  # fmt: skip
BUNDLED_CSV = "resources/venues/tiers-lieux-cget-2019.csv"
ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def visit_id(carnet) -> str:
    venue = carnet("new-venue", "--name", "Le Moulin Fabrique", "--commune", "Felletin")
    assert venue.returncode == 0, venue.stderr
    visit = carnet("new-visit", venue.stdout.strip(), "--date", "2025-03-14")
    assert visit.returncode == 0, visit.stderr
    return visit.stdout.strip()


def show(carnet, visit_id: str) -> dict:
    result = carnet("show", visit_id)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("Erreur : "), result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_help_lists_every_command(carnet):
    result = carnet("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command


def test_new_venue_and_new_visit_print_only_the_new_id(carnet):
    venue = carnet("new-venue", "--name", "Le Moulin Fabrique", "--commune", "Felletin")
    assert venue.returncode == 0 and venue.stderr == ""
    assert ID.fullmatch(venue.stdout.rstrip("\n")) and venue.stdout.count("\n") == 1
    visit = carnet("new-visit", venue.stdout.strip(), "--date", "2025-03-14")
    assert visit.returncode == 0 and visit.stderr == ""
    assert ID.fullmatch(visit.stdout.rstrip("\n")) and visit.stdout.count("\n") == 1
    shown = show(carnet, visit.stdout.strip())
    assert shown["venue_name"] == "Le Moulin Fabrique"
    assert shown["fields"]["visit_date"] == "2025-03-14"


def test_set_prints_each_change_and_show_returns_the_values(carnet, visit_id):
    result = carnet(
        "set", visit_id, "legal_form=scic", "staff_fte=1,5", "volunteers=12", "fibre=oui",
        "economic_notes=Économie de la contribution", "visit_date=2025-03-15",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        'legal_form : ∅ → "scic"',
        "staff_fte : ∅ → 1.5",
        "volunteers : ∅ → 12",
        "fibre : ∅ → true",
        'economic_notes : ∅ → "Économie de la contribution"',
        'visit_date : "2025-03-14" → "2025-03-15"',
    ]
    fields = show(carnet, visit_id)["fields"]
    assert fields["legal_form"] == "scic" and fields["staff_fte"] == 1.5
    assert fields["volunteers"] == 12 and fields["fibre"] is True
    assert fields["economic_notes"] == "Économie de la contribution"
    assert fields["visit_date"] == "2025-03-15"
    assert fields["strengths"] is None  # every template key is listed, empty ones as null
    again = carnet("set", visit_id, "legal_form=scic")
    assert again.stdout.strip() == "Aucun changement."


def test_set_accepts_list_values_as_json(carnet, visit_id):
    services = '["cafe_bar", "mediation_numerique"]'
    actions = '[{"what": "Relancer la commune", "who": "Camille", "status": "a_faire"}]'
    result = carnet("set", visit_id, f"services={services}", f"actions={actions}")
    assert result.returncode == 0, result.stderr
    fields = show(carnet, visit_id)["fields"]
    assert fields["services"] == ["cafe_bar", "mediation_numerique"]
    assert fields["actions"] == [
        {"what": "Relancer la commune", "who": "Camille", "status": "a_faire"}
    ]
    assert show(carnet, visit_id)["errors"] == {}


def test_set_reads_a_tables_dates_and_numbers_as_the_form_does(carnet, visit_id):
    """Found by QA: `next_visit=15/03/2027` was read, a due date « 15/03/2027 » inside
    `actions=[…]` refused as « format attendu : AAAA-MM-JJ »."""
    actions = '[{"what": "Relancer", "due": "15/03/2027"}, {"what": "Bilan", "due": "fin mars"}]'
    result = carnet("set", visit_id, f"actions={actions}")
    assert "Date illisible : écrivez-la JJ/MM/AAAA" in refused(result)  # « fin mars »
    result = carnet("set", visit_id, 'actions=[{"what": "Relancer", "due": "15/03/2027"}]')
    assert result.returncode == 0, result.stderr
    assert show(carnet, visit_id)["fields"]["actions"] == [
        {"what": "Relancer", "due": "2027-03-15"}
    ]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("public_funding_pct=120", "La valeur doit être au plus 100."),
        ("visit_type=visite_surprise", "Valeur hors de la liste proposée."),
        ("end_date=2025-13-45", "Date illisible : écrivez-la JJ/MM/AAAA"),
        ('actions=[{"what": "X", "due": "fin mars"}]', "« Échéance » : Date illisible"),
        ("staff_fte=deux", "n'est pas un nombre"),
        ("fibre=peut-être", "n'est pas oui ou non"),
        ("services=cafe_bar", "n'est pas une liste JSON"),
        ('actions=[{"who": "Camille"}]', "Ligne 1, « Action » : Champ obligatoire."),
        ("visit_date=", "Champ obligatoire."),
        ("champ_inconnu=1", "Champ inconnu"),
        ("sans-egal", "écrivez CLÉ=VALEUR"),
    ],
)
def test_set_with_one_bad_value_changes_nothing(carnet, visit_id, bad, message):
    carnet("set", visit_id, "legal_form=scic")
    before = show(carnet, visit_id)
    result = carnet("set", visit_id, "legal_form=scop", bad, "volunteers=3")
    assert message in refused(result)
    assert result.stdout == ""
    assert show(carnet, visit_id) == before


def test_list_prints_id_venue_date_and_author(carnet, visit_id):
    carnet("set", visit_id, "facilitator=Camille Martin")
    result = carnet("list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{visit_id}\tLe Moulin Fabrique\t2025-03-14\tCamille Martin"
    ]


def test_check_passes_on_a_good_database(carnet, visit_id):
    carnet("set", visit_id, "legal_form=scic")
    result = carnet("check")
    assert result.returncode == 0, result.stdout
    assert "Base et modèles : OK" in result.stdout
    assert "Visites à compléter ou corriger : 0" in result.stdout


def test_export_then_import_elsewhere_gives_the_same_list(carnet, visit_id, tmp_path):
    carnet("set", visit_id, "legal_form=scic", "strengths=Un lieu très ouvert")
    other = carnet("new-venue", "--name", "Café Ô Champ", "--commune", "Aubusson").stdout.strip()
    carnet("new-visit", other, "--date", "2024-06-01")
    export = tmp_path / "export.json"
    result = carnet("export", "--format", "json", "-o", str(export))
    assert result.returncode == 0, result.stderr
    assert "2 lieux, 2 visites" in result.stdout

    elsewhere = tmp_path / "autre-portable"
    imported = carnet("import", str(export), data_dir=elsewhere)
    assert imported.returncode == 0, imported.stderr
    assert "Importé : 4 nouveaux, 0 mis à jour, 0 inchangés." in imported.stdout
    listed = carnet("list").stdout
    assert len(listed.splitlines()) == 2
    assert carnet("list", data_dir=elsewhere).stdout == listed
    assert show(carnet, visit_id) == json.loads(carnet("show", visit_id, data_dir=elsewhere).stdout)


@pytest.mark.parametrize(
    "content",
    [
        "pas du JSON",
        '{"format": "carnet-exchange", "version": 1, "venues": []}',
        '{"format": "carnet-exchange", "version": 9, "venues": [], "visits": []}',
    ],
)
def test_import_of_a_broken_file_changes_nothing(carnet, visit_id, tmp_path, content):
    before = (carnet("list").stdout, show(carnet, visit_id))
    broken = tmp_path / "casse.json"
    broken.write_text(content, "utf-8")
    refused(carnet("import", str(broken)))
    assert (carnet("list").stdout, show(carnet, visit_id)) == before


def test_import_venues_loads_the_national_directory(carnet, tmp_path):
    result = carnet("import-venues", BUNDLED_CSV)
    assert result.returncode == 0, result.stderr
    assert "1512 lieux" in result.stdout
    ws = open_workspace(tmp_path / "data")
    try:
        assert directory_size(ws.db) == 1512
        assert [e.name for e in search_directory(ws.db, "jarnages")] == ["L'Alzire"]
    finally:
        ws.close()


def _malformed_csvs(repo_root) -> dict[str, tuple[bytes, str]]:
    """File name -> (content, what the refusal says)."""
    good = (repo_root / BUNDLED_CSV).read_bytes()
    header, first_row = good.split(b"\n")[:2]
    latin1 = good.decode("utf-8")[:3000].rsplit("\n", 1)[0].encode("latin-1", "replace")
    return {
        "mauvaises-colonnes.csv": (b"nom;ville\nLa Forge;Gueret\n", "Colonnes manquantes"),
        "latin1.csv": (latin1 + "\n9999,Café Ô,,,,,Guéret,,,,\n".encode("latin-1"), "UTF-8"),
        "tronque.csv": (header + b"\n" + first_row + b'\n2,"La Forge,1 rue', "tronqué"),
        "coupe-en-plein-caractere.csv": (header + b"\n" + "3,Guér".encode()[:-1], "tronqué"),
        "vide.csv": (b"", "vide"),
    }


def test_a_malformed_csv_is_refused_and_keeps_the_loaded_directory(carnet, tmp_path, repo_root):
    assert carnet("import-venues", BUNDLED_CSV).returncode == 0
    for name, (content, reason) in _malformed_csvs(repo_root).items():
        path = tmp_path / name
        path.write_bytes(content)
        assert reason in refused(carnet("import-venues", str(path))), name
        ws = open_workspace(tmp_path / "data")
        try:
            assert directory_size(ws.db) == 1512, name
            assert [e.name for e in search_directory(ws.db, "jarnages")] == ["L'Alzire"]
        finally:
            ws.close()
    assert "introuvable" in refused(carnet("import-venues", str(tmp_path / "absent.csv")))


def test_a_data_dir_inside_a_syncthing_folder_is_refused(carnet, tmp_path):
    (tmp_path / "Sync").mkdir()
    (tmp_path / "Sync" / ".stfolder").mkdir()
    result = carnet("list", data_dir=tmp_path / "Sync" / "carnet")
    assert "dossier synchronisé par Syncthing" in refused(result)
    assert not (tmp_path / "Sync" / "carnet").exists()


def test_an_unknown_visit_id_is_refused(carnet, visit_id):
    assert "Visite introuvable" in refused(carnet("show", "inconnue"))
    assert "Visite introuvable" in refused(carnet("set", "inconnue", "legal_form=scic"))
    assert "Lieu introuvable" in refused(carnet("new-visit", "inconnu"))


def test_new_visit_refuses_a_bad_date(carnet, visit_id):
    venue_id = show(carnet, visit_id)["venue_id"]
    before = carnet("list").stdout
    assert "Date invalide" in refused(carnet("new-visit", venue_id, "--date", "2025-13-45"))
    assert carnet("list").stdout == before


def test_new_venue_refuses_an_empty_name(carnet):
    assert "Un lieu doit avoir un nom" in refused(carnet("new-venue", "--name", "  "))
    assert carnet("list").stdout == ""


def test_export_to_a_missing_folder_is_refused_in_french(carnet, visit_id, tmp_path):
    target = tmp_path / "dossier-absent" / "export.json"
    message = refused(carnet("export", "--format", "json", "-o", str(target)))
    assert "Impossible d'écrire" in message
    assert not target.parent.exists()


def test_set_reads_dates_the_french_way(carnet, visit_id):
    result = carnet("set", visit_id, "visit_date=11/02/2025", "end_date=31/12/26")
    assert result.returncode == 0, result.stderr
    fields = show(carnet, visit_id)["fields"]
    assert fields["visit_date"] == "2025-02-11" and fields["end_date"] == "2026-12-31"
    message = refused(carnet("set", visit_id, "end_date=31/02/2026"))
    assert "end_date" in message and show(carnet, visit_id)["fields"]["end_date"] == "2026-12-31"


def test_list_into_a_pipe_closed_early_ends_quietly(tmp_path):
    """`list | head -1`: the reader leaves after one line; no BrokenPipeError traceback."""
    from tests.headless import start_carnet

    ws = open_workspace(tmp_path / "data")
    venue = ws.store.create_venue({"name": "Le Lieu au nom assez long pour remplir le tube"})
    for _ in range(1500):  # more than a pipe holds (64 KiB)
        ws.store.create_visit(venue.id, "2026-11-20")
    ws.close()
    process = start_carnet(tmp_path / "data", "list")
    assert "Le Lieu" in process.stdout.readline()
    process.stdout.close()  # as head does once it has its line
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == ""
