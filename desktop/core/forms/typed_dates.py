"""Dates typed the French way: « 11/02/2025 », « 11022025 », « 11/02/25 », « 11 février
2025 », « mardi 11 févr. 2025 », « 1er mars 25 » -> 2025-02-11 (…, 2025-03-01). Without
a year (« 11/02 », « 11 février »), the date is this year's, as a spreadsheet reads it;
the field shows it in full at once.

Qt-free so that it is tested on its own; the date field of the UI (ui/form/date_field.py)
calls it. A text that is not a date is never turned into another date: read_typed_date
returns None and the caller keeps the text as typed.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.core.forms.text import fold

SEPARATED = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$")
YEARLESS = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
YEAR_FIRST = re.compile(r"^(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})$")  # « 2025/02/11 »
DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")
# « le mardi 11 février 2025 »: an optional « le » and weekday, the day (« 1er »), the
# month in words (accents, case and an abbreviation's dot optional), the year.
WORDED = re.compile(
    r"^(?:le\s+)?(?:([a-z]+)\.?\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\.?(?:\s+(\d{2}|\d{4}))?$"
)
MONTHS = {
    **dict.fromkeys(("janvier", "janv", "jan"), 1),
    **dict.fromkeys(("fevrier", "fevr", "fev"), 2),
    **dict.fromkeys(("mars", "mar"), 3),
    **dict.fromkeys(("avril", "avr"), 4),
    "mai": 5,
    "juin": 6,
    **dict.fromkeys(("juillet", "juil"), 7),
    "aout": 8,
    **dict.fromkeys(("septembre", "sept", "sep"), 9),
    **dict.fromkeys(("octobre", "oct"), 10),
    **dict.fromkeys(("novembre", "nov"), 11),
    **dict.fromkeys(("decembre", "dec"), 12),
}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
CENTURY_PIVOT = 70  # « 25 » is 2025, « 85 » is 1985


def read_typed_date(text: str | None, today: date | None = None) -> date | None:
    """The date the user typed (day first), or None when the text is not one. A date
    without a year is in today's year (today: the laptop's date unless given)."""
    text = (text or "").strip()
    this_year = str((today or date.today()).year)
    match = ISO.match(text) or YEAR_FIRST.match(text)
    if match:
        year, month, day = map(int, match.groups())
        return _date(year, month, day)
    match = SEPARATED.match(text) or DIGITS.match(text)
    if match:
        day, month, year_text = match.groups()
        return _date(_full_year(year_text), int(month), int(day))
    match = YEARLESS.match(text)
    if match:
        day, month = match.groups()
        return _date(int(this_year), int(month), int(day))
    return _worded_date(fold(text), this_year)


def _worded_date(text: str, this_year: str) -> date | None:
    """« samedi 14 mars 2026 »; None when a word is no month, or the weekday is another
    day's (which of the two did the user mean? the text is kept as typed)."""
    match = WORDED.match(" ".join(text.split()))
    if not match:
        return None
    weekday, day, month_word, year_text = match.groups()
    month = MONTHS.get(month_word)
    if month is None or (weekday and weekday not in WEEKDAYS):
        return None
    found = _date(_full_year(year_text or this_year), month, int(day))
    if found and weekday and WEEKDAYS[found.weekday()] != weekday:
        return None
    return found


def _full_year(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < CENTURY_PIVOT else 1900
    return year


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 31/02, month 13: not a date, never a neighbouring one
        return None


def typed_date_value(text: str | None, today: date | None = None) -> str | None:
    """What a date field stores: ISO when readable, the text as typed otherwise, None when
    empty."""
    text = (text or "").strip()
    if not text:
        return None
    value = read_typed_date(text, today)
    return value.isoformat() if value else text


def shown_date(value: str | None) -> str:
    """How a stored value is shown in a date field: « 11/02/2025 », or as typed."""
    if not value:
        return ""
    match = ISO.match(str(value))
    parsed = _date(*map(int, match.groups())) if match else None
    return parsed.strftime("%d/%m/%Y") if parsed else str(value)


def is_unreadable(value: str | None) -> bool:
    """A stored value that is not an ISO date (kept as the user typed it)."""
    return bool(value) and not (ISO.match(str(value)) and read_typed_date(str(value)))


UNREADABLE_MESSAGE = "Date illisible : écrivez-la JJ/MM/AAAA (ex. 11/02/2025)."
ISO_FORMAT_MESSAGE = "Date invalide (format attendu : AAAA-MM-JJ)."  # validation.py's


def as_typed_in_the_form(message: str) -> str:
    """Validation speaks of the stored format; in the form a date is typed JJ/MM/AAAA."""
    return message.replace(ISO_FORMAT_MESSAGE, UNREADABLE_MESSAGE)
