"""Recording a visit with real key and wheel events: dates typed the French way in every
kind of date field, unreadable dates kept and flagged, the wheel never changes a value it
was not given, every field found by its template key, numbers shown back as typed."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.core.forms.french import number_as_typed
from desktop.core.forms.typed_dates import UNREADABLE_MESSAGE
from desktop.ui.form.date_field import DateLineEdit
from desktop.ui.form.field_widgets import FieldEditor
from tests.ui.conftest import type_text


@pytest.fixture
def visit(window, qtbot):
    """A visit of 2025-03-14 open in the window: (window, its id)."""
    venue = window.store.create_venue({"name": "Hôp Hop Hop", "commune": "Aubusson"})
    record = window.store.create_visit(venue.id, "2025-03-14")
    window.browser.reload_venues()
    window.open_visit(record.id, venue.id)
    return window, record.id


def stored(window, qtbot, visit_id, key):
    qtbot.waitUntil(lambda: not window.visit_editor.autosaver.has_pending, timeout=3000)
    return window.store.get_visit(visit_id).data.get(key)


def line_of(window, key) -> DateLineEdit:
    editor = window.visit_editor.findChild(FieldEditor, key)
    return editor.findChild(DateLineEdit)


def type_date(qtbot, line, text):
    line.setFocus()
    line.selectAll()
    type_text(line, text)  # accents too (« février »), as key events
    qtbot.keyClick(line, Qt.Key.Key_Tab)


@pytest.mark.parametrize(
    "typed", ["11/02/2025", "11022025", "11/02/25", "11 février 2025", "mardi 11 févr. 25"]
)
def test_a_date_typed_the_french_way_in_the_form_stores_the_11th_of_february(visit, qtbot, typed):
    window, visit_id = visit
    for key in ("visit_date", "end_date"):  # a date that had a value, an empty one
        line = line_of(window, key)
        type_date(qtbot, line, typed)
        assert stored(window, qtbot, visit_id, key) == "2025-02-11"
        assert line.text() == "11/02/2025"


def test_a_date_typed_without_its_year_is_this_years(visit, qtbot):
    window, visit_id = visit
    line = line_of(window, "end_date")
    type_date(qtbot, line, "11 février")
    year = date.today().year
    assert stored(window, qtbot, visit_id, "end_date") == f"{year}-02-11"
    assert line.text() == f"11/02/{year}"


def test_a_due_date_typed_in_the_actions_table_is_stored(visit, qtbot):
    window, visit_id = visit
    actions = window.visit_editor.form.editor("actions")
    qtbot.mouseClick(actions.findChild(QWidget, "add_row"), Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Relancer la mairie")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # to « Qui »
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to « Échéance »
    due = QApplication.focusWidget()
    assert isinstance(due, DateLineEdit)
    qtbot.keyClicks(due, "11/02/25")
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert stored(window, qtbot, visit_id, "actions") == [
        {"what": "Relancer la mairie", "due": "2025-02-11"}
    ]
    assert actions.table.item(0, 2).text() == "11/02/2025"


def test_an_unreadable_date_is_kept_as_typed_and_flagged(visit, qtbot):
    window, visit_id = visit
    line = line_of(window, "visit_date")
    type_date(qtbot, line, "30/02/2025")
    assert stored(window, qtbot, visit_id, "visit_date") == "30/02/2025"  # never 28/02
    assert line.text() == "30/02/2025"
    row = window.visit_editor.form.rows["visit_date"]
    qtbot.waitUntil(lambda: row.error.isVisible())
    assert UNREADABLE_MESSAGE in row.error.text()
    type_date(qtbot, line, "14/03/2025")  # corrected: the flag goes
    assert stored(window, qtbot, visit_id, "visit_date") == "2025-03-14"
    qtbot.waitUntil(lambda: not row.error.isVisible())


def test_parts_step_suppr_empties_and_an_empty_calendar_opens_on_the_visit(visit, qtbot):
    window, visit_id = visit
    line = line_of(window, "visit_date")
    line.setFocus()
    line.setCursorPosition(4)  # in the month
    qtbot.keyClick(line, Qt.Key.Key_Up)
    assert line.text() == "14/04/2025" and line.selectedText() == "04"
    line.setCursorPosition(8)  # in the year
    qtbot.keyClick(line, Qt.Key.Key_Down)
    assert stored(window, qtbot, visit_id, "visit_date") == "2024-04-14"
    end = line_of(window, "next_visit")
    end.setFocus()
    qtbot.keyClick(end, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert end.calendar.selectedDate().toString(Qt.DateFormat.ISODate) == "2024-04-14"
    qtbot.keyClick(end.calendar, Qt.Key.Key_Escape)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    assert line.text() == ""
    assert stored(window, qtbot, visit_id, "visit_date") is None


def wheel_over(widget: QWidget, steps: int = -3) -> None:
    """A wheel turn where the pointer is: sent to the widget under it, as Qt does."""
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    target = window.childAt(point)
    local = target.mapFrom(window, point)
    event = QWheelEvent(
        QPointF(local),
        QPointF(target.mapToGlobal(local)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)


def test_the_wheel_over_an_unfocused_combo_scrolls_the_page_and_changes_nothing(visit, qtbot):
    window, visit_id = visit
    form = window.visit_editor.form
    window.resize(1280, 720)
    combo = form.editor("tenure").combo
    form.scroll.ensureWidgetVisible(combo, 0, 200)
    scrolled = form.scroll.verticalScrollBar().value()
    before = combo.currentIndex()
    wheel_over(combo)
    assert combo.currentIndex() == before
    assert form.scroll.verticalScrollBar().value() > scrolled  # the page moved
    assert stored(window, qtbot, visit_id, "tenure") is None
    assert not window.visit_editor.autosaver.has_pending
    combo.setFocus()  # clicked or tabbed into: then the wheel is the user's choice
    form.scroll.ensureWidgetVisible(combo, 0, 200)
    wheel_over(combo, steps=-1)
    assert combo.currentIndex() == before + 1


def test_every_field_of_the_template_is_found_by_its_key_and_named(visit):
    window, _visit_id = visit
    template = window.workspace.templates.visit
    for spec in template.fields:
        editor = window.visit_editor.findChild(FieldEditor, spec.key)
        assert editor is not None, spec.key
        assert editor.accessibleName() == spec.title


def test_numbers_come_back_as_typed(visit, qtbot):
    window, visit_id = visit
    line = window.visit_editor.form.editor("annual_budget").line
    line.setFocus()
    qtbot.keyClicks(line, "1 234,5")
    assert stored(window, qtbot, visit_id, "annual_budget") == 1234.5
    window.close_visit()
    window.open_visit(visit_id, window.browser.venue_id)
    assert window.visit_editor.form.editor("annual_budget").line.text() == "1\u202f234,5"


@pytest.mark.parametrize(
    ("key", "typed", "number"),
    [
        ("annual_budget", "45 000 €", 45000),
        ("public_funding_pct", "30 %", 30),
        ("rent_monthly", "1 200 € par mois", 1200),
    ],
)
def test_a_number_typed_with_its_unit_is_stored_as_the_number(visit, qtbot, key, typed, number):
    window, visit_id = visit
    line = window.visit_editor.form.editor(key).line
    line.setFocus()
    type_text(line, typed)
    assert stored(window, qtbot, visit_id, key) == number
    assert not window.visit_editor.form.rows[key].error.isVisible()
    qtbot.keyClick(line, Qt.Key.Key_Tab)  # left: the unit stays beside the box only
    assert line.text() == number_as_typed(number)


def test_entree_moves_to_the_next_field_as_tab_does(visit, qtbot):
    window, visit_id = visit
    form = window.visit_editor.form
    date_line = line_of(window, "visit_date")
    date_line.setFocus()
    date_line.selectAll()
    type_text(date_line, "12/03")
    qtbot.keyClick(date_line, Qt.Key.Key_Return)
    facilitator = form.editor("facilitator").findChild(QLineEdit)
    assert QApplication.focusWidget() is facilitator
    assert date_line.text() == f"12/03/{date.today().year}"
    type_text(facilitator, "Camille")
    qtbot.keyClick(facilitator, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert QApplication.focusWidget() is form.editor("visit_type").combo
    assert stored(window, qtbot, visit_id, "facilitator") == "Camille"


def test_entree_keeps_its_new_line_in_a_long_text(visit, qtbot):
    window, visit_id = visit
    box = window.visit_editor.form.editor("governance_notes").box
    box.setFocus()
    type_text(box, "Bureau élu")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(box, "CA tous les mois")
    assert QApplication.focusWidget() is box
    assert stored(window, qtbot, visit_id, "governance_notes") == "Bureau élu\nCA tous les mois"


def test_a_validation_message_does_not_push_the_form_down(visit, qtbot):
    window, visit_id = visit
    form = window.visit_editor.form
    below = form.rows["facilitator"]
    before = below.mapTo(form, below.rect().topLeft()).y()
    type_date(qtbot, line_of(window, "visit_date"), "pas une date")
    qtbot.waitUntil(lambda: form.rows["visit_date"].error.isVisible())
    assert below.mapTo(form, below.rect().topLeft()).y() == before
