"""The headless « sync » command: one full pass (publish then import), or --watch."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from desktop.cli.common import Commands
from desktop.core.storage.workspace import Workspace
from desktop.core.sync.engine import SHARED_FOLDER, SyncEngine, check_shared_folder
from desktop.core.sync.watcher import ShareWatcher, watch_forever

EXIT_OK, EXIT_PROBLEM = 0, 1
READY_LINE = "Surveillance prête."  # printed once the watch is on: scripts and tests wait for it


def _print_progress(what: str, done: int, total: int | None) -> None:
    """On stderr, so that stdout stays the pass's summary."""
    if total is None:
        print(f"Publication des {what} : {done}…", file=sys.stderr, flush=True)
    elif total > 200:  # a republish or a big first pass; a usual pass says nothing
        print(f"Publication des {what} : {done}/{total}", file=sys.stderr, flush=True)


def register(commands: Commands) -> None:
    sync = commands.add(
        "sync", "synchroniser avec le dossier partagé du réseau (une passe)", cmd_sync
    )
    sync.add_argument(
        "--shared",
        type=Path,
        metavar="DOSSIER",
        help="dossier partagé (retenu pour les fois suivantes)",
    )
    sync.add_argument(
        "--watch", action="store_true", help="continuer à surveiller le dossier jusqu'à Ctrl+C"
    )
    sync.add_argument(
        "--rescan",
        type=float,
        default=60.0,
        metavar="SECONDES",
        help="relecture complète périodique en mode --watch (défaut : 60)",
    )
    sync.add_argument("--no-sheets", action="store_true", help="ne pas publier les fiches PDF")


def cmd_sync(ws: Workspace, args: argparse.Namespace) -> int:
    if args.shared:
        folder = check_shared_folder(ws.data_dir, args.shared)
        ws.set_setting(SHARED_FOLDER, str(folder))
    engine = SyncEngine(ws)
    # A folder named here is set up if it was never used (the user chose it).
    report = engine.run_pass(
        sheets=not args.no_sheets, set_up=bool(args.shared), progress=_print_progress
    )
    print(report.summary(), flush=True)
    if not args.watch:
        return EXIT_OK if report.ok else EXIT_PROBLEM
    print(f"Surveillance de « {engine.share.root} » (Ctrl+C pour arrêter)…", flush=True)

    def one_pass() -> None:
        outcome = engine.run_pass(sheets=not args.no_sheets)
        print(outcome.summary(), flush=True)

    watcher = ShareWatcher(engine.share.root, engine.share.own, lambda: None)
    try:
        watch_forever(
            one_pass,
            watcher,
            args.rescan,
            threading.Event(),
            on_ready=lambda: print(READY_LINE, flush=True),
        )
    except KeyboardInterrupt:
        print("Surveillance arrêtée.")
    return EXIT_OK
