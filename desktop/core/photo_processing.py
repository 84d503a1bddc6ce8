"""Photos attached to a visit: checked, made upright, sRGB and free of metadata.

Pure functions on bytes, no database and no Qt. `render_photo` turns a user's file into the
two renditions the app stores and prints; `strip_private_metadata` cleans an original that
must itself leave the laptop; `has_gps` checks a copy. Every file Pillow cannot handle
becomes a `PhotoRejected` whose message, in French, names the file.
"""

from __future__ import annotations

import functools
import io
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

THUMBNAIL_SIZE = 320  # long side, px
PRINT_SIZE = 1200  # long side, px (≈300 dpi at the ~10 cm a photo takes on an A4 sheet)
PRINT_QUALITY = 80
THUMBNAIL_QUALITY = 75
SUPPORTED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff"}

# Only these decoders ever see a user's file; everything else is refused before any pixel
# is decoded. (The JPEG decoder reports a phone JPEG with an MPF index as "MPO".)
_FORMATS = ("JPEG", "PNG", "HEIF", "WEBP", "TIFF")

_ORIENTATION, _DATETIME, _ARTIST = 0x0112, 0x0132, 0x013B
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _MAKER_NOTE = 0x9003, 0x927C
# CameraOwnerName, BodySerialNumber, LensSerialNumber; the maker note is free-form vendor
# data (serial numbers too) whose internal offsets do not survive a rewrite anyway.
_PRIVATE_EXIF_TAGS = (0xA430, 0xA431, 0xA435, _MAKER_NOTE)

_WHITE = (255, 255, 255)
_SUGGESTED_SIZE = "4000 × 3000 pixels"


class PhotoRejected(ValueError):
    """A file that cannot be attached as a photo; str() is a clear French message for a user, naming the file."""


@dataclass(frozen=True)
class Renditions:
    thumbnail: bytes  # JPEG, long side THUMBNAIL_SIZE at most, upright, sRGB, no metadata
    print_jpeg: bytes  # JPEG, long side PRINT_SIZE at most, upright, sRGB, no metadata
    width: int  # upright size of the original
    height: int
    taken_on: str | None  # "YYYY-MM-DD" from EXIF, else None
    format: str  # Pillow's name for the original's format: "JPEG", "MPO", "PNG", "HEIF"…


# --- public API ---------------------------------------------------------------------------


def render_photo(data: bytes, name: str) -> Renditions:
    """Check a photo and make its print and thumbnail renditions (decoded once)."""
    _check_file(data, name)
    with _rejecting_failures(name):
        im, original_size = _open_for_render(data, name)
        im.load()
        exif = im.getexif()
        width, height = _upright_size(original_size, exif.get(_ORIENTATION, 1))
        taken_on = _taken_on(exif)
        ImageOps.exif_transpose(im, in_place=True)
        print_im = _resized(_to_srgb(im), PRINT_SIZE)
        # The thumbnail comes from the print image: resizing 1200 px is cheaper than the original.
        thumb_im = _resized(print_im, THUMBNAIL_SIZE)
        return Renditions(
            thumbnail=_encode_jpeg(thumb_im, THUMBNAIL_QUALITY, progressive=False),
            print_jpeg=_encode_jpeg(print_im, PRINT_QUALITY, progressive=True),
            width=width,
            height=height,
            taken_on=taken_on,
            format=im.format or "?",
        )


def strip_private_metadata(data: bytes, *, name: str = "photo") -> bytes:
    """A copy of an original without GPS, owner, serial numbers or XMP.

    A JPEG is edited segment by segment, so its pixels are not re-encoded (no loss); any
    other format is re-encoded losslessly as PNG, upright, with only its colour profile.
    """
    _check_file(data, name, check_extension=False)
    with _rejecting_failures(name):
        if data[:2] == b"\xff\xd8":
            return b"".join(_cleaned_jpeg_chunks(data))
        return _clean_png(_open(data, name))


def has_gps(data: bytes) -> bool:
    """True if the image's EXIF holds a non-empty GPS directory."""
    _check_file(data, "photo", check_extension=False)
    with _rejecting_failures("photo"):
        return bool(_open(data, "photo").getexif().get_ifd(_GPS_IFD))


# --- opening and rejecting ----------------------------------------------------------------


