"""Reading what the figures need, in four queries, none decoding a whole visit in Python.

- every live venue (its territory and coordinates);
- the period's visits with the few values charted: one json_extract over all their paths
  per row (one JSON parse, a small array back);
- each venue's latest visit up to the reference day (SQLite's max() picks the row: its
  date and its agreement end come with it), for « not visited » and agreements ending;
- the overdue actions, counted by owner and venue inside SQLite (json_each).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core.followup.fields import FollowupFields
from desktop.core.network_figures.model import Period

VENUES = (
    "SELECT id, name, commune, json_extract(data, '$.region', '$.department', "
    "'$.postal_code', '$.lat', '$.lon') FROM venues WHERE deleted_at IS NULL ORDER BY sort_key"
)
# Only the visit sheet's records are visits (a meeting's minutes are not): "?, ?" are the
# visit sheet's id twice (a row from before templates is a visit).
OF_VISITS = "COALESCE({0}template_id, ?) = ?"
PERIOD_VISITS = (
    "SELECT id, venue_id, substr(visit_date, 1, 10), visit_type, author, "
    "json_extract(data, {paths}) FROM visits WHERE deleted_at IS NULL "
    "AND " + OF_VISITS.format("") + " "
    "AND substr(visit_date, 1, 10) BETWEEN ? AND ? ORDER BY venue_id, visit_date, created_at"
)
# The bare columns of a max() query come from the row holding the max (SQLite's rule).
LATEST = (
    "SELECT venue_id, max(substr(visit_date, 1, 10) || ' ' || created_at), "
    "substr(visit_date, 1, 10), {end} FROM visits WHERE deleted_at IS NULL "
    "AND " + OF_VISITS.format("") + " AND substr(visit_date, 1, 10) <= ? GROUP BY venue_id"
)
VALID_DATE = "date(julianday({0})) = {0}"  # 2025-02-30 and « fin mars » are not dates
OVERDUE = (
    "SELECT json_extract(a.value, ?), v.venue_id, count(*) FROM visits v, "
    "json_each(v.data, ?) a WHERE v.deleted_at IS NULL AND " + OF_VISITS.format("v.") + " "
    "AND substr(v.visit_date, 1, 10) <= ? "
    "AND a.type = 'object' AND coalesce(json_extract(a.value, ?), '') IS NOT ? "
    f"AND {VALID_DATE.format('json_extract(a.value, ?)')} AND json_extract(a.value, ?) < ? "
    "GROUP BY 1, 2"
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


@dataclass(frozen=True)
class VisitRow:
    id: str
    venue_id: str
    date: str
    type: str
    author: str
    values: dict[str, Any]  # template key -> value, for the keys asked


def path(key: str) -> str:
    return "$." + json.dumps(key)


def read_venues(conn) -> list[VenueRow]:
    rows = []
    for venue_id, name, commune, extra in conn.execute(VENUES):
        region, department, postal_code, lat, lon = json.loads(extra)
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


def read_period_visits(
    conn, keys: list[str], period: Period, visit_template: str
) -> list[VisitRow]:
    asked = ["visit_date", *keys]  # two paths at least: json_extract then returns an array
    paths = ", ".join("'" + path(key).replace("'", "''") + "'" for key in asked)
    query = PERIOD_VISITS.format(paths=paths)
    rows = []
    bounds = (visit_template, visit_template, period.start.isoformat(), period.end.isoformat())
    for visit_id, venue_id, day, kind, author, extracted in conn.execute(query, bounds):
        values = dict(zip(asked, json.loads(extracted), strict=True))
        rows.append(VisitRow(visit_id, venue_id, day or "", kind or "", author or "", values))
    return rows


def read_latest(
    conn, end_key: str | None, reference: date, visit_template: str
) -> dict[str, tuple[str, Any]]:
    """venue id -> (date of its latest visit up to `reference`, that visit's agreement end)."""
    end = "json_extract(data, ?)" if end_key else "NULL"
    params = [path(end_key)] if end_key else []
    params += [visit_template, visit_template, reference.isoformat()]
    return {
        venue_id: (day, value)
        for venue_id, _, day, value in conn.execute(LATEST.format(end=end), params)
    }


def read_overdue(
    conn, fields: FollowupFields, reference: date, visit_template: str
) -> list[tuple[str, str, int]]:
    """(owner as typed, venue id, number of actions) not done, due before `reference`."""
    day = reference.isoformat()
    due = path(fields.due)
    params = (path(fields.responsible), path(fields.actions), visit_template, visit_template,
              day, path(fields.status),
              fields.done if fields.done is not None else "\x00", due, due, due, day)  # fmt: skip
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
