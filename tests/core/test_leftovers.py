"""Temp files of interrupted writes (attach, backup, restore, pdf --all, sync) go later."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from desktop.core.storage.files import atomic_target
from desktop.core.storage.leftovers import OURS
from tests.headless import run_carnet as carnet


def leftover(folder: Path, prefix: str, suffix: str = ".tmp", age_s: float = 3600) -> Path:
    """A temp file as mkstemp made it for an interrupted write, age_s old."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    os.write(handle, b"partial")
    os.close(handle)
    when = time.time() - age_s
    os.utime(name, (when, when))
    return Path(name)


def test_the_pattern_is_the_one_atomic_writes_use(tmp_path):
    with pytest.raises(RuntimeError), atomic_target(tmp_path / "fiche.pdf") as temporary:
        assert OURS.match(temporary.name)
        raise RuntimeError("interrupted")
    assert not OURS.match("fiche.pdf") and not OURS.match(".syncthing.x.json.tmp")


def test_the_next_start_removes_old_leftovers_and_keeps_the_rest(tmp_path):
    data = tmp_path / "data"
    assert carnet(data, "new-venue", "--name", "Le Relais").returncode == 0
    gone = [
        leftover(data / "media" / "print" / "ab", ".abcdef.jpg."),  # an interrupted attach
        leftover(data / "backups", ".carnet-2026-11-30T101010.sqlite."),  # a backup
        leftover(data, ".carnet-restauration-", ".sqlite"),  # a restore
        leftover(data, ".carnet-restauration-", ".sqlite-wal"),  # its copy, being merged
        leftover(data, ".carnet-restauration-", ".sqlite-shm"),
    ]
    young = leftover(data / "media" / "print" / "ab", ".fedcba.jpg.", age_s=5)  # in progress
    someone_elses = data / "media" / "notes.tmp"
    someone_elses.write_text("x")
    assert carnet(data, "list").returncode == 0
    assert not [path for path in gone if path.exists()]
    assert young.exists() and someone_elses.exists()


def test_a_sync_pass_and_pdf_all_remove_theirs(tmp_path):
    data, share = tmp_path / "data", tmp_path / "partage"
    share.mkdir()
    venue = carnet(data, "new-venue", "--name", "Le Relais").stdout.strip()
    carnet(data, "new-visit", venue, "--date", "2026-11-20")
    assert carnet(data, "sync", "--shared", str(share)).returncode == 0
    [own] = (share / "Carnet" / "devices").iterdir()
    gone = [
        leftover(own / "records" / "visits", ".abc.json."),
        leftover(own / "media", ".0123.jpg."),
        leftover(share / "Carnet" / "Fiches" / "Le Relais", ".2026-11-20 Visite.pdf."),
        leftover(tmp_path / "fiches", ".2026-11-20_Le-Relais_visite.pdf."),
    ]
    assert carnet(data, "sync").returncode == 0
    assert carnet(data, "pdf", "--all", "-o", str(tmp_path / "fiches")).returncode == 0
    assert not [path for path in gone if path.exists()]
