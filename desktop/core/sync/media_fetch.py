"""Fetching the media a pass's records name: photos (their print rendition) and documents.

A copy is taken only when its content has the hash its name promises (not a file still
being copied); a photo gets its thumbnail made here, once. What has not arrived yet is
named in the pass's report and fetched by a later pass.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from desktop.core.privacy.audiences import HOLDABLE_PHOTO
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.names import MEDIA_NAME
from desktop.core.sync.scan import Entry, inside, media_by_digest
from desktop.core.sync.share import Share


def fetch_media(workspace: Workspace, share: Share, entries: Iterable[Entry], report) -> list[str]:
    """Copy in the photos and documents referenced here and not yet stored.

    Returns the names of those still missing (not arrived, or not complete yet).
    """
    available = media_by_digest(entries)
    missing = []
    conn = workspace.db.conn
    photos = conn.execute(
        "SELECT DISTINCT p.sha256, sp.print_sha256, p.original_name FROM photos p "
        "JOIN visits v ON v.id = p.visit_id LEFT JOIN media m ON m.sha256 = p.sha256 "
        "LEFT JOIN sync_prints sp ON sp.sha256 = p.sha256 "
        f"WHERE m.sha256 IS NULL AND p.deleted_at IS NULL AND {HOLDABLE_PHOTO}",
        {"me": workspace.store.author.device_id},
    ).fetchall()
    for digest, print_digest, name in photos:
        data = _verified(share, available.get(print_digest or "", []), print_digest)
        if data is None or not _store_photo(workspace, digest, data, name or "photo"):
            missing.append(name or digest)
            continue
        report.media_fetched += 1
    documents = conn.execute(
        "SELECT DISTINCT d.sha256, d.original_name FROM documents d "
        "LEFT JOIN media m ON m.sha256 = d.sha256 "
        "WHERE m.sha256 IS NULL AND d.deleted_at IS NULL"
    ).fetchall()
    for digest, name in documents:
        candidates = available.get(digest, [])
        data = _verified(share, candidates, digest)
        if data is None:
            missing.append(name or digest)
            continue
        ext = MEDIA_NAME.match(candidates[0].name).group("ext")
        workspace.media.write_set(digest, {("documents", ext): data})
        _insert_media(workspace, digest, "document", ext, len(data))
        report.media_fetched += 1
    return missing


def _verified(share: Share, candidates: list[Entry], digest: str | None) -> bytes | None:
    """The first copy whose content has the expected hash (not a half-copied file)."""
    for entry in candidates:
        path = inside(share, entry.relative)
        try:
            data = path.read_bytes() if path else b""
        except OSError:
            continue
        if digest and hashlib.sha256(data).hexdigest() == digest:
            return data
    return None


def _store_photo(workspace: Workspace, digest: str, print_jpeg: bytes, name: str) -> bool:
    from desktop.core.media.photo_processing import PhotoRejected, render_photo  # Pillow, lazily

    try:
        renditions = render_photo(print_jpeg, name if name.lower().endswith(".jpg") else "p.jpg")
    except PhotoRejected:
        return False
    workspace.media.write_set(
        digest, {("thumbnails", ".jpg"): renditions.thumbnail, ("print", ".jpg"): print_jpeg}
    )
    _insert_media(
        workspace, digest, "photo", ".jpg", len(print_jpeg), renditions.width, renditions.height
    )
    return True


def _insert_media(workspace, digest, kind, ext, size, width=None, height=None) -> None:
    row = {
        "sha256": digest,
        "kind": kind,
        "ext": ext,
        "size": size,
        "width": width,
        "height": height,
    }

    def insert(writer) -> None:
        writer.db["media"].insert(row, pk="sha256", ignore=True)
        writer.changes.note("media", digest)  # a photo arrived: its visit's views show it

    workspace.service.call(insert)
