"""Making sheets from stored visits: gather what a sheet shows, for an audience, and write it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.core.forms import french
from desktop.core.forms.earlier_fields import read_through
from desktop.core.forms.template_language import templates_in
from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary, split_for_audience
from desktop.core.pdf.glyphs import Replacements
from desktop.core.pdf.sheet import SheetContent, SheetOptions, render_sheet
from desktop.core.privacy.audiences import check_audience, visible_data
from desktop.core.storage.file_names import safe_file_name, unique_name
from desktop.core.storage.files import write_atomic
from desktop.core.storage.leftovers import remove_leftovers
from desktop.core.storage.workspace import Workspace
from desktop.paths import RESOURCES

DEFAULT_LOGO = RESOURCES / "branding" / "logo.png"
DEFAULT_NETWORK = "Réseau des tiers-lieux"
VISIT_WORD = "visite"
SHEET_SUFFIX = "_visite.pdf"
INTERNAL_SUFFIX = "_visite – interne.pdf"  # never the name of a sheet that may travel
PUBLIC_SUFFIX = "_visite – public.pdf"  # beside the network's sheet, not over it
SUFFIXES = {"interne": INTERNAL_SUFFIX, "public": PUBLIC_SUFFIX}


@dataclass(frozen=True)
class Sheet:
    file_name: str
    data: bytes
    photos_left_out: int
    audience: str = "reseau"
    replaced: int = 0  # characters no font of the sheet has, drawn as « � »


def sheet_content(
    workspace: Workspace, visit_id: str, audience: str, language: str = "fr"
) -> SheetContent:
    check_audience(audience)
    store = workspace.store
    record = store.get_visit(visit_id)
    french_template = store.templates.template_or_visit(record.template_id)
    visit = _for_audience(record, french_template, audience)
    venue = _for_audience(store.get_venue(visit.venue_id), store.templates.venue, audience)
    photos = PhotoLibrary(store, workspace.media).list_photos(visit_id)
    kept, left_out = split_for_audience(photos, audience)
    kept = [p for p in kept if Path(p.print_rendition).is_file()]  # files not synced yet
    documents = DocumentLibrary(store, workspace.media).list_documents(venue.id)
    # French whatever the UI's: the record's own template, in the sheet's language
    template = templates_in(store.templates, language).template_or_visit(record.template_id)
    return SheetContent(template, venue, visit, kept, len(left_out), documents)


def _for_audience(record, template, audience: str):
    """The record with only the fields that reach the audience (privacy.audiences)."""
    data = read_through(template, record.data)  # a renamed field: its old key's value
    shown = visible_data(template.schema.get("properties", {}), data, audience)
    return replace(record, data=shown)


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
    *,
    names: dict[str, str] | None = None,
    language: str = "fr",
) -> Sheet:
    """names: printed_names(workspace), when the caller makes many sheets; language: the
    sheet's (fr by default, whatever the UI's; en: the English texts)."""
    content = sheet_content(workspace, visit_id, audience, language)
    options = sheet_options(workspace, audience, blank_fields, language)
    with Replacements() as replaced:
        data = render_sheet(content, options)
    day = content.visit.data.get(content.template.date_key, "")
    word = record_word(workspace, content.visit.template_id)
    name = (names or printed_names(workspace, day, audience)).get(visit_id) or sheet_file_name(
        day, content.venue.name, audience, word
    )
    return Sheet(name, data, content.photos_left_out, audience, replaced.count)


def printed_names(
    workspace: Workspace, day: str | None = None, audience: str = "reseau"
) -> dict[str, str]:
    """{visit id: file name} for every live visit: two visits never share a name, even
    ignoring case (a venue's two visits on one day: the later one gets its short id).

    day: only the visits whose names could meet one of that date's (a name starts with
    its date, or « sans-date »): the same names, for a fraction of the work.
    """
    rows = workspace.db.conn.execute(
        "SELECT v.id, v.visit_date, ve.name, v.template_id FROM visits v "
        "JOIN venues ve ON ve.id = v.venue_id "
        "WHERE v.deleted_at IS NULL ORDER BY v.created_at, v.id"
    ).fetchall()
    if day is not None:
        dated = bool(french.parse_date(day))
        rows = [r for r in rows if (r[1] == day if dated else not french.parse_date(r[1]))]
    taken: set[str] = set()
    return {
        visit_id: unique_name(
            sheet_file_name(day or "", name or "", audience, record_word(workspace, template)),
            taken,
            visit_id[:6],
            "-{}",
        )
        for visit_id, day, name, template in rows
    }


def record_word(workspace: Workspace, template_id: str | None) -> str:
    """The last word of a sheet's name: « visite », or another template's id."""
    template = workspace.templates.template_or_visit(template_id)
    return VISIT_WORD if template.id == workspace.templates.visit.id else template.id


def sheet_file_name(
    visit_date: str, venue_name: str, audience: str = "reseau", word: str = "visite"
) -> str:
    """« AAAA-MM-JJ_Nom-du-lieu_visite.pdf » for the network's sheet, « … – interne.pdf »
    and « … – public.pdf » for the others (an internal sheet never overwrites one that
    may travel), safe on Windows and macOS. word: « visite », or a record's template id
    (« …_governance-meeting.pdf »)."""
    day = visit_date if french.parse_date(visit_date) else "sans-date"
    suffix = SUFFIXES.get(audience, SHEET_SUFFIX).replace(VISIT_WORD, word, 1)
    return safe_file_name(
        venue_name, prefix=f"{day}_", suffix=suffix, max_bytes=120, fallback="lieu", space="-"
    )


def write_sheet(
    sheet: Sheet, target: Path, folder: bool = False, shared_folder: str | Path | None = None
) -> Path:
    """Write to target: a file, or a folder (one that exists, or folder=True: created)
    that gets the sheet's readable file name. An internal sheet is refused inside the
    shared folder (InternalSheetRefused)."""
    path = target / sheet.file_name if (folder or target.is_dir()) else target
    if sheet.audience == "interne":
        refuse_in_share(path, shared_folder)
    write_atomic(path, sheet.data)
    return path


class InternalSheetRefused(ValueError):
    """An internal sheet aimed at the shared folder; str() is French."""


def refuse_in_share(path: Path, shared_folder: str | Path | None) -> None:
    if not shared_folder:
        return
    share = Path(shared_folder).expanduser().resolve()
    where = Path(path).expanduser().resolve()
    if where == share or share in where.parents:
        raise InternalSheetRefused(
            f"Une fiche interne ne va jamais dans le dossier partagé « {share} » : "
            "choisissez un dossier à vous."
        )


def make_all(
    workspace: Workspace,
    folder: Path,
    audience: str,
    on_progress: Callable[[int, int, str], None] | None = None,
    replaced: list[int] | None = None,
    language: str = "fr",
) -> Iterator[Path]:
    """Every live visit's sheet into folder; one sheet in memory at a time."""
    if audience == "interne":
        refuse_in_share(folder, workspace.setting("shared_folder"))
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)  # an interrupted earlier run's temp files
    visits = workspace.store.list_visits()
    names = printed_names(workspace, audience=audience)  # two visits of a venue on one day
    for index, visit in enumerate(visits, start=1):
        sheet = make_sheet(workspace, visit.id, audience, names=names, language=language)
        if replaced is not None:  # characters drawn « � », added up for the caller
            replaced[0] += sheet.replaced
        path = write_sheet(sheet, folder / sheet.file_name)
        if on_progress:
            on_progress(index, len(visits), path.name)
        yield path
