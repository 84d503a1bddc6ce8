"""Reading what the figures need, in four queries, none decoding a whole visit in Python.

- every live venue (its territory and coordinates);
- the period's visits with the values charted, as tokens, from the derived table
  figure_visits (storage/figure_rows.py);
- each venue's latest visit up to the reference day (SQLite's max() picks the row: its
  date and its agreement end come with it), for « not visited » and agreements ending,
  from the derived table followup_records (followup/derived.py);
- the overdue actions, counted by owner and venue inside SQLite, from followup_actions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import orjson

from desktop.core.network_figures.model import Period

VENUES = (
    "SELECT id, name, commune, json_extract(data, '$.region', '$.department', "
    "'$.postal_code', '$.lat', '$.lon') FROM venues WHERE deleted_at IS NULL ORDER BY sort_key"
)
# The period's records of a template (and those naming none, read as visit sheets) from
# the derived table figure_visits (migration 12, storage/figure_rows.py): one range of
# its primary key, their choice values as tokens, no JSON parsed.
PERIOD_VISITS = (
    "SELECT record_id, venue_id, day, created_at, visit_type, author, choices "
    "FROM figure_visits WHERE template_id IN (?, '') AND day BETWEEN ? AND ?"
)
# The bare columns of a max() query come from the row holding the max (SQLite's rule).
# followup_records: one row per live visit, with its agreement end (followup/derived.py).
LATEST = (
    "SELECT venue_id, max(substr(visit_date, 1, 10) || ' ' || created_at || ' ' || record_id), "
    "substr(visit_date, 1, 10), {end} FROM followup_records "
    "WHERE template_id = ? AND substr(visit_date, 1, 10) <= ? GROUP BY venue_id"
)
VALID_DATE = "date(julianday({0})) = {0}"  # 2025-02-30 and « fin mars » are not dates
OVERDUE = (  # followup_actions: one row per action of a live record (followup/derived.py)
    "SELECT responsible, venue_id, count(*) FROM followup_actions "
    "WHERE template_id = ? AND done = 0 AND due < ? AND substr(visit_date, 1, 10) <= ? "
    f"AND {VALID_DATE.format('due')} GROUP BY 1, 2"
)


@dataclass(frozen=True)
class VenueRow:
    id: str
    name: str
    commune: str
    region: str
    department: str
    lat: float | None
    lon: float | None


class VisitRow(NamedTuple):
    id: str
    venue_id: str
    date: str  # its first 10 characters, as typed
    created_at: str
    type: str
    author: str
    choices: (
        str  # its choice values as tokens « key US value », joined by RS (storage/figure_rows.py)
    )

    @property
    def order(self) -> tuple[str, str, str]:
        """The latest visit of a venue has the greatest (date, creation time, id)."""
        return self.date, self.created_at or "", self.id


def _loads(text: str) -> Any:
    """SQLite's JSON array of a row's values: orjson, about twice as fast as json for these
    thousands of small arrays; json for what orjson refuses (NaN, Infinity)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def path(key: str) -> str:
    return "$." + json.dumps(key)


def read_venues(conn) -> list[VenueRow]:
    rows = []
    for venue_id, name, commune, extra in conn.execute(VENUES):
        region, department, postal_code, lat, lon = _loads(extra)
        rows.append(
            VenueRow(
                venue_id,
                name or "",
                commune or "",
                _text(region),
                _text(department) or department_of(_text(postal_code)),
                _number(lat),
                _number(lon),
            )
        )
    return rows


def read_period_visits(conn, period: Period, visit_template: str) -> list[VisitRow]:
    bounds = (visit_template, period.start.isoformat(), period.end.isoformat())
    return [
        VisitRow(visit_id, venue_id, day, created_at, kind or "", author or "", choices)
        for visit_id, venue_id, day, created_at, kind, author, choices in conn.execute(
            PERIOD_VISITS, bounds
        )
    ]


def read_latest(
    conn, with_end: bool, reference: date, visit_template: str
) -> dict[str, tuple[str, Any]]:
    """venue id -> (date of its latest visit up to `reference`, that visit's agreement end,
    by its template's x-followup hint; None when not `with_end`)."""
    end = "agreement_end" if with_end else "NULL"
    params = [visit_template, reference.isoformat()]
    return {
        venue_id: (day, value)
        for venue_id, _, day, value in conn.execute(LATEST.format(end=end), params)
    }


def read_overdue(conn, reference: date, visit_template: str) -> list[tuple[str, str, int]]:
    """(owner as typed, venue id, number of actions) of visits not done, due before
    `reference`; the columns are each record's template's x-followup hints."""
    day = reference.isoformat()
    params = (visit_template, day, day)
    return [(_owner(owner), venue_id, n) for owner, venue_id, n in conn.execute(OVERDUE, params)]


def department_of(postal_code: str) -> str:
    """The département code a postcode belongs to (Corsica and overseas included)."""
    if len(postal_code) != 5 or not postal_code.isdigit():
        return ""
    if postal_code.startswith("97"):
        return postal_code[:3]
    if postal_code.startswith("20"):
        return "2A" if int(postal_code) < 20200 else "2B"
    return postal_code[:2]


def _owner(value: Any) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).replace(",", ".")) if value not in (None, "") else None
    except ValueError:
        return None


def territories(conn) -> tuple[list[str], list[str]]:
    """The régions and départements of the live venues, for the territory filters."""
    venues = read_venues(conn)
    regions = sorted({v.region for v in venues if v.region}, key=str.casefold)
    departments = sorted({v.department for v in venues if v.department})
    return regions, departments
