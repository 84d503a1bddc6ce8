"""Migration 13: the follow-up's insert trigger (migration 9) stands aside during a bulk
insert, as the search index's (migration 10) and the dashboard's (migration 12) do, and
the writer fills a batch's follow-up rows itself (followup/derived.fill: two INSERT …
SELECT per 500 records). Row by row, the trigger cost a share's first import about 1.1 s
of CPU per 8,000 visits of three actions (the plain insert: 0.1 s); per batch, 0.75 s.

Frozen like migrations.py (kept beside it, which would pass 400 lines): never edit once
shipped, add a migration. The trigger's body is migration 9's, written out again here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.storage.db import Database

_REFILL = (
    "DELETE FROM followup_actions WHERE record_id = new.id; "
    "DELETE FROM followup_records WHERE record_id = new.id; "
)
_FILL = (
    "INSERT INTO followup_actions SELECT * FROM followup_action_rows WHERE record_id = new.id; "
    "INSERT INTO followup_records SELECT * FROM followup_record_rows WHERE record_id = new.id; "
)


def m013_followup_rows_filled_in_bulk(db: Database) -> None:
    run = db.conn.execute
    run("DROP TRIGGER visits_followup_ai")
    run(
        "CREATE TRIGGER visits_followup_ai AFTER INSERT ON visits "
        "WHEN NOT EXISTS (SELECT 1 FROM fts_paused WHERE tbl = 'visits') BEGIN "
        f"{_REFILL}{_FILL}END"
    )
