"""Backups that always restore: real SQLite files, a writer that does not stop, fixed dates."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import threading
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.core.backups import info as backup_info
from desktop.core.backups import making as backup
from desktop.core.backups import recovery as backup_recovery
from desktop.core.backups import restore as backup_restore
from desktop.core.backups.making import BackupError
from desktop.core.media.documents import DocumentLibrary
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.migrations import MIGRATIONS
from desktop.core.storage.workspace import open_workspace

DATA = Path(__file__).with_name("data")


def db_path(workspace) -> Path:
    return workspace.data_dir / DATABASE_NAME


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def visit_ids(path: Path, where: str = "1") -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        return {row[0] for row in conn.execute(f"SELECT id FROM visits WHERE {where}")}
    finally:
        conn.close()


def test_backup_while_another_connection_keeps_writing_restores_every_committed_visit(
    workspace, venue, tmp_path
):
    folder = tmp_path / "sauvegardes"
    committed: list[str] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def write_visits() -> None:
        writer = open_workspace(workspace.data_dir)  # its own connection, like the app's
        try:
            while not stop.is_set():
                visit = writer.store.create_visit(venue.id, "2025-03-14", carry_over=False)
                writer.store.update_visit(visit.id, {"strengths": "Équipe soudée " * 20})
                committed.append(visit.id)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            writer.close()

    thread = threading.Thread(target=write_visits)
    thread.start()
    try:
        taken = []
        while len(taken) < 5:
            if len(committed) > 20 * (len(taken) + 1):
                before = set(committed)  # committed before this backup started
                info = backup.make_backup(db_path(workspace), folder, label="")
                taken.append((info, before))
    finally:
        stop.set()
        thread.join()
    assert not errors, errors
    assert len({info.path for info, _ in taken}) == 5
    for info, before in taken:
        assert integrity(info.path) == ["ok"]
        assert before <= visit_ids(info.path)
    # Restoring the last one into the live file (writer stopped): sound, and complete.
    last, before = taken[-1]
    backup_restore.restore(last.path, db_path(workspace), folder)
    assert integrity(db_path(workspace)) == ["ok"]
    assert before <= visit_ids(db_path(workspace))
    live = "deleted_at IS NULL"
    assert visit_ids(db_path(workspace), live) == visit_ids(last.path)
    # The visits written after that backup are in the trash (restore_sync), not lost.
    later = visit_ids(db_path(workspace)) - visit_ids(last.path)
    assert later == visit_ids(db_path(workspace), "deleted_at IS NOT NULL")


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def test_rotation_keeps_the_last_7_days_of_use_and_4_weeks():
    stamps = [at(f"2025-03-{day:02d} 09:00") for day in range(1, 15)]  # Sat 1 .. Fri 14 March
    stamps += [at("2025-03-14 17:00"), at("2025-02-10 09:00"), at("2025-01-15 09:00")]
    found = [(Path(backup.backup_name(when)), when, "") for when in stamps]
    kept = {path.name for path in backup.kept_by_rotation(found)}
    daily = {backup.backup_name(at(f"2025-03-{day:02d} 09:00")) for day in range(8, 14)}
    daily.add(backup.backup_name(at("2025-03-14 17:00")))  # the newest of that day
    daily.add(backup.backup_name(at("2025-03-14 09:00")))  # one of the 5 most recent
    weekly = {  # ISO weeks 11 and 10 are in the daily ones; 9 and 7 add their newest
        backup.backup_name(at("2025-03-02 09:00")),
        backup.backup_name(at("2025-02-10 09:00")),
    }
    assert kept == daily | weekly


def test_rotation_counts_days_of_use_not_calendar_days():
    """Back from three weeks away: the seven backups before the holiday are still there."""
    days = ["2025-06-02", "2025-06-03", "2025-06-04", "2025-06-05", "2025-06-06",
            "2025-06-09", "2025-06-10", "2025-07-01"]  # fmt: skip
    found = [(Path(backup.backup_name(at(f"{d} 10:00"))), at(f"{d} 10:00"), "") for d in days]
    kept = backup.kept_by_rotation(found)
    assert len(kept) == 7  # 1 July and the six days of use before it, 3-10 June (the 5
    # most recent are among them)
    # 2 June is the 8th day of use back, and 6 June is the newest of its ISO week.
    assert Path(backup.backup_name(at("2025-06-02 10:00"))) not in kept


def test_rotate_on_disk_keeps_three_pre_restore_backups_and_foreign_files(tmp_path):
    folder = tmp_path / "sauvegardes"
    folder.mkdir()
    for day in range(1, 21):
        (folder / backup.backup_name(at(f"2025-04-{day:02d} 09:00"))).write_bytes(b"")
    for day in (3, 9, 12, 18):
        (folder / backup.backup_name(at(f"2025-04-{day:02d} 08:00"), backup.PRE_RESTORE)
         ).write_bytes(b"")  # fmt: skip
    (folder / "mes-notes.txt").write_text("à garder")
    (folder / "carnet-2025-04-21T090000.sqlite.old").write_bytes(b"")
    (folder / ".carnet-2025-04-21T090000.sqlite.abc.tmp").write_bytes(b"")  # interrupted
    removed = backup.rotate(folder)
    names = {p.name for p in folder.iterdir()}
    assert "mes-notes.txt" in names and "carnet-2025-04-21T090000.sqlite.old" in names
    assert not any(name.endswith(".tmp") for name in names)
    pre = sorted(n for n in names if n.endswith(f"-{backup.PRE_RESTORE}.sqlite"))
    assert pre == [backup.backup_name(at(f"2025-04-{d:02d} 08:00"), backup.PRE_RESTORE)
                   for d in (9, 12, 18)]  # fmt: skip
    regular = sorted(n for n in names if backup_info.NAME.match(n) and n not in pre)
    # 14..20 April daily; ISO weeks 16 (14-20), 15 (7-13), 14 (31 Mar-6 Apr) and 13: none.
    assert regular == sorted(
        backup.backup_name(at(f"2025-04-{d:02d} 09:00")) for d in (6, 13, *range(14, 21))
    )
    assert len(removed) == 20 + 4 - len(regular) - len(pre)


def test_a_failed_backup_leaves_the_previous_file_and_no_temp(workspace, tmp_path, monkeypatch):
    folder = tmp_path / "sauvegardes"
    folder.mkdir()
    target = folder / "carnet-2025-04-21T090000.sqlite"
    target.write_bytes(b"previous")

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_with_manifest", disk_full)
    with pytest.raises(BackupError, match="disque plein"):
        backup.write_backup(db_path(workspace), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in folder.iterdir()] == [target.name]


@pytest.mark.skipif(os.name == "nt", reason="no umask on Windows")
def test_a_backup_gets_the_mode_of_any_new_file(workspace, tmp_path):
    info = backup.make_backup(db_path(workspace), tmp_path / "sauvegardes")
    (tmp_path / "ordinary").write_bytes(b"")
    assert stat.S_IMODE(info.path.stat().st_mode) == stat.S_IMODE(
        (tmp_path / "ordinary").stat().st_mode
    )


def test_automatic_backup_once_a_day_of_use(workspace, venue, tmp_path):
    folder = tmp_path / "sauvegardes"
    first = backup.automatic_backup(db_path(workspace), folder, at("2025-03-14 09:00"))
    assert first is not None and first.venues == 1
    assert backup.automatic_backup(db_path(workspace), folder, at("2025-03-14 18:00")) is None
    assert backup.has_backup_on(folder, date(2025, 3, 14))
    for day in range(15, 31):
        backup.automatic_backup(db_path(workspace), folder, at(f"2025-03-{day:02d} 09:00"))
    names = [info.path.name for info in backup_info.list_backups(folder)]
    assert names[0] == "carnet-2025-03-30T090000.sqlite"
    assert len(names) == 7 + 2  # 24..30 March, and the newest of ISO weeks 11 and 12


def test_list_shows_date_size_and_counts_from_the_file_itself(workspace, store, venue, tmp_path):
    other = store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    store.create_visit(venue.id, "2025-03-14")
    store.create_visit(other.id, "2025-03-15")
    store.delete_visit(store.create_visit(other.id, "2025-03-16").id)  # in the trash
    folder = tmp_path / "sauvegardes"
    made = backup.make_backup(db_path(workspace), folder, at("2025-03-16 10:30"))
    (folder / "carnet-2025-03-17T080000.sqlite").write_bytes(b"pas une base" * 100)
    listed = backup_info.list_backups(folder)
    assert [info.path.name for info in listed] == [
        "carnet-2025-03-17T080000.sqlite", "carnet-2025-03-16T103000.sqlite"]  # fmt: skip
    broken, good = listed
    assert good == made
    assert (good.created, good.venues, good.visits) == (at("2025-03-16 10:30"), 2, 2)
    assert good.size == good.path.stat().st_size > 0 and good.schema == len(MIGRATIONS)
    assert not broken.restorable and broken.venues is None and "illisible" in broken.problem
    assert not (folder / "carnet-2025-03-16T103000.sqlite-wal").exists()  # read-only


def test_restore_first_backs_up_the_current_state_and_open_connections_see_the_backup(
    workspace, store, venue, tmp_path
):
    folder = tmp_path / "sauvegardes"
    store.create_visit(venue.id, "2025-03-14")
    old = backup.make_backup(db_path(workspace), folder, at("2025-03-14 09:00"))
    store.create_venue({"name": "Après la sauvegarde", "commune": "Aubusson"})
    report = backup_restore.restore(old.path, db_path(workspace), folder, at("2025-03-15 09:00"))
    assert report.pre_restore.label == "avant restauration"
    assert report.pre_restore.path.name == "carnet-2025-03-15T090000-avant-restauration.sqlite"
    assert (report.pre_restore.venues, report.pre_restore.visits) == (2, 1)
    assert [v.name for v in store.list_venues()] == ["Le Moulin Fabrique"]  # same connection
    assert integrity(db_path(workspace)) == ["ok"]
    tables = {r[0] for r in workspace.db.conn.execute("SELECT name FROM sqlite_master")}
    assert not tables & set(backup.MANIFEST_TABLES)
    assert workspace.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # And back again: the pre-restore backup restores what was there.
    backup_restore.restore(
        report.pre_restore.path, db_path(workspace), folder, at("2025-03-15 09:01")
    )
    assert len(store.list_venues()) == 2


def test_restoring_an_older_backup_of_a_day_keeps_it(workspace, tmp_path):
    """Rotation would drop the morning backup of a day that has an evening one: a restore
    must not rotate it away from under the user's feet."""
    folder = tmp_path / "sauvegardes"
    morning = backup.make_backup(db_path(workspace), folder, at("2025-03-14 09:00"))
    backup.make_backup(db_path(workspace), folder, at("2025-03-14 18:00"))
    report = backup_restore.restore(
        morning.path, db_path(workspace), folder, at("2025-03-15 09:00")
    )
    assert morning.path.is_file() and report.missing_media == []


