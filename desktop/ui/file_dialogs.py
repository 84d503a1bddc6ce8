"""File dialogs that start somewhere sensible and remember where the user went.

A dialog starts in the folder last used for the same purpose (photos, documents,
exports, imports, backups, logo, shared folder), else in Pictures (photos) or Documents
(QStandardPaths), never in the program's own folder. The last folders are kept in the
window's settings file of the data folder (window_state.py), handed over once with
use_settings(); with none (a dialog opened before any window), nothing is remembered.
Qt's own words in these dialogs are French: i18n.py loads Qt's qtbase catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

PICTURES_FIRST = {"photos", "logo"}
_settings: QSettings | None = None


def use_settings(settings: QSettings | None) -> None:
    global _settings  # the window's settings, set once when the window is built
    _settings = settings


def start_folder(purpose: str, current: str = "") -> str:
    """current (a path already chosen) first, then the last folder of that purpose, then
    Pictures or Documents, then home."""
    candidates = [current]
    if _settings is not None:
        candidates.append(str(_settings.value(f"folders/{purpose}", "")))
    kind = (
        QStandardPaths.StandardLocation.PicturesLocation
        if purpose in PICTURES_FIRST
        else QStandardPaths.StandardLocation.DocumentsLocation
    )
    candidates += [QStandardPaths.writableLocation(kind), str(Path.home())]
    for candidate in candidates:
        if candidate:
            path = Path(candidate)
            folder = path if path.is_dir() else path.parent
            if folder.is_dir() and str(folder) not in {"", "."}:
                return str(folder)
    return str(Path.home())


def remember(purpose: str, chosen: str) -> None:
    if not chosen or _settings is None:
        return
    path = Path(chosen)
    _settings.setValue(f"folders/{purpose}", str(path if path.is_dir() else path.parent))
    _settings.sync()


def open_file(parent: QWidget | None, purpose: str, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(purpose), filters)
    remember(purpose, path)
    return path


def open_files(parent: QWidget | None, purpose: str, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(purpose), filters)
    if paths:
        remember(purpose, paths[0])
    return paths


def save_file(parent: QWidget | None, purpose: str, title: str, name: str, filters: str) -> str:
    suggested = str(Path(start_folder(purpose)) / name)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    remember(purpose, path)
    return path


def existing_folder(parent: QWidget | None, purpose: str, title: str, current: str = "") -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(purpose, current))
    remember(purpose, folder)
    return folder
