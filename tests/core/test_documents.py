"""Governance documents of a venue: checks, type guesses, attach, edit, delete, restore."""

import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from desktop.core.media.documents import (
    AGREEMENT_TYPES,
    DOCUMENT_TYPES,
    DocumentLibrary,
    DocumentRejected,
    check_document,
    guess_type,
    type_title,
)
from desktop.core.storage.record_basics import RecordNotFound
from desktop.core.storage.workspace import open_workspace

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


def office_zip(main_part: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
    return buffer.getvalue()


@pytest.fixture
def setup(tmp_path):
    ws = open_workspace(tmp_path / "data")
    venue = ws.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret"})
    yield ws, DocumentLibrary(ws.store, ws.media), venue.id, tmp_path
    ws.close()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def document_rows(ws) -> int:
    return ws.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def stored_files(ws) -> list[Path]:
    folder = ws.media.root / "documents"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ---------------------------------------------------------------- check_document
@pytest.mark.parametrize(
    ("name", "data", "ext"),
    [
        ("statuts.pdf", PDF, ".pdf"),
        ("STATUTS.PDF", PDF, ".pdf"),
        ("charte.odt", office_zip("content.xml"), ".odt"),
        ("budget.ods", office_zip("content.xml"), ".ods"),
        ("reglement.docx", office_zip(), ".docx"),
        ("comptes.xlsx", office_zip("xl/workbook.xml"), ".xlsx"),
        ("plan.png", PNG, ".png"),
        ("facade.jpg", JPEG, ".jpg"),
        ("facade.jpeg", JPEG, ".jpeg"),
        ("notes.txt", b"Assemblee du 3 mars", ".txt"),
    ],
)
def test_check_document_accepts_supported_formats(name, data, ext):
    assert check_document(name, data) == ext


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("statuts.pdf", b"Ceci est un texte renomme", "ce n'est pas un PDF lisible"),
        ("statuts.pdf", b"", "fichier vide (0 octet)"),
        ("charte.odt", b"", "fichier vide"),
        ("charte.odt", b"pas un zip", "fichier bureautique abîmé ou renommé (.odt)"),
        ("reglement.docx", PDF, "fichier bureautique abîmé ou renommé (.docx)"),
        ("comptes.xlsx", b"a;b;c\n", "fichier bureautique abîmé ou renommé (.xlsx)"),
        ("film.mp4", b"\x00\x00\x00\x18ftypmp42", "format non pris en charge"),
        ("sans_extension", b"data", "format non pris en charge"),
    ],
)
def test_check_document_refuses_defects_in_french(name, data, words):
    with pytest.raises(DocumentRejected) as caught:
        check_document(name, data)
    assert str(caught.value).startswith(name + " : ")
    assert words in str(caught.value)


def test_unsupported_format_message_lists_the_formats():
    with pytest.raises(DocumentRejected, match=r"formats : .*\.docx.*\.pdf"):
        check_document("video.avi", b"RIFF")


# ---------------------------------------------------------------- guess_type and titles
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Statuts SCIC 2023.pdf", "statuts"),
        ("reglement_interieur.docx", "reglement_interieur"),
        ("Règlement intérieur.odt", "reglement_interieur"),
        ("Charte des usagers.pdf", "charte"),
        ("Convention d'occupation mairie.pdf", "convention_occupation"),
        ("Bail commercial.pdf", "convention_occupation"),
        ("AOT 2024.pdf", "convention_occupation"),
        ("Délibération conseil municipal.pdf", "deliberation"),
        ("DELIBERATION-CM.pdf", "deliberation"),
        ("Comptes 2023.xlsx", "comptes_annuels"),
        ("Bilan financier.pdf", "comptes_annuels"),
        ("PV AG 2024.pdf", "pv_assemblee"),
        ("Assemblée générale.odt", "pv_assemblee"),
        ("photo-facade.jpg", "autre"),
    ],
)
def test_guess_type_from_the_name(name, kind):
    assert guess_type(name) == kind


