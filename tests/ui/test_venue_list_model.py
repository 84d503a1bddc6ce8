"""The venue list's model (venue_list_model.py): its rows counted in C++ (a string list of
the names), so that laying out a long list does not call Python once per venue; its
first-frame rows; its rows not editable in the list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView

from desktop.core.storage.venue_summary import VenueSummary
from desktop.core.storage.workspace import open_workspace
from desktop.ui.models.venue_list_model import COMMUNE_ROLE, ID_ROLE, NAME_ROLE, VenueListModel
from desktop.ui.views.venue_delegate import VenueDelegate


def venues(count: int) -> list[VenueSummary]:
    return [VenueSummary(f"id{n}", f"Tiers-lieu {n}", f"Commune {n}") for n in range(count)]


class CountedModel(VenueListModel):
    """The model, counting the calls Qt makes into Python for its data."""

    calls = 0

    def data(self, index, role=0):
        CountedModel.calls += 1
        return super().data(index, role)


def test_the_first_frames_rows_count_every_venue(qapp):
    model = VenueListModel()
    model.set_venues(venues(3), count=10)  # the first 3 read, 10 in all
    assert model.rowCount() == 10
    assert model.index(1, 0).data(NAME_ROLE) == "Tiers-lieu 1"
    assert model.index(2, 0).data(COMMUNE_ROLE) == "Commune 2"
    assert model.index(5, 0).data(ID_ROLE) is None  # not read yet: an empty row
    model.set_venues(venues(2))  # the whole list, shorter
    assert model.rowCount() == 2 and model.index(1, 0).data(ID_ROLE) == "id1"
    assert "rowCount" not in vars(VenueListModel)  # answered in C++: see its docstring


def test_a_long_list_asks_python_for_the_rows_it_shows_only(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    model = CountedModel(view)
    model.set_venues(venues(200), count=15_000)  # the first frame's, with 15,000 venues
    view.setModel(model)
    view.setUniformItemSizes(True)
    view.setItemDelegate(VenueDelegate(view))
    view.resize(300, 600)
    CountedModel.calls = 0
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)  # laid out and painted
    shown = view.indexAt(QPoint(5, view.viewport().height() - 5)).row() + 1
    assert 5 < shown < 30
    assert 0 < CountedModel.calls < 20 * shown  # a few roles per row shown, not per venue
    assert view.verticalScrollBar().maximum() > 14_000  # the scroll bar counts them all


def test_a_click_opens_a_venue_and_no_key_edits_its_name(qtbot, data_dir, open_window):
    """A string list model's rows are editable: the list's edit triggers are off (F2, a
    double click would turn a venue's row into a text field)."""
    workspace = open_workspace(data_dir)
    for venue in venues(5):
        workspace.store.create_venue({"name": venue.name, "commune": venue.commune})
    workspace.close()
    panel = open_window().browser
    qtbot.waitExposed(panel)
    view, row = panel.venue_view, 2
    centre = view.visualRect(panel.venues.index(row, 0)).center()
    with qtbot.waitSignal(panel.venue_activated) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [panel.venues.venues[row].id, False]
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the key that edits an item where items are edited
    assert view.state() != QAbstractItemView.State.EditingState
    assert panel.venues.index(row, 0).data(NAME_ROLE) == "Tiers-lieu 2"
