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
from datetime import date
from typing import Any, NamedTuple

import orjson

from desktop.core.network_figures.model import Period
from desktop.core.network_figures.region_names import distinct_regions
from desktop.core.storage.figure_rows import NO_TEMPLATE

VENUES = (
    "SELECT id, name, commune, json_extract(data, '$.region', '$.department', "
    "'$.postal_code', '$.lat', '$.lon') FROM venues WHERE deleted_at IS NULL ORDER BY sort_key"
)
# The period's records of a template from the derived table figure_visits (migration 12,
# storage/figure_rows.py): one range of its primary key, in date and creation order, with
# their choice values as tokens; no JSON parsed. Their id and author only for the report's
# list of visits (fewer columns, fewer strings made: 6,000 rows in a national year).
PERIOD_VISITS = (
    "SELECT venue_id, day, visit_type, choices{more} FROM figure_visits "
    "WHERE template_id {which} AND day BETWEEN ? AND ? ORDER BY day, created_at, record_id"
)
MORE = ", record_id, author"
# A period's row is a plain tuple: its columns (ID and AUTHOR with the list of visits).
VENUE, DAY, TYPE, CHOICES, ID, AUTHOR = range(6)
# The bare columns of a max() query come from the row holding the max (SQLite's rule).
# followup_records: one row per live visit, with its agreement end (followup/derived.py).
LATEST = (
    "SELECT venue_id, max(substr(visit_date, 1, 10) || ' ' || created_at || ' ' || record_id), "
    "substr(visit_date, 1, 10), {end} FROM followup_records "
    "WHERE template_id = ? AND substr(visit_date, 1, 10) <= ? GROUP BY venue_id"
)
VALID_DATE = "date(julianday({0})) = {0}"  # 2025-02-30 and « fin mars » are not dates
# followup_actions: one row per action of a live record (followup/derived.py). Per owner as
# typed, the venue of each overdue action (an id per action: ids hold no comma, see the
# exchange format), read from the covering index in its order.
OVERDUE = (
    "SELECT responsible, group_concat(venue_id) FROM followup_actions "
    "WHERE template_id = ? AND done = 0 AND due < ? AND substr(visit_date, 1, 10) <= ? "
    f"AND {VALID_DATE.format('due')} GROUP BY responsible"
)


class VenueRow(NamedTuple):  # a tuple: 3,500 made each time
    id: str
    name: str
    commune: str
    region: str
    department: str
    lat: float | None
    lon: float | None


def _loads(text: str) -> Any:
    """SQLite's JSON array of a row's values: orjson, about twice as fast as json for these
    thousands of small arrays; json for what orjson refuses (NaN, Infinity)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def read_venues(conn) -> list[VenueRow]:
    rows, loads = [], orjson.loads
    for venue_id, name, commune, extra in conn.execute(VENUES):
        try:
            region, department, postal_code, lat, lon = loads(extra)
        except orjson.JSONDecodeError:
            region, department, postal_code, lat, lon = _loads(extra)
        region = region.strip() if type(region) is str else ""
        department = department.strip() if type(department) is str else ""
        if not department and type(postal_code) is str:
            department = department_of(postal_code.strip())
        row = (venue_id, name or "", commune or "", region, department)
        rows.append(VenueRow(*row, _number(lat), _number(lon)))
    return rows


def read_period_visits(
    conn, period: Period, visit_template: str, listed: bool = False
) -> list[tuple]:
    """The period's visits (columns VENUE, DAY, TYPE, CHOICES, and with `listed` ID and
    AUTHOR), in date and creation order: those of the visit sheet, and those naming no
    template (the app reads them as visits)."""
    more, bounds = MORE if listed else "", (period.start.isoformat(), period.end.isoformat())
    query = PERIOD_VISITS.format(more=more, which="= ?")
    if conn.execute(query + " LIMIT 1", (NO_TEMPLATE, *bounds)).fetchone():
        query = PERIOD_VISITS.format(more=more, which="IN (?, '')")  # rare: sorted by SQLite
    return conn.execute(query, (visit_template, *bounds)).fetchall()


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


def read_overdue(conn, reference: date, visit_template: str) -> list[tuple[str, list[str]]]:
    """(owner as typed, the venue of each of their actions) of visits' actions not done,
    due before `reference`; the columns are each record's template's x-followup hints."""
    day = reference.isoformat()
    params = (visit_template, day, day)
    return [(_owner(owner), venues.split(",")) for owner, venues in conn.execute(OVERDUE, params)]


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


def _number(value: Any) -> float | None:
    if type(value) is float:
        return value
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
    return territories_of(read_venues(conn))


def territories_of(venues: list[VenueRow]) -> tuple[list[str], list[str]]:
    regions = distinct_regions([v.region for v in venues])
    departments = sorted({v.department for v in venues if v.department})
    return regions, departments
