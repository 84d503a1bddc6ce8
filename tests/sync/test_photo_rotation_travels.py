"""A photo turned on one laptop is turned on the colleague's, in its PDF sheet and in the
share's sheet: the rotation is a stamped field; the files keep their hash and names."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from desktop.core.media.photos import PhotoLibrary
from desktop.core.pdf.service import make_sheet
from desktop.core.sync.share import Share


def landscape(path: Path) -> Path:
    """900 × 600, red on its left third: where that red goes tells the turn's direction."""
    im = Image.new("RGB", (900, 600), (40, 120, 200))
    im.paste((220, 20, 20), (0, 0, 300, 600))
    im.save(path, "JPEG", quality=95)
    return path


def printed_images(pdf_bytes: bytes) -> list[Image.Image]:
    """The photos printed on the sheet (900 px on their long side), not its logo."""
    pages = PdfReader(io.BytesIO(pdf_bytes)).pages
    images = [image.image for page in pages for image in page.images]
    return [im for im in images if max(im.size) == 900]


def red_on_top(im: Image.Image) -> bool:
    r, g, b = im.convert("RGB").getpixel((im.width // 2, im.height // 8))
    return r > 150 and g < 100 and b < 100


def test_a_turned_photo_is_turned_on_the_colleagues_laptop_and_sheets(laptops, tmp_path):
    alice, bob = laptops("alice"), laptops("bob")
    photos = PhotoLibrary(alice.store, alice.workspace.media)
    venue = alice.store.create_venue({"name": "La Grange"})
    visit = alice.store.create_visit(venue.id, "2026-11-20")
    [outcome] = photos.attach_files(visit.id, [landscape(tmp_path / "grange.jpg")])
    photos.update_photo(outcome.record_id, {"identifiable_people": "non"})
    attached = photos.get_photo(outcome.record_id).sha256
    alice.sync(sheets=True), bob.sync()
    sheet = Share(alice.share_folder, "x").sheets
    [shared_pdf] = list(sheet.rglob("*.pdf"))
    [before] = printed_images(shared_pdf.read_bytes())
    assert before.width > before.height  # landscape, as attached

    photos.rotate_photo(outcome.record_id, 1)  # « Tourner à droite »
    turned = photos.get_photo(outcome.record_id)
    assert turned.rotation == 90 and turned.sha256 == attached
    assert "rotation" in alice.store.field_stamps(outcome.record_id)
    assert alice.sync(sheets=True).published.sheets == 1  # the share's sheet follows
    [after] = printed_images(shared_pdf.read_bytes())
    assert after.height > after.width and red_on_top(after)  # a quarter turn clockwise

    report = bob.sync()
    assert report.ok and report.imported.media_fetched == 0  # no new file to fetch
    [arrived] = PhotoLibrary(bob.store, bob.workspace.media).list_photos(visit.id)
    assert arrived.rotation == 90 and arrived.sha256 == turned.sha256
    [printed] = printed_images(make_sheet(bob.workspace, visit.id).data)
    assert printed.height > printed.width and red_on_top(printed)

    PhotoLibrary(bob.store, bob.workspace.media).rotate_photo(arrived.id, -2)  # half a turn
    bob.sync(), alice.sync()
    assert photos.get_photo(outcome.record_id).rotation == 270
    [back] = printed_images(make_sheet(alice.workspace, visit.id).data)
    assert back.height > back.width and not red_on_top(back)  # red at the bottom now
