"""Walking the share: every file of the devices' folders, compared with the index.

The index (sync_index) keeps each file's size and modification time from the last
pass, so a pass where nothing changed only lists folders and stats files: it reads no
content. Symbolic links are never followed, and a name that is not a plain child of
the folder being listed is never opened.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.names import (
    DEVICE_ID,
    MEDIA_NAME,
    NOT_UTF8_NAME,
    is_utf8_name,
    shown_name,
)
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
    and an Entry object each (with its path) cost about 330 bytes a file, a name string
    each still about 90. Here the names are one string, NUL between them (no file name
    holds a NUL), about the names' own length, and the sizes and times two arrays of
    8-byte numbers. Entries are made when iterated, one at a time."""

    __slots__ = ("relative", "device_id", "area", "_names", "_adding", "sizes", "mtimes")

    def __init__(self, relative: str, device_id: str, area: str) -> None:
        self.relative, self.device_id, self.area = relative, device_id, area
        self._names, self._adding = "", []  # packed names; names added since the packing
        self.sizes, self.mtimes = array("q"), array("q")

    def add(self, name: str, size: int, mtime_ns: int) -> None:
        self._adding.append(name)
        self.sizes.append(size)
        self.mtimes.append(mtime_ns)

    def pack(self) -> None:
        """Keep the names added so far as one string (once the folder is listed)."""
        if self._adding:
            packed_before = len(self.sizes) > len(self._adding)
            self._names = SEP.join([self._names] * packed_before + self._adding)
            self._adding = []

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def names(self) -> Iterator[str]:
        """Each file's name, in the listing's order, made one at a time."""
        self.pack()
        if not self.sizes:
            return
        text, start = self._names, 0
        while (end := text.find(SEP, start)) >= 0:
            yield text[start:end]
            start = end + 1
        yield text[start:]

    def __iter__(self) -> Iterator[Entry]:
        for name, size, mtime_ns in self.files():
            yield self.entry(name, size, mtime_ns)

    def files(self) -> Iterator[tuple[str, int, int]]:
        """(name, size, mtime_ns) of each file, with no Entry made."""
        return zip(self.names, self.sizes, self.mtimes, strict=True)

    def entry(self, name: str, size: int, mtime_ns: int) -> Entry:
        return Entry(f"{self.relative}/{name}", self.device_id, self.area, name, size, mtime_ns)


SEP = "\0"  # between two packed names


class Entries:
    """The files of a listing, folder after folder: iterable as often as needed."""

    def __init__(self, folders: list[Folder]) -> None:
        self.folders = folders

    def __iter__(self) -> Iterator[Entry]:
        for folder in self.folders:
            yield from folder

    def __len__(self) -> int:
        return sum(len(folder) for folder in self.folders)

    def by_area(self, order: dict[str, int]) -> Entries:
        """The same files, areas in this order (the others first), as sorted() would."""
        return Entries(sorted(self.folders, key=lambda f: order.get(f.area, -1)))

    def only(self, *areas: str) -> Entries:
        """The files of these areas alone (no Entry made for the others)."""
        return Entries([f for f in self.folders if f.area in areas])

    def newest_mtime_ns(self) -> int:
        return max((max(f.mtimes) for f in self.folders if f.mtimes), default=0)

    def present(self) -> Callable[[str], bool]:
        """Whether a path (relative, as indexed) is in the listing. A folder's names are
        made into a set when a path of it is asked, the last folder's only: asked in the
        paths' order, the sets never hold more than one folder of the share."""
        folders: dict[str, list[Folder]] = {}
        for folder in self.folders:
            folders.setdefault(folder.relative, []).append(folder)
        last: list = [None, frozenset()]  # (folder, its names)

        def is_present(path: str) -> bool:
            relative, _, name = path.rpartition("/")
            if last[0] != relative:
                last[:] = relative, {n for f in folders.get(relative, ()) for n in f.names}
            return name in last[1]

        return is_present


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
        info.pack()
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
        if not is_utf8_name(entry.name):
            listing.refused.append((f"{relative}/{shown_name(entry.name)}", NOT_UTF8_NAME))
        elif entry.is_symlink():
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
    found.pack()
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
