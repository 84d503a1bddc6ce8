"""Whether the withdrawn-photo check (withdrawn_copies) may be skipped: nothing it reads
has been written since it last found nothing to do.

The check scans every photo twice (details to erase, photos held again): about 60 ms at
20,000 photos, at every pass, when most passes change nothing. So a check that leaves
nothing to do puts a mark in meta (CHECKED: the rule's version, the device id and the
schema version it was judged with), and temporary triggers on the write connection take
the mark away, in the same transaction, whenever a write could change the answer:
- a photo inserted, or its rights, deletion, details, author or visit changed;
- a visit inserted (its photos may have arrived first) or handed to another laptop;
- a version of one of the details kept aside (a conflict).
A detail's stamp (which counts as something held) moves only with its column: a merge
that takes a field, and every edit, set the column, and a trigger on UPDATE OF fires even
when the value is the same. So field_stamps, written by the hundred thousand in a bulk
import, carries no trigger (one would double the cost of its inserts).
Deletions only ever take photos out of the check's answer, and are not watched. A new
device id (a copied database) or a migration changes the mark's value: checked again.

Every write goes through the data service's connection (the one writer), in every
process, and open_workspace installs the triggers there (install), so no write escapes
them. A restored backup brings its own mark, taken with its own content.

The mark is taken in three steps, so that no write slips between the check and the mark:
begin() puts a token (on the writer), the check reads (on any connection, after it), and
confirm() turns the token into the mark only if no watched write took it away meanwhile.
"""

from __future__ import annotations

import secrets

from desktop.core.privacy.withdrawn_copies import ALL_FIELDS
from desktop.core.storage.data_service import Writer, get_meta
from desktop.core.storage.db import Database, schema_version

KEY = "withdrawn_copies_checked"
RULE = "1"  # raise it when the rule of withdrawn_copies changes: every database is checked again
PENDING = "en cours"

_FORGET = f"DELETE FROM meta WHERE key = '{KEY}';"
_DETAILS = f"new.field IN ({', '.join(repr(key) for key in ALL_FIELDS)})"
_PHOTO_COLUMNS = (
    "caption, taken_on, original_name, consent, identifiable_people, allowed_use, "
    "deleted_at, created_device, visit_id"
)
# (name, event and table, condition or ""): each forgets the mark.
_TRIGGERS = (
    ("photos_ai", "AFTER INSERT ON main.photos", ""),
    ("photos_au", f"AFTER UPDATE OF {_PHOTO_COLUMNS} ON main.photos", ""),
    ("visits_ai", "AFTER INSERT ON main.visits", ""),
    ("visits_au", "AFTER UPDATE OF owner_device ON main.visits", ""),
    ("conflicts_ai", "AFTER INSERT ON main.sync_conflicts", _DETAILS),
)


def install(writer: Writer) -> None:
    """Put the triggers on the write connection (temporary: they live with it)."""
    for name, event, condition in _TRIGGERS:
        when = f"WHEN {condition} " if condition else ""
        writer.db.conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS withdrawn_watch_{name} {event} "
            f"FOR EACH ROW {when}BEGIN {_FORGET} END"
        )


def _mark(db: Database, device_id: str) -> str:
    return f"{RULE} {device_id} {schema_version(db)}"


def checked(db: Database, device_id: str) -> bool:
    """Nothing the check reads was written since it last found nothing to do (any
    connection: a pass with nothing changed takes no write transaction)."""
    return get_meta(db, KEY) == _mark(db, device_id)


def begin(writer: Writer) -> str:
    """Before a check read on another connection: the token confirm() expects."""
    token = f"{PENDING} {secrets.token_hex(8)}"
    _put(writer, token)
    return token


def confirm(writer: Writer, token: str) -> None:
    """The check found nothing: marked, unless a watched write came since begin()."""
    if get_meta(writer.db, KEY) == token:
        mark(writer)


def mark(writer: Writer) -> None:
    """The check ran on the writer and did all there was to do, in this transaction."""
    _put(writer, _mark(writer.db, writer.store.author.device_id))


def _put(writer: Writer, value: str) -> None:
    """Not a setting the views follow (writer.set_setting would broadcast it)."""
    writer.db.conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (KEY, value),
    )
