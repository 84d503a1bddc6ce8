"""Dates and numbers shown in the user's locale.

The window's first frame imports it: `QtCore.Qt` is read when a date is first shown
(ui/qt_values.py)."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QDate, QLocale


def local_date(iso: str | None, long: bool = False) -> str:
    if not iso:
        return ""
    date = QDate.fromString(iso[:10], QtCore.Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(date, kind)


def percent(value: float) -> str:
    return QLocale().toString(round(value * 100)) + " %"
