"""Headless commands on the same core services as the app (scripts, bulk fixes, tests).

One module per family of commands, each with `register(commands)`; `parser.py` builds
the command line from them and runs a command.
"""

from desktop.cli.parser import build_parser, execute, run

__all__ = ["build_parser", "execute", "run"]
