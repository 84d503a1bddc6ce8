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
from desktop.core.storage import purge_horizon
from desktop.core.storage.purge import purge_records
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.store_purge import KIND_NAMES, LOCAL, UNSEEN
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.share import TABLES, Share


def tombstone_document(
    device_id: str, table: str, record_id: str, horizons: dict[str, dict] | None = None
) -> dict[str, Any]:
    """The same bytes every time for the same record: nothing for the sync engine to carry.

    With its horizon (purge_horizon.py), the record's entry says what this laptop had
    of it (seen, deleted), followed by the records purged with it (its family), each
    with its own: a colleague's laptop judges the family as one."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "device_id": device_id,
    }
    document |= {name: [] for name in TABLES}
    horizons = horizons or {}
    entry = _entry(table, record_id, horizons.get(record_id))
    family = (horizons.get(record_id) or {}).get("family", [])
    if family:  # in the entry: a version before this one reads one entry of the folder's kind
        entry["family"] = [_entry(t, i, horizons.get(i)) for t, i in family]
    document["purged"] = [entry]
    return document


HORIZON_KEYS = (
    "seen",
    "deleted",
    "deleted_by",
    "deleted_at",
)  # an entry's horizon (purge_horizon.py)


def _entry(table: str, record_id: str, horizon: dict | None) -> dict[str, str]:
    entry = {"table": table, "id": record_id}
    if horizon is not None:
        entry |= {k: horizon.get(k, "") for k in HORIZON_KEYS}
    return entry


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
    conn = workspace.db.conn
    written = []
    try:
        for record_id, table in owed:
            horizons = purge_horizon.recall(conn, [record_id])
            family = (horizons.get(record_id) or {}).get("family", [])
            horizons |= purge_horizon.recall(conn, [i for _t, i in family])
            document = tombstone_document(me, table, record_id, horizons)
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


def apply_tombstones(workspace: Workspace, tombstones: list, index_row, report=None) -> int:
    """Purge what the colleagues' tombstones name; returns how many records went.

    A record holding here what its purger never had stays, with its family (Purged.kept);
    its tombstone is recorded as ignored with the reason, in French, and the report's
    purges_kept says it. index_row(item, status, reason) is the importer's sync_index
    row of a file read; index_row(item) one merged fine.
    """
    if not tombstones:
        return 0
    entries = [
        member
        for item in tombstones
        for entry in item.document["purged"]
        for member in [entry, *entry.get("family", [])]
    ]
    horizons = {e["id"]: {k: e.get(k, "") for k in HORIZON_KEYS} for e in entries if "seen" in e}
    older = [(e["table"], e["id"]) for e in entries if "seen" not in e]  # erase all, as then
    judged = [(e["table"], e["id"]) for e in entries if "seen" in e]
    store, media = workspace.store, workspace.media
    purged = purge_records(store, media, older, received=True)
    weighed = purge_records(store, media, judged, received=True, horizons=horizons)
    reasons = {
        record_id: kept_reason(workspace, t, record_id, why) for t, record_id, why in weighed.kept
    }
    rows = []
    for item in tombstones:
        named = [m for e in item.document["purged"] for m in [e, *e.get("family", [])]]
        why = next((reasons[m["id"]] for m in named if m["id"] in reasons), "")
        rows.append(index_row(item, "ignored", why) if why else index_row(item))
    if report is not None:
        report.purges_kept += list(dict.fromkeys(reasons.values()))
    workspace.service.call(lambda writer: writer.db["sync_index"].upsert_all(rows, pk="path"))
    return len(purged.records) + len(weighed.records)


KEPT_WORDS = {
    UNSEEN: "ce poste en a une modification (ou une restauration) que ce collègue n'avait pas "
    "vue : rien n'a été effacé ici ; tranchez le conflit « Suppression » s'il est listé",
    LOCAL: "ce poste en garde ce que ce collègue n'a jamais eu (une photo ou un document "
    "resté sur ce poste) : rien n'a été effacé ici, c'est dans la corbeille de ce poste",
}


def kept_reason(workspace: Workspace, table: str, record_id: str, why: str) -> str:
    """« Visite du 2026-10-13 — La Ferme : suppression définitive par un collègue non
    appliquée ici ; … »"""
    what = record_label(workspace.db.conn, table, record_id)
    words = KEPT_WORDS.get(why, KEPT_WORDS[UNSEEN])
    return f"{what} : suppression définitive par un collègue non appliquée ici ; {words}"


def record_label(conn, table: str, record_id: str) -> str:
    if table == "venues":
        row = conn.execute("SELECT name FROM venues WHERE id = ?", (record_id,)).fetchone()
        return f"Lieu « {row[0] if row else record_id} »"
    if table == "visits":
        row = conn.execute(
            "SELECT v.visit_date, ve.name FROM visits v JOIN venues ve ON ve.id = v.venue_id "
            "WHERE v.id = ?",
            (record_id,),
        ).fetchone()
        return f"Visite du {row[0]} — {row[1]}" if row else f"Visite {record_id}"
    return f"{KIND_NAMES[table]} {record_id}"


def purged_reason() -> str:
    return f"supprimé définitivement sur ce poste (vu le {now_iso()[:10]}) : non repris"
