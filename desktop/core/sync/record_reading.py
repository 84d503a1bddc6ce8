"""Reading record files of the share: bytes, hash, JSON, schema, on any process.

Everything a record file is checked for before it meets the database (readable, UTF-8,
JSON, a valid exchange document, in the folder of its table) needs nothing but the file,
so it runs here, in the pool's worker processes during a large pass (see
record_pool.py), or in the calling thread for a small one. The result carries the
file's bytes, not the parsed document: bytes cross between processes far faster than a
pickled dict, and parsing them again with orjson costs less than unpickling.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from desktop.core.forms import strict_json
from desktop.core.sync.names import classify_record_name
from desktop.core.sync.scan import Entry
from desktop.core.sync.share import TABLES, Share

PENDING = "pending"  # parsed and valid: to be merged


@dataclass(frozen=True)
class FileRead:
    """What reading one record file gave: to merge (PENDING), or an index status."""

    status: str  # PENDING, or the importer's "ok", "ignored", "invalid"
    digest: str = ""
    reason: str = ""
    data: bytes = b""  # the file's bytes when PENDING
    table: str = ""
    conflict_why: str = ""  # a sync client's conflict copy: what the name says
    counted: bool = False  # its content was read (the report's files_read)
    derived: tuple = ()  # a visits file's visit_data_columns, per record, when worked out


def read_record_files(
    share: Share, todo: list[tuple[Entry, Any]], template: Any = None
) -> list[FileRead]:
    """Each (entry, its index row or None) read and checked, in order.

    template: the writer's visit template; given, what each visit's row derives from its
    data alone is worked out here too (store_visits.visit_data_columns), off the writer.
    """
    root = share.root.resolve()  # once, not per file
    folders: dict[str, str | None] = {}  # each folder resolved once, not per file
    template = _one_copy(template)
    return [read_record_file(root, entry, known, folders, template) for entry, known in todo]


def read_record_file(
    root: Path, entry: Entry, known, folders: dict | None = None, template: Any = None
) -> FileRead:
    kind = classify_record_name(entry.name)
    if kind.kind in {"temporary", "other"}:
        return FileRead("ignored", reason=f"ignoré : {kind.why}")
    try:
        data = _read_inside(root, entry.relative, {} if folders is None else folders)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return FileRead("invalid", reason=f"illisible ({reason})")
    digest = hashlib.sha256(data).hexdigest()
    if known and known[2] == digest and known[3] == "ok":
        return FileRead("ok", digest)  # touched, same content
    try:
        document = parse_record(data)
        table = checked_table(document, entry.area)
    except ValueError as error:  # ExchangeError is a ValueError
        return FileRead("invalid", digest, str(error), counted=True)
    conflict = kind.why if kind.kind == "conflict-copy" else ""
    derived = _derived(document, template) if table == "visits" and template else ()
    return FileRead(PENDING, digest, "", data, table, conflict, counted=True, derived=derived)


_TEMPLATES: dict[tuple, Any] = {}


def _one_copy(template: Any) -> Any:
    """The first copy of this template the process was handed: each task of the pool
    brings its own unpickled copy, and its compiled check is kept per template object."""
    if template is None:
        return None
    key = (template.id, template.version, json.dumps(template.schema, sort_keys=True))
    return _TEMPLATES.setdefault(key, template)


def _derived(document: dict[str, Any], template: Any) -> tuple:
    from desktop.core.storage.store_visits import visit_data_columns

    try:  # a record of another template is worked out by the writer, with its own
        return tuple(
            visit_data_columns(template, r["data"]) if r.get("template_id") == template.id else None
            for r in document["visits"]
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()  # the writer works it out itself (and the merge words what is wrong)


OUTSIDE = "chemin hors du dossier partagé : non suivi"
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_inside(root: Path, relative: str, folders: dict[str, str | None]) -> bytes:
    """The file's bytes, if it is inside the share's folder (no link followed out of it).

    Its folder is resolved once per pass; the file itself is opened without following a
    link (O_NOFOLLOW). Where the system has no such flag, the whole path is resolved.
    """
    folder_name, _, name = relative.rpartition("/")
    if not NO_FOLLOW or name in ("", ".", ".."):
        path = (root / relative).resolve()
        if path != root and root not in path.parents:
            raise ValueError(OUTSIDE)
        return path.read_bytes()
    if folder_name not in folders:
        folder = (root / folder_name).resolve()
        inside = folder == root or root in folder.parents
        folders[folder_name] = str(folder) if inside else None  # joined as text: a
        # pathlib join per file was a tenth of a reading worker's time
    folder = folders[folder_name]
    if folder is None:
        raise ValueError(OUTSIDE)
    try:
        handle = os.open(os.path.join(folder, name), os.O_RDONLY | NO_FOLLOW)
    except OSError as error:
        if error.errno == errno.ELOOP:  # the file is a link (the listing never gives one)
            raise ValueError("lien symbolique : non suivi") from None
        raise
    with open(handle, "rb") as file:
        return file.read()


def parse_record(data: bytes) -> dict[str, Any]:
    """The document, parsed and validated; ExchangeError (French) otherwise."""
    from desktop.core.merge.exchange import ExchangeError, validate_exchange

    if not data.strip():
        raise ExchangeError("fichier vide (en cours de copie ?)")
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as error:  # the standard parser decides, words the reason
        if "depth limit" in str(error):
            raise ExchangeError(TOO_DEEP) from None
        document = _parse_slowly(data, ExchangeError)
    if _may_be_deep(data) and strict_json.nested_over(document, MAX_DEPTH):
        raise ExchangeError(TOO_DEEP)
    validate_exchange(document)  # compiled check first; jsonschema words a refusal
    return document


# A record nests a few levels (document, records, data, a table's rows, a cell); one
# nested hundreds deep is no record, and would stop what walks it recursively (the
# standard JSON parser and encoder, SQLite's JSON functions past 1,000 levels).
MAX_DEPTH = strict_json.MAX_DEPTH
TOO_DEEP = f"JSON imbriqué sur plus de {MAX_DEPTH} niveaux : ce n'est pas une fiche Carnet"


def _may_be_deep(data: bytes) -> bool:
    """Cheap first look (bytes.count runs at memory speed): fewer brackets than levels
    allowed cannot nest deeper."""
    return data.count(b"[") + data.count(b"{") > MAX_DEPTH


def loaded(data: bytes) -> Any:
    """The bytes of a file read_record_file found valid, parsed again (on this process)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # NaN, a BOM…: read as parse_record read it
        return strict_json.loads(data.decode("utf-8"))


def _parse_slowly(data: bytes, error_type) -> Any:
    try:
        return strict_json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise error_type("contenu illisible (pas de l'UTF-8)") from None
    except json.JSONDecodeError:
        raise error_type("JSON incomplet ou abîmé (en cours de copie ?)") from None
    except RecursionError:  # nested past the interpreter's limit (orjson said depth too)
        raise error_type(TOO_DEEP) from None


def checked_table(document: dict[str, Any], area: str) -> str:
    from desktop.core.merge.exchange import ExchangeError

    tables = [t for t in TABLES if document.get(t)]
    purged = document.get("purged") or []  # a tombstone (sync.purges): no record, purged ids
    if purged and not tables and all(p.get("table") == area for p in purged):
        return area
    if tables != [area]:
        raise ExchangeError("le contenu ne correspond pas au dossier où il se trouve")
    return area
