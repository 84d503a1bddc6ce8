"""Writing the tables: one XLSX workbook (three worksheets) or three CSV files.

XLSX (xlsxwriter, constant_memory: rows are streamed to disk, memory stays flat): header
row bold and frozen, an autofilter over each table, widths from the headers and the first
rows' content (capped), long text wrapped with the row height capped, numbers as numbers
and dates as real dates shown AAAA-MM-JJ. Text is always written as text (write_string):
a cell starting with « = » is never a formula in the workbook.

CSV, for French Excel: UTF-8 with a BOM (without it Excel reads the accents as Latin-1),
« ; » between cells (Excel in French expects it, the comma being the decimal sign),
decimal comma in numbers, dates as ISO text (AAAA-MM-JJ: unambiguous, sorts as text too,
and Excel recognises it as a date). One table per file: FILE.csv (visits), FILE-actions.csv
and FILE-lieux.csv beside it.

CSV has no types: a text cell starting with = + - @ (or a tab, a carriage return) would
be taken by Excel or LibreOffice for a formula (« CSV injection »: =HYPERLINK(…), DDE…).
Such text cells get a leading apostrophe, which makes the spreadsheet keep them as text;
numbers (a negative longitude) are written as numbers and not touched.

Every file is written through `files.atomic_target` (a temp file in the same folder,
flushed to disk, then renamed): an interrupted export never leaves a half-written file
under the real name, and the file gets the usual mode (readable by colleagues).
"""

from __future__ import annotations

import csv
import io
import math
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.storage.files import atomic_target, write_atomic
from desktop.core.tabular.tables import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MIN_WIDTH, MAX_WIDTH, WRAP_WIDTH = 8, 50, 60
DATE_WIDTH = 11
LINE_HEIGHT, MAX_LINES = 15, 5  # points; a wrapped row shows at most 5 lines
WIDTH_SAMPLE = 2000  # rows looked at for a column's width
MAX_CELL_UNITS = 32_767  # Excel's limit for a cell's text, in UTF-16 units
CUT_NOTE = (
    " […] (texte coupé : une cellule d'Excel s'arrête à 32 767 caractères ; "
    "le texte entier est dans l'export CSV ou JSON)"
)


# --------------------------------------------------------------------------- CSV


def csv_paths(path: Path, tables: list[Table]) -> list[Path]:
    """FILE.csv for the first table, FILE-actions.csv and FILE-lieux.csv beside it."""
    suffix = path.suffix or ".csv"
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return [
        path if not t.csv_suffix else path.with_name(stem + t.csv_suffix + suffix) for t in tables
    ]


def guard_formula(text: str) -> str:
    """Text a spreadsheet will not run as a formula (see the module's docstring)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_number(value: int | float) -> str:
    """A number as French Excel reads it: decimal comma, no thousands separator."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        text = f"{value:.15f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        return csv_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return guard_formula(str(value))


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([guard_formula(c.header) for c in table.columns])
    writer.writerows([csv_cell(v) for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(tables: list[Table], path: Path) -> list[Path]:
    """Three CSV files; each renders fully before any is written, then each replaced whole."""
    paths = csv_paths(path, tables)
    contents = [csv_bytes(table) for table in tables]
    for target, data in zip(paths, contents, strict=True):
        write_atomic(target, data)
    return paths


# --------------------------------------------------------------------------- XLSX


def _shown_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return DATE_WIDTH
    if isinstance(value, str):
        return max((len(line) for line in value.split("\n")), default=0)
    return len(csv_number(value)) if isinstance(value, int | float) else len(str(value))


def column_widths(table: Table) -> list[int]:
    """Header or content length (of the first rows), within [MIN_WIDTH, MAX_WIDTH]; wrapped
    columns are given their cap when their text is longer."""
    widths = []
    sample = table.rows[:WIDTH_SAMPLE]
    for index, column in enumerate(table.columns):
        longest = max((_shown_length(row[index]) for row in sample), default=0)
        cap = WRAP_WIDTH if column.wrap else MAX_WIDTH
        wanted = max(longest, min(len(column.header), MAX_WIDTH) + 3)  # + the filter arrow
        widths.append(max(MIN_WIDTH, min(cap, wanted + 1)))
    return widths


def _row_lines(row: list[Any], wrapped: list[int], widths: list[int]) -> int:
    lines = 1
    for index in wrapped:
        value = row[index]
        if isinstance(value, str) and value:
            count = sum(max(1, math.ceil(len(part) / widths[index])) for part in value.split("\n"))
            lines = max(lines, count)
    return min(lines, MAX_LINES)


def fit_cell(text: str) -> tuple[str, bool]:
    """text, or its start and CUT_NOTE within Excel's limit; True when it was cut."""
    units = text.encode("utf-16-le")
    if len(units) // 2 <= MAX_CELL_UNITS:
        return text, False
    room = (MAX_CELL_UNITS - len(CUT_NOTE.encode("utf-16-le")) // 2) * 2
    return units[:room].decode("utf-16-le", "ignore") + CUT_NOTE, True


def write_xlsx(tables: list[Table], path: Path) -> tuple[Path, int]:
    """The workbook, and how many cells were too long for Excel (cut, with a note)."""
    import xlsxwriter  # deferred: only an XLSX export needs it

    with atomic_target(path) as temporary, tempfile.TemporaryDirectory() as rows_folder:
        workbook = xlsxwriter.Workbook(
            str(temporary),
            {"constant_memory": True, "tmpdir": rows_folder, "strings_to_urls": False},
        )
        header_format = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        wrap_format = workbook.add_format({"text_wrap": True, "valign": "top"})
        top_format = workbook.add_format({"valign": "top"})
        cut = 0
        try:
            for table in tables:
                cut += _write_sheet(
                    workbook, table, header_format, date_format, wrap_format, top_format
                )
        finally:
            workbook.close()
    return path, cut


def _write_sheet(workbook, table: Table, header_format, date_format, wrap_format, top_format):
    sheet = workbook.add_worksheet(table.name)
    widths = column_widths(table)
    wrapped = [i for i, c in enumerate(table.columns) if c.wrap]
    formats = [wrap_format if c.wrap else top_format for c in table.columns]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    header_lines = max(
        (math.ceil(len(c.header) / w) for c, w in zip(table.columns, widths, strict=True)),
        default=1,
    )
    sheet.set_row(0, LINE_HEIGHT * min(max(header_lines, 1), 3))
    for col, column in enumerate(table.columns):
        sheet.write_string(0, col, column.header, header_format)
    write_string, write_number = sheet.write_string, sheet.write_number
    write_datetime = sheet.write_datetime
    cut = 0
    for number, row in enumerate(table.rows, start=1):
        if wrapped:
            lines = _row_lines(row, wrapped, widths)
            if lines > 1:
                sheet.set_row(number, LINE_HEIGHT * lines)
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                if len(value) * 2 > MAX_CELL_UNITS:  # cheap test first: rarely this long
                    value, was_cut = fit_cell(value)
                    cut += was_cut
                write_string(number, col, value, formats[col])
            elif isinstance(value, bool):
                write_string(number, col, "oui" if value else "non", formats[col])
            elif isinstance(value, int | float):
                write_number(number, col, value, formats[col])
            elif isinstance(value, date):
                write_datetime(number, col, value, date_format)
            else:
                write_string(number, col, str(value), formats[col])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(table.rows), 1), max(len(table.columns) - 1, 0))
    return cut