def test_guess_type_with_decomposed_accents_of_macos_names():
    assert guess_type(unicodedata.normalize("NFD", "Règlement.pdf")) == "reglement_interieur"
    assert guess_type(unicodedata.normalize("NFD", "Délibération.pdf")) == "deliberation"


def test_type_titles():
    assert type_title("convention_occupation") == "Convention d'occupation / bail"
    assert type_title("pv_assemblee") == "PV d'assemblée"
    assert type_title("inconnu") == "inconnu"
    assert [kind for kind, _ in DOCUMENT_TYPES][-1] == "autre"
    assert {kind for kind, _ in DOCUMENT_TYPES} >= AGREEMENT_TYPES


# ---------------------------------------------------------------- attaching
def test_attached_file_is_kept_byte_identical_and_named_by_its_hash(setup):
    ws, library, venue_id, folder = setup
    source = write(folder, "Statuts.PDF", PDF + b"\x00\xff binary tail")
    outcome = library.attach(venue_id, source)
    assert outcome.status == "attached" and outcome.name == "Statuts.PDF"
    assert outcome.message == "Statuts.PDF : joint."
    document = library.get(outcome.record_id)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    stored = Path(document.path)
    assert stored == ws.media.root / "documents" / digest[:2] / f"{digest}.pdf"
    assert stored.read_bytes() == source.read_bytes()
    assert (document.venue_id, document.sha256) == (venue_id, digest)
    assert (document.original_name, document.doc_type) == ("Statuts.PDF", "statuts")
    assert document.doc_date is None and document.end_date is None
    media = ws.db.conn.execute(
        "SELECT kind, ext, size FROM media WHERE sha256 = ?", (digest,)
    ).fetchone()
    assert media == ("document", ".pdf", len(source.read_bytes()))


def test_explicit_type_wins_over_the_guess(setup):
    _ws, library, venue_id, folder = setup
    outcome = library.attach(venue_id, write(folder, "scan.pdf", PDF), doc_type="charte")
    assert library.get(outcome.record_id).doc_type == "charte"


def test_same_file_twice_is_stored_once_and_reported_as_duplicate(setup):
    ws, library, venue_id, folder = setup
    first = library.attach(venue_id, write(folder, "statuts.pdf", PDF))
    again = library.attach(venue_id, write(folder, "copie des statuts.pdf", PDF))
    assert again.status == "duplicate"
    assert again.record_id == first.record_id
    assert again.message == "copie des statuts.pdf : déjà joint à ce lieu (doublon)."
    assert document_rows(ws) == 1
    assert len(stored_files(ws)) == 1


