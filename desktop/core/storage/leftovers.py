"""Carnet's own temp files left by an interrupted write (kill, power cut), removed later.

Every write goes through a temp file beside its target (files.atomic_target:
« .NAME.XXXXXXXX.tmp »; a restore stages « .carnet-restauration-XXXXXXXX.sqlite », with
its -wal and -shm). A crash leaves it there, never under the real name. They are removed
at the next start (data folder, media, backups), sync pass (our folders in the share)
or `pdf --all` (its folder), once old enough that no write still in progress (another
window, a colleague writing into Fiches/) can own them.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

# A restore's staged copy is opened by a data service (core/backups/restore_sync.py): its
# -wal and -shm files too.
OURS = re.compile(
    r"^\..+\.[a-z0-9_]{8}\.tmp$|^\.carnet-restauration-[a-z0-9_]{8}\.sqlite(-wal|-shm)?$"
)
MIN_AGE_S = 15 * 60


def remove_leftovers(folder: Path, recursive: bool = False, min_age_s: float = MIN_AGE_S) -> int:
    """Remove our temp files in folder (and below it) older than min_age_s; how many."""
    removed, limit = 0, time.time() - min_age_s
    for root, names in _listing(Path(folder), recursive):
        for name in names:
            if not OURS.match(name):
                continue
            path = os.path.join(root, name)
            with contextlib.suppress(OSError):
                if os.lstat(path).st_mtime < limit:
                    os.unlink(path)
                    removed += 1
    return removed


def _listing(folder: Path, recursive: bool):
    if recursive:
        for root, _dirs, files in os.walk(folder):  # never follows links
            yield root, files
        return
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        yield str(folder), [e.name for e in entries if e.is_file(follow_symlinks=False)]


def clean_at_start(data_dir: Path, backup_folders: list[Path]) -> int:
    """The data folder, its media (every level) and the backup folders."""
    removed = remove_leftovers(data_dir) + remove_leftovers(Path(data_dir) / "media", True)
    return removed + sum(remove_leftovers(folder) for folder in backup_folders)
