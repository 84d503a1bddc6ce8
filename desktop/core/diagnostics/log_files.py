"""Carnet's log: a rotating file in the platform's log folder, plus faulthandler's traces.

A facilitator who meets a bug can send this folder; nothing else records what happened.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

import platformdirs

LOG_NAME = "carnet.log"
CRASH_NAME = "crash.log"  # faulthandler: a segfault or abort in Qt or a C library
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4  # carnet.log + carnet.log.1 … .4: five files, 5 MB at most
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# What start_logging installed, so that a second call replaces it instead of doubling it.
_handlers: list[logging.Handler] = []
_crash_file: TextIO | None = None  # must stay open: faulthandler writes to its descriptor


def log_folder() -> Path:
    """~/.local/state/Carnet/log, %LOCALAPPDATA%\\Carnet\\Logs, ~/Library/Logs/Carnet."""
    return Path(platformdirs.user_log_dir("Carnet", appauthor=False))


def start_logging(level: int = logging.INFO) -> Path | None:
    """Log to the log folder (warnings also to stderr) and keep crash traces there;
    returns the folder, or None when it cannot be written (logging then goes to stderr)."""
    folder, log = log_folder(), logging.getLogger(__name__)
    try:
        file_handler = _open_log_file(folder)
    except OSError as error:  # read-only home, full disk: Carnet still runs
        _install_handlers([_stderr_handler(level)], level)
        log.warning("Cannot write the log in %s (%s): logging to stderr only", folder, error)
        _enable_faulthandler(None)
        return None
    _install_handlers([file_handler, _stderr_handler(logging.WARNING)], level)
    _enable_faulthandler(folder)
    python = ".".join(str(n) for n in sys.version_info[:3])
    log.info("Carnet started: Python %s on %s", python, _platform_text())
    return folder


def _platform_text() -> str:
    """platform.platform() without its processor field (Python 3.11 reads it by running
    `uname -p`), and without importing platform at every start."""
    if hasattr(os, "uname"):
        system = os.uname()
        parts = (system.sysname, system.release, system.machine)
    else:  # Windows
        parts = (
            "Windows",
            str(sys.getwindowsversion().build),
            os.environ.get("PROCESSOR_ARCHITECTURE", ""),
        )
    return "-".join(part for part in parts if part)


def _install_handlers(handlers: list[logging.Handler | None], level: int) -> None:
    """Replace what an earlier call installed, leaving other handlers (pytest's) alone."""
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers[:] = [h for h in handlers if h is not None]
    for handler in _handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    root.setLevel(level)


class RotatingLog(logging.FileHandler):
    """logging.handlers.RotatingFileHandler's rotation by size (a record that would take
    the file to max_bytes goes to a fresh one; .1 … .N keep the previous ones), without
    importing logging.handlers (socket, pickle, queue: some 10 ms of every start)."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backup_count = max_bytes, backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (a full disk, a vanished folder) is left out: the
        journal is for later diagnosis, and logging's traceback on stderr (« --- Logging
        error --- ») would bury the French message the user must read."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handleError(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        position = self.stream.tell()
        return bool(position) and position + len(f"{self.format(record)}\n") >= self.max_bytes

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        for number in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


def _open_log_file(folder: Path) -> RotatingLog:
    folder.mkdir(parents=True, exist_ok=True)
    return RotatingLog(folder / LOG_NAME, MAX_BYTES, BACKUP_COUNT)


def _stderr_handler(level: int) -> logging.Handler | None:
    """None when there is no stderr (pythonw on Windows). Next to the file, only warnings
    and errors, which Python shows on stderr anyway when logging is not set up."""
    if sys.stderr is None:
        return None
    handler = logging.StreamHandler()
    handler.setLevel(level)
    return handler


def _enable_faulthandler(folder: Path | None) -> None:
    """Point faulthandler at crash.log in folder (stderr when None): a hard crash in Qt
    or a C library leaves no Python traceback otherwise."""
    global _crash_file
    previous, _crash_file = _crash_file, _open_crash_file(folder) if folder else None
    try:
        if _crash_file is not None:
            faulthandler.enable(file=_crash_file, all_threads=True)
        elif sys.stderr is not None:
            faulthandler.enable(all_threads=True)
        else:
            faulthandler.disable()
    except (OSError, RuntimeError, ValueError):  # a stderr with no file descriptor
        faulthandler.disable()
    if previous is not None:
        previous.close()  # only now that faulthandler no longer writes to it


def _open_crash_file(folder: Path) -> TextIO | None:
    path = folder / CRASH_NAME
    try:
        # Appended, so last session's crash is still there; started afresh when large.
        big = path.exists() and path.stat().st_size > MAX_BYTES
        return open(path, "w" if big else "a", encoding="utf-8")  # noqa: SIM115 - kept open
    except OSError as error:
        logging.getLogger(__name__).warning("No crash traces in %s: %s", path, error)
        return None
