"""Headless commands on the same core services as the app (scripts, bulk fixes, tests).

Every command that changes data either succeeds whole or changes nothing, and bad
input gets a French message on stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import cli_backup, cli_sync
from desktop.cli_export import add_arguments as add_export_arguments
from desktop.cli_export import cmd_export
from desktop.core import exchange
from desktop.core.data_dir import DataDirError
from desktop.core.db import DatabaseError, integrity_problems
from desktop.core.directory_store import replace_directory
from desktop.core.field_values import FieldValueError, parse_assignment
from desktop.core.files import french_reason
from desktop.core.log_files import start_logging
from desktop.core.store import RecordNotFound
from desktop.core.templates import TemplateError, TemplateSet
from desktop.core.validation import is_empty, validate_document
from desktop.core.venue_directory import DirectoryImportError, read_directory_csv
from desktop.core.workspace import Workspace, open_workspace

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2
USER_ERRORS = (
    DataDirError, DatabaseError, RecordNotFound, exchange.ExchangeError,
    DirectoryImportError, FieldValueError, TemplateError, ValueError,
)  # fmt: skip


class CommandError(Exception):
    """A refusal to print as is (French), exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Carnet — visites de tiers-lieux. Sans commande : ouvre l'application.",
    )
    parser.add_argument("--data-dir", type=Path, help="dossier des données locales")
    parser.add_argument("--lang", choices=["fr", "en"], help="langue de l'interface")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

    def add(name: str, help_text: str, handler: Callable) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    add("import-venues", "charger l'annuaire national des tiers-lieux (CSV)", cmd_import_venues
        ).add_argument("file", type=Path)  # fmt: skip
    add_export_arguments(add("export", "exporter lieux et visites (JSON sans perte, ou "
                             "tableaux XLSX / CSV pour le réseau)", cmd_export))  # fmt: skip
    add("import", "importer un export JSON de Carnet", cmd_import).add_argument("file", type=Path)
    venue = add("new-venue", "créer un lieu (affiche son identifiant)", cmd_new_venue)
    venue.add_argument("--name", required=True)
    venue.add_argument("--commune", default="")
    visit = add("new-visit", "créer une visite (affiche son identifiant)", cmd_new_visit)
    visit.add_argument("venue_id")
    visit.add_argument("--date", help="AAAA-MM-JJ (par défaut : aujourd'hui)")
    visit.add_argument("--no-carry-over", action="store_true", help="ne rien reprendre")
    setter = add("set", "modifier des champs d'une visite : CLÉ=VALEUR…", cmd_set)
    setter.add_argument("visit_id")
    setter.add_argument("assignments", nargs="+", metavar="CLÉ=VALEUR")
    attach = add("attach", "joindre des photos (fichiers ou dossiers) à une visite", cmd_attach)
    attach.add_argument("visit_id")
    attach.add_argument("files", nargs="+", type=Path, metavar="FICHIER")
    document = add("attach-document", "joindre des documents de gouvernance à un lieu",
                   cmd_attach_document)  # fmt: skip
    document.add_argument("venue_id")
    document.add_argument("files", nargs="+", type=Path, metavar="FICHIER")
    document.add_argument("--type", dest="doc_type", help="statuts, convention_occupation…")
    pdf = add("pdf", "générer la fiche de visite PDF (ou toutes : --all -o DOSSIER)", cmd_pdf)
    pdf.add_argument("visit_id", nargs="?")
    pdf.add_argument("-o", "--output", type=Path, help="fichier ou dossier de sortie")
    pdf.add_argument("--audience", choices=["interne", "reseau", "public"], default="reseau",
                     help="à qui la fiche est destinée (photos selon les autorisations)")  # fmt: skip
    pdf.add_argument("--all", action="store_true", help="toutes les visites, dans -o DOSSIER")
    pdf.add_argument("--blank", action="store_true", help="champs vides imprimés à remplir")
    add("show", "afficher une visite en JSON", cmd_show).add_argument("visit_id")
    add("list", "lister les visites (id, lieu, date, auteur)", cmd_list)
    add("check", "vérifier la base et les modèles", cmd_check)
    add("conflicts", "lister les conflits de synchronisation à trancher (JSON)", cmd_conflicts)
    cli_sync.register(add)
    cli_backup.register(add)
    return parser


def cmd_import_venues(ws: Workspace, args: argparse.Namespace) -> int:
    count = replace_directory(ws, read_directory_csv(args.file))
    print(f"{count} lieux chargés dans l'annuaire.")
    return EXIT_OK


def cmd_import(ws: Workspace, args: argparse.Namespace) -> int:
    counts = exchange.import_json(ws.store, args.file)
    print(
        f"Importé : {counts['created']} nouveaux, {counts['updated']} mis à jour, "
        f"{counts['unchanged']} inchangés."
    )
    return EXIT_OK


def cmd_new_venue(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.store.create_venue({"name": args.name.strip(), "commune": args.commune.strip()}).id)
    return EXIT_OK


def cmd_new_visit(ws: Workspace, args: argparse.Namespace) -> int:
    if args.date:
        problems = validate_document(ws.templates.visit, {"visit_date": args.date})
        if problems.get("visit_date"):
            raise CommandError(f"--date « {args.date} » : {' '.join(problems['visit_date'])}")
    visit = ws.store.create_visit(args.venue_id, args.date, carry_over=not args.no_carry_over)
    print(visit.id)
    return EXIT_OK


