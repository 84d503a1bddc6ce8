"""« Suivi »: what needs following up across every venue, from every live visit.

Open actions (grouped by due date), occupation agreements coming to an end, next visits
planned and venues not visited for a while. Visits of every author count: colleagues'
synced visits live in the same tables. followup_fields.py finds which fields play which
part, followup_load.py reads them all, followup_actions.py changes an action's status.

Groups of actions, for a given `today`:
- « En retard »: due before today;
- « Cette semaine »: from today to the Sunday of today's ISO week;
- « Ce mois-ci »: after this week, up to the last day of today's month;
- « Plus tard »: anything later;
- « Sans échéance »: no due date, or one that is not a date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import Any, NamedTuple

from desktop.core.followup.fields import FollowupFields

OVERDUE, THIS_WEEK, THIS_MONTH, LATER, NO_DATE = (
    "overdue",
    "this_week",
    "this_month",
    "later",
    "no_date",
)
GROUPS = (OVERDUE, THIS_WEEK, THIS_MONTH, LATER, NO_DATE)
GROUP_TITLES = {
    OVERDUE: "En retard",
    THIS_WEEK: "Cette semaine",
    THIS_MONTH: "Ce mois-ci",
    LATER: "Plus tard",
    NO_DATE: "Sans échéance",
}
OPEN = None  # status filter: every action not done
NO_STATUS = ""  # status filter: actions with no status
NO_RESPONSIBLE = ""  # responsible filter: actions nobody took
HORIZONS = (3, 6, 12)  # months, for agreements
IDLE_THRESHOLDS = (6, 12, 18, 24)  # months, for venues not visited


class ActionItem(NamedTuple):
    visit_id: str
    venue_id: str
    venue_name: str
    visit_date: str
    field: str  # the table's key
    row: int  # index of the action in the table
    what: str
    responsible: str
    due: str  # as typed, normally AAAA-MM-JJ; "" when none
    status: str  # enum value, "" when none
    group: str  # OVERDUE, THIS_WEEK...
    done_value: str | None = None  # its own template's « done » status, when not the visits'


class AgreementItem(NamedTuple):
    visit_id: str  # the latest visit of the venue
    venue_id: str
    venue_name: str
    commune: str
    visit_date: str
    field: str
    end_date: str
    months_left: int  # whole months from today to the end (negative once ended)
    days_left: int


class NextVisitItem(NamedTuple):
    visit_id: str  # the latest visit of the venue, which planned the next one
    venue_id: str
    venue_name: str
    commune: str
    visit_date: str
    field: str
    planned: str
    days_left: int  # negative: the planned date has passed


class VenueLastVisit(NamedTuple):
    venue_id: str
    venue_name: str
    commune: str
    visit_id: str | None  # None: never visited
    visit_date: str
    field: str  # the visit date's key, to open the visit there
    months_since: int | None


@dataclass(frozen=True)
class Followup:
    today: date
    fields: FollowupFields
    actions: tuple[ActionItem, ...]  # every action of every live visit, done ones too
    agreements: tuple[AgreementItem, ...]  # latest visit of each venue with an end date
    next_visits: tuple[NextVisitItem, ...]
    venues: tuple[VenueLastVisit, ...]
    photos_to_review: tuple[tuple[str, str, int], ...] = ()  # (visit id, venue id, photos)

    @property
    def photos_to_review_count(self) -> int:
        """Photos nobody said yet whether people can be recognised on (internal meanwhile)."""
        return sum(count for _, _, count in self.photos_to_review)

    # ------------------------------------------------------------ actions
    def done_of(self, action: ActionItem) -> str | None:
        """The status meaning « done » in the action's own template."""
        return action.done_value if action.done_value is not None else self.fields.done

    def is_done(self, action: ActionItem) -> bool:
        done = self.done_of(action)
        return bool(done) and action.status == done

    def open_actions(self) -> list[ActionItem]:
        return self.filter_actions()

    def filter_actions(
        self,
        responsible: str | None = None,
        venue_id: str | None = None,
        status: str | None = OPEN,
    ) -> list[ActionItem]:
        """Actions by responsible (NO_RESPONSIBLE: none), venue and status (OPEN: not done,
        NO_STATUS: none, else that status value); None leaves a criterion out.
        One comprehension per criterion: the Suivi filters 30,000 actions at each refresh."""
        actions = self.actions
        if status is OPEN:
            actions = self._not_done(actions)
        else:
            actions = [a for a in actions if a.status == status]
        if responsible is not None:
            actions = [a for a in actions if a.responsible == responsible]
        if venue_id is not None:
            actions = [a for a in actions if a.venue_id == venue_id]
        return list(actions)

    def _not_done(self, actions) -> list[ActionItem]:
        """The actions not done, each by its own template's « done » (one comprehension:
        the Suivi filters 30,000 actions at each refresh)."""
        default = self.fields.done
        return [
            a
            for a in actions
            if not (done := default if a.done_value is None else a.done_value) or a.status != done
        ]

    def overdue_count(self) -> int:
        """Overdue actions not done."""
        return len(self._not_done(a for a in self.actions if a.group == OVERDUE))

    def responsibles(self) -> list[str]:
        names = set(map(attrgetter("responsible"), self.actions)) - {""}
        return sorted(names, key=str.casefold)

    def action_venues(self) -> list[tuple[str, str]]:
        """(name, id) of the venues that have actions, by name."""
        venues = set(map(attrgetter("venue_name", "venue_id"), self.actions))
        return sorted(venues, key=lambda v: v[0].casefold())

    # ------------------------------------------------------------ agreements, visits
    def agreements_ending(self, months: int, include_ended: bool = False) -> list[AgreementItem]:
        """Agreements ending between today and today + months (and ended ones, if asked)."""
        limit = add_months(self.today, months).isoformat()
        start = "" if include_ended else self.today.isoformat()
        return [a for a in self.agreements if start <= a.end_date <= limit]

    def not_visited_since(self, months: int) -> list[VenueLastVisit]:
        """Venues whose last visit is more than `months` months old, or never visited."""
        limit = add_months(self.today, -months).isoformat()
        return [v for v in self.venues if v.visit_id is None or v.visit_date < limit]


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept within the month (31 jan + 1 = 28 feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_date(text: Any) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def group_of(due: date | None, today: date) -> str:
    if due is None:
        return NO_DATE
    if due < today:
        return OVERDUE
    if due <= today + timedelta(days=6 - today.weekday()):
        return THIS_WEEK
    if (due.year, due.month) == (today.year, today.month):
        return THIS_MONTH
    return LATER


def cell_text(value: Any) -> str:
    """A table cell as text: "" for none, surrounding spaces dropped."""
    return "" if value is None else str(value).strip()
