"""Looking after the data folder: check, conflicts, import-venues."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_PROBLEM, Commands
from desktop.core.forms.templates import TemplateError, TemplateSet
from desktop.core.forms.venue_directory import read_directory_csv
from desktop.core.merge.conflicts import conflicts_as_json
from desktop.core.storage.db import integrity_problems
from desktop.core.storage.directory_store import replace_directory
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    commands.add(
        "import-venues", "charger l'annuaire national des tiers-lieux (CSV)", cmd_import_venues
    ).add_argument("file", type=Path)
    commands.add("check", "vérifier la base et les modèles", cmd_check)
    commands.add(
        "conflicts", "lister les conflits de synchronisation à trancher (JSON)", cmd_conflicts
    )


def cmd_import_venues(ws: Workspace, args: argparse.Namespace) -> int:
    count = replace_directory(ws, read_directory_csv(args.file))
    print(f"{count} lieux chargés dans l'annuaire.")
    return EXIT_OK


def cmd_check(ws: Workspace, args: argparse.Namespace) -> int:
    problems = integrity_problems(ws.db)
    try:
        TemplateSet.load()
    except TemplateError as error:
        problems.append(str(error))
    drafts = ws.db.conn.execute(
        "SELECT count(*) FROM visits WHERE error_count > 0 AND deleted_at IS NULL"
    ).fetchone()[0]
    for problem in problems:
        print(f"Problème : {problem}")
    print(f"Visites à compléter ou corriger : {drafts}")
    print("Base et modèles : OK" if not problems else f"{len(problems)} problème(s).")
    return EXIT_PROBLEM if problems else EXIT_OK


def cmd_conflicts(ws: Workspace, args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):  # JSON for scripts: UTF-8 whatever the console
        sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(conflicts_as_json(ws.store), ensure_ascii=False, indent=2))
    return EXIT_OK
