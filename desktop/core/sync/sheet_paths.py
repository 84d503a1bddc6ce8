"""Where each visit's sheet goes in the share's `Fiches/` folder: one path per visit.

« Lieu/AAAA-MM-JJ Type – Auteur.pdf ». Two venues whose folder names differ only by case
(« Lieu », « lieu ») or by what a file system cannot hold, and two visits of a venue on one
day by one author, would share a name: the later one (by creation, then id) gets its
short id. Every laptop computes the same paths from the same records, so the one writer
of each sheet and its colleagues agree without asking each other.

Lengths: a venue folder within 60 UTF-16 units, a file within 100 (9 more for a short
id), so that `Carnet\\Fiches\\<Lieu>\\<fiche>` stays under 195 characters and a share
folder up to 65 characters long still fits Windows' 260; each part within 255 bytes.
"""

from __future__ import annotations

from desktop.core.forms.template_language import templates_in
from desktop.core.storage.file_names import name_key, safe_file_name, unique_name
from desktop.core.storage.workspace import Workspace

VENUE_UNITS, FILE_UNITS = 60, 100


def sheet_paths(workspace: Workspace) -> dict[str, str]:
    """{visit id: path relative to Fiches/} for every live visit."""
    conn = workspace.db.conn
    venues = conn.execute(
        "SELECT id, name FROM venues WHERE deleted_at IS NULL ORDER BY created_at, id"
    ).fetchall()
    folders: dict[str, str] = {}
    taken: set[str] = set()
    for venue_id, name in venues:
        folders[venue_id] = unique_name(venue_folder(name or ""), taken, venue_id[:6])
    visits = conn.execute(
        "SELECT id, venue_id, visit_date, visit_type, author, template_id FROM visits "
        "WHERE deleted_at IS NULL ORDER BY created_at, id"
    ).fetchall()
    in_folder: dict[str, set[str]] = {}
    paths = {}
    for visit_id, venue_id, day, kind, author, template_id in visits:
        if venue_id not in folders:
            continue
        name = sheet_name(day, _type_title(workspace, kind, template_id), author)
        name = unique_name(
            name, in_folder.setdefault(name_key(folders[venue_id]), set()), visit_id[:6]
        )
        paths[visit_id] = f"{folders[venue_id]}/{name}"
    return paths


def venue_folder(venue_name: str) -> str:
    return safe_file_name(venue_name, max_bytes=80, max_units=VENUE_UNITS, fallback="lieu")


def sheet_name(day: str | None, kind: str, author: str | None) -> str:
    return safe_file_name(
        f"{day or 'sans date'} {kind} – {author or 'auteur inconnu'}",
        suffix=".pdf",
        max_bytes=128,
        max_units=FILE_UNITS,
    )


def _type_title(workspace: Workspace, kind: str | None, template_id: str | None = None) -> str:
    """The record's kind, by its own template: « Suivi », « Conseil d'administration… »;
    without one, « Visite » for a visit, the template's short title for another."""
    template = templates_in(workspace.templates, "fr").template_or_visit(template_id)  # shared
    spec = template.field(template.kind_key) if template.kind_key else None
    if spec and kind:
        return spec.label_of(kind)
    is_visit = template.id == workspace.templates.visit.id
    return "Visite" if is_visit else (template.short_title or template.title)
