"""A damaged or unreadable database, told in French: which file, and what to do.

Every command that opens the workspace looks at the file first (SQLite's quick_check,
the app's own check at start) and refuses a damaged one with exit code 2, before
anything writes into it; damage that only shows while reading (a text that is no
longer UTF-8) ends the command the same way, never with a traceback.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.backups.recovery import damage_problem, latest_restorable, recovery_folders
from desktop.core.storage.data_dir import DATABASE_NAME


class DamagedDatabase(Exception):
    """str() is the French message for the user."""


def check_database(data_dir: Path) -> None:
    """Raise DamagedDatabase if the folder's database is damaged (a missing one is not)."""
    problem = damage_problem(Path(data_dir) / DATABASE_NAME)
    if problem:
        raise DamagedDatabase(damaged_text(data_dir, problem))


def damaged_text(data_dir: Path, problem: str) -> str:
    db_path = Path(data_dir) / DATABASE_NAME
    latest = latest_restorable(recovery_folders(Path(data_dir)))
    command = f"python main.py --data-dir {data_dir} restore"
    if latest is not None:
        what_to_do = (
            f"Restaurez la dernière sauvegarde : {command} « {latest.path} » "
            "(le fichier endommagé est mis de côté, jamais effacé)."
        )
    else:
        what_to_do = (
            f"Aucune sauvegarde trouvée : restaurez-en une avec {command} FICHIER "
            "(le fichier endommagé est mis de côté, jamais effacé), ou ouvrez Carnet."
        )
    return f"La base de données « {db_path} » est endommagée ({problem}). {what_to_do}"
