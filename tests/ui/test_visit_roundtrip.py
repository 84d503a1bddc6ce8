"""Create a venue, fill every kind of field through the widgets, reopen: all is there."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from tests.ui.conftest import accept_next_dialog, type_text


def create_venue_through_dialog(window, qtbot, name, commune):
    def fill(dialog):
        type_text(dialog.name, name)
        type_text(dialog.commune, commune)
        dialog.accept()

    accept_next_dialog(qtbot, fill)
    window.new_venue()


def choose(editor, value):
    index = editor.combo.findData(value)
    editor.combo.setCurrentIndex(index)
    editor.combo.activated.emit(index)


def wait_saved(window, qtbot):
    qtbot.waitUntil(lambda: not window.visit_editor.autosaver.has_pending, timeout=2000)


def test_every_field_type_survives_closing_the_window(open_window, qtbot):
    window = open_window()
    create_venue_through_dialog(window, qtbot, "Le Moulin Fabrique", "Felletin")
    assert window.browser.venues.venues[0].name == "Le Moulin Fabrique"
    window.new_visit()
    form = window.visit_editor.form

    type_text(form.editor("facilitator").line, " et Camille")  # text
    type_text(form.editor("decision_making").box, "CA collégial, 9 membres.\nBureau.")
    choose(form.editor("visit_type"), "suivi")  # select
    choose(form.editor("pmr_access"), True)  # yes/no
    choose(form.editor("fibre"), False)
    qtbot.mouseClick(form.editor("activity_types").boxes["fablab_makerspace_hackerspace"],
                     Qt.MouseButton.LeftButton)  # fmt: skip
    qtbot.keyClicks(form.editor("staff_fte").line, "2,5")  # number with unit
    qtbot.keyClicks(form.editor("volunteers").line, "12")  # integer
    form.editor("end_date").field.line.setText("30/06/2026")  # date
    form.editor("end_date").field.line.editingFinished.emit()
    actions = form.editor("actions")  # table
    actions.add_row()
    actions.table.item(0, 0).setText("Relancer la commune")
    actions.table.item(0, 1).setText("Camille")
    actions.table.item(0, 2).setText("2026-01-15")
    delegate = actions.table.itemDelegateForColumn(3)
    combo = delegate.createEditor(actions.table, None, actions.table.model().index(0, 3))
    combo.setCurrentIndex(combo.findData("en_cours"))
    delegate.setModelData(combo, actions.table.model(), actions.table.model().index(0, 3))
    actions.table.itemChanged.emit(actions.table.item(0, 3))
    wait_saved(window, qtbot)
    visit_id = window.visit_editor.record_id
    window.close()

    reopened = open_window()
    reopened.browser.select_venue(reopened.browser.venues.venues[0].id)
    reopened.browser.select_visit(visit_id)
    form = reopened.visit_editor.form
    assert reopened.visit_editor.record_id == visit_id
    assert form.editor("facilitator").value().endswith(" et Camille")
    assert form.editor("decision_making").value() == "CA collégial, 9 membres.\nBureau."
    assert form.editor("visit_type").combo.currentText() == "Suivi"
    assert form.editor("pmr_access").value() is True
    assert form.editor("fibre").value() is False
    assert form.editor("activity_types").value() == ["fablab_makerspace_hackerspace"]
    box = form.editor("activity_types").boxes["fablab_makerspace_hackerspace"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    assert form.editor("staff_fte").line.text() == "2,5"
    assert form.editor("staff_fte").value() == 2.5
    assert form.editor("volunteers").value() == 12
    assert form.editor("end_date").value() == "2026-06-30"
    assert form.editor("actions").value() == [
        {"what": "Relancer la commune", "who": "Camille", "due": "2026-01-15", "status": "en_cours"}
    ]
    assert form.editor("actions").table.item(0, 3).text() == "En cours"
