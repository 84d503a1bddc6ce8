"""How a sheet ends: its closing flowables (the template's version line, the signatures)
kept on the page of what they close, never alone on a page of their own."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer

from desktop.core.pdf.sheet_model import FRAME_WIDTH, PAGE_HEIGHT

LAST_ROWS = 2  # rows kept with the closing line (the template's version)
LAST_SECTION_BLOCKS = 6  # a last section this short goes with the signatures whole…
WHOLE_TAIL_ROOM = 0.5 * PAGE_HEIGHT  # …when it is no taller than this: moving it to the
# next page leaves at most this much of a page empty; a taller one keeps only its last rows


def keep_with_last_rows(flow: list, ending: list, label_table: Callable) -> list:
    """The flow with ending kept with the last rows of its last table of labels (a blank
    sheet's, a sheet ending with short fields): the closing line never stands alone on
    a page of its own, and never pushes a whole section to the next page."""
    index = len(flow)
    while index and isinstance(flow[index - 1], Spacer):
        index -= 1
    if not index:
        return flow + ending
    last, spacers = flow[index - 1], flow[index:]
    rows = getattr(last, "label_rows", None)
    if not rows:  # a text or a table that flows across pages: the line follows it
        return flow + ending
    return [*flow[: index - 1], *_split_last_rows(last, spacers, ending, label_table)]


def _split_last_rows(last, spacers: list, ending: list, label_table: Callable) -> list:
    rows = last.label_rows
    head = [label_table(rows[:-LAST_ROWS])] if len(rows) > LAST_ROWS else []
    last = label_table(rows[-LAST_ROWS:])
    return [*head, _together([last, *spacers], ending)]


def with_last_block(flow: list, ending: list, label_table: Callable) -> list:
    """The flow with ending kept on the page of the last section (of its last block when
    the section has many blocks or is taller than half a page, of its last rows when that
    block is a table of labels): signatures are never alone on a page of their own, sign
    the minutes' last words on their page, and never push a long section to the next
    page whole."""
    start = _last_section_start(flow)
    tail, flow = flow[start:], flow[:start]
    parts = _unwrapped(tail)
    if _height([*parts, *ending]) <= WHOLE_TAIL_ROOM:
        return [*flow, _together(parts, ending)]
    index = len(tail)
    while index and isinstance(tail[index - 1], Spacer):
        index -= 1
    if not index:
        return [*flow, _together(tail, ending)]
    last, spacers = tail[index - 1], tail[index:]
    if getattr(last, "label_rows", None):
        return [*flow, *tail[: index - 1], *_split_last_rows(last, spacers, ending, label_table)]
    return [*flow, *tail[: index - 1], _together([last, *spacers], ending)]


def _together(flowables: list, ending: list) -> KeepTogether:
    """One KeepTogether of both, with none inside it: a KeepTogether inside another
    always moves to a new page (the signatures' own block left page 1 of a short
    meeting's minutes empty but for the venue's name)."""
    return KeepTogether(_unwrapped([*flowables, *ending]))


def _unwrapped(flowables: list) -> list:
    return [p for f in flowables for p in (f._content if isinstance(f, KeepTogether) else [f])]


def _height(flowables: list) -> float:
    """Their height in a frame's width, as laid one after the other (measured on a
    throwaway canvas: some flowables measure their text with it)."""
    canvas = Canvas(io.BytesIO())
    return sum(
        f.wrapOn(canvas, FRAME_WIDTH, PAGE_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        for f in flowables
    )


def _last_section_start(flow: list) -> int:
    """Where the last section starts in flow, if it is a few blocks long; else where its
    last block (with the spacers after it) starts."""
    for back in range(1, min(LAST_SECTION_BLOCKS, len(flow)) + 1):
        block = flow[-back]
        first = block._content[0] if isinstance(block, KeepTogether) else block
        if getattr(first, "is_section_heading", False):
            return len(flow) - back
    index = len(flow)
    while index and isinstance(flow[index - 1], Spacer):
        index -= 1
    return max(index - 1, 0)
