"""The Suivi's columns fit their titles and the rows shown, however many actions there are
(issue 15: the fitting measures the rows in view and a hundred more, not every row)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.storage.workspace import open_workspace
from desktop.ui.views.followup_view import FollowupView

LONG = "Relancer la mairie pour la convention d'occupation temporaire du bâtiment nord"


@pytest.fixture
def workspace(data_dir):
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


def test_columns_fit_titles_and_the_rows_in_view(workspace, qtbot):
    store = workspace.store
    venue = store.create_venue({"name": "La Friche des Capucins", "commune": "Aurillac"})
    visit = store.create_visit(venue.id, "2025-01-10")
    soon = (date.today() + timedelta(days=30)).isoformat()
    filler = [{"what": f"Action {n}", "who": "Sami", "due": soon} for n in range(400)]
    late = {"what": LONG, "who": "Camille", "due": "2025-01-20", "status": "a_faire"}
    store.update_visit(visit.id, {"actions": [late, *filler]})
    view = FollowupView(store)
    qtbot.addWidget(view)
    view.resize(1600, 500)
    view.show()
    view.refresh()
    table, model = view.actions_view, view.actions_model
    assert model.rowCount() > 400
    titles = [column.title for column in model.columns]
    metrics = table.fontMetrics()
    what = titles.index("Action")
    assert table.columnWidth(what) >= metrics.horizontalAdvance(LONG)  # the first row, late
    header = table.horizontalHeader()
    for index in range(len(titles) - 1):  # the last one stretches
        assert table.columnWidth(index) >= header.sectionSizeHint(index) - 1, titles[index]
