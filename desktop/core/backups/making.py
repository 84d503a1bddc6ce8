"""Backups of the local database that always restore: where they go, making them, and
keeping the right ones.

A backup is made with SQLite's backup API from a read snapshot of the live database
(never a copy of the live file, which may be mid-write or have half its content in the
-wal file), with a manifest of what it holds (backup_info.py says what a backup file
is). The media files themselves are not copied: they are named by their hash and never
modified, so the manifest is enough to say, at restore time, which are missing.

Each backup is written to a temporary file, checked with PRAGMA integrity_check, then
renamed into place: a listed backup is always complete and sound.

Rotation (after each backup, like `restic forget --keep-last 5 --keep-daily 7
--keep-weekly 4`): of the regular backups, keep the 5 most recent, the newest of each of
the 7 most recent days that have one, and the newest of each of the 4 most recent ISO
weeks that have one; the « avant restauration » backups are kept apart, the 3 most
recent. Files with other names are
never touched.

Restoring is in backup_restore.py, a damaged database in backup_recovery.py.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from desktop.core.backups.info import (
    MANIFEST_TABLES,
    PRE_RESTORE,
    BackupError,
    BackupInfo,
    _counts,
    _number,
    _remove,
    backup_files,
    backup_name,
    has_backup_on,
    read_backup_info,
)
from desktop.core.storage.files import atomic_target, french_reason

BACKUP_FOLDER_NAME = "backups"
KEEP_DAILY, KEEP_WEEKLY, KEEP_PRE_RESTORE = 7, 4, 3
KEEP_RECENT = 5  # the latest ones whatever their day: a day's idle backups are not all lost
MEDIA_FILES = {  # media.kind -> the files of one hash, (folder, extension or None: its own)
    "photo": (("originals", None), ("thumbnails", ".jpg"), ("print", ".jpg")),
    "document": (("documents", None),),
}


# ----------------------------------------------------------------- where


def backup_folder(setting: Callable[[str], str], data_dir: Path) -> Path:
    """The folder of the backups: setting `backup_dir`, or data_dir/backups; refused in the
    shared folder (setting `shared_folder`). setting reads one: `workspace.setting`."""
    chosen = setting("backup_dir")
    folder = Path(chosen).expanduser() if chosen else Path(data_dir) / BACKUP_FOLDER_NAME
    return check_backup_folder(folder, setting("shared_folder") or None)


def check_backup_folder(folder: Path, shared_folder: str | Path | None) -> Path:
    resolved = Path(folder).expanduser().resolve()
    if shared_folder:
        shared = Path(shared_folder).expanduser().resolve()
        if resolved == shared or shared in resolved.parents:
            raise BackupError(
                f"Le dossier « {resolved} » est dans le dossier partagé du réseau. Les "
                "sauvegardes contiennent toute votre base (y compris ce qui ne doit pas être "
                "partagé) et n'y ont pas leur place : choisissez un dossier sur cet ordinateur "
                "ou sur un disque externe."
            )
    return resolved


def set_backup_folder(workspace, folder: Path | None) -> Path | None:
    """Store the user's choice (None: back to the default), after checking it."""
    if folder is None:
        workspace.set_setting("backup_dir", "")
        return None
    resolved = check_backup_folder(folder, workspace.setting("shared_folder") or None)
    workspace.set_setting("backup_dir", str(resolved))
    return resolved


# ----------------------------------------------------------------- making


def make_backup(
    db_path: Path, folder: Path, now: datetime | None = None, label: str = ""
) -> BackupInfo:
    """A new backup of db_path in folder, named by the time; the folder is not rotated."""
    now = now or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(_cannot_write(folder, error)) from None
    number = 1
    while (folder / backup_name(now, label, number)).exists():
        number += 1
    return write_backup(db_path, folder / backup_name(now, label, number), now, label)


def write_backup(db_path: Path, target: Path, now: datetime | None = None, label: str = ""):
    """Write a verified backup of db_path to target (atomically: whole, or nothing)."""
    db_path, now = Path(db_path), now or datetime.now()
    if not db_path.is_file():
        raise BackupError(f"Il n'y a pas de base à sauvegarder (« {db_path} » n'existe pas).")
    try:
        with atomic_target(target) as temporary:  # removed on any error, target untouched
            _copy_with_manifest(db_path, temporary, now, label)
    except OSError as error:
        raise BackupError(_cannot_write(target.parent, error)) from None
    return read_backup_info(target)


