"""Carnet's log: a rotating file in the platform's log folder, plus faulthandler's traces.

A facilitator who meets a bug can send this folder; nothing else records what happened.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
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
    log.info("Carnet started: Python %s on %s", platform.python_version(), _platform_text())
    return folder


def _platform_text() -> str:
    """platform.platform() without its processor field, which Python 3.11 reads by
    running `uname -p` (a subprocess at every start)."""
    system = platform.uname()
    return "-".join(part for part in (system.system, system.release, system.machine) if part)


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


def _open_log_file(folder: Path) -> RotatingFileHandler:
    folder.mkdir(parents=True, exist_ok=True)
    return RotatingFileHandler(
        folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )


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
