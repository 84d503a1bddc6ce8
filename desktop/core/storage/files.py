"""Writing files so that a crash or a full disk never leaves a half-written file in place.

`atomic_target(path)` is the one way: the caller writes a temp file beside path (bytes, or
a library that wants a file name: xlsxwriter, SQLite's backup API), then it is given the
mode a new file gets here, synced and renamed over path; on any error it is removed.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path whole: readers see the old file or the new one, never a part."""
    with atomic_target(path) as temporary:
        temporary.write_bytes(data)


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temp path beside path to write to; once written it replaces path atomically.

    Same folder, so the rename never crosses disks. On any error, in the caller's writing
    or here, the temp file is removed, path is left as it was, and the error is raised.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _give_usual_mode(temporary)
        _fsync_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(path.parent)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as stream:  # writable: Windows cannot flush a read-only handle
        os.fsync(stream.fileno())


def _give_usual_mode(path: Path) -> None:
    """mkstemp makes 0600; a file in a shared folder must be readable by colleagues."""
    mode = new_file_mode()
    if mode is not None:
        with contextlib.suppress(OSError):  # some network shares refuse chmod
            os.chmod(path, mode)


@functools.cache
def new_file_mode() -> int | None:
    """The mode open() gives a new file here (0o666 less the umask); None on Windows or
    when it cannot be known (the temp file then keeps its private 0600).

    os.umask cannot read the umask without setting it, for a moment, for every thread of
    the process; /proc tells it on Linux, elsewhere a probe file shows it.
    """
    if os.name == "nt":
        return None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    return _probed_mode()


def _probed_mode() -> int | None:
    try:
        folder = tempfile.mkdtemp(prefix="carnet-umask-")
    except OSError:
        return None
    try:
        probe = os.path.join(folder, "probe")
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        return stat.S_IMODE(os.stat(probe).st_mode)
    except OSError:
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
    errno.ENOTDIR: "un fichier occupe la place d'un dossier",
    errno.EISDIR: "un dossier occupe la place du fichier",
    errno.EEXIST: "un fichier du même nom existe déjà",
}


# SQLite's primary result codes (its messages are English: « database or disk is full »).
SQLITE_REASONS = {
    13: "le disque est plein",  # SQLITE_FULL
    10: "le disque ne répond pas ou est plein",  # SQLITE_IOERR
    14: "le fichier ne peut pas être ouvert",  # SQLITE_CANTOPEN
    5: "la base est occupée par un autre programme",  # SQLITE_BUSY
    6: "la base est occupée par un autre programme",  # SQLITE_LOCKED
    8: "la base ne peut pas être modifiée",  # SQLITE_READONLY
    3: "l'accès au fichier est refusé",  # SQLITE_PERM
    11: "le fichier de la base est endommagé",  # SQLITE_CORRUPT
}


def french_reason(error: BaseException) -> str:
    """Why a file or database operation failed, in French words a user understands."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return SQLITE_REASONS.get(code & 0xFF, str(error))
    errno_code = getattr(error, "errno", None)
    return FRENCH_REASONS.get(errno_code, getattr(error, "strerror", None) or str(error))
