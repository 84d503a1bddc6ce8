"""Withdrawals travel: pictures leave the share, and colleagues' copies, when rights end.

On the laptop that shared them: at each pass, its media folder in the share keeps only
the files a record it still shares needs (a photo whose rights still reach the
network, a live document). On a colleague's laptop: after each import, a received photo
it may no longer hold (rights withdrawn or narrowed, photo deleted) loses its details
(privacy/withdrawn_copies: caption, file name, consent reference…) and its picture
files, unless a photo it may hold has the same picture; it is not fetched again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from desktop.core.privacy import withdrawn_watch
from desktop.core.privacy.audiences import HOLDABLE_PHOTO
from desktop.core.privacy.withdrawn_copies import any_to_erase, erase_unheld_photos
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.names import MEDIA_NAME
from desktop.core.sync.publish import LIVE_DOCUMENT, SHAREABLE_PHOTO, remember_print
from desktop.core.sync.scan import Entry
from desktop.core.sync.share import Share


def clean_own_media(workspace: Workspace, share: Share, entries: Iterable[Entry]) -> int:
    """Remove from our media folder in the share what no shared record needs; how many.

    entries: the pass's listing of the share (sync.scan), so the folder is not listed again.
    """
    me = workspace.store.author.device_id
    ours = [e.name for e in entries if e.area == "media" and e.device_id == me]
    if not ours:
        return 0
    needed = _needed_media(workspace)
    removed = 0
    for name in sorted(ours):
        match = MEDIA_NAME.match(name)
        if match and match["digest"] not in needed:
            share.remove(share.own / "media" / name)
            removed += 1
    return removed


def _needed_media(workspace: Workspace) -> set[str]:
    conn = workspace.db.conn
    needed: set[str] = set()
    photos = conn.execute(
        "SELECT DISTINCT t.sha256, sp.print_sha256 FROM sync_published s "
        "JOIN photos t ON t.id = s.record_id LEFT JOIN sync_prints sp ON sp.sha256 = t.sha256 "
        f"WHERE s.tbl = 'photos' AND {SHAREABLE_PHOTO}"
    ).fetchall()
    for digest, print_digest in photos:
        needed.add(print_digest or _print_digest(workspace, digest))
    documents = conn.execute(
        "SELECT DISTINCT t.sha256 FROM sync_published s JOIN documents t ON t.id = s.record_id "
        f"WHERE s.tbl = 'documents' AND {LIVE_DOCUMENT}"
    )
    needed.update(digest for (digest,) in documents)
    return needed


def _print_digest(workspace: Workspace, digest: str) -> str:
    """The share's name of a photo published before prints were remembered (once)."""
    try:
        data = workspace.media.path("print", digest).read_bytes()
    except OSError:
        return ""  # no print here: nothing of it was ever written to the share by us
    print_digest = hashlib.sha256(data).hexdigest()
    remember_print(workspace, digest, print_digest)
    return print_digest


def erase_unheld_details(workspace: Workspace) -> int:
    """Received photos this laptop may no longer hold keep their rights alone; how many
    photos were erased.

    Skipped when nothing the check reads was written since it last found nothing to do
    (privacy.withdrawn_watch): a pass with nothing changed scans no photo and takes no
    write transaction. Otherwise the check reads on this connection, between two tiny
    transactions that take the mark, or erases in one short transaction that takes it."""
    db, me = workspace.db, workspace.store.author.device_id
    if withdrawn_watch.checked(db, me):
        return 0
    token = workspace.service.call(withdrawn_watch.begin)
    if not any_to_erase(db.conn, me):
        workspace.service.call(lambda writer: withdrawn_watch.confirm(writer, token))
        return 0
    return workspace.service.call(_erase_and_mark)


def _erase_and_mark(writer) -> int:
    erased = erase_unheld_photos(writer)
    withdrawn_watch.mark(writer)  # its own writes took the mark away: all done now
    return erased


def forget_unholdable_media(workspace: Workspace) -> int:
    """Delete the received pictures this laptop may no longer hold; how many pictures."""
    me = {"me": workspace.store.author.device_id}
    rows = workspace.db.conn.execute(
        "SELECT DISTINCT p.sha256 FROM photos p JOIN visits v ON v.id = p.visit_id "
        f"JOIN media m ON m.sha256 = p.sha256 WHERE NOT {HOLDABLE_PHOTO} "
        "AND NOT EXISTS (SELECT 1 FROM photos p JOIN visits v ON v.id = p.visit_id "
        f"WHERE p.sha256 = m.sha256 AND {HOLDABLE_PHOTO})",
        me,
    ).fetchall()
    digests = [digest for (digest,) in rows]
    if not digests:
        return 0

    def forget(writer) -> None:
        for digest in digests:
            writer.db.conn.execute("DELETE FROM media WHERE sha256 = ?", (digest,))
            writer.changes.note("media", digest)  # its visit's views drop the picture

    workspace.service.call(forget)
    for digest in digests:  # after the commit: a file is never missing for a known row
        workspace.media.forget(digest)
    return len(digests)
