"""Migration 12: the dashboard's derived table, one row per live record with the values of
its choice and percent fields as short tokens (kept beside migrations.py, which would
pass 400 lines; frozen like it: never edit once shipped, add a migration).

figure_keys names, per template id, the keys the figures count and their kind ('venue': a
select / multiselect enumeration of a carried-over section, which describes the venue;
'visit': one of another section; 'number': a number in percent), filled from the
templates' hints by desktop/core/storage/figure_rows.py. '' stands for records that name
no template (the app reads them as visit sheets), so it holds the visit sheet's keys.

figure_visits holds each live record's template id, day (its date's first 10 characters,
as typed), creation time, id, venue, type, author and `choices`: its values of those
keys, each as a token « key US value » (US = char(31)), those of 'venue' and 'number' keys
joined by RS (char(30)), then GS (char(29)), then those of 'visit' keys joined by RS (a
value twice in a list gives its token twice). A list gives one token per element (a percent is only ever a number); a
number is written as SQLite writes it; true and false as Python writes them (« True »,
« False »); empty strings, null, objects and nested lists give none. GS, RS and US inside
a value become spaces. The primary key is (template_id, day, created_at, record_id): a
period's rows are read in one range, in date and creation order, and the dashboard
counts tokens instead of parsing every visit's JSON.

The triggers follow migration 9's: every write of a visit (an edit, a merge, a bulk
insert, INSERT OR REPLACE, the trash, a purge, an erasure, a restore) refills its row;
the insert trigger stands aside while fts_paused names `visits` (migration 10), when the
writer inserts a batch of new records and fills their rows itself (figure_rows.fill).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.storage.db import Database

_MEMBERS = (  # the top-level members of a visit v's data that its template's figures count
    "json_each(CASE WHEN json_valid(v.data) THEN v.data ELSE '{}' END) f CROSS JOIN figure_keys k "
    "ON k.template_id = coalesce(v.template_id, '') AND k.key = f.key"
)
_VALUES = (  # (key, kind, JSON type, value): a member's value, or each element of a list
    f"SELECT f.key AS key, k.kind AS kind, f.type AS type, f.atom AS value FROM {_MEMBERS} "
    "WHERE f.type <> 'array' UNION ALL "
    f"SELECT f.key, k.kind, e.type, e.atom FROM {_MEMBERS} CROSS JOIN json_each(f.value) e "
    "WHERE f.type = 'array' AND k.kind <> 'number'"
)
_TOKEN = (  # a value as the figures read it
    "key || char(31) || CASE type "
    "WHEN 'text' THEN replace(replace(replace(value, char(29), ' '), char(30), ' '), char(31), ' ') "
    "WHEN 'true' THEN 'True' WHEN 'false' THEN 'False' ELSE CAST(value AS TEXT) END"
)
_GIVES_TOKEN = (  # numbers always; text (not empty), true and false for a choice
    "CASE type WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN kind <> 'number' "
    "AND value <> '' WHEN 'true' THEN kind <> 'number' WHEN 'false' THEN kind <> 'number' "
    "ELSE 0 END"
)
# The venue's and percents' tokens, GS, the visit's: one parse of the JSON. LIMIT -1 keeps
# the inner query from being folded into the aggregate, which would work out each token
# twice (once per group_concat).
_TOKENS = (
    "SELECT coalesce(group_concat(CASE WHEN kind <> 'visit' THEN token END, char(30)), '') "
    "|| char(29) || coalesce(group_concat(CASE WHEN kind = 'visit' THEN token END, char(30)), '') "
    f"FROM (SELECT kind, {_TOKEN} AS token FROM ({_VALUES}) WHERE {_GIVES_TOKEN} LIMIT -1)"
)
_FIGURE_VISIT_ROWS = (
    "CREATE VIEW figure_visit_rows AS SELECT coalesce(v.template_id, '') AS template_id, "
    "coalesce(substr(v.visit_date, 1, 10), '') AS day, "
    "coalesce(v.created_at, '') AS created_at, v.id AS record_id, v.venue_id AS venue_id, "
    f"v.visit_type AS visit_type, v.author AS author, ({_TOKENS}) AS choices "
    "FROM visits v WHERE v.deleted_at IS NULL"
)
# After an insert, the id's row is cleared first: an INSERT OR REPLACE removes the row it
# replaces without its delete trigger (as in migration 9).
_CLEAR = "DELETE FROM figure_visits WHERE record_id = {row}.id; "
_FILL = "INSERT INTO figure_visits SELECT * FROM figure_visit_rows WHERE record_id = new.id; "


def m012_figure_visits(db: Database) -> None:
    """The dashboard's figures counted from figure_visits (see the module's docstring).
    Filled here for no template: the data service registers the templates' keys when
    it starts (storage/figure_rows.py), which fills the rows of the visits there."""
    run = db.conn.execute
    run(
        "CREATE TABLE figure_keys (template_id TEXT NOT NULL, key TEXT NOT NULL, "
        "kind TEXT NOT NULL, PRIMARY KEY (template_id, key)) WITHOUT ROWID"
    )
    run(
        "CREATE TABLE figure_visits (template_id TEXT NOT NULL, day TEXT NOT NULL, "
        "created_at TEXT NOT NULL, record_id TEXT NOT NULL, venue_id TEXT, visit_type TEXT, "
        "author TEXT, choices TEXT NOT NULL, "
        "PRIMARY KEY (template_id, day, created_at, record_id)) WITHOUT ROWID"
    )
    run("CREATE INDEX figure_visits_of_record ON figure_visits(record_id)")
    run(_FIGURE_VISIT_ROWS)
    # A bulk insert of new records (merge/new_records.py) pauses it, as it does the search
    # index (migration 10), and fills its batch's rows in one ordered INSERT … SELECT.
    run(
        "CREATE TRIGGER visits_figures_ai AFTER INSERT ON visits "
        "WHEN NOT EXISTS (SELECT 1 FROM fts_paused WHERE tbl = 'visits') BEGIN "
        f"{_CLEAR.format(row='new')}{_FILL}END"
    )
    run(
        "CREATE TRIGGER visits_figures_au AFTER UPDATE OF data, deleted_at, venue_id, "
        "visit_date, template_id, visit_type, author, created_at ON visits BEGIN "
        f"{_CLEAR.format(row='old')}{_FILL}END"
    )
    run(
        f"CREATE TRIGGER visits_figures_ad AFTER DELETE ON visits BEGIN {_CLEAR.format(row='old')}END"
    )
