"""Where the local database lives, and the places it must never live.

SQLite's locking does not hold on network file systems, and a sync client copying a
live database file corrupts it or makes conflict copies of it. So the data folder is
refused inside a network share or a folder a sync client watches, as far as we can
detect them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "Carnet"
DATABASE_NAME = "carnet.sqlite"

NETWORK_FILESYSTEMS = {
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afpfs",
    "9p",
    "davfs",
    "fuse.sshfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
    "webdav",
    "ncpfs",
}

# Files or folders that sync clients keep at the root of the folder they watch.
SYNC_MARKERS = {
    ".stfolder": "Syncthing",
    ".stignore": "Syncthing",
    ".sync": "Resilio Sync",
    ".dropbox": "Dropbox",
    ".dropbox.cache": "Dropbox",
    ".owncloudsync.log": "ownCloud",
    ".nextcloudsync.log": "Nextcloud",
    ".tresorit": "Tresorit",
}
SYNC_MARKER_PREFIXES = {"._sync_": "Nextcloud / ownCloud", ".sync_": "Nextcloud / ownCloud"}
SYNC_FOLDER_NAMES = {"onedrive": "OneDrive", "dropbox": "Dropbox", "google drive": "Google Drive"}
SYNC_FOLDER_NAMES |= {"nextcloud": "Nextcloud", "icloud drive": "iCloud Drive"}


class DataDirError(ValueError):
    """A data folder the app refuses to use; str() is a French message."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _linux_mount_type(path: Path) -> str | None:
    """The file system type of the mount holding path, from /proc/self/mounts."""
    try:
        mounts = Path("/proc/self/mounts").read_text()
    except OSError:
        return None
    return mount_type_in(mounts, path)


def _unescape_mount_field(field: str) -> str:
    """The kernel writes space, tab, newline and backslash as octal escapes (\\040...)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mount_type_in(mounts: str, path: Path) -> str | None:
    """The type of the innermost mount holding path, from the text of a mounts table."""
    best, best_type = "", None
    text = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape_mount_field(parts[1])
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def _windows_is_remote(path: Path) -> bool:
    if str(path).startswith("\\\\"):
        return True  # UNC path: \\server\share
    import ctypes

    drive_remote = 4
    root = f"{path.drive}\\"
    return ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote  # type: ignore[attr-defined]


def network_share_reason(path: Path, mounts: str | None = None) -> str | None:
    """Why path is on a network share, or None; mounts: a mounts table's text (default: ours)."""
    if mounts is None and os.name == "nt":
        return "lecteur réseau" if _windows_is_remote(path) else None
    fs_type = _linux_mount_type(path) if mounts is None else mount_type_in(mounts, path)
    if fs_type in NETWORK_FILESYSTEMS:
        return f"partage réseau ({fs_type})"
    return None


def sync_client_reason(path: Path) -> str | None:
    for folder in (path, *path.parents):
        for name in SYNC_FOLDER_NAMES:
            if folder.name.lower() == name or folder.name.lower().startswith(name + " - "):
                return f"dossier synchronisé par {SYNC_FOLDER_NAMES[name]}"
        try:
            entries = {e.name for e in os.scandir(folder)} if folder.is_dir() else set()
        except OSError:
            continue
        for marker, client in SYNC_MARKERS.items():
            if marker in entries:
                return f"dossier synchronisé par {client}"
        for entry in entries:
            for prefix, client in SYNC_MARKER_PREFIXES.items():
                if entry.startswith(prefix) and entry.endswith(".db"):
                    return f"dossier synchronisé par {client}"
    return None


def check_data_dir(path: Path, shared_folder: Path | None = None) -> Path:
    """Return the resolved data folder, or raise DataDirError saying why it is refused."""
    resolved = Path(path).expanduser().resolve()
    if shared_folder is not None:
        shared = Path(shared_folder).expanduser().resolve()
        if resolved == shared or shared in resolved.parents:
            raise DataDirError(_refusal(resolved, "dossier partagé du réseau"))
    reason = network_share_reason(resolved) or sync_client_reason(resolved)
    if reason:
        raise DataDirError(_refusal(resolved, reason))
    return resolved


def _refusal(path: Path, reason: str) -> str:
    return (
        f"Le dossier de données « {path} » est dans un {reason}. "
        "La base locale de Carnet doit rester sur le disque de cet ordinateur : "
        "une base SQLite sur un partage ou dans un dossier synchronisé peut être corrompue. "
        "Choisissez un dossier local (par défaut : "
        f"{default_data_dir()})."
    )
