"""« Générer la fiche PDF » (Ctrl+P) from the app: rendered in the background, then
« Ouvrir », « Ouvrir le dossier », « Enregistrer sous… » offered."""

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QAction


def _sheet_ready(window, qtbot):
    qtbot.waitUntil(
        lambda: window.sheets.ready is not None and window.sheets.ready.isVisible(), timeout=10000
    )
    return window.sheets.ready


def test_ctrl_p_writes_the_sheet_and_opens_it(window, qtbot):
    venue = window.store.create_venue({"name": "Café Ô Champ", "commune": "Aubusson"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    window.workspace.set_setting("network_name", "Réseau Creusois")
    opened = []
    window.open_url = lambda url: opened.append(url.toLocalFile()) or True
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+P")
    action.trigger()
    ready = _sheet_ready(window, qtbot)
    assert not ready.isModal() and opened == []  # nothing opened behind the user's back
    assert [ready.open_button.text(), ready.folder_button.text(), ready.save_button.text()] == [
        "&Ouvrir",
        "Ouvrir le &dossier",
        "&Enregistrer sous…",
    ]
    ready.open_button.click()
    assert not ready.isVisible()
    path = Path(opened[0])
    assert path.name == "2025-02-11_Café-Ô-Champ_visite.pdf"
    assert path.parent == window.workspace.data_dir / "Fiches"
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Café Ô Champ" in text and "11 février 2025" in text and "Réseau Creusois" in text
    assert "Fiche enregistrée" in window.statusBar().currentMessage()


def test_ctrl_p_without_an_open_visit_says_what_to_do(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    window.generate_pdf()
    assert said == ["Ouvrez d'abord une fiche."]


def _sheet_of_a_visit(window, qtbot):
    venue = window.store.create_venue({"name": "La Smalah", "commune": "Felletin"})
    visit = window.store.create_visit(venue.id, "2025-03-14")
    window.open_visit(visit.id, venue.id)
    window.generate_pdf()
    return _sheet_ready(window, qtbot)


def test_no_pdf_viewer_is_said_in_french_with_the_path(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.open_url = lambda url: False  # as QDesktopServices.openUrl with no viewer
    ready = _sheet_of_a_visit(window, qtbot)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    ready.open_button.click()
    assert len(said) == 1 and "Aucun lecteur de PDF" in said[0]
    assert str(ready.path) in said[0] and ready.path.is_file()
    assert ready.isVisible()  # still there: the folder or a copy remain possible
    ready.folder_button.click()
    assert "Le dossier n'a pas pu être ouvert" in said[1] and str(ready.path.parent) in said[1]


def test_open_the_folder_and_save_a_copy_elsewhere(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    opened = []
    window.open_url = lambda url: opened.append(Path(url.toLocalFile())) or True
    ready = _sheet_of_a_visit(window, qtbot)
    ready.folder_button.click()
    assert opened == [window.workspace.data_dir / "Fiches"]
    usb = tmp_path / "clé"
    usb.mkdir()
    chosen = str(usb / "fiche pour la mairie")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (chosen, "Fiche PDF (*.pdf)")
    )
    ready.save_button.click()
    copy = usb / "fiche pour la mairie.pdf"
    assert copy.read_bytes() == ready.path.read_bytes()
    text = PdfReader(copy).pages[0].extract_text()
    assert "La Smalah" in text and "Copie enregistrée" in ready.message.text()


def test_a_copy_that_cannot_be_written_is_said_and_the_sheet_stays(
    window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    window.open_url = lambda url: True
    ready = _sheet_of_a_visit(window, qtbot)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier")
    assert ready.copy_to(blocked / "fiche.pdf") is None
    assert "La copie n'a pas pu être enregistrée" in said[0] and ready.path.is_file()
