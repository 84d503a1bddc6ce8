"""A colleague's copy of a photo it may no longer hold keeps its rights alone.

The author of a photo whose rights no longer reach the network (consent withdrawn, use
narrowed, photo deleted, or its visit or venue deleted) writes it again as its rights
alone (shared_records). Leaving a field out of a file never erases it on the reader's
side, so the reader applies the rule itself, after each import: every photo whose own
rights no longer reach the network, or which is deleted itself (never its own photos nor
the photos of its own visits; a photo of a visit in the trash stays whole there until a
purge, which has its own rule) loses what the rights-only form leaves out: caption, date taken, file
name, consent reference (an empty consent is the withdrawal itself, and stays), and the
versions the sync kept aside for those fields. The pictures go too (sync.withdrawals).

An erased field keeps its stamp row with an empty stamp: no version at all, so any
version that arrives later is taken (the author's re-widened photo brings its fields
back, with their own stamps, as if never received here), and this laptop's own file of
the photo, if it wrote one, is written again as rights alone at its next pass (its own
stamps still name it). The rule is judged on the state after every import, so the order
in which files arrive does not matter; a stale full copy read later is erased again.
"""

from __future__ import annotations

from desktop.core.privacy.audiences import SHARE_AUDIENCE, sql_rights_reach
from desktop.core.storage.data_service import Writer

# Left out of the rights-only form; consent only while it holds a reference.
ERASED_FIELDS = ("caption", "taken_on", "original_name")
CONSENT = "consent"
ALL_FIELDS = (*ERASED_FIELDS, CONSENT)
FORGOTTEN = ""  # the stamp of an erased field: earlier than any version

_FIELD_LIST = ", ".join(f"'{key}'" for key in ALL_FIELDS)
_STAMPED_LIST = ", ".join(f"'{key}'" for key in ERASED_FIELDS)
_HOLDS_SOMETHING = (
    "(coalesce(p.caption, '') <> '' OR p.taken_on IS NOT NULL "
    "OR coalesce(p.original_name, '') <> '' OR trim(coalesce(p.consent, '')) <> '' "
    "OR EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.record_id = p.id "
    f"AND c.field IN ({_FIELD_LIST})) "
    "OR EXISTS (SELECT 1 FROM field_stamps s WHERE s.record_id = p.id "
    f"AND s.field IN ({_STAMPED_LIST}) AND s.stamp <> ''))"
)
# The photo's own rights or deletion, not its visit's or venue's: a record in the trash
# stays whole until it is purged, and a purge travels with its own rule (purge_horizon).
_OWN = "(p.created_device = :me OR v.owner_device = :me)"
_WITHDRAWN = (
    f"NOT {_OWN} AND (NOT {sql_rights_reach(SHARE_AUDIENCE, 'p.')} OR p.deleted_at IS NOT NULL)"
)
_UNHELD_WITH_DETAILS = (
    "SELECT p.id, trim(coalesce(p.consent, '')) <> '' FROM photos p "
    f"JOIN visits v ON v.id = p.visit_id WHERE {_WITHDRAWN} AND {_HOLDS_SOMETHING}"
)


# A photo erased here that may be held again (its visit restored, its use widened): its
# colleagues' files are read again even if unchanged since (a restored visit does not
# always rewrite its photos' files), and its erased stamps leave no row at all (the same
# « no version »), so that it is done once.
_HELD_AGAIN = (
    "SELECT DISTINCT p.id FROM photos p JOIN visits v ON v.id = p.visit_id "
    f"JOIN field_stamps s ON s.record_id = p.id AND s.stamp = '' WHERE NOT {_WITHDRAWN}"
)


def any_to_erase(conn, device_id: str) -> bool:
    """Whether a photo waits to be erased, or to be read again (read on any connection:
    most passes have none, and then take no write transaction)."""
    me = {"me": device_id}
    found = conn.execute(_UNHELD_WITH_DETAILS + " LIMIT 1", me).fetchone()
    return found is not None or conn.execute(_HELD_AGAIN + " LIMIT 1", me).fetchone() is not None


def erase_unheld_photos(writer: Writer) -> int:
    """Erase the details of every photo this laptop may no longer hold; how many photos.
    Photos held again have their colleagues' files read again at the next pass."""
    conn = writer.db.conn
    me = {"me": writer.store.author.device_id}
    photos = conn.execute(_UNHELD_WITH_DETAILS, me).fetchall()
    for photo_id, has_consent in photos:
        fields = ALL_FIELDS if has_consent else ERASED_FIELDS
        _erase_photo(writer, photo_id, fields)
    for (photo_id,) in conn.execute(_HELD_AGAIN, me).fetchall():
        conn.execute("DELETE FROM field_stamps WHERE record_id = ? AND stamp = ''", (photo_id,))
        conn.execute(
            "DELETE FROM sync_index WHERE path LIKE ? AND path NOT LIKE ?",
            (f"%/photos/{photo_id}%", f"devices/{me['me']}/%"),
        )
    return len(photos)


def _erase_photo(writer: Writer, photo_id: str, fields: tuple[str, ...]) -> None:
    conn = writer.db.conn
    blank = {"caption": "", "taken_on": None, "original_name": "", CONSENT: ""}
    assignments = ", ".join(f"{key} = ?" for key in fields)
    conn.execute(
        f"UPDATE photos SET {assignments} WHERE id = ?",
        (*(blank[key] for key in fields), photo_id),
    )
    marks = ", ".join("?" for _ in fields)
    conn.execute(
        f"UPDATE field_stamps SET stamp = ?, base = NULL WHERE record_id = ? AND field IN ({marks})",
        (FORGOTTEN, photo_id, *fields),
    )
    kept = conn.execute(
        f"DELETE FROM sync_conflicts WHERE record_id = ? AND field IN ({_FIELD_LIST})",
        (photo_id,),
    )
    if kept.rowcount:
        writer.changes.conflicts = True
    writer.changes.note("photos", photo_id, fields)