def test_restore_reports_media_referenced_but_missing(workspace, store, venue, tmp_path):
    statuts = tmp_path / "statuts.pdf"
    statuts.write_bytes(b"%PDF-1.4 statuts de l'association")
    library = DocumentLibrary(store, workspace.media)
    assert library.attach(venue.id, statuts).status == "attached"
    folder = tmp_path / "sauvegardes"
    made = backup.make_backup(db_path(workspace), folder)
    assert backup_restore.missing_media(made.path, workspace.media.root) == []
    shutil.rmtree(workspace.media.root / "documents")
    report = backup_restore.restore(made.path, db_path(workspace), folder)
    assert len(report.missing_media) == 1
    assert report.missing_media[0].startswith("documents/")
    assert report.missing_media[0].endswith(".pdf")


def test_restore_refuses_what_is_not_a_sound_backup_and_changes_nothing(
    workspace, store, venue, tmp_path
):
    folder = tmp_path / "sauvegardes"
    junk = tmp_path / "carnet-2025-03-14T090000.sqlite"
    junk.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(BackupError, match="sauvegarde de Carnet lisible"):
        backup_restore.restore(junk, db_path(workspace), folder)
    newer = backup.make_backup(db_path(workspace), folder)
    conn = sqlite3.connect(str(newer.path))
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(BackupError, match="plus récente"):
        backup_restore.restore(newer.path, db_path(workspace), folder)
    assert len(backup_info.list_backups(folder)) == 1  # not even a pre-restore backup
    assert [v.name for v in store.list_venues()] == ["Le Moulin Fabrique"]


