"""The « Fiche de visite » PDF, laid out from the template with reportlab's platypus.

Sections and labels follow the template's order, so a network's own template gets its
own sheet. Every piece of user text is escaped before it meets reportlab's paragraph
markup. The same visit gives the same bytes (invariant mode, fixed metadata).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.forms import french
from desktop.core.forms.templates import FieldSpec, Section
from desktop.core.forms.validation import is_empty
from desktop.core.pdf.attachment_blocks import AttachmentBlocks
from desktop.core.pdf.earlier_block import earlier_block, version_line
from desktop.core.pdf.page import NumberedCanvas, PageDecoration
from desktop.core.pdf.sheet_model import (
    AUDIENCE_TITLES,
    FRAME_WIDTH,
    IDENTITY_ROWS,
    LABEL_WIDTH,
    LONG_VALUE,
    MARGIN,
    TITLE_FIELDS,
    SheetContent,
    SheetOptions,
    chunks,
    split_in_row,
    text,
)
from desktop.core.pdf.styles import ACCENT, ACCENT_LIGHT, RULE, WARNING, WARNING_LIGHT, Styles
from desktop.core.pdf.wording import Wording


class SheetBuilder(AttachmentBlocks):
    """Turns one visit into flowables; one builder per sheet."""

    def __init__(self, content: SheetContent, options: SheetOptions) -> None:
        self.content, self.options = content, options
        self.styles = Styles()
        self.data = content.visit.data
        self.today = options.today or date.today()
        self.say = Wording(options.language)  # the sheet's own words, in its language

    # ------------------------------------------------------------------ values
    def value_text(self, spec: FieldSpec, value: Any) -> str:
        """A field's value as (escaped) paragraph text, the French way."""
        if spec.widget in {"select"}:
            return text(spec.label_of(value))
        if spec.widget == "multiselect" and isinstance(value, list):
            return " · ".join(text(spec.label_of(v)) for v in value)
        if spec.widget == "checkbox":
            return (
                self.say("Oui")
                if value is True
                else self.say("Non")
                if value is False
                else text(value)
            )
        if spec.widget in {"number", "integer"} and isinstance(value, int | float):
            return text(french.with_unit(value, spec.unit))
        if spec.widget == "date":
            return text(self.say.long_date(str(value)))
        return text(value)

    # ------------------------------------------------------------------ blocks
    def title_block(self) -> list:
        s, venue, data = self.styles, self.content.venue, self.data
        place = " ".join(filter(None, [venue.data.get("postal_code"), venue.data.get("commune")]))
        flow = [Paragraph(text(venue.name), s.title)]
        if place:
            flow.append(Paragraph(text(place), s.subtitle))
        say = self.say
        rows = [(say("Date de la visite"), text(say.long_date(data.get("visit_date"))) or "—")]
        type_field = self.content.template.field("visit_type")
        if data.get("visit_type") and type_field:
            rows.append((say("Type de visite"), self.value_text(type_field, data["visit_type"])))
        if data.get("facilitator"):
            rows.append((say("Facilitateur·rice"), text(data["facilitator"])))
        people = self.people_met()
        if people:
            rows.append((say("Personnes rencontrées"), people))
        for key, title in IDENTITY_ROWS.items():
            value = self.content.venue.data.get(key)
            if value:
                rows.append((say(title), text(value)))
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
            name = person.get("name")  # only on a sheet its audience may see (x-personal)
            if name:
                role = f"{role} ({text(name)})" if role else text(name)
            shown.append(role)
        return " · ".join(r for r in shown if r)

    def label_table(self, rows: list[tuple[str, str]]) -> Table:
        s = self.styles
        cells = [
            [Paragraph(text(label), s.label), Paragraph(value, s.value)] for label, value in rows
        ]
        table = Table(
            cells,
            colWidths=[LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH],
            splitInRow=split_in_row(value for _, value in rows),
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                ]
            )
        )
        return table

    def section_heading(self, title: str) -> Table:
        heading = Table([[Paragraph(text(title), self.styles.section)]], colWidths=[FRAME_WIDTH])
        heading.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
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
        return [
            KeepTogether([self.section_heading(section.title), Spacer(1, 4), body[0]]),
            *body[1:],
            Spacer(1, 10),
        ]

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
            parts.append(f"{self.say('fin le')} <b>{text(self.say.long_date(str(end)))}</b>")
            left = self.say.months_left(data.get("visit_date"), str(end))
            if left:
                parts.append(text(left))
        urgent = self._ends_soon(str(end)) if end else False
        box = Table([[Paragraph(" — ".join(parts), self.styles.callout)]], colWidths=[FRAME_WIDTH])
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), WARNING_LIGHT if urgent else ACCENT_LIGHT),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, WARNING if urgent else ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return [box, Spacer(1, 6)]

    def _ends_soon(self, end: str) -> bool:
        start, finish = french.parse_date(self.data.get("visit_date")), french.parse_date(end)
        return bool(start and finish and french.months_between(start, finish) < 6)

    def table_block(self, spec: FieldSpec, rows: Any) -> list:
        """A list of objects as a table; for the actions, « Suites à donner », overdue marked."""
        s = self.styles
        actions = spec.key == "actions"
        title = self.say("Suites à donner") if actions else spec.title
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
                cells[-1] = Paragraph(
                    f"{cells[-1].text} <font color='#b00020'><b>· {self.say('en retard')}</b></font>",
                    s.cell,
                )
            body.append(cells)
        if spec.key == "people_met" and self.options.audience != "interne":
            return []  # shown as roles in the title block; names stay internal
        widths = [FRAME_WIDTH / len(spec.columns)] * len(spec.columns)
        if actions and len(spec.columns) == 4:
            widths = [FRAME_WIDTH * w for w in (0.46, 0.2, 0.17, 0.17)]
        table = Table(
            [header, *body],
            colWidths=widths,
            repeatRows=1,
            splitInRow=split_in_row(c.text for row in body for c in row),
        )
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

    def story(self) -> list:
        flow = self.title_block()
        for section in self.content.template.sections:
            flow += self.section(section)
        flow += earlier_block(self)  # fields of a previous version: the internal sheet only
        return flow + self.photos_block() + self.documents_block() + version_line(self)


def render_sheet(content: SheetContent, options: SheetOptions) -> bytes:
    builder = SheetBuilder(content, options)
    venue, visit, say = content.venue, content.visit, builder.say
    day = say.long_date(visit.data.get("visit_date")) or say("date à préciser")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 0.6 * cm,
        bottomMargin=MARGIN + 0.4 * cm,
        title=f"{say('Fiche de visite')} — {venue.name} — {day}",
        author=visit.data.get("facilitator", ""),
        subject=say("Fiche de visite d'un tiers-lieu"),
        creator="Carnet",
        producer="Carnet",
        invariant=1,
    )
    decoration = PageDecoration(
        left=f"{venue.name} — {venue.data.get('commune') or ''}".rstrip(" —"),
        right=f"{say('Visite du')} {day}",
        network=options.network_name,
        logo=options.logo,
        audience=say(AUDIENCE_TITLES.get(options.audience, options.audience)),
        internal=options.audience == "interne",
        say=say,
    )
    document.build(
        builder.story(),
        onFirstPage=decoration.draw,
        onLaterPages=decoration.draw,
        canvasmaker=NumberedCanvas,
    )
    return buffer.getvalue()
