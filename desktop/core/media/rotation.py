"""A photo's rotation (degrees clockwise, a stamped field of its record) applied to its
print rendition, for the PDF sheet; the UI turns its pixmaps with Qt (photo_grid.py).

The stored files are never rewritten: they are named by the original's hash and shared
under that name (media_store, sync/publish), so turning a photo changes no file.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from desktop.core.media.photo_processing import PRINT_QUALITY

# Pillow's transposes turn counter-clockwise.
_TRANSPOSES = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


def rotated_jpeg(path: str, rotation: int) -> bytes | None:
    """The JPEG at path turned by rotation degrees clockwise; None when not turned."""
    transpose = _TRANSPOSES.get(rotation % 360)
    if transpose is None:
        return None
    with Image.open(path) as im:
        turned = im.transpose(transpose)
    out = io.BytesIO()
    turned.save(out, "JPEG", quality=PRINT_QUALITY)
    return out.getvalue()


def clean_rotation(value: Any) -> int:
    """Degrees clockwise, a quarter turn: 0, 90, 180 or 270 (« -90 » is 270); anything
    else is refused in French."""
    try:
        degrees = int(str(value).strip() or 0) if value is not None else 0
    except ValueError:
        degrees = -1
    if degrees % 90 or not -270 <= degrees <= 360:
        raise ValueError("Rotation : 0, 90, 180 ou 270 (degrés, dans le sens horaire).")
    return degrees % 360
