import csv
import dataclasses
import io
from pathlib import Path

import pytest

from desktop.core.forms.venue_directory import (
    ATTRIBUTION,
    REQUIRED_COLUMNS,
    DirectoryEntry,
    DirectoryImportError,
    bundled_directory_path,
    parse_directory_csv,
    read_directory_csv,
)

SHARED_CSV = Path("/work/shared/data/tiers-lieux-cget-2019.csv")
needs_shared = pytest.mark.skipif(not SHARED_CSV.exists(), reason="shared original not available")

HEADER = "ID,NOM_TL,ADRESSE,CP,COMINIT,INSEECOM,NOMCOM,WEB,TYPO,LAT,LONG,NOMREG,INSEEDEP"
ROW_OK = (
    "1,La Fabrique,1 rue Haute,44300,Nantes,44109,Nantes,www.x.fr,,47.2,-1.5,Pays de la Loire,44"
)


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def import_error(data: bytes) -> str:
    with pytest.raises(DirectoryImportError) as info:
        parse_directory_csv(data)
    return str(info.value)


@pytest.fixture(scope="module")
def bundled() -> list[DirectoryEntry]:
    return read_directory_csv(bundled_directory_path())


@pytest.fixture(scope="module")
def by_id(bundled) -> dict[str, DirectoryEntry]:
    return {entry.source_id: entry for entry in bundled}


# --- the real data ------------------------------------------------------------


def test_bundled_file_parses_to_all_venues(bundled):
    assert len(bundled) == 1512
    assert len({entry.source_id for entry in bundled}) == 1512


def test_bundled_file_has_no_personal_columns():
    header = bundled_directory_path().read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert "CONTACT" not in header and "MAIL" not in header
    assert set(REQUIRED_COLUMNS) <= set(header)


def test_entries_have_no_contact_or_mail_field():
    names = {field.name.lower() for field in dataclasses.fields(DirectoryEntry)}
    assert not any("contact" in name or "mail" in name for name in names)


@needs_shared
def test_shared_original_parses_without_carrying_personal_data(bundled):
    data = SHARED_CSV.read_bytes()
    entries = parse_directory_csv(data)
    assert len(entries) == 1512
    assert entries == bundled  # dropping CONTACT/MAIL changes nothing the app reads
    rows = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    mails = {row["MAIL"].strip() for row in rows if row["MAIL"].strip()}
    assert mails
    values = {value for entry in entries for value in dataclasses.astuple(entry)}
    assert not mails & values


def test_postcode_zero_becomes_none(bundled):
    zero = [entry for entry in bundled if entry.postal_code is None]
    assert len(zero) == 133  # README: 133 rows with CP "0" or empty
    assert all(entry.postal_code is None or len(entry.postal_code) == 5 for entry in bundled)


def test_row_without_region_still_loads(by_id):
    swenson = by_id["301"]
    assert swenson.name == "The Swenson House"
    assert swenson.region is None
    assert swenson.postal_code == "29770"
    assert swenson.department == "29"


def test_accents_and_typographic_apostrophes_are_intact(bundled, by_id):
    names = {entry.name for entry in bundled}
    assert "L’Inkub" in names
    assert "Centre d’Affaires Ulysse" in names
    assert by_id["2"].name == "Anticafé"
    assert by_id["1"].address == "9 Rue du Petit Châtelier"


def test_first_entry_fields(by_id):
    assert by_id["1"] == DirectoryEntry(
        source_id="1",
        name="ADE Coworking",
        address="9 Rue du Petit Châtelier",
        postal_code="44300",
        commune="Nantes",
        insee_code="44109",
        website="www.ade-coworking.net",
        typology="Tiers lieux à dominante coworking",
        lat=47.245935,
        lon=-1.505602,
        region="Pays de la Loire",
        department="44",
    )


def test_empty_typology_and_commune_fallback(bundled, by_id):
    assert sum(entry.typology is None for entry in bundled) == 49
    assert by_id["185"].commune == "Villefranche-du-Périgord"  # NOMCOM empty -> COMINIT
    assert sum(entry.commune is None for entry in bundled) == 46  # both empty in the source


def test_attribution_names_source_date_and_licence():
    assert "CGET / ANCT" in ATTRIBUTION and "2019" in ATTRIBUTION
    assert "Licence Ouverte 2.0" in ATTRIBUTION


# --- field normalisation ------------------------------------------------------


@pytest.mark.parametrize(
    ("cp", "expected"),
    [("0", None), ("", None), (" 01000 ", "01000"), ("1000", "01000"), ("75010", "75010")],
)
def test_postal_code_normalisation(cp, expected):
    row = f"7,Le Lieu,,{cp},Bourg,0,,,,x,,,"
    (entry,) = parse_directory_csv(csv_bytes(HEADER, row))
    assert entry.postal_code == expected
    assert entry.insee_code is None  # "0" placeholder
    assert entry.commune == "Bourg"
    assert entry.lat is None and entry.lon is None
    assert entry.address is None and entry.region is None


