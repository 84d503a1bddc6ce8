"""Every headless command on a database damaged in its middle: French words, exit 2."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from desktop.core.storage.workspace import open_workspace
from tests.headless import run_carnet as carnet

PAGE = 4096


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    """A real data folder with enough visits for pages in the middle, and a backup."""
    folder = tmp_path_factory.mktemp("sain") / "data"
    ws = open_workspace(folder)
    for n in range(60):
        venue = ws.store.create_venue({"name": f"Lieu {n} " + "x" * 200, "commune": "Guéret"})
        visit = ws.store.create_visit(venue.id, "2026-11-20")
        ws.store.update_visit(visit.id, {"strengths": "Un texte assez long. " * 150})
    ws.close()
    assert carnet(folder, "backup").returncode == 0
    return folder


def damaged_copy(healthy, target):
    shutil.copytree(healthy, target)
    path = target / "carnet.sqlite"
    pages = os.path.getsize(path) // PAGE
    assert pages > 40
    with open(path, "r+b") as stream:  # eight pages in the middle overwritten
        for page in range(pages // 3, pages // 3 + 8):
            stream.seek(page * PAGE)
            stream.write(os.urandom(PAGE))
    return target


COMMANDS = [
    ["list"],
    ["show", "abc"],
    ["check"],
    ["conflicts"],
    ["new-venue", "--name", "Le Relais"],
    ["new-visit", "abc"],
    ["set", "abc", "visit_type=suivi"],
    ["export", "--format", "json", "-o", "{tmp}/export.json"],
    ["export", "--format", "xlsx", "-o", "{tmp}/export.xlsx"],
    ["import", "{tmp}/export.json"],
    ["import-venues", "{tmp}/lieux.csv"],
    ["attach", "abc", "{tmp}/photo.jpg"],
    ["attach-document", "abc", "{tmp}/statuts.pdf"],
    ["pdf", "abc", "-o", "{tmp}/fiche.pdf"],
    ["pdf", "--all", "-o", "{tmp}/fiches"],
    ["sync", "--shared", "{tmp}/partage"],
    ["backup"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_damaged_database_is_named_with_what_to_do(healthy, tmp_path, command):
    data = damaged_copy(healthy, tmp_path / "data")
    (tmp_path / "partage").mkdir()
    for name in ("export.json", "lieux.csv", "photo.jpg", "statuts.pdf"):
        (tmp_path / name).write_bytes(b"x")
    before = (data / "carnet.sqlite").read_bytes()
    result = carnet(data, *(part.format(tmp=tmp_path) for part in command))
    assert result.returncode == 2, result.stdout + result.stderr
    words = result.stdout + result.stderr
    assert "Traceback" not in words
    assert f"« {data / 'carnet.sqlite'} » est endommagée" in words
    assert "restore" in words and "carnet-" in words  # the backup to restore, named
    assert (data / "carnet.sqlite").read_bytes() == before  # nothing written into it
    if command == ["check"]:
        assert result.stdout.startswith("Problème : La base de données")


def test_text_that_is_no_longer_utf8_is_told_too(healthy, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(healthy, data)
    with sqlite3.connect(data / "carnet.sqlite") as conn:
        conn.execute("UPDATE venues SET name = CAST(x'4cc3' AS TEXT)")
    result = carnet(data, "list")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "est endommagée" in result.stderr and "restore" in result.stderr


def test_restore_then_brings_the_data_back(healthy, tmp_path):
    data = damaged_copy(healthy, tmp_path / "data")
    [backup] = (data / "backups").glob("carnet-*.sqlite")
    result = carnet(data, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    listed = carnet(data, "list")
    assert listed.returncode == 0 and listed.stdout.count("Lieu ") == 60