def cmd_set(ws: Workspace, args: argparse.Namespace) -> int:
    template = ws.templates.visit
    before = ws.store.get_visit(args.visit_id)
    changes: dict[str, Any] = {}
    for assignment in args.assignments:
        key, value = parse_assignment(template, assignment, strict=True)
        changes[key] = value
    # Validate the would-be document first: an invalid value changes nothing.
    candidate = {k: v for k, v in before.data.items() if k not in changes}
    candidate |= {k: v for k, v in changes.items() if not is_empty(v)}  # empty clears
    errors = validate_document(template, candidate)
    bad = {k: m for k, m in errors.items() if k in changes}
    if bad:
        lines = [f"  {k} : {' '.join(m)}" for k, m in bad.items()]
        raise CommandError("Valeurs refusées, rien n'a été modifié :\n" + "\n".join(lines))
    result = ws.store.update_visit(args.visit_id, changes)
    for key in result.changed:
        old, new = before.data.get(key), changes[key]
        print(f"{key} : {_show(old)} → {_show(new)}")
    if not result.changed:
        print("Aucun changement.")
    return EXIT_OK


def _show(value: Any) -> str:
    return "∅" if value is None else json.dumps(value, ensure_ascii=False)


OUTCOME_WORDS = {"attached": "jointe", "duplicate": "doublon", "refused": "refusée"}


def _print_outcomes(outcomes) -> int:
    for outcome in outcomes:
        print(f"{OUTCOME_WORDS[outcome.status]} : {outcome.message}")
    refused = sum(1 for o in outcomes if o.status == "refused")
    attached = sum(1 for o in outcomes if o.status == "attached")
    print(f"{attached} jointe(s), {len(outcomes) - attached - refused} doublon(s), "
          f"{refused} refusée(s).")  # fmt: skip
    return EXIT_BAD_INPUT if refused else EXIT_OK


def cmd_attach(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.core.photos import PhotoLibrary

    return _print_outcomes(PhotoLibrary(ws.store, ws.media).attach_files(args.visit_id, args.files))


def cmd_attach_document(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.core.documents import DOCUMENT_TYPES, DocumentLibrary

    if args.doc_type and args.doc_type not in dict(DOCUMENT_TYPES):
        raise CommandError(f"Type inconnu « {args.doc_type} » ; types : "
                           + ", ".join(dict(DOCUMENT_TYPES)))  # fmt: skip
    library = DocumentLibrary(ws.store, ws.media)
    return _print_outcomes([library.attach(args.venue_id, f, args.doc_type) for f in args.files])


def cmd_pdf(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.core.pdf.service import make_all, make_sheet, write_sheet

    if args.all == bool(args.visit_id):
        raise CommandError("Donnez soit un identifiant de visite, soit --all -o DOSSIER.")
    if args.all:
        if not args.output:
            raise CommandError("--all demande un dossier de sortie : -o DOSSIER.")
        if args.output.exists() and not args.output.is_dir():
            raise CommandError(f"« {args.output} » n'est pas un dossier.")

        def progress(done: int, total: int, name: str) -> None:
            print(f"[{done}/{total}] {name}", flush=True)

        count = sum(1 for _ in make_all(ws, args.output, args.audience, progress))
        print(f"{count} fiche(s) écrite(s) dans {args.output}")
        return EXIT_OK
    sheet = make_sheet(ws, args.visit_id, args.audience, args.blank)
    try:
        path = write_sheet(sheet, args.output or Path.cwd())
    except OSError as error:
        raise CommandError(f"Impossible d'écrire la fiche : {french_reason(error)}.") from None
    print(path)
    if sheet.photos_left_out:
        print(f"{sheet.photos_left_out} photo(s) laissée(s) hors de la fiche : personnes "
              "reconnaissables sans autorisation pour cette diffusion.")  # fmt: skip
    return EXIT_OK


def cmd_show(ws: Workspace, args: argparse.Namespace) -> int:
    visit = ws.store.get_visit(args.visit_id)
    venue = ws.store.get_venue(visit.venue_id)
    fields = {spec.key: visit.data.get(spec.key) for spec in ws.templates.visit.fields}
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
    }
    print(json.dumps(document, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_list(ws: Workspace, args: argparse.Namespace) -> int:
    for visit in ws.store.list_visits():
        print(f"{visit.id}\t{visit.venue_name}\t{visit.visit_date}\t{visit.author}")
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
    from desktop.core.conflicts import conflicts_as_json

    if hasattr(sys.stdout, "reconfigure"):  # JSON for scripts: UTF-8 whatever the console
        sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(conflicts_as_json(ws.store), ensure_ascii=False, indent=2))
    return EXIT_OK


def run(argv: list[str]) -> int:
    start_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_BAD_INPUT
    if getattr(args, "without_workspace", False):  # restore: also repairs a damaged base
        return cli_backup.run_without_workspace(args)
    try:
        workspace = open_workspace(args.data_dir)
    except USER_ERRORS as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.handler(workspace, args)
    except (CommandError, *USER_ERRORS) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        workspace.close()
