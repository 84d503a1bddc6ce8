"""The end of a sheet: which template version the document was written with, and, on the
internal sheet only, the fields of a previous version with their values.

Those fields have no audience any more (the template that said who may see them is
gone): they are interne, so the réseau and public sheets never show them.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from desktop.core.forms.earlier_fields import earlier_fields, plain_text
from desktop.core.pdf.sheet_model import text
from desktop.core.privacy.audiences import INTERNE

EARLIER_TITLE = "Champs d'une version précédente"
FIRST_ROWS = 3  # rows kept with the heading, as a section's


def version_line(builder) -> list:
    """« Modèle : Fiche de visite, version 1 (version en service : 2). »"""
    template, visit, say = builder.content.template, builder.content.visit, builder.say
    words = f"{say('Modèle')} : {template.title}, {say('version')} {visit.template_version}"
    if visit.template_version != template.version:
        words += f" ({say('version en service')} : {template.version})"
    return [Spacer(1, 6), Paragraph(text(words + "."), builder.styles.note)]


def earlier_block(builder) -> list:
    if builder.options.audience != INTERNE:
        return []
    found = earlier_fields(builder.content.template, builder.content.visit.data)
    if not found:
        return []
    say = builder.say
    rows = []
    for earlier in found:
        label = earlier.title
        if earlier.replaced_by:
            label += f" ({say('repris dans')} « {earlier.replaced_by} »)"
        rows.append((label, text(plain_text(earlier.value))))  # labels escaped by the table
    heading = [builder.section_heading(say(EARLIER_TITLE)), Spacer(1, 4)]
    if len(rows) <= FIRST_ROWS:
        return [KeepTogether([*heading, builder.label_table(rows)])]
    first, rest = builder.label_table(rows[:FIRST_ROWS]), builder.label_table(rows[FIRST_ROWS:])
    return [KeepTogether([*heading, first]), rest]  # the heading never alone at a page's foot
