"""Numbered schema migrations; migration N brings PRAGMA user_version from N-1 to N.

Never edit a migration that has shipped: add a new one. Each runs inside one
transaction (see db.migrate), so only plain execute() calls are used here: sqlite's
executescript would commit halfway.

A migration computes only with code frozen here beside it (_fold_v3, _create_fts…),
never with the live helpers: changing text.fold must not change what migration 3
wrote, or two laptops upgraded at different times would disagree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.storage.migration_figures import m012_figure_visits
from desktop.core.storage.migration_followup_bulk import m013_followup_rows_filled_in_bulk
from desktop.core.storage.migration_followup_summary import m014_followup_summary
from desktop.core.storage.migration_photo_rotation import m016_photo_rotation
from desktop.core.storage.migration_stamps_by_device import m015_stamps_indexed_by_device_alone

if TYPE_CHECKING:
    from desktop.core.storage.db import Database


FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # « economie » finds « économie »


def _create_fts(db: Database, table: str) -> None:
    """An external-content FTS5 index over table.search_text, kept in step by triggers."""
    run = db.conn.execute
    run(
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5(search_text, "
        f"content='{table}', content_rowid='rowid', tokenize='{FTS_TOKENIZER}')"
    )
    run(
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    run(
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
        f"VALUES ('delete', old.rowid, old.search_text); END"
    )
    run(
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF search_text ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
        f"VALUES ('delete', old.rowid, old.search_text); "
        f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )


def m001_initial(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    record = {
        "id": str,
        "data": str,  # JSON: field key -> value
        "search_text": str,
        "created_at": str,
        "created_device": str,
        "created_user": str,
        "updated_at": str,
        "deleted_at": str,  # soft delete (trash); NULL while alive
    }
    db["venues"].create({**record, "name": str, "commune": str}, pk="id")
    db["visits"].create(
        {
            **record,
            "venue_id": str,
            "template_id": str,
            "template_version": int,
            "visit_date": str,
            "visit_type": str,
            "author": str,
            "owner_device": str,
            "carried_over": str,  # JSON list of keys copied from the previous visit
            "carried_from": str,  # that previous visit's date
            "error_count": int,
            "completeness": float,
        },
        pk="id",
        foreign_keys=[("venue_id", "venues", "id")],
    )
    # Who changed each field last, and when: the sync merges per field on these.
    db["field_stamps"].create(
        {"record_id": str, "field": str, "stamp": str, "device_id": str, "user_name": str},
        pk=("record_id", "field"),
    )
    db["venues"].create_index(["name"])
    db["visits"].create_index(["venue_id", "visit_date"])
    _create_fts(db, "venues")
    _create_fts(db, "visits")


def m002_venue_directory(db: Database) -> None:
    """The national list of tiers-lieux, to pre-fill a new venue's identity."""
    db["directory"].create(
        {
            "source_id": str,
            "name": str,
            "address": str,
            "postal_code": str,
            "commune": str,
            "insee_code": str,
            "website": str,
            "typology": str,
            "lat": float,
            "lon": float,
            "region": str,
            "department": str,
            "search_key": str,  # folded name, commune and postcode
        },
        pk="source_id",
    )


