"""Rows for many ids at once: `… WHERE id IN (?, ?, …)` in chunks that stay under
SQLite's limit on bound parameters (a share's first import asks about thousands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CHUNK = 500


def rows_for_ids(conn, sql: str, ids: Iterable[str]) -> Iterator[tuple]:
    """The rows of sql, whose « {marks} » stands for the chunk's placeholders, for each
    chunk of the ids (each id once)."""
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        yield from conn.execute(sql.format(marks=", ".join("?" * len(chunk))), chunk)
