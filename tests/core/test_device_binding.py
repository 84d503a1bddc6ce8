"""One device id is never used by two computers at once (core/storage/device_binding.py):
real data folders, real backups, « another computer » played by another machine folder."""

from __future__ import annotations

import shutil

import pytest

from desktop.core.backups.making import write_backup
from desktop.core.backups.restore import restore
from desktop.core.storage import device_binding
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.identity import set_identity
from desktop.core.storage.resigning import resign_all
from desktop.core.storage.workspace import open_workspace


@pytest.fixture
def another_computer(monkeypatch, tmp_path):
    """Switch to another computer: from then on, opening a folder happens there."""

    def switch(name: str = "autre-poste") -> None:
        monkeypatch.setenv(device_binding.MACHINE_DIR_ENV, str(tmp_path / name))

    return switch


def stamps_by_device(workspace) -> dict[str, str]:
    rows = workspace.db.conn.execute("SELECT field, device_id FROM field_stamps")
    return dict(rows.fetchall())


def test_reopened_on_its_own_computer_and_folder_it_keeps_its_id(tmp_path):
    folder = tmp_path / "donnees"
    first = open_workspace(folder)
    device = first.store.author.device_id
    first.close()
    again = open_workspace(folder)
    assert again.store.author.device_id == device
    assert device_binding.moved_notice(again.db) is None
    again.close()


def test_opened_on_another_computer_it_takes_a_fresh_id_and_keeps_every_stamp(
    tmp_path, another_computer
):
    folder = tmp_path / "donnees"
    laptop = open_workspace(folder)
    old = laptop.store.author.device_id
    venue = laptop.store.create_venue({"name": "La Ferme de Chassagne"})
    laptop.close()

    another_computer()
    moved = open_workspace(folder)
    fresh = moved.store.author.device_id
    assert fresh and fresh != old
    assert set(stamps_by_device(moved).values()) == {old}  # history stays the old id's
    assert device_binding.moved_notice(moved.db) == {"before": old, "after": fresh}
    moved.store.update_venue(venue.id, {"commune": "Chassagne"})
    assert stamps_by_device(moved)["commune"] == fresh
    moved.close()

    again = open_workspace(folder)  # on that computer from now on: it stays fresh
    assert again.store.author.device_id == fresh
    again.close()


def test_a_copied_data_folder_takes_a_fresh_id_and_the_original_keeps_its_own(tmp_path):
    original = open_workspace(tmp_path / "donnees")
    device = original.store.author.device_id
    original.close()
    shutil.copytree(tmp_path / "donnees", tmp_path / "copie")
    copy = open_workspace(tmp_path / "copie")
    original = open_workspace(tmp_path / "donnees")
    assert copy.store.author.device_id != device
    assert original.store.author.device_id == device
    copy.close()
    original.close()


def test_an_older_database_is_adopted_where_it_is_first_opened(tmp_path):
    folder = tmp_path / "donnees"
    workspace = open_workspace(folder)
    device = workspace.store.author.device_id
    workspace.service.call(
        lambda w: w.db.conn.execute("DELETE FROM meta WHERE key = ?", (device_binding.HOME_KEY,))
    )
    workspace.close()
    again = open_workspace(folder)
    assert again.store.author.device_id == device
    assert again.setting(device_binding.HOME_KEY)
    assert device_binding.moved_notice(again.db) is None
    again.close()


def test_restoring_its_own_backup_keeps_the_id(tmp_path):
    workspace = open_workspace(tmp_path / "donnees")
    device = workspace.store.author.device_id
    copy = tmp_path / "cle.sqlite"
    write_backup(workspace.data_dir / DATABASE_NAME, copy)
    db_path = workspace.data_dir / DATABASE_NAME
    restore(copy, db_path, tmp_path / "sauvegardes", service=workspace.service)
    assert workspace.store.author.device_id == device
    assert device_binding.moved_notice(workspace.db) is None
    workspace.close()


def test_a_backup_from_another_laptop_restored_in_the_open_app_writes_under_a_fresh_id(
    tmp_path,
):
    laptop = open_workspace(tmp_path / "portable")
    venue = laptop.store.create_venue({"name": "Le Tiers-Lieu du Moulin"})
    copy = tmp_path / "cle.sqlite"
    write_backup(laptop.data_dir / DATABASE_NAME, copy)
    laptop_id = laptop.store.author.device_id
    laptop.close()

    office = open_workspace(tmp_path / "bureau")
    office_id = office.store.author.device_id
    restore(copy, office.data_dir / DATABASE_NAME, tmp_path / "sauvegardes", service=office.service)
    now = office.store.author.device_id
    assert now not in (laptop_id, office_id)  # neither the laptop's nor the replaced one's
    office.store.update_venue(venue.id, {"commune": "Moulins"})
    assert stamps_by_device(office) == {"name": laptop_id, "commune": now}
    assert device_binding.moved_notice(office.db)["before"] == laptop_id
    office.close()


def test_the_computer_id_is_made_once_and_kept_outside_the_data_folder(tmp_path, another_computer):
    another_computer("poste")
    first = device_binding.machine_id()
    assert first == device_binding.machine_id()
    assert (tmp_path / "poste" / device_binding.MACHINE_FILE).read_text() == first


def test_a_new_name_re_signs_the_visits_made_here_under_the_former_id(tmp_path):
    laptop = open_workspace(tmp_path / "portable")
    set_identity(laptop, "Alice")
    venue = laptop.store.create_venue({"name": "La Ferme de Chassagne"})
    visit = laptop.store.create_visit(venue.id, "2026-10-13")
    copy = tmp_path / "cle.sqlite"
    write_backup(laptop.data_dir / DATABASE_NAME, copy)
    laptop.close()
    office = open_workspace(tmp_path / "bureau")
    restore(copy, office.data_dir / DATABASE_NAME, tmp_path / "sauvegardes", service=office.service)
    assert set_identity(office, "Alice Martin")  # visits wait: the job re-signs them
    assert resign_all(office) == 1
    assert office.store.get_visit(visit.id).author == "Alice Martin"
    office.close()