def test_a_backup_of_an_older_schema_restores_and_is_brought_up_to_date(workspace, tmp_path):
    folder = tmp_path / "sauvegardes"
    folder.mkdir()
    old = folder / "carnet-2024-01-10T120000.sqlite"
    shutil.copy(DATA / "carnet-schema-v1.sqlite", old)
    assert backup.read_backup_info(old).schema == 1
    backup_restore.restore(old, db_path(workspace), folder)
    assert workspace.db.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert integrity(db_path(workspace)) == ["ok"]


def test_backup_folder_is_chosen_in_meta_and_refused_in_the_shared_folder(workspace, tmp_path):
    default = backup.backup_folder(workspace.setting, workspace.data_dir)
    assert default == workspace.data_dir / "backups"
    chosen = backup.set_backup_folder(workspace, tmp_path / "disque-externe")
    assert backup.backup_folder(workspace.setting, workspace.data_dir) == chosen
    workspace.set_setting("shared_folder", str(tmp_path / "partage"))
    with pytest.raises(BackupError, match="dossier partagé du réseau"):
        backup.set_backup_folder(workspace, tmp_path / "partage" / "sauvegardes")
    workspace.set_setting("backup_dir", str(tmp_path / "partage"))  # chosen before sharing
    with pytest.raises(BackupError, match="dossier partagé du réseau"):
        backup.backup_folder(workspace.setting, workspace.data_dir)


