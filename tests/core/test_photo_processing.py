"""Photo renditions: upright, sRGB, no metadata, never upscaled; bad files refused in French."""

from __future__ import annotations

import io
import struct
import warnings
import zlib

import pytest
from PIL import Image, ImageFile, ImageOps

from desktop.core.media.photo_processing import (
    PRINT_SIZE,
    SUPPORTED_EXTENSIONS,
    THUMBNAIL_SIZE,
    PhotoRejected,
    _open_for_render,
    render_photo,
)

RED, BLUE, WHITE = (255, 0, 0), (0, 0, 255), (255, 255, 255)
T = Image.Transpose
# How to store a reference so that ImageOps.exif_transpose brings it back: the inverse of
# what it applies for each orientation (6 applies ROTATE_270, so we store ROTATE_90…).
STORE_FOR_ORIENTATION = {
    1: None,
    2: T.FLIP_LEFT_RIGHT,
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,
    6: T.ROTATE_90,
    7: T.TRANSVERSE,
    8: T.ROTATE_270,
}
ARTIST, DATETIME, EXIF_IFD, GPS_IFD, DATETIME_ORIGINAL = 0x013B, 0x0132, 0x8769, 0x8825, 0x9003
BODY_SERIAL, MAKE = 0xA431, 0x010F


def encode(im: Image.Image, fmt: str = "JPEG", **options) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **options)
    return out.getvalue()


