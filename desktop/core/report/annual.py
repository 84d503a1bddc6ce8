"""The « Bilan annuel » PDF: a year's figures for a territory, for funders.

Only what the « réseau » audience may see (the figures are computed for it: fields that
do not reach it are not counted); no person is named except the facilitators who signed
the visits (their name reaches the network); the overdue actions by owner, which name
people, stay in the window. No photos. Same data and date, same bytes (invariant mode).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.forms.french import long_date
from desktop.core.network_figures.model import NOT_GIVEN, NetworkFigures
from desktop.core.pdf.glyphs import draw_string, markup
from desktop.core.pdf.page import MARGIN, NumberedCanvas
from desktop.core.pdf.styles import ACCENT_LIGHT, FAMILY, MUTED, RULE, Styles
from desktop.core.report.charts import figure_drawing

WIDTH, HEIGHT = A4
LEFT_OUT = {"overdue_by_owner"}  # names people: the window only


@dataclass(frozen=True)
class ReportOptions:
    network_name: str
    logo: Path | None = None
    map_drawing: object | None = None  # a reportlab Drawing of the venues (report/map)


def render_report(figures: NetworkFigures, options: ReportOptions) -> bytes:
    styles = Styles()
    year = figures.period.start.year
    buffer = io.BytesIO()
    title = f"Bilan annuel {year} — {figures.territory.label}"
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 0.6 * cm, bottomMargin=MARGIN + 0.4 * cm,
        title=title, author=options.network_name, subject="Bilan annuel du réseau",
        creator="Carnet", producer="Carnet", invariant=1,
    )  # fmt: skip
    story = _story(figures, options, styles, document.width)
    decorate = _Decoration(title, options)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


class _Decoration:
    def __init__(self, title: str, options: ReportOptions) -> None:
        self.title, self.options = title, options

    def __call__(self, canvas, _document) -> None:
        canvas.saveState()
        top = HEIGHT - MARGIN + 0.35 * cm
        canvas.setFont(FAMILY, 9)
        canvas.setFillColor(MUTED)
        draw_string(canvas, MARGIN, top, self.options.network_name[:80], 9)
        draw_string(canvas, WIDTH - MARGIN, top, self.title, 9, right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 0.18 * cm, WIDTH - MARGIN, top - 0.18 * cm)
        bottom = MARGIN - 0.2 * cm
        canvas.line(MARGIN, bottom + 0.45 * cm, WIDTH - MARGIN, bottom + 0.45 * cm)
        x = MARGIN
        logo = self.options.logo
        if logo and Path(logo).is_file():
            canvas.drawImage(str(logo), x, bottom - 0.12 * cm, width=0.5 * cm, height=0.5 * cm,
                             preserveAspectRatio=True, mask="auto")  # fmt: skip
            x += 0.65 * cm
        draw_string(
            canvas, x, bottom, f"{self.options.network_name} · Bilan annuel · diffusion Réseau", 8.5
        )
        canvas.restoreState()


def _story(figures: NetworkFigures, options: ReportOptions, s: Styles, width: float) -> list:
    year = figures.period.start.year
    flow = [
        Paragraph(f"Bilan annuel {year}", s.title),
        Paragraph(markup(f"{options.network_name} — {figures.territory.label}"), s.subtitle),
        Paragraph(
            f"Établi le {long_date(figures.today.isoformat())}, d'après les fiches de visite de "
            "l'année (celles des collègues comprises).",
            s.note,
        ),  # fmt: skip
        Spacer(1, 10),
        _key_figures(figures, s, width),
    ]
    if options.map_drawing is not None:
        flow += [Spacer(1, 10), _block("Carte des lieux", s, [options.map_drawing])]
    for figure in figures.figures:
        if figure.key in LEFT_OUT or not any(b.total for b in figure.bars if b.label != NOT_GIVEN):
            continue  # nothing said about it this year: no chart
        flow += [Spacer(1, 8), _block(f"{figure.title} ({figure.unit})", s,
                                      [figure_drawing(figure, width)])]  # fmt: skip
    flow += [PageBreak(), *_visits(figures, s, width), Spacer(1, 12), *_ending(figures, s, width)]
    return flow


def _block(title: str, s: Styles, content: list) -> KeepTogether:
    return KeepTogether([Paragraph(markup(title), s.block_label), Spacer(1, 4), *content])


def _key_figures(figures: NetworkFigures, s: Styles, width: float) -> Table:
    not_visited = figures.figure("not_visited")
    rows = [
        ("Lieux du territoire", len(figures.venues)),
        (f"Lieux visités en {figures.period.start.year}", figures.venues_visited),
        ("Visites", figures.visits_in_period),
        ("Conventions prenant fin dans les 12 mois", len(figures.ending)),
        (
            "Lieux sans visite depuis 12 mois ou jamais visités",
            not_visited.total if not_visited else 0,
        ),
    ]
    table = Table([[Paragraph(label, s.cell), Paragraph(f"<b>{value}</b>", s.cell)] for label, value in rows],
                  colWidths=[width * 0.75, width * 0.25])  # fmt: skip
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                               ("ALIGN", (1, 0), (1, -1), "RIGHT")]))  # fmt: skip
    return table


def _listing(title: str, head: list[str], rows: list[list[str]], s: Styles, widths) -> list:
    if not rows:
        return [Paragraph(title, s.block_label), Paragraph("Aucun.", s.note)]
    body = [[Paragraph(h, s.cell_head) for h in head]]
    body += [[Paragraph(markup(cell), s.cell) for cell in row] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    return [Paragraph(title, s.block_label), Spacer(1, 4), table]


def _visits(figures: NetworkFigures, s: Styles, width: float) -> list:
    rows = [[_day(day), name, kind, author] for day, name, kind, author, _, _ in figures.visits]
    widths = [width * 0.14, width * 0.46, width * 0.2, width * 0.2]
    title = f"Les visites de {figures.period.start.year} ({len(rows)})"
    return _listing(title, ["Date", "Lieu", "Type", "Auteur·rice"], rows, s, widths)


def _ending(figures: NetworkFigures, s: Styles, width: float) -> list:
    rows = [[_day(end), name, commune] for end, name, commune, _ in figures.ending]
    widths = [width * 0.16, width * 0.54, width * 0.3]
    title = f"Conventions d'occupation qui prennent fin dans les 12 mois ({len(rows)})"
    return _listing(title, ["Fin", "Lieu", "Commune"], rows, s, widths)


def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else iso
