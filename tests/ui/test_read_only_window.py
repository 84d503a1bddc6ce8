"""A read-only data folder in the window: a banner, nothing saved, nothing replaced."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel  # noqa: E402

from desktop.app import create_window  # noqa: E402
from desktop.core.storage.workspace import open_workspace  # noqa: E402
from desktop.ui.dialogs.damaged_start import open_or_recover  # noqa: E402
from tests.read_only_folder import read_only  # noqa: E402
from tests.ui.conftest import type_text  # noqa: E402


def test_the_window_shows_a_banner_and_saves_nothing(qtbot, data_dir):
    ws = open_workspace(data_dir)
    venue = ws.store.create_venue({"name": "La Ferme du Bourg"})
    visit = ws.store.create_visit(venue.id, "2026-11-20")
    ws.close()
    before = (data_dir / "carnet.sqlite").read_bytes()
    with read_only(data_dir):

        def never_asked(*_args):
            raise AssertionError("a read-only folder is not damaged: nothing to replace")

        workspace = open_or_recover(data_dir, ask=never_asked)
        assert workspace is not None and workspace.read_only
        window = create_window(workspace)
        qtbot.addWidget(window)
        window.show()
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and "lecture seule" in banner.text()
        assert window.sync.controller.watcher is None  # no sync pass on this folder
        window.open_visit(visit.id, venue.id)
        type_text(window.visit_editor.form.editor("facilitator").line, " et Camille")
        window.visit_editor.autosaver.save_now()
        qtbot.waitUntil(lambda: "lecture seule" in window.statusBar().currentMessage())
        assert "Camille" not in window.store.get_visit(visit.id).data.get("facilitator", "")
        window.close()
        workspace.close()
    assert (data_dir / "carnet.sqlite").read_bytes() == before
