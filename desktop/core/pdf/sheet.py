"""The « Fiche de visite » PDF, laid out from the template with reportlab's platypus.

Sections and labels follow the template's order, so a network's own template gets its
own sheet. Every piece of user text is escaped before it meets reportlab's paragraph
markup. The same visit gives the same bytes (invariant mode, fixed metadata).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.forms import french
from desktop.core.forms.templates import FieldSpec, Section, Template
from desktop.core.forms.validation import is_empty
from desktop.core.media.documents import type_title
from desktop.core.pdf.page import NumberedCanvas, PageDecoration
from desktop.core.pdf.styles import ACCENT, ACCENT_LIGHT, RULE, WARNING, WARNING_LIGHT, Styles
from desktop.core.storage.records import Document, Photo, Venue, Visit

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 1.8 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12  # the frame keeps 6 pt of padding each side
LABEL_WIDTH = 5.2 * cm
PHOTO_BOX = (8.1 * cm, 6.1 * cm)
LONG_VALUE = 400  # characters: longer values flow full width and may cross pages
CHUNK = 2500  # characters per paragraph when a text is huge, to keep splitting cheap
TITLE_FIELDS = {"visit_date", "visit_type", "facilitator", "people_met"}
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


@dataclass(frozen=True)
class SheetContent:
    template: Template
    venue: Venue
    visit: Visit
    photos: list[Photo] = field(default_factory=list)  # already filtered for the audience
    photos_left_out: int = 0
    documents: list[Document] = field(default_factory=list)


def text(value: Any) -> str:
    """User text made safe for reportlab's mini-markup: escaped, line breaks kept."""
    cleaned = CONTROL_CHARS.sub("", str(value))
    # reportlab takes U+202F for a breakable plain space; U+00A0 is the no-break space it keeps.
    cleaned = cleaned.replace(french.THIN_SPACE, "\u00a0")
    return escape(cleaned).replace("\n", "<br/>")


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


