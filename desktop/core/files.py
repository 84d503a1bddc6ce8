"""Writing files so that a crash or a full disk never leaves a half-written file in place."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over path.

    The rename is atomic: readers see the old file or the new one, never a part.
    On any error the temp file is removed and the error is raised.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder fsync."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


FRENCH_REASONS = {
    errno.ENOSPC: "disque plein",
    errno.EFBIG: "fichier trop gros pour ce disque",
    errno.EDQUOT: "quota de disque dépassé",
    errno.EROFS: "disque en lecture seule",
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.ENOENT: "dossier introuvable (disque débranché ?)",
    errno.EIO: "erreur d'entrée-sortie du disque",
}


def french_reason(error: OSError) -> str:
    """Why a file operation failed, in French words a user understands."""
    return FRENCH_REASONS.get(error.errno, error.strerror or str(error))
