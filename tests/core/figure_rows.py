"""The dashboard's derived table (figure_visits) recomputed in Python, to check it against."""

from __future__ import annotations

import json

from desktop.core.followup.derived import followup_templates
from desktop.core.storage.figure_rows import counted_fields

GS, RS, US = "\x1d", "\x1e", "\x1f"


def _text(value, choice: bool) -> str | None:
    """A value as the figures count it, written here independently of the SQL."""
    if isinstance(value, bool):
        return str(value) if choice else None
    if isinstance(value, (int, float)):
        return str(value)
    if choice and isinstance(value, str) and value:
        return value.replace(GS, " ").replace(RS, " ").replace(US, " ")
    return None


def tokens_of(data: dict, kinds: dict[str, str]) -> tuple[frozenset, frozenset]:
    """(tokens of the venue's fields and percents, tokens of the visit's fields); kinds:
    key -> "venue" (a choice of a carried-over section), "visit" or "number"."""
    tokens = {"venue": set(), "visit": set()}
    for key, kind in kinds.items():
        value, choice = data.get(key), kind != "number"
        values = value if isinstance(value, list) and choice else [value]
        for item in values:
            text = _text(item, choice)
            if text is not None:
                tokens["visit" if kind == "visit" else "venue"].add(f"{key}{US}{text}")
    return frozenset(tokens["venue"]), frozenset(tokens["visit"])


def _kinds(template) -> dict[str, str]:
    choices, percents = counted_fields(template)
    carried = set(template.carry_over_keys())
    kinds = {f.key: "venue" if f.key in carried else "visit" for f in choices}
    return kinds | {f.key: "number" for f in percents}


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
                      kind, author, *tokens))  # fmt: skip
    return expected


def _split(choices: str) -> tuple[frozenset, frozenset]:
    venue, gs, visit = choices.partition(GS)
    assert gs == GS, choices
    return frozenset(venue.split(RS)) - {""}, frozenset(visit.split(RS)) - {""}


def stored(ws) -> set:
    rows = ws.db.conn.execute(
        "SELECT template_id, day, record_id, created_at, venue_id, visit_type, author, choices "
        "FROM figure_visits"
    )
    return {(*row[:-1], *_split(row[-1])) for row in rows}


def tokens_stored(ws, record_id: str) -> set[str]:
    """A record's tokens, the venue's and the visit's together."""
    row = ws.db.conn.execute(
        "SELECT choices FROM figure_visits WHERE record_id = ?", (record_id,)
    ).fetchone()
    return set().union(*_split(row[0])) if row else set()


def assert_figures_in_step(ws) -> None:
    assert stored(ws) == recomputed(ws)
    count = ws.db.conn.execute("SELECT count(*) FROM figure_visits").fetchone()[0]
    assert count == len(stored(ws))  # one row per live record
