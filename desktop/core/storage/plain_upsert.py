"""Upserting rows with one prepared statement: what sqlite-utils' upsert does, without
its per-call look at the table's columns.

sqlite-utils reads the table's columns and the list of tables at every upsert; a share's
first import makes two upserts per record file, and that look cost more than the merge
itself. Here the statement is built once per (table, columns) and run with executemany.
Same meaning: a new row is inserted, an existing one gets the given columns updated and
keeps the others; lists and dicts are stored as JSON text, as sqlite-utils stores them.
Runs on the data service's writer, inside its transaction.
"""

from __future__ import annotations

import functools
import itertools
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any


def upsert_rows(
    conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]], pk: tuple[str, ...]
) -> None:
    groups: dict[tuple[str, ...], list[list[Any]]] = {}
    for row in rows:
        values = list(row.values())
        if not all(type(v) in PLAIN for v in values):  # most rows hold plain values only
            values = [_stored(v) for v in values]
        groups.setdefault(tuple(row), []).append(values)
    for columns, values in groups.items():
        upsert_values(conn, table, columns, values, pk)


def upsert_values(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    values: Iterable[Sequence[Any]],
    pk: tuple[str, ...],
) -> None:
    """upsert_rows for rows already given as plain values in the columns' order.

    Up to ROWS rows a statement (VALUES (…), (…), …), not one: inside a transaction,
    SQLite opens and releases a statement journal for each statement that may write
    more than one row (a table with triggers, such as visits), and in a large
    database that costs more than the row: 30,000 visits inserted one statement a row
    took 14.2 s of CPU, 50 rows a statement 4.7 s. Rows are written in the same order,
    each as it would be alone (a later row of the same key updates the earlier one);
    a refused row refuses its whole statement, and callers roll back anyway."""
    values = values if isinstance(values, list) else list(values)
    per = max(1, min(ROWS, VARIABLES // max(1, len(columns))))
    whole = len(values) - len(values) % per
    if whole:
        statement = _statement(table, columns, pk, per)
        conn.executemany(statement, (_flat(values[i : i + per]) for i in range(0, whole, per)))
    start = whole
    for size in _powers_of_two(len(values) - whole):  # the rest: a few statement sizes only
        conn.execute(_statement(table, columns, pk, size), _flat(values[start : start + size]))
        start += size


def _powers_of_two(count: int) -> list[int]:
    """count as a sum of powers of two, largest first (37: 32, 4, 1): a rest of any length
    is written by statements of at most six sizes, not one statement per length, which
    the connection would prepare and keep each (see id_lists)."""
    return [1 << bit for bit in reversed(range(count.bit_length())) if count >> bit & 1]


ROWS = 50  # rows a statement (past 50, no faster)
VARIABLES = 999  # parameters a statement, in every SQLite build (newer ones allow 32,766)


def _flat(rows: Sequence[Sequence[Any]]) -> list[Any]:
    return list(itertools.chain.from_iterable(rows))  # a third faster than a comprehension


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Insert new rows (an existing key raises sqlite3.IntegrityError)."""
    upsert_rows(conn, table, rows, ())


@functools.cache
def _statement(table: str, columns: tuple[str, ...], pk: tuple[str, ...], rows: int = 1) -> str:
    names = ", ".join(_quoted(c) for c in columns)
    marks = ", ".join(["(" + ", ".join("?" for _ in columns) + ")"] * rows)
    updates = ", ".join(f"{_quoted(c)} = excluded.{_quoted(c)}" for c in columns if c not in pk)
    conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    insert = f"INSERT INTO {_quoted(table)} ({names}) VALUES {marks}"
    if not pk:
        return insert
    keys = ", ".join(_quoted(c) for c in pk)
    return f"{insert} ON CONFLICT ({keys}) {conflict}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


PLAIN = {str, int, float, bool, bytes, type(None)}  # stored as they are


def _stored(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=repr, ensure_ascii=False)
    return value
