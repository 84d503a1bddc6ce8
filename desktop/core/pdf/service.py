"""Making sheets from stored visits: gather what a sheet shows, for an audience, and write it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.forms import french
from desktop.core.forms.template_language import templates_in
from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import AUDIENCES, PhotoLibrary, split_for_audience
from desktop.core.pdf.sheet import SheetContent, SheetOptions, render_sheet
from desktop.core.storage.file_names import safe_file_name
from desktop.core.storage.files import write_atomic
from desktop.core.storage.workspace import Workspace
from desktop.paths import RESOURCES

DEFAULT_LOGO = RESOURCES / "branding" / "logo.png"
DEFAULT_NETWORK = "Réseau des tiers-lieux"
SHEET_SUFFIX = "_visite.pdf"


@dataclass(frozen=True)
class Sheet:
    file_name: str
    data: bytes
    photos_left_out: int


def sheet_content(
    workspace: Workspace, visit_id: str, audience: str, language: str = "fr"
) -> SheetContent:
    if audience not in AUDIENCES:
        raise ValueError(f"Diffusion inconnue « {audience} » : interne, reseau ou public.")
    store = workspace.store
    visit = store.get_visit(visit_id)
    venue = store.get_venue(visit.venue_id)
    photos = PhotoLibrary(store, workspace.media).list_photos(visit_id)
    kept, left_out = split_for_audience(photos, audience)
    kept = [p for p in kept if Path(p.print_rendition).is_file()]  # files not synced yet
    documents = DocumentLibrary(store, workspace.media).list_documents(venue.id)
    template = templates_in(store.templates, language).visit  # French whatever the UI's
    return SheetContent(template, venue, visit, kept, len(left_out), documents)


def sheet_options(
    workspace: Workspace, audience: str, blank_fields: bool = False, language: str = "fr"
) -> SheetOptions:
    logo = Path(workspace.setting("network_logo") or DEFAULT_LOGO)
    return SheetOptions(
        audience=audience,
        blank_fields=blank_fields,
        network_name=workspace.setting("network_name") or DEFAULT_NETWORK,
        logo=logo if logo.is_file() else DEFAULT_LOGO,
        language=language,
    )


def make_sheet(
    workspace: Workspace,
    visit_id: str,
    audience: str = "reseau",
    blank_fields: bool = False,
    language: str = "fr",
) -> Sheet:
    """language: the sheet's (fr by default, whatever the UI's; en: the English texts)."""
    content = sheet_content(workspace, visit_id, audience, language)
    data = render_sheet(content, sheet_options(workspace, audience, blank_fields, language))
    name = sheet_file_name(content.visit.data.get("visit_date", ""), content.venue.name)
    return Sheet(name, data, content.photos_left_out)


def sheet_file_name(visit_date: str, venue_name: str) -> str:
    """« AAAA-MM-JJ_Nom-du-lieu_visite.pdf », safe on Windows and macOS."""
    day = visit_date if french.parse_date(visit_date) else "sans-date"
    return safe_file_name(
        venue_name, prefix=f"{day}_", suffix=SHEET_SUFFIX, max_bytes=120, fallback="lieu", space="-"
    )


def write_sheet(sheet: Sheet, target: Path) -> Path:
    """Write to target (a file, or a folder that gets the readable file name)."""
    path = target / sheet.file_name if target.is_dir() else target
    write_atomic(path, sheet.data)
    return path


def unique_name(name: str, used: set[str]) -> str:
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = name.removesuffix(SHEET_SUFFIX) + f"_visite-{number}.pdf"
    used.add(candidate)
    return candidate


def make_all(
    workspace: Workspace,
    folder: Path,
    audience: str,
    on_progress: Callable[[int, int, str], None] | None = None,
    language: str = "fr",
) -> Iterator[Path]:
    """Every live visit's sheet into folder; one sheet in memory at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    visits = workspace.store.list_visits()
    used: set[str] = set()
    for index, visit in enumerate(visits, start=1):
        sheet = make_sheet(workspace, visit.id, audience, language=language)
        name = unique_name(sheet.file_name, used)  # two visits of a venue on one day
        path = write_sheet(sheet, folder / name)
        if on_progress:
            on_progress(index, len(visits), path.name)
        yield path
