"""Route the command line: a headless command, or the app (imported only then).

The app's command line (no command: at most --data-dir and --lang) is recognised without
building the commands' parser, which imports every command's modules (sync, PDF, photos):
about 150 ms of a start. Anything else, --help and mistakes included, goes to that parser.
"""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path

from desktop import system_libraries
from desktop.pyside_scan import load_pyside_skipping_loaded_modules

APP_OPTIONS = {"--data-dir": Path, "--lang": str}
LANGUAGES = ("fr", "en")


def run(argv: list[str], prog: str = "python main.py") -> int:
    app_args = app_arguments(argv)
    if app_args is None:
        from desktop.cli import build_parser, execute

        parser = build_parser(prog)  # built once, for both
        args, unknown = parser.parse_known_args(argv)
        if args.command:
            if unknown:
                parser.error(f"arguments non reconnus : {' '.join(unknown)}")
            return execute(parser, args)
        app_args = {"--data-dir": args.data_dir, "--lang": args.lang}
    return start_app(app_args["--data-dir"], app_args["--lang"])


# The Qt-free modules the first frame needs. Imported before PySide6: once PySide6 is
# loaded, its import hook reads the source of every module imported after it (looking
# for « PySide6 » in it, for its __feature__ switches), about 0.2 ms a module; those
# loaded before are then recorded as read (pyside_scan.py). The rest
# of the workspace (the writer, the store, the templates) is imported after the first
# frame (desktop/app.py, core/storage/first_screen.py).
BEFORE_QT = (
    "desktop.core.diagnostics.log_files",
    "desktop.core.storage.first_screen",
    "desktop.paths",
)


def start_app(data_dir: Path | None, language: str | None) -> int:
    # The garbage collector waits for the window's first frame (app.py turns it back on
    # right after it): its fifty passes over the start's 27,000 new objects, which free
    # some 500 of them, cost ~5 ms of the first frame.
    gc.disable()
    for name in BEFORE_QT:
        importlib.import_module(name)
    system_libraries.check_or_exit(state_folder() / SYSTEM_CHECK)  # before Qt loads its plugin
    load_pyside_skipping_loaded_modules()  # its import hook would read them all again
    from desktop.app import run_app  # Qt is imported only for the app itself

    return run_app(data_dir, language)  # the database's check: right after the first frame


SYSTEM_CHECK = "system-libraries-found"  # a successful check, kept (system_libraries.py)


def state_folder() -> Path:
    """Carnet's own folder of the platform's state folder, where its log folder is."""
    from desktop.core.diagnostics.log_files import log_folder

    return log_folder().parent


def app_arguments(argv: list[str]) -> dict | None:
    """{"--data-dir": Path | None, "--lang": str | None} when argv only opens the app
    (`--data-dir D`, `--data-dir=D`, `--lang fr|en`, each once at most); None otherwise,
    for the full parser to route or refuse."""
    found: dict = dict.fromkeys(APP_OPTIONS)
    words = list(argv)
    while words:
        name, equals, value = words.pop(0).partition("=")
        if name not in APP_OPTIONS or found[name] is not None:
            return None
        if not equals:  # « --lang fr »: the value is the next word
            if not words:
                return None
            value = words.pop(0)
        if not value or value.startswith("-") or (name == "--lang" and value not in LANGUAGES):
            return None
        found[name] = APP_OPTIONS[name](value)
    return found


def main() -> int:
    """The installed `carnet` command (pip, pipx, uv tool) and the bundle: no bootstrap."""
    import multiprocessing  # here: 20 ms that a start through main.py does not need

    multiprocessing.freeze_support()  # the bundle's share readers start as this program
    return run(sys.argv[1:], prog="carnet")