def _copy_with_manifest(db_path: Path, target: Path, now: datetime, label: str) -> None:
    source = sqlite3.connect(str(db_path), isolation_level=None, timeout=30)
    copy = sqlite3.connect(str(target), isolation_level=None)
    try:
        try:
            # pages=-1: the whole database in one step, from one read snapshot, so writers
            # on other connections go on meanwhile (WAL) and the copy is consistent.
            source.backup(copy, pages=-1)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"La base « {db_path} » n'a pas pu être lue ({error}).") from None
        copy.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
        media_root = db_path.parent / "media"
        copy.execute("BEGIN")
        for table in MANIFEST_TABLES:
            copy.execute(f"DROP TABLE IF EXISTS {table}")  # a backup of a restored backup
        copy.execute("CREATE TABLE carnet_backup (key TEXT PRIMARY KEY, value TEXT)")
        copy.execute(
            "CREATE TABLE carnet_backup_media (path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER)"
        )
        venues, visits = _counts(copy)
        facts = {
            "created_at": now.astimezone().isoformat(timespec="seconds"),
            "label": label,
            "schema": str(copy.execute("PRAGMA user_version").fetchone()[0]),
            "venues": str(venues),
            "visits": str(visits),
            "source": str(db_path),
        }
        copy.executemany("INSERT INTO carnet_backup VALUES (?, ?)", facts.items())
        copy.executemany(
            "INSERT OR IGNORE INTO carnet_backup_media VALUES (?, ?, ?)",
            _media_manifest(copy, media_root),
        )
        copy.execute("COMMIT")
        problems = [r[0] for r in copy.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise BackupError(
                "La base actuelle est endommagée, sa copie ne passe pas la vérification "
                f"d'intégrité ({'; '.join(problems[:3])}). Aucune sauvegarde n'a été faite ; "
                "restaurez plutôt une sauvegarde antérieure."
            )
    finally:
        copy.close()
        source.close()


def _media_manifest(conn: sqlite3.Connection, media_root: Path) -> Iterable[tuple]:
    try:
        rows = conn.execute("SELECT sha256, kind, ext FROM media").fetchall()
    except sqlite3.OperationalError:  # a schema from before photos
        return
    for digest, kind, ext in rows:
        for folder, fixed_ext in MEDIA_FILES.get(kind, ()):
            relative = f"{folder}/{digest[:2]}/{digest}{(fixed_ext or ext or '').lower()}"
            try:
                size = (media_root / relative).stat().st_size
            except OSError:
                size = None
            yield relative, digest, size


# ----------------------------------------------------------------- rotation


def kept_by_rotation(backups: Iterable[tuple[Path, datetime, str]]) -> set[Path]:
    """The rule of the module docstring, on (path, when, label key) triples."""
    ordered = sorted(backups, key=lambda item: (item[1], _number(item[0].name)), reverse=True)
    regular = [(p, w) for p, w, label in ordered if not label]
    kept: set[Path] = {path for path, _when in regular[:KEEP_RECENT]}
    for key, limit in (
        (lambda w: w.date(), KEEP_DAILY),
        (lambda w: w.isocalendar()[:2], KEEP_WEEKLY),
    ):
        seen: set = set()
        for path, when in regular:
            if key(when) not in seen and len(seen) < limit:
                seen.add(key(when))
                kept.add(path)
    kept |= set([p for p, _w, label in ordered if label == PRE_RESTORE][:KEEP_PRE_RESTORE])
    return kept


def prune_pre_restore(folder: Path, spared: Path) -> list[Path]:
    """After a restore: the « avant restauration » backups past the KEEP_PRE_RESTORE most
    recent removed (each restore makes one; nine restores in a day kept nine until the
    next day's backup), never `spared` (the backup just restored, whatever its kind)."""
    found = [(p, w) for p, w, label in backup_files(folder) if label == PRE_RESTORE]
    found.sort(key=lambda item: (item[1], _number(item[0].name)), reverse=True)
    removed = [p for p, _w in found[KEEP_PRE_RESTORE:] if p.resolve() != Path(spared).resolve()]
    for path in removed:
        _remove(path)
    return removed


def rotate(folder: Path) -> list[Path]:
    """Delete the backups the rotation does not keep; returns them. Also removes the
    temporary files of backups that were interrupted (a crash, a full disk)."""
    found = backup_files(folder)
    kept = kept_by_rotation(found)
    removed = [path for path, _w, _l in found if path not in kept]
    for path in removed:
        _remove(path)
    with contextlib.suppress(OSError):
        for leftover in Path(folder).glob(".carnet-*.sqlite.*.tmp"):
            _remove(leftover)
    return removed


def automatic_backup(db_path: Path, folder: Path, now: datetime | None = None):
    """At start and once per day of use: a backup if there is none today, then rotation.

    Returns the new BackupInfo, or None when today's backup already exists.
    """
    now = now or datetime.now()
    if has_backup_on(folder, now.date()):
        return None
    info = make_backup(db_path, folder, now)
    rotate(folder)
    return info


# ----------------------------------------------------------------- helpers


def _cannot_write(folder: Path, error: OSError) -> str:
    return f"Impossible d'écrire la sauvegarde dans « {folder} » : {french_reason(error)}."
