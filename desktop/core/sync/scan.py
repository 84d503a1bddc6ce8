"""Walking the share: every file of the devices' folders, compared with the index.

The index (sync_index) keeps each file's size and modification time from the last
pass, so a pass where nothing changed only lists folders and stats files: it reads no
content. Symbolic links are never followed, and a name that is not a plain child of
the folder being listed is never opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.names import DEVICE_ID, MEDIA_NAME
from desktop.core.sync.share import TABLES, Share


@dataclass(frozen=True, slots=True)  # slots: a first import lists 100,000 of them
class Entry:
    relative: str  # path from the share's Carnet folder, with « / »
    device_id: str
    area: str  # a table name, "media", "device" or "" (not ours)
    name: str
    size: int
    mtime_ns: int


@dataclass
class Listing:
    entries: list[Entry]
    refused: list[tuple[str, str]]  # (relative path, French reason): links, odd names


def list_share(share: Share) -> Listing:
    listing = Listing([], [])
    for device in _children(share.devices, "devices", listing):
        if not device.is_dir(follow_symlinks=False):
            continue
        if not DEVICE_ID.match(device.name):
            listing.refused.append((f"devices/{device.name}", "nom de dossier inattendu"))
            continue
        base = f"devices/{device.name}"
        for entry in _children(Path(device.path), base, listing):
            if entry.name == "device.json" and entry.is_file(follow_symlinks=False):
                listing.entries.append(_entry(entry, base, device.name, "device"))
        records = Path(device.path) / "records"
        if records.is_symlink():  # already told once, as one of the device's entries
            continue
        for table in TABLES:
            _files(records / table, f"{base}/records/{table}", device.name, table, listing)
        if not (Path(device.path) / "media").is_symlink():
            _files(Path(device.path) / "media", f"{base}/media", device.name, "media", listing)
    return listing


def _children(folder: Path, relative: str, listing: Listing):
    try:
        with os.scandir(folder) as entries:
            found = list(entries)
    except FileNotFoundError:
        return []
    except OSError as error:
        listing.refused.append((relative, f"dossier illisible ({error.strerror})"))
        return []
    kept = []
    for entry in found:
        if entry.is_symlink():
            listing.refused.append((f"{relative}/{entry.name}", "lien symbolique : non suivi"))
        else:
            kept.append(entry)
    return kept


def _files(folder: Path, relative: str, device_id: str, area: str, listing: Listing) -> None:
    if folder.is_symlink():  # a linked folder: one ignored entry, never what it points to
        listing.refused.append((relative, "lien symbolique : non suivi"))
        return
    for entry in _children(folder, relative, listing):
        if entry.is_file(follow_symlinks=False):
            listing.entries.append(_entry(entry, relative, device_id, area))
        elif entry.is_dir(follow_symlinks=False):
            listing.refused.append((f"{relative}/{entry.name}", "dossier inattendu : ignoré"))


def _entry(entry: os.DirEntry, relative: str, device_id: str, area: str) -> Entry:
    stat = entry.stat(follow_symlinks=False)
    return Entry(
        f"{relative}/{entry.name}", device_id, area, entry.name, stat.st_size, stat.st_mtime_ns
    )


def media_by_digest(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Media files of every device by their hash (the same file may be in several folders)."""
    found: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.area == "media":
            match = MEDIA_NAME.match(entry.name)
            if match:
                found.setdefault(match.group("digest"), []).append(entry)
    return found


def inside(share: Share, relative: str) -> Path | None:
    """The absolute path, or None if it would resolve outside the share's folder."""
    root = share.root.resolve()
    path = (share.root / relative).resolve()
    return path if path == root or root in path.parents else None
