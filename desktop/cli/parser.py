"""The command line: one parser, each family of commands registering its own, one runner.

Every command that changes data either succeeds whole or changes nothing, and bad
input gets a French message on stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

from desktop.cli import (
    attachments,
    backup,
    exchange,
    maintenance,
    privacy,
    record_templates,
    records,
    report,
    sheets,
    sync,
)
from desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, USER_ERRORS, CommandError, Commands
from desktop.cli.damage import DamagedDatabase, check_database, damaged_text
from desktop.core.backups.damage import is_damage, unavailable_text
from desktop.core.backups.recovery import clean_leftovers
from desktop.core.diagnostics.log_files import start_logging
from desktop.core.storage.data_dir import DATABASE_NAME, check_data_dir, default_data_dir
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.workspace import open_workspace

FAMILIES = (
    maintenance,
    exchange,
    records,
    record_templates,
    attachments,
    sheets,
    report,
    sync,
    backup,
    privacy,
)


def build_parser(prog: str = "python main.py") -> argparse.ArgumentParser:
    """prog: how the user started Carnet (« carnet » when installed), for --help's usage."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Carnet — visites de tiers-lieux. Sans commande : ouvre l'application.",
    )
    parser.add_argument("--data-dir", type=Path, help="dossier des données locales")
    parser.add_argument("--lang", choices=["fr", "en"], help="langue de l'interface")
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMANDE"))
    for family in FAMILIES:
        family.register(commands)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    return execute(parser, parser.parse_args(argv))


def execute(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run the parsed command on its data folder; French refusals exit with code 2."""
    start_logging()
    if not args.command:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        code = args.handler(args) if not args.needs_workspace else _with_workspace(args)
        sys.stdout.flush()  # here, not at exit: a closed pipe is then still ours to handle
        return code
    except (CommandError, DamagedDatabase, *USER_ERRORS) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `list | head -1`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return EXIT_OK


def _with_workspace(args: argparse.Namespace) -> int:
    """The command on its opened workspace; a damaged database refused before any write."""
    folder = check_data_dir(args.data_dir or default_data_dir())
    try:
        check_database(folder)
    except DamagedDatabase as damage:
        if args.command != "check":
            raise
        print(f"Problème : {damage}")  # check reports it as it reports any problem
        print("1 problème(s).")
        return EXIT_BAD_INPUT
    try:
        workspace = open_workspace(folder)
        try:
            clean_leftovers(workspace)  # temp files of an interrupted attach, backup, restore
            return args.handler(workspace, args)
        finally:
            workspace.close()
    except sqlite3.DatabaseError as error:  # damage that shows only when read, or a full disk
        if not is_damage(error):
            raise DatabaseError(unavailable_text(error, folder / DATABASE_NAME)) from None
        raise DamagedDatabase(damaged_text(folder, str(error))) from None
