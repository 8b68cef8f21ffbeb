"""Photos decoded reduced: one way for every output (press, proof and screen PDFs, the
editor's screen proxy), so that a big photo is never held whole in memory where a
smaller copy serves, and what the editor shows is what the exports print.

A photo with at least twice the pixels needed each way is cut down by a whole
factor as it is decoded: a JPEG in draft (1/2, 1/4, 1/8), an 8-bit or 16-bit
grey, non-interlaced PNG a strip of rows at a time (:mod:`layout.engine.pngfile`);
any other photo (an interlaced PNG, a TIFF) is decoded whole once and reduced at
once, before any copy of it is made (rotation, flattening, colour).
"""

from __future__ import annotations

import math

from PIL import Image

from layout.engine.displaylist import ImageItem
from layout.engine.photo import upright
from layout.engine.pngfile import reduced_png, strips_possible

SCREEN_PPI = 600.0  # the most an output without a resolution of its own needs (screen PDF, editor)
_REDUCIBLE = ("L", "LA", "RGB", "RGBA", "CMYK", "I", "F", "La", "RGBa")


def needed_pixels(item: ImageItem, ppi: float) -> tuple[int, int]:
    """The whole file's size, as stored (before EXIF rotation), that gives ``ppi`` in the crop."""
    need_w = item.rect.w / 72.0 * ppi / item.crop.w
    need_h = item.rect.h / 72.0 * ppi / item.crop.h
    if item.orientation in (5, 6, 7, 8):
        need_w, need_h = need_h, need_w
    return math.ceil(need_w), math.ceil(need_h)


def whole_factor(size: tuple[int, int], needed: tuple[int, int]) -> int:
    """The largest whole factor that leaves at least ``needed`` pixels each way (1: none)."""
    factor = min(size[0] // max(needed[0], 1), size[1] // max(needed[1], 1))
    return factor if factor >= 2 else 1


def reduce_opened(image: Image.Image, needed: tuple[int, int]) -> Image.Image:
    """An opened photo, not yet decoded, decoded cut down by a whole factor to no less than
    ``needed`` (as stored); ``image`` itself when it is not that large (the caller closes it)."""
    factor = whole_factor(image.size, needed)
    if factor == 1:
        return image
    if image.format in ("JPEG", "MPO"):
        image.draft(image.mode, needed)
        factor = whole_factor(image.size, needed)
        if factor == 1:
            return image
    if strips_possible(image):
        return reduced_png(image, factor)
    image.load()
    whole = image if image.mode in _REDUCIBLE else image.convert("I" if image.mode.startswith("I") else "RGBA")
    reduced = whole.reduce(factor)
    reduced.info = dict(image.info)
    return reduced


def decode_upright(path: str, needed: tuple[int, int]) -> Image.Image:
    """The photo at ``path`` decoded reduced to no less than ``needed`` (as stored), upright
    and flattened to 8-bit L, RGB or CMYK (see :func:`layout.engine.photo.upright`)."""
    with Image.open(path) as image:
        picture = upright(reduce_opened(image, needed))
        picture.load()
        return picture if picture is not image else picture.copy()
