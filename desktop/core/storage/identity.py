"""Who uses this laptop: the name that signs new visits, asked once at first run.

Until the user gives a name, the login name (« root », « jdupont ») stands in, so
headless commands keep working unattended. The app asks before the first record.
When the name is given or changed, this laptop's own visits (those made on this database,
under a former device id too) still signed with the previous name follow it (a stamped edit of « Facilitateur·rice », so it travels),
which is why the visit list, the history, the exports and the PDFs show the new name:
they all read that field. A visit signed with anyone else's name is left alone. The
name is saved at once; the visits follow in batches (resigning.py), which an
interrupted app takes up again at its next start.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.core.storage.data_service import Writer, system_user_name
from desktop.core.storage.resigning import add_pending
from desktop.core.storage.workspace import Workspace

CONFIRMED = "identity_confirmed"  # set once the user said who they are


def needs_identity(workspace: Workspace) -> bool:
    """True until the user has said who they are on this data folder.

    A name stored by an older version was the login name, set without asking: that one
    is asked again."""
    if workspace.setting(CONFIRMED):
        return False
    stored = workspace.setting("user_name")
    return not stored or stored == system_user_name()


def set_identity(workspace: Workspace, name: str, network: str | None = None) -> bool:
    """Save the user's name (and the network, when given), at once; True when visits
    signed with the previous name are due to follow it: resigning.resign_all does it,
    in batches (the window runs it in the background; at the next start if cut short)."""
    name = name.strip()
    if not name:
        raise ValueError("Le nom ne peut pas être vide.")
    previous = workspace.store.author.user_name
    return workspace.service.call(lambda writer: _save(writer, previous, name, network))


def _save(writer: Writer, previous: str, name: str, network: str | None) -> bool:
    writer.set_setting("user_name", name)
    writer.set_setting(CONFIRMED, "1")
    if network is not None:
        writer.set_setting("network_name", network.strip())
    # From here on, stamps (the re-signing ones included) carry the new name.
    writer.service.author = replace(writer.service.author, user_name=name)
    return add_pending(writer, previous, name)
