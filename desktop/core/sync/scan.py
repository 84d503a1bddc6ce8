"""Walking the share: every file of the devices' folders, compared with the index.

The index (sync_index) keeps each file's size and modification time from the last
pass, so a pass where nothing changed only lists folders and stats files: it reads no
content. Symbolic links are never followed, and a name that is not a plain child of
the folder being listed is never opened.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.names import DEVICE_ID, MEDIA_NAME
from desktop.core.sync.share import TABLES, Share


@dataclass(frozen=True, slots=True)  # made one at a time from a Folder (below)
class Entry:
    relative: str  # path from the share's Carnet folder, with « / »
    device_id: str
    area: str  # a table name, "media", "device" or "" (not ours)
    name: str
    size: int
    mtime_ns: int


class Folder:
    """The files listed in one folder, compactly: a first import lists 100,000 of them,
    and an Entry object each (with its path) cost about 330 bytes a file; here a file
    is its name and two 8-byte numbers. Entries are made when iterated, one at a time."""

    __slots__ = ("relative", "device_id", "area", "names", "sizes", "mtimes")

    def __init__(self, relative: str, device_id: str, area: str) -> None:
        self.relative, self.device_id, self.area = relative, device_id, area
        self.names: list[str] = []
        self.sizes, self.mtimes = array("q"), array("q")

    def add(self, name: str, size: int, mtime_ns: int) -> None:
        self.names.append(name)
        self.sizes.append(size)
        self.mtimes.append(mtime_ns)

    def __iter__(self) -> Iterator[Entry]:
        for name, size, mtime_ns in self.files():
            yield self.entry(name, size, mtime_ns)

    def files(self) -> Iterator[tuple[str, int, int]]:
        """(name, size, mtime_ns) of each file, with no Entry made."""
        return zip(self.names, self.sizes, self.mtimes, strict=True)

    def entry(self, name: str, size: int, mtime_ns: int) -> Entry:
        return Entry(f"{self.relative}/{name}", self.device_id, self.area, name, size, mtime_ns)


class Entries:
    """The files of a listing, folder after folder: iterable as often as needed."""

    def __init__(self, folders: list[Folder]) -> None:
        self.folders = folders

    def __iter__(self) -> Iterator[Entry]:
        for folder in self.folders:
            yield from folder

    def __len__(self) -> int:
        return sum(len(folder.names) for folder in self.folders)

    def by_area(self, order: dict[str, int]) -> Entries:
        """The same files, areas in this order (the others first), as sorted() would."""
        return Entries(sorted(self.folders, key=lambda f: order.get(f.area, -1)))

    def only(self, *areas: str) -> Entries:
        """The files of these areas alone (no Entry made for the others)."""
        return Entries([f for f in self.folders if f.area in areas])

    def newest_mtime_ns(self) -> int:
        return max((max(f.mtimes) for f in self.folders if f.mtimes), default=0)

    def names_by_folder(self) -> dict[str, set[str]]:
        """Each folder's file names (relative folder -> names): a path is present when
        its name is in its folder's set; no path string is made per file."""
        found: dict[str, set[str]] = {}
        for folder in self.folders:
            found.setdefault(folder.relative, set()).update(folder.names)
        return found


@dataclass
class Listing:
    folders: list[Folder]
    refused: list[tuple[str, str]]  # (relative path, French reason): links, odd names

    @property
    def entries(self) -> Entries:
        return Entries(self.folders)


def list_share(share: Share) -> Listing:
    listing = Listing([], [])
    for device in _children(share.devices, "devices", listing):
        if not device.is_dir(follow_symlinks=False):
            continue
        if not DEVICE_ID.match(device.name):
            listing.refused.append((f"devices/{device.name}", "nom de dossier inattendu"))
            continue
        base = f"devices/{device.name}"
        info = Folder(base, device.name, "device")
        for entry in _children(Path(device.path), base, listing):
            if entry.name == "device.json" and entry.is_file(follow_symlinks=False):
                _add(info, entry)
        listing.folders.append(info)
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
    found = Folder(relative, device_id, area)
    for entry in _children(folder, relative, listing):
        if entry.is_file(follow_symlinks=False):
            _add(found, entry)
        elif entry.is_dir(follow_symlinks=False):
            listing.refused.append((f"{relative}/{entry.name}", "dossier inattendu : ignoré"))
    listing.folders.append(found)


def _add(folder: Folder, entry: os.DirEntry) -> None:
    stat = entry.stat(follow_symlinks=False)
    folder.add(entry.name, stat.st_size, stat.st_mtime_ns)


def media_by_digest(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
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
