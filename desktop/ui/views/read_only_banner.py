"""The banner over the window when the data folder cannot be written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def read_only_banner(content: QWidget) -> QWidget:
    """content under a banner saying that nothing typed will be saved."""
    banner = QLabel(
        QCoreApplication.translate(
            "ReadOnlyBanner",
            "<b>Dossier des données en lecture seule</b> : Carnet affiche vos lieux et vos "
            "visites, mais n'enregistre rien (ni saisie, ni synchronisation, ni sauvegarde). "
            "Copiez le dossier sur un disque où vous pouvez écrire pour travailler.",
        )
    )
    banner.setObjectName("readOnlyBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 8px;")
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    return page
