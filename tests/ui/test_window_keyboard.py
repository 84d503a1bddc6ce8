"""Getting around with the keyboard and the pointer, a window that remembers, and file
dialogs that start somewhere sensible, in French."""

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
)

from desktop.ui import file_dialogs
from desktop.ui.controllers.window_state import SETTINGS_FILE
from desktop.ui.form.date_field import DateLineEdit


@pytest.fixture
def venue_with_visits(window):
    venue = window.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    window.store.create_venue({"name": "La Forge", "commune": "Tulle"})
    older = window.store.create_visit(venue.id, "2024-05-02")
    latest = window.store.create_visit(venue.id, "2025-03-14")
    window.browser.reload_venues()
    return window, venue.id, older.id, latest.id


def test_from_ctrl_l_to_typing_in_a_visit_field_with_the_keyboard_only(venue_with_visits, qtbot):
    window, venue_id, _older, _latest = venue_with_visits
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.browser.filter
    qtbot.keyClicks(window.browser.filter, "Quinc")
    qtbot.keyClick(window.browser.filter, Qt.Key.Key_Return)  # opens the venue
    assert window.pages.currentWidget() is window.venue_editor
    assert window.venue_editor.record_id == venue_id
    assert QApplication.focusWidget() is window.browser.visit_view  # on its visits
    chosen = window.browser.current_visit_id()
    qtbot.keyClick(window.browser.visit_view, Qt.Key.Key_Return)  # opens the visit
    assert window.pages.currentWidget() is window.visit_editor
    assert window.visit_editor.record_id == chosen
    field = QApplication.focusWidget()
    assert isinstance(field, DateLineEdit)  # the visit's first field: its date
    field.selectAll()
    qtbot.keyClicks(field, "11/02/2025")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not window.visit_editor.autosaver.has_pending, timeout=3000)
    assert window.store.get_visit(chosen).data["visit_date"] == "2025-02-11"


def click_row(view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_on_the_selected_row_opens_it_again(venue_with_visits, qtbot):
    window, venue_id, _older, latest = venue_with_visits
    window.open_visit(latest, venue_id)
    window.show_followup()
    assert window.pages.currentWidget() is not window.visit_editor
    click_row(window.browser.visit_view, window.browser.visits.row_of(latest))
    assert window.pages.currentWidget() is window.visit_editor
    assert window.visit_editor.record_id == latest
    click_row(window.browser.venue_view, window.browser.venues.row_of(venue_id))
    assert window.pages.currentWidget() is window.venue_editor


def test_entree_opens_the_selected_visit(venue_with_visits, qtbot):
    window, venue_id, older, _latest = venue_with_visits
    window.open_venue(venue_id)
    window.browser.select_visit(older)
    window.show_followup()
    window.browser.visit_view.setFocus()
    qtbot.keyClick(window.browser.visit_view, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.visit_editor
    assert window.visit_editor.record_id == older


def test_the_window_comes_back_as_it_was_left(open_window, data_dir, qtbot):
    window = open_window()
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.browser.reload_venues()
    window.open_visit(visit.id, venue.id)
    window.resize(760, 540)  # within the offscreen screen (800 × 600)
    window.split.setSizes([250, 500])
    window.browser.split.setSizes([200, 400])
    sizes = window.split.sizes(), window.browser.split.sizes()
    size = window.width(), window.height()
    window.close()
    assert (data_dir / SETTINGS_FILE).exists()  # in the data folder, not the user's settings

    again = open_window()
    assert (again.width(), again.height()) == size != (1280, 720)  # not the default
    assert (again.split.sizes(), again.browser.split.sizes()) == sizes
    assert again.pages.currentWidget() is again.visit_editor
    assert again.visit_editor.record_id == visit.id
    assert again.browser.current_visit_id() == visit.id


def test_buttons_and_lists_have_accessible_names(venue_with_visits):
    window, venue_id, _older, latest = venue_with_visits
    window.open_visit(latest, venue_id)
    nameless = [
        widget
        for kind in (QAbstractButton, QAbstractItemView)
        for widget in window.findChildren(kind)
        if widget.isVisibleTo(window)
        and not isinstance(widget, QHeaderView)  # named by its columns' titles
        and not (widget.accessibleName() or widget.property("text"))
    ]
    assert nameless == []


def test_file_dialogs_start_in_pictures_or_documents_then_where_the_user_went(
    window, tmp_path, monkeypatch
):
    asked = []
    chosen = tmp_path / "carte-SD" / "DCIM"
    chosen.mkdir(parents=True)
    (chosen / "a.jpg").write_bytes(b"")

    def fake_dialog(parent, title, folder, filters):
        asked.append(folder)
        return [str(chosen / "a.jpg")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_dialog))
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    expected = pictures if Path(pictures).is_dir() else str(Path.home())
    assert file_dialogs.open_files(window, "photos", "Photos", "*.jpg")
    assert file_dialogs.open_files(window, "photos", "Photos", "*.jpg")
    assert asked == [expected, str(chosen)]  # then the folder last used for photos
    assert file_dialogs.start_folder("documents") != str(chosen)  # per purpose


def test_qt_own_words_in_a_file_dialog_are_french(qtbot):
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Voir dans :", "&Type de fichier :"} <= texts  # Qt's own words, in French
    assert not {"&Look in:", "Files of &type:"} & texts


def test_the_shared_folder_label_shows_no_ampersand(window, qtbot):
    from desktop.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog({}, window)
    qtbot.addWidget(dialog)
    (label,) = [w for w in dialog.findChildren(QLabel) if "Dossier partagé" in w.text()]
    assert isinstance(label.buddy(), QLineEdit)  # « &D » underlines D, Alt+D goes there


def test_a_change_by_a_command_leaves_the_suivi_shown(venue_with_visits, qtbot, data_dir):
    from tests.headless import run_carnet

    window, venue_id, _older, latest = venue_with_visits
    window.open_visit(latest, venue_id)
    window.show_followup()
    followup = window.pages.currentWidget()
    done = run_carnet(data_dir, "set", latest, "economic_notes=Mis à jour")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(
        lambda: window.store.get_visit(latest).data.get("economic_notes") == "Mis à jour"
    )
    qtbot.wait(1500)  # the change hub's next look
    assert window.pages.currentWidget() is followup
    assert window.browser.current_visit_id() == latest  # still selected in the list


def test_a_new_visit_opens_at_its_top(venue_with_visits, qtbot):
    window, venue_id, _older, latest = venue_with_visits
    window.open_visit(latest, venue_id)
    form = window.visit_editor.form
    form.scroll_to_section_index(4)  # somewhere down the previous visit
    assert form.scroll.verticalScrollBar().value() > 0
    window.new_visit()
    qtbot.wait(50)  # after the layout pass
    assert window.visit_editor.record_id not in {latest, _older}
    assert form.scroll.verticalScrollBar().value() == 0  # « Visite » heading shown
    assert QApplication.focusWidget() is form.editor("visit_type").combo


def test_the_visit_list_shows_its_state_column_whole(venue_with_visits):
    window, venue_id, _older, latest = venue_with_visits
    window.store.update_visit(latest, {"visit_date": "pas une date", "staff_fte": "beaucoup"})
    window.open_venue(venue_id)
    view = window.browser.visit_view
    row = window.browser.visits.row_of(latest)
    text = window.browser.visits.index(row, 4).data()
    assert text == "⚠ 2 à corriger"
    needed = view.fontMetrics().horizontalAdvance(text)
    assert view.columnWidth(4) >= needed  # never « ⚠ 1 à corr… »
