"""Telling the user, once, that this database took a fresh device id (it was restored on
another computer or its folder copied: core/storage/device_binding.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.storage.device_binding import mark_told, moved_notice
from desktop.core.storage.workspace import Workspace
from desktop.ui.texts import fill


def device_moved_text(before: str, after: str) -> str:
    text = fill(
        QCoreApplication.translate(
            "DeviceNotice",
            "Ces données viennent d'un autre ordinateur ou d'un autre dossier (sauvegarde "
            "restaurée, dossier copié). Pour que deux ordinateurs n'écrivent jamais le même "
            "dossier du partage, Carnet signe désormais les modifications faites ici avec un "
            "nouvel identifiant d'appareil : %1 (l'ancien : %2).",
        ),
        after,
        before,
    )
    text += "\n\n" + QCoreApplication.translate(
        "DeviceNotice",
        "Rien n'est perdu : les modifications déjà faites gardent leur auteur, et celles "
        "que l'ancien appareil n'avait pas encore partagées le seront depuis cet ordinateur.",
    )
    text += "\n\n" + QCoreApplication.translate(
        "DeviceNotice",
        "Si l'ancien ordinateur ne sert plus (perdu, remplacé), reprenez ses fiches PDF : "
        "Synchronisation › Collègues › « Reprendre ses fiches (ordinateur retiré)… ».",
    )
    return text


def tell_device_moved(workspace: Workspace, parent: QWidget | None) -> QMessageBox | None:
    """Show the notice if there is one not yet told (without waiting: the window goes on),
    and remember it was told. Returns the message box shown, if any."""
    if workspace.read_only:
        return None
    notice = moved_notice(workspace.db)
    if notice is None:
        return None
    title = QCoreApplication.translate("DeviceNotice", "Nouvel identifiant d'appareil")
    box = QMessageBox(QMessageBox.Icon.Information, title, "", QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    box.setText(device_moved_text(notice["before"], notice["after"]))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    workspace.service.call(mark_told)
    return box
