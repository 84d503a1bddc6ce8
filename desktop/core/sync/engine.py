"""One sync pass: publish this laptop's changes, then import the colleagues' ones.

The pass works on its own workspace (its own database connection), so the app can run
it on a worker thread. If the share is missing or fails halfway, whatever was done is
kept, nothing local is deleted, and the next pass starts again from what is left: the
queue of changes to publish is simply « records whose latest stamp was not written ».

A share this laptop can read but not write (mounted read-only, read rights only, full)
still brings the colleagues' work in: the writes stop at the first refusal, what was not
written stays to publish (publish_error says so), and the import goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.forms import strict_json
from desktop.core.merge.conflicts import count_conflicts
from desktop.core.storage.data_dir import DataDirError, check_data_dir
from desktop.core.storage.files import french_reason
from desktop.core.storage.leftovers import remove_leftovers
from desktop.core.storage.record_basics import now_iso
from desktop.core.storage.workspace import Workspace
from desktop.core.sync import (
    importer,
    media_fetch,
    publish,
    purges,
    republish,
    template_inbox,
    withdrawals,
)
from desktop.core.sync.scan import Entries, Entry, Listing, inside, list_share
from desktop.core.sync.share import Share, ShareUnavailable
from desktop.core.sync.share_identity import KNOWN, ShareNotSetUp, folder_key, open_share

SHARED_FOLDER = "shared_folder"  # the settings' key
_CLEANED: set[str] = set()  # shares whose temp files this process removed already
# progress(what, done, total): what is « fiches » or « enregistrements »
Progress = Callable[[str, int, int | None], None]
# files.atomic_target's temp file, « .NAME.XXXXXXXX.tmp »: a refusal names NAME instead.
TEMP_NAME = re.compile(r"^\.(.+)\.[a-z0-9_]{8}\.tmp$")
UNPUBLISHED_KEPT = (
    "Le travail des collègues est importé ; celui de ce poste reste ici, rien n'est perdu, "
    "et il sera publié au prochain passage où le dossier partagé acceptera l'écriture."
)


@dataclass
class Colleague:
    device_id: str
    user_name: str
    last_seen: str  # the latest change in their folder (ISO date and time)


@dataclass
class PassReport:
    started_at: str
    finished_at: str = ""
    ok: bool = False
    error: str = ""
    published: publish.PublishReport = field(default_factory=publish.PublishReport)
    imported: importer.ImportReport = field(default_factory=importer.ImportReport)
    conflicts: int = 0  # waiting for the user, in all
    new_conflicts: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    ignored: list[tuple[str, str]] = field(default_factory=list)
    missing_media: list[str] = field(default_factory=list)
    colleagues: list[Colleague] = field(default_factory=list)
    pending: int = 0  # records still to publish (the share was unavailable)
    publish_error: str = ""  # this laptop's work could not be written; the import went on
    publish_reason: str = ""  # its reason alone, short: « disque en lecture seule »
    needs_setup: bool = False  # a folder never used: set up only once the user agrees
    republished: int = 0  # files the share had lost (or a new share): published again
    templates: template_inbox.TemplatesReport = field(
        default_factory=template_inbox.TemplatesReport
    )  # the network's templates: arrived, refused, still arriving

    def summary(self) -> str:
        """The pass in a few French lines (the headless command prints them)."""
        p, i = self.published, self.imported
        lines = [
            f"Publié : {p.records} enregistrement(s), {p.media} média(s), {p.sheets} PDF.",
            f"Importé : {i.created} nouveau(x), {i.updated} mis à jour, "
            f"{i.media_fetched} média(s) reçu(s).",
            f"Conflits à résoudre : {self.conflicts} (dont {self.new_conflicts} nouveau(x)).",
        ]
        if i.purged:
            lines.append(f"Supprimé définitivement par un collègue : {i.purged} élément(s).")
        lines += [f"Gardé sur ce poste : {why}" for why in i.purges_kept]
        if self.republished:
            lines.append(f"Manquait au partage, publié à nouveau : {self.republished} élément(s).")
        if self.error:
            lines.insert(0, f"Échec : {self.error}")
        elif self.publish_error:
            lines[:0] = [f"Publication impossible : {self.publish_error}", UNPUBLISHED_KEPT]
        if not self.ok:
            lines.append(f"En attente de publication : {self.pending} élément(s).")
        for path, why in self.imported.conflict_copies:
            lines.append(f"Copie de conflit fusionnée : {path} ({why})")
        for path, why in self.skipped:
            lines.append(f"Ignoré : {path} — {why}")
        if p.withdrawn or p.media_removed or i.media_forgotten:
            lines.append(
                f"Retraits (droit à l'image) : {p.withdrawn} photo(s) retirée(s) du partage, "
                f"{p.media_removed} fichier(s) enlevé(s) du dossier partagé, "
                f"{i.media_forgotten} image(s) reçue(s) supprimée(s) ici."
            )
        if self.missing_media:
            lines.append(f"Médias pas encore arrivés : {len(self.missing_media)}.")
        lines += self.templates.lines()
        return "\n".join(lines)


class SyncEngine:
    def __init__(self, workspace: Workspace, folder: Path | None = None) -> None:
        self.workspace = workspace
        folder = folder or workspace.setting(SHARED_FOLDER)
        if not folder:
            raise ValueError("Aucun dossier partagé n'est choisi (Préférences › Dossier partagé).")
        self.share = Share(Path(folder), workspace.store.author.device_id)

    def run_pass(
        self,
        *,
        publish_changes: bool = True,
        sheets: bool = True,
        set_up: bool = False,
        progress: Progress | None = None,
    ) -> PassReport:
        """One pass; set_up: the user agreed to prepare a folder never used as a share."""
        report = PassReport(now_iso())
        before = count_conflicts(self.workspace.store)
        try:
            open_share(self.share, self.workspace.setting(KNOWN), set_up)
            self._remember_known()
            # Templates first: the records of this pass are merged and shown with them.
            report.templates = template_inbox.receive_templates(self.workspace, self.share)
            if publish_changes:
                self._writing(report, lambda: self._publish(report, progress))
            if report.publish_error:  # unplugged mid-pass, not read-only: never read
                self.share.check_available(known_before=True)  # an empty mount point
            listing = self._import(report)
            if publish_changes and not report.publish_error:
                self._writing(report, lambda: self._after_import(report, listing, sheets, progress))
            report.ok = not report.publish_error
        except (ShareUnavailable, OSError) as error:
            report.error = _describe(error)
            report.needs_setup = isinstance(error, ShareNotSetUp)
        report.finished_at = now_iso()
        report.conflicts = count_conflicts(self.workspace.store)
        report.new_conflicts = max(0, report.conflicts - before)
        report.pending = publish.pending_count(self.workspace) + purges.owed(self.workspace)
        report.skipped += importer.skipped_files(self.workspace)
        report.ignored = importer.ignored_files(self.workspace)
        report.colleagues = colleagues(self.workspace)
        self._save_report(report)
        return report

    def _remember_known(self) -> None:
        key = folder_key(self.share.folder)
        if self.workspace.setting(KNOWN) != key:
            self.workspace.set_setting(KNOWN, key)

    def _check_index(self, report: PassReport) -> None:
        """The publish index against this share and what is really in our folders."""
        if str(self.share.root) not in _CLEANED:  # once a process: interrupted writes
            _CLEANED.add(str(self.share.root))
            remove_leftovers(self.share.own, recursive=True)
            remove_leftovers(self.share.sheets, recursive=True)
        report.republished = republish.follow_share(self.workspace, self.share)
        report.republished += republish.forget_missing(self.workspace, self.share)
        report.republished += republish.forget_held_back_tables(self.workspace)

    def _writing(self, report: PassReport, write: Callable[[], None]) -> None:
        """Run this laptop's writes to the share; a refusal (read-only, full, no right)
        stops them, is kept in publish_error, and lets the pass go on reading."""
        try:
            write()
        except ShareUnavailable:
            raise
        except OSError as error:
            report.publish_error = _unpublished(error)
            report.publish_reason = french_reason(error)

    def _publish(self, report: PassReport, progress: Progress | None) -> None:
        self._check_index(report)
        publish.publish_records(self.workspace, self.share, report.published, progress=progress)
        report.published.records += purges.publish_tombstones(self.workspace, self.share)
        if report.published.records or publish.device_owed(self.workspace, self.share):
            publish.publish_device(self.workspace, self.share, report.started_at)

    def _after_import(
        self, report: PassReport, listing: Listing, sheets: bool, progress: Progress | None
    ) -> None:
        # The purges just received: our own files of them go now.
        report.published.records += purges.publish_tombstones(self.workspace, self.share)
        # Pictures no shared record needs any more, from the listing just made.
        report.published.media_removed = withdrawals.clean_own_media(
            self.workspace, self.share, listing.entries.only("media")
        )
        if sheets:  # after the import: colleagues' edits show
            publish.publish_sheets(self.workspace, self.share, report.published, progress=progress)

    def _import(self, report: PassReport) -> Listing:
        """Read and merge the colleagues' changes; returns the share's listing."""
        listing = list_share(self.share)
        report.skipped += listing.refused
        importer.import_changes(self.workspace, self.share, listing.entries, report.imported)
        report.missing_media = media_fetch.fetch_media(
            self.workspace, self.share, listing.entries.only("media"), report.imported
        )
        report.imported.photos_erased = withdrawals.erase_unheld_details(self.workspace)
        report.imported.media_forgotten = withdrawals.forget_unholdable_media(self.workspace)
        importer.forget_vanished(self.workspace, listing.entries)
        _note_colleagues(self.workspace, self.share, listing.entries)
        return listing

    def _save_report(self, report: PassReport) -> None:
        summary = {
            "at": report.finished_at,
            "ok": report.ok,
            "error": report.error,
            "published": report.published.records,
            "sheets": report.published.sheets,
            "created": report.imported.created,
            "updated": report.imported.updated,
            "publish_error": report.publish_error,
        }

        def save(writer) -> None:
            writer.set_setting("sync_last_pass", json.dumps(summary))
            if report.ok:
                writer.set_setting("sync_last_success", report.finished_at)

        self.workspace.service.call(save)


def _describe(error: OSError) -> str:
    if isinstance(error, ShareUnavailable):
        return str(error)
    where = f" ({error.filename})" if error.filename else ""
    return f"le dossier partagé a refusé l'écriture ou la lecture : {french_reason(error)}{where}."


def _unpublished(error: OSError) -> str:
    # The file meant, not the temp file beside it that the atomic write was filling.
    path = error.filename2 or error.filename
    if path:
        temporary = TEMP_NAME.match(Path(path).name)
        path = Path(path).with_name(temporary[1]) if temporary else path
    where = f" ({path})" if path else ""
    return f"le dossier partagé n'accepte pas l'écriture : {french_reason(error)}{where}."


def check_shared_folder(data_dir: Path, folder: Path) -> Path:
    """The folder to use as the share, or DataDirError: it must not hold the local data."""
    folder = Path(folder).expanduser().resolve()
    data_dir = Path(data_dir).resolve()
    if folder == data_dir or data_dir in folder.parents or folder in data_dir.parents:
        raise DataDirError(
            f"Le dossier partagé « {folder} » et les données locales « {data_dir} » "
            "ne doivent pas être l'un dans l'autre : la base locale ne vit jamais dans le "
            "dossier partagé. Choisissez un autre dossier."
        )
    check_data_dir(data_dir, folder)
    return folder


# ------------------------------------------------------------------ colleagues
def _note_colleagues(workspace: Workspace, share: Share, entries: Entries) -> None:
    """Who is in the share and their latest change; device.json read only when it moved."""
    saved = workspace.setting("sync_devices") or "{}"
    seen: dict[str, dict] = json.loads(saved)
    latest: dict[str, int] = {}
    for folder in entries.folders:  # a folder's newest time, not an Entry per file
        if folder.mtimes:
            device_id = folder.device_id
            latest[device_id] = max(latest.get(device_id, 0), max(folder.mtimes))
            seen.setdefault(device_id, {})
    for entry in entries.only("device"):
        info = seen[entry.device_id]
        if info.get("device_mtime_ns") != entry.mtime_ns:
            info["device_mtime_ns"] = entry.mtime_ns
            info["user_name"] = _device_info(share, entry) or info.get("user_name", "?")
    for device_id, mtime_ns in latest.items():
        when = datetime.fromtimestamp(mtime_ns / 1e9, UTC).isoformat(timespec="seconds")
        seen[device_id]["last_seen"] = when
    text = json.dumps(seen, sort_keys=True)
    if text != saved:
        workspace.set_setting("sync_devices", text)


def _device_info(share: Share, entry: Entry) -> str | None:
    path = inside(share, entry.relative)
    try:
        info = strict_json.loads(path.read_text("utf-8")) if path else None
    except (OSError, ValueError):
        return None
    name = info.get("user_name") if isinstance(info, dict) else None
    return name if isinstance(name, str) else None


def colleagues(workspace: Workspace) -> list[Colleague]:
    seen = json.loads(workspace.setting("sync_devices") or "{}")
    me = workspace.store.author.device_id
    return sorted(
        (
            Colleague(d, info.get("user_name", "?"), info.get("last_seen", ""))
            for d, info in seen.items()
            if d != me
        ),
        key=lambda c: c.last_seen,
        reverse=True,
    )
