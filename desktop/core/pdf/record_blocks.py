"""Parts of a printed record that come from its template's hints rather than its fields:
the kind of record under the venue's name, the signatures (x-signatures: the chair and
the secretary sign a meeting's minutes), and table columns sized by what they hold."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.core.forms.templates import FieldSpec
from desktop.core.pdf.sheet_model import FRAME_WIDTH, text
from desktop.core.pdf.styles import ACCENT_LIGHT, RULE

# A table column's share of the width, by what it holds: a count is narrow, a text wide.
COLUMN_WEIGHTS = {"integer": 1.25, "number": 1.25, "checkbox": 0.7, "date": 1.0, "select": 1.35}
TEXT_WEIGHT = 2.0
SIGNATURE_SPACE = 2.2 * cm
CELL_PADDING = 14  # points: reportlab's 6 on each side of a cell, and a little air


def column_widths(columns: tuple[FieldSpec, ...], head_style=None) -> list[float]:
    """Shares of the frame by content; with head_style, no column narrower than the
    longest word of its header (« Abstentions » is never cut in two)."""
    weights = [COLUMN_WEIGHTS.get(c.widget, TEXT_WEIGHT) for c in columns]
    total = sum(weights) or 1.0
    widths = [FRAME_WIDTH * w / total for w in weights]
    if head_style is None:
        return widths
    least = [_longest_word(c.title, head_style) + CELL_PADDING for c in columns]
    short = [i for i, w in enumerate(widths) if w < least[i]]
    if not short or sum(least) > FRAME_WIDTH:
        return widths
    spare = FRAME_WIDTH - sum(least[i] for i in short)
    rest = sum(weights[i] for i in range(len(columns)) if i not in short) or 1.0
    return [least[i] if i in short else spare * weights[i] / rest for i in range(len(columns))]


def _longest_word(title: str, style) -> float:
    words = title.split() or [""]
    return max(stringWidth(w, style.fontName, style.fontSize) for w in words)


class RecordBlocks:
    """Mixed into SheetBuilder (content, styles, data, say)."""

    def kind_line(self) -> list:
        """« Compte rendu d'instance de gouvernance — Conseil d'administration »."""
        template = self.content.template
        kind = template.field(template.kind_key) if template.kind_key else None
        value = self.data.get(template.kind_key) if kind else None
        words = [text(template.title)] if template.title else []
        if value:
            words.append(f"<b>{self.value_text(kind, value)}</b>")
        return [Paragraph(" — ".join(words), self.styles.subtitle)] if words else []

    def signatures_block(self) -> list:
        """One box per signer the template names, to sign the printed minutes by hand."""
        signers = self.content.template.signatures
        if not signers:
            return []
        s, say = self.styles, self.say
        cells = [
            [
                Paragraph(f"<b>{text(signer)}</b>", s.cell),
                Paragraph(text(say("Nom, date et signature")), s.cell),
                Spacer(1, SIGNATURE_SPACE),
            ]
            for signer in signers
        ]
        width = FRAME_WIDTH / len(signers)
        table = Table([cells], colWidths=[width] * len(signers))
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                    ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
                    ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        heading = self.section_heading(say("Signatures"))
        return [KeepTogether([Spacer(1, 8), heading, Spacer(1, 4), table])]
