"""The sheet's photos and governance documents, a part of SheetBuilder (sheet.py).

Uses the builder's content, options and styles.
"""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.media.documents import type_title
from desktop.core.media.rotation import rotated_jpeg
from desktop.core.pdf.sheet_model import AUDIENCE_TITLES, FRAME_WIDTH, PHOTO_BOX, split_in_row, text
from desktop.core.pdf.styles import ACCENT_LIGHT, RULE
from desktop.core.storage.records import Photo


class AttachmentBlocks:
    def photos_block(self) -> list:
        s, content = self.styles, self.content
        if not content.photos and not content.photos_left_out:
            return []
        heading = [self.section_heading(self.say("Photos")), Spacer(1, 6)]
        cells = [self._photo_cell(photo) for photo in content.photos]
        rows = [
            cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)
        ]
        grids = []
        for index, row in enumerate(rows):  # one table per row: rows flow across pages
            captions = (p.caption for p in content.photos[2 * index : 2 * index + 2])
            grid = Table(
                [row], colWidths=[FRAME_WIDTH / 2] * 2, splitInRow=split_in_row(captions)
            )  # only a huge caption splits a row
            grid.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                    ]
                )
            )
            grids.append(grid)
        flow: list = [KeepTogether(heading + grids[:1]), *grids[1:]]
        if content.photos_left_out:
            flow.append(Paragraph(text(self.left_out_note()), s.note))
        return flow

    def left_out_note(self) -> str:
        count = self.content.photos_left_out
        audience = self.say(AUDIENCE_TITLES.get(self.options.audience, self.options.audience))
        return self.say.photos_left_out(count, audience)

    def _photo_cell(self, photo: Photo) -> list:
        turned = rotated_jpeg(photo.print_rendition, photo.rotation)  # as the user turned it
        source = io.BytesIO(turned) if turned else photo.print_rendition
        width, height = ImageReader(source).getSize()
        scale = min(PHOTO_BOX[0] / width, PHOTO_BOX[1] / height)
        if turned:
            source.seek(0)
        image = Image(source, width * scale, height * scale)
        caption = photo.caption or ""
        if photo.taken_on:
            caption = (
                f"{caption} ({self.say.long_date(photo.taken_on)})"
                if caption
                else (self.say.long_date(photo.taken_on))
            )
        return [image, Spacer(1, 3), Paragraph(text(caption), self.styles.caption)]

    def documents_block(self) -> list:
        s, documents = self.styles, self.content.documents
        if not documents:
            return []
        say = self.say
        header = [Paragraph(say(t), s.cell_head) for t in ("Type", "Document", "Date", "Fin")]
        rows = [
            [
                Paragraph(text(say(type_title(d.doc_type))), s.cell),
                Paragraph(text(d.original_name), s.cell),
                Paragraph(text(say.long_date(d.doc_date)), s.cell),
                Paragraph(text(say.long_date(d.end_date)), s.cell),
            ]
            for d in documents
        ]
        widths = [FRAME_WIDTH * w for w in (0.28, 0.38, 0.17, 0.17)]
        table = Table([header, *rows], colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return [
            Spacer(1, 6),
            self.section_heading(say("Documents de gouvernance du lieu")),
            Spacer(1, 4),
            table,
        ]
