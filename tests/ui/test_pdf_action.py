"""« Générer la fiche PDF » (Ctrl+P) from the app: rendered in the background, then opened."""

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QAction


def test_ctrl_p_writes_the_sheet_and_opens_it(window, qtbot):
    venue = window.store.create_venue({"name": "Café Ô Champ", "commune": "Aubusson"})
    visit = window.store.create_visit(venue.id, "2025-02-11")
    window.open_visit(visit.id, venue.id)
    window.workspace.set_setting("network_name", "Réseau Creusois")
    opened = []
    window.open_url = lambda url: opened.append(url.toLocalFile()) or True
    action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+P")
    action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
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
    assert said == ["Ouvrez d'abord une visite."]
