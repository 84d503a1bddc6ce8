"""Names made from user text: accepted by Windows, macOS and Linux alike."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.core.pdf.service import sheet_file_name
from desktop.core.storage.file_names import safe_file_name
from desktop.core.sync.publish import sheet_share_path


def size(name: str) -> int:
    return len(name.encode("utf-8"))


def test_an_ordinary_name_is_kept():
    assert safe_file_name("Café Ô Champ – l'Atelier") == "Café Ô Champ – l'Atelier"


def test_a_decomposed_name_is_stored_composed():
    decomposed = unicodedata.normalize("NFD", "Le Hangar à Vélos")
    assert safe_file_name(decomposed) == unicodedata.normalize("NFC", "Le Hangar à Vélos")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('La <Friche>: "A/B\\C" | 1? *', "La Friche A B C 1"),
        ("Ligne 1\nLigne 2\ttab\x00\x1f\x7f\x85fin", "Ligne 1 Ligne 2 tab fin"),
        ("  ...Le Hangar.  ", "Le Hangar"),
        ("Fin en points...", "Fin en points"),
        (".cache", "cache"),  # a leading dot would hide the file
        ("Plusieurs    espaces", "Plusieurs espaces"),
    ],
)
def test_forbidden_characters_and_ends(text, expected):
    assert safe_file_name(text) == expected


def test_nothing_left_gives_the_fallback():
    assert safe_file_name('<>:"/\\|?* . ') == "sans nom"
    assert safe_file_name("", fallback="lieu") == "lieu"


def test_another_separator_for_spaces():
    assert safe_file_name(" La  Friche. ", space="-") == "La-Friche"
    assert safe_file_name("-a / b-", space="-") == "a-b"


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("CON", "", "CON_"),
        ("con", "", "con_"),
        ("Nul", ".pdf", "Nul_.pdf"),
        ("aux.tar.gz", "", "aux_.tar.gz"),
        ("COM1", "", "COM1_"),
        ("lpt9", ".txt", "lpt9_.txt"),
        ("COM¹", "", "COM¹_"),
        ("CONOUT$", "", "CONOUT$_"),
        ("PRN.", "", "PRN_"),  # the trailing dot goes first
    ],
)
def test_windows_device_names_get_a_mark(text, suffix, expected):
    assert safe_file_name(text, suffix=suffix) == expected


@pytest.mark.parametrize("text", ["CONSEIL", "Console", "COM10", "LPT", "Aux Arts", "NUL-1"])
def test_names_that_only_look_like_devices_are_kept(text):
    assert safe_file_name(text) == text


def test_a_device_name_behind_a_prefix_is_no_device():
    assert safe_file_name("CON", prefix="2025-02-11_", suffix=".pdf") == "2025-02-11_CON.pdf"


@pytest.mark.parametrize("character", ["e", "é", "€", "🌳"])  # 1, 2, 3 and 4 bytes
def test_the_limit_is_in_utf8_bytes_cut_between_characters(character):
    name = safe_file_name(character * 300, max_bytes=80)
    assert size(name) <= 80
    assert set(name) == {character}  # no half character, no replacement mark
    assert size(name) > 80 - len(character.encode()) - 2  # as long as fits


def test_the_default_limit_fits_every_file_system():
    name = safe_file_name("Tiers-lieu très long " * 40)
    assert 250 <= size(name) <= 255
    assert not name.endswith((" ", "."))


def test_prefix_and_suffix_are_kept_whole_when_the_text_is_cut():
    name = safe_file_name("é" * 200, prefix="2025-02-11_", suffix="_visite.pdf", max_bytes=60)
    assert name.startswith("2025-02-11_é") and name.endswith("é_visite.pdf")
    assert size(name) <= 60


def test_a_cut_that_ends_in_spaces_or_dots_drops_them():
    name = safe_file_name("a" * 8 + " . b", max_bytes=12)
    assert name == "a" * 8


# --- the names Carnet makes ---------------------------------------------------------------------


def test_shared_sheet_paths():
    assert sheet_share_path("Le Moulin / Fabrique", "2025-02-11", "Visite", "Zoé") == (
        "Le Moulin Fabrique/2025-02-11 Visite – Zoé.pdf"
    )
    assert sheet_share_path("CON", "", "Visite", "") == (
        "CON_/sans date Visite – auteur inconnu.pdf"
    )
    folder, file_name = sheet_share_path("é" * 100, "2025-02-11", "Visite", "à" * 100).split("/")
    assert size(folder) <= 80 and size(file_name) <= 128 and file_name.endswith("à.pdf")


def test_printed_sheet_names():
    assert sheet_file_name("2025-02-11", "Nul") == "2025-02-11_Nul_visite.pdf"
    name = sheet_file_name("2025-02-11", "Œ" * 200)
    assert name.startswith("2025-02-11_Œ") and name.endswith("Œ_visite.pdf")
    assert size(name) <= 120


def test_invisible_characters_that_change_how_a_name_reads_are_dropped():
    """Found by QA: a venue named « Café \\u202efdp.exe\\u202c » gave a folder shown as
    « Café exe.pdf » in a file manager (a right-to-left override)."""
    name = safe_file_name("Café \u202efdp.exe\u202c", suffix=".pdf")
    assert name == "Café fdp.exe.pdf"
    for mark in ("\u200e", "\u200f", "\u2066", "\u2069", "\ufeff", "\u200b"):
        assert mark not in safe_file_name(f"La{mark}Forge")
