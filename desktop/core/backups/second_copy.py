"""The second destination: a USB key or an external disk that receives a copy of each
backup with the photos and documents it refers to, so that a lost or broken laptop
loses nothing.

Layout of the chosen folder: the backups (`carnet-….sqlite`, rotated like the main
folder's) and `media/` (same paths as the data folder's media, named by hash and never
modified: a file already there is not copied again, and none is ever deleted).

The folder must exist: a key that is not plugged in leaves its mount point empty or
absent, and writing there would fill the laptop's own disk. Then the copy is not made,
the main backup stands, and the next backup copies everything missing (media included).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.core.backups.info import MEDIA_FOLDER, BackupError, BackupInfo, read_backup_info
from desktop.core.backups.making import check_backup_folder, rotate
from desktop.core.backups.restore import referred_media
from desktop.core.storage.files import atomic_target, french_reason

SETTING = "backup_second_dir"


@dataclass(frozen=True)
class SecondCopy:
    backup: BackupInfo  # the copy, read back from the second destination
    media_copied: int  # files copied this time (the others were there already)


def check_second_folder(folder: Path, data_dir: Path, shared_folder: str | None) -> Path:
    """The folder as chosen in the preferences: not in the shared folder, not in the data
    folder (the point is another disk), and present now."""
    resolved = check_backup_folder(folder, shared_folder)
    data = Path(data_dir).expanduser().resolve()
    if resolved == data or data in resolved.parents:
        raise BackupError(
            f"« {resolved} » est dans le dossier des données de Carnet : la seconde copie doit "
            "aller sur un autre disque (clé USB, disque externe)."
        )
    if not resolved.is_dir():
        raise BackupError(f"Le dossier « {resolved} » est introuvable.")
    return resolved


def copy_to_second(backup: BackupInfo, media_root: Path, folder: Path) -> SecondCopy:
    """Copy one backup and the media it refers to into folder; BackupError (French) when
    the folder has vanished or cannot be written. The main backup is never touched."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(
            f"Seconde copie non faite : « {folder} » est introuvable (clé USB débranchée ?). "
            "La sauvegarde sur cet ordinateur est faite ; la copie suivra, disque rebranché."
        )
    copied = 0
    try:
        for relative in referred_media(backup.path):
            source, target = media_root / relative, folder / MEDIA_FOLDER / relative
            if target.is_file() or not source.is_file():
                continue
            with atomic_target(target) as temporary:
                shutil.copyfile(source, temporary)
            copied += 1
        target = folder / backup.path.name
        with atomic_target(target) as temporary:  # the database last: it lists the media
            shutil.copyfile(backup.path, temporary)
        rotate(folder)
    except OSError as error:
        raise BackupError(
            f"La seconde copie dans « {folder} » a échoué : {french_reason(error)}. La "
            "sauvegarde sur cet ordinateur est faite."
        ) from None
    return SecondCopy(read_backup_info(target), copied)


@dataclass(frozen=True)
class Outcome:
    """A backup made, and what became of its second copy."""

    backup: BackupInfo
    second: SecondCopy | None = None  # None: no second destination, or it failed
    second_problem: str = ""  # why the second copy was not made (French)


def with_second_copy(backup: BackupInfo, media_root: Path, second: str) -> Outcome:
    """Copy a backup just made to the second destination, if one is chosen; a failure
    is told in the outcome, never raised: the main backup stands."""
    if not second:
        return Outcome(backup)
    try:
        return Outcome(backup, copy_to_second(backup, media_root, Path(second)))
    except BackupError as error:
        return Outcome(backup, None, str(error))
