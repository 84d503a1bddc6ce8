"""Rows for many ids at once: `… WHERE id IN (?, ?, …)` in chunks that stay under
SQLite's limit on bound parameters (a share's first import asks about thousands).

A list of ids is bound as a list of a few lengths only (padded): each length of list is
a statement of its own, and the write connection keeps its last 128 statements
prepared. A first import asked with hundreds of lengths (one per chunk and table), so
those prepared statements (some with their triggers, tens of kilobytes) filled that
cache: 7 MB more at 114,280 files than at 11,420, and prepared again each time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

CHUNK = 500
VARIABLES = 999  # bound parameters a statement, in every SQLite build


def padded(ids: Sequence[str]) -> list[str]:
    """The ids, the last one repeated up to the next power of two (IN tests membership:
    the same rows). Empty stays empty."""
    ids = list(ids)
    if ids:  # never past the 999 parameters every SQLite build allows
        length = max(len(ids), min(1 << (len(ids) - 1).bit_length(), VARIABLES))
        ids += [ids[-1]] * (length - len(ids))
    return ids


def in_list(ids: Sequence[str]) -> tuple[str, list[str]]:
    """(« ?, ?, … », the values to bind) for `IN (…)`, of a padded length."""
    values = padded(ids)
    return ", ".join("?" * len(values)), values


def rows_for_ids(conn, sql: str, ids: Iterable[str]) -> Iterator[tuple]:
    """The rows of sql, whose « {marks} » stands for the chunk's placeholders, for each
    chunk of the ids (each id once)."""
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), CHUNK):
        marks, values = in_list(ids[start : start + CHUNK])
        yield from conn.execute(sql.format(marks=marks), values)
