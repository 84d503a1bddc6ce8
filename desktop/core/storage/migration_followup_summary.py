"""Migration 14: what the Suivi's first screen needs, kept up to date rather than found by a
pass over every row (issue 15: 0.9 s at 100,000 visits, 300,000 actions, 15,000 venues).

- followup_due_counts: how many actions each (template, done, due) has. The Suivi's
  actions are laid out from the distinct due dates and their counts (action_rows.py): a
  `GROUP BY due` over the 225,000 open actions and its sort cost 100 ms; these rows are
  some 2,500. The actions of trashed venues are counted here and taken off at reading
  (there are few, found through their visits).
- followup_latest: each venue's latest record of each template (its date, agreement end,
  next visit), as load.py's LATEST chose it: one seek per venue cost 120 ms for 15,000.
- followup_actions_by_due: an index, so that a page of actions is read from its due date.

Both are derived from followup_actions / followup_records (migration 9) by triggers on
those tables, so every writer is kept right by construction. The triggers stand aside
while fts_paused names 'followup_summary': followup/summary.py then sums them again (a
refill of every row).

Frozen like migrations.py: never edit once shipped, add a migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.storage.db import Database

# A trigger's condition: it stands aside while a refill sums every row again (summary.py).
AWAKE = "WHEN NOT EXISTS (SELECT 1 FROM fts_paused WHERE tbl = 'followup_summary')"
# An action's key in the counts: its template, done and due as stored, NULL included
# (x'': json_extract never gives a blob), so that one UPSERT counts it.
COUNT_KEY = "ifnull(template_id, x''), done, ifnull(due, x'')"
_LATEST_OF = (  # the latest record of a venue and template, as load.py's LATEST orders them
    "INSERT INTO followup_latest SELECT venue_id, template_id, record_id, visit_date, "
    "agreement_end, next_visit FROM followup_records "
    "WHERE venue_id IS {row}.venue_id AND template_id IS {row}.template_id "
    "ORDER BY visit_date DESC, created_at DESC, record_id DESC LIMIT 1; "
)
_FORGET_LATEST = (
    "DELETE FROM followup_latest WHERE venue_id IS {row}.venue_id "
    "AND template_id IS {row}.template_id; "
)


def m014_followup_summary(db: Database) -> None:
    run = db.conn.execute
    # A due date left with no action keeps its row at 0 (readers skip it): one statement
    # per action written, not two.
    run(
        "CREATE TABLE followup_due_counts (template_id TEXT, done INTEGER NOT NULL, due, "
        "actions INTEGER NOT NULL)"
    )
    run(f"CREATE UNIQUE INDEX followup_due_counts_key ON followup_due_counts({COUNT_KEY})")
    run(
        "CREATE TABLE followup_latest (venue_id TEXT, template_id TEXT, record_id TEXT NOT NULL, "
        "visit_date TEXT, agreement_end, next_visit)"
    )
    # Covering: the Suivi reads every venue's row from the index alone.
    run(
        "CREATE INDEX followup_latest_key ON followup_latest"
        "(template_id, venue_id, record_id, visit_date, agreement_end, next_visit)"
    )
    # A page of the Suivi's actions: the open ones of a due date, in their records'
    # order, walked in this index (OFFSET included) with no sort and no look-up of the
    # rows skipped; followup_actions_overdue, led by the template and the responsible,
    # made it a sort of all of them (0.5 s for 300,000 actions without a due date).
    # `done` is there too, or SQLite reads each row to check it (not covering: 3×).
    run(
        "CREATE INDEX followup_actions_by_due ON followup_actions"
        "(due, record_id, row_index, template_id, venue_id, done) WHERE done = 0"
    )
    run(
        f"CREATE TRIGGER followup_actions_count_ai AFTER INSERT ON followup_actions {AWAKE} BEGIN "
        "INSERT INTO followup_due_counts VALUES (new.template_id, new.done, new.due, 1) "
        f"ON CONFLICT ({COUNT_KEY}) DO UPDATE SET actions = actions + 1; END"
    )
    run(
        f"CREATE TRIGGER followup_actions_count_ad AFTER DELETE ON followup_actions {AWAKE} BEGIN "
        "UPDATE followup_due_counts SET actions = actions - 1 "
        "WHERE ifnull(template_id, x'') = ifnull(old.template_id, x'') AND done = old.done "
        "AND ifnull(due, x'') = ifnull(old.due, x''); END"
    )
    run(
        f"CREATE TRIGGER followup_records_latest_ai AFTER INSERT ON followup_records {AWAKE} BEGIN "
        f"{_FORGET_LATEST.format(row='new')}{_LATEST_OF.format(row='new')}END"
    )
    # A record that was not its venue's latest leaves it as it was.
    run(
        f"CREATE TRIGGER followup_records_latest_ad AFTER DELETE ON followup_records {AWAKE} "
        "AND EXISTS (SELECT 1 FROM followup_latest WHERE template_id IS old.template_id AND "
        "venue_id IS old.venue_id AND record_id = old.record_id) BEGIN "
        f"{_FORGET_LATEST.format(row='old')}{_LATEST_OF.format(row='old')}END"
    )
    run(
        "INSERT INTO followup_due_counts SELECT template_id, done, due, count(*) "
        "FROM followup_actions GROUP BY template_id, done, due"
    )
    run(
        "INSERT INTO followup_latest SELECT venue_id, template_id, record_id, visit_date, "
        "agreement_end, next_visit FROM (SELECT *, row_number() OVER (PARTITION BY venue_id, "
        "template_id ORDER BY visit_date DESC, created_at DESC, record_id DESC) AS n "
        "FROM followup_records) WHERE n = 1"
    )
