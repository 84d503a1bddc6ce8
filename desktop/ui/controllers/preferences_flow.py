"""Fichier › Préférences… (Ctrl+,): the dialog filled from the settings, and what the
user chose saved back through the data service."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.storage.identity import set_identity
from desktop.ui.controllers.resign_progress import Resigning
from desktop.ui.controllers.ui_context import UiContext

SETTINGS = ("network_name", "network_logo", "language", "backup_second_dir")  # saved as chosen


def edit_preferences(
    context: UiContext, share_changed: Callable[[], None], resigning: Resigning
) -> None:
    """Show the dialog; share_changed runs when another shared folder was chosen;
    resigning re-signs this laptop's visits when the name changed."""
    from desktop.ui.dialogs.preferences_dialog import PreferencesDialog

    workspace = context.workspace
    values = {key: workspace.setting(key) for key in (*SETTINGS, "shared_folder")}
    values["user_name"] = workspace.store.author.user_name
    values["device_id"] = workspace.store.author.device_id
    dialog = PreferencesDialog(values, context.parent, workspace.data_dir)
    if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
        return
    chosen = dialog.values()
    if chosen["user_name"]:  # an empty name keeps the one known
        set_identity(workspace, chosen["user_name"])
        resigning.start()  # this laptop's visits follow it, in the background
    for key in SETTINGS:
        workspace.set_setting(key, chosen[key])
    if chosen["shared_folder"] != values["shared_folder"]:
        workspace.set_setting("shared_folder", chosen["shared_folder"])
        workspace.set_setting("sync_share_known", "")  # not met yet: missing is not « unplugged »
        share_changed()
