"""The PDF visit sheets from the command line: pdf VISIT, or pdf --all -o DOSSIER."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli.common import EXIT_OK, CommandError, Commands
from desktop.core.storage.files import french_reason
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    pdf = commands.add(
        "pdf", "générer la fiche de visite PDF (ou toutes : --all -o DOSSIER)", cmd_pdf
    )
    pdf.add_argument("visit_id", nargs="?")
    pdf.add_argument(
        "-o",
        "--output",
        help="fichier ou dossier de sortie (un dossier s'il existe ou finit par /)",
    )
    pdf.add_argument(
        "--audience",
        choices=["interne", "reseau", "public"],
        default="reseau",
        help="à qui la fiche est destinée (photos selon les autorisations)",
    )
    pdf.add_argument("--all", action="store_true", help="toutes les visites, dans -o DOSSIER")
    pdf.add_argument("--blank", action="store_true", help="champs vides imprimés à remplir")
    pdf.add_argument(
        "--lang", choices=["fr", "en"], default="fr", help="langue de la fiche (fr par défaut)"
    )


def cmd_pdf(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.core.pdf.service import InternalSheetRefused

    try:
        return _write_sheets(ws, args)
    except InternalSheetRefused as refusal:
        raise CommandError(str(refusal)) from None


def _write_sheets(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.core.pdf.service import make_all, make_sheet, write_sheet  # reportlab: lazily

    output = Path(args.output) if args.output else None
    if args.all == bool(args.visit_id):
        raise CommandError("Donnez soit un identifiant de visite, soit --all -o DOSSIER.")
    if args.all:
        if not output:
            raise CommandError("--all demande un dossier de sortie : -o DOSSIER.")
        if output.exists() and not output.is_dir():
            raise CommandError(f"« {output} » n'est pas un dossier.")

        def progress(done: int, total: int, name: str) -> None:
            print(f"[{done}/{total}] {name}", flush=True)

        replaced = [0]
        written = make_all(ws, output, args.audience, progress, replaced, language=args.lang)
        try:
            count = sum(1 for _ in written)
        except OSError as error:  # a read-only folder: each sheet is whole or not written
            raise CommandError(
                f"Impossible d'écrire les fiches dans « {output} » : {french_reason(error)}."
            ) from None
        print(f"{count} fiche(s) écrite(s) dans {output}")
        _say_replaced(replaced[0])
        return EXIT_OK
    sheet = make_sheet(ws, args.visit_id, args.audience, args.blank, language=args.lang)
    try:
        path = write_sheet(
            sheet,
            output or Path.cwd(),
            folder=_names_a_folder(args.output),
            shared_folder=ws.setting("shared_folder"),
        )
    except OSError as error:
        raise CommandError(f"Impossible d'écrire la fiche : {french_reason(error)}.") from None
    print(path)
    _say_replaced(sheet.replaced)
    if sheet.photos_left_out:
        print(
            f"{sheet.photos_left_out} photo(s) laissée(s) hors de la fiche : droit à "
            "l'image non vérifié, ou sans autorisation pour cette diffusion."
        )
    if args.audience == "interne":
        print("Fiche interne : à ne pas transmettre (jamais dans le dossier partagé).")
    return EXIT_OK


def _names_a_folder(output: str | None) -> bool:
    """« -o fiches/ » is a folder even before it exists (it is then created)."""
    return bool(output) and output.endswith(("/", os.sep))


def _say_replaced(count: int) -> None:
    if count:
        print(
            f"{count} caractère(s) qu'aucune police de la fiche ne sait dessiner, imprimé(s) « � »."
        )
