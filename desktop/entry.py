"""Route the command line: a headless command, or the app (imported only then)."""

from __future__ import annotations

from desktop.cli import build_parser
from desktop.cli import run as run_command


def run(argv: list[str]) -> int:
    args, _ = build_parser().parse_known_args(argv)
    if args.command:
        return run_command(argv)
    from desktop.app import run_app  # Qt is imported only for the app itself

    return run_app(args.data_dir, args.lang)
