"""The Suivi's agreements, next visits and venues not visited: counted at each refresh
(the tabs' titles, the status bar's notice), each list read when its tab is shown
(core/followup/tab_lists.py). A part of FollowupView (followup_view.py).

A refresh marks every list stale; the tab on screen reads its own again at once (in the
background with the rest, on reload), the others when the user next shows them.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.followup import tab_lists
from desktop.core.followup.tab_lists import TabCounts, Window

AGREEMENTS, NEXT_VISITS, VENUES = 1, 2, 3  # the tabs' indexes (0: the actions)


class FollowupLists:
    def _lists_init(self) -> None:
        self.counts: TabCounts | None = None
        self._stale: set[int] = {AGREEMENTS, NEXT_VISITS, VENUES}
        self.tabs.currentChanged.connect(self._show_list)

    def _models(self) -> dict:
        return {
            AGREEMENTS: self.agreements_model,
            NEXT_VISITS: self.next_model,
            VENUES: self.venues_model,
        }

    def list_filters(self) -> tuple:
        """The other tabs' filters as chosen now."""
        horizon, ended = self.horizon.currentData(), self.include_ended.isChecked()
        return horizon, ended, self.threshold.currentData()

    def _window(self, today) -> Window:
        return Window.of(today, self.horizon.currentData(), self.include_ended.isChecked())

    def counts_reader(self, today) -> Callable:
        """conn -> TabCounts, under the filters chosen now (read on any connection)."""
        templates, window = self.store.templates, self._window(today)
        threshold = self.threshold.currentData()
        return lambda conn: tab_lists.tab_counts(
            conn, templates.visit, templates.others, today, window, threshold
        )

    def list_reader(self, index: int, today) -> Callable | None:
        """conn -> the items of a tab, under its filters chosen now (None: the actions)."""
        visit, others = self.store.templates.visit, self.store.templates.others
        if index == AGREEMENTS:
            window = self._window(today)
            return lambda conn: tab_lists.agreements_ending(conn, visit, others, today, window)
        if index == NEXT_VISITS:
            return lambda conn: tab_lists.next_visits(conn, visit, others, today)
        if index == VENUES:
            months = self.threshold.currentData()
            return lambda conn: tab_lists.not_visited_since(conn, visit, today, months)
        return None

    def _show_lists(self, counts: TabCounts | None, lists: dict[int, list]) -> None:
        """After a refresh: the new counts; the lists given shown, the others stale."""
        self.counts = counts if counts is not None else self._read_counts()
        self._stale = {AGREEMENTS, NEXT_VISITS, VENUES}
        for index, items in lists.items():
            self._set_list(index, items)
        self._show_list(self.tabs.currentIndex())

    def _read_counts(self) -> TabCounts:
        return self.counts_reader(self.data.today)(self.store.db.conn)

    def _show_list(self, index: int) -> None:
        """A tab shown: its list read now if the data or its filters changed since."""
        if self.data is None or index not in self._stale:
            return
        reader = self.list_reader(index, self.data.today)
        self._set_list(index, reader(self.store.db.conn))

    def _set_list(self, index: int, items: list) -> None:
        self._models()[index].set_rows(items)
        self._stale.discard(index)

    def _list_filter_changed(self, index: int) -> None:
        """A tab's filter changed: its count again (a pass in SQL), its list when shown."""
        if self.data is None:
            return
        self.counts = self._read_counts()
        self._stale.add(index)
        self._show_list(self.tabs.currentIndex())
        self._retitle()

    def _show_agreements(self) -> None:
        self._list_filter_changed(AGREEMENTS)

    def _show_venues(self) -> None:
        self._list_filter_changed(VENUES)
