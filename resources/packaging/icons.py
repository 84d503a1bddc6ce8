"""The app icon in the formats each system wants, drawn from resources/icons/carnet.svg.

PNG (Linux desktop entry and AppStream, 256 px), ICO (Windows, 16 to 256 px) and ICNS
(macOS). Rendered by Qt's SVG renderer and written by Pillow: both are Carnet's own
dependencies, so this runs in the bundle's build virtualenv. Generated, not committed:
`python icons.py OUTPUT_DIR` (build_bundle.py calls it).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parents[1] / "icons" / "carnet.svg"


def render(size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def write_icons(output: Path) -> dict[str, Path]:
    output.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    large = render(1024)
    paths = {
        "png": output / "carnet.png",
        "ico": output / "carnet.ico",
        "icns": output / "carnet.icns",
    }
    render(256).save(paths["png"])
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    large.save(paths["ico"], sizes=sizes)
    large.save(paths["icns"])
    del app
    return paths


if __name__ == "__main__":
    print(write_icons(Path(sys.argv[1])))
