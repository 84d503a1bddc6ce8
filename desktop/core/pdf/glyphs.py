"""The PDF prints what was typed: every character drawn, or visibly replaced and counted.

User text is normalised to NFC first (macOS types « é » as « e » + U+0301, which the body
font would draw apart or not at all). A character the body font (Carlito) lacks comes
from the first fallback font that has it (resources/fonts: Hebrew, Arabic, symbols,
emoji in monochrome); a right-to-left run (Hebrew, Arabic) is put in visual order with
python-bidi, Arabic shaped first into its joined forms (arabic-reshaper), since
reportlab draws glyphs left to right as given. What no font has is drawn as « � » and
counted in `replacements` (the sheet says how many). Invisible formatting characters
(emoji variation selectors, joiners, direction marks) are dropped, not counted.
"""

from __future__ import annotations

import contextvars
import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core.pdf.styles import register_fonts
from desktop.paths import RESOURCES

BODY = "Carlito"
FALLBACKS = (  # (registered name, file), tried in this order
    ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf"),
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf"),
    ("DejaVuSans", "DejaVuSans.ttf"),
    ("SymbolaEmoji", "Symbola-Emoji.ttf"),
)
REPLACEMENT = "\ufffd"  # drawn from DejaVu Sans
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff]")
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")

_replaced: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "carnet_pdf_replaced", default=None
)


class Replacements:
    """Counts the characters replaced while a sheet is built (in this context only)."""

    def __enter__(self) -> Replacements:
        self.count = 0
        self._token = _replaced.set([0])
        return self

    def __exit__(self, *_exc) -> None:
        self.count = (_replaced.get() or [0])[0]
        _replaced.reset(self._token)


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF as UTF-16 pairs (reportlab
    writes them as 5 hex digits, which readers reject: an emoji would not copy or search)."""
    cmap = _reportlab_cmap(fontname, [min(code, 0xFFFF) for code in subset])
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <FFFF>", f"<{index:02X}> <{pair}>", 1)
    return cmap


_reportlab_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@functools.cache
def _coverage() -> tuple[frozenset[int], tuple[tuple[str, frozenset[int]], ...]]:
    """The code points of the body font and of each fallback (registered once)."""
    register_fonts()
    body = pdfmetrics.getFont(BODY)
    fallbacks = []
    for name, file_name in FALLBACKS:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, RESOURCES / "fonts" / file_name))
        fallbacks.append((name, frozenset(pdfmetrics.getFont(name).face.charToGlyph)))
    return frozenset(body.face.charToGlyph), tuple(fallbacks)


def visual(value: str) -> str:
    """NFC, invisible formatting dropped, right-to-left runs in visual order."""
    value = INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    if not RTL.search(value):
        return value
    from bidi import get_display  # only for text that has right-to-left characters

    if ARABIC.search(value):
        import arabic_reshaper

        value = arabic_reshaper.reshape(value)
    return "\n".join(get_display(line) for line in value.split("\n"))


def runs(value: str) -> list[tuple[str | None, str]]:
    """(font name, or None for the body font; text) pieces of a text already visual."""
    body, fallbacks = _coverage()
    if all(ord(c) in body or c in "\n\t" for c in value):
        return [(None, value)]
    pieces: list[tuple[str | None, str]] = []
    for character in value:
        font = _font_for(character, body, fallbacks)
        if font == "?":
            font, character = "DejaVuSans", REPLACEMENT
            counter = _replaced.get()
            if counter is not None:
                counter[0] += 1
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + character)
        else:
            pieces.append((font, character))
    return pieces


def _font_for(character: str, body, fallbacks) -> str | None:
    code = ord(character)
    if code in body or character in "\n\t":
        return None
    for name, covered in fallbacks:
        if code in covered:
            return name
    return "?"


def markup(value: str) -> str:
    """Paragraph markup for user text: escaped, each run in the font that draws it."""
    return "".join(
        escape(piece) if font is None else f'<font name="{font}">{escape(piece)}</font>'
        for font, piece in runs(visual(value))
    )


def draw_string(canvas, x: float, y: float, value: str, size: float, right: bool = False):
    """canvas.drawString for user text (a page's header): fallback fonts, replacements."""
    pieces = [(font or canvas._fontname, piece) for font, piece in runs(visual(value))]
    if right:
        x -= sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in pieces)
    body = canvas._fontname
    for font, piece in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, font, size)
    canvas.setFont(body, size)
