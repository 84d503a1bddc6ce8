"""What every page of the sheet carries: header, footer, logo and « page N / M »."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf.glyphs import draw_string
from desktop.core.pdf.styles import FAMILY, MUTED, RULE, WARNING, register_fonts

WIDTH, HEIGHT = A4
MARGIN = 1.8 * cm
INTERNAL_BANNER = "Diffusion interne — ne pas transmettre"


class NumberedCanvas(Canvas):
    """Holds pages back until the end so that each can say « page N / M »."""

    def __init__(self, *args, **kwargs) -> None:
        register_fonts()  # the body font from the start: no unembedded Helvetica in the PDF
        super().__init__(*args, **(kwargs | {"initialFontName": FAMILY}))
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FAMILY, 8.5)
            self.setFillColor(MUTED)
            self.drawRightString(
                WIDTH - MARGIN, MARGIN - 0.2 * cm, f"page {self._pageNumber} / {total}"
            )
            super().showPage()
        super().save()


@dataclass(frozen=True)
class PageDecoration:
    left: str
    right: str
    network: str
    logo: Path | None
    audience: str
    internal: bool = False  # every page says so: such a sheet must not travel
    say: Callable[[str], str] = str  # the sheet's words in its language (wording.py)
    kind: str = ""  # the record's template title (« Fiche de visite » when empty)

    def draw(self, canvas: Canvas, _document) -> None:
        canvas.saveState()
        top = HEIGHT - MARGIN + 0.35 * cm
        canvas.setFont(FAMILY, 9)
        canvas.setFillColor(MUTED)
        draw_string(canvas, MARGIN, top, self.left[:90], 9)  # user text: every glyph drawn
        draw_string(canvas, WIDTH - MARGIN, top, self.right, 9, right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 0.18 * cm, WIDTH - MARGIN, top - 0.18 * cm)
        if self.internal:
            canvas.setFont(f"{FAMILY}-Bold", 9.5)
            canvas.setFillColor(WARNING)
            canvas.drawCentredString(WIDTH / 2, top - 0.62 * cm, INTERNAL_BANNER.upper())
            canvas.setFillColor(MUTED)
        bottom = MARGIN - 0.2 * cm
        canvas.line(MARGIN, bottom + 0.45 * cm, WIDTH - MARGIN, bottom + 0.45 * cm)
        x = MARGIN
        if self.logo and Path(self.logo).is_file():
            canvas.drawImage(
                str(self.logo),
                x,
                bottom - 0.12 * cm,
                width=0.5 * cm,
                height=0.5 * cm,
                preserveAspectRatio=True,
                mask="auto",
            )
            x += 0.65 * cm
        footer = " · ".join(
            filter(
                None,
                [
                    self.network,
                    self.kind or self.say("Fiche de visite"),
                    f"{self.say('diffusion')} {self.audience}",
                ],
            )
        )
        canvas.setFont(FAMILY, 8.5)
        draw_string(canvas, x, bottom, footer, 8.5)
        canvas.restoreState()
