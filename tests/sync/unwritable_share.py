"""A share this laptop may read but not write, for a test: a read-only bind mount of the
whole share folder when the tests run as root (root ignores permission bits), the
folders' write bits taken away otherwise (a share with read rights only)."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from tests.read_only_folder import read_only


@contextlib.contextmanager
def unwritable(share: Path) -> Iterator[Path]:
    if os.geteuid() == 0:
        with read_only(share):
            yield share
        return
    folders = [Path(root) for root, _dirs, _files in os.walk(share)]
    modes = {folder: stat.S_IMODE(folder.stat().st_mode) for folder in folders}
    for folder, mode in modes.items():
        folder.chmod(mode & ~0o222)
    try:
        yield share
    finally:
        for folder, mode in modes.items():
            folder.chmod(mode)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below folder with its bytes: what a pass must leave as it was."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
