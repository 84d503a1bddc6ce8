"""Publishing: this laptop's records, media and sheets into its own places in the share.

A record is published when this laptop changed at least one of its fields, and written
again only when its latest stamp moved (sync_published remembers what was written), so
a pass with nothing new writes nothing. What goes is the network's part of each record
(privacy.shared_records): a photo whose rights do not reach the network never leaves
the laptop, and one withdrawn after it was shared is written again as its rights alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.merge import kept_versions
from desktop.core.merge.exchange import record_document
from desktop.core.privacy.audiences import SHARE_AUDIENCE, sql_rights_reach
from desktop.core.privacy.shared_records import (
    drop_hidden_kept_cells,
    is_withdrawn,
    network_document,
)
from desktop.core.storage.device_binding import carried_stamps_sql
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.share import TABLES, Share
from desktop.core.sync.sheet_paths import sheet_name, sheet_paths, venue_folder

# A photo may go to the network (the same rule as the sheets: privacy.audiences).
# ... and only while it, its visit and its venue are live (a deleted visit takes its photos).
LIVE_PHOTO = (
    "(t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM visits pv JOIN venues pve "
    "ON pve.id = pv.venue_id WHERE pv.id = t.visit_id AND pv.deleted_at IS NULL "
    "AND pve.deleted_at IS NULL))"
)
SHAREABLE_PHOTO = f"({sql_rights_reach(SHARE_AUDIENCE, 't.')} AND {LIVE_PHOTO})"
# A document's file is in the share only while it and its venue are live: the one rule of
# what is written (here), what is kept (withdrawals) and what is missing (republish).
# Judged apart, a deleted document's file went out and its record was written again each pass.
LIVE_DOCUMENT = (
    "(t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM venues dve "
    "WHERE dve.id = t.venue_id AND dve.deleted_at IS NULL))"
)
WITHDRAWN_MARK = "~retrait"  # a withdrawn photo's fingerprint: written again as rights alone


@dataclass
class PublishReport:
    records: int = 0
    media: int = 0
    sheets: int = 0
    withdrawn: int = 0  # photos written again as their rights alone (no longer shown)
    media_removed: int = 0  # files taken out of our media folder in the share


def pending_count(workspace: Workspace) -> int:
    """How many of this laptop's records wait to be written to the share."""
    return sum(len(_changed(workspace, table)) for table in TABLES)


def _changed(workspace: Workspace, table: str) -> list[tuple[str, str, bool]]:
    """(id, latest stamp, shareable) of this laptop's records not published as they are.

    A record that may not go and was never published stays out; one that was published
    goes again (reduced to its rights) so that colleagues learn of the withdrawal.
    """
    shareable = SHAREABLE_PHOTO if table == "photos" else "1"
    # Our own latest stamp: a colleague's edit is published by its author, not again by us
    # (ours: this device's, and the earlier ones of this database made under a former id).
    ours, params = carried_stamps_sql(workspace.db, workspace.store.author.device_id)
    rows = workspace.db.conn.execute(
        f"SELECT t.id, s.fp, {shareable} FROM {table} t JOIN (SELECT record_id, max(stamp) AS fp "
        f"FROM field_stamps WHERE {ours} GROUP BY record_id) s ON s.record_id = t.id",
        params,
    ).fetchall()
    published = dict(
        workspace.db.conn.execute(
            "SELECT record_id, fingerprint FROM sync_published WHERE tbl = ?", (table,)
        ).fetchall()
    )
    changed = []
    for record_id, stamp, ok in rows:
        fingerprint = stamp if ok else stamp + WITHDRAWN_MARK
        if (ok or record_id in published) and published.get(record_id) != fingerprint:
            changed.append((record_id, fingerprint, bool(ok)))
    return changed


BATCH = 200  # files written between two commits of what was written


