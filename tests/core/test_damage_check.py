"""The database's check started on a thread at start says what the check in place says."""

from desktop.core.backups.damage import BackgroundCheck, damage_problem
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.workspace import open_workspace


def test_a_sound_base_and_a_missing_one_are_not_damaged(tmp_path):
    open_workspace(tmp_path / "d").close()
    sound = tmp_path / "d" / DATABASE_NAME
    assert BackgroundCheck(sound).problem(sound) is None
    missing = tmp_path / "none" / DATABASE_NAME
    assert BackgroundCheck(missing).problem(missing) is None


def test_a_damaged_base_is_found_on_the_thread(tmp_path):
    open_workspace(tmp_path / "d").close()
    live = tmp_path / "d" / DATABASE_NAME
    live.write_bytes(live.read_bytes()[:8192])  # truncated
    found = BackgroundCheck(live).problem(live)
    assert found and found == damage_problem(live)


def test_asked_about_another_file_it_checks_that_one(tmp_path):
    open_workspace(tmp_path / "sound").close()
    open_workspace(tmp_path / "damaged").close()
    damaged = tmp_path / "damaged" / DATABASE_NAME
    damaged.write_bytes(b"\x00\xff pas une base " * 512)
    check = BackgroundCheck(tmp_path / "sound" / DATABASE_NAME)
    assert check.problem(damaged)  # not the thread's « sound »
