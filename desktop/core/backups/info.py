"""What a backup file is: its name, the two tables added to the copy, what it holds.

One backup is one SQLite file, `carnet-AAAA-MM-JJTHHMMSS.sqlite`: a plain SQLite file
rather than a zip, so it is listed, verified and restored in place, with no extraction,
and any SQLite tool opens it. Two small tables are added to the copy, never to the live
database:

    carnet_backup        key/value: when, why (label), schema, venue and visit counts
    carnet_backup_media  every media file the copy refers to: path under media/, sha256,
                         size when the backup was made (NULL: already missing then)

Reading never raises for a bad file: its problem is told in BackupInfo. The helpers with
a leading underscore are shared by the backup*.py modules, and by them only.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.core.storage.files import french_reason

PRE_RESTORE = "avant-restauration"
LABELS = {"": "", PRE_RESTORE: "avant restauration"}
NAME = re.compile(
    r"^carnet-(\d{4}-\d{2}-\d{2}T\d{6})(?:-(\d+))?(?:-(" + PRE_RESTORE + r"))?\.sqlite$"
)
MANIFEST_TABLES = ("carnet_backup", "carnet_backup_media")
MEDIA_FOLDER = "media"  # beside the backups of a second destination: photos and documents


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
    photos: int | None = None  # photos not in the trash
    media_files: int = 0  # media files the backup refers to (that existed when it was made)
    media_beside: int = 0  # of those, how many are in the backup's own folder (media/)

    @property
    def restorable(self) -> bool:
        return not self.problem

    @property
    def media_included(self) -> bool:
        """The photos and documents are beside the backup (a second destination's copy)."""
        return self.media_files > 0 and self.media_beside == self.media_files


def backup_name(when: datetime, label: str = "", number: int = 1) -> str:
    suffix = (f"-{number}" if number > 1 else "") + (f"-{label}" if label else "")
    return f"carnet-{when.strftime('%Y-%m-%dT%H%M%S')}{suffix}.sqlite"


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
            photos = _count_photos(conn)
            media = _media_paths(conn)
        finally:
            conn.close()
    except (sqlite3.DatabaseError, ValueError) as error:
        problem = f"illisible ({error})"
        return BackupInfo(path, created, size, label=label, problem=problem)
    beside = sum(1 for m in media if (path.parent / MEDIA_FOLDER / m).is_file())
    return BackupInfo(
        path, created, size, venues, visits, label, schema, "", photos, len(media), beside
    )


def _count_photos(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT count(*) FROM photos WHERE deleted_at IS NULL").fetchone()[0]
    except sqlite3.OperationalError:  # a schema from before photos
        return 0


def _media_paths(conn: sqlite3.Connection) -> list[str]:
    """The media files (paths under media/) a backup refers to and that existed then."""
    try:
        rows = conn.execute("SELECT path FROM carnet_backup_media WHERE size IS NOT NULL")
        return [path for (path,) in rows.fetchall()]
    except sqlite3.OperationalError:  # a backup from before the manifest
        return []


def backup_files(folder: Path) -> list[tuple[Path, datetime, str]]:
    """The backups in folder by their names, newest first: (path, when, label key)."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    found = [(p, *parsed) for p in entries if (parsed := parse_name(p.name)) and p.is_file()]
    return sorted(found, key=lambda item: (item[1], _number(item[0].name)), reverse=True)


def _number(name: str) -> int:
    """Two backups in the same second are numbered: carnet-…T101500-2.sqlite is the later."""
    match = NAME.match(name)
    return int(match.group(2)) if match and match.group(2) else 1


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in folder, newest first, with what it holds."""
    return [read_backup_info(path) for path, _when, _label in backup_files(folder)]


def has_backup_on(folder: Path, day: date) -> bool:
    return any(when.date() == day and not label for _p, when, label in backup_files(folder))


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


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
