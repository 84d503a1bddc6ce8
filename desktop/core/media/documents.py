"""Governance documents of a venue: statuts, conventions, comptes… stored once by hash."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.forms.text import fold
from desktop.core.media.media_store import MediaStore, content_hash
from desktop.core.storage.data_service import Writer, writes
from desktop.core.storage.files import french_reason
from desktop.core.storage.record_basics import RecordNotFound, new_id, now_iso
from desktop.core.storage.records import AttachOutcome, ChangeResult, Document
from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import keep_replaced_columns

DOCUMENT_TYPES = (
    ("statuts", "Statuts"),
    ("reglement_interieur", "Règlement intérieur"),
    ("charte", "Charte"),
    ("convention_occupation", "Convention d'occupation / bail"),
    ("deliberation", "Délibération"),
    ("comptes_annuels", "Comptes annuels"),
    ("pv_assemblee", "PV d'assemblée"),
    ("autre", "Autre"),
)
AGREEMENT_TYPES = {"convention_occupation"}  # their end date matters for the occupation
ZIP_FORMATS = {".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx"}
SUPPORTED = {".pdf", ".doc", ".xls", ".rtf", ".txt", ".jpg", ".jpeg", ".png"} | ZIP_FORMATS
EDITABLE = ("doc_type", "doc_date", "end_date")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COLUMNS = "d.id, d.venue_id, d.sha256, d.original_name, d.doc_type, d.doc_date, d.end_date, m.ext"


class DocumentRejected(ValueError):
    """str() is a French message naming the file."""


def type_title(doc_type: str) -> str:
    return dict(DOCUMENT_TYPES).get(doc_type, doc_type)


def guess_type(name: str) -> str:
    """A first guess from the file name; the user corrects it in the list."""
    lowered = fold(name)  # also the decomposed accents of macOS file names
    hints = [
        ("statut", "statuts"),
        ("reglement", "reglement_interieur"),
        ("règlement", "reglement_interieur"),
        ("charte", "charte"),
        ("convention", "convention_occupation"),
        ("bail", "convention_occupation"),
        ("aot", "convention_occupation"),
        ("deliber", "deliberation"),
        ("délibér", "deliberation"),
        ("compte", "comptes_annuels"),
        ("bilan", "comptes_annuels"),
        ("pv", "pv_assemblee"),
        ("assembl", "pv_assemblee"),
    ]
    return next((kind for hint, kind in hints if hint in lowered), "autre")


def check_document(name: str, data: bytes) -> str:
    """The file's extension if it is a document we keep; else DocumentRejected."""
    ext = Path(name).suffix.lower()
    if ext not in SUPPORTED:
        raise DocumentRejected(
            f"{name} : format non pris en charge (formats : {', '.join(sorted(SUPPORTED))})."
        )
    if not data:
        raise DocumentRejected(f"{name} : fichier vide (0 octet).")
    if ext == ".pdf" and not data.startswith(b"%PDF"):
        raise DocumentRejected(f"{name} : ce n'est pas un PDF lisible (fichier abîmé ou renommé).")
    if ext in ZIP_FORMATS and not data.startswith(b"PK\x03\x04"):
        raise DocumentRejected(f"{name} : fichier bureautique abîmé ou renommé ({ext}).")
    return ext


