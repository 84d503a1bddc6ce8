"""The log: a rotating UTF-8 file in the platform's log folder, crash traces next to it."""

from __future__ import annotations

import faulthandler
import logging
import os
import subprocess
import sys
from pathlib import Path

import platformdirs

from desktop.core.diagnostics import log_files
from desktop.core.diagnostics.log_files import start_logging

log = logging.getLogger("carnet.test")


def log_text(folder: Path, name: str = log_files.LOG_NAME) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / name).read_text("utf-8")


def test_the_log_is_written_in_the_platform_log_folder(isolated_logging):
    folder = start_logging()
    assert folder == isolated_logging  # created, though its parents did not exist
    assert folder == Path(platformdirs.user_log_dir("Carnet", appauthor=False))
    log.info("Fiche enregistrée : « Café des Tilleuls »")
    text = log_text(folder)
    assert "Carnet started" in text
    assert "INFO carnet.test [MainThread] Fiche enregistrée : « Café des Tilleuls »" in text


def test_the_log_rotates_and_keeps_five_files(isolated_logging):
    folder = start_logging()
    line = "x" * 999
    for _ in range(6 * log_files.MAX_BYTES // len(line)):
        log.info(line)
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("carnet.log"))
    assert names == ["carnet.log"] + [f"carnet.log.{n}" for n in range(1, 5)]
    assert all((folder / name).stat().st_size <= log_files.MAX_BYTES for name in names)


def test_starting_twice_does_not_write_lines_twice(isolated_logging):
    start_logging()
    folder = start_logging()
    log.warning("une seule fois")
    assert log_text(folder).count("une seule fois") == 1


def test_an_unwritable_log_folder_falls_back_to_stderr(isolated_logging, monkeypatch, capfd):
    blocker = isolated_logging.parents[2] / "not-a-folder"
    blocker.write_text("")  # the folder cannot be created under a file (root ignores modes)
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert start_logging() is None
    log.info("toujours journalisé")
    err = capfd.readouterr().err
    assert "Cannot write the log in" in err and "logging to stderr only" in err
    assert "toujours journalisé" in err
    assert faulthandler.is_enabled()  # to stderr


def test_faulthandler_writes_to_the_crash_log(isolated_logging):
    folder = start_logging()
    assert faulthandler.is_enabled()
    assert log_files._crash_file.name == str(folder / log_files.CRASH_NAME)
    assert not log_files._crash_file.closed


def test_a_hard_crash_leaves_its_trace_in_the_log_folder(isolated_logging):
    code = (
        "import faulthandler\n"
        "from desktop.core.diagnostics.log_files import start_logging\n"
        "start_logging()\n"
        "faulthandler._sigsegv()\n"  # what a crash inside Qt looks like
    )
    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, timeout=60)
    assert result.returncode != 0
    trace = (isolated_logging / log_files.CRASH_NAME).read_text("utf-8")
    assert "Fatal Python error: Segmentation fault" in trace
    assert 'File "<string>", line 4' in trace
