"""Headless backup commands: `backup [-o FICHIER]` and `restore FICHIER`.

`restore` runs without opening the workspace first, so that it also repairs a data
folder whose database is damaged: the damaged file is set aside, never deleted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_OK, Commands
from desktop.core.backups import making as backup
from desktop.core.backups.making import BackupError, BackupInfo
from desktop.core.backups.recovery import damage_problem, recover
from desktop.core.backups.restore import restore
from desktop.core.forms import french
from desktop.core.storage.data_dir import DATABASE_NAME, check_data_dir, default_data_dir
from desktop.core.storage.workspace import Workspace, open_workspace


def register(commands: Commands) -> None:
    made = commands.add(
        "backup", "sauvegarder la base (dossier des sauvegardes, ou -o FICHIER)", cmd_backup
    )
    made.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FICHIER",
        help="écrire la sauvegarde dans ce fichier (hors rotation)",
    )
    # No workspace opened first: restore also repairs a data folder whose base is damaged.
    restore = commands.add(
        "restore",
        "restaurer une sauvegarde (l'état actuel est sauvegardé avant)",
        cmd_restore,
        workspace=False,
    )
    restore.add_argument("file", type=Path, metavar="FICHIER")


def describe(info: BackupInfo) -> str:
    when = info.created.strftime("%d/%m/%Y %H:%M")
    size = french.size_text(info.size)  # « 0,5 Mo », the French way
    return f"{when}, {info.venues} lieu(x), {info.visits} visite(s), {size}"


def cmd_backup(ws: Workspace, args: argparse.Namespace) -> int:
    db_path = ws.data_dir / DATABASE_NAME
    if args.output:
        target = args.output.expanduser().resolve()
        if target.exists():
            raise BackupError(f"« {args.output} » existe déjà : choisissez un autre nom.")
        if not target.parent.is_dir():
            raise BackupError(f"Le dossier « {target.parent} » n'existe pas.")
        backup.check_backup_folder(target.parent, ws.setting("shared_folder") or None)
        info = backup.write_backup(db_path, target)
    else:
        folder = backup.backup_folder(ws.setting, ws.data_dir)
        info = backup.make_backup(db_path, folder)
        backup.rotate(folder)
    print(f"Sauvegarde : {info.path} ({describe(info)})")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    data_dir = check_data_dir(args.data_dir or default_data_dir())
    db_path = data_dir / DATABASE_NAME
    if not args.file.is_file():
        raise BackupError(f"« {args.file} » n'existe pas ou n'est pas un fichier.")
    problem = damage_problem(db_path)
    synced = False
    if problem:
        report = recover(db_path, args.file)
        print(f"La base actuelle était endommagée ({problem}) ; mise de côté, jamais effacée :")
        for path in report.set_aside:
            print(f"  {path}")
    else:
        workspace = open_workspace(data_dir)
        try:
            folder = backup.backup_folder(workspace.setting, workspace.data_dir)
            synced = bool(workspace.setting("shared_folder"))
            templates = workspace.service.templates  # the writer's, as the merge needs
        finally:
            workspace.close()
        report = restore(args.file, db_path, folder, templates=templates)
        print(f"État précédent sauvegardé : {report.pre_restore.path}")
    print(f"Restauré : {args.file} ({describe(report.restored)})")
    _say_taken_back(report.taken_back, synced)
    _say_new_device(data_dir)
    if report.missing_media:
        print(
            f"{len(report.missing_media)} fichier(s) de photos ou de documents manquant(s) "
            f"dans {data_dir / 'media'} :"
        )
        for path in report.missing_media[:20]:
            print(f"  {path}")
    return EXIT_OK


SYNCED_RESTORE = (
    "Ce poste est synchronisé : à la prochaine synchronisation, vos collègues verront aussi "
    "les fiches revenir à l'état de la sauvegarde, et ce qui a été créé depuis sur ce poste "
    "ira dans leur corbeille (rien n'est effacé). Les modifications faites depuis par vos "
    "collègues sont gardées."
)


def _say_taken_back(taken, synced: bool) -> None:
    """What the restore took back of this laptop's later work (core/backups/restore_sync)."""
    if taken is not None and taken.fields:
        print(
            f"Remis à l'état de la sauvegarde : {taken.fields} champ(s) modifié(s) sur ce "
            "poste depuis."
        )
    if taken is not None and taken.trashed:
        print(
            f"Mis à la corbeille : {taken.trashed} élément(s) créé(s) sur ce poste depuis la "
            "sauvegarde (rien n'est effacé)."
        )
    if taken is not None and taken.answered:
        print(
            f"Conflits en attente tranchés par la restauration : {taken.answered} (la version "
            "des collègues reste dans la sauvegarde « avant restauration »)."
        )
    if synced:
        print(SYNCED_RESTORE)


def _say_new_device(data_dir: Path) -> None:
    """A backup of another computer or folder: it writes under a fresh device id from now
    on (core/storage/device_binding.py), taken here, at its first opening."""
    from desktop.core.storage.device_binding import moved_notice

    workspace = open_workspace(data_dir)
    try:
        notice = moved_notice(workspace.db)
    finally:
        workspace.close()
    if notice is not None:
        print(
            f"Nouvel identifiant d'appareil : {notice['after']} (la sauvegarde vient d'un "
            f"autre ordinateur ou d'un autre dossier ; l'ancien : {notice['before']})."
        )
