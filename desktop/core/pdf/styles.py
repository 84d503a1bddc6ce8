"""Fonts and paragraph styles of the visit sheet.

The Carlito family (SIL OFL, resources/fonts) covers French fully: accents, œ, « »,
€, the typographic apostrophe and the thin no-break space. reportlab's font registry
is process-wide; registering is idempotent.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import tables

from desktop.paths import RESOURCES

FONTS_DIR = RESOURCES / "fonts"
FAMILY = "Carlito"
ACCENT = colors.HexColor("#2f6b4f")  # the app's green
ACCENT_LIGHT = colors.HexColor("#e8f1ec")
WARNING = colors.HexColor("#b00020")
WARNING_LIGHT = colors.HexColor("#fdecef")
MUTED = colors.HexColor("#5f6b66")
RULE = colors.HexColor("#c9d6cf")


def register_fonts() -> None:
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return
    # A table cell's default font is reportlab's Helvetica, which it never embeds: every
    # sheet would name a font it does not carry. The sheet's tables use the body font.
    tables.CellStyle.fontname = FAMILY
    faces = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
    for suffix, file_face in faces.items():
        pdfmetrics.registerFont(TTFont(FAMILY + suffix, FONTS_DIR / f"Carlito-{file_face}.ttf"))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=FAMILY,
        bold=f"{FAMILY}-Bold",
        italic=f"{FAMILY}-Italic",
        boldItalic=f"{FAMILY}-BoldItalic",
    )


def _style(name: str, **options) -> ParagraphStyle:
    base = {"fontName": FAMILY, "fontSize": 10, "leading": 13, "splitLongWords": 1}
    return ParagraphStyle(name, **(base | options))


class Styles:
    """The sheet's paragraph styles, made once per sheet (plain objects, no global state)."""

    def __init__(self) -> None:
        register_fonts()
        self.title = _style(
            "title", fontName=f"{FAMILY}-Bold", fontSize=22, leading=26, textColor=ACCENT
        )
        self.subtitle = _style("subtitle", fontSize=12, leading=15, textColor=MUTED)
        self.meta = _style("meta", fontSize=10.5, leading=14)
        self.section = _style(
            "section", fontName=f"{FAMILY}-Bold", fontSize=13, leading=16, textColor=colors.white
        )
        self.label = _style(
            "label", fontName=f"{FAMILY}-Bold", fontSize=9, leading=11.5, textColor=MUTED
        )
        self.value = _style("value")
        self.block_label = _style(
            "block_label",
            fontName=f"{FAMILY}-Bold",
            fontSize=9,
            leading=11.5,
            textColor=MUTED,
            spaceBefore=4,
        )
        self.cell = _style("cell", fontSize=9.5, leading=12)
        self.cell_head = _style("cell_head", fontName=f"{FAMILY}-Bold", fontSize=9.5, leading=12)
        self.caption = _style(
            "caption", fontName=f"{FAMILY}-Italic", fontSize=9, leading=11, alignment=1
        )
        self.note = _style(
            "note", fontName=f"{FAMILY}-Italic", fontSize=9, leading=11.5, textColor=MUTED
        )
        self.callout = _style("callout", fontSize=11, leading=14.5)
        self.blank = _style("blank", textColor=RULE)
