"""Names from every class a colleague's system refuses, through sync, pdf and pdf --all."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pathvalidate import validate_filename

from desktop.core.storage.file_names import name_key
from tests.headless import run_carnet as carnet

NAMES = [
    "CON",  # Windows devices, with or without an extension
    "com1.txt",
    "nul .pdf",
    'La <Friche>: "A/B\\C" | 1? *',  # forbidden characters
    "Le Hangar. . ",  # trailing dots and spaces
    "מרכז קהילתי " * 30,  # Hebrew: two bytes a letter, far over 255 bytes
    "🌳" * 90,  # four bytes and two UTF-16 units a character
    unicodedata.normalize("NFD", "Café déjà vu"),  # as macOS types it
    "Lieu",
    "lieu",  # differs only by case
]


def _valid(folder: Path) -> list[Path]:
    """Every file under folder; each part of its path valid on every system, unique
    among its siblings ignoring case, NFC."""
    files = []
    for path in folder.rglob("*"):
        part = path.name
        validate_filename(part, platform="universal")
        assert len(part.encode("utf-8")) <= 255 and unicodedata.is_normalized("NFC", part)
        siblings = [p.name for p in path.parent.iterdir()]
        assert len({name_key(n) for n in siblings}) == len(siblings), siblings
        if path.is_file():
            assert len(str(path.relative_to(folder.parent))) < 195  # Windows' path budget
            files.append(path)
    return files


def _make_visits(data: Path) -> list[str]:
    visits = []
    for name in NAMES:
        venue = carnet(data, "new-venue", "--name", name).stdout.strip()
        visits.append(carnet(data, "new-visit", venue, "--date", "2026-11-20").stdout.strip())
    # two visits of one venue on one day, by the same author
    visits.append(carnet(data, "new-visit", venue, "--date", "2026-11-20").stdout.strip())
    return visits


def test_names_round_trip_through_sync_and_pdf(tmp_path):
    alice, bob, share = tmp_path / "alice", tmp_path / "bob", tmp_path / "partage"
    share.mkdir()
    visits = _make_visits(alice)
    result = carnet(alice, "sync", "--shared", str(share))
    assert result.returncode == 0 and "Échec" not in result.stdout, result.stdout
    assert f"{len(NAMES) * 2 + 1} enregistrement(s), 0 média(s), {len(visits)} PDF" in result.stdout
    sheets = _valid(share / "Carnet" / "Fiches")
    assert len(sheets) == len(visits)
    assert carnet(alice, "sync").stdout.startswith(
        "Publié : 0 enregistrement(s), 0 média(s), 0 PDF"
    )
    assert "Importé : 21 nouveau(x)" in carnet(bob, "sync", "--shared", str(share)).stdout

    result = carnet(alice, "pdf", "--all", "-o", str(tmp_path / "toutes"))
    assert result.returncode == 0, result.stderr
    assert len(_valid(tmp_path / "toutes")) == len(visits)

    one_by_one = tmp_path / "une-a-une"
    for visit in visits:  # a folder that does not exist yet: the slash says it is one
        result = carnet(alice, "pdf", visit, "-o", f"{one_by_one}/")
        assert result.returncode == 0, result.stderr
    assert len(_valid(one_by_one)) == len(visits)  # none overwrote another


def test_an_existing_folder_or_a_file_name_for_pdf_o(tmp_path):
    data = tmp_path / "data"
    venue = carnet(data, "new-venue", "--name", "Le Relais").stdout.strip()
    visit = carnet(data, "new-visit", venue, "--date", "2026-11-20").stdout.strip()
    (tmp_path / "existant").mkdir()
    assert carnet(data, "pdf", visit, "-o", str(tmp_path / "existant")).returncode == 0
    assert [p.name for p in (tmp_path / "existant").iterdir()] == [
        "2026-11-20_Le-Relais_visite.pdf"
    ]
    assert carnet(data, "pdf", visit, "-o", str(tmp_path / "fiche.pdf")).returncode == 0
    assert (tmp_path / "fiche.pdf").is_file()
