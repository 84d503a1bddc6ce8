"""Upserting many rows a statement means what upserting them one by one means."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.storage import plain_upsert
from desktop.core.storage.id_lists import in_list, rows_for_ids
from desktop.core.storage.plain_upsert import insert_rows, upsert_rows, upsert_values


@pytest.fixture
def conn(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.sqlite", isolation_level=None)
    conn.execute("CREATE TABLE t (k TEXT, f TEXT, v TEXT, n INTEGER, PRIMARY KEY (k, f))")
    conn.execute("CREATE TABLE log (k TEXT)")  # a trigger: each row written, in order
    conn.execute("CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.k); END")
    yield conn
    conn.close()


def _one_by_one(rows):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (k TEXT, f TEXT, v TEXT, n INTEGER, PRIMARY KEY (k, f))")
    for row in rows:
        conn.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?) ON CONFLICT (k, f) DO UPDATE SET v = excluded.v, "
            "n = excluded.n",
            row,
        )
    return sorted(conn.execute("SELECT * FROM t").fetchall())


@pytest.mark.parametrize("count", [1, 49, 50, 51, 137])
def test_as_one_row_a_statement_whatever_the_count(conn, count):
    rows = [(f"r{i % 40}", "champ", f"valeur {i}", i) for i in range(count)]  # keys met twice
    conn.execute("BEGIN")
    upsert_values(conn, "t", ("k", "f", "v", "n"), iter(rows), ("k", "f"))
    conn.execute("COMMIT")
    assert sorted(conn.execute("SELECT * FROM t").fetchall()) == _one_by_one(rows)
    logged = [k for (k,) in conn.execute("SELECT k FROM log ORDER BY rowid")]
    assert logged == list(dict.fromkeys(r[0] for r in rows))  # each new key once, in order


def test_rows_as_dicts_keep_the_other_columns_and_store_lists_as_json(conn):
    upsert_rows(conn, "t", [{"k": "a", "f": "x", "v": "un", "n": 1}], ("k", "f"))
    upsert_rows(
        conn, "t", [{"k": "a", "f": "x", "n": 2}, {"k": "b", "f": "x", "v": [1]}], ("k", "f")
    )
    assert conn.execute("SELECT * FROM t ORDER BY k").fetchall() == [
        ("a", "x", "un", 2),
        ("b", "x", "[1]", None),
    ]


def test_an_insert_of_a_key_already_there_is_refused_whole(conn, monkeypatch):
    monkeypatch.setattr(plain_upsert, "ROWS", 3)
    insert_rows(conn, "t", [{"k": "b", "f": "x", "v": "", "n": 0}])
    rows = [{"k": k, "f": "x", "v": "", "n": 0} for k in ("a", "b", "c")]
    conn.execute("BEGIN")
    conn.execute("SAVEPOINT s")
    with pytest.raises(sqlite3.IntegrityError):
        insert_rows(conn, "t", rows)
    conn.execute("ROLLBACK TO s")
    conn.execute("COMMIT")
    assert conn.execute("SELECT k FROM t").fetchall() == [("b",)]


def test_a_rest_of_any_length_is_written_by_a_few_statement_sizes(conn):
    """Each length of statement is prepared and kept by the connection: a first import
    met every rest from 1 to 49 rows, and the kept statements filled its cache."""
    prepared = set()
    conn.set_trace_callback(lambda sql: prepared.add(sql.count("), (") + 1))
    conn.execute("BEGIN")
    for count in range(1, 50):
        rows = [(f"n{count}-{i % 7}", "champ", f"valeur {i}", i) for i in range(count)]
        upsert_values(conn, "t", ("k", "f", "v", "n"), rows, ("k", "f"))
        assert _rows(conn, f"n{count}-%") == _one_by_one(rows)
    conn.execute("COMMIT")
    assert prepared - {1} <= {2, 4, 8, 16, 32}  # rows per statement: powers of two only


def _rows(conn, like: str) -> list[tuple]:
    return sorted(conn.execute("SELECT * FROM t WHERE k LIKE ?", (like,)).fetchall())


@pytest.mark.parametrize("count", [1, 2, 3, 5, 127, 128, 129, 500, 600, 1200])
def test_ids_are_asked_in_lists_of_a_few_lengths_with_the_same_rows(conn, count):
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO t VALUES (?, 'champ', 'v', 0)", [(f"id{i}",) for i in range(4000)]
    )
    conn.execute("COMMIT")
    ids = [f"id{i * 3}" for i in range(count)] + ["absent"]
    found = list(rows_for_ids(conn, "SELECT k FROM t WHERE k IN ({marks})", ids))
    assert sorted(found) == sorted((i,) for i in ids if i != "absent")  # each once
    marks, values = in_list(ids)
    assert len(values) == marks.count("?") >= len(ids)
    assert len(values) in {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 999} or len(values) == len(ids)
    assert len(values) <= max(999, len(ids))  # never past SQLite's oldest limit
    assert set(values) == set(ids) and values[: len(ids)] == ids
