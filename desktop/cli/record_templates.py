"""Templates from the command line: `templates` lists them, `new-record` makes a record
of any of them (a visit sheet, a governance meeting's minutes, a network's own)."""

from __future__ import annotations

import argparse
import json

from desktop.cli.common import EXIT_OK, CommandError, Commands
from desktop.core.forms.typed_dates import typed_date_value
from desktop.core.forms.validation import validate_document
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
    record.add_argument("--date", help="AAAA-MM-JJ ou JJ/MM/AAAA (par défaut : aujourd'hui)")
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


def checked_date(ws: Workspace, template_id: str, typed: str | None) -> str | None:
    """The --date as the template's date field stores it (« 11/02/2025 » read as the form
    and `set` read it), or a French refusal."""
    if typed is None:
        return None
    template = ws.store.templates.template(template_id)
    value = typed_date_value(typed)
    problems = validate_document(template, {template.date_key: value}).get(template.date_key)
    if problems:
        raise CommandError(f"--date « {typed} » : {' '.join(problems)}")
    return value


def cmd_new_record(ws: Workspace, args: argparse.Namespace) -> int:
    day = checked_date(ws, args.template, args.date)
    record = ws.store.create_record(
        args.venue_id, args.template, day, carry_over=not args.no_carry_over
    )
    print(record.id)
    return EXIT_OK
