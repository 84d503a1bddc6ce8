"""Venues and visits from the command line: new-venue, new-visit, set, show, list."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli.common import EXIT_OK, CommandError, Commands, date_option
from desktop.core.forms.earlier_fields import earlier_fields, read_through
from desktop.core.forms.field_values import parse_assignment
from desktop.core.forms.typed_dates import as_typed_in_the_form
from desktop.core.forms.validation import is_empty, validate_document
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    venue = commands.add("new-venue", "créer un lieu (affiche son identifiant)", cmd_new_venue)
    venue.add_argument("--name")
    venue.add_argument("--commune", default="")
    venue.add_argument("--from-directory", metavar="NOM",
                       help="pré-rempli depuis la liste nationale (meilleur nom, puis --commune)")  # fmt: skip
    visit = commands.add("new-visit", "créer une visite (affiche son identifiant)", cmd_new_visit)
    visit.add_argument("venue_id")
    visit.add_argument("--date", help="JJ/MM/AAAA ou AAAA-MM-JJ (par défaut : aujourd'hui)")
    visit.add_argument("--no-carry-over", action="store_true", help="ne rien reprendre")
    setter = commands.add(
        "set", "modifier des champs d'une visite ou d'une fiche : CLÉ=VALEUR…", cmd_set
    )
    setter.add_argument("visit_id")
    setter.add_argument("assignments", nargs="+", metavar="CLÉ=VALEUR")
    commands.add("show", "afficher une visite ou une fiche en JSON", cmd_show).add_argument(
        "visit_id"
    )
    commands.add("list", "lister les visites (id, lieu, date, auteur)", cmd_list)


def cmd_new_venue(ws: Workspace, args: argparse.Namespace) -> int:
    if args.from_directory is not None:
        from desktop.cli.report import new_venue_from_directory

        return new_venue_from_directory(ws, args.from_directory, args.commune, args.name)
    if args.name is None:
        raise CommandError('Donnez le nom du lieu (--name) ou --from-directory "NOM".')
    print(ws.store.create_venue({"name": args.name.strip(), "commune": args.commune.strip()}).id)
    return EXIT_OK


def cmd_new_visit(ws: Workspace, args: argparse.Namespace) -> int:
    day = date_option("--date", args.date)
    visit_date = day.isoformat() if day else None
    visit = ws.store.create_visit(args.venue_id, visit_date, carry_over=not args.no_carry_over)
    print(visit.id)
    return EXIT_OK


def cmd_set(ws: Workspace, args: argparse.Namespace) -> int:
    before = ws.store.get_visit(args.visit_id)
    template = ws.templates.template_or_visit(before.template_id)  # the record's own
    changes: dict[str, Any] = {}
    for assignment in args.assignments:
        key, value = parse_assignment(template, assignment, strict=True)
        changes[key] = value
    # Validate the would-be document first: an invalid value changes nothing.
    candidate = {k: v for k, v in before.data.items() if k not in changes}
    candidate |= {k: v for k, v in changes.items() if not is_empty(v)}  # empty clears
    # A value alone is judged: figures that contradict each other (12 present for 5
    # voting members) are saved, and told below, as the form keeps and shows them.
    errors = validate_document(template, candidate, figures=False)
    bad = {k: m for k, m in errors.items() if k in changes}
    if bad:
        lines = [f"  {k} : {as_typed_in_the_form(' '.join(m))}" for k, m in bad.items()]
        raise CommandError("Valeurs refusées, rien n'a été modifié :\n" + "\n".join(lines))
    result = ws.store.update_visit(args.visit_id, changes)
    for key in result.changed:
        old, new = before.data.get(key), changes[key]
        print(f"{key} : {_show(old)} → {_show(new)}")
    if not result.changed:
        print("Aucun changement.")
    _tell_contradictions(result.errors, errors)
    return EXIT_OK


def _tell_contradictions(errors: dict[str, list[str]], alone: dict[str, list[str]]) -> None:
    """On stderr, the messages that only figures read together give (stdout unchanged)."""
    for key, messages in errors.items():
        for message in messages:
            if message not in alone.get(key, []):
                print(f"À vérifier : {key} : {message}", file=sys.stderr)


def _show(value: Any) -> str:
    return "∅" if value is None else json.dumps(value, ensure_ascii=False)


def cmd_show(ws: Workspace, args: argparse.Namespace) -> int:
    visit = ws.store.get_visit(args.visit_id)
    venue = ws.store.get_venue(visit.venue_id)
    template = ws.templates.template_or_visit(visit.template_id)
    fields = {spec.key: visit.data.get(spec.key) for spec in template.fields}
    fields |= {k: v for k, v in visit.data.items() if k not in fields}  # newer template keys
    document = {
        "id": visit.id,
        "venue_id": visit.venue_id,
        "venue_name": venue.name,
        "template_id": visit.template_id,
        "template_version": visit.template_version,
        "deleted": visit.deleted_at is not None,
        "fields": fields,
        "errors": visit.errors,
        **_versions(ws, visit),
    }
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return EXIT_OK


def _versions(ws: Workspace, visit) -> dict[str, Any]:
    """The template version in use here, the renamed fields read through their old key,
    and the fields of a previous version (their values are in "fields", untouched)."""
    template = ws.templates.template_or_visit(visit.template_id)
    shown = read_through(template, visit.data)
    return {
        "template_in_use": {"id": template.id, "version": template.version},
        "read_through": {k: v for k, v in shown.items() if k not in visit.data},
        "earlier_fields": [
            {"key": f.key, "title": f.title, "replaced_by": f.replaced_by}
            for f in earlier_fields(template, visit.data)
        ],
    }


def cmd_list(ws: Workspace, args: argparse.Namespace) -> int:
    for visit in ws.store.list_visits():
        print(f"{visit.id}\t{visit.venue_name}\t{visit.visit_date}\t{visit.author}")
    return EXIT_OK