def test_same_file_on_two_venues_shares_one_stored_file(setup):
    ws, library, venue_id, folder = setup
    other = ws.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    source = write(folder, "charte-reseau.pdf", PDF)
    assert library.attach(venue_id, source).status == "attached"
    assert library.attach(other.id, source).status == "attached"
    assert document_rows(ws) == 2
    assert len(stored_files(ws)) == 1


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("faux.pdf", b"juste du texte", "ce n'est pas un PDF lisible"),
        ("vide.pdf", b"", "fichier vide"),
        ("casse.docx", b"texte", "abîmé ou renommé"),
        ("video.mp4", b"data", "format non pris en charge"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(setup, name, data, words):
    ws, library, venue_id, folder = setup
    outcome = library.attach(venue_id, write(folder, name, data))
    assert outcome.status == "refused" and outcome.record_id is None
    assert words in outcome.message and outcome.message.startswith(name)
    assert document_rows(ws) == 0 and stored_files(ws) == []


def test_vanished_file_and_folder_are_refused_in_french(setup):
    ws, library, venue_id, folder = setup
    vanished = library.attach(venue_id, folder / "parti.pdf")
    assert vanished.status == "refused"
    assert vanished.message == "parti.pdf : lecture impossible (le fichier a disparu)."
    (folder / "dossier.pdf").mkdir()
    directory = library.attach(venue_id, folder / "dossier.pdf")
    assert directory.status == "refused"
    assert directory.message == "dossier.pdf : lecture impossible (c'est un dossier)."
    assert document_rows(ws) == 0


def test_attach_to_an_unknown_venue_raises(setup):
    _ws, library, _venue_id, folder = setup
    with pytest.raises(RecordNotFound):
        library.attach("inconnu", write(folder, "statuts.pdf", PDF))


# ---------------------------------------------------------------- listing
def test_list_groups_by_type_in_list_order_then_newest_first(setup):
    _ws, library, venue_id, folder = setup
    ids = {}
    for name, tail in [("Divers.pdf", b"1"), ("PV AG 2023.pdf", b"2"), ("PV AG 2024.pdf", b"3"),
                       ("Statuts.pdf", b"4"), ("Bail.pdf", b"5")]:  # fmt: skip
        ids[name] = library.attach(venue_id, write(folder, name, PDF + tail)).record_id
    library.update(ids["PV AG 2023.pdf"], {"doc_date": "2023-06-10"})
    library.update(ids["PV AG 2024.pdf"], {"doc_date": "2024-06-08"})
    listed = library.list_documents(venue_id)
    assert [d.original_name for d in listed] == [
        "Statuts.pdf", "Bail.pdf", "PV AG 2024.pdf", "PV AG 2023.pdf", "Divers.pdf",
    ]  # fmt: skip


def test_list_is_per_venue(setup):
    ws, library, venue_id, folder = setup
    other = ws.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    library.attach(other.id, write(folder, "statuts.pdf", PDF))
    assert library.list_documents(venue_id) == []
    assert len(library.list_documents(other.id)) == 1


# ---------------------------------------------------------------- editing
def test_update_saves_type_and_dates_and_stamps_them(setup):
    ws, library, venue_id, folder = setup
    document_id = library.attach(venue_id, write(folder, "scan.pdf", PDF)).record_id
    assert set(ws.store.field_stamps(document_id)) == {"doc_type"}
    first_stamp = ws.store.field_stamps(document_id)["doc_type"]["stamp"]
    result = library.update(
        document_id,
        {"doc_type": "convention_occupation", "doc_date": "2024-01-15", "end_date": "2027-12-31"},
    )
    assert set(result.changed) == {"doc_type", "doc_date", "end_date"}
    document = library.get(document_id)
    assert (document.doc_type, document.doc_date, document.end_date) == (
        "convention_occupation", "2024-01-15", "2027-12-31",
    )  # fmt: skip
    stamps = ws.store.field_stamps(document_id)
    assert set(stamps) == {"doc_type", "doc_date", "end_date"}
    assert stamps["doc_type"]["stamp"] > first_stamp
    assert stamps["end_date"]["device_id"] == ws.store.author.device_id
    assert stamps["end_date"]["user_name"] == ws.store.author.user_name


def test_update_with_the_same_values_changes_nothing(setup):
    ws, library, venue_id, folder = setup
    document_id = library.attach(venue_id, write(folder, "statuts.pdf", PDF)).record_id
    library.update(document_id, {"doc_date": "2024-01-15"})
    stamps = ws.store.field_stamps(document_id)
    result = library.update(document_id, {"doc_type": "statuts", "doc_date": "2024-01-15"})
    assert result.changed == ()
    assert ws.store.field_stamps(document_id) == stamps


def test_empty_date_clears_it(setup):
    _ws, library, venue_id, folder = setup
    document_id = library.attach(venue_id, write(folder, "bail.pdf", PDF)).record_id
    library.update(document_id, {"end_date": "2027-12-31"})
    assert library.update(document_id, {"end_date": ""}).changed == ("end_date",)
    assert library.get(document_id).end_date is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"doc_type": "facture"}, "Type de document inconnu : « facture »."),
        ({"doc_date": "31/12/2026"}, "Date invalide (format attendu : AAAA-MM-JJ)."),
        ({"end_date": "2026-02-30"}, "Date invalide (format attendu : AAAA-MM-JJ)."),
        ({"end_date": "2026-13-01"}, "Date invalide (format attendu : AAAA-MM-JJ)."),
        ({"original_name": "x.pdf"}, "Champ de document inconnu : « original_name »."),
        ({"doc_type": "charte", "doc_date": "hier"}, "Date invalide"),
    ],
)
def test_update_refuses_bad_values_in_french_and_changes_nothing(setup, changes, message):
    ws, library, venue_id, folder = setup
    document_id = library.attach(venue_id, write(folder, "statuts.pdf", PDF)).record_id
    before, stamps = library.get(document_id), ws.store.field_stamps(document_id)
    with pytest.raises(ValueError, match=re.escape(message)):
        library.update(document_id, changes)
    assert library.get(document_id) == before
    assert ws.store.field_stamps(document_id) == stamps


