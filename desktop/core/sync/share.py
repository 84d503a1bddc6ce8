"""The shared folder as Carnet lays it out, and writing into it safely.

    <dossier partagé>/Carnet/
        devices/<appareil>/device.json              who this laptop is
        devices/<appareil>/records/<table>/<id>.json one record's full state
        devices/<appareil>/media/<sha256><ext>       photos (print size, no metadata), documents
        Fiches/<Lieu>/<AAAA-MM-JJ> … .pdf            the sheets, for colleagues without Carnet

A laptop writes only inside its own device folder and the sheets of the visits it owns,
so the sync engine never has two writers for one file.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from desktop.core.storage.files import french_reason, write_atomic

APP_FOLDER = "Carnet"
TABLES = ("venues", "visits", "photos", "documents")
RETRY_DELAYS = (0.05, 0.2, 0.5, 1.0)  # a sync client or an antivirus holding the file


class ShareUnavailable(OSError):
    """The shared folder cannot be reached; str() is a French message."""


class Share:
    def __init__(self, folder: Path, device_id: str) -> None:
        self.folder = Path(folder)
        self.root = self.folder / APP_FOLDER
        self.device_id = device_id

    # ---------------------------------------------------------------- layout
    @property
    def devices(self) -> Path:
        return self.root / "devices"

    @property
    def own(self) -> Path:
        return self.devices / self.device_id

    @property
    def sheets(self) -> Path:
        return self.root / "Fiches"

    def record_path(self, table: str, record_id: str) -> Path:
        return self.own / "records" / table / f"{record_id}.json"

    def media_path(self, digest: str, ext: str) -> Path:
        return self.own / "media" / f"{digest}{ext.lower()}"

    # ---------------------------------------------------------------- state
    def check_available(self, known_before: bool) -> None:
        """Raise ShareUnavailable unless the share can be used now.

        The app folder is created only the first time: if it vanishes later, the drive
        is most likely unplugged (its empty mount point left behind), and creating it
        again would write our files onto the local disk and read « nothing » as the truth.
        """
        if not self.folder.is_dir():
            raise ShareUnavailable(f"Dossier partagé introuvable : « {self.folder} ».")
        if not self.root.is_dir():
            if known_before:
                raise ShareUnavailable(
                    f"Le dossier « {APP_FOLDER} » a disparu du dossier partagé "
                    f"« {self.folder} » (disque débranché ?). Rien n'est supprimé ici ; "
                    "la synchronisation reprendra quand il sera de retour."
                )
            try:
                self.own.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ShareUnavailable(_unwritable(self.folder, error)) from None
        if not os.access(self.root, os.R_OK | os.X_OK):
            raise ShareUnavailable(f"Accès refusé au dossier partagé « {self.folder} ».")

    # ---------------------------------------------------------------- writing
    def write(self, path: Path, data: bytes) -> None:
        """Atomic write (temp file beside it, fsync, rename), retried while locked."""
        for delay in (*RETRY_DELAYS, None):
            try:
                write_atomic(path, data)
                return
            except PermissionError:
                if delay is None:
                    raise
                time.sleep(delay)

    def remove(self, path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only if empty: a venue's folder with no sheet left


def _unwritable(folder: Path, error: OSError) -> str:
    return f"Impossible d'écrire dans le dossier partagé « {folder} » : {french_reason(error)}."