# ----------------------------------------------------------------- a damaged database


@pytest.fixture
def saved(tmp_path):
    """A data folder with one venue and a backup of it; the workspace is closed."""
    ws = open_workspace(tmp_path / "data")
    ws.store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    info = backup.make_backup(db_path(ws), ws.data_dir / "backups", at("2025-03-14 09:00"))
    ws.store.create_venue({"name": "Après la sauvegarde", "commune": "Felletin"})
    ws.close()
    return ws.data_dir, info


def garbage(path: Path) -> bytes:
    data = b"\x13\x37 ce n'est plus une base SQLite " * 300
    path.write_bytes(data)
    return data


def truncated(path: Path) -> bytes:
    data = path.read_bytes()[: len(path.read_bytes()) // 2]
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("damage", [garbage, truncated])
def test_a_damaged_database_is_set_aside_and_the_latest_backup_restored(saved, damage):
    data_dir, info = saved
    live = data_dir / DATABASE_NAME
    damaged_bytes = damage(live)
    assert backup_recovery.damage_problem(live)
    latest = backup_recovery.latest_restorable(backup_recovery.recovery_folders(data_dir))
    assert latest == info
    report = backup_recovery.recover(live, latest.path, at("2025-03-15 08:00"))
    aside = data_dir / f"{DATABASE_NAME}.endommagé-2025-03-15T080000"
    assert report.set_aside[0] == aside and aside.read_bytes() == damaged_bytes
    assert backup_recovery.damage_problem(live) is None
    ws = open_workspace(data_dir)
    assert [v.name for v in ws.store.list_venues()] == ["Le Moulin Fabrique"]
    ws.close()


def test_without_a_backup_the_damaged_file_is_kept_and_an_empty_base_starts(tmp_path):
    data_dir = tmp_path / "data"
    open_workspace(data_dir).close()
    live = data_dir / DATABASE_NAME
    damaged_bytes = garbage(live)
    (data_dir / f"{DATABASE_NAME}-wal").write_bytes(b"wal")
    assert backup_recovery.latest_restorable(backup_recovery.recovery_folders(data_dir)) is None
    assert backup_recovery.recover(live, None, at("2025-03-15 08:00")) is None
    aside = data_dir / f"{DATABASE_NAME}.endommagé-2025-03-15T080000"
    assert aside.read_bytes() == damaged_bytes
    assert (data_dir / f"{DATABASE_NAME}.endommagé-2025-03-15T080000-wal").read_bytes() == b"wal"
    ws = open_workspace(data_dir)
    assert ws.store.list_venues() == []
    ws.close()
    garbage(live)  # a second damage, the same second: its own name
    moved = backup_recovery.set_aside(live, at("2025-03-15 08:00"))
    assert moved == [data_dir / f"{DATABASE_NAME}.endommagé-2025-03-15T080000-2"]
    assert aside.read_bytes() == damaged_bytes  # never overwritten


def test_a_sound_or_newer_database_is_not_damaged(workspace, tmp_path):
    assert backup_recovery.damage_problem(db_path(workspace)) is None
    assert backup_recovery.damage_problem(db_path(workspace), thorough=True) is None
    assert backup_recovery.damage_problem(tmp_path / "nulle-part.sqlite") is None
    newer = tmp_path / "newer.sqlite"
    shutil.copy(db_path(workspace), newer)
    conn = sqlite3.connect(str(newer))
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    assert backup_recovery.damage_problem(newer) is None


def test_restores_keep_the_three_latest_before_restore_backups_and_the_one_restored(
    workspace, store, venue, tmp_path
):
    """Each restore makes an « avant restauration » backup: five restores in a day kept
    five until the next day's backup (QA, session 8). The restored one is never pruned."""
    folder = tmp_path / "sauvegardes"
    base = backup.make_backup(db_path(workspace), folder, at("2025-03-14 08:00"))
    for hour in range(9, 14):
        backup_restore.restore(base.path, db_path(workspace), folder, at(f"2025-03-14 {hour}:00"))
    pre = [p.name for p, _w, label in backup_info.backup_files(folder) if label]
    assert pre == [f"carnet-2025-03-14T{h}0000-avant-restauration.sqlite" for h in (13, 12, 11)]
    oldest_pre = folder / "carnet-2025-03-14T110000-avant-restauration.sqlite"
    for hour in (14, 15, 16):  # restoring the oldest kept one spares it
        backup_restore.restore(oldest_pre, db_path(workspace), folder, at(f"2025-03-14 {hour}:00"))
    assert oldest_pre.exists() and base.path.exists()
    assert len([1 for _p, _w, label in backup_info.backup_files(folder) if label]) == 4
