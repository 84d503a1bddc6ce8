"""One data folder, opened: the database, this laptop's identity, the templates, the store.

Both the app and the headless commands start here, so they run on the same services.
"""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop.core.data_dir import DATABASE_NAME, check_data_dir, default_data_dir
from desktop.core.db import Database, open_database
from desktop.core.media_store import MediaStore
from desktop.core.records import Author
from desktop.core.store import CarnetStore
from desktop.core.templates import TemplateSet


@dataclass
class Workspace:
    data_dir: Path
    db: Database
    templates: TemplateSet
    store: CarnetStore
    media: MediaStore

    def setting(self, key: str, default: str = "") -> str:
        return get_meta(self.db, key, default)

    def set_setting(self, key: str, value: str) -> None:
        set_meta(self.db, key, value)

    def close(self) -> None:
        self.db.conn.close()


def get_meta(db: Database, key: str, default: str = "") -> str:
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(db: Database, key: str, value: str) -> None:
    db.conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _author(db: Database) -> Author:
    """This laptop's device id (made once, kept forever) and its user's name."""
    device_id = get_meta(db, "device_id")
    if not device_id:
        device_id = uuid.uuid4().hex[:12]
        set_meta(db, "device_id", device_id)
    user_name = get_meta(db, "user_name")
    if not user_name:
        user_name = _system_user_name()
        set_meta(db, "user_name", user_name)
    return Author(device_id, user_name)


def _system_user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "Utilisateur"


def open_workspace(
    data_dir: Path | None = None,
    templates: TemplateSet | None = None,
    check_templates: bool = True,
) -> Workspace:
    """Open (creating if needed) the data folder; raises DataDirError or DatabaseError.

    check_templates=False defers the templates' meta-schema check to their first use
    (the app checks them right after its window is shown).
    """
    folder = check_data_dir(data_dir or default_data_dir())
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / DATABASE_NAME)
    templates = templates or TemplateSet.load(check=check_templates)
    store = CarnetStore(db, templates, _author(db))
    return Workspace(folder, db, templates, store, MediaStore(folder / "media"))