def test_strings_are_stripped_and_optional_columns_may_be_absent():
    data = csv_bytes(
        "ID,NOM_TL,ADRESSE,CP,INSEECOM,NOMCOM,LAT,LONG",
        "  9 ,\u00a0Chez Nous ,  , 35000 ,35238, Rennes ,48.1,-1.68",
    )
    (entry,) = parse_directory_csv(data)
    assert entry.source_id == "9"
    assert entry.name == "Chez Nous"
    assert entry.address is None
    assert entry.commune == "Rennes"
    assert entry.website is None and entry.typology is None and entry.department is None


def test_utf8_bom_is_accepted():
    (entry,) = parse_directory_csv(b"\xef\xbb\xbf" + csv_bytes(HEADER, ROW_OK))
    assert entry.source_id == "1"


def test_semicolon_separated_variant_parses(bundled):
    text = bundled_directory_path().read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    assert parse_directory_csv(out.getvalue().encode("utf-8")) == bundled


def test_semicolon_variant_with_french_decimal_commas():
    data = csv_bytes(
        "ID;NOM_TL;ADRESSE;CP;INSEECOM;NOMCOM;LAT;LONG",
        "3;L’Atelier;2, place d’Armes;69002;69382;Lyon;45,756;4,833",
    )
    (entry,) = parse_directory_csv(data)
    assert entry.address == "2, place d’Armes"
    assert (entry.lat, entry.lon) == (45.756, 4.833)


def test_invalid_coordinates_become_none():
    data = csv_bytes(HEADER, "1,Lieu,,,,,,,,PLACE A LA MAIN,999,,")
    (entry,) = parse_directory_csv(data)
    assert entry.lat is None and entry.lon is None


def test_blank_lines_are_ignored():
    assert len(parse_directory_csv(csv_bytes(HEADER, ROW_OK, "", ""))) == 1


# --- malformed inputs ---------------------------------------------------------


def test_wrong_columns_are_refused():
    message = import_error(csv_bytes("nom,ville,code", "La Fabrique,Nantes,44300"))
    assert "Colonnes manquantes" in message
    for column in REQUIRED_COLUMNS:
        assert column in message
    assert "Format attendu" in message


def test_missing_columns_are_listed():
    message = import_error(csv_bytes("ID,NOM_TL,ADRESSE,CP,INSEECOM,NOMCOM", "1,A,,,,"))
    assert "LAT" in message and "LONG" in message
    assert "NOMCOM," not in message.split(".")[0]  # present columns are not listed


def test_latin1_file_is_refused_with_advice():
    data = (HEADER + "\n" + ROW_OK.replace("La Fabrique", "La Forêt d’été")).encode("cp1252")
    message = import_error(data)
    assert "UTF-8" in message and "ligne 2" in message
    assert "« CSV UTF-8 »" in message


def test_latin1_real_file_is_refused():
    text = bundled_directory_path().read_text(encoding="utf-8")
    assert "n'est pas encodé en UTF-8" in import_error(text.encode("cp1252", errors="replace"))


def test_truncated_file_is_refused():
    data = bundled_directory_path().read_bytes()[:5000]
    assert not data.endswith(b"\n")  # cut in the middle of a row
    message = import_error(data)
    assert "tronqué ou endommagé" in message
    assert message.startswith("Ligne ")


def test_file_cut_inside_a_character_is_reported_as_truncated():
    data = csv_bytes(HEADER, ROW_OK.replace("La Fabrique", "Café"))
    cut = data[: data.index("é".encode()) + 1]
    assert "tronqué" in import_error(cut)


def test_unclosed_quote_is_refused():
    data = csv_bytes(HEADER, '2,"Le Lieu,,,,,,,,,,,', ROW_OK)
    message = import_error(data)
    assert "Ligne" in message and "tronqué ou endommagé" in message


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n  \n"])
def test_empty_file_is_refused(data):
    assert "vide" in import_error(data)


def test_duplicate_id_is_refused():
    message = import_error(csv_bytes(HEADER, ROW_OK, ROW_OK.replace("La Fabrique", "Autre")))
    assert "« 1 »" in message and "Ligne 3" in message and "ligne 2" in message


def test_empty_name_is_refused():
    message = import_error(csv_bytes(HEADER, ROW_OK, "2, ,,,,,,,,,,,"))
    assert "Ligne 3" in message and "nom" in message


def test_nothing_is_returned_when_a_late_row_is_bad():
    text = bundled_directory_path().read_text(encoding="utf-8")
    data = (text + "9999,,,,,,,,,,,,,,,,,,,,,,,,,,,\n").encode("utf-8")
    assert "Ligne 1514" in import_error(data)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(DirectoryImportError, match="introuvable"):
        read_directory_csv(tmp_path / "absent.csv")


def test_directory_instead_of_file_is_refused(tmp_path):
    with pytest.raises(DirectoryImportError, match="Impossible de lire"):
        read_directory_csv(tmp_path)


def test_read_from_disk(tmp_path):
    path = tmp_path / "annuaire.csv"
    path.write_bytes(csv_bytes(HEADER, ROW_OK))
    assert [entry.name for entry in read_directory_csv(path)] == ["La Fabrique"]


def test_the_word_null_is_an_empty_value_not_an_address():
    entries = read_directory_csv(bundled_directory_path())
    renouee = [e for e in entries if e.name.upper() == "LA RENOUEE"]
    assert renouee and renouee[0].address is None
    assert all(e.address != "NULL" for e in entries)
