"""The derived rows of visits inserted in bulk, from the data already parsed in Python.

A share's first import inserts its new visits while their insert triggers stand aside
(migrations 10, 12, 13), then fills their dashboard row (figure_visits) and follow-up
rows (followup_actions, followup_records) itself. Through the views of migrations 9
and 12, SQLite parsed each visit's JSON six times for that (json_valid, then json_each
or json_extract, per view and per branch of a view): 2.9 s of the writer's CPU for
100,000 visits of three actions. Here the rows come from the dicts the reading parsed
already, and are the rows those views give, value for value:

- json_extract's values: text, integers (true and false as 1 and 0), NULL for null or
  a missing key; the figures' tokens as migration 12 writes them.
- A value the views would write in a way not reproduced here (a real number, as
  SQLite's own parser and printer make it; an object or a list where a scalar is read;
  an integer past 64 bits; data that is not an object; a key path of another form)
  makes its record go through the views, as before (`Unsure`).

The tests compare every derived table with the views' own result
(tests/sync/test_derived_in_bulk.py). The data is valid JSON: the reading parses it
with orjson or strict_json, which never give NaN or Infinity.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from desktop.core.followup.derived import KEY_COLUMNS
from desktop.core.followup.derived import fill as fill_followup_by_views
from desktop.core.merge.summary_in_bulk import write_summarised
from desktop.core.storage.figure_rows import GS, NUMBER, RS, US, VISIT
from desktop.core.storage.figure_rows import fill as fill_figures_by_views
from desktop.core.storage.id_lists import in_list, rows_for_ids
from desktop.core.storage.plain_upsert import upsert_values


class Unsure(Exception):
    """A value the views would store in a way not reproduced here."""


BASIC_COLUMNS = ("id", "template_id", "venue_id", "visit_date", "created_at", "visit_type",
                 "author")  # fmt: skip
BASICS = ", ".join(BASIC_COLUMNS)
TEXT_OR_NULL = (str, type(None))
ACTION_COLUMNS = ("record_id", "template_id", "venue_id", "visit_date", "row_index", "action",
                  "responsible", "due", "status", "done")  # fmt: skip
RECORD_COLUMNS = ("record_id", "template_id", "venue_id", "visit_date", "created_at",
                  "agreement_end", "next_visit")  # fmt: skip
FIGURE_COLUMNS = ("template_id", "day", "created_at", "record_id", "venue_id", "visit_type",
                  "author", "choices")  # fmt: skip
PLAIN_PATH = re.compile(r'\$\."([^"\\\x00-\x1f]*)"')  # json_path(key) of a plain key
SMALLEST, LARGEST = -(2**63), 2**63 - 1


def fill_parsed(
    conn: sqlite3.Connection, datas: dict[str, Any], rows: list[dict[str, Any]] = ()
) -> None:
    """The derived rows of the live visits just inserted, datas: id -> parsed data; rows:
    those visits' rows as inserted, if at hand (their basics are then not read back)."""
    followup_keys, figure_kinds = _followup_keys(conn), _figure_kinds(conn)
    actions, records, figures, unsure = [], [], [], []
    for basics in _basics(conn, datas, rows):
        try:
            data = datas[basics[0]]
            if type(data) is not dict:
                raise Unsure
            found = _followup_rows(basics, data, followup_keys.get(basics[1]))
            figure = _figure_row(basics, data, figure_kinds.get(basics[1] or "", {}))
        except Unsure:
            unsure.append(basics[0])
            continue
        actions += found[0]
        records.append(found[1])
        figures.append(figure)
    _clear(conn, list(datas))
    _write(conn, actions, records, sorted(figures))
    if unsure:
        fill_figures_by_views(conn, unsure)
        fill_followup_by_views(conn, unsure)


def _basics(conn, datas: dict[str, Any], rows: list[dict[str, Any]]) -> Iterator[tuple]:
    """The BASICS of the live visits among datas: from their rows as inserted where every
    such value is text or NULL (the columns' TEXT affinity leaves those as they are, so
    reading them back gives the same); the others read back from the table."""
    given = {}
    for row in rows:
        basics = tuple(row.get(column) for column in BASIC_COLUMNS)
        if row.get("deleted_at") is None and all(type(v) in TEXT_OR_NULL for v in basics):
            given[row["id"]] = basics
    yield from (given[i] for i in datas if i in given)
    sql = f"SELECT {BASICS} FROM visits WHERE deleted_at IS NULL AND id IN ({{marks}})"
    yield from rows_for_ids(conn, sql, [i for i in datas if i not in given])


def _clear(conn, ids: list[str]) -> None:
    """Rows of those ids left from before, as the views' fills clear them first."""
    marks, values = in_list(ids)
    for table in ("followup_actions", "followup_records", "figure_visits"):
        conn.execute(f"DELETE FROM {table} WHERE record_id IN ({marks})", values)


def _write(conn, actions: list, records: list, figures: list) -> None:
    """Multi-row inserts: the follow-up tables have triggers (migration 14), and SQLite
    opens a statement journal for each statement on them (plain_upsert.upsert_values).
    Their summary is worked out for the whole chunk (summary_in_bulk)."""

    def follow_up() -> None:
        upsert_values(conn, "followup_actions", ACTION_COLUMNS, actions, ())
        upsert_values(conn, "followup_records", RECORD_COLUMNS, records, ())

    write_summarised(conn, follow_up, actions, records)
    upsert_values(conn, "figure_visits", FIGURE_COLUMNS, figures, ())  # in its key's order


