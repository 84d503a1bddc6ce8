"""A damaged database at start: say so in French, set the file aside, restore the latest
backup (or start with an empty base), then let the app start.

The decisions are injectable (ask, inform) so that tests drive them without a display
of message boxes; by default they are QMessageBoxes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.backups.damage import BackgroundCheck, damage_of, damage_problem
from desktop.core.storage.data_dir import DATABASE_NAME, check_data_dir, default_data_dir
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.workspace import Workspace, open_workspace
from desktop.ui.i18n import choose_language, install_translators
from desktop.ui.texts import fill

if TYPE_CHECKING:  # the backups' modules are imported only when the base is damaged
    from desktop.core.backups.info import BackupInfo
    from desktop.core.backups.restore import RestoreReport

Ask = Callable[[str, "BackupInfo | None", Path], bool]
Inform = Callable[[str], None]


def open_or_recover(
    data_dir: Path | None,
    language: str | None = None,
    ask: Ask | None = None,
    inform: Inform | None = None,
    check: BackgroundCheck | None = None,
) -> Workspace | None:
    """The workspace, after recovery if its database is damaged; None if the user quits.

    Raises DataDirError, DatabaseError (a database that is not damaged but refused, e.g.
    from a newer Carnet) or BackupError (the recovery itself failed) like open_workspace.
    check: the quick check, already started on a thread at start (entry.py).
    """
    folder = check_data_dir(data_dir or default_data_dir())
    db_path = folder / DATABASE_NAME
    problem = check.problem(db_path) if check else damage_problem(db_path)
    if problem is None:
        try:
            return open_workspace(folder, check_templates=False)
        except DatabaseError:
            problem = damage_problem(db_path, thorough=True)
            if problem is None:
                raise
        except sqlite3.DatabaseError as error:  # locked by another program, a full disk…
            problem = damage_of(error, db_path)  # … is said, never taken for damage
    return _recover(folder, problem, language, ask, inform)


def _recover(
    folder: Path, problem: str, language: str | None, ask: Ask | None, inform: Inform | None
) -> Workspace | None:
    from desktop.core.backups import recovery as backup_recovery

    db_path = folder / DATABASE_NAME
    latest = backup_recovery.latest_restorable(backup_recovery.recovery_folders(folder))
    app = QApplication.instance()
    # The saved language is in the damaged base: --lang or the system's, for these messages.
    early = install_translators(app, choose_language(language, None)) if app else []
    try:
        if not (ask or ask_what_to_do)(problem, latest, db_path):
            return None
        report = backup_recovery.recover(db_path, latest.path if latest else None)
        (inform or show_information)(recovered_text(report, db_path))
    finally:
        for translator in early:
            app.removeTranslator(translator)
    return open_workspace(folder, check_templates=False)


def ask_what_to_do(problem: str, latest: BackupInfo | None, db_path: Path) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Carnet",
        QCoreApplication.translate("DamagedStart", "La base de données est endommagée"),
    )
    from desktop.ui.dialogs.restore_dialog import content_text, when_text

    values = [db_path, problem]
    if latest is not None:
        text = QCoreApplication.translate(
            "DamagedStart",
            "Carnet ne peut pas ouvrir sa base de données sans risque : le fichier « %1 » est "
            "endommagé (%2).\n\nLa dernière sauvegarde date du %3 (%4). Carnet peut la "
            "restaurer : le fichier endommagé sera mis de côté (renommé, jamais effacé) dans "
            "le même dossier.",
        )
        values += [when_text(latest.created), content_text(latest)]
        accept = QCoreApplication.translate("DamagedStart", "Restaurer la sauvegarde")
    else:
        text = QCoreApplication.translate(
            "DamagedStart",
            "Carnet ne peut pas ouvrir sa base de données sans risque : le fichier « %1 » est "
            "endommagé (%2).\n\nAucune sauvegarde n'a été trouvée. Carnet peut démarrer avec "
            "une base vide : le fichier endommagé sera gardé de côté (renommé, jamais effacé) "
            "dans le même dossier.",
        )
        accept = QCoreApplication.translate("DamagedStart", "Démarrer avec une base vide")
    box.setInformativeText(fill(text, *values))
    go = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        QCoreApplication.translate("DamagedStart", "Quitter"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go


def recovered_text(report: RestoreReport | None, db_path: Path) -> str:
    from desktop.ui.dialogs.restore_dialog import BackupCounts, content_text, when_text

    if report is None:
        text = QCoreApplication.translate("DamagedStart", "Carnet démarre avec une base vide.")
    else:
        text = QCoreApplication.translate(
            "DamagedStart", "La sauvegarde du %1 a été restaurée (%2)."
        )
        text = fill(text, when_text(report.restored.created), content_text(report.restored))
    text += "\n\n" + fill(
        QCoreApplication.translate("DamagedStart", "Le fichier endommagé est gardé dans « %1 »."),
        db_path.parent,
    )
    if report is not None and report.missing_media:
        text += "\n\n" + BackupCounts().missing_media(len(report.missing_media))
    return text


def show_information(text: str) -> None:
    QMessageBox.information(QApplication.activeWindow(), "Carnet", text)
