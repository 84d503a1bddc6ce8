"""With English chosen, the form, the lists and the Suivi show the template's English
texts; the PDF dialog offers the sheet in French whatever the interface's language."""

import io
import re

import pytest
from pypdf import PdfReader

from desktop.app import create_window
from desktop.core.storage.workspace import open_workspace
from tests.ui.conftest import accept_next_dialog


@pytest.fixture
def english_window(qtbot, data_dir):
    workspace = open_workspace(data_dir)
    workspace.set_setting("identity_confirmed", "1")
    workspace.use_language("en")  # as run_app does when English is chosen
    window = create_window(workspace)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    workspace.close()


def _visit(window):
    store = window.store
    venue = store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = store.create_visit(venue.id, "2025-02-11")
    store.update_visit(
        visit.id,
        {"visit_type": "suivi", "actions": [{"what": "Relancer la mairie", "status": "a_faire"}]},
    )
    window.open_visit(visit.id, venue.id)
    return visit


def test_the_form_and_the_visit_list_speak_english(english_window):
    window = english_window
    _visit(window)
    form = window.visit_editor.form
    assert form.section_boxes["gouvernance"].title() == "Governance"
    assert form.navigation.item(1).text() == "Activities and audiences"
    combo = form.editor("visit_type").combo
    assert combo.currentText() == "Follow-up"
    assert "Learning visit" in [combo.itemText(i) for i in range(combo.count())]
    table = form.editor("actions").table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Action", "Responsible", "Due date", "Status"]
    assert window.browser.visits.index(0, 1).data() == "Follow-up"
    stored = window.store.get_visit(window.visit_editor.record_id).data
    assert stored["visit_type"] == "suivi"  # the stored values do not change


def test_the_suivi_shows_english_statuses(english_window, qtbot):
    window = english_window
    _visit(window)
    window.show_followup()
    view = window.followup
    qtbot.waitUntil(lambda: view.data is not None and not view.loading.isVisible(), timeout=3000)
    statuses = [view.status.itemText(i) for i in range(view.status.count())]
    assert {"To do", "In progress", "Done"} <= set(statuses)
    model = view.actions_model
    texts = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(5)}
    assert "To do" in texts and "À faire" not in texts


def test_the_pdf_dialog_makes_the_sheet_in_french_whatever_the_interface(english_window, qtbot):
    window = english_window
    _visit(window)
    opened = []
    window.open_url = lambda url: opened.append(url.toLocalFile()) or True

    def in_french(dialog):
        assert dialog.language.currentData() == "en"  # the interface's, by default
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        dialog.accept()

    accept_next_dialog(qtbot, in_french)
    window.sheets.generate_with_options()
    qtbot.waitUntil(lambda: window.sheets.ready is not None, timeout=10000)
    data = window.sheets.ready.path.read_bytes()
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )
    assert "Type de visite Suivi" in text and "Suites à donner" in text
    first = window.sheets.ready
    window.generate_pdf()  # Ctrl+P: the interface's language
    qtbot.waitUntil(lambda: window.sheets.ready not in (None, first), timeout=10000)
    data = window.sheets.ready.path.read_bytes()
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )
    assert "Visit type Follow-up" in text and "Next steps" in text
