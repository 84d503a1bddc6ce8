"""Deleting and the rights of people met: delete, trash, person, erase-person."""

from __future__ import annotations

import argparse
import json

from desktop.cli.common import EXIT_OK, Commands
from desktop.core.privacy.erasure import erase_person
from desktop.core.privacy.persons import find_person
from desktop.core.storage.purge import describe, empty_trash
from desktop.core.storage.record_basics import RecordNotFound, now_iso
from desktop.core.storage.store_purge import KIND_NAMES, TABLE_OF_KIND
from desktop.core.storage.workspace import Workspace

DELETED_MESSAGES = {
    "venue": "Lieu mis à la corbeille, avec ses visites",
    "visit": "Visite mise à la corbeille",
    "photo": "Photo mise à la corbeille",
    "document": "Document mis à la corbeille",
}
TABLE_WORDS = {"venues": "lieu(x)", "visits": "visite(s)", "photos": "photo(s)"}
TABLE_WORDS["documents"] = "document(s)"


def register(commands: Commands) -> None:
    delete = commands.add(
        "delete", "mettre un lieu, une visite ou une photo à la corbeille", cmd_delete
    )
    delete.add_argument("kind", choices=list(DELETED_MESSAGES))
    delete.add_argument("id")
    trash = commands.add(
        "trash",
        "lister la corbeille ; --empty : la vider (tout, ou les éléments donnés), sans retour",
        cmd_trash,
    )
    trash.add_argument("--empty", action="store_true", help="supprimer définitivement")
    trash.add_argument("ids", nargs="*", metavar="ID")
    commands.add(
        "person", "ce que Carnet détient sur une personne (JSON)", cmd_person
    ).add_argument("name", metavar="NOM")
    commands.add(
        "erase-person", "effacer un nom partout : remplacé par « [effacé] »", cmd_erase_person
    ).add_argument("name", metavar="NOM")


def cmd_delete(ws: Workspace, args: argparse.Namespace) -> int:
    table = TABLE_OF_KIND[args.kind]
    row = ws.db.conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", (args.id,)).fetchone()
    if row is None:
        raise RecordNotFound(f"{KIND_NAMES[table]} introuvable : {args.id}")
    if row[0]:
        print(f"Déjà dans la corbeille : {args.id}")
        return EXIT_OK
    ws.store.set_deleted(table, args.id, now_iso())
    print(f"{DELETED_MESSAGES[args.kind]} : {args.id}")
    return EXIT_OK


def cmd_trash(ws: Workspace, args: argparse.Namespace) -> int:
    items = ws.store.list_trash()
    if not args.empty:
        if args.ids:
            raise ValueError("Des identifiants ne s'utilisent qu'avec --empty.")
        for item in items:
            print(f"{item.kind}\t{item.id}\t{item.deleted_at[:10]}\t{item.label}")
        if not items:
            print("La corbeille est vide.")
        return EXIT_OK
    if not items and not args.ids:
        print("La corbeille est vide : rien à supprimer.")
        return EXIT_OK
    labels = {item.id: item.label for item in items}
    purged = empty_trash(ws.store, ws.media, args.ids)
    kept = {record_id for _table, record_id, _why in purged.kept}
    for record_id in args.ids or labels:
        if record_id in kept:  # its deletion is in conflict: answered first, never lost
            print(f"Laissé dans la corbeille : {labels[record_id]} ({record_id})")
        else:
            print(f"Supprimé définitivement : {labels[record_id]} ({record_id})")
    print(describe(purged))
    return EXIT_OK


def cmd_person(ws: Workspace, args: argparse.Namespace) -> int:
    mentions = [m.as_json() for m in find_person(ws.store, args.name)]
    print(json.dumps(mentions, ensure_ascii=False, indent=1))
    return EXIT_OK


def cmd_erase_person(ws: Workspace, args: argparse.Namespace) -> int:
    erasure = erase_person(ws.store, args.name)
    if not erasure.occurrences and not erasure.conflicts and not erasure.kept_aside:
        print(f"Aucune mention de « {args.name} » : rien n'a été modifié.")
        return EXIT_OK
    kinds = ", ".join(f"{n} {TABLE_WORDS[t]}" for t, n in erasure.records.items())
    print(
        f"« {args.name} » effacé : {erasure.occurrences} occurrence(s) dans "
        f"{erasure.total_records} enregistrement(s) ({kinds or 'aucun'}) ; "
        f"{erasure.conflicts} version(s) en conflit."
    )
    if erasure.kept_aside:  # versions the sync keeps, not listed as conflicts
        print(f"Autres versions gardées par la synchronisation : {erasure.kept_aside}.")
    print("L'effacement sera transmis aux collègues à la prochaine synchronisation.")
    return EXIT_OK
