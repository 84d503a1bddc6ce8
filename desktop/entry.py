"""Route the command line: a headless command, or the app (imported only then)."""

from __future__ import annotations

from desktop.cli import build_parser, execute


def run(argv: list[str]) -> int:
    parser = build_parser()  # built once, for both
    args, unknown = parser.parse_known_args(argv)
    if args.command:
        if unknown:
            parser.error(f"arguments non reconnus : {' '.join(unknown)}")
        return execute(parser, args)
    from desktop.app import run_app  # Qt is imported only for the app itself

    return run_app(args.data_dir, args.lang)
