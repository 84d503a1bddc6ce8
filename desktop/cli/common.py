"""What every headless command shares: exit codes, refusals, registering a command."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from desktop.core.forms.field_values import FieldValueError
from desktop.core.forms.templates import TemplateError
from desktop.core.forms.typed_dates import read_typed_date
from desktop.core.forms.venue_directory import DirectoryImportError
from desktop.core.merge.exchange import ExchangeError
from desktop.core.storage.data_dir import DataDirError
from desktop.core.storage.db import DatabaseError
from desktop.core.storage.record_basics import RecordNotFound

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2
USER_ERRORS = (
    DataDirError,
    DatabaseError,
    RecordNotFound,
    ExchangeError,
    DirectoryImportError,
    FieldValueError,
    TemplateError,
    ValueError,
)


class CommandError(Exception):
    """A refusal to print as is (French), exit code 2."""


def date_option(option: str, text: str | None) -> date | None:
    """A date option as a French user types it (« 14/03/2025 », « 14032025 ») or ISO
    (« 2025-03-14 »); an unreadable one is refused with the option named, never guessed."""
    if text is None or not text.strip():
        return None
    value = read_typed_date(text)
    if value is None:
        raise CommandError(
            f"{option} « {text} » : Date invalide, date attendue JJ/MM/AAAA ou AAAA-MM-JJ."
        )
    return value


class Commands:
    """The subcommands being registered: each family of commands adds its own.

    A handler takes (workspace, args); one registered with workspace=False takes (args)
    alone and opens what it needs itself (restore also repairs a damaged data folder).
    """

    def __init__(self, subparsers) -> None:
        self._subparsers = subparsers

    def add(
        self, name: str, help_text: str, handler: Callable, *, workspace: bool = True
    ) -> argparse.ArgumentParser:
        sub = self._subparsers.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler, needs_workspace=workspace)
        return sub
