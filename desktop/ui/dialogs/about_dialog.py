"""« À propos de Carnet »: version, data folder, and the venue directory's attribution."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.forms.venue_directory import ATTRIBUTION
from desktop.ui.texts import fill

VERSION = "0.1.0"


def show_about(parent: QWidget, data_dir: Path) -> None:
    title = QCoreApplication.translate("AboutDialog", "À propos de Carnet")
    text = QCoreApplication.translate(
        "AboutDialog",
        "<h3>Carnet — visites de tiers-lieux</h3>"
        "<p>Version %1</p>"
        "<p>Fiches de visite hors ligne pour les animateur·rices des réseaux de tiers-lieux.</p>"
        "<p><b>Annuaire des lieux</b> : %2</p>"
        "<p>Données locales : %3</p>",
    )
    text = fill(text, VERSION, html.escape(ATTRIBUTION), html.escape(str(data_dir)))
    QMessageBox.about(parent, title, text)
