"""« Lieux par … »: venues by the values of the template's choice and percent fields,
counted from the period's tokens (« key US value », storage/figure_rows.py) rather
than from each visit's JSON.

A field of a carried-over section describes the venue: its latest visit of the period
counts. Another counts the venues where any visit of the period chose the value. A venue
with no value is « non renseigné ».
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.core.forms.templates import FieldSpec
from desktop.core.network_figures.model import NOT_GIVEN, Bar, Figure
from desktop.core.network_figures.plan import Plan
from desktop.core.network_figures.rows import CHOICES
from desktop.core.storage.figure_rows import GS, RS, US

PERCENT_BANDS = ((0, 25, "0 à 25 %"), (25, 50, "25 à 50 %"), (50, 75, "50 à 75 %"),
                 (75, 101, "75 à 100 %"))  # fmt: skip


@dataclass(frozen=True)
class Tokens:
    """token -> the venues that have it: from each venue's latest visit of the period for
    the fields that describe the venue and the percents (`latest`), from any of its visits
    for the others (`any`). figure_visits keeps the two kinds apart (GS between them)."""

    latest: dict[str, set[str]]
    any: dict[str, set[str]]
    visited: frozenset[str]  # the venues visited in the period

    @classmethod
    def of(cls, in_period: dict[str, list[tuple]]) -> Tokens:
        """in_period: venue id -> its visits of the period, in date order (rows.py)."""
        by_latest: dict[str, set[str]] = defaultdict(set)
        by_any: dict[str, set[str]] = defaultdict(set)
        for venue_id, visits in in_period.items():
            venue_part = visits[-1][CHOICES].partition(GS)[0]
            if venue_part:
                for token in venue_part.split(RS):
                    by_latest[token].add(venue_id)
            for visit in visits:
                visit_part = visit[CHOICES].partition(GS)[2]
                if visit_part:
                    for token in visit_part.split(RS):
                        by_any[token].add(venue_id)
        return cls(by_latest, by_any, frozenset(in_period))

    def values_of(self, key: str, latest: bool) -> dict[str, set[str]]:
        """value -> its venues, for one field."""
        prefix, source = key + US, self.latest if latest else self.any
        return {token[len(prefix) :]: venues for token, venues in source.items()
                if token.startswith(prefix)}  # fmt: skip


def by_choice(spec: FieldSpec, plan: Plan, tokens: Tokens, rank) -> Figure:
    """Venues by the values of a select / multiselect field."""
    found = tokens.values_of(spec.key, spec.key in plan.describes_venue)
    values = [value for value, _ in spec.choices]
    values += sorted(v for v in found if v not in values)  # values the template lost
    bars = [_bar(v, spec.label_of(v), found.get(v, ()), rank) for v in values]
    given = set().union(*found.values())
    if len(given) < len(tokens.visited):
        bars.append(_bar("", NOT_GIVEN, tokens.visited - given, rank))
    return Figure(spec.key, spec.title, "lieux", bars=tuple(bars))


def by_percent(spec: FieldSpec, tokens: Tokens, rank) -> Figure:
    """Venues by quarter band of a percent, from their latest visit of the period."""
    bands: dict[str, set[str]] = defaultdict(set)
    for number, venues in tokens.values_of(spec.key, latest=True).items():
        band = next((label for low, high, label in PERCENT_BANDS if _in(number, low, high)), "")
        bands[band].update(venues)
    given = set().union(*(venues for band, venues in bands.items() if band))
    bands[""] = set(tokens.visited - given)
    labels = [label for _, _, label in PERCENT_BANDS] + ([""] if bands[""] else [])
    bars = tuple(_bar(b, b or NOT_GIVEN, bands[b], rank) for b in labels)
    return Figure(spec.key, spec.title, "lieux", bars=bars)


def _in(number: str, low: float, high: float) -> bool:
    """number: as SQLite wrote it (figure_rows.py keeps only numbers for a percent)."""
    try:
        return low <= float(number) < high
    except ValueError:
        return False


def _bar(key: str, label: str, venue_ids, rank) -> Bar:
    return Bar(key, label, (len(venue_ids),), venue_ids, rank)
