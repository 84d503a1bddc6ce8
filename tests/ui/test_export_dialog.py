"""Fichier › « Exporter… » (Ctrl+E): the options dialog, the save dialog, the background export."""

import json
from datetime import date

import openpyxl
from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from desktop.ui.dialogs.export_dialog import ExportChoice, ExportDialog
from tests.ui.conftest import accept_next_dialog


def test_the_dialog_defaults_to_every_venue_all_dates_and_no_personal_data(qtbot):
    dialog = ExportDialog(("v1", "Le Moulin Fabrique"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choice() == ExportChoice("xlsx")
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
        "xlsx", "csv", "json"]  # fmt: skip
    assert dialog.venue.itemText(1) == "Ce lieu : Le Moulin Fabrique"
    assert not dialog.date_from.isEnabled() and not dialog.warning.isVisible()
    dialog.personal.setChecked(True)
    assert dialog.warning.isVisible() and "RGPD" in dialog.warning.text()


def test_the_dialog_gives_the_venue_the_period_and_the_format(qtbot):
    dialog = ExportDialog(("v1", "Le Moulin Fabrique"))
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(1)
    dialog.venue.setCurrentIndex(1)
    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(QDate(2025, 1, 1))
    dialog.use_to.setChecked(True)
    dialog.date_to.setDate(QDate(2025, 6, 30))
    assert dialog.date_from.isEnabled() and dialog.date_to.isEnabled()
    assert dialog.choice() == ExportChoice("csv", ("v1",), date(2025, 1, 1), date(2025, 6, 30))
    dialog.format.setCurrentIndex(2)  # JSON: everything, no filter
    assert not dialog.venue.isEnabled() and not dialog.date_from.isEnabled()
    assert dialog.choice() == ExportChoice("json")
    assert "personnes rencontrées" in dialog.scope_note.text()


def export_action(window) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+E")


def test_ctrl_e_exports_the_current_venue_as_a_workbook_in_the_background(
    window, qtbot, tmp_path, monkeypatch
):
    store = window.store
    moulin = store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    other = store.create_venue({"name": "Café Ô Champ", "commune": "Aubusson"})
    visit = store.create_visit(moulin.id, "2025-03-14")
    store.update_visit(visit.id, {"people_met": [{"role": "présidente", "name": "Marie"}],
                                  "actions": [{"what": "Relancer la commune"}]})  # fmt: skip
    store.create_visit(other.id, "2025-04-01")
    window.browser.reload_venues()
    window.browser.select_venue(moulin.id)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: asked.append(args) or (str(tmp_path / "moulin"), ""))  # fmt: skip
    assert export_action(window).text() == "&Exporter…"

    def fill(dialog):
        dialog.venue.setCurrentIndex(1)
        dialog.accept()

    accept_next_dialog(qtbot, fill)
    export_action(window).trigger()
    qtbot.waitUntil(lambda: "Exporté" in window.statusBar().currentMessage(), timeout=10000)
    path = tmp_path / "moulin.xlsx"  # the extension is added
    assert window.statusBar().currentMessage() == (f"Exporté : 1 fiche, 1 action, 1 lieu → {path}")
    assert asked[0][3] == "Classeur Excel (*.xlsx)"
    header, *rows = openpyxl.load_workbook(path)["Visites"].iter_rows(values_only=True)
    assert [r[0] for r in rows] == ["Le Moulin Fabrique"]
    cells = [str(c) for row in rows for c in row if c is not None]
    assert "présidente" in cells and not any("Marie" in c for c in cells)  # role, no name


def test_ctrl_e_still_writes_the_lossless_json(window, qtbot, tmp_path, monkeypatch):
    venue = window.store.create_venue({"name": "Le Moulin Fabrique", "commune": "Felletin"})
    window.store.create_visit(venue.id, "2025-03-14")
    target = tmp_path / "echange.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))

    def fill(dialog):
        dialog.format.setCurrentIndex(2)
        dialog.accept()

    accept_next_dialog(qtbot, fill)
    export_action(window).trigger()
    qtbot.waitUntil(lambda: "→" in window.statusBar().currentMessage(), timeout=10000)
    assert window.statusBar().currentMessage().endswith(f"→ {target}")
    assert len(json.loads(target.read_text("utf-8"))["visits"]) == 1


def test_cancelling_the_save_dialog_exports_nothing(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    accept_next_dialog(qtbot, lambda dialog: dialog.accept())
    export_action(window).trigger()
    assert list(tmp_path.glob("*.xlsx")) == []
    assert "Exporté" not in window.statusBar().currentMessage()
