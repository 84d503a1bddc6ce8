"""Making sheets from stored visits: gather what a sheet shows, for an audience, and write it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.forms import french
from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import AUDIENCES, PhotoLibrary, split_for_audience
from desktop.core.pdf.glyphs import Replacements
from desktop.core.pdf.sheet import SheetContent, SheetOptions, render_sheet
from desktop.core.storage.file_names import safe_file_name, unique_name
from desktop.core.storage.files import write_atomic
from desktop.core.storage.leftovers import remove_leftovers
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
    replaced: int = 0  # characters no font of the sheet has, drawn as « � »


def sheet_content(workspace: Workspace, visit_id: str, audience: str) -> SheetContent:
    if audience not in AUDIENCES:
        raise ValueError(f"Diffusion inconnue « {audience} » : interne, reseau ou public.")
    store = workspace.store
    visit = store.get_visit(visit_id)
    venue = store.get_venue(visit.venue_id)
    photos = PhotoLibrary(store, workspace.media).list_photos(visit_id)
    kept, left_out = split_for_audience(photos, audience)
    kept = [p for p in kept if Path(p.print_rendition).is_file()]  # files not synced yet
    documents = DocumentLibrary(store, workspace.media).list_documents(venue.id)
    return SheetContent(store.templates.visit, venue, visit, kept, len(left_out), documents)


def sheet_options(workspace: Workspace, audience: str, blank_fields: bool = False) -> SheetOptions:
    logo = Path(workspace.setting("network_logo") or DEFAULT_LOGO)
    return SheetOptions(
        audience=audience,
        blank_fields=blank_fields,
        network_name=workspace.setting("network_name") or DEFAULT_NETWORK,
        logo=logo if logo.is_file() else DEFAULT_LOGO,
    )


def make_sheet(
    workspace: Workspace,
    visit_id: str,
    audience: str = "reseau",
    blank_fields: bool = False,
    names: dict[str, str] | None = None,
) -> Sheet:
    """names: printed_names(workspace), when the caller makes many sheets."""
    content = sheet_content(workspace, visit_id, audience)
    with Replacements() as replaced:
        data = render_sheet(content, sheet_options(workspace, audience, blank_fields))
    day = content.visit.data.get("visit_date", "")
    name = (names or printed_names(workspace, day)).get(visit_id) or sheet_file_name(
        day, content.venue.name
    )
    return Sheet(name, data, content.photos_left_out, replaced.count)


def printed_names(workspace: Workspace, day: str | None = None) -> dict[str, str]:
    """{visit id: file name} for every live visit: two visits never share a name, even
    ignoring case (a venue's two visits on one day: the later one gets its short id).

    day: only the visits whose names could meet one of that date's (a name starts with
    its date, or « sans-date »): the same names, for a fraction of the work.
    """
    rows = workspace.db.conn.execute(
        "SELECT v.id, v.visit_date, ve.name FROM visits v JOIN venues ve ON ve.id = v.venue_id "
        "WHERE v.deleted_at IS NULL ORDER BY v.created_at, v.id"
    ).fetchall()
    if day is not None:
        dated = bool(french.parse_date(day))
        rows = [r for r in rows if (r[1] == day if dated else not french.parse_date(r[1]))]
    taken: set[str] = set()
    return {
        visit_id: unique_name(sheet_file_name(day or "", name or ""), taken, visit_id[:6], "-{}")
        for visit_id, day, name in rows
    }


def sheet_file_name(visit_date: str, venue_name: str) -> str:
    """« AAAA-MM-JJ_Nom-du-lieu_visite.pdf », safe on Windows and macOS."""
    day = visit_date if french.parse_date(visit_date) else "sans-date"
    return safe_file_name(
        venue_name, prefix=f"{day}_", suffix=SHEET_SUFFIX, max_bytes=120, fallback="lieu", space="-"
    )


def write_sheet(sheet: Sheet, target: Path, folder: bool = False) -> Path:
    """Write to target: a file, or a folder (one that exists, or folder=True: created)
    that gets the sheet's readable file name."""
    path = target / sheet.file_name if (folder or target.is_dir()) else target
    write_atomic(path, sheet.data)
    return path


def make_all(
    workspace: Workspace,
    folder: Path,
    audience: str,
    on_progress: Callable[[int, int, str], None] | None = None,
    replaced: list[int] | None = None,
) -> Iterator[Path]:
    """Every live visit's sheet into folder; one sheet in memory at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)  # an interrupted earlier run's temp files
    visits = workspace.store.list_visits()
    names = printed_names(workspace)  # unique: two visits of a venue on one day
    for index, visit in enumerate(visits, start=1):
        sheet = make_sheet(workspace, visit.id, audience, names=names)
        if replaced is not None:  # characters drawn « � », added up for the caller
            replaced[0] += sheet.replaced
        path = write_sheet(sheet, folder / sheet.file_name)
        if on_progress:
            on_progress(index, len(visits), path.name)
        yield path