class DocumentLibrary:
    def __init__(self, store: CarnetStore, media: MediaStore) -> None:
        self.store, self.media = store, media
        self.service = store.service

    def on(self, writer: Writer) -> DocumentLibrary:
        return DocumentLibrary(writer.store, self.media)

    def attach(self, venue_id: str, path: Path, doc_type: str | None = None) -> AttachOutcome:
        path = Path(path)
        self.store.get_venue(venue_id)
        try:
            data = path.read_bytes()
            ext = check_document(path.name, data)
        except DocumentRejected as rejection:
            return AttachOutcome(path.name, "refused", str(rejection))
        except OSError as error:
            reason = (
                "le fichier a disparu"
                if isinstance(error, FileNotFoundError)
                else "c'est un dossier"
                if isinstance(error, IsADirectoryError)
                else french_reason(error)
            )
            return AttachOutcome(
                path.name, "refused", f"{path.name} : lecture impossible ({reason})."
            )
        digest = content_hash(data)
        existing = self.store.db.conn.execute(
            "SELECT id FROM documents WHERE venue_id = ? AND sha256 = ? AND deleted_at IS NULL",
            (venue_id, digest),
        ).fetchone()
        if existing:
            return AttachOutcome(
                path.name,
                "duplicate",
                f"{path.name} : déjà joint à ce lieu (doublon).",
                existing[0],
            )
        try:
            known = self.store.db.conn.execute(
                "SELECT ext FROM media WHERE sha256 = ?", (digest,)
            ).fetchone()
            ext = known[0] if known else ext  # one file name per hash
            self.media.write_set(digest, {("documents", ext): data})
        except OSError as error:
            return AttachOutcome(
                path.name,
                "refused",
                f"{path.name} : enregistrement impossible ({french_reason(error)}).",
            )
        document_id = self._insert(
            venue_id, path.name, digest, ext, len(data), doc_type or guess_type(path.name)
        )
        return AttachOutcome(path.name, "attached", f"{path.name} : joint.", document_id)

    @writes
    def _insert(self, venue_id, name, digest, ext, size, doc_type) -> str:
        document_id, now, author = new_id(), now_iso(), self.store.author
        self.store.db["media"].insert(
            {"sha256": digest, "kind": "document", "ext": ext, "size": size},
            pk="sha256",
            ignore=True,  # the first description of a hash stays
        )
        self.store.db["documents"].insert(
            {
                "id": document_id,
                "venue_id": venue_id,
                "sha256": digest,
                "original_name": name,
                "doc_type": doc_type,
                "doc_date": None,
                "end_date": None,
                "created_at": now,
                "created_device": author.device_id,
                "created_user": author.user_name,
                "updated_at": now,
                "deleted_at": None,
            }
        )
        self.store.stamp("documents", document_id, ["doc_type"])
        self.store.changes.note("venues", venue_id)
        return document_id

    def list_documents(self, venue_id: str) -> list[Document]:
        """Live documents of a venue, grouped by type (in the list's order), newest first."""
        rows = self.store.db.conn.execute(
            f"SELECT {_COLUMNS} FROM documents d JOIN media m ON m.sha256 = d.sha256 "
            "WHERE d.venue_id = ? AND d.deleted_at IS NULL",
            (venue_id,),
        ).fetchall()
        order = {kind: i for i, (kind, _) in enumerate(DOCUMENT_TYPES)}
        documents = [self._document(r) for r in rows]
        documents.sort(key=lambda d: d.doc_date or "", reverse=True)
        return sorted(documents, key=lambda d: order.get(d.doc_type, len(order)))

    def get(self, document_id: str) -> Document:
        row = self.store.db.conn.execute(
            f"SELECT {_COLUMNS} FROM documents d JOIN media m ON m.sha256 = d.sha256 "
            "WHERE d.id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Document introuvable : {document_id}")
        return self._document(row)

    def _document(self, row: tuple) -> Document:
        path = self.media.path("documents", row[2], row[7])
        return Document(row[0], row[1], row[2], row[3], row[4], row[5], row[6], str(path))

    @writes
    def update(self, document_id: str, changes: dict[str, Any]) -> ChangeResult:
        values = {key: _clean(key, value) for key, value in changes.items()}
        before = self.get(document_id)
        changed = [k for k, v in values.items() if getattr(before, k) != v]
        if changed:
            keep_replaced_columns(self.store, "documents", document_id, changed)
            self.store.db["documents"].update(
                document_id, {**{k: values[k] for k in changed}, "updated_at": now_iso()}
            )
            self.store.stamp("documents", document_id, changed)
        return ChangeResult(document_id, tuple(changed), {})

    def delete(self, document_id: str) -> ChangeResult:
        return self.store.set_deleted("documents", document_id, now_iso())

    def restore(self, document_id: str) -> ChangeResult:
        return self.store.set_deleted("documents", document_id, None)


def _clean(key: str, value: Any) -> Any:
    if key not in EDITABLE:
        raise ValueError(f"Champ de document inconnu : « {key} ».")
    if key == "doc_type":
        if value not in dict(DOCUMENT_TYPES):
            raise ValueError(f"Type de document inconnu : « {value} ».")
        return value
    if value in (None, ""):
        return None
    if not ISO_DATE.match(str(value)) or not _real_date(str(value)):
        raise ValueError("Date invalide (format attendu : AAAA-MM-JJ).")
    return str(value)


def _real_date(value: str) -> bool:
    """2025-02-30 has the right shape but is no day of the calendar."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