def test_update_of_an_unknown_document_raises(setup):
    _ws, library, _venue_id, _folder = setup
    with pytest.raises(RecordNotFound, match="Document introuvable"):
        library.update("inconnu", {"doc_date": "2024-01-01"})


# ---------------------------------------------------------------- delete, restore
def test_delete_is_soft_and_restore_brings_it_back(setup):
    ws, library, venue_id, folder = setup
    document_id = library.attach(venue_id, write(folder, "statuts.pdf", PDF)).record_id
    path = Path(library.get(document_id).path)
    library.delete(document_id)
    assert library.list_documents(venue_id) == []
    assert path.is_file()  # the file stays until the trash is emptied
    assert "_deleted" in ws.store.field_stamps(document_id)
    library.restore(document_id)
    assert [d.id for d in library.list_documents(venue_id)] == [document_id]


def test_a_deleted_document_can_be_attached_again(setup):
    ws, library, venue_id, folder = setup
    source = write(folder, "statuts.pdf", PDF)
    library.delete(library.attach(venue_id, source).record_id)
    again = library.attach(venue_id, source)
    assert again.status == "attached"
    assert len(library.list_documents(venue_id)) == 1
    assert len(stored_files(ws)) == 1


def test_delete_of_an_unknown_document_raises(setup):
    _ws, library, _venue_id, _folder = setup
    with pytest.raises(RecordNotFound, match="Document introuvable"):
        library.delete("inconnu")


def test_documents_survive_reopening_the_workspace(tmp_path):
    ws = open_workspace(tmp_path / "data")
    venue = ws.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    library = DocumentLibrary(ws.store, ws.media)
    document_id = library.attach(venue.id, write(tmp_path, "bail.pdf", PDF)).record_id
    library.update(document_id, {"end_date": "2028-06-30"})
    ws.close()
    ws = open_workspace(tmp_path / "data")
    try:
        document = DocumentLibrary(ws.store, ws.media).get(document_id)
        assert (document.doc_type, document.end_date) == ("convention_occupation", "2028-06-30")
        assert Path(document.path).read_bytes() == PDF
    finally:
        ws.close()


def test_the_same_bytes_as_photo_and_as_document_keep_working_paths(tmp_path):
    from PIL import Image

    from desktop.core.media.photos import PhotoLibrary

    ws = open_workspace(tmp_path / "data")
    venue = ws.store.create_venue({"name": "Le Moulin", "commune": "Felletin"})
    visit = ws.store.create_visit(venue.id, "2025-02-11")
    image = tmp_path / "plan.jpg"
    Image.new("RGB", (200, 100), "red").save(image, "JPEG")
    copy = tmp_path / "plan-du-site.jpeg"
    copy.write_bytes(image.read_bytes())
    photos = PhotoLibrary(ws.store, ws.media)
    photo_id = photos.attach_files(visit.id, [image])[0].record_id
    document_id = DocumentLibrary(ws.store, ws.media).attach(venue.id, copy).record_id
    assert (
        Path(DocumentLibrary(ws.store, ws.media).get(document_id).path).read_bytes()
        == image.read_bytes()
    )
    assert photos.original_path(photos.get_photo(photo_id)).read_bytes() == image.read_bytes()
    ws.close()
