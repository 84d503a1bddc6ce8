"""A colleague's version of a table whose personal cells it never had: they are put back.

A table goes to the network with its rows, each row without the columns the network may
not see (privacy.shared_records): « Présenté par », « Porteur·se ». When a colleague's
edited version of such a table arrives on a laptop that holds those cells, each incoming
row takes the hidden cells of the local row it corresponds to, before the field is merged
(so a version kept aside carries them too). The correspondence, row by row:

1. the same visible cells: the incoming row is the local row, unchanged (rows with the
   same cells pair in their order);
2. otherwise the local row it most resembles, if it resembles it enough (RESEMBLES: the
   mean, over their visible columns, of each pair of cells' likeness; equal cells count
   1, two texts their difflib ratio): the colleague edited that row (the best pairs
   first, then the nearest positions);
3. an incoming row left over is a row the colleague added: its personal cells are empty;
4. a local row left over while every incoming row found its own is a row the colleague
   removed: its personal cells go with it, as any merged deletion (the table before the
   edit is kept aside like any version a merge replaces);
5. a local row with personal cells left over while incoming rows are left over too
   cannot be told from a row rewritten beyond recognition, nor a removed row from its
   twin that stayed (the same visible cells, other personal ones): its cells are placed
   nowhere and the table as it was here is kept as a conflict (conflict_rows.
   keep_personal_version), listed like any conflict.

A version that carries personal cells itself (a whole copy: a private export) is taken
as it is. What the network sees is never changed by the placing, so every laptop still
converges on the shared cells, and the republished table (the placed cells left out
again) is the one that came: nothing loops.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from desktop.core.merge.conflict_rows import keep_personal_version
from desktop.core.privacy.audiences import (
    SHARE_AUDIENCE,
    field_audience,
    hidden_cells,
    reaches,
    row_columns,
    visible_data,
)
from desktop.core.storage.store import CarnetStore

RESEMBLES = 0.5  # an edited row keeps at least half of what it was


@dataclass
class Placement:
    rows: list[Any]  # the incoming rows, with the local rows' hidden cells placed
    unplaced: list[dict[str, Any]] = field(default_factory=list)  # cells placed nowhere


def place_cells(
    columns: Mapping[str, Mapping[str, Any]],
    local: list[Any],
    incoming: list[Any],
    audience: str = SHARE_AUDIENCE,
) -> Placement:
    """The incoming rows with the hidden cells of the local rows they correspond to."""
    mine = [_split(columns, row, audience) for row in local]
    theirs = [_split(columns, row, audience) for row in incoming]
    if _carries_hidden_columns(columns, incoming, audience):
        return Placement(list(incoming))  # a whole copy, personal cells and all
    pairs = _same_rows(mine, theirs)
    pairs |= _resembling_rows(mine, theirs, pairs)
    rows = list(incoming)
    for their_index, my_index in pairs.items():
        row = incoming[their_index]
        hidden = {k: v for k, v in mine[my_index][1].items() if k not in row}
        if hidden:
            rows[their_index] = {**row, **hidden}
    placed = [mine[i] for i in set(pairs.values())]
    left = [m for i, m in enumerate(mine) if m[1] and i not in pairs.values()]
    added = len(pairs) < sum(1 for visible, _ in theirs if visible is not None)
    return Placement(rows, [m[1] for m in left if added or _has_twin(m, placed)])


def _has_twin(row: tuple, placed: list[tuple]) -> bool:
    """A row gone while a row with the same visible cells but other hidden ones stayed:
    which of the two the colleague removed cannot be told."""
    visible, hidden = row
    return any(v == visible and h != hidden for v, h in placed)


def _split(columns, row: Any, audience: str) -> tuple[dict | None, dict | None]:
    """(visible cells, hidden cells) of a row; (None, None) for a value that is no row."""
    if not isinstance(row, dict):
        return None, None
    return visible_data(columns, row, audience), hidden_cells(columns, row, audience)


def _carries_hidden_columns(columns, rows: list[Any], audience: str) -> bool:
    """Whether a row has a cell of a column the template keeps from `audience` (a column
    the template does not know may be a colleague's newer one: it proves nothing)."""
    hidden = {k for k, s in columns.items() if not reaches(field_audience(s), audience)}
    return any(isinstance(row, dict) and hidden & row.keys() for row in rows)


def _same_rows(mine: list[tuple], theirs: list[tuple]) -> dict[int, int]:
    """{incoming index: local index} of the rows whose visible cells are equal, in order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for t, (visible, _) in enumerate(theirs):
        if visible is None:
            continue
        for m, (candidate, _) in enumerate(mine):
            if m not in used and candidate is not None and candidate == visible:
                pairs[t] = m
                used.add(m)
                break
    return pairs


def _resembling_rows(mine: list[tuple], theirs: list[tuple], taken: dict) -> dict[int, int]:
    """Edited rows: the remaining pairs that resemble each other enough, best first."""
    free_mine = [m for m, (v, _) in enumerate(mine) if v is not None and m not in taken.values()]
    free_theirs = [t for t, (v, _) in enumerate(theirs) if v is not None and t not in taken]
    scored = []
    for t in free_theirs:
        for m in free_mine:
            score = resemblance(mine[m][0], theirs[t][0])
            if score >= RESEMBLES:
                scored.append((-score, abs(t - m), t, m))
    pairs: dict[int, int] = {}
    for _, _, t, m in sorted(scored):
        if t not in pairs and m not in pairs.values():
            pairs[t] = m
    return pairs


def resemblance(first: Mapping[str, Any], second: Mapping[str, Any]) -> float:
    """How alike two rows' visible cells are, from 0 to 1."""
    keys = set(first) | set(second)
    if not keys:
        return 1.0
    return sum(_likeness(first.get(k), second.get(k)) for k in keys) / len(keys)


def _likeness(first: Any, second: Any) -> float:
    if first == second:
        return 1.0
    if isinstance(first, str) and isinstance(second, str):
        return SequenceMatcher(None, first.casefold(), second.casefold()).ratio()
    return 0.0


# ------------------------------------------------------------------ in a merge
def place_in_record(
    store: CarnetStore,
    table: str,
    record_id: str,
    ours: dict,
    theirs: dict,
    stamps: tuple[dict, dict],
) -> dict[str, list]:
    """Place this laptop's hidden cells on the incoming tables of one record (`theirs` is
    changed in place; `stamps`: ours and the incoming ones); returns {field: the local
    table} for the tables with cells placed nowhere (keep_unplaced keeps them if the
    incoming version wins). A table whose stamp we hold already is not merged: left alone."""
    mine, incoming = stamps
    keys = [
        k
        for k, v in theirs.items()
        if isinstance(v, list)
        and isinstance(ours.get(k), list)
        and k in incoming
        and mine.get(k, {}).get("stamp") != incoming[k]["stamp"]
    ]
    if not keys:
        return {}  # most files: nothing to place, no template looked up
    properties = _properties(store, table, record_id)
    unplaced: dict[str, list] = {}
    for key in keys:
        columns = row_columns(properties.get(key) or {})
        if not columns:
            continue
        placement = place_cells(columns, ours[key], theirs[key])
        theirs[key] = placement.rows
        if placement.unplaced:
            unplaced[key] = ours[key]
    return unplaced


def keep_unplaced(
    store: CarnetStore, table: str, record_id: str, unplaced: dict[str, list], taken: dict
) -> None:
    """The local tables whose cells found no row, where the incoming table won: kept as
    a version of this laptop's own, listed as a conflict (nothing typed is lost)."""
    for key, local in unplaced.items():
        if key in taken:
            stamp = store.clock.tick().encode()
            keep_personal_version(store.db, table, record_id, key, local, stamp, store.author)
            store.changes.conflicts = True


def _properties(store: CarnetStore, table: str, record_id: str) -> dict[str, Any]:
    """The template properties of a venue or visit; none for a template not known here
    (this laptop cannot have typed hidden cells under it)."""
    from desktop.core.forms.templates import TemplateError

    if table == "venues":
        return store.templates.venue.schema.get("properties", {})
    row = store.db.conn.execute("SELECT template_id FROM visits WHERE id = ?", (record_id,))
    found = row.fetchone()
    try:
        template = store.templates.template(
            found[0] if found and found[0] else store.templates.visit.id
        )
    except TemplateError:
        return {}
    return template.schema.get("properties", {})
