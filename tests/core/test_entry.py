"""The entry point opens the app without building the commands' parser, and routes
everything else to that parser exactly as before."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import build_parser
from desktop.entry import app_arguments
from tests.headless import run_python

ROOT = Path(__file__).resolve().parents[2]

APP_LINES = [
    [],
    ["--data-dir", "/tmp/carnet data"],
    ["--data-dir=/tmp/d", "--lang", "en"],
    ["--lang=fr", "--data-dir", "d"],
]
OTHER_LINES = [
    ["list"],
    ["--data-dir", "d", "list"],
    ["--help"],
    ["-h"],
    ["--lang", "de"],  # the parser refuses it in its own words
    ["--data-dir"],
    ["--data-dir", "a", "--data-dir", "b"],
    ["--data", "d"],  # argparse's abbreviations: its business
    ["--data-dir", "--lang"],
    ["--verbose"],
]


@pytest.mark.parametrize("argv", APP_LINES)
def test_the_app_line_is_read_as_the_full_parser_reads_it(argv):
    args, unknown = build_parser().parse_known_args(argv)
    assert not args.command and not unknown
    assert app_arguments(argv) == {"--data-dir": args.data_dir, "--lang": args.lang}


@pytest.mark.parametrize("argv", OTHER_LINES)
def test_anything_else_goes_to_the_full_parser(argv):
    assert app_arguments(argv) is None


def run_entry(*argv: str) -> subprocess.CompletedProcess:
    """desktop.entry.run in a fresh process, the app's start replaced by a print of what
    it would get and whether the commands' modules were imported."""
    code = (
        "import sys; import desktop.entry as entry\n"
        "entry.start_app = lambda d, l: print(d, l, 'desktop.cli' in sys.modules) or 0\n"
        f"sys.exit(entry.run({list(argv)!r}))\n"
    )
    env = {**os.environ, "CARNET_NO_BOOTSTRAP": "1"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_opening_the_app_does_not_import_the_commands():
    result = run_entry("--data-dir", "/tmp/x", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/tmp/x", "en", "False"]


def test_an_abbreviated_option_still_opens_the_app_through_the_parser():
    result = run_entry("--data", "/tmp/x")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/tmp/x", "None", "True"]


def test_a_wrong_language_is_refused_by_the_parser():
    result = run_entry("--lang", "de")
    assert result.returncode == 2
    assert "argument --lang: invalid choice: 'de'" in result.stderr


def test_the_modules_imported_before_qt_do_not_load_qt():
    """entry.BEFORE_QT is imported before PySide6 at start: a module there that loaded
    PySide6 would make the order pointless (and tie the core to Qt)."""
    code = (
        "import importlib, sys; from desktop.entry import BEFORE_QT\n"
        "[importlib.import_module(name) for name in BEFORE_QT]\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_pyside_does_not_read_again_the_modules_loaded_before_it():
    """The start records the modules already loaded in PySide's table (pyside_scan.py):
    its import hook no longer reads their sources, and still reads a new module's."""
    code = (
        "import sys, typing, logging\n"
        "from desktop.pyside_scan import load_pyside_skipping_loaded_modules\n"
        "print(load_pyside_skipping_loaded_modules() > 0)\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "read, scan = [], feature._mod_uses_pyside\n"
        "feature._mod_uses_pyside = lambda module: read.append(module.__name__) or scan(module)\n"
        "import typing, logging, json\n"
        "print(' '.join(read))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    done, read = result.stdout.split("\n", 1)
    assert done == "True" and "json" in read.split()  # json and its own modules
    assert not {"typing", "logging"} & set(read.split())