class SheetBuilder:
    """Turns one visit into flowables; one builder per sheet."""

    def __init__(self, content: SheetContent, options: SheetOptions) -> None:
        self.content, self.options = content, options
        self.styles = Styles()
        self.data = content.visit.data
        self.today = options.today or date.today()

    # ------------------------------------------------------------------ values
    def value_text(self, spec: FieldSpec, value: Any) -> str:
        """A field's value as (escaped) paragraph text, the French way."""
        if spec.widget in {"select"}:
            return text(spec.label_of(value))
        if spec.widget == "multiselect" and isinstance(value, list):
            return " · ".join(text(spec.label_of(v)) for v in value)
        if spec.widget == "checkbox":
            return "Oui" if value is True else "Non" if value is False else text(value)
        if spec.widget in {"number", "integer"} and isinstance(value, int | float):
            return text(french.with_unit(value, spec.unit))
        if spec.widget == "date":
            return text(french.long_date(str(value)))
        return text(value)

    # ------------------------------------------------------------------ blocks
    def title_block(self) -> list:
        s, venue, data = self.styles, self.content.venue, self.data
        place = " ".join(filter(None, [venue.data.get("postal_code"), venue.data.get("commune")]))
        flow = [Paragraph(text(venue.name), s.title)]
        if place:
            flow.append(Paragraph(text(place), s.subtitle))
        rows = [("Date de la visite", text(french.long_date(data.get("visit_date"))) or "—")]
        type_field = self.content.template.field("visit_type")
        if data.get("visit_type") and type_field:
            rows.append(("Type de visite", self.value_text(type_field, data["visit_type"])))
        if data.get("facilitator"):
            rows.append(("Facilitateur·rice", text(data["facilitator"])))
        people = self.people_met()
        if people:
            rows.append(("Personnes rencontrées", people))
        for key, title in IDENTITY_ROWS.items():
            value = self.content.venue.data.get(key)
            if value:
                rows.append((title, text(value)))
        flow += [Spacer(1, 8), self.label_table(rows), Spacer(1, 6)]
        return flow

    def people_met(self) -> str:
        """Roles, and names only on an internal sheet (personal data stays minimal)."""
        people = self.data.get("people_met")
        if not isinstance(people, list):
            return ""
        shown = []
        for person in people:
            if not isinstance(person, dict):
                continue
            role = text(person.get("role") or "")
            name = person.get("name")
            if name and self.options.audience == "interne":
                role = f"{role} ({text(name)})" if role else text(name)
            shown.append(role)
        return " · ".join(r for r in shown if r)

    def label_table(self, rows: list[tuple[str, str]]) -> Table:
        s = self.styles
        cells = [
            [Paragraph(text(label), s.label), Paragraph(value, s.value)] for label, value in rows
        ]
        table = Table(cells, colWidths=[LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH],
                      splitInRow=split_in_row(value for _, value in rows))  # fmt: skip
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
        ]))  # fmt: skip
        return table

    def section_heading(self, title: str) -> Table:
        heading = Table([[Paragraph(text(title), self.styles.section)]], colWidths=[FRAME_WIDTH])
        heading.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))  # fmt: skip
        return heading

    def section(self, section: Section) -> list:
        body: list = []
        if section.id == "lieu":
            body += self.occupation_callout()
        short_rows: list[tuple[str, str]] = []

        def flush_rows() -> None:
            if short_rows:
                body.append(self.label_table(list(short_rows)))
                short_rows.clear()

        for spec in section.fields:
            if spec.key in TITLE_FIELDS:
                continue
            value = self.data.get(spec.key)
            if is_empty(value):
                if self.options.blank_fields:
                    short_rows.append((spec.title, "_" * 60))
                continue
            if spec.widget == "table":
                flush_rows()
                body += self.table_block(spec, value)
            elif spec.widget == "textarea" or (spec.is_text and len(str(value)) > LONG_VALUE):
                flush_rows()
                body += self.long_block(spec.title, str(value))
            else:
                short_rows.append((spec.title, self.value_text(spec, value)))
        flush_rows()
        if not body:
            return []
        return [KeepTogether([self.section_heading(section.title), Spacer(1, 4), body[0]]),
                *body[1:], Spacer(1, 10)]  # fmt: skip

    def long_block(self, title: str, value: str) -> list:
        s = self.styles
        flow: list = [Paragraph(text(title), s.block_label)]
        flow += [Paragraph(text(piece) or "&nbsp;", s.value) for piece in chunks(value)]
        return flow

    def occupation_callout(self) -> list:
        """The agreement and its end date, which a facilitator must not miss."""
        data, template = self.data, self.content.template
        agreement, end = data.get("agreement_type"), data.get("end_date")
        if not agreement and not end:
            return []
        parts = []
        spec = template.field("agreement_type")
        if agreement and spec:
            parts.append(f"<b>{self.value_text(spec, agreement)}</b>")
        if end:
            parts.append(f"fin le <b>{text(french.long_date(str(end)))}</b>")
            left = french.months_left_text(data.get("visit_date"), str(end))
            if left:
                parts.append(text(left))
        urgent = self._ends_soon(str(end)) if end else False
        box = Table([[Paragraph(" — ".join(parts), self.styles.callout)]], colWidths=[FRAME_WIDTH])
        box.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), WARNING_LIGHT if urgent else ACCENT_LIGHT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, WARNING if urgent else ACCENT),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]))  # fmt: skip
        return [box, Spacer(1, 6)]

    def _ends_soon(self, end: str) -> bool:
        start, finish = french.parse_date(self.data.get("visit_date")), french.parse_date(end)
        return bool(start and finish and french.months_between(start, finish) < 6)

    def table_block(self, spec: FieldSpec, rows: Any) -> list:
        """A list of objects as a table; for the actions, « Suites à donner », overdue marked."""
        s = self.styles
        actions = spec.key == "actions"
        title = "Suites à donner" if actions else spec.title
        header = [Paragraph(text(c.title), s.cell_head) for c in spec.columns]
        body, overdue_rows = [], []
        for index, row in enumerate(r for r in rows if isinstance(r, dict)):
            cells = []
            for column in spec.columns:
                value = row.get(column.key)
                shown = "" if is_empty(value) else self.value_text(column, value)
                cells.append(Paragraph(shown, s.cell))
            if actions and self._overdue(row):
                overdue_rows.append(index + 1)
                cells[-1] = Paragraph(f"{cells[-1].text} <font color='#b00020'><b>· en retard</b></font>",
                                      s.cell)  # fmt: skip
            body.append(cells)
        if spec.key == "people_met" and self.options.audience != "interne":
            return []  # shown as roles in the title block; names stay internal
        widths = [FRAME_WIDTH / len(spec.columns)] * len(spec.columns)
        if actions and len(spec.columns) == 4:
            widths = [FRAME_WIDTH * w for w in (0.46, 0.2, 0.17, 0.17)]
        table = Table([header, *body], colWidths=widths, repeatRows=1,
                      splitInRow=split_in_row(c.text for row in body for c in row))  # fmt: skip
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), WARNING_LIGHT) for r in overdue_rows]
        table.setStyle(TableStyle(style))
        block = [Paragraph(text(title), s.block_label), Spacer(1, 2), table, Spacer(1, 4)]
        return [KeepTogether(block)] if len(body) <= 12 else block  # long tables may split

    def _overdue(self, row: dict) -> bool:
        due = french.parse_date(str(row.get("due") or ""))
        return bool(due and due < self.today and row.get("status") != "fait")

    def photos_block(self) -> list:
        s, content = self.styles, self.content
        if not content.photos and not content.photos_left_out:
            return []
        heading = [self.section_heading("Photos"), Spacer(1, 6)]
        cells = [self._photo_cell(photo) for photo in content.photos]
        rows = [
            cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)
        ]
        grids = []
        for index, row in enumerate(rows):  # one table per row: rows flow across pages
            captions = (p.caption for p in content.photos[2 * index : 2 * index + 2])
            grid = Table([row], colWidths=[FRAME_WIDTH / 2] * 2,
                         splitInRow=split_in_row(captions))  # only a huge caption splits a row  # fmt: skip
            grid.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]))  # fmt: skip
            grids.append(grid)
        flow: list = [KeepTogether(heading + grids[:1]), *grids[1:]]
        if content.photos_left_out:
            flow.append(Paragraph(text(self.left_out_note()), s.note))
        return flow

    def left_out_note(self) -> str:
        count = self.content.photos_left_out
        audience = AUDIENCE_TITLES.get(self.options.audience, self.options.audience)
        photos = "1 photo non reproduite" if count == 1 else f"{count} photos non reproduites"
        return (f"{photos} : personnes reconnaissables sans autorisation pour une diffusion "
                f"« {audience} ».")  # fmt: skip

    def _photo_cell(self, photo: Photo) -> list:
        width, height = ImageReader(photo.print_rendition).getSize()
        scale = min(PHOTO_BOX[0] / width, PHOTO_BOX[1] / height)
        image = Image(photo.print_rendition, width * scale, height * scale)
        caption = photo.caption or ""
        if photo.taken_on:
            caption = f"{caption} ({french.long_date(photo.taken_on)})" if caption else (
                french.long_date(photo.taken_on))  # fmt: skip
        return [image, Spacer(1, 3), Paragraph(text(caption), self.styles.caption)]

    def documents_block(self) -> list:
        s, documents = self.styles, self.content.documents
        if not documents:
            return []
        header = [Paragraph(t, s.cell_head) for t in ("Type", "Document", "Date", "Fin")]
        rows = [[Paragraph(text(type_title(d.doc_type)), s.cell), Paragraph(text(d.original_name), s.cell),
                 Paragraph(text(french.long_date(d.doc_date)), s.cell),
                 Paragraph(text(french.long_date(d.end_date)), s.cell)] for d in documents]  # fmt: skip
        widths = [FRAME_WIDTH * w for w in (0.28, 0.38, 0.17, 0.17)]
        table = Table([header, *rows], colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))  # fmt: skip
        return [Spacer(1, 6), self.section_heading("Documents de gouvernance du lieu"),
                Spacer(1, 4), table]  # fmt: skip

    def story(self) -> list:
        flow = self.title_block()
        for section in self.content.template.sections:
            flow += self.section(section)
        return flow + self.photos_block() + self.documents_block()


def render_sheet(content: SheetContent, options: SheetOptions) -> bytes:
    builder = SheetBuilder(content, options)
    venue, visit = content.venue, content.visit
    day = french.long_date(visit.data.get("visit_date")) or "date à préciser"
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 0.6 * cm, bottomMargin=MARGIN + 0.4 * cm,
        title=f"Fiche de visite — {venue.name} — {day}", author=visit.data.get("facilitator", ""),
        subject="Fiche de visite d'un tiers-lieu", creator="Carnet", producer="Carnet",
        invariant=1,
    )  # fmt: skip
    decoration = PageDecoration(
        left=f"{venue.name} — {venue.data.get('commune') or ''}".rstrip(" —"),
        right=f"Visite du {day}",
        network=options.network_name,
        logo=options.logo,
        audience=AUDIENCE_TITLES.get(options.audience, options.audience),
    )
    document.build(builder.story(), onFirstPage=decoration.draw, onLaterPages=decoration.draw,
                   canvasmaker=NumberedCanvas)  # fmt: skip
    return buffer.getvalue()
