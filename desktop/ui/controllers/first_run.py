"""The first run: ask who the user is (first_run_dialog.py) before the first record,
and save it (core/storage/identity.py). Headless commands never come here.

The name is saved at once; the visits already signed with the login name follow it in
the background (resign_progress.py), and what a closed window left of that job is taken
up here at the next start (the start asks for the identity first thing)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.storage.identity import needs_identity, set_identity
from desktop.ui.controllers.resign_progress import Resigning
from desktop.ui.controllers.ui_context import UiContext


def ask_identity(
    context: UiContext, share_changed: Callable[[], None], resigning: Resigning
) -> bool:
    """Show the dialog if the user has not said who they are; False if they put it off."""
    from desktop.ui.dialogs.first_run_dialog import FirstRunDialog

    workspace = context.workspace
    if not needs_identity(workspace):
        resigning.start()  # visits left to re-sign by the last session, if any
        return True
    known = {key: workspace.setting(key) for key in ("network_name", "shared_folder")}
    dialog = FirstRunDialog(known, workspace.data_dir, context.parent)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return False
    chosen = dialog.values()
    set_identity(workspace, chosen["user_name"], chosen["network_name"])  # a few settings
    resigning.start()  # the visits follow, in the background
    if chosen["shared_folder"] != known["shared_folder"]:
        workspace.set_setting("shared_folder", chosen["shared_folder"])
        workspace.set_setting("sync_share_known", "")  # not met yet: missing is not « unplugged »
        share_changed()
    return True
