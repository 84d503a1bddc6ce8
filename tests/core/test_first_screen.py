"""The first frame's light read: the venues as the store lists them, the saved language,
and None whenever the workspace must be opened first."""

import sqlite3

from desktop.core.storage import first_screen
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.first_screen import FirstScreen, read_first_screen
from desktop.core.storage.workspace import open_workspace


def folder_with_venues(path):
    workspace = open_workspace(path)
    for name, commune in [
        ("Le Moulin", "Felletin"),
        ("Atelier Zèbre", ""),
        ("La Quincaillerie", "Guéret"),
    ]:
        workspace.store.create_venue({"name": name, "commune": commune})
    gone = workspace.store.create_venue({"name": "Fermé", "commune": "Aubusson"})
    workspace.store.delete_venue(gone.id)
    workspace.set_setting("language", "en")
    listed = workspace.store.list_venues()
    workspace.close()
    return listed


def test_it_lists_the_venues_as_the_store_does_and_the_saved_language(tmp_path):
    listed = folder_with_venues(tmp_path / "d")
    screen = read_first_screen(tmp_path / "d")
    assert screen.venues == listed  # the same order (French sort key), the trash left out
    assert [v.name for v in screen.venues] == ["Atelier Zèbre", "La Quincaillerie", "Le Moulin"]
    assert screen.venue_count == 3
    assert screen.language == "en" and screen.read_only is False


def test_it_reads_the_first_venues_and_counts_them_all(tmp_path, monkeypatch):
    """As short a read with 15,000 venues as with 15: a window's worth, and the count."""
    listed = folder_with_venues(tmp_path / "d")
    monkeypatch.setattr(first_screen, "FIRST_ROWS", 2)
    screen = read_first_screen(tmp_path / "d")
    assert screen.venues == listed[:2] and screen.venue_count == 3  # the trash not counted


def test_a_new_folder_shows_an_empty_list_and_is_not_made_by_the_read(tmp_path):
    assert read_first_screen(tmp_path / "new") == FirstScreen(tmp_path / "new")
    assert not (tmp_path / "new" / DATABASE_NAME).exists()


def test_a_database_of_another_version_waits_for_the_workspace(tmp_path):
    folder_with_venues(tmp_path / "d")
    conn = sqlite3.connect(tmp_path / "d" / DATABASE_NAME)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version - 1}")  # an older Carnet's: migrated first
    conn.close()
    assert read_first_screen(tmp_path / "d") is None


def test_an_unreadable_database_waits_for_the_damage_check(tmp_path):
    folder_with_venues(tmp_path / "d")
    (tmp_path / "d" / DATABASE_NAME).write_bytes(b"\x00\xff pas une base " * 512)
    assert read_first_screen(tmp_path / "d") is None


def test_the_read_writes_nothing(tmp_path):
    folder_with_venues(tmp_path / "d")
    before = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir() if p.is_file()}
    read_first_screen(tmp_path / "d")
    after = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir() if p.is_file()}
    assert after == before
