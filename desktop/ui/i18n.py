"""Qt's translation system: French is the source language, English a translation.

The .ts sources and compiled .qm files live in resources/translations/. Qt's own
dialogs (file dialogs, message box buttons) get their translation from Qt's bundled
qtbase catalogue, in French as well as English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import RESOURCES

TRANSLATIONS_DIR = RESOURCES / "translations"
log = logging.getLogger(__name__)
SOURCE_LANGUAGE = "fr"


def choose_language(requested: str | None, saved: str | None) -> str:
    """--lang wins, then the saved preference, then the system locale (fr unless en)."""
    for choice in (requested, saved):
        if choice in {"fr", "en"}:
            return choice
    system = QLocale.system().name().split("_")[0]
    return "en" if system == "en" else SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # carnet_fr only holds the French plural forms of the %n strings; qtbase_extra_fr the
    # few words of Qt's file dialog that Qt's own qtbase_fr leaves in English.
    catalogues = [
        (f"qtbase_{language}", qt_dir),
        (f"qtbase_extra_{language}", str(TRANSLATIONS_DIR)),
        (f"carnet_{language}", str(TRANSLATIONS_DIR)),
    ]
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
        elif name.startswith("qtbase_") and language != "en" and "extra" not in name:
            log.warning(
                "Qt's catalogue %s is missing in %s: Qt's dialogs stay English", name, folder
            )
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if language == "fr" else QLocale.Language.English,
            QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    return translators
