"""Route the command line: a headless command, or the app (imported only then)."""

from __future__ import annotations

import multiprocessing
import sys

from desktop import system_libraries
from desktop.cli import build_parser, execute


def run(argv: list[str], prog: str = "python main.py") -> int:
    parser = build_parser(prog)  # built once, for both
    args, unknown = parser.parse_known_args(argv)
    if args.command:
        if unknown:
            parser.error(f"arguments non reconnus : {' '.join(unknown)}")
        return execute(parser, args)
    system_libraries.check_or_exit()  # before Qt loads its platform plugin
    from desktop.app import run_app  # Qt is imported only for the app itself

    return run_app(args.data_dir, args.lang)


def main() -> int:
    """The installed `carnet` command (pip, pipx, uv tool) and the bundle: no bootstrap."""
    multiprocessing.freeze_support()  # the bundle's share readers start as this program
    return run(sys.argv[1:], prog="carnet")
