"""Which share this is: an id written in `Carnet/` on first use, and what it means here.

The publish index (what this laptop wrote to the share) describes one share. When the
share's id is not the one the index was made for (a new share, a share rebuilt from an
old copy, a `Carnet` folder created again by hand), the index says nothing true about
it: it is forgotten and this laptop publishes everything again.

A share's `Carnet` folder is created only on first use of that folder. If it vanishes
from a folder that was seen before, the drive is most likely unplugged, and creating it
again would write onto an empty mount point: that stays refused. A folder never seen is
set up only when the user agreed (the app asks; `sync --shared DOSSIER` names it).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core.forms import strict_json
from desktop.core.sync.share import APP_FOLDER, Share, ShareUnavailable

ID_FILE = "partage.json"
KNOWN = "sync_share_known"  # the share folder seen last (« 1 »: seen, before folders were told)
SHARE_ID = "sync_share_id"  # the share the publish index describes


class ShareNotSetUp(ShareUnavailable):
    """The folder has no `Carnet` folder and was never used: ask before setting it up."""


def folder_key(folder: Path) -> str:
    return str(Path(folder).expanduser().resolve())


def seen_before(known: str | None, folder: Path) -> bool:
    """Was this folder's `Carnet` folder seen by this laptop (its absence means unplugged)?"""
    return known == "1" or known == folder_key(folder)


def open_share(share: Share, known: str | None, set_up: bool) -> None:
    """Raise ShareUnavailable (or ShareNotSetUp) unless the share can be used now;
    a folder never seen is given its `Carnet` folder when set_up is true."""
    if share.folder.is_dir() and not share.root.is_dir() and not seen_before(known, share.folder):
        if not set_up and known:  # a laptop's very first share needs no second question
            raise ShareNotSetUp(
                f"Le dossier partagé « {share.folder} » ne contient pas encore de dossier "
                f"« {APP_FOLDER} » : confirmez pour le préparer (panneau Synchronisation, "
                "ou `sync --shared DOSSIER`)."
            )
        share.check_available(known_before=False)
        return
    share.check_available(known_before=seen_before(known, share.folder))


def read_share_id(share: Share) -> str | None:
    try:
        info = strict_json.loads((share.root / ID_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    share_id = info.get("share_id") if isinstance(info, dict) else None
    return share_id if isinstance(share_id, str) and share_id else None


def ensure_share_id(share: Share) -> str | None:
    """The share's id, written on first use (read back: another laptop may have won);
    None if it cannot be written (a share this laptop may only read)."""
    found = read_share_id(share)
    if found:
        return found
    info = {"format": "carnet-share", "version": 1, "share_id": uuid.uuid4().hex}
    try:
        share.write(share.root / ID_FILE, json.dumps(info, indent=1).encode("utf-8"))
    except OSError:
        return None
    return read_share_id(share) or info["share_id"]
