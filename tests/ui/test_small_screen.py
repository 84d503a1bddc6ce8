"""A 1024×600 screen (a netbook, an old laptop), the window maximised: the visit form fits
its width (no horizontal scrollbar, the photo section whole), the other pages too, and
every dialog fits the screen. The same visit at 1366×768 keeps its labels beside fields."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from desktop.core.storage.workspace import Workspace
from desktop.ui.form.narrow_rows import NARROW_BELOW
from desktop.ui.views.roomy_split import LISTS_MIN, RoomySplitter
from tests.core.test_pdf_sheet import attach_photos, fill_every_field, jpeg

SMALL, USUAL = (1024, 600), (1366, 768)


def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def full_visit(workspace: Workspace, tmp_path: Path) -> tuple[str, str]:
    """A visit with every field filled (tables of several rows, long texts) and 6 photos."""
    store = workspace.store
    venue = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    visit_id = store.create_visit(venue.id, "2025-02-11").id
    fill_every_field(workspace, visit_id)
    photos = [jpeg(tmp_path / f"p{i}.jpg", colour=(i * 40, 90, 30)) for i in range(6)]
    attach_photos(workspace, visit_id, photos, caption="Atelier partagé, vue de la grande salle")
    return venue.id, visit_id


@pytest.fixture
def visit_window(window, tmp_path):
    venue_id, visit_id = full_visit(window.workspace, tmp_path)
    window.open_visit(visit_id, venue_id)
    return window


def at_size(window, size: tuple[int, int]):
    window.resize(*size)
    settle()
    return window.visit_editor.form


def drag_lists_to(window, width: int) -> None:
    """The user drags the handle between the lists and the pages."""
    window.split.moveSplitter(width, 1)
    settle()


def inside(widget: QWidget, area: QWidget) -> QRect:
    """widget's rectangle in area's coordinates."""
    return QRect(widget.mapTo(area, QPoint(0, 0)), widget.size())


def test_the_visit_form_needs_no_horizontal_scrollbar_at_1024_by_600(visit_window):
    form = at_size(visit_window, SMALL)
    viewport = form.scroll.viewport()
    assert form.scroll.horizontalScrollBar().maximum() == 0
    assert form.scroll.widget().width() <= viewport.width()
    for row in form.rows.values():  # every field, tables and check lists included
        assert inside(row, viewport).right() < viewport.width(), row.editor.spec.key
    for key in ("people_met", "actions"):  # as tall as their wrapped texts from the start
        assert_rows_whole(form.editor(key).table)


def test_the_photo_section_lies_inside_the_form_at_1024_by_600(visit_window):
    form = at_size(visit_window, SMALL)
    viewport, photos = form.scroll.viewport(), visit_window.visit_editor.photos
    photos.grid.setCurrentRow(0)
    settle()
    for part in (photos, photos.grid, photos.details, photos.rights):
        box = inside(part, viewport)
        assert box.left() >= 0 and box.right() < viewport.width(), part
    grid = photos.grid  # every thumbnail card whole, in as many rows as needed
    for index in range(grid.count()):
        card = grid.visualItemRect(grid.item(index))
        assert card.left() >= 0 and card.right() < grid.viewport().width(), index
    assert grid.height() >= grid.count() // 2 * grid.gridSize().height()


def test_the_lists_give_the_form_room_and_take_it_back(visit_window):
    split = visit_window.split
    at_size(visit_window, USUAL)
    usual = split.sizes()[0]
    at_size(visit_window, SMALL)
    small = split.sizes()[0]
    assert LISTS_MIN <= small < usual
    at_size(visit_window, USUAL)
    assert split.sizes()[0] == usual  # the width they had, not the narrow one


def test_the_width_kept_for_the_next_start_is_the_chosen_one(visit_window, qtbot):
    """A window narrowed for a moment, then closed: the lists come back as wide as chosen."""
    split = visit_window.split
    at_size(visit_window, USUAL)
    chosen = split.sizes()[0]
    at_size(visit_window, SMALL)
    fitted = split.sizes()[0]
    state = split.saveState()  # what window.ini keeps at closing
    assert split.sizes()[0] == fitted  # still fitted on screen
    later = RoomySplitter()
    qtbot.addWidget(later)
    for _ in range(2):
        later.addWidget(QWidget())
    later.setStretchFactor(1, 1)  # as the window's: the pages take what the window gains
    later.restoreState(state)
    later.resize(USUAL[0], 700)
    later.show()
    settle()
    assert later.sizes()[0] == chosen


def test_labels_stay_beside_their_fields_at_1366_and_go_above_when_narrow(visit_window):
    form = at_size(visit_window, USUAL)
    label = form.rows["visit_date"].parentWidget().layout().labelForField(form.rows["visit_date"])
    field = form.rows["visit_date"]
    assert label.geometry().right() < field.geometry().left()  # beside
    at_size(visit_window, SMALL)
    drag_lists_to(visit_window, 650)  # the user widens the lists: little room for the form
    assert form.scroll.viewport().width() < NARROW_BELOW
    assert label.geometry().bottom() <= field.geometry().top()  # above
    assert form.scroll.horizontalScrollBar().maximum() == 0


def test_check_lists_keep_two_columns_when_there_is_room_and_one_when_not(visit_window):
    form = at_size(visit_window, USUAL)
    boxes = list(form.editor("activity_types").boxes.values())
    assert boxes[0].y() == boxes[1].y() and boxes[1].x() > boxes[0].x()
    at_size(visit_window, SMALL)
    drag_lists_to(visit_window, 650)
    assert boxes[1].y() > boxes[0].y() and boxes[1].x() == boxes[0].x()
    assert form.scroll.horizontalScrollBar().maximum() == 0


def test_table_rows_grow_when_the_form_narrows_so_no_text_is_cut(visit_window):
    form = at_size(visit_window, USUAL)
    table = form.editor("people_met").table
    wide = table.rowHeight(0)
    at_size(visit_window, SMALL)
    drag_lists_to(visit_window, 650)
    assert table.rowHeight(0) > wide  # the long texts wrap onto more lines
    assert_rows_whole(table)


def assert_rows_whole(table) -> None:
    """Every row as tall as its wrapped text, the table as tall as its rows."""
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row), row
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() >= table.horizontalHeader().height() + rows


def scrolled_sideways(page: QWidget) -> list[str]:
    return [
        area.accessibleName() or type(area).__name__
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
        and type(area).__name__ != "FittedTable"  # data tables of many columns may scroll
    ]  # fmt: skip


def test_the_other_pages_fit_1024_by_600(visit_window):
    window = visit_window
    at_size(window, SMALL)
    visit = window.store.list_visits()[0]
    window.open_venue(visit.venue_id)
    settle()
    pages = {"venue": window.venue_editor}
    window.show_followup()
    settle()
    pages["followup"] = window.followup
    window.dashboard.show()
    settle()
    pages["dashboard"] = window.pages.currentWidget()
    for name, page in pages.items():
        assert page.minimumSizeHint().width() <= SMALL[0] - LISTS_MIN, name
    for name in ("venue", "followup", "dashboard"):
        window.pages.setCurrentWidget(pages[name])
        settle()
        assert scrolled_sideways(pages[name]) == [], name
    assert window.split.sizes()[0] >= LISTS_MIN  # the Suivi did not squeeze the lists


def test_the_main_window_is_kept_on_a_small_screen_at_its_first_start(open_window):
    from desktop.ui.screen_fit import free_area, keep_on_screen

    window = open_window()  # placed at 1280×720, as at a first start (no window.ini)
    area = free_area(window)  # the offscreen screen: 800×800, narrower than 1280
    assert keep_on_screen(window) is True  # to be shown maximised
    assert window.width() <= area.width() and window.height() <= area.height()
    assert keep_on_screen(window) is False  # it fits now: shown as it is
    assert window.minimumSizeHint().width() <= SMALL[0]
    assert window.minimumSizeHint().height() <= SMALL[1]


def test_a_governance_meeting_record_fits_1024_by_600_with_its_tables_whole(window):
    """Another template's form (five tables of up to seven columns), opened at 1024×600."""
    from tests.core.test_pdf_sheet import sample_value

    store = window.store
    venue = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    template = store.templates.template_or_visit("governance-meeting")
    record = store.create_record(venue.id, template.id, "2025-02-11", True)
    filled = {spec.key: sample_value(spec, n) for n, spec in enumerate(template.fields, 1)}
    store.update_visit(record.id, filled)
    window.resize(*SMALL)
    window.open_visit(record.id, venue.id)
    settle()
    form = window.visit_editor.form
    assert form.template.id == "governance-meeting"
    assert form.scroll.horizontalScrollBar().maximum() == 0
    tables = [row.editor for row in form.rows.values() if row.editor.spec.widget == "table"]
    assert len(tables) >= 4
    for editor in tables:
        assert_rows_whole(editor.table)
