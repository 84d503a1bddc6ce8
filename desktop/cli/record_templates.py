"""Templates from the command line: `templates` lists them, `new-record` makes a record
of any of them (a visit sheet, a governance meeting's minutes, a network's own)."""

from __future__ import annotations

import argparse
import json

from desktop.cli.common import EXIT_OK, Commands, date_option
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    listing = commands.add(
        "templates",
        "lister les modèles de fiche (id, version, origine, titre ; séparés par des tabulations)",
        cmd_templates,
    )
    listing.add_argument("--json", action="store_true", help="en JSON")
    record = commands.add(
        "new-record", "créer une fiche d'un modèle (affiche son identifiant)", cmd_new_record
    )
    record.add_argument("venue_id")
    record.add_argument("--template", required=True, metavar="ID", help="voir « templates »")
    record.add_argument("--date", help="JJ/MM/AAAA ou AAAA-MM-JJ (par défaut : aujourd'hui)")
    record.add_argument("--no-carry-over", action="store_true", help="ne rien reprendre")


def cmd_templates(ws: Workspace, args: argparse.Namespace) -> int:
    rows = [
        {"id": t.id, "version": t.version, "origin": t.origin, "title": t.title}
        for t in ws.store.templates.records  # the writer's: French, whatever the UI's
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print("\t".join(str(row[k]) for k in ("id", "version", "origin", "title")))
    return EXIT_OK


def cmd_new_record(ws: Workspace, args: argparse.Namespace) -> int:
    day = date_option("--date", args.date)  # read as new-visit and `set` read it
    record = ws.store.create_record(
        args.venue_id,
        args.template,
        day.isoformat() if day else None,
        carry_over=not args.no_carry_over,
    )
    print(record.id)
    return EXIT_OK
