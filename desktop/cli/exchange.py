"""`export`: the lossless JSON exchange file, or the network's tables as XLSX or CSV.

    python main.py --data-dir DIR export --format xlsx -o reseau.xlsx \\
        [--venue VENUE_ID ...] [--from DATE] [--to DATE] [--with-personal-data]

CSV writes FILE.csv (visits), FILE-actions.csv and FILE-lieux.csv, and FILE-<template
id>.csv for each other template with records (a sheet of its own in the XLSX). Dates are
read as typed in France (JJ/MM/AAAA) or ISO. Bad input (a date that is neither, an
unknown venue, an option that does not apply to the format) gets a French message on
stderr and exit code 2, through cli.run. `import` merges an
exchange file.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import CommandError, Commands, date_option
from desktop.core.merge import exchange
from desktop.core.storage.files import french_reason
from desktop.core.tabular import ExportFilter, TabularExportError, export_tables

EXIT_OK = 0
FORMATS = ["json", "xlsx", "csv"]


def register(commands: Commands) -> None:
    export = commands.add(
        "export",
        "exporter lieux et visites (JSON sans perte, ou tableaux XLSX / CSV pour le réseau)",
        cmd_export,
    )
    add_arguments(export)
    commands.add("import", "importer un export JSON de Carnet", cmd_import).add_argument(
        "file", type=Path
    )


def cmd_import(ws, args: argparse.Namespace) -> int:
    counts = exchange.import_json(ws.store, args.file)
    print(
        f"Importé : {counts['created']} nouveaux, {counts['updated']} mis à jour, "
        f"{counts['unchanged']} inchangés."
    )
    return EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json : échange sans perte ; xlsx, csv : tableaux pour le réseau",
    )
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument(
        "--with-private-photos",
        action="store_true",
        help="json : inclure les photos de personnes sans autorisation (copie privée)",
    )
    parser.add_argument(
        "--venue",
        action="append",
        default=[],
        metavar="VENUE_ID",
        help="xlsx, csv : ce lieu seulement (répétable)",
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="xlsx, csv : visites à partir de cette date (incluse), JJ/MM/AAAA ou AAAA-MM-JJ",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="xlsx, csv : visites jusqu'à cette date (incluse), JJ/MM/AAAA ou AAAA-MM-JJ",
    )
    parser.add_argument(
        "--with-personal-data",
        action="store_true",
        help="inclure les données personnelles (noms des personnes rencontrées, photos "
        "et autorisations) ; en json, une copie privée complète",
    )


def _date(option: str, text: str | None) -> date | None:
    try:
        return date_option(option, text)
    except CommandError as refusal:
        raise TabularExportError(str(refusal)) from None


def cmd_export(ws, args: argparse.Namespace) -> int:
    if args.format == "json":
        return _export_json(ws, args)
    if args.with_private_photos:
        raise TabularExportError(
            "--with-private-photos ne vaut que pour --format json ; "
            "pour xlsx et csv : --with-personal-data."
        )
    filters = ExportFilter(
        venue_ids=tuple(dict.fromkeys(v.strip() for v in args.venue)),
        date_from=_date("--from", args.date_from),
        date_to=_date("--to", args.date_to),
        include_personal=args.with_personal_data,
    )
    try:
        result = export_tables(ws.store, args.output, args.format, filters)
    except OSError as error:
        raise TabularExportError(
            f"Impossible d'écrire « {args.output} » : {french_reason(error)}."
        ) from None
    paths = ", ".join(str(p) for p in result.paths)
    print(
        f"Exporté : {result.visits} visites, {result.actions} actions, "
        f"{result.venues} lieux → {paths}"
    )
    if result.others:  # one sheet (or file) per other template, after the three
        print("Autres fiches : " + ", ".join(f"{n} « {name} »" for name, n in result.others))
    if result.cut_cells:
        print(
            f"{result.cut_cells} cellule(s) trop longue(s) pour Excel (32 767 caractères) : "
            "coupée(s) avec une note ; le texte entier est dans l'export CSV ou JSON."
        )
    if not args.with_personal_data:
        print("Données personnelles laissées de côté (--with-personal-data pour les inclure).")
    return EXIT_OK


def _export_json(ws, args: argparse.Namespace) -> int:
    refused = [
        name
        for name, given in (
            ("--venue", args.venue),
            ("--from", args.date_from),
            ("--to", args.date_to),
        )
        if given
    ]
    if refused:
        raise TabularExportError(
            f"{', '.join(refused)} : l'export JSON est complet et sans filtre (c'est le format "
            "d'échange entre ordinateurs) ; ces options valent pour --format xlsx ou csv."
        )
    private = args.with_private_photos or args.with_personal_data  # the same copy for json
    try:
        counts = exchange.export_json(ws.store, args.output, private)
    except OSError as error:
        raise TabularExportError(
            f"Impossible d'écrire « {args.output} » : {french_reason(error)}."
        ) from None
    print(
        f"Exporté : {counts['venues']} lieux, {counts['visits']} visites, "
        f"{counts['photos']} photos → {args.output}"
    )
    if counts["photos_left_out"]:
        print(
            f"{counts['photos_left_out']} photo(s) laissée(s) de côté : droit à l'image non "
            "vérifié ou sans autorisation pour le réseau (--with-private-photos pour les "
            "inclure)."
        )
    if not private:
        print(
            "Copie pour le réseau : les champs qui restent sur cet ordinateur (noms des "
            "personnes rencontrées…) sont laissés de côté (--with-personal-data pour tout)."
        )
    return EXIT_OK