def publish_records(
    workspace: Workspace, share: Share, report: PublishReport, progress=None
) -> None:
    """progress(« enregistrements », done, total) after each batch, if given."""
    todo = {table: _changed(workspace, table) for table in TABLES}
    total, done = sum(map(len, todo.values())), 0
    for table in TABLES:  # parents first: a colleague reading half a pass finds them
        changed = todo[table]
        for start in range(0, len(changed), BATCH):
            written = []
            try:
                for record_id, stamp, shareable in changed[start : start + BATCH]:
                    path = share.record_path(table, record_id)
                    report.withdrawn += not shareable
                    report.media += _publish_record(
                        workspace, share, table, record_id, path, shareable
                    )
                    written.append(
                        {
                            "record_id": record_id,
                            "tbl": table,
                            "fingerprint": stamp,
                            "path": relative(path, share),
                        }
                    )
            finally:  # what was written stays written, even if the share fails halfway
                _remember(workspace, written)
                report.records += len(written)
            done += len(changed[start : start + BATCH])
            if progress:
                progress("enregistrements", done, total)


def _publish_record(
    workspace, share, table: str, record_id: str, path: Path, shareable: bool = True
) -> int:
    document = record_document(workspace.store, table, record_id)
    document = network_document(workspace.store, document, shareable)
    device = workspace.store.author.device_id  # after network_document: shared fields only
    kept_versions.add_to_document(workspace.db, device, document)
    drop_hidden_kept_cells(workspace.store, document)  # our own earlier tables had names
    media = 0
    if table in ("photos", "documents") and _carries_media(workspace, table, document):
        media = _publish_media(workspace, share, table, document)
    data = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    share.write(path, data.encode("utf-8"))
    return media


def _remember(workspace: Workspace, written: list[dict]) -> None:
    def save(writer) -> None:
        writer.db["sync_published"].upsert_all(written, pk="record_id")

    workspace.service.call(save)


def _carries_media(workspace: Workspace, table: str, document: dict) -> bool:
    """A live record whose picture or file the network may hold (see withdrawals)."""
    record = document[table][0]
    if record.get("deleted_at"):
        return False
    if table == "photos":
        return not is_withdrawn(record)
    sql = f"SELECT {LIVE_DOCUMENT} FROM documents t WHERE t.id = ?"
    live = workspace.db.conn.execute(sql, (record["id"],)).fetchone()
    return bool(live and live[0])


def _publish_media(workspace: Workspace, share: Share, table: str, document: dict) -> int:
    """Copy the photo's print rendition or the document into our media folder, once."""
    record = document[table][0]
    digest = record["sha256"]
    if table == "photos":
        source, ext = workspace.media.path("print", digest), ".jpg"
    else:
        row = workspace.db.conn.execute(
            "SELECT ext FROM media WHERE sha256 = ?", (digest,)
        ).fetchone()
        ext = row[0] if row else ""
        source = workspace.media.path("documents", digest, ext)
    if not source.is_file():
        return 0  # a colleague's file not arrived here yet: its owner publishes it
    data = source.read_bytes()
    content_digest = hashlib.sha256(data).hexdigest()
    if table == "photos":
        record["print_sha256"] = content_digest
        remember_print(workspace, digest, content_digest)
    target = share.media_path(content_digest, ext)
    if target.is_file() and target.stat().st_size == len(data):
        return 0
    share.write(target, data)
    return 1


# ------------------------------------------------------------------ sheets
def publish_sheets(
    workspace: Workspace, share: Share, report: PublishReport, render=None, progress=None
) -> None:
    """Write the sheets of the visits this laptop owns, only those that changed."""
    from desktop.core.pdf.service import make_sheet  # reportlab: loaded when a sheet is due

    render = render or (lambda visit_id: make_sheet(workspace, visit_id, "reseau").data)
    conn = workspace.db.conn
    me = workspace.store.author.device_id
    published = {
        visit_id: (fingerprint, path)
        for visit_id, fingerprint, path in conn.execute(
            "SELECT visit_id, fingerprint, path FROM sync_sheets"
        )
    }
    owned = conn.execute(
        "SELECT v.id, v.visit_date, v.visit_type, v.author, ve.name, ve.id FROM visits v "
        "JOIN venues ve ON ve.id = v.venue_id WHERE v.owner_device = ? "
        "AND v.deleted_at IS NULL AND ve.deleted_at IS NULL ORDER BY v.visit_date, v.id",
        (me,),
    ).fetchall()
    paths = sheet_paths(workspace)  # one path per visit, the same on every laptop
    live = set()
    for visit_id, _day, _kind, _author, _venue_name, venue_id in owned:
        live.add(visit_id)
        fingerprint = _sheet_fingerprint(workspace, visit_id, venue_id)
        old = published.get(visit_id)
        name = paths.get(visit_id)  # None: deleted since the query above, gone next pass
        if name is None or (old and old[0] == fingerprint and old[1] == name):
            continue
        share.write(share.sheets / name, render(visit_id))
        if old and old[1] != name:
            share.remove(share.sheets / old[1])
        row = {"visit_id": visit_id, "fingerprint": fingerprint, "path": name}
        workspace.service.call(lambda w, row=row: w.db["sync_sheets"].upsert(row, pk="visit_id"))
        report.sheets += 1
        if progress and report.sheets % 20 == 0:
            progress("fiches", report.sheets, None)
    for visit_id, (_, path) in published.items():
        if visit_id not in live:  # deleted, or handed over to another laptop
            share.remove(share.sheets / path)
            workspace.service.call(
                lambda w, gone=visit_id: w.db.conn.execute(
                    "DELETE FROM sync_sheets WHERE visit_id = ?", (gone,)
                )
            )


