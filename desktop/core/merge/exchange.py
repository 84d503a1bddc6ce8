"""The lossless JSON exchange format: export every venue and visit, import them back.

The file carries each record's full state with its per-field stamps, as described by
schemas/exchange.schema.json. Import merges field by field: a field is taken from
the file when its stamp is later than ours, so importing the same file twice, or an
older file, changes nothing. The whole import is one transaction: all or nothing.
"""

from __future__ import annotations

import errno
import functools
import json
import os
from pathlib import Path
from typing import Any

from desktop.core.forms import strict_json
from desktop.core.merge import kept_versions, personal_cells
from desktop.core.merge.compiled_schema import passes_exchange_schema
from desktop.core.merge.exchange_attachments import (
    attachment_records,
    export_attachments,
    merge_attachment,
)
from desktop.core.merge.new_records import derived_columns, insert_new_records, record_row
from desktop.core.merge.record_merge import merge_fields
from desktop.core.privacy.shared_records import drop_hidden_fields
from desktop.core.storage.files import write_atomic
from desktop.core.storage.plain_upsert import upsert_rows
from desktop.core.storage.purge import without_purged
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import DELETED_FIELD, OWNER_FIELD
from desktop.core.storage.template_versions import highest_version
from desktop.paths import SCHEMAS

FORMAT_NAME = "carnet-exchange"
FORMAT_VERSION = 1
SCHEMA_PATH = SCHEMAS / "exchange.schema.json"

VENUE_COLUMNS = ("id", "created_at", "created_device", "created_user", "updated_at", "deleted_at")
VISIT_COLUMNS = VENUE_COLUMNS + (
    "venue_id",
    "template_id",
    "template_version",
    "owner_device",
    "carried_over",
    "carried_from",
)


class ExchangeError(ValueError):
    """A file that cannot be imported; str() is a French message. Nothing was changed."""


def _records(
    store: CarnetStore, table: str, columns: tuple[str, ...], record_id: str | None = None
) -> list[dict[str, Any]]:
    where, params = ("WHERE id = ?", (record_id,)) if record_id else ("", ())
    rows = store.db.conn.execute(
        f"SELECT {', '.join(columns)}, data FROM {table} {where} ORDER BY created_at, id", params
    ).fetchall()
    records = []
    for row in rows:
        record = dict(zip(columns, row[:-1], strict=True))
        record["data"] = json.loads(row[-1])
        if "carried_over" in record:
            record["carried_over"] = json.loads(record["carried_over"] or "[]")
        record["stamps"] = store.field_stamps(record["id"])
        records.append(record)
    return records


def export_document(store: CarnetStore, include_private_photos: bool = False) -> dict[str, Any]:
    """Everything when private data is asked for; otherwise the network's part: no photo
    whose rights do not reach the network (their number is in "photos_left_out"), no
    field that does not reach it (privacy.audiences)."""

    attachments, left_out = export_attachments(store, include_private_photos)
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": now_iso(),
        "device_id": store.author.device_id,
        "templates": {
            "visit": {"id": store.templates.visit.id, "version": store.templates.visit.version},
        },
        "venues": _records(store, "venues", VENUE_COLUMNS),
        "visits": _records(store, "visits", VISIT_COLUMNS),
        **attachments,
        "photos_left_out": left_out,
    }
    if not include_private_photos:  # a copy for the network: its part of each record
        drop_hidden_fields(store, document)
    return document


def record_document(store: CarnetStore, table: str, record_id: str) -> dict[str, Any]:
    """One record's full state as an exchange document (a file of the shared folder).

    Nothing in it depends on the moment it is written, so an unchanged record gives
    the same bytes and the sync engine has nothing to carry.
    """

    if table in ("venues", "visits"):
        columns = VENUE_COLUMNS if table == "venues" else VISIT_COLUMNS
        records = _records(store, table, columns, record_id)
        for record in records:
            record.pop("carried_over", None)  # this laptop's reading aid
            record.pop("carried_from", None)
    else:
        records = attachment_records(store, table, record_id)
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "device_id": store.author.device_id,
    }
    for name in ("venues", "visits", "photos", "documents"):
        document[name] = records if name == table else []
    return document


def export_json(store: CarnetStore, path: Path, include_private_photos: bool = False) -> dict:
    document = export_document(store, include_private_photos)
    if not path.parent.is_dir():  # a mistyped folder is refused, not created
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path.parent))
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, data)  # never a half-written export under the real name
    return {
        "venues": len(document["venues"]),
        "visits": len(document["visits"]),
        "photos": len(document["photos"]),
        "photos_left_out": document["photos_left_out"],
    }


def read_exchange_file(path: Path) -> dict[str, Any]:
    try:
        document = strict_json.loads(Path(path).read_text("utf-8"))
    except OSError as error:
        raise ExchangeError(f"Impossible de lire « {path} » : {error.strerror}.") from None
    except UnicodeDecodeError:
        raise ExchangeError(
            f"« {Path(path).name} » n'est pas un fichier texte UTF-8 : est-ce bien un export "
            "Carnet (.json) ?"
        ) from None
    except json.JSONDecodeError as error:
        raise ExchangeError(
            f"« {Path(path).name} » n'est pas un fichier JSON lisible (ligne {error.lineno}, "
            f"colonne {error.colno} : {error.msg})."
        ) from None
    validate_exchange(document)
    return document