@functools.cache
def _register_heif() -> bool:
    """Teach Pillow HEIC/HEIF once, on first use; without pillow-heif those files are refused."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def _open(data: bytes, name: str) -> Image.Image:
    """Open (headers only) with the decompression-bomb limit enforced, never relaxed."""
    _register_heif()
    # Over MAX_IMAGE_PIXELS Pillow only warns; make that warning a refusal, locally.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        im = Image.open(io.BytesIO(data), formats=_FORMATS)
    # catch_warnings is process-wide and not thread-safe: re-check in case a concurrent
    # render restored the filters while this one was opening.
    limit = Image.MAX_IMAGE_PIXELS
    if limit and im.width * im.height > limit:
        raise PhotoRejected(_too_large(name, im.width * im.height))
    return im


def _open_for_render(data: bytes, name: str) -> tuple[Image.Image, tuple[int, int]]:
    """The opened image, set (for a JPEG) to decode straight at a reduced scale, and its
    full size (draft changes im.size).

    libjpeg scales by 1/2, 1/4 or 1/8 while decoding; asking for the exact print size makes
    Pillow pick the largest factor that keeps both sides at least that size.
    """
    im = _open(data, name)
    original_size = im.size
    target = _fitted(original_size, PRINT_SIZE)
    if im.format in {"JPEG", "MPO"} and target != original_size:
        im.draft("RGB", target)
    return im, original_size


def _check_file(data: bytes, name: str, *, check_extension: bool = True) -> None:
    if not data:
        raise PhotoRejected(f"{name} : fichier vide (0 octet).")
    if check_extension and PurePath(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
        raise PhotoRejected(f"{name} : format non pris en charge. {_accepted()}")


@contextmanager
def _rejecting_failures(name: str) -> Iterator[None]:
    """Turn whatever Pillow raises on a bad file into a PhotoRejected for the user."""
    try:
        yield
    except PhotoRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoRejected(_too_large(name, _pixels_in(str(exc)))) from exc
    except UnidentifiedImageError as exc:
        raise PhotoRejected(
            f"{name} : ce fichier n'est pas une image lisible, ou son format n'est pas pris "
            f"en charge. {_accepted()}"
        ) from exc
    except MemoryError as exc:
        raise PhotoRejected(
            f"{name} : mémoire insuffisante pour traiter cette image. Réduisez sa définition "
            f"(par exemple à {_SUGGESTED_SIZE}) ou fermez d'autres applications, puis réessayez."
        ) from exc
    except Exception as exc:  # OSError, SyntaxError, ValueError… from a damaged file
        raise PhotoRejected(_damaged(name)) from exc


def _accepted() -> str:
    return "Formats acceptés : " + ", ".join(sorted(SUPPORTED_EXTENSIONS)) + "."


def _damaged(name: str) -> str:
    return (
        f"{name} : image incomplète ou endommagée, impossible de la lire. "
        "Copiez-la à nouveau depuis l'appareil photo ou le téléphone."
    )


def _pixels_in(message: str) -> int | None:
    match = re.search(r"\((\d+) pixels\)", message)
    return int(match.group(1)) if match else None


def _too_large(name: str, pixels: int | None) -> str:
    limit = Image.MAX_IMAGE_PIXELS or 0
    size = f"{pixels / 1e6:.0f} millions de pixels" if pixels else "trop de pixels"
    return (
        f"{name} : image trop grande ({size} ; limite : {limit / 1e6:.0f} millions). "
        f"Réduisez sa définition (par exemple à {_SUGGESTED_SIZE}) avant de l'ajouter."
    )


# --- EXIF ---------------------------------------------------------------------------------


def _upright_size(size: tuple[int, int], orientation: object) -> tuple[int, int]:
    """Orientations 5 to 8 turn the picture a quarter: width and height swap."""
    width, height = size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _taken_on(exif: Image.Exif) -> str | None:
    """The shooting date, else the file's date; None when absent or not a real date."""
    try:
        original = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME_ORIGINAL)
        return _iso_date(original) or _iso_date(exif.get(_DATETIME))
    except Exception:  # a broken EXIF block must not cost the photo
        return None


def _iso_date(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{4})[:-](\d{2})[:-](\d{2})", value)
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:  # "0000:00:00", month 13…
        return None


# --- pixels -------------------------------------------------------------------------------


