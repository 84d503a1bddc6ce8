"""What a visit sheet is made of and the page's measures, shared by its builders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from desktop.core.forms import french
from desktop.core.forms.templates import Template
from desktop.core.pdf.glyphs import markup
from desktop.core.storage.records import Document, Photo, Venue, Visit

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 1.8 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12  # the frame keeps 6 pt of padding each side
LABEL_WIDTH = 5.2 * cm
PHOTO_BOX = (8.1 * cm, 6.1 * cm)
LONG_VALUE = 400  # characters: longer values flow full width and may cross pages
CHUNK = 2500  # characters per paragraph when a text is huge, to keep splitting cheap
TITLE_FIELDS = {"people_met"}  # and the template's date, kind and author (title_keys)
IDENTITY_ROWS = {"address": "Adresse", "siret": "SIRET", "website": "Site web"}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
AUDIENCE_TITLES = {"interne": "interne", "reseau": "réseau", "public": "public"}


@dataclass(frozen=True)
class SheetOptions:
    audience: str = "reseau"
    blank_fields: bool = False  # print empty fields as lines to fill by hand
    network_name: str = ""
    logo: Path | None = None
    today: date | None = None  # for overdue actions; today by default
    language: str = "fr"  # the sheet's words and the template's texts (fr: the contract)


@dataclass(frozen=True)
class SheetContent:
    template: Template
    venue: Venue
    visit: Visit
    photos: list[Photo] = field(default_factory=list)  # already filtered for the audience
    photos_left_out: int = 0
    documents: list[Document] = field(default_factory=list)


def text(value: Any) -> str:
    """User text made safe for reportlab's mini-markup: escaped, every character in a font
    that draws it (glyphs.py), line breaks kept."""
    cleaned = CONTROL_CHARS.sub("", str(value))
    # reportlab takes U+202F for a breakable plain space; U+00A0 is the no-break space it keeps.
    cleaned = cleaned.replace(french.THIN_SPACE, "\u00a0")
    return markup(cleaned).replace("\n", "<br/>")  # NFC, fallback fonts, right to left


def chunks(value: str) -> list[str]:
    """A long text cut into paragraphs: at line breaks, then at spaces every CHUNK chars."""
    pieces: list[str] = []
    for line in str(value).split("\n"):
        while len(line) > CHUNK:
            cut = line.rfind(" ", 0, CHUNK)
            cut = cut if cut > CHUNK // 2 else CHUNK
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        pieces.append(line)
    return pieces


def split_in_row(texts: Iterable[str]) -> int:
    """Table's splitInRow: a row holding a long text may cross pages (else LayoutError)."""
    return 1 if any(len(t) > LONG_VALUE for t in texts) else 0
