"""The network's templates: read from `<share>/Carnet/modeles/` at every pass.

A coordinator drops a template (`<id>.schema.json`, with its `<id>.schema.en.json`
catalogue if any) into the share's `modeles/` folder. Each laptop, at its next pass:
- ignores what a sync client is still writing (temp names; an empty file or JSON that
  stops short is « en cours d'arrivée », looked at again next pass; refused only once it
  has stayed so for ten minutes: then it was damaged where it was written);
- checks the rest (template_check): a refused file changes nothing, its reason is kept
  and shown, and it is judged again only when its bytes (or its catalogue's) change;
- copies an accepted one atomically into the data folder's `modeles/` (the version in
  use) and `modeles/versions/<id>.v<N>.schema.json` (every version received: what a
  document used is never lost), then the workspace reads its templates again.
A file that disappears from the share changes nothing here (the share may be unplugged):
the template received stays in use.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.forms import strict_json
from desktop.core.forms.template_check import (
    TemplateIncomplete,
    check_network_template,
    parse_template_file,
)
from desktop.core.forms.templates import (
    TEMPLATE_SUFFIX,
    VERSIONS_DIR,
    TemplateError,
    TemplateSet,
    received_versions,
    template_files,
)
from desktop.core.storage.files import write_atomic
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.names import NOT_UTF8_NAME, is_utf8_name, shown_name, temporary_reason
from desktop.core.sync.share import Share

SHARE_TEMPLATES = "modeles"  # in <share>/Carnet/
STATE_KEY = "network_templates"  # the setting: what each shipped file was found to be
CATALOGUE_SUFFIX = ".schema.en.json"
ACCEPTED, REFUSED, ARRIVING = "accepte", "refuse", "en-cours"
STALE_SECONDS = 600  # a sync client finishes a file of a few kilobytes well within that


@dataclass
class TemplatesReport:
    arrived: list[tuple[str, int, str]] = field(default_factory=list)  # (id, version, title)
    refused: list[tuple[str, str]] = field(default_factory=list)  # newly: (file, reason)
    still_refused: list[tuple[str, str]] = field(default_factory=list)  # unchanged since
    arriving: list[str] = field(default_factory=list)  # files a sync client is still copying

    def lines(self) -> list[str]:
        """French lines for the pass's summary (the sync command prints them)."""
        found = [f"Modèle reçu du réseau : « {t} » ({i}, version {v})." for i, v, t in self.arrived]
        found += [f"Modèle refusé : {name} — {why}" for name, why in self.refused]
        found += [
            f"Modèle toujours refusé (inchangé) : {name} — {why}"
            for name, why in self.still_refused
        ]
        if self.arriving:
            found.append(f"Modèle en cours d'arrivée : {', '.join(self.arriving)}.")
        return found


def shipped_files(share: Share) -> list[Path]:
    """The template files of the share's `modeles/` (no links, no sync clients' temp files)."""
    folder = share.root / SHARE_TEMPLATES
    try:
        with os.scandir(folder) as entries:
            found = [Path(e.path) for e in entries if e.is_file(follow_symlinks=False)]
    except OSError:  # no such folder yet, or unreadable: nothing shipped
        return []
    return sorted(
        p
        for p in found
        if p.name.endswith(TEMPLATE_SUFFIX)
        and "." not in p.name.removesuffix(TEMPLATE_SUFFIX)
        and not temporary_reason(p.name)
    )


def receive_templates(workspace: Workspace, share: Share) -> TemplatesReport:
    """Judge what changed in the share's `modeles/`; install what is accepted."""
    report = TemplatesReport()
    saved = workspace.setting(STATE_KEY) or "{}"
    state: dict[str, dict] = json.loads(saved)
    present = set()
    for path in shipped_files(share):
        if not is_utf8_name(path.name):  # it could be neither kept in state nor shown
            report.refused.append((shown_name(path.name), NOT_UTF8_NAME))
            continue
        present.add(path.name)
        _receive_one(workspace, path, state, report)
    for name in set(state) - present:  # gone from the share: forgotten, never uninstalled
        del state[name]
    text = json.dumps(state, sort_keys=True, ensure_ascii=False)
    if text != saved:
        workspace.set_setting(STATE_KEY, text)
    return report


