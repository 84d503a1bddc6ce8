"""The publish index checked against the share: what is not really there is written again.

sync_published and sync_sheets remember what this laptop wrote, so that a pass writes only
what changed. They describe one share (its id, see share_identity): on another share they
are forgotten whole. On the same share, a file may still be gone (a colleague deleted our
device folder, a sync client lost part of it): each pass lists our own folders (names
only, no content read) and forgets the entries whose file is missing, so the same pass
publishes them again, with their media and sheets.

Once per database, the records written while a table with a personal column was held
back whole are forgotten too (forget_held_back_tables): they go again with that table.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.privacy.audiences import SHARE_AUDIENCE, hidden_keys, row_columns
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.publish import LIVE_DOCUMENT, SHAREABLE_PHOTO
from desktop.core.sync.share import TABLES, Share
from desktop.core.sync.share_identity import SHARE_ID, ensure_share_id

DEVICE_JSON = "sync_device_json"  # publish.publish_device's memory of what it wrote


def follow_share(workspace: Workspace, share: Share) -> int:
    """Tie the publish index to this share; how many entries were forgotten (another share)."""
    share_id = ensure_share_id(share)
    previous = workspace.setting(SHARE_ID)
    if share_id is None or previous == share_id:  # None: the folders' check still holds
        return 0

    def adopt(writer) -> int:
        forgotten = 0
        if previous:  # an index made before shares had ids is checked below instead
            forgotten += writer.db.conn.execute("DELETE FROM sync_published").rowcount
            forgotten += writer.db.conn.execute("DELETE FROM sync_sheets").rowcount
            writer.set_setting(DEVICE_JSON, "")
        writer.set_setting(SHARE_ID, share_id)
        return forgotten

    return workspace.service.call(adopt)


def forget_missing(workspace: Workspace, share: Share) -> int:
    """Forget the published records, media and sheets not in the share; returns how many."""
    conn = workspace.db.conn
    gone: list[str] = []
    for table in TABLES:
        present = _names(share.own / "records" / table)
        rows = conn.execute("SELECT record_id FROM sync_published WHERE tbl = ?", (table,))
        gone += [record_id for (record_id,) in rows if f"{record_id}.json" not in present]
    gone += _without_media(workspace, _names(share.own / "media"))
    sheets = [
        visit_id
        for visit_id, path in conn.execute("SELECT visit_id, path FROM sync_sheets")
        if not os.path.isfile(share.sheets / path)
    ]
    if gone or sheets:
        workspace.service.call(lambda writer: _forget(writer, set(gone), sheets))
    return len(set(gone)) + len(sheets)


def _names(folder: Path) -> set[str]:
    try:
        with os.scandir(folder) as entries:
            return {entry.name for entry in entries}
    except OSError:  # missing (or unreadable: the writes will tell)
        return set()


def _without_media(workspace: Workspace, present: set[str]) -> list[str]:
    """Published photos and documents whose file is not in our media folder."""
    conn = workspace.db.conn
    # A photo no longer shareable needs no picture: its file is rights alone, and is
    # written again by its fingerprint (publish._changed). Forgotten here, it would
    # count as never published and its older full file would stay in the share.
    # The same for a deleted document (or one of a deleted venue): no file needed.
    photos = conn.execute(
        "SELECT sp.record_id, pr.print_sha256 FROM sync_published sp "
        "JOIN photos t ON t.id = sp.record_id LEFT JOIN sync_prints pr ON pr.sha256 = t.sha256 "
        f"WHERE sp.tbl = 'photos' AND {SHAREABLE_PHOTO}"
    ).fetchall()
    documents = conn.execute(
        "SELECT sp.record_id, t.sha256, m.ext FROM sync_published sp "
        "JOIN documents t ON t.id = sp.record_id LEFT JOIN media m ON m.sha256 = t.sha256 "
        f"WHERE sp.tbl = 'documents' AND m.sha256 IS NOT NULL AND {LIVE_DOCUMENT}"
    ).fetchall()
    missing = [r for r, digest in photos if digest and f"{digest}.jpg" not in present]
    if photos and not present:  # the folder itself is gone (prints published before
        missing = [r for r, _ in photos]  # their hash was remembered here)
    missing += [
        r for r, digest, ext in documents if f"{digest}{(ext or '').lower()}" not in present
    ]
    return missing


def _forget(writer, records: set[str], sheets: list[str]) -> None:
    run = writer.db.conn.executemany
    run("DELETE FROM sync_published WHERE record_id = ?", [(r,) for r in records])
    run("DELETE FROM sync_sheets WHERE visit_id = ?", [(v,) for v in sheets])
    if records:
        writer.set_setting(DEVICE_JSON, "")  # device.json is written again with them


# ------------------------------------------------------------------ tables of names
TABLES_RULE_KEY = "shared_tables_rule"
TABLES_RULE = "1"  # tables with a personal column go with their rows (until then: held back)


def forget_held_back_tables(workspace: Workspace) -> int:
    """Once per database: forget the published records holding a table with a personal
    column, written while such a table was held back whole, so that this pass writes
    them again with its rows (without those cells). Returns how many."""
    if workspace.setting(TABLES_RULE_KEY) == TABLES_RULE:
        return 0

    def forget(writer) -> int:
        ids = _holding_tables_of_names(writer.store)
        writer.db.conn.executemany(
            "DELETE FROM sync_published WHERE record_id = ?", [(i,) for i in ids]
        )
        writer.db.conn.execute(  # not a setting the views follow: no broadcast
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (TABLES_RULE_KEY, TABLES_RULE),
        )
        return len(ids)

    return workspace.service.call(forget)


def _holding_tables_of_names(store) -> list[str]:
    """Published venues and visits whose data holds a table that reaches the network
    with a column that does not."""
    found = []
    venue_keys = _tables_of_names(store.templates.venue)
    found += _published_with(store, "venues", venue_keys, "1", ())
    visit_id = store.templates.visit.id
    for template in store.templates.records:
        keys = _tables_of_names(template)
        where = "coalesce(t.template_id, ?) = ?"
        found += _published_with(store, "visits", keys, where, (visit_id, template.id))
    return found


def _tables_of_names(template) -> list[str]:
    properties = template.schema.get("properties", {})
    hidden = hidden_keys(properties, SHARE_AUDIENCE)
    return [
        key
        for key, schema in properties.items()
        if key not in hidden
        and (columns := row_columns(schema))
        and hidden_keys(columns, SHARE_AUDIENCE)
    ]


def _published_with(store, table: str, keys: list[str], where: str, args: tuple) -> list[str]:
    if not keys:
        return []
    holds = " OR ".join("json_type(t.data, ?) = 'array'" for _ in keys)
    rows = store.db.conn.execute(
        f"SELECT t.id FROM {table} t JOIN sync_published sp ON sp.record_id = t.id "
        f"WHERE {where} AND ({holds})",
        (*args, *(f'$."{key}"' for key in keys)),
    )
    return [record_id for (record_id,) in rows]
