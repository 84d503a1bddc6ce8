"""Who uses this laptop: the name that signs new visits, asked once at first run.

Until the user gives a name, the login name (« root », « jdupont ») stands in, so
headless commands keep working unattended. The app asks before the first record.
When the name is given or changed, this laptop's own visits (those made on this database,
under a former device id too) still signed with the previous name follow it (a stamped edit of « Facilitateur·rice », so it travels),
which is why the visit list, the history, the exports and the PDFs show the new name:
they all read that field. A visit signed with anyone else's name is left alone.
"""

from __future__ import annotations

import json
from dataclasses import replace

from desktop.core.storage.data_service import Writer, system_user_name
from desktop.core.storage.device_binding import carried_devices
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


def set_identity(workspace: Workspace, name: str, network: str | None = None) -> int:
    """Save the user's name (and the network, when given); returns how many of this
    laptop's visits were re-signed from the previous name."""
    name = name.strip()
    if not name:
        raise ValueError("Le nom ne peut pas être vide.")
    previous = workspace.store.author.user_name
    return workspace.service.call(lambda writer: _save(writer, previous, name, network))


def _save(writer: Writer, previous: str, name: str, network: str | None) -> int:
    writer.set_setting("user_name", name)
    writer.set_setting(CONFIRMED, "1")
    if network is not None:
        writer.set_setting("network_name", network.strip())
    # From here on, stamps (the re-signing ones included) carry the new name.
    writer.service.author = replace(writer.service.author, user_name=name)
    if previous == name:
        return 0
    store = writer.store
    # This laptop's: made under its device id, or here under a former one (a restored
    # backup, core/storage/device_binding.py).
    devices = [store.author.device_id, *(old for old, _ in carried_devices(store.db))]
    marks = ", ".join("?" * len(devices))
    rows = store.db.conn.execute(
        f"SELECT id, data, template_id FROM visits WHERE created_device IN ({marks})", devices
    ).fetchall()
    signed = []  # (record id, the field that signs it in its template)
    for record_id, data, template_id in rows:
        key = store.templates.template_or_visit(template_id).author_key
        if key and json.loads(data).get(key) == previous:
            signed.append((record_id, key))
    for record_id, key in signed:
        store.update_visit(record_id, {key: name})
    return len(signed)
