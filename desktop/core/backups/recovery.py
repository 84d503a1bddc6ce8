"""A damaged database: telling it, setting it aside, and starting again from a backup.

At start, the database is checked; a damaged one is renamed aside (never deleted) and
the latest readable backup, looked for where the damaged file said and in the default
folder, is restored into a new file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from desktop.core.backups.damage import damage_problem  # noqa: F401 - its callers' name
from desktop.core.backups.info import (
    BackupError,
    BackupInfo,
    _read_only,
    list_backups,
)
from desktop.core.backups.making import BACKUP_FOLDER_NAME
from desktop.core.backups.restore import (
    RestoreReport,
    _restore_into,
    check_restorable,
    missing_media,
)
from desktop.core.storage.data_dir import DATABASE_NAME
from desktop.core.storage.files import french_reason
from desktop.core.storage.leftovers import clean_at_start

DAMAGED_MARK = "endommagé"


def set_aside(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Rename the database and its -wal/-shm to carnet.sqlite.endommagé-DATE[-wal|-shm].

    Never overwrites nor deletes: the set keeps its names' relation, so the aside file
    opens with its own journal in any SQLite tool.
    """
    db_path, now = Path(db_path), now or datetime.now()
    stem = f"{db_path.name}.{DAMAGED_MARK}-{now.strftime('%Y-%m-%dT%H%M%S')}"
    number, base = 1, stem
    while any((db_path.parent / f"{base}{s}").exists() for s in ("", "-wal", "-shm")):
        number += 1
        base = f"{stem}-{number}"
    moved = []
    for suffix in ("", "-wal", "-shm"):
        source = db_path.parent / f"{db_path.name}{suffix}"
        if source.exists():
            target = db_path.parent / f"{base}{suffix}"
            try:
                os.rename(source, target)
            except OSError as error:
                raise BackupError(
                    f"Le fichier « {source} » n'a pas pu être mis de côté : {french_reason(error)}."
                ) from None
            moved.append(target)
    return moved


def recover(
    db_path: Path, backup_path: Path | None, now: datetime | None = None
) -> RestoreReport | None:
    """Set the damaged database aside, then restore backup_path into a new file (or,
    without a backup, leave no database: the next open starts an empty one)."""
    info = check_restorable(backup_path) if backup_path else None  # before moving anything
    moved = set_aside(db_path, now)
    if backup_path is None:
        return None
    _restore_into(Path(backup_path), Path(db_path))
    report = RestoreReport(info, None, missing_media(backup_path, Path(db_path).parent / "media"))
    report.set_aside = moved
    return report


def recovery_folders(data_dir: Path) -> list[Path]:
    """Where to look for backups when the database (holding meta `backup_dir`) is damaged:
    the chosen folder if the damaged file still says it, and the default one."""
    folders = [Path(data_dir) / BACKUP_FOLDER_NAME]

    with contextlib.suppress(sqlite3.DatabaseError, OSError, TypeError):
        conn = _read_only(Path(data_dir) / DATABASE_NAME)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'backup_dir'").fetchone()
        finally:
            conn.close()
        if row and row[0]:
            folders.insert(0, Path(row[0]))
    return folders


def latest_restorable(folders: Iterable[Path]) -> BackupInfo | None:
    candidates = [info for folder in folders for info in list_backups(folder)]
    candidates = [info for info in candidates if info.restorable]
    return max(candidates, key=lambda info: info.created, default=None)


def clean_leftovers(workspace, in_background: bool = False) -> int:
    """At start: the temp files of interrupted writes (attach, restore, backup) removed
    (in_background: on a thread of its own, the settings read here first)."""
    folders = [Path(workspace.data_dir) / BACKUP_FOLDER_NAME]
    chosen = workspace.setting("backup_dir")
    if chosen:
        folders.append(Path(chosen))
    if not in_background:
        return clean_at_start(workspace.data_dir, folders)
    arguments = (Path(workspace.data_dir), folders)
    threading.Thread(target=clean_at_start, args=arguments, daemon=True).start()
    return 0
