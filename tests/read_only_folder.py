"""A data folder made really read-only for a test: a read-only bind mount when the tests
run as root (root ignores permission bits), the permission bits otherwise."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    folder = Path(folder)
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], check=True)
        try:
            yield folder
        finally:
            subprocess.run(["umount", "--lazy", str(folder)], check=True)  # once unused
        return
    modes = {path: path.stat().st_mode for path in [folder, *folder.iterdir()]}
    for path in modes:
        path.chmod(stat.S_IMODE(modes[path]) & ~0o222)
    try:
        yield folder
    finally:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))
