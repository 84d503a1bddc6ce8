"""Dates and numbers shown in the user's locale."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt


def local_date(iso: str | None, long: bool = False) -> str:
    if not iso:
        return ""
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(date, kind)


def percent(value: float) -> str:
    return QLocale().toString(round(value * 100)) + " %"
