"""The « Fiche de visite » PDF, laid out from the template with reportlab's platypus.

Sections and labels follow the template's order, so a network's own template gets its
own sheet. Every piece of user text is escaped before it meets reportlab's paragraph
markup. The same visit gives the same bytes (invariant mode, fixed metadata).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.followup.fields import FollowupFields
from desktop.core.forms import french
from desktop.core.forms.templates import FieldSpec, Section
from desktop.core.forms.validation import is_empty
from desktop.core.pdf.attachment_blocks import AttachmentBlocks
from desktop.core.pdf.earlier_block import earlier_block, version_line
from desktop.core.pdf.page import NumberedCanvas, PageDecoration
from desktop.core.pdf.page_endings import keep_with_last_rows, with_last_block
from desktop.core.pdf.record_blocks import RecordBlocks, column_widths
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
from desktop.core.privacy.audiences import field_audience, reaches

FIRST_LINES = 3  # lines of a long text kept with its label at the foot of a page
TABLE_START_ROOM = 3 * cm  # a long table starts where its label, header and rows fit
FIRST_ROWS = 3  # rows of a section's first table of labels kept with its heading


class SheetBuilder(AttachmentBlocks, RecordBlocks):
    """Turns one record (a visit, a meeting's minutes…) into flowables, from its template;
    one builder per sheet."""

    def __init__(self, content: SheetContent, options: SheetOptions) -> None:
        self.content, self.options = content, options
        self.styles = Styles()
        self.data = content.visit.data
        template = content.template
        self.title_keys = TITLE_FIELDS | template.title_keys()
        self.actions_key = FollowupFields.of(template).actions
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
        rows: list[tuple[str, str]] = []
        place = " ".join(filter(None, [venue.data.get("postal_code"), venue.data.get("commune")]))
        flow = [Paragraph(text(venue.name), s.title)]
        if place:
            flow.append(Paragraph(text(place), s.subtitle))
        flow += self.kind_line()
        say, template = self.say, self.content.template
        for key in (template.date_key, template.kind_key, template.author_key):
            spec = template.field(key) if key else None
            if spec is None:
                continue
            value = data.get(key)
            if key == template.date_key:
                rows.append((spec.title, text(say.long_date(value)) or "—"))
            elif not is_empty(value):
                rows.append((spec.title, self.value_text(spec, value)))
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
        table.label_rows = rows  # split again by keep_with_last_rows
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
        heading.is_section_heading = True  # found again by with_last_block
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
            if not short_rows:
                return
            if not body and len(short_rows) > FIRST_ROWS:  # only these go with the heading
                body.append(self.label_table(short_rows[:FIRST_ROWS]))
                del short_rows[:FIRST_ROWS]
            body.append(self.label_table(list(short_rows)))
            short_rows.clear()

        for spec in section.fields:
            if spec.key in self.title_keys:
                continue
            value = self.data.get(spec.key)
            if is_empty(value):
                if self.options.blank_fields:
                    short_rows.append((spec.title, "_" * 60))
                continue
            if spec.widget == "table":
                flush_rows()
                body += self.table_block(spec, value, labelled=spec.title != section.title)
            elif spec.widget == "textarea" or (spec.is_text and len(str(value)) > LONG_VALUE):
                flush_rows()
                body += self.long_block(spec.title, str(value))
            else:
                short_rows.append((spec.title, self.value_text(spec, value)))
        flush_rows()
        if not body:
            return []
        heading = [self.section_heading(section.title), Spacer(1, 4)]
        if isinstance(body[0], CondPageBreak):  # a long block first: its room and the heading's
            room = body[0].height + sum(f.wrap(FRAME_WIDTH, A4[1])[1] for f in heading)
            return [CondPageBreak(room), *heading, *body[1:], Spacer(1, 10)]
        # A block already kept together joins the heading's (a KeepTogether inside another
        # pushes the section to a new page every time).
        first = body[0]._content if isinstance(body[0], KeepTogether) else [body[0]]
        return [KeepTogether([*heading, *first]), *body[1:], Spacer(1, 10)]

    def long_block(self, title: str, value: str) -> list:
        """A label and its text. The label never stays alone at the foot of a page: with
        less room than for it and three lines of its text, both start on the next page
        (and a long text still flows from where it starts)."""
        s = self.styles
        room = s.block_label.spaceBefore + s.block_label.leading + FIRST_LINES * s.value.leading
        label = Paragraph(text(title), s.block_label)
        pieces = [Paragraph(text(piece) or "&nbsp;", s.value) for piece in chunks(value)]
        if len(value) <= LONG_VALUE:
            return [KeepTogether([label, *pieces])]
        return [CondPageBreak(room), label, *pieces]

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

    def table_block(self, spec: FieldSpec, rows: Any, labelled: bool = True) -> list:
        """A list of objects as a table; for the actions, « Suites à donner », overdue marked."""
        s = self.styles
        actions = spec.key == self.actions_key
        title = self.say("Suites à donner") if actions else spec.title
        audience = self.options.audience  # a column its audience may not see is left out
        columns = tuple(c for c in spec.columns if reaches(field_audience(c.schema), audience))
        spec = replace(spec, columns=columns)
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
        widths = column_widths(spec.columns, s.cell_head)
        if actions and len(spec.columns) == 4:
            widths = [FRAME_WIDTH * w for w in (0.46, 0.2, 0.17, 0.17)]
        label = Paragraph(text(title), s.block_label)
        if len(body) <= 12:  # kept whole, under its label
            table = self._grid([header, *body], widths, overdue_rows, head=0)
            above = [label, Spacer(1, 2)] if labelled else []
            return [KeepTogether([*above, table, Spacer(1, 4)])]
        # A long table splits across pages: its label is its first row, repeated with the
        # header on each page, and it starts where a few of its rows fit, so that neither
        # stays alone at the foot of a page.
        head = 1 if labelled else 0
        rows = [[label] + [""] * (len(widths) - 1), header, *body][1 - head :]
        table = self._grid(rows, widths, [r + head for r in overdue_rows], head=head)
        return [CondPageBreak(TABLE_START_ROOM), table, Spacer(1, 4)]

    def _grid(self, rows: list, widths: list, warned: list[int], head: int) -> Table:
        """The table of a list field; head: the index of its header row (after a label)."""
        table = Table(
            rows,
            colWidths=widths,
            repeatRows=head + 1,
            splitInRow=split_in_row(c.text for row in rows[head + 1 :] for c in row),
        )
        style = [
            ("BACKGROUND", (0, head), (-1, head), ACCENT_LIGHT),
            ("LINEBELOW", (0, head), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if head:
            style += [("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (0, 0), 0)]
        style += [("BACKGROUND", (0, r), (-1, r), WARNING_LIGHT) for r in warned]
        table.setStyle(TableStyle(style))
        return table

    def _overdue(self, row: dict) -> bool:
        due = french.parse_date(str(row.get("due") or ""))
        return bool(due and due < self.today and row.get("status") != "fait")

    def story(self) -> list:
        flow = self.title_block()
        for section in self.content.template.sections:
            flow += self.section(section)
        flow += earlier_block(self)  # fields of a previous version: the internal sheet only
        flow += self.photos_block() + self.documents_block()
        signatures = self.signatures_block()
        if not signatures:
            return keep_with_last_rows(flow, version_line(self), self.label_table)
        return with_last_block(flow, [*version_line(self), *signatures], self.label_table)


def render_sheet(content: SheetContent, options: SheetOptions) -> bytes:
    builder = SheetBuilder(content, options)
    venue, visit, say = content.venue, content.visit, builder.say
    template = content.template
    day = say.long_date(visit.data.get(template.date_key)) or say("date à préciser")
    heading = template.heading or say("Visite du")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 0.6 * cm,
        bottomMargin=MARGIN + 0.4 * cm,
        title=f"{template.title or say('Fiche de visite')} — {venue.name} — {day}",
        author=visit.data.get(template.author_key, "") if template.author_key else "",
        subject=template.title or say("Fiche de visite d'un tiers-lieu"),
        creator="Carnet",
        producer="Carnet",
        invariant=1,
    )
    decoration = PageDecoration(
        left=f"{venue.name} — {venue.data.get('commune') or ''}".rstrip(" —"),
        right=f"{heading} {day}",
        network=options.network_name,
        logo=options.logo,
        audience=say(AUDIENCE_TITLES.get(options.audience, options.audience)),
        internal=options.audience == "interne",
        say=say,
        kind=template.title,
    )
    document.build(
        builder.story(),
        onFirstPage=decoration.draw,
        onLaterPages=decoration.draw,
        canvasmaker=NumberedCanvas,
    )
    return buffer.getvalue()
