"""What every kind of record shares: a fresh id, the time of a change, the error when
one is missing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


class RecordNotFound(LookupError):
    """str() is a French message naming what was not found."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return uuid.uuid4().hex