def _to_srgb(im: Image.Image) -> Image.Image:
    """8-bit RGB in sRGB, whatever the mode, depth, transparency and colour profile."""
    icc = im.info.get("icc_profile")
    im = _flattened(_eight_bit(im))
    if icc and not _is_srgb(icc):
        try:
            converted = ImageCms.profileToProfile(
                im, io.BytesIO(icc), ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or mismatched profile: plain conversion below
    return im if im.mode == "RGB" else im.convert("RGB")


def _eight_bit(im: Image.Image) -> Image.Image:
    """16-bit grey (0..65535) scaled down to 8 bits; Pillow's convert would clip to white."""
    if im.mode.startswith("I;16"):
        im = im.convert("I")
    elif im.mode != "I":
        return im
    low, high = im.getextrema()
    scale = 1 / 256 if high > 255 else 1  # an "I" image may already hold 0..255 values
    return im.point(lambda v: v * scale).convert("L")


def _flattened(im: Image.Image) -> Image.Image:
    """Transparent areas on white, as on the printed page."""
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        background = Image.new("RGBA", rgba.size, _WHITE + (255,))
        background.alpha_composite(rgba)
        return background.convert("RGB")
    # L and CMYK stay as they are so that a grey or CMYK profile still applies to them.
    return im if im.mode in ("RGB", "L", "CMYK") else im.convert("RGB")


def _is_srgb(icc: bytes) -> bool:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return "srgb" in (profile.profile.profile_description or "").lower()
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False


def _fitted(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """The size with its long side brought down to long_side; never enlarged."""
    width, height = size
    if max(width, height) <= long_side:
        return size
    scale = long_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _resized(im: Image.Image, long_side: int) -> Image.Image:
    size = _fitted(im.size, long_side)
    if size == im.size:
        return im
    return im.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode_jpeg(im: Image.Image, quality: int, *, progressive: bool) -> bytes:
    # Pillow re-emits a source's comment and XMP from im.info: start from an empty one.
    im.info = {}
    out = io.BytesIO()
    im.save(out, "JPEG", quality=quality, optimize=True, progressive=progressive)
    return out.getvalue()


# --- cleaning an original -----------------------------------------------------------------

_XMP_PREFIXES = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")
_APP1, _APP2, _APP13, _SOS, _EOI = 0xE1, 0xE2, 0xED, 0xDA, 0xD9


def _cleaned_jpeg_chunks(data: bytes) -> Iterator[bytes]:
    """The JPEG's chunks without private metadata, pixels' bytes copied as they are."""
    for marker, chunk in _jpeg_chunks(data):
        payload = chunk[4:]
        if marker == _APP1 and payload.startswith(b"Exif\x00\x00"):
            yield _cleaned_exif_segment(payload)
        elif marker == _APP1 and payload.startswith(_XMP_PREFIXES):
            continue  # XMP repeats GPS and names
        elif marker == _APP13:
            continue  # IPTC: author, contact, place names
        elif marker == _APP2 and payload.startswith(b"MPF\x00"):
            continue  # indexes the extra images left out after EOI
        else:
            yield chunk


def _jpeg_chunks(data: bytes) -> Iterator[tuple[int | None, bytes]]:
    """(marker, bytes) of each segment up to the primary image's EOI; scans come as None.

    Whatever follows that EOI (MPF depth or gain maps, vendor trailers with their own
    metadata) is dropped.
    """
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    yield None, data[:2]
    pos = 2
    while True:
        if data[pos] != 0xFF:
            raise ValueError(f"marker expected at {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == _EOI:
            yield marker, data[pos : pos + 2]
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            yield marker, data[pos : pos + 2]
            pos += 2
            continue
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > len(data) or end < pos + 4:
            raise ValueError(f"segment at {pos} overruns the file")
        yield marker, data[pos:end]
        pos = end
        if marker == _SOS:
            scan_end = _scan_end(data, pos)
            yield None, data[pos:scan_end]
            pos = scan_end


def _scan_end(data: bytes, pos: int) -> int:
    """Offset of the first marker after entropy-coded data (FF00 and RSTn belong to it)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise ValueError("truncated scan")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            pos += 2
        else:
            return pos


def _cleaned_exif_segment(payload: bytes) -> bytes:
    exif = Image.Exif()
    exif.load(payload)
    # Deleted before anything reads the GPS directory: Pillow writes back a cached one.
    for tag in (_GPS_IFD, _ARTIST):
        if tag in exif:
            del exif[tag]
    if _EXIF_IFD in exif:
        sub_ifd = exif.get_ifd(_EXIF_IFD)
        for tag in _PRIVATE_EXIF_TAGS:
            sub_ifd.pop(tag, None)
    cleaned = exif.tobytes()  # drops IFD1, the embedded preview, which may predate a crop
    if len(cleaned) + 2 > 0xFFFF:  # should not happen after removals; keep the orientation
        upright = Image.Exif()
        if _ORIENTATION in exif:
            upright[_ORIENTATION] = exif[_ORIENTATION]
        cleaned = upright.tobytes()
    return b"\xff\xe1" + (len(cleaned) + 2).to_bytes(2, "big") + cleaned


_PNG_MODES = {"1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"}


def _clean_png(im: Image.Image) -> bytes:
    """Lossless, upright PNG carrying its colour profile and nothing else."""
    im.load()
    ImageOps.exif_transpose(im, in_place=True)  # the orientation tag will not travel
    icc = im.info.get("icc_profile")
    if im.mode.startswith(
        "I;16"
    ):  # big-endian or native 16-bit grey: same values, as PNG takes them
        im = im.convert("I")
    elif im.mode not in _PNG_MODES:  # CMYK, F…: down to 8-bit sRGB
        im, icc = _to_srgb(im), None
    clean = im.copy()
    clean.info = {k: v for k, v in im.info.items() if k == "transparency"}
    options = {"icc_profile": icc} if icc else {}
    out = io.BytesIO()
    clean.save(out, "PNG", **options)
    return out.getvalue()
