"""What a file name in the share means: ours, a sync client's temp file, or a conflict copy.

Sync clients write beside our files: temp files while they download (never complete,
never to be read), lock files of office suites, and, when two writes collide, conflict
copies named after the original. A conflict copy holds a full record state like any
other, so it is merged and then reported; temp files are only listed as ignored.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

# (pattern on the file name, what it is, in French)
_TEMPORARY = [
    (r"^\.syncthing\..*\.tmp$", "fichier temporaire de Syncthing"),
    (r"^~syncthing~.*\.tmp$", "fichier temporaire de Syncthing"),
    (r"^\..+\.~[0-9a-fA-F]+$", "fichier temporaire de Nextcloud"),
    (r"\.part$", "téléchargement partiel"),
    (r"\.filepart$", "téléchargement partiel"),
    (r"\.crdownload$", "téléchargement partiel"),
    (r"\.tmp$", "fichier temporaire"),
    (r"^\.~lock\..*#?$", "verrou de LibreOffice"),
    (r"^~\$", "verrou de Microsoft Office"),
    (r"^(desktop\.ini|thumbs\.db|\.ds_store)$", "fichier système"),
    (r"^\._", "fichier système (macOS)"),
    (r"^\..+\.[A-Za-z0-9]{6}$", "fichier temporaire de rsync"),
]
_TEMPORARY_RE = [(re.compile(p, re.IGNORECASE), why) for p, why in _TEMPORARY]

# Conflict copies: the original name is kept in group "stem", the suffix tells the client.
_CONFLICT = [
    (r"^(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+$", "Syncthing"),
    (r"^(?P<stem>.+) \(conflicted copy \d{4}-\d{2}-\d{2} ?\d{6}\)$", "Nextcloud"),
    (r"^(?P<stem>.+) \(.*conflicted copy.*\)$", "Dropbox"),
    (r"^(?P<stem>.+) \(conflict(ed)?[^)]*\)$", "client de synchronisation"),
    (r"^(?P<stem>[A-Za-z0-9_]+)-(?P<host>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)$", "OneDrive"),
]
_CONFLICT_RE = [(re.compile(p, re.IGNORECASE), client) for p, client in _CONFLICT]

RECORD_ID = re.compile(r"^[A-Za-z0-9_]{1,64}$")
DEVICE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MEDIA_NAME = re.compile(r"^(?P<digest>[0-9a-f]{64})(?P<ext>\.[a-z0-9]{1,8})$")


@dataclass(frozen=True)
class NameKind:
    kind: str  # "record", "conflict-copy", "temporary", "other"
    why: str = ""  # French: what the file is (temporary or conflict copy)
    record_id: str = ""


def temporary_reason(name: str) -> str | None:
    for pattern, why in _TEMPORARY_RE:
        if pattern.search(name):
            return why
    return None


def classify_record_name(name: str) -> NameKind:
    """A name in a records folder: « ID.json », a conflict copy of one, or something else."""
    why = temporary_reason(name)
    if why:
        return NameKind("temporary", why)
    if not name.lower().endswith(".json"):
        return NameKind("other", "pas un fichier de Carnet")
    stem = name[: -len(".json")]
    if RECORD_ID.match(stem):
        return NameKind("record", record_id=stem)
    for pattern, client in _CONFLICT_RE:
        match = pattern.match(stem)
        if match and RECORD_ID.match(match.group("stem")):
            return NameKind("conflict-copy", f"copie de conflit ({client})", match.group("stem"))
    return NameKind("other", "nom de fichier inattendu")


NOT_UTF8_NAME = "nom de fichier illisible (pas de l'UTF-8, écrit par un autre système ?) : ignoré"


def is_utf8_name(name: str) -> bool:
    """A name the system gave with undecodable bytes (os.fsdecode's surrogates: a Latin-1
    « é » written by another system) cannot be tracked, stored or printed as text."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_name(name: str) -> str:
    """The name as text that can be shown and stored: undecodable bytes as « \\xe9 »."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")
