"""Photos attached to a visit: checked, made upright, sRGB and free of metadata.

Pure functions on bytes, no database and no Qt. `render_photo` turns a user's file into the
two renditions the app stores and prints, re-encoded with no metadata at all (no GPS, no
camera owner). Every file Pillow cannot handle becomes a `PhotoRejected` whose message, in
French, names the file.
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
# Long side, px. The sheet lays a photo in a box of 8.1 × 6.1 cm (half the page's width):
# 1000 px is 300 dpi across it. One size serves print, the viewer (a laptop screen shows
# a photo at most ~1000 px wide) and the share (colleagues receive this very file), so
# a photo is resized once, at import, and its printed bytes are the same on every laptop.
PRINT_SIZE = 1000
PRINT_QUALITY = 80
THUMBNAIL_QUALITY = 75
SUPPORTED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff"}

# Only these decoders ever see a user's file; everything else is refused before any pixel
# is decoded. (The JPEG decoder reports a phone JPEG with an MPF index as "MPO".)
_FORMATS = ("JPEG", "PNG", "HEIF", "WEBP", "TIFF")

_ORIENTATION, _DATETIME = 0x0112, 0x0132
_EXIF_IFD, _DATETIME_ORIGINAL = 0x8769, 0x9003

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
        # The thumbnail comes from the print image: resizing 1000 px is cheaper than the original.
        thumb_im = _resized(print_im, THUMBNAIL_SIZE)
        return Renditions(
            thumbnail=_encode_jpeg(thumb_im, THUMBNAIL_QUALITY, progressive=False),
            print_jpeg=_encode_jpeg(print_im, PRINT_QUALITY, progressive=True),
            width=width,
            height=height,
            taken_on=taken_on,
            format=im.format or "?",
        )


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


def _check_file(data: bytes, name: str) -> None:
    if not data:
        raise PhotoRejected(f"{name} : fichier vide (0 octet).")
    if PurePath(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
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
