"""What the dashboard, the map and the annual report show: plain data, Qt-free.

A Figure is one chart: bars, each with one value per series (one series: plain bars;
several: stacked bars; kind "timeline": bars in time order) and the venues behind it,
so a click on a bar can list them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import NamedTuple

from desktop.core.network_figures.region_names import region_key

BARS, STACKED, TIMELINE = "bars", "stacked", "timeline"
NOT_GIVEN = "Non renseigné"


@dataclass(frozen=True)
class Territory:
    """A région (any spelling: see region_names) or a département (its code)."""

    region: str = ""
    department: str = ""

    @property
    def label(self) -> str:
        if self.department:
            return f"Département {self.department}"
        return self.region or "Tout le réseau"

    def holds(self, region: str, department: str) -> bool:
        if self.department:
            return department == self.department
        if self.region:
            return region_key(region) == region_key(self.region)
        return True


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def holds(self, day: str) -> bool:
        return self.start.isoformat() <= day[:10] <= self.end.isoformat()


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    values: tuple[int, ...]  # one per series of the figure
    members: Collection[str] = field(default=(), hash=False)  # its venues, in any order
    rank: Mapping[str, int] | None = field(default=None, compare=False, hash=False, repr=False)

    @cached_property
    def venue_ids(self) -> tuple[str, ...]:
        """Its venues in the venues' order (`rank`: id -> place), sorted when first asked:
        a click lists one bar's, the 160 bars of a national year need not all be sorted."""
        if self.rank is None:
            return tuple(self.members)
        return tuple(sorted(self.members, key=self.rank.__getitem__))

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Figure:
    key: str  # a template key, or one of the fixed figures (visits_per_month…)
    title: str
    unit: str  # what is counted: "lieux", "visites", "actions"
    kind: str = BARS
    series: tuple[str, ...] = ("",)
    bars: tuple[Bar, ...] = ()

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)

    def table(self) -> list[list[str]]:
        """Header and rows, as « Copier les chiffres » and the report print them."""
        named = len(self.series) > 1
        header = [self.title, *(self.series if named else [self.unit.capitalize()])]
        if named:
            header.append("Total")
        rows = [[bar.label, *map(str, bar.values), *([str(bar.total)] if named else [])]
                for bar in self.bars]  # fmt: skip
        return [header, *rows]

    def tsv(self) -> str:
        return "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in self.table())


class VenueFacts(NamedTuple):
    """One venue as the map and the lists show it (a tuple: 3,500 made each time); its
    first seven fields are rows.VenueRow's."""

    id: str
    name: str
    commune: str
    region: str
    department: str
    lat: float | None
    lon: float | None
    visits_in_period: int
    last_visit: str  # ISO date of the latest visit (any period), "" if never visited


@dataclass(frozen=True)
class NetworkFigures:
    period: Period
    territory: Territory
    today: date
    audience: str
    venues: tuple[VenueFacts, ...]  # every venue of the territory
    visits_in_period: int
    figures: tuple[Figure, ...] = field(default=())
    # (date, venue name, visit type, author or "", venue id, visit id), in date order
    visits: tuple[tuple[str, str, str, str, str, str], ...] = ()
    # (end date, venue name, commune, venue id): agreements ending in the next 12 months
    ending: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def venues_visited(self) -> int:
        return sum(1 for v in self.venues if v.visits_in_period)

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)

    def venue(self, venue_id: str) -> VenueFacts | None:
        return next((v for v in self.venues if v.id == venue_id), None)
