"""Camera-like test photos for the benchmarks (issue 15, point 5).

A real photo of a venue (people, furniture, foliage) has detail at every scale and sharp
edges; its 1200-px JPEG at quality 80 weighs 200–300 KB. Smooth gradients compress to a
fraction of that and flatter every figure measured on them. These photos are built from
noise octaves (texture at every scale), random opaque shapes (sharp edges) and a
fine grain, with a fixed seed so every run measures the same bytes; `calibration()`
says what their 1200-px renditions weigh, and the benchmarks print it.
"""

from __future__ import annotations

import io
import random
import statistics
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OCTAVES = (600, 150, 40, 12, 4)  # noise cell sizes in px of the original: broad to fine
SHAPES = 160  # furniture, windows, leaves: sharp-edged areas of flat-ish colour
GRAIN = 0.12  # the sensor's noise, blended over everything


def camera_photo(size: tuple[int, int], seed: int) -> Image.Image:
    """One RGB image with texture at every scale, sharp edges and grain."""
    rng = random.Random(seed)
    channels = [_octaves(size, rng) for _ in range(3)]
    image = Image.merge("RGB", channels)
    _draw_shapes(image, rng)
    grain = Image.merge("RGB", [Image.effect_noise(size, 60) for _ in range(3)])
    return Image.blend(image, grain, GRAIN)


def _octaves(size: tuple[int, int], rng: random.Random) -> Image.Image:
    layer = Image.new("L", size, rng.randrange(60, 190))
    for weight, cell in zip((0.55, 0.45, 0.4, 0.35, 0.3), OCTAVES, strict=True):
        small = (max(2, size[0] // cell), max(2, size[1] // cell))
        noise = Image.effect_noise(small, 80 + rng.randrange(40)).resize(size, Image.BICUBIC)
        layer = Image.blend(layer, noise, weight)
    return layer


def _draw_shapes(image: Image.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(SHAPES):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(width // 60, width // 6), rng.randrange(height // 60, height // 5)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
        else:
            draw.line((x, y, x + w, y + h), fill=colour, width=rng.randrange(2, 12))
    image.paste(image.filter(ImageFilter.DETAIL))


def make_camera_photos(folder: Path, count: int, size: tuple[int, int]) -> list[Path]:
    """count JPEG originals (quality 92, as a camera writes them), made once and kept."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"IMG_{index:04d}.jpg"
        if not path.exists():
            camera_photo(size, seed=index).save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def rendition_kb(path: Path, long_side: int = 1200, quality: int = 80) -> float:
    """What a photo weighs once resized to long_side px and saved at quality, in KB."""
    with Image.open(path) as image:
        image.thumbnail((long_side, long_side), Image.LANCZOS)
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=quality, optimize=True)
    return len(out.getvalue()) / 1e3


def calibration(paths: list[Path]) -> str:
    """A line for the benchmarks' output: what these photos weigh at 1200 px, quality 80."""
    sizes = [rendition_kb(p) for p in paths]
    return (
        f"camera-like photos (noise octaves, sharp edges, grain): at 1200 px, quality 80 "
        f"median {statistics.median(sizes):.0f} KB (min {min(sizes):.0f}, max {max(sizes):.0f}; "
        f"a venue photo weighs 200–300 KB)"
    )
