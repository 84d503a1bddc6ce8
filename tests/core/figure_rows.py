"""The dashboard's derived table (figure_visits) recomputed in Python, to check it against."""

from __future__ import annotations

import json

from desktop.core.followup.derived import followup_templates
from desktop.core.storage.figure_rows import counted_fields

RS, US = "\x1e", "\x1f"


def _text(value, choice: bool) -> str | None:
    """A value as the figures count it, written here independently of the SQL."""
    if isinstance(value, bool):
        return str(value) if choice else None
    if isinstance(value, (int, float)):
        return str(value)
    if choice and isinstance(value, str) and value:
        return value.replace(RS, " ").replace(US, " ")
    return None


def tokens_of(data: dict, kinds: dict[str, bool]) -> set[str]:
    """kinds: key -> True for a choice field, False for a percent."""
    tokens = set()
    for key, choice in kinds.items():
        value = data.get(key)
        values = value if isinstance(value, list) and choice else [value]
        for item in values:
            text = _text(item, choice)
            if text is not None:
                tokens.add(f"{key}{US}{text}")
    return tokens


def _kinds(template) -> dict[str, bool]:
    choices, percents = counted_fields(template)
    return {f.key: True for f in choices} | {f.key: False for f in percents}


def recomputed(ws) -> set:
    kinds = {t.id: _kinds(t) for t in followup_templates(ws.templates)}
    kinds[None] = _kinds(ws.templates.visit)  # a record naming no template is a visit
    rows = ws.db.conn.execute(
        "SELECT id, template_id, visit_date, created_at, venue_id, visit_type, author, data "
        "FROM visits WHERE deleted_at IS NULL"
    )
    expected = set()
    for record_id, template_id, day, created_at, venue_id, kind, author, data in rows:
        try:
            data = json.loads(data)
        except ValueError:
            data = {}
        tokens = tokens_of(data, kinds.get(template_id, {}))
        expected.add((template_id or "", (day or "")[:10], record_id, created_at, venue_id,
                      kind, author, frozenset(tokens)))  # fmt: skip
    return expected


def stored(ws) -> set:
    rows = ws.db.conn.execute(
        "SELECT template_id, day, record_id, created_at, venue_id, visit_type, author, choices "
        "FROM figure_visits"
    )
    return {(*row[:-1], frozenset(row[-1].split(RS)) - {""}) for row in rows}


def tokens_stored(ws, record_id: str) -> set[str]:
    row = ws.db.conn.execute(
        "SELECT choices FROM figure_visits WHERE record_id = ?", (record_id,)
    ).fetchone()
    return set(row[0].split(RS)) - {""} if row else set()


def assert_figures_in_step(ws) -> None:
    assert stored(ws) == recomputed(ws)
    count = ws.db.conn.execute("SELECT count(*) FROM figure_visits").fetchone()[0]
    assert count == len(stored(ws))  # one row per live record
