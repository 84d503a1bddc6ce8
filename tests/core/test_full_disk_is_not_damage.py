"""A full disk is no damaged database (found by QA on a 3 MB tmpfs).

With no byte free, opening the sound database fails with SQLite's « disk I/O error » (it
cannot make its -shm file). Carnet called the base « endommagée » and offered, as the
default button, to set it aside and start empty: the next start, with room again, showed
an empty Carnet. Now the start says the disk is full and changes nothing.

No tmpfs in a test: the disk is made « full » for one process with RLIMIT_FSIZE (a file
may not grow beyond 2 bytes), which gives SQLite the same error.
"""

from __future__ import annotations

import pytest

from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace
from tests.headless import run_python

WITH_NO_ROOM = """
import resource, signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from pathlib import Path
from desktop.core.storage.db import DatabaseError
resource.setrlimit(resource.RLIMIT_FSIZE, (2, resource.RLIM_INFINITY))
try:
    {call}
    print("OPENED")
except DatabaseError as error:
    print("REFUSED:", error)
"""
CALLS = {
    "the quick check": (
        "from desktop.core.backups.damage import damage_problem\n"
        "    print(repr(damage_problem(Path({path!r}))))"
    ),
    "the start": (
        "from desktop.ui.dialogs.damaged_start import open_or_recover\n"
        "    open_or_recover(Path({folder!r}), ask=lambda *a: print('ASKED') or True,"
        " inform=print)"
    ),
}


@pytest.fixture
def sound_folder(tmp_path):
    workspace = open_workspace(tmp_path / "d")
    venue = workspace.store.create_venue({"name": "La Ferme de Chassagne"})
    workspace.store.create_visit(venue.id, "2026-10-13")
    workspace.close()
    assert not (tmp_path / "d" / f"{DATABASE_NAME}-shm").exists()  # closed cleanly
    return tmp_path / "d"


@pytest.mark.parametrize("call", CALLS)
def test_a_sound_database_on_a_full_disk_is_refused_not_set_aside(sound_folder, call):
    live = sound_folder / DATABASE_NAME
    code = CALLS[call].format(path=str(live), folder=str(sound_folder))
    result = run_python(WITH_NO_ROOM.format(call=code))
    assert result.returncode == 0, result.stderr
    assert "ASKED" not in result.stdout  # never offered to set it aside
    assert "REFUSED: Carnet ne peut pas ouvrir sa base de données" in result.stdout
    assert "libérez de la place" in result.stdout
    names = {p.name for p in sound_folder.iterdir()}
    assert DATABASE_NAME in names and not any("endommag" in name for name in names)
    workspace = open_workspace(sound_folder)  # with room again: everything is there
    assert [v.name for v in workspace.store.list_venues()] == ["La Ferme de Chassagne"]
    workspace.close()


CLI_WITH_NO_ROOM = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (2, resource.RLIM_INFINITY))
from desktop.entry import run
sys.exit(run(["--data-dir", {folder!r}, {command!r}]))
"""


@pytest.mark.parametrize("command", ["list", "check"])
def test_a_command_on_a_full_disk_says_so_in_french_and_nothing_else(sound_folder, command):
    result = run_python(CLI_WITH_NO_ROOM.format(folder=str(sound_folder), command=command))
    assert result.returncode == 2
    assert result.stderr.startswith("Erreur : Carnet ne peut pas ouvrir sa base de données")
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    assert "endommag" not in result.stdout


def test_a_database_locked_by_another_program_is_said_so_not_damaged(sound_folder):
    """Found by QA: another program holding a write lock for more than 5 s made the start
    show « Une erreur inattendue » and the commands call the base damaged."""
    import sqlite3

    from desktop.core.storage.db import DatabaseError
    from desktop.ui.dialogs.damaged_start import open_or_recover

    holder = sqlite3.connect(sound_folder / DATABASE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as refused:
            open_or_recover(sound_folder, ask=lambda *a: pytest.fail("offered to set aside"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "la base est occupée par un autre programme" in str(refused.value)
    assert "fermez l'autre programme" in str(refused.value)
    assert not any("endommag" in p.name for p in sound_folder.iterdir())
