"""The network at a glance, headless: `report` (the « Bilan annuel » PDF) and the
national list behind `new-venue --from-directory`."""

from __future__ import annotations

import argparse
import os
import re
from datetime import date
from pathlib import Path

from desktop.cli.common import EXIT_OK, CommandError, Commands, date_option
from desktop.core.storage.files import french_reason
from desktop.core.storage.workspace import Workspace


def register(commands: Commands) -> None:
    report = commands.add("report", "écrire le bilan annuel du réseau (PDF, diffusion réseau)",
                          cmd_report)  # fmt: skip
    report.add_argument("--year", type=int, required=True, help="l'année, AAAA")
    where = report.add_mutually_exclusive_group()
    where.add_argument("--region", help="une région, nommée comme dans la liste nationale")
    where.add_argument("--departement", help="un département, par son code (25, 2A, 974)")
    report.add_argument("-o", "--output", required=True, help="le fichier PDF à écrire")
    report.add_argument(
        "--date", help="date d'établissement JJ/MM/AAAA ou AAAA-MM-JJ (par défaut : aujourd'hui)"
    )


def cmd_report(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.core.report.service import make_report, write_report

    if not 1900 <= args.year <= 2200:
        raise CommandError(f"--year {args.year} : une année à quatre chiffres, comme 2026.")
    department = (args.departement or "").strip().upper()
    if args.departement is not None and not re.fullmatch(r"\d{2,3}|2[AB]", department):
        raise CommandError(f"--departement « {args.departement} » : un code comme 25, 2A ou 974.")
    output = _output(args.output)
    territory = _territory(ws, (args.region or "").strip(), department)
    data = make_report(ws, args.year, territory, _day(args.date))
    try:
        print(write_report(data, output))
    except OSError as error:  # a read-only folder, a full disk: the temp file is gone
        raise CommandError(f"Impossible d'écrire « {output} » : {french_reason(error)}.") from None
    return EXIT_OK


def _output(text: str) -> Path:
    """The PDF to write: a file in a folder that exists, never a folder itself."""
    output = Path(text)
    if output.is_dir() or text.endswith(("/", os.sep)):
        raise CommandError(
            f"-o « {text} » est un dossier : donnez le nom du fichier PDF à écrire, "
            f"par exemple « {output / 'bilan.pdf'} »."
        )
    if not output.parent.is_dir():
        raise CommandError(f"Le dossier « {output.parent} » n'existe pas.")
    return output


def _territory(ws: Workspace, region: str, department: str):
    """A région or département the venues or the national list know; any other would
    give an empty report under its name (a typo, a former région)."""
    from desktop.core.network_figures.model import Territory
    from desktop.core.network_figures.territory_names import (
        UnknownTerritory,
        checked_department,
        checked_region,
    )

    conn = getattr(ws.db, "conn", ws.db)
    try:
        region = checked_region(conn, region) if region else ""
        department = checked_department(conn, department) if department else ""
    except UnknownTerritory as refusal:
        raise CommandError(str(refusal)) from None
    return Territory(region=region, department=department)


def _day(text: str | None) -> date | None:
    return date_option("--date", text)


def new_venue_from_directory(ws: Workspace, name: str, commune: str, own_name: str | None) -> int:
    """A venue pre-filled from the national list's best match, as « Nouveau lieu » does."""
    from desktop.core.forms.venue_directory import bundled_directory_path
    from desktop.core.storage.directory_store import (
        best_directory_match,
        ensure_bundled_directory,
        identity_from_entry,
    )

    if not name.strip():
        raise CommandError("--from-directory : donnez le nom du lieu à chercher.")
    ensure_bundled_directory(ws, bundled_directory_path())
    entry = best_directory_match(ws.db, name, commune)
    if entry is None:
        raise CommandError(f"Aucun lieu de la liste nationale ne correspond à « {name} ».")
    identity = identity_from_entry(entry)
    if own_name and own_name.strip():
        identity["name"] = own_name.strip()
    print(ws.store.create_venue(identity).id)
    return EXIT_OK
