"""The PDF prints what was typed: NFC, fallback fonts, right to left, visible replacements."""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader

from desktop.core.pdf.service import make_sheet
from tests.headless import run_carnet as carnet

NFD_NAME = unicodedata.normalize("NFD", "Café déjà vu")
TYPED = (
    f"{NFD_NAME}. Emoji : 😀🌳🎉. Symboles : ★ ✓ ♥ → ⚠. "
    "Hébreu : שלום עולם. Arabe : مرحبا بكم. Chinois : 中文."
)


def _text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _fonts(data: bytes) -> dict[str, bool]:
    """Every font the pages use: embedded or not."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def test_what_was_typed_is_in_the_pdf(workspace):
    venue = workspace.store.create_venue({"name": NFD_NAME})
    visit = workspace.store.create_visit(venue.id, "2026-11-20")
    workspace.store.update_visit(visit.id, {"strengths": TYPED})
    sheet = make_sheet(workspace, visit.id)
    text = _text(sheet.data)
    assert "Café déjà vu" in text and "e\u0301" not in text  # composed, not « Cafe deja »
    for character in "😀🌳🎉★✓♥→⚠":
        assert character in text, character
    # Hebrew is stored in visual order: readers give the word back in one direction or other
    assert "שלום" in text or "םולש" in text
    folded = unicodedata.normalize("NFKC", text)  # Arabic is drawn in its joined forms
    assert {"م", "ر", "ح", "ب", "ك"} <= set(folded)
    assert sheet.replaced == 2 and text.count("\ufffd") >= 2  # 中文: no font has them


def test_every_font_is_embedded(workspace):
    venue = workspace.store.create_venue({"name": "Le Relais ★"})
    visit = workspace.store.create_visit(venue.id, "2026-11-20")
    workspace.store.update_visit(visit.id, {"strengths": TYPED, "actions": [
        {"action": "Écrire 🌳", "who": "Zoé", "status": "a_faire"}]})  # fmt: skip
    fonts = _fonts(make_sheet(workspace, visit.id).data)
    assert all(fonts.values()), fonts
    assert not [name for name in fonts if "Helvetica" in name]
    assert any("Symbola" in name for name in fonts) and any("Carlito" in name for name in fonts)


def test_the_pdf_command_says_how_many_characters_were_replaced(tmp_path):
    data = tmp_path / "data"
    venue = carnet(data, "new-venue", "--name", "Le Relais").stdout.strip()
    visit = carnet(data, "new-visit", venue, "--date", "2026-11-20").stdout.strip()
    assert carnet(data, "set", visit, f"strengths={TYPED}").returncode == 0
    result = carnet(data, "pdf", visit, "-o", str(tmp_path / "fiche.pdf"))
    assert result.returncode == 0, result.stderr
    assert "2 caractère(s) qu'aucune police de la fiche ne sait dessiner" in result.stdout
    result = carnet(data, "pdf", "--all", "-o", str(tmp_path / "toutes"))
    assert "2 caractère(s)" in result.stdout
    clean = carnet(data, "set", visit, "strengths=Rien de spécial")
    assert clean.returncode == 0
    assert "caractère(s)" not in carnet(data, "pdf", visit, "-o", f"{tmp_path}/").stdout