def _sheet_fingerprint(workspace: Workspace, visit_id: str, venue_id: str) -> str:
    """Everything a sheet shows: the visit, its venue, photos, documents, the branding."""
    conn = workspace.db.conn
    latest = conn.execute(
        "SELECT max(stamp), count(*) FROM field_stamps WHERE record_id IN (?, ?) "
        "OR record_id IN (SELECT id FROM photos WHERE visit_id = ?) "
        "OR record_id IN (SELECT id FROM documents WHERE venue_id = ?)",
        (visit_id, venue_id, visit_id, venue_id),
    ).fetchone()
    prints = conn.execute(
        "SELECT count(*) FROM photos p JOIN media m ON m.sha256 = p.sha256 WHERE p.visit_id = ?",
        (visit_id,),
    ).fetchone()[0]
    branding = (workspace.setting("network_name"), workspace.setting("network_logo"))
    return hashlib.sha256(repr((latest, prints, branding)).encode()).hexdigest()


def sheet_share_path(venue_name: str, day: str, kind: str, author: str) -> str:
    """« Lieu/AAAA-MM-JJ Type – Auteur.pdf », relative to the Fiches folder (one visit alone:
    sheet_paths makes every visit's, each unique)."""
    return f"{venue_folder(venue_name)}/{sheet_name(day, kind, author)}"


def device_owed(workspace: Workspace, share: Share) -> bool:
    """Records of ours are in the share but device.json is not, or names someone else:
    a pass that wrote them stopped short of it (a share full mid-pass)."""
    sql = "SELECT EXISTS (SELECT 1 FROM sync_published)"
    if not workspace.db.conn.execute(sql).fetchone()[0]:
        return False
    try:
        saved = json.loads(workspace.setting("sync_device_json") or "{}")
    except ValueError:
        saved = {}
    named = saved.get("user_name") == workspace.store.author.user_name
    return not named or not (share.own / "device.json").is_file()


def publish_device(workspace: Workspace, share: Share, when: str) -> bool:
    """device.json: who this laptop is; rewritten only when its content changes."""
    info = {
        "format": "carnet-device",
        "version": 1,
        "device_id": workspace.store.author.device_id,
        "user_name": workspace.store.author.user_name,
        "last_publish": when[:10],
    }
    data = json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True)
    path = share.own / "device.json"
    if workspace.setting("sync_device_json") == data and path.is_file():
        return False
    share.write(path, data.encode("utf-8"))
    workspace.set_setting("sync_device_json", data)
    return True


def remember_print(workspace: Workspace, digest: str, print_digest: str) -> None:
    """Which file of our media folder is this photo's: what the republish check looks
    for, and what leaves the share when the photo is withdrawn."""
    known = workspace.db.conn.execute(
        "SELECT print_sha256 FROM sync_prints WHERE sha256 = ?", (digest,)
    ).fetchone()
    if not known or known[0] != print_digest:
        row = {"sha256": digest, "print_sha256": print_digest}
        workspace.service.call(lambda w: w.db["sync_prints"].upsert(row, pk="sha256"))


def relative(path: Path, share: Share) -> str:
    return path.relative_to(share.root).as_posix()