def validate_exchange(document: Any) -> None:
    if isinstance(document, dict) and document.get("format") == FORMAT_NAME:
        version = document.get("version")
        if isinstance(version, int) and version > FORMAT_VERSION:
            raise ExchangeError(
                f"Ce fichier vient d'une version plus récente de Carnet (format {version}). "
                "Mettez Carnet à jour pour l'importer."
            )
    if passes_exchange_schema(document):  # the fast check; jsonschema words the refusals
        return
    error = next(iter(_validator().iter_errors(document)), None)
    if error is not None:
        from desktop.core.merge.schema_reasons import french_reason

        raise ExchangeError(
            f"Le fichier n'est pas un export Carnet valide ({french_reason(error)})."
        )


@functools.cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text("utf-8")))


def import_document(store: CarnetStore, document: dict[str, Any]) -> dict[str, int]:
    """Merge a validated exchange document; returns counts of created and updated records."""
    return store.service.call(lambda writer: merge_document(writer.store, document))


def merge_document(store: CarnetStore, document: dict[str, Any]) -> dict[str, int]:
    """Merge inside the caller's transaction; ExchangeError if a parent is missing.

    Records purged here (or whose parent was) are left out: they never come back."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    document, _ = without_purged(store, document)
    venue_ids = {v["id"] for v in document["venues"]}
    for record in document["venues"]:
        counts[_merge(store, "venues", VENUE_COLUMNS, record)] += 1
    for record in document["visits"]:
        known = store.db.conn.execute(
            "SELECT 1 FROM venues WHERE id = ?", (record["venue_id"],)
        ).fetchone()
        if not known and record["venue_id"] not in venue_ids:
            raise ExchangeError(f"La visite {record['id']} renvoie à un lieu absent du fichier.")
        counts[_merge(store, "visits", VISIT_COLUMNS, record)] += 1
    _import_attachments(store, document, counts)
    return counts


def _import_attachments(store: CarnetStore, document: dict[str, Any], counts: dict) -> None:
    for table, parent, parent_table in (
        ("photos", "visit_id", "visits"),
        ("documents", "venue_id", "venues"),
    ):
        for record in document.get(table, []):
            found = store.db.conn.execute(
                f"SELECT 1 FROM {parent_table} WHERE id = ?", (record[parent],)
            ).fetchone()
            if not found:
                raise ExchangeError(
                    f"Le fichier joint {record['id']} renvoie à un élément absent du fichier."
                )
            counts[merge_attachment(store, table, record)] += 1


def import_json(store: CarnetStore, path: Path) -> dict[str, int]:
    return import_document(store, read_exchange_file(path))


def _merge(store: CarnetStore, table: str, columns: tuple[str, ...], record: dict) -> str:
    """Insert a new record, or merge it field by field (record_merge decides each field)."""
    row = store.db.conn.execute(
        f"SELECT data, deleted_at, owner_device FROM {table} WHERE id = ?"
        if table == "visits"
        else f"SELECT data, deleted_at, NULL FROM {table} WHERE id = ?",
        (record["id"],),
    ).fetchone()
    if row is None:
        insert_new_records(store, table, columns, [record])
        kept_versions.apply_from_record(store.db, table, record)
        return "created"
    data, deleted, owner = json.loads(row[0]), row[1], row[2]
    ours = {**data, DELETED_FIELD: deleted, OWNER_FIELD: owner}
    theirs = {
        **record["data"],
        DELETED_FIELD: record.get("deleted_at"),
        OWNER_FIELD: record.get("owner_device"),
    }
    # This laptop's personal table cells go back on the colleague's rows (personal_cells).
    stamps = (store.field_stamps(record["id"]), record["stamps"])  # ours, theirs: read once
    unplaced = personal_cells.place_in_record(store, table, record["id"], data, theirs, stamps)
    taken = merge_fields(store, table, record["id"], ours, theirs, stamps[1], stamps[0])
    personal_cells.keep_unplaced(store, table, record["id"], unplaced, taken)
    if kept_versions.apply_from_record(store.db, table, record):
        store.changes.conflicts = True
    if not taken:
        return "unchanged"
    for key in taken.keys() - {DELETED_FIELD, OWNER_FIELD}:
        if key in record["data"]:
            data[key] = theirs[key]
        else:
            data.pop(key, None)
    if DELETED_FIELD in taken:
        deleted = record.get("deleted_at")
    if OWNER_FIELD in taken:
        owner = record.get("owner_device")
    # Carry-over markers are this laptop's reading aid, the owner moves only by its stamp.
    local_only = {"carried_over", "carried_from", "owner_device"}
    if table == "visits":  # the newest version it was edited in: never lowered by a merge
        record = {
            **record,
            "template_version": highest_version(
                store, record["id"], record.get("template_version")
            ),
        }
    _write(store, table, tuple(c for c in columns if c not in local_only), record, data, deleted)
    if table == "visits":
        store.db[table].update(record["id"], {"owner_device": owner})
    return "updated"


def _write(store, table, columns, record, data, deleted_at) -> None:
    """Upsert the row with its derived columns recomputed from the merged data."""
    derived = derived_columns(store, table, [record], [data])[0]
    row = record_row(table, columns, record, deleted_at, derived)
    upsert_rows(store.db.conn, table, [row], ("id",))
