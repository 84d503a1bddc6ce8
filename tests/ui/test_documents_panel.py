"""The venue's governance documents as a facilitator uses them: attach, sort, date, open."""

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.media.documents import DOCUMENT_TYPES, DocumentLibrary
from desktop.core.storage.workspace import open_workspace
from desktop.ui.views.documents_panel import DOCUMENT_ROLE, DocumentsPanel
from tests.ui.conftest import drop_files

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning without a modal: (title, text) of each call."""
    shown = []

    def warning(_parent, title, text, *_args):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


@pytest.fixture
def workspace(data_dir):
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def venue_page(qtbot, workspace, warnings):
    """The documents panel on a venue with no document: (workspace, panel, venue id).

    The panel is built on its own, as VenueEditor builds it, so these tests do not
    depend on the rest of the venue page.
    """
    venue = workspace.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    panel = DocumentsPanel(workspace.store, workspace.media)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_venue(venue.id)
    return workspace, panel, venue.id


def pdf(folder: Path, name: str, tail: bytes = b"contenu") -> Path:
    path = folder / name
    path.write_bytes(PDF + tail)
    return path


def office(folder: Path, name: str) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def library(workspace) -> DocumentLibrary:
    return DocumentLibrary(workspace.store, workspace.media)


def select(panel, name):
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == name:
                panel.tree.setCurrentItem(group.child(j))
                return group.child(j)
    raise AssertionError(f"{name} n'est pas dans la liste")


def set_date(qtbot, date_field, text):
    line_edit = date_field.line
    line_edit.setFocus()
    line_edit.clear()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


# ---------------------------------------------------------------- attaching
def test_batch_with_bad_files_keeps_the_good_ones(venue_page, tmp_path, warnings):
    ws, panel, venue_id = venue_page
    statuts = pdf(tmp_path, "Statuts 2023.pdf")
    reglement = office(tmp_path, "Règlement intérieur.docx")
    fake = tmp_path / "Bail mairie.pdf"
    fake.write_text("Ceci est un texte renommé en PDF")
    empty = tmp_path / "charte.odt"
    empty.write_bytes(b"")
    vanished = tmp_path / "PV AG disparu.pdf"
    outcomes = panel.attach_paths([statuts, fake, reglement, empty, vanished])

    assert [o.status for o in outcomes] == ["attached", "refused", "attached", "refused", "refused"]
    assert panel.document_items() == {
        "Statuts (1)": ["Statuts 2023.pdf"],
        "Règlement intérieur (1)": ["Règlement intérieur.docx"],
    }
    report = panel.last_report
    assert "2 documents joints." in report
    assert "Bail mairie.pdf : ce n'est pas un PDF lisible (fichier abîmé ou renommé)." in report
    assert "charte.odt : fichier vide (0 octet)." in report
    assert "PV AG disparu.pdf : lecture impossible (le fichier a disparu)." in report
    assert panel.status.text() == report
    [(title, text)] = warnings  # one box for the whole batch
    assert title == "Documents non joints"
    for name in ("Bail mairie.pdf", "charte.odt", "PV AG disparu.pdf"):
        assert name in text
    assert "Statuts 2023.pdf" not in text
    assert len(library(ws).list_documents(venue_id)) == 2


def test_a_file_named_with_a_placeholder_keeps_its_name_in_the_message(
    venue_page, tmp_path, warnings, monkeypatch
):
    _ws, panel, _venue_id = venue_page

    def disk_full(venue_id, path):
        raise OSError("disque plein")

    monkeypatch.setattr(panel.library, "attach", disk_full)
    [outcome] = panel.attach_paths([pdf(tmp_path, "rapport %2.pdf")])
    assert outcome.status == "refused"
    assert outcome.message == "rapport %2.pdf : impossible de joindre ce fichier (disque plein)."
    [(_title, text)] = warnings
    assert "rapport %2.pdf : impossible" in text


def test_a_good_batch_shows_no_message_box(venue_page, tmp_path, warnings):
    _ws, panel, _venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf")])
    assert warnings == []
    assert panel.last_report == "1 document joint."
    assert panel.tree.currentItem().text(0) == "Statuts.pdf"  # the new one is selected


def test_same_pdf_twice_is_stored_once_and_reported_as_duplicate(venue_page, tmp_path, warnings):
    ws, panel, venue_id = venue_page
    source = pdf(tmp_path, "Statuts.pdf")
    panel.attach_paths([source])
    copy = tmp_path / "Statuts (copie).pdf"
    copy.write_bytes(source.read_bytes())
    [outcome] = panel.attach_paths([copy])
    assert outcome.status == "duplicate"
    assert panel.last_report == "Statuts (copie).pdf : déjà joint à ce lieu (doublon)."
    assert warnings == []  # a duplicate is not an error
    assert panel.document_items() == {"Statuts (1)": ["Statuts.pdf"]}
    assert len(library(ws).list_documents(venue_id)) == 1
    stored = [p for p in (ws.media.root / "documents").rglob("*") if p.is_file()]
    assert len(stored) == 1


def test_file_dialog_offers_the_supported_formats(venue_page, tmp_path, monkeypatch):
    _ws, panel, _venue_id = venue_page
    chosen = [str(pdf(tmp_path, "Charte.pdf")), str(office(tmp_path, "Convention.docx"))]
    asked = []

    def get_open_file_names(parent, caption, folder, filters):
        asked.append(filters)
        return chosen, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    panel.attach_button.click()
    for pattern in ("*.pdf", "*.odt", "*.docx", "*.xlsx", "*.png", "*.jpg"):
        assert pattern in asked[0]
    assert panel.document_items() == {
        "Charte (1)": ["Charte.pdf"],
        "Convention d'occupation / bail (1)": ["Convention.docx"],
    }


def test_dropped_files_are_attached(venue_page, tmp_path):
    _ws, panel, _venue_id = venue_page
    files = [pdf(tmp_path, "Délibération CM.pdf"), office(tmp_path, "Comptes 2024.docx")]
    assert drop_files(panel, files) == (True, True)
    assert panel.document_items() == {
        "Délibération (1)": ["Délibération CM.pdf"],
        "Comptes annuels (1)": ["Comptes 2024.docx"],
    }


def test_drag_without_files_is_ignored(venue_page):
    _ws, panel, _venue_id = venue_page
    assert drop_files(panel, []) == (False, False)


# ---------------------------------------------------------------- listing
def test_tree_groups_by_type_in_the_list_order(venue_page, tmp_path):
    _ws, panel, _venue_id = venue_page
    names = ["Divers.pdf", "PV AG 2024.pdf", "Comptes 2023.pdf", "Bail.pdf", "Charte.pdf",
             "Statuts.pdf", "PV AG 2023.pdf"]  # fmt: skip
    panel.attach_paths([pdf(tmp_path, name, name.encode()) for name in names])
    titles = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert titles == ["Statuts (1)", "Charte (1)", "Convention d'occupation / bail (1)",
                      "Comptes annuels (1)", "PV d'assemblée (2)", "Autre (1)"]  # fmt: skip
    order = [title for _, title in DOCUMENT_TYPES]
    assert titles == sorted(titles, key=lambda t: order.index(t.rsplit(" (", 1)[0]))
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        assert group.isExpanded() and group.font(0).bold()
        assert group.data(0, DOCUMENT_ROLE) is None
        assert not group.flags() & Qt.ItemFlag.ItemIsSelectable
        assert not group.child(0).icon(0).isNull()  # a file-type icon


def test_each_venue_shows_its_own_documents(venue_page, tmp_path):
    ws, panel, venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf")])
    other = ws.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    panel.show_venue(other.id)
    assert panel.document_items() == {}
    assert not panel.editor.isEnabled() and not panel.open_button.isEnabled()
    panel.show_venue(venue_id)
    assert panel.document_items() == {"Statuts (1)": ["Statuts.pdf"]}


# ---------------------------------------------------------------- editing
def test_changing_the_type_moves_the_document_and_is_saved(venue_page, tmp_path, data_dir):
    _ws, panel, venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf"), pdf(tmp_path, "scan-0042.pdf", b"2")])
    assert panel.document_items() == {
        "Statuts (1)": ["Statuts.pdf"],
        "Autre (1)": ["scan-0042.pdf"],
    }
    select(panel, "scan-0042.pdf")
    assert panel.doc_type.currentData() == "autre"
    panel.doc_type.setCurrentIndex(panel.doc_type.findData("charte"))
    assert panel.document_items() == {
        "Statuts (1)": ["Statuts.pdf"],
        "Charte (1)": ["scan-0042.pdf"],
    }
    assert panel.tree.currentItem().text(0) == "scan-0042.pdf"  # still the one being edited
    reopened = open_workspace(data_dir)  # another connection: the change is committed
    try:
        documents = DocumentLibrary(reopened.store, reopened.media).list_documents(venue_id)
        assert {d.original_name: d.doc_type for d in documents} == {
            "Statuts.pdf": "statuts", "scan-0042.pdf": "charte",
        }  # fmt: skip
    finally:
        reopened.close()


def test_document_date_accepts_iso_and_french_dates_and_refuses_bad_ones(
    venue_page, tmp_path, qtbot
):
    ws, panel, venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf")])
    select(panel, "Statuts.pdf")
    assert not panel.end_date.isEnabled()  # statuts have no end date
    set_date(qtbot, panel.doc_date, "2023-11-04")
    assert library(ws).list_documents(venue_id)[0].doc_date == "2023-11-04"
    assert select(panel, "Statuts.pdf").text(1) == "04/11/2023"
    set_date(qtbot, panel.doc_date, "15/01/2024")
    assert library(ws).list_documents(venue_id)[0].doc_date == "2024-01-15"
    assert panel.doc_date.line.text() == "15/01/2024"
    set_date(qtbot, panel.doc_date, "11022025")
    assert library(ws).list_documents(venue_id)[0].doc_date == "2025-02-11"
    assert panel.doc_date.line.text() == "11/02/2025"
    set_date(qtbot, panel.doc_date, "30/02/2024")
    assert panel.status.text() == "Date non enregistrée : « 30/02/2024 » n'est pas une date."
    assert library(ws).list_documents(venue_id)[0].doc_date == "2025-02-11"
    assert panel.doc_date.line.text() == "30/02/2024"  # kept as typed, never replaced
    panel.doc_type.setFocus()  # leaving it: flagged, with its message
    assert panel.doc_date.message.isVisibleTo(panel) and panel.doc_date.is_flagged()
    panel.doc_date.line.setFocus()
    qtbot.keyClick(panel.doc_date.line, Qt.Key.Key_Delete)  # Suppr empties it
    assert library(ws).list_documents(venue_id)[0].doc_date is None
    set_date(qtbot, panel.doc_date, "")
    assert library(ws).list_documents(venue_id)[0].doc_date is None
    assert select(panel, "Statuts.pdf").text(1) == ""


@pytest.fixture
def agreement(venue_page, tmp_path):
    """A venue with two visits and a « convention d'occupation / bail » selected."""
    ws, panel, venue_id = venue_page
    older = ws.store.create_visit(venue_id, "2024-05-02")
    latest = ws.store.create_visit(venue_id, "2025-03-14")
    panel.attach_paths([pdf(tmp_path, "Convention AOT mairie.pdf")])
    select(panel, "Convention AOT mairie.pdf")
    assert panel.doc_type.currentData() == "convention_occupation"
    assert panel.end_date.isEnabled()
    return ws, panel, older.id, latest.id


