"""Purges that travel: a tombstone file in place of a purged record's file in the share.

A purged record's file in this laptop's folder is replaced by a tombstone: an exchange
document with no record and a "purged" list of {table, id}. A colleague's laptop that
reads it purges its own copy (the same purge as emptying the trash), and from then on
refuses that id from any file, older copies included. Carnet versions before this one
skip such a file with a reason (« le contenu ne correspond pas au dossier… »).

The pictures this laptop had put in its media folder of the share are left to the
media clean-up of the publish step (a file no shared record needs any more goes).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.merge.exchange import FORMAT_NAME, FORMAT_VERSION
from desktop.core.storage.purge import purge_records
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.share import TABLES, Share


def tombstone_document(device_id: str, table: str, record_id: str) -> dict[str, Any]:
    """The same bytes every time for the same record: nothing for the sync engine to carry."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "device_id": device_id,
    }
    document |= {name: [] for name in TABLES}
    document["purged"] = [{"table": table, "id": record_id}]
    return document


def is_tombstone(document: dict[str, Any]) -> bool:
    return bool(document.get("purged")) and not any(document.get(t) for t in TABLES)


# ------------------------------------------------------------------ publishing
def owed(workspace: Workspace) -> int:
    """Tombstones still to write (the share was unavailable)."""
    sql = "SELECT count(*) FROM purged WHERE publish = 1 AND published = 0"
    return workspace.db.conn.execute(sql).fetchone()[0]


def publish_tombstones(workspace: Workspace, share: Share) -> int:
    """Write the tombstones this laptop owes; returns how many were written."""
    owed = workspace.db.conn.execute(
        "SELECT id, tbl FROM purged WHERE publish = 1 AND published = 0 ORDER BY tbl, id"
    ).fetchall()
    me = workspace.store.author.device_id
    written = []
    try:
        for record_id, table in owed:
            document = tombstone_document(me, table, record_id)
            data = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
            share.write(share.record_path(table, record_id), data.encode("utf-8"))
            written.append(record_id)
    finally:  # what was written stays written, even if the share fails halfway
        if written:
            workspace.service.call(lambda writer: _remember(writer, written))
    return len(written)


def _remember(writer, written: list[str]) -> None:
    rows = [(record_id,) for record_id in written]
    writer.db.conn.executemany("UPDATE purged SET published = 1 WHERE id = ?", rows)
    writer.db.conn.executemany("DELETE FROM sync_published WHERE record_id = ?", rows)


def republish_if_own(workspace: Workspace, device_id: str, record_ids: list[str]) -> None:
    """An old copy of one of our purged records was put back in our folder (a sync
    client's doing): write the tombstone again at the next pass. On the writer."""
    if device_id != workspace.store.author.device_id or not record_ids:
        return
    workspace.db.conn.executemany(
        "UPDATE purged SET published = 0 WHERE id = ? AND publish = 1",
        [(record_id,) for record_id in record_ids],
    )


# ------------------------------------------------------------------ importing
def split_tombstones(pending: list) -> tuple[list, list]:
    """(tombstone files, record files) among the files read by the importer."""
    tombstones = [item for item in pending if is_tombstone(item.document)]
    return tombstones, [item for item in pending if not is_tombstone(item.document)]


def apply_tombstones(workspace: Workspace, tombstones: list, index_row) -> int:
    """Purge what the colleagues' tombstones name; returns how many records went.

    index_row(item) is the importer's sync_index row of a file merged fine.
    """
    if not tombstones:
        return 0
    items = [
        (entry["table"], entry["id"]) for item in tombstones for entry in item.document["purged"]
    ]
    purged = purge_records(workspace.store, workspace.media, items, received=True)
    rows = [index_row(item) for item in tombstones]
    workspace.service.call(lambda writer: writer.db["sync_index"].upsert_all(rows, pk="path"))
    return len(purged.records)


def purged_reason() -> str:
    return f"supprimé définitivement sur ce poste (vu le {now_iso()[:10]}) : non repris"