def decode(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def near(pixel, expected, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def reference(width: int = 2800, height: int = 1400) -> Image.Image:
    """Landscape, blue, with a red block in the top-left corner: every flip shows."""
    im = Image.new("RGB", (width, height), BLUE)
    im.paste(RED, (0, 0, width // 4, height // 2))
    return im


def assert_like_reference(im: Image.Image) -> None:
    w, h = im.size
    assert w > h
    assert near(im.getpixel((w // 10, h // 5)), RED)  # top-left
    assert near(im.getpixel((w * 9 // 10, h // 5)), BLUE)  # top-right
    assert near(im.getpixel((w // 10, h * 4 // 5)), BLUE)  # bottom-left


def exif_with(ifd0: dict | None = None, exif_ifd: dict | None = None, gps: dict | None = None):
    exif = Image.Exif()
    exif.update(ifd0 or {})
    if exif_ifd:
        exif.get_ifd(EXIF_IFD).update(exif_ifd)
    if gps:
        exif.get_ifd(GPS_IFD).update(gps)
    return exif


def app_markers(jpeg: bytes) -> list[int]:
    """APPn and COM markers of a JPEG's header, up to the first scan."""
    markers, pos = [], 2
    while jpeg[pos + 1] != 0xDA:
        marker, length = jpeg[pos + 1], int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            markers.append(marker)
        pos += 2 + length
    return markers


def has_gps(data: bytes) -> bool:
    """True if the image's EXIF holds a non-empty GPS directory."""
    return bool(Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD))


def assert_no_metadata(jpeg: bytes) -> None:
    assert app_markers(jpeg) == [0xE0]  # the JFIF header only: no EXIF, XMP, ICC, comment
    im = Image.open(io.BytesIO(jpeg))
    assert dict(im.getexif()) == {}
    assert not {"exif", "xmp", "icc_profile", "comment"} & im.info.keys()


def photo_like(size=(4000, 3000)) -> Image.Image:
    """Gradients under grain: compresses like a real photo, unlike a flat colour."""
    ramp = Image.linear_gradient("L").resize(size)
    grain = Image.effect_noise(size, 24)
    return Image.merge("RGB", (ramp, grain, ramp.rotate(90).resize(size))).convert("RGB")


def png_claiming(width: int, height: int) -> bytes:
    """A tiny real PNG whose header claims another size: a decompression bomb, cheaply."""
    data = bytearray(encode(Image.new("1", (8, 8)), "PNG"))
    ihdr = bytearray(data[12:29])  # b"IHDR" + 13 bytes
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr))
    return bytes(data)


def rgb_profile(red_xyz, green_xyz, blue_xyz, gamma: float = 2.2) -> bytes:
    """A minimal ICC v2 matrix/TRC display profile (Pillow can only build sRGB itself)."""

    def xyz(values):
        return b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536)) for v in values)

    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    tags = [(b"wtpt", xyz((0.9642, 1.0, 0.8249))), (b"rXYZ", xyz(red_xyz))]
    tags += [(b"gXYZ", xyz(green_xyz)), (b"bXYZ", xyz(blue_xyz))]
    tags += [(b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset, table, body = 128 + 4 + 12 * len(tags), b"", b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = struct.pack(">I4sI4s4s4s", size, b"lcms", 0x02100000, b"mntr", b"RGB ", b"XYZ ")
    header += b"\0" * 12 + b"acsp" + b"\0" * 24 + struct.pack(">I", 0)
    header += xyz((0.9642, 1.0, 0.8249))[8:] + b"\0" * 48
    return header + struct.pack(">I", len(tags)) + table + body


# sRGB's primaries (D50-adapted), red and blue swapped: pure red in this space is sRGB blue.
SWAPPED_PROFILE = rgb_profile(
    (0.1431, 0.0606, 0.7141), (0.3851, 0.7169, 0.0971), (0.4361, 0.2225, 0.0139)
)


@pytest.fixture(scope="module")
def big_photo() -> bytes:
    return encode(photo_like(), quality=92)


# --- orientation, size, speed -------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(orientation):
    stored = reference()
    if STORE_FOR_ORIENTATION[orientation] is not None:
        stored = stored.transpose(STORE_FOR_ORIENTATION[orientation])
    data = encode(stored, exif=exif_with({0x0112: orientation}))

    result = render_photo(data, "facade.jpg")

    assert (result.width, result.height) == (2800, 1400)
    assert decode(result.print_jpeg).size == (PRINT_SIZE, PRINT_SIZE // 2)
    assert decode(result.thumbnail).size == (THUMBNAIL_SIZE, 160)
    assert_like_reference(decode(result.print_jpeg))
    assert_like_reference(decode(result.thumbnail))


@pytest.mark.parametrize(
    ("size", "decoded"),
    [((4000, 3000), (1000, 750)), ((2400, 1800), (1200, 900)), ((1999, 1499), (1999, 1499))],
)
def test_a_large_jpeg_is_decoded_at_reduced_scale_but_never_below_print_size(size, decoded):
    im, original_size = _open_for_render(encode(Image.new("RGB", size, BLUE)), "grand.jpg")
    assert (original_size, im.size) == (size, decoded)
    im.load()
    assert im.size == decoded and max(im.size) >= PRINT_SIZE


def test_big_photo_gives_sizes_of_print_and_thumbnail(big_photo):
    result = render_photo(big_photo, "IMG_0042.jpg")
    assert (result.width, result.height, result.format) == (4000, 3000, "JPEG")
    assert decode(result.print_jpeg).size == (PRINT_SIZE, PRINT_SIZE * 3 // 4)
    assert decode(result.thumbnail).size == (THUMBNAIL_SIZE, 240)
    assert len(result.print_jpeg) < 250_000
    assert decode(result.print_jpeg).info.get("progressive")


def test_a_small_image_is_never_upscaled():
    result = render_photo(encode(reference(200, 100), "PNG"), "vignette.png")
    assert (result.width, result.height) == (200, 100)
    assert decode(result.print_jpeg).size == (200, 100)
    assert decode(result.thumbnail).size == (200, 100)


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ifd0", "exif_ifd", "expected"),
    [
        (
            {DATETIME: "2024:01:02 08:00:00"},
            {DATETIME_ORIGINAL: "2023:11:05 14:32:10"},
            "2023-11-05",
        ),
        ({DATETIME: "2024:01:02 08:00:00"}, {}, "2024-01-02"),
        ({}, {}, None),
        ({DATETIME: "0000:00:00 00:00:00"}, {DATETIME_ORIGINAL: "hier"}, None),
        ({}, {DATETIME_ORIGINAL: "2024:13:45 25:00:00"}, None),
    ],
)
def test_taken_on_comes_from_exif_dates(ifd0, exif_ifd, expected):
    data = encode(reference(40, 20), exif=exif_with(ifd0, exif_ifd))
    assert render_photo(data, "date.jpg").taken_on == expected


# --- privacy ------------------------------------------------------------------------------

GPS = {1: "N", 2: (45.0, 49.0, 12.5), 3: "E", 4: (2.0, 11.0, 3.0)}


@pytest.fixture
def located_jpeg() -> bytes:
    exif = exif_with(
        {ARTIST: "Jeanne Dupont", MAKE: "Fairphone", 0x0112: 6},
        {DATETIME_ORIGINAL: "2024:05:07 11:00:00", BODY_SERIAL: "SN-0042"},
        GPS,
    )
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>45,49N</exif:GPSLatitude></x:xmpmeta>'
    return encode(photo_like((600, 400)), exif=exif, xmp=xmp, comment=b"Jeanne", quality=90)


def test_renditions_carry_no_metadata_at_all(located_jpeg):
    assert has_gps(located_jpeg)
    result = render_photo(located_jpeg, "atelier.jpg")
    assert_no_metadata(result.print_jpeg)
    assert_no_metadata(result.thumbnail)
    assert not has_gps(result.print_jpeg) and not has_gps(result.thumbnail)


# --- colour -------------------------------------------------------------------------------


def test_a_non_srgb_profile_is_converted_to_srgb():
    data = encode(Image.new("RGB", (64, 64), RED), icc_profile=SWAPPED_PROFILE)
    result = render_photo(data, "profil.jpg")
    assert near(decode(result.print_jpeg).getpixel((32, 32)), BLUE)
    assert_no_metadata(result.print_jpeg)


def test_an_srgb_profiled_image_passes_through():
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(Image.new("RGB", (64, 64), RED), icc_profile=srgb)
    assert near(decode(render_photo(data, "srgb.jpg").print_jpeg).getpixel((32, 32)), RED)


def test_a_cmyk_jpeg_comes_out_rgb():
    data = encode(Image.new("CMYK", (64, 64), (255, 0, 0, 0)))  # pure cyan
    result = render_photo(data, "cyan.jpg")
    im = decode(result.print_jpeg)
    assert im.mode == "RGB" and near(im.getpixel((32, 32)), (0, 255, 255))


@pytest.mark.parametrize("fmt", ["PNG", "TIFF"])
def test_sixteen_bit_grey_is_scaled_not_clipped(fmt):
    data = encode(Image.new("I;16", (64, 64), 32768), fmt)
    im = decode(render_photo(data, f"gris.{fmt.lower()}").print_jpeg)
    assert im.mode == "RGB" and near(im.getpixel((32, 32)), (128, 128, 128), 3)


def test_sixteen_bit_rgb_png_keeps_its_colours():
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    row = b"\0" + struct.pack(">HHH", 32768, 65535, 0) * 16
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 16, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(row * 16)) + chunk(b"IEND", b"")
    im = decode(render_photo(png, "rgb16.png").print_jpeg)
    assert near(im.getpixel((8, 8)), (128, 255, 0), 8)


@pytest.mark.parametrize(
    ("image", "fmt"),
    [
        (Image.new("RGBA", (64, 64), (255, 0, 0, 0)), "PNG"),
        (Image.new("LA", (64, 64), (0, 0)), "PNG"),
        (Image.new("P", (64, 64), 0), "PNG"),
        (Image.new("RGBA", (64, 64), (0, 0, 255, 0)), "WEBP"),
    ],
)
def test_transparent_pixels_come_out_white(image, fmt):
    options = {"transparency": 0} if image.mode == "P" else {}
    if fmt == "WEBP":
        options["lossless"] = True
    data = encode(image, fmt, **options)
    assert near(
        decode(render_photo(data, f"logo.{fmt.lower()}").print_jpeg).getpixel((5, 5)), WHITE
    )


# --- HEIC ---------------------------------------------------------------------------------


def test_heic_from_a_phone_renders():
    from pillow_heif import register_heif_opener

    register_heif_opener()
    stored = reference(800, 400).transpose(T.ROTATE_90)
    # As bytes, pillow-heif turns orientation 6 into the HEIF rotation (irot) phones write;
    # as an Image.Exif it would not, and readers ignore EXIF orientation in HEIF files.
    exif = exif_with({0x0112: 6, DATETIME: "2025:03:14 09:30:00"}).tobytes()
    data = encode(stored, "HEIF", exif=exif)

    result = render_photo(data, "IMG_1234.HEIC")

    assert (result.format, result.width, result.height) == ("HEIF", 800, 400)
    assert result.taken_on == "2025-03-14"
    assert_like_reference(decode(result.print_jpeg))
    assert_no_metadata(result.print_jpeg)


# --- rejections ---------------------------------------------------------------------------


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def bogus_huffman_table(data: bytes) -> bytes:
    """Code counts of the first Huffman table set far over 256: libjpeg refuses the file."""
    damaged = bytearray(data)
    dht = damaged.index(b"\xff\xc4")
    damaged[dht + 5 : dht + 21] = b"\xff" * 16
    return bytes(damaged)


JPEG = encode(photo_like((400, 300)))
REJECTIONS = [
    (b"", "IMG_0042.jpg", "fichier vide (0 octet)"),
    (b"Compte rendu de la visite\n" * 20, "notes.jpg", "n'est pas une image lisible"),
    (encode(Image.new("RGB", (8, 8)), "GIF"), "renomme.jpg", "n'est pas une image lisible"),
    (truncated(JPEG), "coupee.jpg", "incomplète ou endommagée"),
    (JPEG[: JPEG.index(b"\xff\xda") + 14], "vide_apres_sos.jpg", "incomplète ou endommagée"),
    (bogus_huffman_table(JPEG), "abimee.jpg", "incomplète ou endommagée"),
    (png_claiming(20_000, 20_000), "bombe.png", "image trop grande (400 millions de pixels"),
    (png_claiming(10_000, 10_000), "limite.png", "image trop grande (100 millions de pixels"),
    (encode(Image.new("RGB", (8, 8)), "GIF"), "plan.gif", "format non pris en charge"),
    (encode(Image.new("RGB", (8, 8)), "BMP"), "scan.bmp", "format non pris en charge"),
]


@pytest.mark.parametrize(("data", "name", "reason"), REJECTIONS, ids=[r[1] for r in REJECTIONS])
def test_bad_files_are_refused_with_a_french_message_naming_them(data, name, reason):
    def pillow_globals():
        return Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters)

    before = pillow_globals()

    with pytest.raises(PhotoRejected) as refused:
        render_photo(data, name)

    message = str(refused.value)
    assert message.startswith(f"{name} : ") and reason in message
    if "format" in reason or "lisible" in reason:
        assert all(ext in message for ext in SUPPORTED_EXTENSIONS)
    if "trop grande" in reason:
        assert "Réduisez" in message
    assert pillow_globals() == before  # limits and warning filters left as they were


def test_photo_rejected_is_a_value_error():
    assert issubclass(PhotoRejected, ValueError)


def test_exif_transpose_reference_table_matches_pillow():
    # Guards the test table itself: storing then transposing gives the reference back.
    for orientation, store in STORE_FOR_ORIENTATION.items():
        stored = reference(40, 20) if store is None else reference(40, 20).transpose(store)
        stored.getexif()[0x0112] = orientation
        assert ImageOps.exif_transpose(stored).tobytes() == reference(40, 20).tobytes()
