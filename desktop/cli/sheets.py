"""The PDF visit sheets from the command line: pdf VISIT, or pdf --all -o DOSSIER."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_OK, CommandError, Commands
from desktop.core.storage.files import french_reason
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    pdf = commands.add(
        "pdf", "générer la fiche de visite PDF (ou toutes : --all -o DOSSIER)", cmd_pdf
    )
    pdf.add_argument("visit_id", nargs="?")
    pdf.add_argument("-o", "--output", type=Path, help="fichier ou dossier de sortie")
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

        count = sum(1 for _ in make_all(ws, args.output, args.audience, progress, args.lang))
        print(f"{count} fiche(s) écrite(s) dans {args.output}")
        return EXIT_OK
    sheet = make_sheet(ws, args.visit_id, args.audience, args.blank, args.lang)
    try:
        path = write_sheet(sheet, args.output or Path.cwd())
    except OSError as error:
        raise CommandError(f"Impossible d'écrire la fiche : {french_reason(error)}.") from None
    print(path)
    if sheet.photos_left_out:
        print(
            f"{sheet.photos_left_out} photo(s) laissée(s) hors de la fiche : personnes "
            "reconnaissables sans autorisation pour cette diffusion."
        )
    return EXIT_OK
