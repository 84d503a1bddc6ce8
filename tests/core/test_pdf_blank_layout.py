"""A blank sheet (every field a line to fill by hand) and short-field sections: a long
section starts where the previous one ends (its heading keeps only its first rows), and
the closing line (the template's version) never stands alone on a last page."""

import io
import re

import pytest
from pypdf import PdfReader

from desktop.core.pdf.service import make_sheet

VERSION_LINE = "Modèle : Fiche de visite, version"


def pages_of(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", text) for text in raw_pages(data)]


def raw_pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def visit_id(store) -> str:
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    return store.create_visit(venue.id, "2026-01-10").id


def field_titles(template, section_id: str) -> list[str]:
    return [f.title for f in template.fields if f.section == section_id]


def test_a_long_section_starts_on_the_page_where_the_previous_one_ends(workspace, visit_id):
    template = workspace.templates.visit
    data = make_sheet(workspace, visit_id, blank_fields=True).data
    pages, lines = pages_of(data), [len(p.splitlines()) for p in raw_pages(data)]
    sections = [s for s in template.sections if s.id != "visite" and s.fields]
    for before, section in zip(sections, sections[1:], strict=False):
        number = next(i for i, page in enumerate(pages) if section.title in page)
        previous_rows = field_titles(template, before.id)
        if number and not any(title in pages[number] for title in previous_rows):
            # a new page only when the page before is full: no room left for the heading
            assert lines[number - 1] >= 0.8 * max(lines), (section.title, lines)


def test_the_version_line_shares_its_page_with_the_last_fields(workspace, visit_id):
    template = workspace.templates.visit
    for blank in (True, False):
        pages = pages_of(make_sheet(workspace, visit_id, blank_fields=blank).data)
        last = pages[-1]
        assert VERSION_LINE in last
        body = last.replace(VERSION_LINE, "")
        assert any(f.title in body for f in template.fields), (blank, last)


def test_a_blank_visit_sheet_takes_no_more_pages_than_its_fields_need(workspace, visit_id):
    pages = pages_of(make_sheet(workspace, visit_id, blank_fields=True).data)
    assert len(pages) == 3  # 4 when each long section went whole to a new page
    text = " ".join(pages)
    assert all(f.title in text for f in workspace.templates.visit.fields if f.section != "visite")