def _receive_one(workspace: Workspace, path: Path, state: dict, report: TemplatesReport) -> None:
    try:
        data = path.read_bytes()
        catalogue = _catalogue_bytes(path)
    except OSError:
        report.arriving.append(path.name)  # held by a sync client: next pass
        return
    digest = hashlib.sha256(data + b"\0" + (catalogue or b"")).hexdigest()
    known = state.get(path.name)
    if known and known.get("sha256") == digest and _settled(workspace, known):
        if known["status"] == REFUSED:
            report.still_refused.append((path.name, known["reason"]))
        return
    try:
        template, held = _judge(workspace, path.name, data, catalogue)
    except TemplateIncomplete as error:
        if not _stale(path):
            report.arriving.append(path.name)
            state[path.name] = {"sha256": digest, "status": ARRIVING}
            return
        reason = f"{error} : inchangé depuis plus de 10 minutes, le fichier semble abîmé"
        report.refused.append((path.name, reason))
        state[path.name] = {"sha256": digest, "status": REFUSED, "reason": reason}
        return
    except TemplateError as error:
        report.refused.append((path.name, str(error)))
        state[path.name] = {"sha256": digest, "status": REFUSED, "reason": str(error)}
        return
    state[path.name] = {
        "sha256": digest,
        "status": ACCEPTED,
        "id": template.id,
        "version": template.version,
    }
    previous = held.source if held is not None else None
    if _install(workspace, template.id, template.version, data, catalogue, previous):
        report.arrived.append((template.id, template.version, template.title))
        workspace.reload_templates()  # the next file of the pass is judged against it


def _settled(workspace: Workspace, known: dict) -> bool:
    """Whether an unchanged file's verdict stands: not one still arriving, nor one accepted
    whose version is not in use (left out when loaded: it widens who sees a field)."""
    if known.get("status") == ARRIVING:
        return False
    if known.get("status") != ACCEPTED:
        return True
    held = _held(workspace.templates, known.get("id"))
    return held is not None and held.version >= known.get("version", 0)


def _stale(path: Path) -> bool:
    """Incomplete for too long to be still arriving: a file damaged where it was written."""
    try:
        return time.time() - path.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def _catalogue_bytes(path: Path) -> bytes | None:
    catalogue = path.with_name(path.name.removesuffix(TEMPLATE_SUFFIX) + CATALOGUE_SUFFIX)
    return catalogue.read_bytes() if catalogue.is_file() else None


def _judge(workspace: Workspace, name: str, data: bytes, catalogue: bytes | None):
    schema = parse_template_file(data)
    template_id = schema.get("x-template-id") if isinstance(schema, dict) else None
    held = _held(workspace.templates, template_id)
    earlier = _earlier_versions(workspace, template_id)
    template = check_network_template(name, schema, held, earlier)
    if catalogue is not None:
        try:
            texts = parse_template_file(catalogue)
        except TemplateError as error:
            raise type(error)(f"son catalogue anglais {CATALOGUE_SUFFIX} : {error}") from None
        if not isinstance(texts, dict):
            raise TemplateError(f"son catalogue anglais {CATALOGUE_SUFFIX} n'est pas un objet")
    return template, held


def _earlier_versions(workspace: Workspace, template_id) -> list[dict]:
    """Every version of that id this laptop knows besides the one in use: Carnet's own
    (in schemas/) and each one received (modeles/versions/)."""
    if not isinstance(template_id, str):
        return []
    found = []
    for path in template_files(workspace.templates.schemas_dir):
        try:
            schema = strict_json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(schema, dict) and schema.get("x-template-id") == template_id:
            found.append(schema)
    versions = workspace.network_templates_dir / VERSIONS_DIR
    return found + received_versions(versions, template_id)


def _held(templates: TemplateSet, template_id):
    french = templates.french or templates
    if not isinstance(template_id, str):
        return None
    try:
        return french.template(template_id)
    except TemplateError:
        return None


def _install(
    workspace: Workspace,
    template_id: str,
    version: int,
    data: bytes,
    catalogue: bytes | None,
    previous: Path | None,
) -> bool:
    """Copy a checked template in (each file atomically); False if already the one in use.
    previous: the file of the version in use (Carnet's own, or one received before)."""
    folder = workspace.network_templates_dir
    current = folder / f"{template_id}{TEMPLATE_SUFFIX}"
    if current.is_file() and current.read_bytes() == data and _same_catalogue(current, catalogue):
        return False
    kept = folder / VERSIONS_DIR / f"{template_id}.v{version}{TEMPLATE_SUFFIX}"
    _keep_previous(folder, previous)
    write_atomic(kept, data)
    if catalogue is not None:
        write_atomic(kept.with_name(f"{template_id}.v{version}{CATALOGUE_SUFFIX}"), catalogue)
        write_atomic(folder / f"{template_id}{CATALOGUE_SUFFIX}", catalogue)
    write_atomic(current, data)  # last: the version in use moves only once all is written
    return True


def _same_catalogue(current: Path, catalogue: bytes | None) -> bool:
    held = _catalogue_bytes(current)
    return held == catalogue


def _keep_previous(folder: Path, previous: Path | None) -> None:
    """The version in use, kept under its number before it is replaced: its titles name
    the fields a newer version removed."""
    if previous is None:
        return
    try:
        schema = strict_json.loads(previous.read_text("utf-8"))
        name = f"{schema['x-template-id']}.v{int(schema['x-template-version'])}{TEMPLATE_SUFFIX}"
    except (OSError, ValueError, KeyError, TypeError):
        return
    kept = folder / VERSIONS_DIR / name
    if not kept.exists():
        write_atomic(kept, previous.read_bytes())
