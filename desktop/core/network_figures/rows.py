"""Reading what the figures need in one pass: every live venue, every live visit.

Each visit's few values come out of SQLite with one json_extract over all their paths
(one JSON parse per row, a small JSON array back), so no whole visit is decoded in Python.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

VENUES = (
    "SELECT id, name, commune, json_extract(data, '$.region', '$.department', "
    "'$.postal_code', '$.lat', '$.lon') FROM venues WHERE deleted_at IS NULL ORDER BY sort_key"
)
VISITS = (
    "SELECT id, venue_id, visit_date, visit_type, author, json_extract(data, {paths}) FROM visits "
    "WHERE deleted_at IS NULL ORDER BY venue_id, visit_date, created_at"
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


def read_visits(conn, keys: list[str]) -> list[VisitRow]:
    asked = ["visit_date", *keys]  # two paths at least: json_extract then returns an array
    paths = ", ".join("'$." + json.dumps(key).replace("'", "''") + "'" for key in asked)
    rows = []
    for visit_id, venue_id, day, kind, author, extracted in conn.execute(
        VISITS.format(paths=paths)
    ):
        values = dict(zip(asked, json.loads(extracted), strict=True))
        rows.append(
            VisitRow(visit_id, venue_id, (day or "")[:10], kind or "", author or "", values)
        )
    return rows


def department_of(postal_code: str) -> str:
    """The département code a postcode belongs to (Corsica and overseas included)."""
    if len(postal_code) != 5 or not postal_code.isdigit():
        return ""
    if postal_code.startswith("97"):
        return postal_code[:3]
    if postal_code.startswith("20"):
        return "2A" if int(postal_code) < 20200 else "2B"
    return postal_code[:2]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(str(value).replace(",", ".")) if value not in (None, "") else None
        except ValueError:
            return None
    return float(value)
