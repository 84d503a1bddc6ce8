"""Photos and governance documents from the command line: attach, attach-document,
photos (a visit's photos and their image rights, as JSON), set-photo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, CommandError, Commands
from desktop.core.media.documents import DOCUMENT_TYPES, DocumentLibrary
from desktop.core.media.photos import EDITABLE_FIELDS, PhotoLibrary
from desktop.core.privacy.audiences import photo_audience
from desktop.core.storage.records import Photo
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
    photos = commands.add("photos", "les photos d'une visite et leurs droits (JSON)", cmd_photos)
    photos.add_argument("visit_id")
    set_photo = commands.add(
        "set-photo",
        "modifier une photo : légende, date, droit à l'image (rien n'est changé si une "
        "valeur est refusée)",
        cmd_set_photo,
    )
    set_photo.add_argument("photo_id")
    set_photo.add_argument(
        "assignments",
        nargs="+",
        metavar="CLÉ=VALEUR",
        help="caption, taken_on (AAAA-MM-JJ), identifiable_people (oui / non / à vérifier), "
        "consent, allowed_use (interne / reseau / public, vide pour aucun)",
    )


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


def photo_json(photo: Photo) -> dict:
    """A photo as the commands print it; identifiable_people null means « à vérifier »."""
    return {
        "id": photo.id,
        "visit_id": photo.visit_id,
        "file_name": photo.original_name,
        "caption": photo.caption,
        "taken_on": photo.taken_on,
        "identifiable_people": photo.identifiable_people,
        "consent": photo.consent,
        "allowed_use": photo.allowed_use,
        "rotation": photo.rotation,  # degrees clockwise, as shown and printed
        "reaches": photo_audience(photo),  # the widest audience its sheets may show it to
    }


def cmd_photos(ws: Workspace, args: argparse.Namespace) -> int:
    ws.store.get_visit(args.visit_id)  # an unknown visit is said so, not an empty list
    photos = PhotoLibrary(ws.store, ws.media).list_photos(args.visit_id)
    print(json.dumps([photo_json(p) for p in photos], ensure_ascii=False, indent=1))
    return EXIT_OK


def cmd_set_photo(ws: Workspace, args: argparse.Namespace) -> int:
    changes = {}
    for assignment in args.assignments:
        key, separator, value = assignment.partition("=")
        if not separator or key not in EDITABLE_FIELDS:
            raise CommandError(
                f"« {assignment} » : attendu CLÉ=VALEUR, avec CLÉ parmi "
                + ", ".join(EDITABLE_FIELDS)
                + ". Rien n'a été modifié."
            )
        changes[key] = value
    library = PhotoLibrary(ws.store, ws.media)
    try:
        result = library.update_photo(args.photo_id, changes)
    except ValueError as refusal:
        raise CommandError(f"{refusal} Rien n'a été modifié.") from None
    print(json.dumps(photo_json(library.get_photo(args.photo_id)), ensure_ascii=False, indent=1))
    print(f"Modifié : {', '.join(result.changed) or 'rien (déjà en place)'}.", file=sys.stderr)
    return EXIT_OK