# ------------------------------------------------------------------ the follow-up (migration 9)
def _followup_keys(conn) -> dict[str, dict[str, Any] | bool]:
    """Per template id, its keys by role (False: a path not of the plain form)."""
    keys = {}
    for template_id, *paths in conn.execute(
        f"SELECT template_id, {', '.join(KEY_COLUMNS)} FROM followup_keys"
    ):
        row = dict(zip(KEY_COLUMNS, paths, strict=True))
        try:
            keys[template_id] = {
                role: value if role == "done" else _plain_key(value) for role, value in row.items()
            }
        except Unsure:
            keys[template_id] = False
    return keys


def _plain_key(path: str | None) -> str | None:
    if path is None:
        return None
    match = PLAIN_PATH.fullmatch(path)
    if match is None:
        raise Unsure
    return match.group(1)


def _followup_rows(basics: tuple, data: dict, keys: dict | None | bool) -> tuple[list, tuple]:
    """(followup_action_rows, the followup_record_rows row) of one visit."""
    record_id, template_id, venue_id, visit_date, created_at = basics[:5]
    if keys is False or not _text_or_null(visit_date, created_at):
        raise Unsure  # a key path of another form; a date not as a TEXT column holds it
    if keys is None:  # no followup_keys row for its template (the views' LEFT JOIN)
        return [], (record_id, template_id, venue_id, visit_date, created_at, None, None)
    record = (record_id, template_id, venue_id, visit_date, created_at,
              _value(data, keys["agreement_end"]), _value(data, keys["next_visit"]))  # fmt: skip
    table = data.get(keys["actions"]) if keys["actions"] is not None else None
    actions = []
    for index, action in enumerate(table if type(table) is list else ()):
        if type(action) is not dict:
            continue
        status = _value(action, keys["status"])
        done = int(
            status is not None and keys["done"] is not None and _as_text(status) == keys["done"]
        )
        cells = (_value(action, keys[role]) for role in ("action", "responsible", "due"))
        actions.append((record_id, template_id, venue_id, visit_date, index, *cells, status, done))
    return actions, record


def _text_or_null(*values: Any) -> bool:
    return all(value is None or type(value) is str for value in values)


def _value(data: dict, key: str | None) -> Any:
    """json_extract(data, '$."key"'), from the parsed data."""
    if key is None:
        return None
    value = data.get(key)
    kind = type(value)
    if value is None or kind is str:
        return value
    if kind is bool:
        return int(value)
    if kind is int and SMALLEST <= value <= LARGEST:
        return value
    raise Unsure  # a real, an object, a list, an integer past 64 bits


def _as_text(value: str | int) -> str:
    """A value compared with followup_keys.done, a TEXT column: SQLite gives it TEXT
    affinity first (1 = '1')."""
    return value if type(value) is str else str(value)


# ------------------------------------------------------------------ the figures (migration 12)
def _figure_kinds(conn) -> dict[str, dict[str, str]]:
    kinds: dict[str, dict[str, str]] = {}
    for template_id, key, kind in conn.execute("SELECT template_id, key, kind FROM figure_keys"):
        kinds.setdefault(template_id, {})[key] = kind
    return kinds


def _figure_row(basics: tuple, data: dict, kinds: dict[str, str]) -> tuple:
    record_id, template_id, venue_id, visit_date, created_at, visit_type, author = basics
    if visit_date is not None and type(visit_date) is not str:
        raise Unsure
    day = visit_date[:10] if visit_date is not None else ""
    return (template_id or "", day, created_at or "", record_id, venue_id, visit_type, author,
            _choices(data, kinds))  # fmt: skip


def _choices(data: dict, kinds: dict[str, str]) -> str:
    """The view's tokens: scalar members in the data's order, then each list's elements
    (a percent's list gives none); the venue's and percents' tokens, GS, the visit's."""
    scalars, listed = [], []
    for key, value in data.items():
        kind = kinds.get(key)
        if kind is None:
            continue
        if type(value) is not list:
            scalars.append((kind, key, value))
        elif kind != NUMBER:
            listed += [(kind, key, item) for item in value]
    venue, visit = [], []
    for kind, key, value in scalars + listed:
        text = _token(value, kind)
        if text is not None:
            (visit if kind == VISIT else venue).append(f"{key}{US}{text}")
    return RS.join(venue) + GS + RS.join(visit)


def _token(value: Any, kind: str) -> str | None:
    """A value as migration 12's _TOKEN writes it; None where _GIVES_TOKEN gives none."""
    type_ = type(value)
    if type_ is str:
        if kind == NUMBER or not value:
            return None
        return value.replace(GS, " ").replace(RS, " ").replace(US, " ")
    if type_ is bool:
        return None if kind == NUMBER else str(value)
    if type_ is int and SMALLEST <= value <= LARGEST:
        return str(value)
    if type_ in (int, float):
        raise Unsure  # a real as SQLite prints it (%!.15g), an integer past 64 bits
    return None  # null, an object, a list within a list
