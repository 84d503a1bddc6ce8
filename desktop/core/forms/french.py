"""French typography for the sheet: dates in words, amounts with thin spaces, durations."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
THIN_SPACE = "\u202f"  # espace fine insécable: « 12 500 € », « 50 % »
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str | None) -> date | None:
    match = ISO_DATE.match(text or "")
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def long_date(text: str | None) -> str:
    """« 2025-02-11 » -> « 11 février 2025 » (« 1er » for the first); bad input as is."""
    value = parse_date(text)
    if value is None:
        return text or ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def number(value: float | int) -> str:
    """« 12 500 », « 2,5 »: thin spaces between thousands, a decimal comma."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", THIN_SPACE)
    whole, _, decimals = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    whole = whole.replace(",", THIN_SPACE)
    return f"{whole},{decimals}" if decimals else whole


def number_as_typed(value: float | int) -> str:
    """« 2 400 », « 1 234,5 », « 0,125 »: grouped like number() but never rounded, for a
    field that shows a stored number back to the user who typed it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, decimals = text.partition(".")
    whole = f"{int(whole):,}".replace(",", THIN_SPACE)
    return f"{sign}{whole},{decimals}" if decimals else f"{sign}{whole}"


def count_of(count: int, singular: str, plural: str) -> str:
    """« 0 lieu », « 1 lieu », « 2 lieux »: in French, 0 and 1 take the singular."""
    return f"{count} {singular if abs(count) < 2 else plural}"


def size_text(size: int) -> str:
    """A file size in French: « 0,5 Mo », « 12 ko », « 1,2 Go » (decimal units)."""
    # From half a unit up (« 0,5 Mo » rather than « 500 ko »), except for kilo-octets.
    for unit, scale, start in (("Go", 1e9, 5e8), ("Mo", 1e6, 5e5), ("ko", 1e3, 1e3)):
        if size >= start:
            return f"{number_as_typed(round(size / scale, 1))}{THIN_SPACE}{unit}"
    return f"{size}{THIN_SPACE}octets" if size != 1 else "1 octet"


def with_unit(value: float | int, unit: str) -> str:
    return f"{number(value)}{THIN_SPACE}{unit}" if unit else number(value)


def months_between(start: date, end: date) -> int:
    """Whole months from start to end (negative when end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def months_left_text(visit_day: str | None, end_day: str | None) -> str:
    start, end = parse_date(visit_day), parse_date(end_day)
    if start is None or end is None:
        return ""
    months = months_between(start, end)
    if end < start:
        return (
            f"échue depuis {abs(months)} mois à la date de la visite"
            if months
            else ("échue à la date de la visite")
        )
    if months == 0:
        return "moins d'un mois restant à la date de la visite"
    return f"{months} mois restant{'s' if months > 1 else ''} à la date de la visite"
