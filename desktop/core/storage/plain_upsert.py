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
    """upsert_rows for rows already given as plain values in the columns' order."""
    conn.executemany(_statement(table, columns, pk), values)


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Insert new rows (an existing key raises sqlite3.IntegrityError)."""
    upsert_rows(conn, table, rows, ())


@functools.cache
def _statement(table: str, columns: tuple[str, ...], pk: tuple[str, ...]) -> str:
    names = ", ".join(_quoted(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{_quoted(c)} = excluded.{_quoted(c)}" for c in columns if c not in pk)
    conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    insert = f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})"
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
