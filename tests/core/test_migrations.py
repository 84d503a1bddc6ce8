"""Older databases open in the newer app with nothing lost; foreign files are refused untouched."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core.data_dir import DATABASE_NAME
from desktop.core.data_service import migrate
from desktop.core.db import DatabaseError, connect, integrity_problems, schema_version
from desktop.core.directory_store import directory_size, replace_directory, search_directory
from desktop.core.migrations import MIGRATIONS
from desktop.core.venue_directory import DirectoryEntry
from desktop.core.workspace import open_workspace

SAVED_V1 = Path(__file__).parent / "data" / "carnet-schema-v1.sqlite"


@pytest.fixture
def v1_workspace(tmp_path):
    """A copy of the database saved by schema version 1, opened by this version."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(SAVED_V1, folder / DATABASE_NAME)  # never open the saved file in place
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    ws = open_workspace(folder)
    yield ws
    ws.close()


def _tables(db) -> list[str]:
    rows = db.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
    return [tuple(r) for r in rows]


def test_a_v1_database_is_upgraded_to_the_latest_schema(v1_workspace):
    assert schema_version(v1_workspace.db) == len(MIGRATIONS)
    assert "directory" in v1_workspace.db.table_names()
    assert integrity_problems(v1_workspace.db) == []


def test_the_v1_data_is_intact(v1_workspace):
    store = v1_workspace.store
    [venue] = store.list_venues()
    assert (venue.name, venue.commune) == ("Le Moulin Fabrique", "Felletin")
    [summary] = store.list_visits(venue.id)
    assert summary.visit_date == "2024-10-03"
    visit = store.get_visit(summary.id)
    assert "économie de la contribution" in visit.data["economic_notes"]
    assert visit.data["actions"][0]["what"] == "Relancer la commune"
    assert visit.errors == {}
    assert set(store.field_stamps(visit.id)) >= {"economic_notes", "actions", "visit_date"}
    [trashed] = store.list_trash()
    assert trashed.kind == "venue" and "Café Ô Champ" in trashed.label
    assert [h.visit_id for h in store.search_visits("contribution")] == [visit.id]
    assert [v.name for v in store.list_venues("felletin")] == ["Le Moulin Fabrique"]


def test_the_v1_database_keeps_its_device_and_can_be_edited(v1_workspace):
    store = v1_workspace.store
    assert store.author.device_id == "5776a4dc5905"
    [summary] = store.list_visits()
    old_stamp = store.field_stamps(summary.id)["legal_form"]["stamp"]
    store.update_visit(summary.id, {"legal_form": "scop"})
    assert store.get_visit(summary.id).data["legal_form"] == "scop"
    assert store.field_stamps(summary.id)["legal_form"]["stamp"] > old_stamp
    store.restore_venue(store.list_trash()[0].id)
    assert [v.name for v in store.list_venues()] == ["Café Ô Champ", "Le Moulin Fabrique"]


def test_the_new_directory_table_is_usable_after_upgrade(v1_workspace):
    entry = DirectoryEntry(
        "42", "La Quincaillerie", "2 rue de la Gare", "23000", "Guéret", "23096",
        None, "Coworking", 46.17, 1.87, "Nouvelle-Aquitaine", "23",
    )  # fmt: skip
    assert replace_directory(v1_workspace, [entry]) == 1
    assert directory_size(v1_workspace.db) == 1
    assert search_directory(v1_workspace.db, "quincaillerie gueret") == [entry]


def test_step_by_step_migration_equals_direct_migration(tmp_path):
    stepwise = connect(tmp_path / "stepwise.sqlite")
    assert migrate(stepwise, target=1) == 1
    assert "directory" not in stepwise.table_names()
    assert migrate(stepwise) == len(MIGRATIONS)
    direct = connect(tmp_path / "direct.sqlite")
    assert migrate(direct) == len(MIGRATIONS)
    assert _tables(stepwise) == _tables(direct)
    assert len(_tables(direct)) > 10
    assert migrate(direct) == len(MIGRATIONS)  # nothing left to do: no error, no change
    assert _tables(stepwise) == _tables(direct)
    stepwise.conn.close()
    direct.conn.close()


def test_a_database_from_a_newer_version_is_refused_in_french(tmp_path):
    folder = tmp_path / "data"
    open_workspace(folder).close()
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(DatabaseError) as info:
        open_workspace(folder)
    message = str(info.value)
    assert "version plus récente de Carnet" in message
    assert "Mettez Carnet à jour" in message
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 5
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    garbage = b"Ceci n'est pas une base SQLite.\n" + os.urandom(8192)
    (folder / DATABASE_NAME).write_bytes(garbage)
    with pytest.raises(DatabaseError) as info:
        open_workspace(folder)
    assert "illisible ou endommagée" in str(info.value)
    assert (folder / DATABASE_NAME).read_bytes() == garbage
    # Not left open either: the user can move the damaged file away (Windows locks open files).
    assert _open_handles_to(folder / DATABASE_NAME) == []


def _open_handles_to(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("no /proc/self/fd on this system")
    targets = []
    for fd in fds.iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:
            continue
    return [t for t in targets if t == str(path.resolve())]


def test_a_good_database_has_no_integrity_problem(workspace, visit):
    assert integrity_problems(workspace.db) == []


SAVED_V2 = Path(__file__).parent / "data" / "carnet-schema-v2.sqlite"


def test_a_v2_database_gets_sort_keys_and_lists_venues_the_french_way(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(SAVED_V2, folder / DATABASE_NAME)
    with sqlite3.connect(folder / DATABASE_NAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    ws = open_workspace(folder)
    try:
        assert schema_version(ws.db) == len(MIGRATIONS)
        names = [v.name for v in ws.store.list_venues()]
        assert names == ["Écluse", "Le Moulin Fabrique"]  # « Café Ô Champ » is in the trash
        assert directory_size(ws.db) == 50  # the directory loaded under v2 is kept
        plan = " ".join(str(r) for r in ws.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, name, commune FROM venues "
            "WHERE deleted_at IS NULL ORDER BY sort_key"
        ))  # fmt: skip
        assert "venues_by_sort_key" in plan and "TEMP B-TREE" not in plan
        ws.store.create_venue({"name": "Dune", "commune": "Guéret"})
        assert [v.name for v in ws.store.list_venues()] == ["Dune", "Écluse", "Le Moulin Fabrique"]
    finally:
        ws.close()


def test_migration_3_computes_with_its_own_frozen_sort_key(tmp_path, monkeypatch):
    """Changing the live text.fold later must not change what migration 3 writes."""
    from desktop.core import text

    db = connect(tmp_path / "v2.sqlite")
    migrate(db, target=2)
    db.conn.execute(
        "INSERT INTO venues(id, name, commune) VALUES ('a', 'Œuvre Écluse', 'Guéret'), ('b', NULL, NULL)"
    )
    monkeypatch.setattr(text, "fold", lambda s: "changed")
    monkeypatch.setattr(text, "venue_sort_key", lambda name, commune: "changed")
    migrate(db, target=3)
    keys = dict(db.conn.execute("SELECT id, sort_key FROM venues"))
    assert keys == {"a": "oeuvre ecluse\x1fgueret", "b": "\x1f"}
    db.conn.close()
