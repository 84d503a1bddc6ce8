"""Emptying the trash: what is in it deleted for good, files included, and never back.

The records go in one transaction on the writer (store_purge.py); their media files
are removed once it has committed. The sync then tells colleagues (sync/purges.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.media.media_store import MediaStore
from desktop.core.storage import purge_horizon
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_purge import KIND_NAMES, TABLE_OF_KIND, MediaFile, Purged

__all__ = ["Purged", "empty_trash", "purge_records", "remove_media_files", "describe"]


def trashed_items(store: CarnetStore) -> list[tuple[str, str]]:
    """(table, id) of every record in the trash (a trashed venue's children come along)."""
    return [(TABLE_OF_KIND[item.kind], item.id) for item in store.list_trash()]


def empty_trash(store: CarnetStore, media: MediaStore, ids: Iterable[str] = ()) -> Purged:
    """Purge the given trash items (by id), or the whole trash when none are given.

    An id that is not in the trash raises RecordNotFound and nothing is purged.
    """
    in_trash = dict((record_id, table) for table, record_id in trashed_items(store))
    wanted = list(dict.fromkeys(ids))
    if wanted:
        absent = [record_id for record_id in wanted if record_id not in in_trash]
        if absent:
            raise RecordNotFound(f"Pas dans la corbeille : {', '.join(absent)}")
        items = [(in_trash[record_id], record_id) for record_id in wanted]
    else:
        items = [(table, record_id) for record_id, table in in_trash.items()]
    return purge_records(store, media, items)


def purge_records(
    store: CarnetStore,
    media: MediaStore,
    items: list[tuple[str, str]],
    received: bool = False,
    horizons: dict[str, dict] | None = None,
) -> Purged:
    """Purge through the writer, then remove the files no record needs any more
    (horizons: a colleague's, see CarnetStore.purge)."""
    if not items:
        return Purged()
    purged = store.purge(items, received, horizons)
    remove_media_files(media, purged.media)
    return purged


def remove_media_files(media: MediaStore, files: Iterable[MediaFile]) -> None:
    """Every file of these hashes: original, thumbnail, print, document."""
    for item in files:
        media.forget(item.sha256)


def describe(purged: Purged) -> str:
    """« 1 lieu, 2 visites, 3 photos, 1 document supprimés définitivement. » in French."""
    words = {
        "venues": ("lieu", "lieux"),
        "visits": ("visite", "visites"),
        "photos": ("photo", "photos"),
        "documents": ("document", "documents"),
    }
    parts = []
    for table in KIND_NAMES:
        count = purged.count(table)
        if count:
            parts.append(f"{count} {words[table][count > 1]}")
    kept = KEPT_IN_TRASH.format(count=len(purged.kept)) if purged.kept else ""
    if not parts:
        return kept or "Rien à supprimer."
    files = f" ; {len(purged.media)} fichier(s) effacé(s)" if purged.media else ""
    return f"Supprimé(s) définitivement : {', '.join(parts)}{files}." + (
        f"\n{kept}" if kept else ""
    )


KEPT_IN_TRASH = (
    "Laissé(s) dans la corbeille : {count} élément(s) dont la suppression est en conflit avec "
    "une modification faite ailleurs ; répondez d'abord au conflit « Suppression » "
    "(Synchronisation), rien n'a été perdu."
)


PARENT_COLUMNS = {"visits": "venue_id", "photos": "visit_id", "documents": "venue_id"}


def without_purged(store: CarnetStore, document: dict) -> tuple[dict, list[str]]:
    """The exchange document without the records purged here (or whose parent was),
    and the ids left out: an older copy never brings a purged record back.

    A record holding a version its purge never saw (purge_horizon.unseen_in: an edit
    made elsewhere meanwhile, kept by the laptop that made it) is no older copy: it is
    let in, and its id and those purged with it are purged no more. On the writer."""
    mentioned = {
        value
        for table in KIND_NAMES
        for record in document.get(table) or []
        for value in (record.get("id"), record.get(PARENT_COLUMNS.get(table, "")))
        if isinstance(value, str)
    }
    purged = store.purged_among(mentioned)
    if not purged:
        return document, []
    purged -= _let_back_in(store, document, purged)
    if not purged:
        return document, []
    kept, dropped = dict(document), []
    for table in KIND_NAMES:
        records = document.get(table) or []
        stays = [r for r in records if not _is_purged(r, table, purged)]
        dropped += [r["id"] for r in records if _is_purged(r, table, purged)]
        if table in document:
            kept[table] = stays
    return kept, dropped


def _let_back_in(store: CarnetStore, document: dict, purged: set[str]) -> set[str]:
    """The purged ids of this document that come back (see without_purged)."""
    conn = store.db.conn
    horizons = purge_horizon.recall(conn, purged)
    back: set[str] = set()
    for table in KIND_NAMES:
        for record in document.get(table) or []:
            record_id = record.get("id")
            if record_id in horizons and purge_horizon.unseen_in(record, horizons[record_id]):
                back.add(record_id)
                back |= {i for _t, i in horizons[record_id].get("family", [])}
    if back:
        rows = [(record_id,) for record_id in sorted(back)]
        conn.executemany("DELETE FROM purged WHERE id = ?", rows)
        purge_horizon.mark_back(conn, back)
        # their files in the share are read again, even unchanged since the purge (not
        # our own tombstones: this laptop's purge is no news to it)
        own = f"devices/{store.author.device_id}/%"
        files = [(f"%/{record_id}.json", own) for record_id in sorted(back)]
        conn.executemany("DELETE FROM sync_index WHERE path LIKE ? AND path NOT LIKE ?", files)
    return back


def _is_purged(record: dict, table: str, purged: set[str]) -> bool:
    parent = record.get(PARENT_COLUMNS.get(table, ""))
    return record.get("id") in purged or parent in purged
