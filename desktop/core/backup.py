"""Backups of the local database that always restore, and recovery from a damaged one.

One backup is one SQLite file, `carnet-AAAA-MM-JJTHHMMSS.sqlite`, made with SQLite's
backup API from a read snapshot of the live database (never a copy of the live file,
which may be mid-write or have half its content in the -wal file). A plain SQLite file
rather than a zip: it is listed, verified and restored in place, with no extraction, and
any SQLite tool opens it. Two small tables are added to the copy, never to the live
database:

    carnet_backup        key/value: when, why (label), schema, venue and visit counts
    carnet_backup_media  every media file the copy refers to: path under media/, sha256,
                         size when the backup was made (NULL: already missing then)

The media files themselves are not copied: they are named by their hash and never
modified, so the manifest is enough to say, at restore time, which are missing.

Each backup is written to a temporary file, checked with PRAGMA integrity_check, then
renamed into place: a listed backup is always complete and sound.

Rotation (after each backup, like `restic forget --keep-daily 7 --keep-weekly 4`): of
the regular backups, keep the newest of each of the 7 most recent days that have one,
and the newest of each of the 4 most recent ISO weeks that have one; the « avant
restauration » backups are kept apart, the 3 most recent. Files with other names are
never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop.core.files import atomic_target, french_reason

BACKUP_FOLDER_NAME = "backups"
PRE_RESTORE = "avant-restauration"
LABELS = {"": "", PRE_RESTORE: "avant restauration"}
KEEP_DAILY, KEEP_WEEKLY, KEEP_PRE_RESTORE = 7, 4, 3
NAME = re.compile(
    r"^carnet-(\d{4}-\d{2}-\d{2}T\d{6})(?:-(\d+))?(?:-(" + PRE_RESTORE + r"))?\.sqlite$"
)
DAMAGED_MARK = "endommagé"
MEDIA_FILES = {  # media.kind -> the files of one hash, (folder, extension or None: its own)
    "photo": (("originals", None), ("thumbnails", ".jpg"), ("print", ".jpg")),
    "document": (("documents", None),),
}
MANIFEST_TABLES = ("carnet_backup", "carnet_backup_media")


class BackupError(ValueError):
    """A backup or a restore that cannot be done; str() is a French message."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    venues: int | None = None
    visits: int | None = None
    label: str = ""  # "" or "avant restauration"
    schema: int | None = None
    problem: str = ""  # why the file cannot be read (then the counts are None)

    @property
    def restorable(self) -> bool:
        return not self.problem


@dataclass
class RestoreReport:
    restored: BackupInfo
    pre_restore: BackupInfo | None  # the state just before, itself a backup
    missing_media: list[str] = field(default_factory=list)  # paths under media/
    set_aside: list[Path] = field(default_factory=list)  # a damaged database, kept


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


def backup_name(when: datetime, label: str = "", number: int = 1) -> str:
    suffix = (f"-{number}" if number > 1 else "") + (f"-{label}" if label else "")
    return f"carnet-{when.strftime('%Y-%m-%dT%H%M%S')}{suffix}.sqlite"


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


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """Venues and visits that are not in the trash."""
    counts = []
    for table in ("venues", "visits"):
        try:
            row = conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
            counts.append(row.fetchone()[0])
        except sqlite3.OperationalError:  # an empty database: no tables yet
            counts.append(0)
    return counts[0], counts[1]


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


# ----------------------------------------------------------------- reading


