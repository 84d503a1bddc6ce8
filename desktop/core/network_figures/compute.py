"""The figures of a period and territory, in one pass over venues and the period's rows
of the derived table figure_visits (no visit's JSON is parsed here).

Counts are of venues (a venue counts once per bar) except the visits per month. What a
venue « is » (legal form, tenure…) is read from its latest visit of the period.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from operator import itemgetter

from desktop.core.forms.templates import Template
from desktop.core.network_figures.choices import Tokens, by_choice, by_percent
from desktop.core.network_figures.followup_figures import (
    agreements_by_quarter,
    ending_agreements,
    ends_of,
    not_visited,
    overdue_by_owner,
)
from desktop.core.network_figures.model import (
    NOT_GIVEN,
    TIMELINE,
    Bar,
    Figure,
    NetworkFigures,
    Period,
    Territory,
    VenueFacts,
)
from desktop.core.network_figures.plan import Plan
from desktop.core.network_figures.rows import (
    AUTHOR,
    DAY,
    ID,
    TYPE,
    VENUE,
    VenueRow,
    read_latest,
    read_overdue,
    read_period_visits,
    read_venues,
    territories_of,
)
from desktop.core.privacy.audiences import INTERNE

EVERYWHERE = Territory()
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")  # fmt: skip


def compute_figures(
    db,
    template: Template,
    period: Period,
    territory: Territory = EVERYWHERE,
    audience: str = INTERNE,
    today: date | None = None,
    visit_list: bool = True,
    venue_rows: list[VenueRow] | None = None,
) -> NetworkFigures:
    """db: a Database or a connection (a worker copy's, in the window). visit_list: False
    leaves `visits` empty (the report prints them; the dashboard never shows them).
    venue_rows: the live venues when already read (rows.read_venues)."""
    conn = getattr(db, "conn", db)
    today = today or date.today()
    reference = min(today, period.end)  # « overdue », « ending soon » are seen from here
    plan = Plan.of(template, audience)
    live = read_venues(conn) if venue_rows is None else venue_rows
    if territory != EVERYWHERE:
        live = [v for v in live if territory.holds(v.region, v.department)]
    venues = {v.id: v for v in live}
    rank = {venue_id: index for index, venue_id in enumerate(venues)}  # bars list by name

    in_period: dict[str, list[tuple]] = defaultdict(list)  # by venue, in date order
    for visit in read_period_visits(conn, period, template.id, listed=visit_list):
        if visit[VENUE] in venues:
            in_period[visit[VENUE]].append(visit)
    tokens = Tokens.of(in_period)
    latest = read_latest(conn, bool(plan.agreement_end), reference, template.id)
    figures = [visits_per_month(plan, period, in_period, rank)]
    figures += [by_choice(spec, plan, tokens, rank) for spec in plan.choices]
    figures += [by_percent(spec, tokens, rank) for spec in plan.percents]
    ends = ends_of(latest, venues) if plan.agreement_end else {}
    if plan.agreement_end:
        figures.append(agreements_by_quarter(ends, rank, reference))
    if plan.actions:
        overdue = read_overdue(conn, reference, template.id)
        figures.append(overdue_by_owner(overdue, venues, rank))
    figures.append(not_visited(latest, venues, rank, reference))
    return NetworkFigures(
        period=period,
        territory=territory,
        today=today,
        audience=audience,
        venues=_facts(venues, latest, in_period),
        visits_in_period=sum(len(rows) for rows in in_period.values()),
        figures=tuple(figures),
        visits=tuple(_visit_list(plan, in_period, venues)) if visit_list else (),
        ending=tuple(ending_agreements(ends, venues, reference)),
    )


def dashboard_data(db, template: Template, period: Period, territory: Territory, today: date):
    """What the dashboard shows, read on its worker: the figures (without the list of
    visits, which only the report prints) and the territories of its filter, from one
    reading of the venues. Returns (NetworkFigures, (régions, départements))."""
    conn = getattr(db, "conn", db)
    venue_rows = read_venues(conn)
    figures = compute_figures(conn, template, period, territory, today=today,
                              visit_list=False, venue_rows=venue_rows)  # fmt: skip
    return figures, territories_of(venue_rows)


def visits_per_month(plan: Plan, period: Period, in_period: dict, rank) -> Figure:
    months = _months(period)
    spec = plan.visit_type
    kinds = [value for value, _ in spec.choices] if spec else []
    series = [label for _, label in spec.choices] if spec else ["Visites"]
    counts = {m: [0] * (len(series) + 1) for m in months}
    column_of = {kind: index for index, kind in enumerate(kinds)}
    other = len(series) if kinds else 0  # with no types, one column counts them all
    venues_of: dict[str, set[str]] = defaultdict(set)
    for venue_id, rows in in_period.items():
        for visit in rows:
            month = visit[DAY][:7]
            tally = counts.get(month)
            if tally is None:  # a date kept as typed (« 2025-1-5 »): no month to say
                continue
            tally[column_of.get(visit[TYPE], other)] += 1
            venues_of[month].add(venue_id)
    untyped = kinds and any(c[-1] for c in counts.values())
    width = len(series) + (1 if untyped else 0)
    bars = tuple(
        Bar(m, _month_label(m, period), tuple(counts[m][:width]), venues_of[m], rank)
        for m in months
    )
    names = (*series, NOT_GIVEN) if untyped else tuple(series)
    return Figure("visits_per_month", "Visites par mois", "visites", TIMELINE, names, bars)


def _months(period: Period) -> list[str]:
    months, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_label(month: str, period: Period) -> str:
    name = SHORT_MONTHS[int(month[5:]) - 1]
    return name if period.start.year == period.end.year else f"{name} {month[:4]}"


def _facts(venues: dict[str, VenueRow], latest: dict, in_period: dict) -> tuple[VenueFacts, ...]:
    """VenueFacts starts with VenueRow's fields, then the visits in the period and the date
    of the latest visit ("" if none)."""
    return tuple(
        VenueFacts(*venue, len(in_period[vid]) if vid in in_period else 0,
                   latest[vid][0] if vid in latest else "")
        for vid, venue in venues.items()
    )  # fmt: skip


def _visit_list(plan: Plan, in_period: dict, venues: dict):
    """By date, venue name (case folded) and id; the sort keys built once per venue, not
    by a key function per visit (6,000 visits in a national year)."""
    labels = dict(plan.visit_type.choices) if plan.visit_type else {}
    keyed = []
    for venue_id, rows in in_period.items():
        name = venues[venue_id].name
        folded = name.casefold()
        for visit in rows:
            kind, day = visit[TYPE] or "", visit[DAY]
            author = (visit[AUTHOR] or "") if plan.shows_author else ""
            item = (day, name, labels.get(kind, kind), author, venue_id, visit[ID])
            keyed.append((day, folded, visit[ID], item))
    keyed.sort(key=itemgetter(0, 1, 2))
    return [entry[3] for entry in keyed]
