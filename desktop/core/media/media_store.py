"""Files named by their content hash: originals kept once, renditions made once.

    media/originals/ab/abcdef…<ext>   the file as attached, untouched
    media/thumbnails/ab/abcdef….jpg   small, upright, no metadata (UI)
    media/print/ab/abcdef….jpg        print size, upright, no metadata (PDF, sharing)
    media/documents/ab/abcdef…<ext>   governance documents, untouched

A file is written once and never modified; the database refers to a hash only once
every file of that hash is completely written.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from pathlib import Path

from desktop.core.storage.files import write_atomic

KINDS = ("originals", "thumbnails", "print", "documents")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class MediaStore:
    root: Path

    def path(self, kind: str, digest: str, ext: str = ".jpg") -> Path:
        if kind not in KINDS:
            raise ValueError(kind)
        return self.root / kind / digest[:2] / f"{digest}{ext.lower()}"

    def has(self, kind: str, digest: str, ext: str = ".jpg") -> bool:
        return self.path(kind, digest, ext).is_file()

    def write_set(self, digest: str, files: dict[tuple[str, str], bytes]) -> None:
        """Write the files of one hash, {(kind, ext): data}; all or none of the new ones.

        Files that already exist are left as they are (same hash, same content). If a
        write fails (disk full…), the files this call created are removed again.
        """
        created: list[Path] = []
        try:
            for (kind, ext), data in files.items():
                target = self.path(kind, digest, ext)
                if target.is_file():
                    continue
                write_atomic(target, data)
                created.append(target)
        except BaseException:
            for target in created:
                with contextlib.suppress(OSError):
                    target.unlink()
            raise

    def forget(self, digest: str) -> int:
        """Remove every file of a hash (all kinds and extensions); how many were removed."""
        removed = 0
        for kind in KINDS:
            for path in (self.root / kind / digest[:2]).glob(f"{digest}.*"):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed += 1
        return removed