def _read_only(path: Path) -> sqlite3.Connection:
    """A backup file, opened read-only (immutable: it is never modified once renamed)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def parse_name(name: str) -> tuple[datetime, str] | None:
    match = NAME.match(name)
    if not match:
        return None
    try:
        when = datetime.strptime(match.group(1), "%Y-%m-%dT%H%M%S")
    except ValueError:
        return None
    return when, match.group(3) or ""


def read_backup_info(path: Path) -> BackupInfo:
    """What a backup file holds, read from the file itself; never raises for a bad file."""
    path = Path(path)
    parsed = parse_name(path.name)
    try:
        size = path.stat().st_size
        created = parsed[0] if parsed else datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        return BackupInfo(path, datetime.min, 0, problem=french_reason(error))
    label = LABELS.get(parsed[1], "") if parsed else ""
    try:
        conn = _read_only(path)
        try:
            facts = {}
            with contextlib.suppress(sqlite3.OperationalError):
                facts = dict(conn.execute("SELECT key, value FROM carnet_backup").fetchall())
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            if "venues" in facts:
                venues, visits = int(facts["venues"]), int(facts["visits"])
            else:
                conn.execute("SELECT id FROM venues LIMIT 1")  # not a Carnet database?
                venues, visits = _counts(conn)
        finally:
            conn.close()
    except (sqlite3.DatabaseError, ValueError) as error:
        problem = f"illisible ({error})"
        return BackupInfo(path, created, size, label=label, problem=problem)
    return BackupInfo(path, created, size, venues, visits, label, schema)


def backup_files(folder: Path) -> list[tuple[Path, datetime, str]]:
    """The backups in folder by their names, newest first: (path, when, label key)."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    found = [(p, *parsed) for p in entries if (parsed := parse_name(p.name)) and p.is_file()]
    return sorted(found, key=lambda item: (item[1], item[0].name), reverse=True)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in folder, newest first, with what it holds."""
    return [read_backup_info(path) for path, _when, _label in backup_files(folder)]


def has_backup_on(folder: Path, day: date) -> bool:
    return any(when.date() == day and not label for _p, when, label in backup_files(folder))


# ----------------------------------------------------------------- rotation


def kept_by_rotation(backups: Iterable[tuple[Path, datetime, str]]) -> set[Path]:
    """The rule of the module docstring, on (path, when, label key) triples."""
    ordered = sorted(backups, key=lambda item: (item[1], item[0].name), reverse=True)
    regular = [(p, w) for p, w, label in ordered if not label]
    kept: set[Path] = set()
    for key, limit in ((lambda w: w.date(), KEEP_DAILY),
                       (lambda w: w.isocalendar()[:2], KEEP_WEEKLY)):  # fmt: skip
        seen: set = set()
        for path, when in regular:
            if key(when) not in seen and len(seen) < limit:
                seen.add(key(when))
                kept.add(path)
    kept |= set([p for p, _w, label in ordered if label == PRE_RESTORE][:KEEP_PRE_RESTORE])
    return kept


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


# ----------------------------------------------------------------- restoring


def restore(
    backup_path: Path,
    db_path: Path,
    folder: Path,
    now: datetime | None = None,
    service=None,
) -> RestoreReport:
    """Replace the live database with a backup, after backing up the current state.

    The copy goes through SQLite's backup API into the live file, so connections that
    stay open (the app's) see the restored content at their next read, like any other
    write, and the -wal/-shm files stay consistent. Nothing is changed if the backup is
    unreadable, damaged or from a newer Carnet, or if the current state cannot be saved.
    With the app's data service, the copy is one of its jobs (the one writer); without
    one (repairing a damaged folder, nothing else open), on a connection of its own.
    """
    info = check_restorable(backup_path)
    pre = make_backup(db_path, folder, now, label=PRE_RESTORE) if Path(db_path).exists() else None
    _restore_into(backup_path, Path(db_path), service)
    # No rotation here: it could remove the very backup just restored (an older one of a
    # day that has a newer); the next backup rotates.
    return RestoreReport(info, pre, missing_media(backup_path, Path(db_path).parent / "media"))


def check_restorable(backup_path: Path) -> BackupInfo:
    from desktop.core.migrations import MIGRATIONS

    info = read_backup_info(backup_path)
    if info.problem:
        raise BackupError(f"« {backup_path} » n'est pas une sauvegarde de Carnet lisible : "
                          f"{info.problem}.")  # fmt: skip
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
        raise BackupError(f"La sauvegarde « {Path(backup_path).name} » est endommagée "
                          f"({'; '.join(problems[:3])}) ; choisissez-en une autre.")  # fmt: skip
    return info


def _restore_into(backup_path: Path, db_path: Path, service=None) -> None:
    """Backup file -> cleaned temporary copy -> live file, each step by the backup API."""
    from desktop.core.data_service import migrate, open_database

    handle, temporary = tempfile.mkstemp(prefix=".carnet-restauration-", suffix=".sqlite",
                                         dir=db_path.parent)  # fmt: skip
    os.close(handle)
    try:
        source = _read_only(backup_path)
        staging = sqlite3.connect(temporary, isolation_level=None, check_same_thread=False)
        try:
            source.backup(staging, pages=-1)
            for table in MANIFEST_TABLES:
                staging.execute(f"DROP TABLE IF EXISTS {table}")
            if service is not None:
                service.call_outside_transaction(
                    lambda live: (staging.backup(live.conn, pages=-1), migrate(live))
                )
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
        raise BackupError(f"La restauration a échoué ({error}).") from None
    except OSError as error:
        raise BackupError(f"La restauration a échoué : {french_reason(error)}.") from None
    finally:
        _remove(Path(temporary))


def missing_media(backup_path: Path, media_root: Path) -> list[str]:
    """Media files (paths under media/) the backup refers to and this folder lacks."""
    conn = _read_only(backup_path)
    try:
        rows = conn.execute("SELECT path FROM carnet_backup_media ORDER BY path").fetchall()
    except sqlite3.OperationalError:
        rows = []
    finally:
        conn.close()
    return [path for (path,) in rows if not (media_root / path).is_file()]


# ----------------------------------------------------------------- a damaged database


def damage_problem(db_path: Path, thorough: bool = False) -> str | None:
    """Why the database file is damaged, or None (also None when it does not exist).

    quick_check at start (it reads every page but skips the index cross-checks: about
    half the time of integrity_check); thorough=True runs the full integrity_check.
    A file whose schema is merely newer than this Carnet is not damaged.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=5)
    except sqlite3.DatabaseError as error:
        return str(error)
    try:
        check = "integrity_check" if thorough else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {check}").fetchall()]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
    return None if rows == ["ok"] else "; ".join(rows[:5])


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
                raise BackupError(f"Le fichier « {source} » n'a pas pu être mis de côté : "
                                  f"{french_reason(error)}.") from None  # fmt: skip
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
    from desktop.core.data_dir import DATABASE_NAME

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


# ----------------------------------------------------------------- helpers


def _cannot_write(folder: Path, error: OSError) -> str:
    return f"Impossible d'écrire la sauvegarde dans « {folder} » : {french_reason(error)}."


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
