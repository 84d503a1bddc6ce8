"""The sheet embeds each photo's print rendition as it is: a DCTDecode stream of the very
JPEG bytes, with no ASCII85 layer (issue 15), and the same visit still gives the same bytes."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from desktop.core.media.photos import PhotoLibrary
from desktop.core.pdf.service import make_sheet


def textured_jpeg(path: Path, seed: int) -> Path:
    size = (1600, 1200)
    channels = [Image.effect_noise(size, 40 + seed + n).convert("L") for n in range(3)]
    Image.merge("RGB", channels).save(path, "JPEG", quality=92)
    return path


def photo_visit(workspace, tmp_path: Path, count: int = 2) -> tuple[str, list[bytes]]:
    store = workspace.store
    venue = store.create_venue({"name": "La Grange", "commune": "Aubusson"})
    visit_id = store.create_visit(venue.id, "2025-02-11").id
    library = PhotoLibrary(store, workspace.media)
    paths = [textured_jpeg(tmp_path / f"IMG_{n}.jpg", n) for n in range(count)]
    outcomes = library.attach_files(visit_id, paths)
    for outcome in outcomes:
        library.update_photo(outcome.record_id, {"identifiable_people": False})
    prints = [Path(p.print_rendition).read_bytes() for p in library.list_photos(visit_id)]
    return visit_id, prints


def jpeg_streams(data: bytes) -> list:
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            stream = ref.get_object()
            if stream.get("/Subtype") == "/Image" and "/DCTDecode" in str(stream["/Filter"]):
                found.append(stream)
    return found


def test_photo_streams_are_the_print_jpegs_without_ascii85(workspace, tmp_path):
    visit_id, prints = photo_visit(workspace, tmp_path)
    data = make_sheet(workspace, visit_id, "interne").data
    streams = jpeg_streams(data)
    assert len(streams) == len(prints)
    for stream in streams:
        filters = stream["/Filter"]
        filters = list(filters) if isinstance(filters, list) else [filters]
        assert filters == ["/DCTDecode"]  # one filter: no /ASCII85Decode before it
        assert stream._data in prints  # the rendition's bytes, untouched
    assert b"ASCII85Decode" not in data


def test_a_sheet_with_photos_gives_the_same_bytes_twice(workspace, tmp_path):
    visit_id, _ = photo_visit(workspace, tmp_path)
    first = make_sheet(workspace, visit_id, "interne").data
    assert make_sheet(workspace, visit_id, "interne").data == first
