"""Annuaire des tiers-lieux : lecture de la base nationale CGET / ANCT (2019).

Qt-free on purpose so that it can be tested and reused without a display.
Import is all-or-nothing: a damaged file must never yield a half-loaded directory.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import RESOURCES

ATTRIBUTION = (
    "Source : CGET / ANCT, base des tiers-lieux (Mission Coworking), données 2019, "
    "Licence Ouverte 2.0"
)

REQUIRED_COLUMNS: tuple[str, ...] = (
    "ID",
    "NOM_TL",
    "ADRESSE",
    "CP",
    "INSEECOM",
    "NOMCOM",
    "LAT",
    "LONG",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("COMINIT", "WEB", "TYPO", "NOMREG", "INSEEDEP")
# CONTACT and MAIL name people (RGPD): they are deliberately never read.

_EXPECTED_FORMAT = (
    "Format attendu : la base des tiers-lieux CGET / ANCT (CSV UTF-8, une ligne "
    f"d'en-tête avec au moins les colonnes {', '.join(REQUIRED_COLUMNS)})."
)
_BUNDLED_NAME = "tiers-lieux-cget-2019.csv"


class DirectoryImportError(ValueError):
    """Import refused; str() is a French message meant for the user."""


@dataclass(frozen=True)
class DirectoryEntry:
    source_id: str
    name: str
    address: str | None
    postal_code: str | None
    commune: str | None
    insee_code: str | None
    website: str | None
    typology: str | None
    lat: float | None
    lon: float | None
    region: str | None
    department: str | None


def bundled_directory_path() -> Path:
    """Path of the copy shipped with the app (without CONTACT / MAIL)."""
    return RESOURCES / "venues" / _BUNDLED_NAME


def read_directory_csv(path: str | Path) -> list[DirectoryEntry]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DirectoryImportError(f"Fichier introuvable : {path}") from None
    except OSError as exc:
        raise DirectoryImportError(
            f"Impossible de lire le fichier {path} : {exc.strerror or exc}"
        ) from None
    return parse_directory_csv(data)


def parse_directory_csv(data: bytes) -> list[DirectoryEntry]:
    text = _decode(data)
    if not text.strip():
        raise DirectoryImportError("Le fichier est vide : aucune ligne à importer.")
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text), strict=True
    )
    try:
        return _read_entries(reader)
    except csv.Error as exc:
        # csv's own message is English and technical; keep it only as the chained cause.
        raise DirectoryImportError(
            f"Ligne {reader.line_num} : le fichier semble tronqué ou endommagé "
            "(guillemet non fermé ou caractère interdit)."
        ) from exc


# --- decoding and structure ---------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # Excel adds a BOM to « CSV UTF-8 » exports
    except UnicodeDecodeError as exc:
        # A cut in the middle of a multi-byte character is a truncation, not a wrong encoding.
        if exc.end >= len(data) and exc.reason == "unexpected end of data":
            raise DirectoryImportError(
                "Le fichier semble tronqué ou endommagé : il s'arrête au milieu d'un caractère."
            ) from None
        line = data[: exc.start].count(b"\n") + 1
        raise DirectoryImportError(
            f"Le fichier n'est pas encodé en UTF-8 (caractère invalide ligne {line}). "
            "Ouvrez-le dans votre tableur et enregistrez-le à nouveau au format « CSV UTF-8 »."
        ) from None


def _sniff_delimiter(text: str) -> str:
    # Only the header is looked at: data rows contain commas in quoted values
    # ("7027,81283976"), which would fool csv.Sniffer.
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _read_entries(reader) -> list[DirectoryEntry]:
    header = [column.strip() for column in next(reader)]
    _check_header(header)
    entries: list[DirectoryEntry] = []
    seen_ids: dict[str, int] = {}
    for row in reader:
        if not any(field.strip() for field in row):
            continue  # blank lines (often trailing) carry nothing
        line = reader.line_num
        if len(row) != len(header):
            raise DirectoryImportError(
                f"Ligne {line} : {len(row)} champ(s) au lieu des {len(header)} attendus. "
                "Le fichier semble tronqué ou endommagé (guillemet non fermé ?)."
            )
        entry = _make_entry(dict(zip(header, row, strict=True)), line)
        _check_unique(entry.source_id, line, seen_ids)
        entries.append(entry)
    return entries


def _check_header(header: Sequence[str]) -> None:
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise DirectoryImportError(
            f"Colonnes manquantes dans l'en-tête : {', '.join(missing)}. {_EXPECTED_FORMAT}"
        )


def _check_unique(source_id: str, line: int, seen_ids: dict[str, int]) -> None:
    # Duplicate IDs would make later updates ambiguous, so the whole file is refused.
    if source_id in seen_ids:
        raise DirectoryImportError(
            f"Ligne {line} : l'identifiant (ID) « {source_id} » figure déjà "
            f"ligne {seen_ids[source_id]}. Chaque tiers-lieu doit avoir un ID unique."
        )
    seen_ids[source_id] = line


# --- one row ------------------------------------------------------------------


def _make_entry(record: Mapping[str, str], line: int) -> DirectoryEntry:
    source_id = _text(record, "ID")
    if source_id is None:
        raise DirectoryImportError(f"Ligne {line} : l'identifiant (colonne ID) est vide.")
    name = _text(record, "NOM_TL")
    if name is None:
        raise DirectoryImportError(
            f"Ligne {line} : le nom du tiers-lieu (colonne NOM_TL) est vide."
        )
    return DirectoryEntry(
        source_id=source_id,
        name=name,
        address=_text(record, "ADRESSE"),
        postal_code=_postal_code(_text(record, "CP")),
        commune=_text(record, "NOMCOM") or _text(record, "COMINIT"),
        insee_code=_insee_code(_text(record, "INSEECOM")),
        website=_text(record, "WEB"),
        typology=_text(record, "TYPO"),
        lat=_coordinate(_text(record, "LAT"), limit=90.0),
        lon=_coordinate(_text(record, "LONG"), limit=180.0),
        region=_text(record, "NOMREG"),
        department=_text(record, "INSEEDEP"),
    )


def _text(record: Mapping[str, str], column: str) -> str | None:
    # str.strip() also removes the non-breaking spaces found in some names.
    value = (record.get(column) or "").strip()
    # One row of the 2019 list spells an empty address as the word NULL.
    return value if value and value.upper() != "NULL" else None


def _postal_code(value: str | None) -> str | None:
    # The source uses "0" for "unknown"; spreadsheets drop the leading zero ("1000").
    if value is None or value == "0":
        return None
    if value.isdigit() and len(value) == 4:
        return value.zfill(5)
    return value


def _insee_code(value: str | None) -> str | None:
    # Same "0" placeholder as CP (157 rows in the 2019 file).
    return None if value == "0" else value


def _coordinate(value: str | None, *, limit: float) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.replace(",", "."))  # French spreadsheets write 45,75
    except ValueError:
        return None
    if not math.isfinite(number) or abs(number) > limit:
        return None
    return number
