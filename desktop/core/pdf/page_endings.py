"""How a sheet ends: its closing flowables (the template's version line, the signatures)
kept on the page of what they close, never alone on a page of their own."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import KeepTogether, Spacer

LAST_ROWS = 2  # rows kept with the closing line (the template's version)
LAST_SECTION_BLOCKS = 6  # a last section this short goes with the signatures whole


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
    head = [label_table(rows[:-LAST_ROWS])] if len(rows) > LAST_ROWS else []
    last = label_table(rows[-LAST_ROWS:])
    return [*flow[: index - 1], *head, KeepTogether([last, *spacers, *ending])]


def with_last_block(flow: list, ending: list) -> list:
    """The flow with ending kept on the page of the last section (of its last block when
    the section is long): signatures are never alone on a page of their own, and sign
    the minutes' last words on their page."""
    start = _last_section_start(flow)
    tail, flow = flow[start:], flow[:start]
    parts = [p for f in tail for p in (f._content if isinstance(f, KeepTogether) else [f])]
    return [*flow, KeepTogether([*parts, *ending])]


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