def _fold_v3(text: str) -> str:
    """text.fold as migration 3 shipped it: lower case, no accents, œ and æ spelt out."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("œ", "oe").replace("æ", "ae")


def _sort_key_v3(name: str, commune: str) -> str:
    """venue_sort_key as migration 3 shipped it (the live one is text.venue_sort_key)."""
    return f"{_fold_v3(name or '')}\x1f{_fold_v3(commune or '')}"


def m003_venue_sort_key(db: Database) -> None:
    """A stored sort key, so the venue list comes sorted from a covering index at start."""
    run = db.conn.execute
    run("ALTER TABLE venues ADD COLUMN sort_key TEXT")
    rows = run("SELECT id, name, commune FROM venues").fetchall()
    for venue_id, name, commune in rows:
        run("UPDATE venues SET sort_key = ? WHERE id = ?", (_sort_key_v3(name, commune), venue_id))
    run("CREATE INDEX venues_by_sort_key ON venues(deleted_at, sort_key, id, name, commune)")


def m004_photos_and_documents(db: Database) -> None:
    """Photos of a visit and governance documents of a venue, their files named by hash."""
    common = {
        "id": str,
        "sha256": str,
        "original_name": str,
        "created_at": str,
        "created_device": str,
        "created_user": str,
        "updated_at": str,
        "deleted_at": str,
    }
    db["media"].create(
        {"sha256": str, "kind": str, "ext": str, "size": int, "width": int, "height": int},
        pk="sha256",
    )
    db["photos"].create(
        {
            **common,
            "visit_id": str,
            "caption": str,
            "taken_on": str,
            "position": float,  # between neighbours when reordered: one row changes
            "identifiable_people": int,  # 0/1: personnes reconnaissables
            "consent": str,  # reference or text of the authorisation
            "allowed_use": str,  # interne / reseau / public
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
    )
    db["documents"].create(
        {**common, "venue_id": str, "doc_type": str, "doc_date": str, "end_date": str},
        pk="id",
        foreign_keys=[("venue_id", "venues", "id")],
    )
    db["photos"].create_index(["visit_id", "position"])
    db["documents"].create_index(["venue_id", "doc_type"])


def m005_sync(db: Database) -> None:
    """What the shared-folder sync needs: each field's base stamp, conflicts, the share's index.

    base is the stamp a local edit replaced: a colleague's value whose stamp is later
    than our base was not seen when we edited, so the two edits are concurrent.
    """
    run = db.conn.execute
    run("ALTER TABLE field_stamps ADD COLUMN base TEXT")
    run("CREATE INDEX field_stamps_by_device ON field_stamps(device_id, record_id)")
    db["sync_conflicts"].create(
        {
            "record_id": str,
            "tbl": str,
            "field": str,
            "value": str,
            "stamp": str,
            "device_id": str,
            "user_name": str,
            "found_at": str,
        },
        pk=("record_id", "field", "stamp"),
    )
    # Every file of the share seen so far: a rescan re-reads only what changed.
    db["sync_index"].create(
        {
            "path": str,
            "size": int,
            "mtime_ns": int,
            "sha256": str,
            "status": str,
            "reason": str,
            "device_id": str,
            "seen_at": str,
        },
        pk="path",
    )
    # What this laptop last wrote to the share, so a pass writes only what changed.
    db["sync_published"].create(
        {"record_id": str, "tbl": str, "fingerprint": str, "path": str}, pk="record_id"
    )
    db["sync_sheets"].create({"visit_id": str, "fingerprint": str, "path": str}, pk="visit_id")
    # A shared photo travels as its print rendition, named by that file's own hash.
    db["sync_prints"].create({"sha256": str, "print_sha256": str}, pk="sha256")


def m006_one_writer(db: Database) -> None:
    """Deletions that remember what they saw, and colleagues whose clock runs far ahead.

    A tombstone's base is now the latest field stamp its author had seen: an edit later
    than that was made without knowing of the deletion (a conflict of its own). Earlier
    tombstones are taken to have seen everything before them.
    """
    run = db.conn.execute
    run("UPDATE field_stamps SET base = stamp WHERE field = '_deleted'")
    db["clock_ahead"].create(
        {"device_id": str, "user_name": str, "ahead_ms": int, "seen_at": str}, pk="device_id"
    )


def m007_sync_prints_everywhere(db: Database) -> None:
    """sync_prints, for databases made when migration 5 did not create it yet.

    Migration 5 gained that table after it first shipped: a database made then reached
    schema 5 without it, and publishing photos would fail there.
    """
    if "sync_prints" not in db.table_names():
        db["sync_prints"].create({"sha256": str, "print_sha256": str}, pk="sha256")


def m008_purged(db: Database) -> None:
    """Records deleted for good (the trash emptied, or a colleague's purge received).

    A purged id is never brought back by an older file. publish says whether this
    laptop owes the share a tombstone for it; published, whether it wrote one.
    """
    db["purged"].create(
        {"id": str, "tbl": str, "purged_at": str, "origin": str, "publish": int, "published": int},
        pk="id",
    )


# The follow-up's derived rows (migration 9): one view says how a visit's data gives them,
# from the paths its template's x-followup hints name (followup_keys, filled from the
# templates by desktop/core/followup/derived.py); the triggers apply it to every write of
# a visit, whichever path writes (an edit, a merge, a bulk insert, a purge).
_FOLLOWUP_ACTION_ROWS = (
    "CREATE VIEW followup_action_rows AS SELECT v.id AS record_id, "
    "v.template_id AS template_id, v.venue_id AS venue_id, "
    "v.visit_date AS visit_date, a.key AS row_index, "
    "json_extract(a.value, k.action) AS action, "
    "json_extract(a.value, k.responsible) AS responsible, "
    "json_extract(a.value, k.due) AS due, json_extract(a.value, k.status) AS status, "
    "coalesce(json_extract(a.value, k.status) = k.done, 0) AS done "
    "FROM visits v JOIN followup_keys k ON k.template_id = v.template_id "
    "JOIN json_each(CASE WHEN json_valid(v.data) THEN v.data ELSE '{}' END, k.actions) a "
    "WHERE v.deleted_at IS NULL AND a.type = 'object' AND typeof(a.key) = 'integer'"
)
_FOLLOWUP_RECORD_ROWS = (  # every live visit, with its template's follow-up dates if any
    "CREATE VIEW followup_record_rows AS SELECT v.id AS record_id, "
    "v.template_id AS template_id, v.venue_id AS venue_id, "
    "v.visit_date AS visit_date, v.created_at AS created_at, "
    "CASE WHEN json_valid(v.data) THEN json_extract(v.data, k.agreement_end) END "
    "AS agreement_end, "
    "CASE WHEN json_valid(v.data) THEN json_extract(v.data, k.next_visit) END AS next_visit "
    "FROM visits v LEFT JOIN followup_keys k ON k.template_id = v.template_id "
    "WHERE v.deleted_at IS NULL"
)
_FOLLOWUP_REFILL = (
    "DELETE FROM followup_actions WHERE record_id = {row}.id; "
    "DELETE FROM followup_records WHERE record_id = {row}.id; "
)
_FOLLOWUP_FILL = (
    "INSERT INTO followup_actions SELECT * FROM followup_action_rows WHERE record_id = new.id; "
    "INSERT INTO followup_records SELECT * FROM followup_record_rows WHERE record_id = new.id; "
)


def m009_followup_rows(db: Database) -> None:
    """Each live visit's actions (followup_actions) and its follow-up dates, venue and
    date (followup_records) in tables of their own, so the Suivi and the dashboard read
    indexed rows instead of parsing every visit's JSON.

    Derived data, like search_text: never shared, rebuilt from visits.data. Filled here
    for no template: the data service registers the templates' keys when it starts
    (followup/derived.py), which fills the rows of the visits already there."""
    run = db.conn.execute
    run(
        "CREATE TABLE followup_keys (template_id TEXT PRIMARY KEY, actions TEXT, "
        "action TEXT, responsible TEXT, due TEXT, status TEXT, done TEXT, "
        "agreement_end TEXT, next_visit TEXT)"
    )
    run(
        "CREATE TABLE followup_actions (record_id TEXT NOT NULL, template_id TEXT, venue_id TEXT, "
        "visit_date TEXT, row_index INTEGER NOT NULL, action, responsible, due, status, "
        "done INTEGER NOT NULL, PRIMARY KEY (record_id, row_index)) WITHOUT ROWID"
    )
    run(
        "CREATE TABLE followup_records (record_id TEXT PRIMARY KEY, template_id TEXT, "
        "venue_id TEXT, "
        "visit_date TEXT, created_at TEXT, agreement_end, next_visit) WITHOUT ROWID"
    )
    # Each venue's latest record of a template (and its agreement end), from the index alone.
    run(
        "CREATE INDEX followup_records_by_venue "
        "ON followup_records(venue_id, template_id, visit_date, created_at, agreement_end)"
    )
    # No index for the dashboard's overdue actions: a scan of this table costs it some
    # 10 ms more at 60,000 actions, and every visit written would pay for the index.
    run(_FOLLOWUP_ACTION_ROWS)
    run(_FOLLOWUP_RECORD_ROWS)
    # After an insert, rows of that id are cleared first: an INSERT OR REPLACE removes the
    # row it replaces without its delete trigger (SQLite's rule without recursive triggers).
    run(
        "CREATE TRIGGER visits_followup_ai AFTER INSERT ON visits BEGIN "
        f"{_FOLLOWUP_REFILL.format(row='new')}{_FOLLOWUP_FILL}END"
    )
    run(
        "CREATE TRIGGER visits_followup_au AFTER UPDATE OF data, deleted_at, venue_id, "
        "visit_date, template_id ON visits BEGIN "
        f"{_FOLLOWUP_REFILL.format(row='old')}{_FOLLOWUP_FILL}END"
    )
    run(
        "CREATE TRIGGER visits_followup_ad AFTER DELETE ON visits BEGIN "
        f"{_FOLLOWUP_REFILL.format(row='old')}END"
    )


def m010_search_index_filled_in_bulk(db: Database) -> None:
    """A bulk insert (a share's first import) fills the search index in one statement.

    The insert triggers of the search indexes (migration 1) index each new row on its
    own, which costs a share's first import more than indexing a batch's rows at once.
    They now stand aside while fts_paused names their table: the writer names it, inserts
    the rows, indexes them with one INSERT … SELECT and clears the name, all inside one
    transaction, so no other connection ever sees it named (and a crash rolls it back).
    """
    run = db.conn.execute
    run("CREATE TABLE fts_paused (tbl TEXT PRIMARY KEY)")
    for table in ("venues", "visits"):
        run(f"DROP TRIGGER {table}_ai")
        run(
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM fts_paused WHERE tbl = '{table}') BEGIN "
            f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
        )


def m011_overdue_actions_index(db: Database) -> None:
    """The dashboard's overdue actions by owner, read from one covering index in the
    order of its GROUP BY (owner, venue): 45 → 21 ms for 60,000 actions, where a sort of
    the rows cost more than their reading. The followup_actions rows it covers are
    derived (migration 9): writing one costs one more index entry."""
    db.conn.execute(
        "CREATE INDEX followup_actions_overdue ON followup_actions"
        "(template_id, done, responsible, venue_id, due, visit_date)"
    )


MIGRATIONS: list[Callable[[Database], None]] = [
    m001_initial,
    m002_venue_directory,
    m003_venue_sort_key,
    m004_photos_and_documents,
    m005_sync,
    m006_one_writer,
    m007_sync_prints_everywhere,
    m008_purged,
    m009_followup_rows,
    m010_search_index_filled_in_bulk,
    m011_overdue_actions_index,
    m012_figure_visits,
    m013_followup_rows_filled_in_bulk,
    m014_followup_summary,
    m015_stamps_indexed_by_device_alone,
    m016_photo_rotation,
]
