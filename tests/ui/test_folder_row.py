"""The « Choisir… » rows of the first-run and preferences dialogs: a path picked replaces
the line's text, nothing picked (the dialog cancelled) leaves what was typed."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.ui.dialogs.first_run_dialog import FirstRunDialog
from desktop.ui.dialogs.folder_row import path_row
from desktop.ui.dialogs.preferences_dialog import PreferencesDialog


def test_a_path_picked_replaces_the_text_and_a_cancel_keeps_it(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    answers = [str(tmp_path / "Partage"), ""]
    seen = []

    def choose(line):
        seen.append(line.text())
        return answers.pop(0)

    row, line = path_row("/ancien", "Aucun", "Dossier partagé", choose)
    parent.setLayout(row)
    button = parent.findChild(QPushButton)
    assert button.accessibleName() == "Choisir : Dossier partagé"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert line.text() == str(tmp_path / "Partage") and seen == ["/ancien"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # cancelled: the text stays
    assert line.text() == str(tmp_path / "Partage")


def test_both_dialogs_keep_their_folder_fields(qtbot, tmp_path):
    first = FirstRunDialog({"shared_folder": "/partage"}, tmp_path)
    preferences = PreferencesDialog(
        {"shared_folder": "/partage", "backup_second_dir": "/cle", "network_logo": "/logo.png"},
        data_dir=tmp_path,
    )
    qtbot.addWidget(first), qtbot.addWidget(preferences)
    assert first.shared.text() == "/partage" and first.shared.objectName() == "shared_folder"
    assert preferences.values()["shared_folder"] == "/partage"
    assert preferences.values()["network_logo"] == "/logo.png"
    assert preferences.values()["backup_second_dir"] == "/cle"
    assert len(preferences.findChildren(QPushButton)) >= 3  # logo, shared folder, second copy


def test_the_first_run_asks_the_name_first_and_tabs_down_the_form(qtbot, tmp_path):
    dialog = FirstRunDialog({}, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.user_name)
    order = [dialog.focusWidget()]
    for _ in range(3):  # Tab, as a user goes down the form
        qtbot.keyClick(order[-1], Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order[:3] == [dialog.user_name, dialog.network, dialog.shared]
    assert isinstance(order[3], QPushButton) and order[3].text() == "Choisir…"
