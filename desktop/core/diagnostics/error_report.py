"""The report a facilitator copies after an unexpected error, for whoever maintains Carnet.

Technical text (the traceback is English anyway), so its labels are not translated.
"""

from __future__ import annotations

import platform
from datetime import datetime
from pathlib import Path

from desktop.paths import PYPROJECT as PYPROJECT_PATH

PYPROJECT = PYPROJECT_PATH


def carnet_version() -> str:
    """The installed package's version, else pyproject.toml's (Carnet runs from a checkout)."""
    import importlib.metadata  # here, not at start: the error hooks are installed before the window

    try:
        return importlib.metadata.version("carnet")
    except importlib.metadata.PackageNotFoundError:
        return _pyproject_version()


def _pyproject_version() -> str:
    import tomllib  # here: the error hooks are installed at start, a report is rare

    try:
        with PYPROJECT.open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        return "unknown"  # a report without a version still helps


def error_report(details: str, log_folder: Path | None, toolkit: str) -> str:
    """details: the traceback; toolkit: the GUI library's versions ("Qt 6.x, PySide6 6.x")."""
    lines = [
        f"Carnet {carnet_version()}",
        f"Date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        toolkit,
        f"Platform: {platform.platform()}",
        f"Log folder: {log_folder if log_folder else 'none (not writable), logged to stderr'}",
        "",
        details.rstrip(),
    ]
    return "\n".join(lines) + "\n"
