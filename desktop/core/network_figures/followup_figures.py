"""The follow-up side of the figures, from the `x-followup` hints: agreements ending by
quarter, overdue actions by owner, venues not visited for 12 months.

All are seen from a reference day (today, or the period's end if it is past): what each
venue's latest visit up to that day says (rows.read_latest, rows.read_overdue).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from desktop.core.forms.french import months_between, parse_date
from desktop.core.network_figures.model import Bar, Figure

ENDED = "Déjà échue"
NO_OWNER = "Sans responsable"
IDLE_BANDS = ((12, 18, "12 à 17 mois"), (18, 24, "18 à 23 mois"), (24, 10**6, "24 mois et plus"))
NEVER = "Jamais visité"


def ends_of(latest: dict, venues: dict) -> dict[str, date]:
    """venue id -> the agreement end its latest visit gives (a valid date only)."""
    ends, parsed = {}, Dates()
    for venue_id, (_, value) in latest.items():
        end = parsed[value] if venue_id in venues and isinstance(value, str) else None
        if end is not None:
            ends[venue_id] = end
    return ends


class Dates(dict):
    """ISO text -> date or None, each text parsed once: 3,500 venues share a few hundred
    dates."""

    def __missing__(self, text: str) -> date | None:
        self[text] = value = parse_date(text)
        return value


def _quarter(day: date) -> str:
    return f"T{(day.month - 1) // 3 + 1} {day.year}"


def agreements_by_quarter(ends: dict[str, date], rank, reference: date) -> Figure:
    """Occupation agreements ending within 12 months, by quarter (and those already ended)."""
    horizon = reference + timedelta(days=365)
    quarters, day = [], date(reference.year, (reference.month - 1) // 3 * 3 + 1, 1)
    while day <= horizon:
        quarters.append(_quarter(day))
        day = date(day.year + (day.month + 3 > 12), (day.month + 2) % 12 + 1, 1)
    groups: dict[str, set[str]] = defaultdict(set)
    for venue_id, end in ends.items():
        if end < reference:
            groups[ENDED].add(venue_id)
        elif end <= horizon:
            groups[_quarter(end)].add(venue_id)
    bars = tuple(_bar(label, groups[label], rank) for label in [ENDED, *quarters])
    return Figure("agreements_by_quarter", "Conventions qui prennent fin", "lieux", bars=bars)


def ending_agreements(ends: dict[str, date], venues: dict, reference: date) -> list:
    horizon = reference + timedelta(days=365)
    items = [
        (end.isoformat(), venues[vid].name, venues[vid].commune, vid)
        for vid, end in ends.items()
        if reference <= end <= horizon
    ]
    return sorted(items, key=lambda item: (item[0], item[1].casefold(), item[3]))


def overdue_by_owner(overdue: list[tuple[str, list[str]]], venues: dict, rank) -> Figure:
    """Actions not done whose due date is past, by who took them: each owner's list holds
    the venue of each action (rows.read_overdue)."""
    counts: dict[str, int] = defaultdict(int)
    places: dict[str, set[str]] = defaultdict(set)
    for owner, venue_ids in overdue:
        here = [venue_id for venue_id in venue_ids if venue_id in venues]
        if here:  # an owner with actions in other territories only has no bar
            counts[owner] += len(here)
            places[owner].update(here)
    named = sorted((o for o in counts if o), key=lambda o: (-counts[o], o.casefold()))
    bars = tuple(
        Bar(o, o or NO_OWNER, (counts[o],), places[o], rank)
        for o in named + ([""] if counts.get("") else [])
    )
    return Figure("overdue_by_owner", "Actions en retard par responsable", "actions", bars=bars)


def not_visited(latest: dict, venues: dict, rank, reference: date) -> Figure:
    """Venues whose latest visit is 12 months old or more, or that were never visited."""
    groups: dict[str, set[str]] = defaultdict(set)
    band_of: dict[str, str | None] = {}  # by date of the latest visit, worked out once
    for venue_id in venues:
        day = latest[venue_id][0] if venue_id in latest else None
        if day not in band_of:
            band_of[day] = _idle_band(parse_date(day), reference)
        band = band_of[day]
        if band is not None:
            groups[band].add(venue_id)
    labels = [label for _, _, label in IDLE_BANDS] + [NEVER]
    return Figure("not_visited", "Lieux sans visite depuis 12 mois", "lieux",
                  bars=tuple(_bar(label, groups[label], rank) for label in labels))  # fmt: skip


def _idle_band(last: date | None, reference: date) -> str | None:
    if last is None:
        return NEVER
    months = months_between(last, reference)
    return next((label for low, high, label in IDLE_BANDS if low <= months < high), None)


def _bar(label: str, venue_ids: set[str], rank) -> Bar:
    return Bar(label, label, (len(venue_ids),), venue_ids, rank)
