"""Publishing: this laptop's records, media and sheets into its own places in the share.

A record is published when this laptop changed at least one of its fields, and written
again only when its latest stamp moved (sync_published remembers what was written), so
a pass with nothing new writes nothing. Photos of identifiable people without a
network-wide authorisation never leave the laptop.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.forms.template_language import templates_in
from desktop.core.merge.exchange import record_document
from desktop.core.storage.file_names import safe_file_name
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.share import TABLES, Share

# A photo may go to the network (see photos.may_share with the audience « reseau »).
SHAREABLE_PHOTO = (
    "(coalesce(identifiable_people, 0) = 0 OR (trim(coalesce(consent, '')) <> '' "
    "AND coalesce(allowed_use, 'interne') IN ('reseau', 'public')))"
)


@dataclass
class PublishReport:
    records: int = 0
    media: int = 0
    sheets: int = 0
    withdrawn: int = 0  # records no longer shared (a photo's authorisation withdrawn)


def pending_count(workspace: Workspace) -> int:
    """How many of this laptop's records wait to be written to the share."""
    return sum(len(_changed(workspace, table)) for table in TABLES)


def _changed(workspace: Workspace, table: str) -> list[tuple[str, str, bool]]:
    """(id, latest stamp, shareable) of this laptop's records not published as they are."""
    shareable = SHAREABLE_PHOTO if table == "photos" else "1"
    # Our own latest stamp: a colleague's edit is published by its author, not again by us.
    rows = workspace.db.conn.execute(
        f"SELECT t.id, s.fp, {shareable} FROM {table} t JOIN (SELECT record_id, max(stamp) AS fp "
        "FROM field_stamps WHERE device_id = ? GROUP BY record_id) s ON s.record_id = t.id",
        (workspace.store.author.device_id,),
    ).fetchall()
    published = dict(
        workspace.db.conn.execute(
            "SELECT record_id, fingerprint FROM sync_published WHERE tbl = ?", (table,)
        ).fetchall()
    )
    return [
        (record_id, stamp, bool(ok))
        for record_id, stamp, ok in rows
        if ((published.get(record_id) != stamp) if ok else (record_id in published))
    ]


BATCH = 200  # files written between two commits of what was written


def publish_records(workspace: Workspace, share: Share, report: PublishReport) -> None:
    for table in TABLES:  # parents first: a colleague reading half a pass finds them
        changed = _changed(workspace, table)
        for start in range(0, len(changed), BATCH):
            written, withdrawn = [], []
            try:
                for record_id, stamp, shareable in changed[start : start + BATCH]:
                    path = share.record_path(table, record_id)
                    if not shareable:
                        share.remove(path)
                        withdrawn.append(record_id)
                        continue
                    report.media += _publish_record(workspace, share, table, record_id, path)
                    written.append(
                        {
                            "record_id": record_id,
                            "tbl": table,
                            "fingerprint": stamp,
                            "path": relative(path, share),
                        }
                    )
            finally:  # what was written stays written, even if the share fails halfway
                _remember(workspace, written, withdrawn)
            report.records += len(written)
            report.withdrawn += len(withdrawn)


def _publish_record(workspace, share, table: str, record_id: str, path: Path) -> int:
    document = record_document(workspace.store, table, record_id)
    media = 0
    if table in ("photos", "documents"):
        media = _publish_media(workspace, share, table, document)
    data = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    share.write(path, data.encode("utf-8"))
    return media


def _remember(workspace: Workspace, written: list[dict], withdrawn: list[str]) -> None:
    def save(writer) -> None:
        writer.db["sync_published"].upsert_all(written, pk="record_id")
        writer.db.conn.executemany(
            "DELETE FROM sync_published WHERE record_id = ?", [(r,) for r in withdrawn]
        )

    workspace.service.call(save)


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
    target = share.media_path(content_digest, ext)
    if target.is_file() and target.stat().st_size == len(data):
        return 0
    share.write(target, data)
    return 1


# ------------------------------------------------------------------ sheets
def publish_sheets(workspace: Workspace, share: Share, report: PublishReport, render=None) -> None:
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
    taken = {path for _, path in published.values()}
    live = set()
    for visit_id, day, kind, author, venue_name, venue_id in owned:
        live.add(visit_id)
        fingerprint = _sheet_fingerprint(workspace, visit_id, venue_id)
        old = published.get(visit_id)
        if old and old[0] == fingerprint:
            continue
        name = sheet_share_path(venue_name, day, _type_title(workspace, kind), author)
        if old is None or old[1] != name:
            name = _unused(name, taken - ({old[1]} if old else set()), share, visit_id)
        share.write(share.sheets / name, render(visit_id))
        if old and old[1] != name:
            share.remove(share.sheets / old[1])
        taken.add(name)
        row = {"visit_id": visit_id, "fingerprint": fingerprint, "path": name}
        workspace.service.call(lambda w, row=row: w.db["sync_sheets"].upsert(row, pk="visit_id"))
        report.sheets += 1
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


def _type_title(workspace: Workspace, kind: str | None) -> str:
    spec = templates_in(workspace.templates, "fr").visit.field("visit_type")  # shared: French
    return spec.label_of(kind) if (spec and kind) else "Visite"


def sheet_share_path(venue_name: str, day: str, kind: str, author: str) -> str:
    """« Lieu/AAAA-MM-JJ Type – Auteur.pdf », relative to the Fiches folder."""
    file_name = safe_file_name(
        f"{day or 'sans date'} {kind} – {author or 'auteur inconnu'}", suffix=".pdf", max_bytes=128
    )
    return f"{safe_file_name(venue_name, max_bytes=80)}/{file_name}"


def _unused(name: str, taken: set[str], share: Share, visit_id: str) -> str:
    """The name, or one marked with the visit's id if another sheet has it already."""
    if name not in taken and not (share.sheets / name).exists():
        return name
    return name[: -len(".pdf")] + f" ({visit_id[:6]}).pdf"


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


def relative(path: Path, share: Share) -> str:
    return path.relative_to(share.root).as_posix()
