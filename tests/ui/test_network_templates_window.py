"""A network template arriving while the window is open: the open visit is shown again in
the new form, its fields of the previous version apart; a refusal shows in the panel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QPlainTextEdit, QPushButton  # noqa: E402

from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.core.sync.engine import SHARED_FOLDER  # noqa: E402
from tests.sync.network_template_files import (  # noqa: E402
    REMOVED,
    RENAMED_FROM,
    RENAMED_TO,
    drop,
    visit_sheet_v2,
)


def a_version_1_visit(data_dir, share) -> tuple[str, str]:
    workspace = open_workspace(data_dir)
    workspace.set_setting(SHARED_FOLDER, str(share))
    venue = workspace.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    visit = workspace.store.create_visit(venue.id, "2026-11-20")
    workspace.store.update_visit(
        visit.id, {REMOVED: "Commune de Guéret", RENAMED_FROM: "Collégiale mensuelle"}
    )
    workspace.close()
    return venue.id, visit.id


def test_a_new_version_reshapes_the_open_visit_and_keeps_its_old_fields(
    qtbot, tmp_path, data_dir, open_window
):
    share = tmp_path / "partage"
    share.mkdir()
    venue_id, visit_id = a_version_1_visit(data_dir, share)
    window = open_window()
    controller = window.sync.controller
    qtbot.waitUntil(lambda: controller.last_report is not None, timeout=15000)
    window.open_visit(visit_id, venue_id)
    assert not window.editors.visit.form.earlier.isVisibleTo(window)  # version 1: none apart

    drop(share, "visit-sheet.schema.json", visit_sheet_v2())
    drop(share, "atelier.schema.json", "{ pas du JSON }")
    controller.last_report = None
    controller.sync_now()
    qtbot.waitUntil(lambda: controller.last_report is not None, timeout=15000)
    qtbot.waitUntil(lambda: window.editors.visit.form.template.version == 2, timeout=5000)

    editor = window.editors.visit
    assert editor.record_id == visit_id and window.pages.currentWidget() is editor
    assert editor.form.editor(RENAMED_TO).value() == "Collégiale mensuelle"  # mapped
    box = editor.form.earlier
    assert box.isVisibleTo(window) and box.title() == "Champs d'une version précédente"
    removed = box.findChild(QPlainTextEdit, f"earlier_{REMOVED}")
    assert removed.isReadOnly() and removed.toPlainText() == "Commune de Guéret"
    box.findChild(QPushButton, f"copy_{REMOVED}").click()
    assert QGuiApplication.clipboard().text() == "Commune de Guéret"
    assert window.store.get_visit(visit_id).data[REMOVED] == "Commune de Guéret"
    navigation = editor.form.navigation
    sections = [navigation.item(i).text() for i in range(navigation.count())]
    assert sections[-2:] == ["Champs d'une version précédente", "Photos"]
    navigation.setCurrentRow(len(sections) - 2)  # the list takes the reader to the box
    bar = editor.form.scroll.verticalScrollBar()  # (the end of the page stops it)
    assert bar.value() == min(box.y(), bar.maximum()) and bar.value() > 0
    assert box.y() - bar.value() < editor.form.scroll.viewport().height()  # in view

    # A colleague still on version 1 edits the old fields: shown here without reopening.
    window.store.update_visit(visit_id, {REMOVED: "Région", RENAMED_FROM: "AG annuelle"})

    def refreshed():
        value = editor.form.earlier.findChild(QPlainTextEdit, f"earlier_{REMOVED}")
        assert value is not None and value.toPlainText() == "Région"
        assert editor.form.editor(RENAMED_TO).value() == "AG annuelle"

    qtbot.waitUntil(refreshed, timeout=5000)

    window.sync.show_panel()
    panel = window.sync.panel
    tab = panel.tabs.indexOf(panel.templates)
    assert panel.tabs.tabText(tab) == "Modèles du réseau (1 refusé(s))"
    table = panel.templates.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows[0][:2] == ["atelier.schema.json", "Refusé"]
    assert "pas du JSON valide" in rows[0][2]
    assert rows[1][:2] == ["visit-sheet.schema.json", "Reçu : « visit-sheet », version 2"]
    assert "« Fiche de visite » (version 2)" in panel.templates.in_use.text()
