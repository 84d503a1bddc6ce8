"""One device id, one computer and one data folder at a time.

The device id names this laptop's folder in the share (`devices/<id>/`), which only it
writes, and the stamps of its edits. A backup restored on another computer, or a data
folder copied, would bring that id along: two computers would then write the same
folder, each overwriting the other's record files, and colleagues would silently miss
edits. So the database records where its device id lives (`device_home`: this
computer's id and the data folder's path); opened anywhere else, it takes a fresh id for
its new writes. Every stamp already stored is kept as it is (history: the old id's), and
the old id's stamps made on this database before the move are still published by it
(`carried_stamps_sql`): a lost laptop restored from its backup loses nothing it had not
yet shared. The visits' sheets stay their owner's (the old id) until the user takes them
over (Synchronisation › Collègues); the user is told once (`MOVED_KEY`).

The computer's id is a random one kept in a file of its own, outside every data folder
(a copied data folder must not bring it along); tests point it elsewhere with the
CARNET_MACHINE_DIR environment variable.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import platformdirs

from desktop.core.storage.data_dir import APP_NAME
from desktop.core.storage.files import write_atomic

MACHINE_DIR_ENV = "CARNET_MACHINE_DIR"
MACHINE_FILE = "poste.txt"
HOME_KEY = "device_home"  # {"machine": …, "folder": …}: where device_id belongs
FORMER_KEY = "former_devices"  # [[old id, the clock when it left], …]
MOVED_KEY = "device_moved"  # {"before": old id, "after": new id}: not yet told


def machine_folder() -> Path:
    """Where this computer's id is kept: beside the default data folder, never in it."""
    override = os.environ.get(MACHINE_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(f"{APP_NAME}-poste", appauthor=False))


def machine_id() -> str:
    """This computer's id, made once; "" when it can be neither read nor kept (a home
    folder that cannot be written: the data folder's path alone then decides)."""
    path = machine_folder() / MACHINE_FILE
    try:
        known = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        known = ""
    if known:
        return known
    try:
        write_atomic(path, uuid.uuid4().hex.encode("ascii"))
        return path.read_text("ascii").strip()  # another start's, if it wrote last
    except (OSError, UnicodeDecodeError):
        return ""


def current_home(data_dir: Path) -> dict[str, str]:
    return {"machine": machine_id(), "folder": str(Path(data_dir).resolve())}


def same_home(stored: dict[str, str], here: dict[str, str]) -> bool:
    """The same data folder on the same computer (an unknown computer id matches any)."""
    if stored.get("folder") != here["folder"]:
        return False
    machines = stored.get("machine", ""), here["machine"]
    return not all(machines) or machines[0] == machines[1]


def bound_device_id(writer, data_dir: Path) -> str:
    """This database's device id here, on the writer: made on first use, adopted where an
    older database is first opened, and a fresh one when the database has moved."""
    device_id, stored = writer.setting("device_id"), writer.setting(HOME_KEY)
    here = current_home(data_dir)
    if device_id and stored and same_home(_loads(stored, {}), here):
        return device_id
    if device_id and stored:
        device_id = _move(writer, device_id)
    elif not device_id:
        device_id = new_device_id()
        writer.set_setting("device_id", device_id)
    writer.set_setting(HOME_KEY, json.dumps(here, ensure_ascii=False, sort_keys=True))
    return device_id


def new_device_id() -> str:
    return uuid.uuid4().hex[:12]


def _move(writer, old: str) -> str:
    """A fresh id for a database opened elsewhere; what the old id wrote stays its own."""
    fresh = new_device_id()
    former = carried_devices(writer.db)
    former.append([old, writer.setting("clock")])  # every stamp stored is at most that
    writer.set_setting(FORMER_KEY, json.dumps(former))
    writer.set_setting("device_id", fresh)
    told = _loads(writer.setting(MOVED_KEY), {})
    notice = {"before": told.get("before", old), "after": fresh}
    writer.set_setting(MOVED_KEY, json.dumps(notice))
    # The sheets the old id wrote are its own (they would be taken out of the share as
    # « no longer ours »); its record files are in its folder, not in ours.
    writer.db.conn.execute("DELETE FROM sync_sheets")
    writer.db.conn.execute("DELETE FROM sync_published")
    writer.set_setting("sync_device_json", "")
    return fresh


def carried_devices(db) -> list[list[str]]:
    """[old id, clock when it left] of each id this database had before."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (FORMER_KEY,)).fetchone()
    return _loads(row[0] if row else "", [])


def carried_stamps_sql(db, device_id: str) -> tuple[str, list[str]]:
    """A condition on field_stamps (its device_id and stamp columns) for the stamps this
    database publishes: its own, and those its former ids made here before it moved."""
    condition, params = "device_id = ?", [device_id]
    for old, clock in carried_devices(db):
        condition += " OR (device_id = ? AND stamp <= ?)"
        params += [old, clock]
    return f"({condition})", params


def moved_notice(db) -> dict[str, str] | None:
    """{"before", "after"}: the device id changed and the user was not told yet."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (MOVED_KEY,)).fetchone()
    notice = _loads(row[0] if row else "", None)
    return notice if isinstance(notice, dict) and notice.get("after") else None


def mark_told(writer) -> None:
    writer.set_setting(MOVED_KEY, "")


def _loads(text: str, default):
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default
