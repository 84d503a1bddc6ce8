"""The follow-up side of the figures, from the `x-followup` hints: agreements ending by
quarter, overdue actions by owner, venues not visited for 12 months.

All are seen from a reference day (today, or the period's end if it is past): what a
venue's latest visit up to that day says.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from desktop.core.followup.fields import FollowupFields
from desktop.core.forms.french import months_between, parse_date
from desktop.core.network_figures.model import Bar, Figure

ENDED = "Déjà échue"
NO_OWNER = "Sans responsable"
IDLE_BANDS = ((12, 18, "12 à 17 mois"), (18, 24, "18 à 23 mois"), (24, 10**6, "24 mois et plus"))
NEVER = "Jamais visité"


def _latest_until(rows, reference: date):
    day = reference.isoformat()
    dated = [v for v in rows if v.date and v.date <= day]
    return dated[-1] if dated else None


def _ends(key: str, visits: dict, reference: date):
    """(venue id, end date) of each venue's latest visit up to the reference day."""
    for venue_id, rows in visits.items():
        latest = _latest_until(rows, reference)
        value = latest.values.get(key) if latest else None
        end = parse_date(value if isinstance(value, str) else None)
        if end is not None:
            yield venue_id, end


def _quarter(day: date) -> str:
    return f"T{(day.month - 1) // 3 + 1} {day.year}"


def agreements_by_quarter(key: str, visits: dict, venues: dict, reference: date) -> Figure:
    """Occupation agreements ending within 12 months, by quarter (and those already ended)."""
    horizon = reference + timedelta(days=365)
    quarters, day = [], date(reference.year, (reference.month - 1) // 3 * 3 + 1, 1)
    while day <= horizon:
        quarters.append(_quarter(day))
        day = date(day.year + (day.month + 3 > 12), (day.month + 2) % 12 + 1, 1)
    groups: dict[str, set[str]] = defaultdict(set)
    for venue_id, end in _ends(key, visits, reference):
        if end < reference:
            groups[ENDED].add(venue_id)
        elif end <= horizon:
            groups[_quarter(end)].add(venue_id)
    labels = [ENDED, *quarters]
    bars = tuple(_bar(label, groups[label], venues) for label in labels)
    return Figure("agreements_by_quarter", "Conventions qui prennent fin", "lieux", bars=bars)


def ending_agreements(key: str, visits: dict, venues: dict, reference: date) -> list:
    horizon = reference + timedelta(days=365)
    items = [
        (end.isoformat(), venues[vid].name, venues[vid].commune, vid)
        for vid, end in _ends(key, visits, reference)
        if reference <= end <= horizon
    ]
    return sorted(items, key=lambda item: (item[0], item[1].casefold(), item[3]))


def overdue_by_owner(fields: FollowupFields, visits: dict, venues: dict, reference: date) -> Figure:
    """Actions not done whose due date is past, by who took them (every visit counts)."""
    owners: dict[str, list[str]] = defaultdict(list)  # owner -> venue id per action
    until = reference.isoformat()
    for venue_id, rows in visits.items():
        for visit in (v for v in rows if v.date <= until):  # not what later visits agreed
            table = visit.values.get(fields.actions)
            for action in table if isinstance(table, list) else ():
                if not isinstance(action, dict) or action.get(fields.status) == fields.done:
                    continue
                due = parse_date(
                    action.get(fields.due) if isinstance(action.get(fields.due), str) else None
                )
                if due is not None and due < reference:
                    owner = str(action.get(fields.responsible) or "").strip()
                    owners[owner].append(venue_id)
    order = sorted((o for o in owners if o), key=lambda o: (-len(owners[o]), o.casefold()))
    order += [""] if owners.get("") else []
    bars = tuple(
        Bar(o, o or NO_OWNER, (len(owners[o]),), _sorted(set(owners[o]), venues)) for o in order
    )
    return Figure("overdue_by_owner", "Actions en retard par responsable", "actions", bars=bars)


def not_visited(visits: dict, venues: dict, reference: date) -> Figure:
    """Venues whose latest visit is 12 months old or more, or that were never visited."""
    groups: dict[str, set[str]] = defaultdict(set)
    for venue_id in venues:
        latest = _latest_until(visits.get(venue_id, []), reference)
        last = parse_date(latest.date) if latest else None
        if last is None:
            groups[NEVER].add(venue_id)
            continue
        months = months_between(last, reference)
        for low, high, label in IDLE_BANDS:
            if low <= months < high:
                groups[label].add(venue_id)
    labels = [label for _, _, label in IDLE_BANDS] + [NEVER]
    bars = tuple(_bar(label, groups[label], venues) for label in labels)
    return Figure("not_visited", "Lieux sans visite depuis 12 mois", "lieux", bars=bars)


def _sorted(venue_ids: set[str], venues: dict) -> tuple[str, ...]:
    return tuple(sorted(venue_ids, key=lambda vid: (venues[vid].name.casefold(), vid)))


def _bar(label: str, venue_ids: set[str], venues: dict) -> Bar:
    return Bar(label, label, (len(venue_ids),), _sorted(venue_ids, venues))