def test_agreement_end_date_fills_the_latest_visit_when_the_user_agrees(agreement, qtbot):
    ws, panel, older_id, latest_id = agreement
    asked = []
    panel._confirm_fill_occupation = lambda date_text: asked.append(date_text) or True
    set_date(qtbot, panel.end_date, "2027-06-30")
    assert asked == ["30/06/2027"]
    assert ws.store.get_visit(latest_id).data.get("end_date") == "2027-06-30"
    assert ws.store.get_visit(older_id).data.get("end_date") is None
    assert "Lieu et occupation" in panel.status.text() and "14/03/2025" in panel.status.text()
    assert select(panel, "Convention AOT mairie.pdf").text(2) == "30/06/2027"
    doc = library(ws).list_documents(panel.venue_id)[0]
    assert doc.end_date == "2027-06-30"
    panel.end_date.line.editingFinished.emit()  # focus leaves after Return: no second question
    assert asked == ["30/06/2027"]


def test_agreement_end_date_goes_to_the_latest_visit_not_a_later_meeting(agreement, qtbot):
    """A meeting's minutes have no « Lieu et occupation »: the latest visit gets the date."""
    ws, panel, _older_id, latest_id = agreement
    meeting = ws.store.create_record(panel.venue_id, "governance-meeting", "2026-01-20")
    panel._confirm_fill_occupation = lambda date_text: True
    set_date(qtbot, panel.end_date, "2027-06-30")
    assert ws.store.get_visit(latest_id).data.get("end_date") == "2027-06-30"
    assert "end_date" not in ws.store.get_visit(meeting.id).data
    assert "14/03/2025" in panel.status.text()


