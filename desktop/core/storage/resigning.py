"""Re-signing: this laptop's visits still signed with an earlier name of its user take the
current one (core/storage/identity.py says when), a batch at a time on the one writer.

The earlier names wait in meta `resign_pending` (a JSON list), written in the transaction
that saves the new name; the last batch clears it in its own transaction. So if the app
closes midway, nothing is half-done: each batch is whole, and the next start takes up
what is left. The rule holds at every moment: a visit created on this laptop and signed
with one of its user's earlier names is due to carry the current name.

Each batch is one short transaction (at most BATCH visits re-signed, WINDOW rows looked
at), so an autosave or a sync merge queued meanwhile waits for one batch, not for the
whole job. A visit is re-signed as an edit of its author field: the same row columns
(`visits_columns`), kept replaced versions, template version and stamp as
`update_visit`, but its rows written by one statement per batch.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.core.storage.data_service import Writer
from desktop.core.storage.device_binding import carried_devices
from desktop.core.storage.template_versions import raise_template_version

PENDING = "resign_pending"  # meta: the earlier names still to replace (JSON list)
BATCH = 200  # visits re-signed per transaction: about 0.1 s of the writer
WINDOW = 5000  # rows looked at per transaction when few of them are to re-sign

# The batch's rows in one statement, given as one JSON array of [columns…, rowid]: SQLite
# gives each statement that writes visits (triggers: search index, follow-up, figures) a
# statement journal, which one UPDATE per row paid 200 times (measured: 1.07 ms a visit
# against 0.59 ms, wall time, 10,000 visits). UPDATE … FROM needs SQLite 3.33 (2020).
_COLUMNS = ("data", "author", "search_text", "error_count", "completeness", "updated_at")
UPDATE_ROWS = (
    "UPDATE visits SET "
    + ", ".join(f"{name} = json_extract(j.value, '$[{i}]')" for i, name in enumerate(_COLUMNS))
    + ", carried_over = json_extract(j.value, '$[6]') "
    "FROM json_each(?) AS j WHERE visits.rowid = json_extract(j.value, '$[7]')"
)

Report = Callable[[tuple[int, int]], None]  # (visits looked at, visits to look at)


@dataclass(frozen=True)
class Step:
    cursor: int  # the last rowid looked at
    looked_at: int  # candidate visits this step read
    signed: int  # visits it re-signed
    names: tuple[str, ...]  # the earlier names it looked for
    done: bool  # nothing left: the pending names were cleared


def pending_names(setting: Callable[[str], str]) -> tuple[str, ...]:
    """The earlier names whose visits are still to re-sign (setting: a settings reader)."""
    raw = setting(PENDING)
    try:
        names = json.loads(raw) if raw else []
    except ValueError:  # never written so; read as « nothing pending » rather than fail
        return ()
    return tuple(name for name in names if isinstance(name, str) and name)


def add_pending(writer: Writer, previous: str, name: str) -> bool:
    """The user's name moves from previous to name: visits signed with previous (or an
    earlier name still pending) are due to carry name. True when some name is pending."""
    names = [n for n in pending_names(writer.setting) if n != name]
    if previous and previous != name and previous not in names:
        names.append(previous)
    writer.set_setting(PENDING, json.dumps(names, ensure_ascii=False) if names else "")
    return bool(names)


def _candidates_sql(devices: tuple[str, ...], names: tuple[str, ...]) -> str:
    """This laptop's visits whose author column is one of the names: the column holds the
    author field's value when it has one, so every visit to re-sign is among them. This
    laptop's: made under its device id, or here under a former one (a backup restored on
    another computer, device_binding.py)."""
    return (
        f"created_device IN ({', '.join('?' * len(devices))}) "
        f"AND author IN ({', '.join('?' * len(names))})"
    )


def own_devices(db, device_id: str) -> tuple[str, ...]:
    return (device_id, *(old for old, _clock in carried_devices(db)))


def count_candidates(db, device_id: str, names: tuple[str, ...]) -> int:
    """How many visits the job will look at (on a read connection: a scan of the table)."""
    if not names:
        return 0
    devices = own_devices(db, device_id)
    sql = f"SELECT count(*) FROM visits WHERE {_candidates_sql(devices, names)}"
    return db.conn.execute(sql, (*devices, *names)).fetchone()[0]


def resign_step(writer: Writer, cursor: int, names_before: tuple[str, ...] = ()) -> Step:
    """Re-sign the next batch after rowid `cursor`. When the pending names are not the
    ones the job had (the name changed again meanwhile) it starts over from the first row:
    visits it re-signed before carry a name that is now earlier too."""
    names = pending_names(writer.setting)
    if not names:
        return Step(cursor, 0, 0, (), True)
    if names_before and names != names_before:
        cursor = 0
    conn = writer.db.conn
    devices = own_devices(writer.db, writer.store.author.device_id)
    top = conn.execute("SELECT coalesce(max(rowid), 0) FROM visits").fetchone()[0]
    rows = conn.execute(
        "SELECT rowid, id, venue_id, template_id, data, carried_over FROM visits WHERE "
        f"rowid > ? AND rowid <= ? AND {_candidates_sql(devices, names)} ORDER BY rowid LIMIT ?",
        (cursor, cursor + WINDOW, *devices, *names, BATCH),
    ).fetchall()
    cursor = rows[-1][0] if len(rows) == BATCH else min(cursor + WINDOW, top)
    signed = _resign(writer, rows, set(names), writer.store.author.user_name)
    done = cursor >= top
    if done:
        writer.set_setting(PENDING, "")
    return Step(cursor, len(rows), signed, names, done)


def _resign(writer: Writer, rows: list[tuple], names: set[str], name: str) -> int:
    """Give each visit of rows whose author field holds one of names the new name."""
    store = writer.store
    edits = []  # (rowid, id, venue id, template, stored data, new data, carried over)
    for rowid, record_id, venue_id, template_id, text, carried in rows:
        template = store.templates.template_or_visit(template_id)
        key, stored = template.author_key, json.loads(text)
        if key and stored.get(key) in names:
            data = {**stored, key: name}
            kept = [k for k in json.loads(carried or "[]") if k != key]
            edits.append((rowid, record_id, venue_id, template, stored, data, kept))
    if not edits:
        return 0
    columns = store.visits_columns([(e[2], e[5], "", e[3]) for e in edits])
    rows = [_row_values(c, e[6], e[0]) for c, e in zip(columns, edits, strict=True)]
    writer.db.conn.execute(UPDATE_ROWS, (json.dumps(rows, ensure_ascii=False),))
    for _rowid, record_id, _venue, template, stored, _data, _kept in edits:
        key = (template.author_key,)
        store._keep_replaced("visits", record_id, stored, key, None)  # a colleague's version
        raise_template_version(store, record_id)  # as any edit on this laptop
        store.stamp("visits", record_id, key)  # so that it travels
    return len(edits)


def _row_values(columns: dict[str, Any], carried: list[str], rowid: int) -> list:
    return [*(columns[name] for name in _COLUMNS), json.dumps(carried), rowid]


def resign_all(workspace, report: Report | None = None, stop: threading.Event | None = None) -> int:
    """Re-sign every pending visit, a batch per transaction; returns how many were.

    workspace: its read connection counts the job for report((looked at, total)); its
    service runs the batches. stop: once set, the job ends after the running batch (the
    rest is taken up by the next call, at the next start)."""
    service, device = workspace.service, workspace.store.author.device_id
    names = pending_names(workspace.setting)
    total, cursor, looked_at, signed = count_candidates(workspace.db, device, names), 0, 0, 0
    while stop is None or not stop.is_set():
        step = service.call(lambda writer, c=cursor, n=names: resign_step(writer, c, n))
        if names and step.names and step.names != names:  # the name changed again: anew
            looked_at = 0
            total = count_candidates(workspace.db, device, step.names) + step.looked_at
        cursor, names = step.cursor, step.names
        looked_at, signed = looked_at + step.looked_at, signed + step.signed
        if report is not None:
            report((looked_at, max(total, looked_at)))
        if step.done:
            break
    return signed
