"""Restoring a backup into the live database, after backing up the current state.

Nothing is changed if the backup is unreadable, damaged or from a newer Carnet. The
media files are not in the backup file: those it refers to and this data folder lacks
are taken from the backup's own folder when it has them (a second destination's copy,
second_copy.py), and the report names the ones still missing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.backups.info import (
    MANIFEST_TABLES,
    MEDIA_FOLDER,
    PRE_RESTORE,
    BackupError,
    BackupInfo,
    _read_only,
    _remove,
    read_backup_info,
)
from desktop.core.backups.making import make_backup, prune_pre_restore
from desktop.core.privacy import withdrawn_watch
from desktop.core.storage.data_service import migrate, open_database
from desktop.core.storage.files import atomic_target, french_reason
from desktop.core.storage.migrations import MIGRATIONS

if TYPE_CHECKING:  # the merge below is loaded when a restore runs, not at start
    from desktop.core.backups.restore_sync import TakenBack


@dataclass
class RestoreReport:
    restored: BackupInfo
    pre_restore: BackupInfo | None  # the state just before, itself a backup
    missing_media: list[str] = field(default_factory=list)  # paths under media/
    set_aside: list[Path] = field(default_factory=list)  # a damaged database, kept
    taken_back: TakenBack | None = None  # this laptop's later work taken back (restore_sync)


def restore(
    backup_path: Path,
    db_path: Path,
    folder: Path,
    now: datetime | None = None,
    service=None,
    templates=None,
) -> RestoreReport:
    """Replace the live database with a backup, after backing up the current state.

    The copy goes through SQLite's backup API into the live file, so connections that
    stay open (the app's) see the restored content at their next read, like any other
    write, and the -wal/-shm files stay consistent. Nothing is changed if the backup is
    unreadable, damaged or from a newer Carnet, or if the current state cannot be saved.
    With the app's data service, the copy is one of its jobs (the one writer); without
    one (repairing a damaged folder, nothing else open), on a connection of its own.

    The state just before is merged into the copy before it goes live, this laptop's own
    later work taken back as a new edit (restore_sync): so the next sync does not undo
    the restore, and colleagues follow it. templates: the writer's (loaded if not given).
    """
    info = check_restorable(backup_path)
    pre = make_backup(db_path, folder, now, label=PRE_RESTORE) if Path(db_path).exists() else None
    if pre is not None and templates is None:
        templates = service.templates if service is not None else _templates(Path(db_path))
    before = (pre.path, templates) if pre is not None else None
    taken_back = _restore_into(backup_path, Path(db_path), service, before)
    # No full rotation here: it could remove the very backup just restored (an older one
    # of a day that has a newer); the next backup rotates. The « avant restauration »
    # ones, one per restore, are pruned now, the restored file spared.
    prune_pre_restore(folder, spared=backup_path)
    media = bring_back_media(backup_path, Path(db_path).parent / "media")
    return RestoreReport(info, pre, media, taken_back=taken_back)


def _templates(db_path: Path):
    from desktop.core.forms.templates import NETWORK_TEMPLATES_DIR, TemplateSet

    return TemplateSet.load(network_dir=db_path.parent / NETWORK_TEMPLATES_DIR)


def check_restorable(backup_path: Path) -> BackupInfo:
    info = read_backup_info(backup_path)
    if info.problem:
        raise BackupError(
            f"« {backup_path} » n'est pas une sauvegarde de Carnet lisible : {info.problem}."
        )
    if info.schema is not None and info.schema > len(MIGRATIONS):
        raise BackupError(
            f"La sauvegarde « {Path(backup_path).name} » vient d'une version plus récente de "
            "Carnet. Mettez Carnet à jour pour la restaurer."
        )
    conn = _read_only(backup_path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    finally:
        conn.close()
    if problems != ["ok"]:
        raise BackupError(
            f"La sauvegarde « {Path(backup_path).name} » est endommagée "
            f"({'; '.join(problems[:3])}) ; choisissez-en une autre."
        )
    return info


def _restore_into(
    backup_path: Path, db_path: Path, service=None, before: tuple | None = None
) -> TakenBack | None:
    """Backup file -> cleaned temporary copy -> live file, each step by the backup API.

    before: (the « avant restauration » backup, the templates): merged into the copy,
    this laptop's later work taken back, before the copy goes live."""

    handle, temporary = tempfile.mkstemp(
        prefix=".carnet-restauration-", suffix=".sqlite", dir=db_path.parent
    )
    os.close(handle)
    taken_back = None
    try:
        source = _read_only(backup_path)
        staging = sqlite3.connect(temporary, isolation_level=None, check_same_thread=False)
        try:
            source.backup(staging, pages=-1)
            for table in MANIFEST_TABLES:
                staging.execute(f"DROP TABLE IF EXISTS {table}")
            if before is not None:
                from desktop.core.backups.restore_sync import take_back_later_work

                pre_path, templates = before
                media_root = Path(db_path).parent / MEDIA_FOLDER
                taken_back = take_back_later_work(Path(temporary), pre_path, templates, media_root)
            if service is not None:
                service.call_outside_transaction(
                    lambda live: (staging.backup(live.conn, pages=-1), migrate(live))
                )
                service.call(service.derive)  # the backup's follow-up keys may be older
                service.call(withdrawn_watch.install)  # a migration may have rebuilt a table
                service.reload_author()  # a backup from elsewhere: a device id of our own
            else:
                live = sqlite3.connect(str(db_path), isolation_level=None, timeout=30)
                try:
                    live.execute("PRAGMA journal_mode = WAL")
                    staging.backup(live, pages=-1)  # one write transaction on the live file
                finally:
                    live.close()
        finally:
            staging.close()
            source.close()
        if service is None:
            open_database(db_path).conn.close()  # an older backup: bring its schema up to date
    except sqlite3.DatabaseError as error:
        raise BackupError(f"La restauration a échoué : {french_reason(error)}.") from None
    except OSError as error:
        raise BackupError(f"La restauration a échoué : {french_reason(error)}.") from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            _remove(Path(temporary + suffix))
    return taken_back


def referred_media(backup_path: Path) -> list[str]:
    """Every media file (path under media/) the backup refers to."""
    conn = _read_only(backup_path)
    try:
        rows = conn.execute("SELECT path FROM carnet_backup_media ORDER BY path").fetchall()
    except sqlite3.OperationalError:
        rows = []
    finally:
        conn.close()
    return [path for (path,) in rows]


def missing_media(backup_path: Path, media_root: Path) -> list[str]:
    """Media files (paths under media/) the backup refers to and this folder lacks."""
    return [path for path in referred_media(backup_path) if not (media_root / path).is_file()]


def bring_back_media(backup_path: Path, media_root: Path) -> list[str]:
    """Copy into the data folder the missing media that the backup's own folder holds (a
    second destination's copy has them in media/); returns the paths still missing."""
    beside = Path(backup_path).parent / MEDIA_FOLDER
    still_missing = []
    for relative in missing_media(backup_path, media_root):
        source = beside / relative
        if not source.is_file():
            still_missing.append(relative)
            continue
        try:
            with atomic_target(media_root / relative) as temporary:
                shutil.copyfile(source, temporary)
        except OSError:
            still_missing.append(relative)  # reported as missing, the restore stands
    return still_missing