def test_agreement_end_date_leaves_the_visit_alone_when_the_user_refuses(agreement, qtbot):
    ws, panel, _older_id, latest_id = agreement
    ws.store.update_visit(latest_id, {"end_date": "2026-12-31"})
    asked = []
    panel._confirm_fill_occupation = lambda date_text: asked.append(date_text) or False
    set_date(qtbot, panel.end_date, "2027-06-30")
    assert asked == ["30/06/2027"]
    assert ws.store.get_visit(latest_id).data.get("end_date") == "2026-12-31"
    doc = library(ws).list_documents(panel.venue_id)[0]
    assert doc.end_date == "2027-06-30"  # the document keeps its own date


def test_confirmation_question_text(agreement, monkeypatch):
    _ws, panel, _older_id, _latest_id = agreement
    asked = []

    def question(_parent, title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert panel._confirm_fill_occupation("30/06/2027") is False
    assert asked == ["Reporter cette date de fin (30/06/2027) dans la section « Lieu et "
                     "occupation » de la dernière visite de ce lieu ?"]  # fmt: skip


def test_agreement_end_date_without_any_visit_says_so(venue_page, tmp_path, qtbot):
    _ws, panel, _venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Bail commercial.pdf")])
    select(panel, "Bail commercial.pdf")
    asked = []
    panel._confirm_fill_occupation = lambda date_text: asked.append(date_text) or True
    set_date(qtbot, panel.end_date, "2029-01-31")
    assert asked == []
    assert "pas encore de visite" in panel.status.text()


def test_end_date_is_only_for_agreements(venue_page, tmp_path):
    _ws, panel, _venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Charte.pdf")])
    select(panel, "Charte.pdf")
    assert not panel.end_date.isEnabled()
    panel.doc_type.setCurrentIndex(panel.doc_type.findData("convention_occupation"))
    assert panel.end_date.isEnabled()


# ---------------------------------------------------------------- opening, deleting
def test_open_hands_the_stored_file_to_the_system_viewer(venue_page, tmp_path):
    ws, panel, venue_id = venue_page
    opened = []
    panel.open_url = lambda url: opened.append(url) or True
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf")])
    document = library(ws).list_documents(venue_id)[0]
    assert panel.open_document(document.id)
    [url] = opened
    assert url.scheme() == "file" and url.isLocalFile()
    assert Path(url.toLocalFile()) == Path(document.path)
    assert Path(url.toLocalFile()).read_bytes() == PDF + b"contenu"
    item = select(panel, "Statuts.pdf")
    panel.open_button.click()
    panel.tree.itemDoubleClicked.emit(item, 0)
    assert len(opened) == 3


def test_open_a_missing_file_says_so(venue_page, tmp_path):
    ws, panel, venue_id = venue_page
    opened = []
    panel.open_url = lambda url: opened.append(url) or True
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf")])
    document = library(ws).list_documents(venue_id)[0]
    Path(document.path).unlink()
    assert not panel.open_document(document.id)
    assert opened == []
    assert "introuvable" in panel.status.text()


def test_delete_removes_it_from_the_list(venue_page, tmp_path):
    ws, panel, venue_id = venue_page
    panel.attach_paths([pdf(tmp_path, "Statuts.pdf"), pdf(tmp_path, "Charte.pdf", b"2")])
    select(panel, "Charte.pdf")
    panel.delete_button.click()
    assert panel.document_items() == {"Statuts (1)": ["Statuts.pdf"]}
    assert panel.status.text() == "Document mis à la corbeille"
    assert [d.original_name for d in library(ws).list_documents(venue_id)] == ["Statuts.pdf"]
    assert not panel.delete_button.isEnabled()  # nothing selected any more
    panel.undo_button.click()
    assert panel.document_items() == {"Statuts (1)": ["Statuts.pdf"], "Charte (1)": ["Charte.pdf"]}


# ---------------------------------------------------------------- on the venue page
def test_venue_page_shows_the_documents_section(window, tmp_path, warnings):
    try:
        import desktop.ui.views.document_editor  # noqa: F401
    except ImportError as error:  # the photo panel's modules are being written
        pytest.skip(f"page du lieu indisponible : {error}")
    venue = window.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    DocumentLibrary(window.store, window.workspace.media).attach(
        venue.id, pdf(tmp_path, "Statuts.pdf")
    )
    window.show_venue(venue.id)
    panel = window.venue_editor.documents
    assert isinstance(panel, DocumentsPanel)
    assert panel.document_items() == {"Statuts (1)": ["Statuts.pdf"]}
