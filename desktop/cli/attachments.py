"""Photos and governance documents from the command line: attach, attach-document."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, CommandError, Commands
from desktop.core.media.documents import DOCUMENT_TYPES, DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    attach = commands.add(
        "attach", "joindre des photos (fichiers ou dossiers) à une visite", cmd_attach
    )
    attach.add_argument("visit_id")
    attach.add_argument("files", nargs="+", type=Path, metavar="FICHIER")
    document = commands.add(
        "attach-document", "joindre des documents de gouvernance à un lieu", cmd_attach_document
    )
    document.add_argument("venue_id")
    document.add_argument("files", nargs="+", type=Path, metavar="FICHIER")
    document.add_argument("--type", dest="doc_type", help="statuts, convention_occupation…")


OUTCOME_WORDS = {"attached": "jointe", "duplicate": "doublon", "refused": "refusée"}


def _print_outcomes(outcomes) -> int:
    for outcome in outcomes:
        print(f"{OUTCOME_WORDS[outcome.status]} : {outcome.message}")
    refused = sum(1 for o in outcomes if o.status == "refused")
    attached = sum(1 for o in outcomes if o.status == "attached")
    print(
        f"{attached} jointe(s), {len(outcomes) - attached - refused} doublon(s), "
        f"{refused} refusée(s)."
    )
    return EXIT_BAD_INPUT if refused else EXIT_OK


def cmd_attach(ws: Workspace, args: argparse.Namespace) -> int:
    return _print_outcomes(PhotoLibrary(ws.store, ws.media).attach_files(args.visit_id, args.files))


def cmd_attach_document(ws: Workspace, args: argparse.Namespace) -> int:
    if args.doc_type and args.doc_type not in dict(DOCUMENT_TYPES):
        raise CommandError(
            f"Type inconnu « {args.doc_type} » ; types : " + ", ".join(dict(DOCUMENT_TYPES))
        )
    library = DocumentLibrary(ws.store, ws.media)
    return _print_outcomes([library.attach(args.venue_id, f, args.doc_type) for f in args.files])
