"""Prepare photos for a PDF: cropped to what shows, brought down to the target
resolution (never up), converted to CMYK through the output profile and ink
limited for press, or to RGB for proofs, and written as JPEG.
"""

from __future__ import annotations

import errno
import hashlib
import math
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, ImageOps

from layout.engine.cache import cache_root, prune
from layout.engine.displaylist import ImageItem
from layout.engine.photo import FULL, upright
from layout.engine.pngfile import STRIP_ROWS, strips_possible
from layout.engine.reduced import SCREEN_PPI, needed_pixels, reduce_opened
from layout.export.colour_management import to_press, to_screen
from layout.export.profiles import ExportProfile
from layout.model.settings import RULES
from layout.store.scratch import remove_debris, temporary_prefix

JPEG_QUALITY = {"CMYK": 95, "RGB": 85}
# JPEG's ringing at edges adds ink back: measured on the sample photos, limiting
# 10 % under the target keeps every decoded pixel under it (worst 238.4 % for 240 %).
JPEG_INK_MARGIN = 10.0
RECIPE_VERSION = 2  # raise when the way photos are made changes
STORE_LIMIT = 2_000_000_000  # bytes of made photos kept between exports
MEMORY_BUDGET = 300_000_000  # bytes of decoded photos in memory at once, whatever the CPU count
BYTES_PER_PIXEL = 4  # the widest mode a photo is decoded in (RGBA, CMYK)


class ImagePreparer:
    """Makes each photo once per export, and keeps the results between exports: a photo
    is made again only when its file, its crop, its placed size or the profile change."""

    def __init__(self, profile: ExportProfile, scratch: Path, icc: Path, store: Path | None = None,
                 ink_limit: float | None = None) -> None:
        self.profile = profile
        self.scratch = scratch
        self.icc = icc
        self.ink_limit = ink_limit if profile.limit_ink else None
        self.store = cache_root() / "photos" if store is None else store
        self._made: dict[tuple, Path] = {}
        remove_debris(self.store)  # copies a killed export left half made

    def __call__(self, item: ImageItem) -> tuple[str, ImageItem]:
        """The file to embed and the item redrawn for it (the crop is now the whole file)."""
        key = _key(item)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._make_or_fail(item)
        if isinstance(made, Exception):
            raise made
        return str(made), ImageItem(str(made), item.rect, FULL, _size_of(made), 1, self._mode())

    def prepare_all(self, items: list[ImageItem]) -> None:
        """Make the photos of a page in parallel (Pillow works outside the GIL)."""
        todo = {_key(i): i for i in items if _key(i) not in self._made}
        if not todo:
            return
        with ThreadPoolExecutor(max_workers=workers(list(todo.values()), self.profile.image_ppi)) as pool:
            for key, made in zip(todo, pool.map(self._make_or_fail, todo.values())):
                self._made[key] = made

    def _make_or_fail(self, item: ImageItem) -> Path | OSError | ValueError:
        try:
            return self._make(item)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                return exc  # the disk the export writes to is full: not the photo's fault
            return ValueError(f"photo {item.path} cannot be prepared for print: {exc}")
        except (ValueError, ImageCms.PyCMSError) as exc:
            return ValueError(f"photo {item.path} cannot be prepared for print: {exc}")

    def _mode(self) -> str:
        return "CMYK" if self.profile.cmyk else "RGB"

    def _recipe(self, item: ImageItem) -> str:
        """A name for everything the made photo depends on."""
        source, icc = Path(item.path).stat(), self.icc.stat()
        parts = (_key(item), source.st_size, source.st_mtime_ns, self.profile, str(self.icc), icc.st_mtime_ns,
                 self.ink_limit, JPEG_QUALITY, JPEG_INK_MARGIN, RECIPE_VERSION)
        return hashlib.sha1(repr(parts).encode()).hexdigest()

    def _make(self, item: ImageItem) -> Path:
        """The cropped, resized, converted JPEG of one placed photo (from the store when it is there)."""
        kept = self.store / f"{self._recipe(item)}.jpg"
        if kept.is_file():
            os.utime(kept)
            return kept
        made = self._convert_file(item)
        try:
            self.store.mkdir(parents=True, exist_ok=True)
            staging = kept.with_name(f"{temporary_prefix(kept)}{threading.get_ident()}.tmp")
            shutil.copyfile(made, staging)
            os.replace(staging, kept)
            prune(self.store, STORE_LIMIT)
        except OSError:
            return made  # no store (read-only home): use the scratch copy
        return kept

    def _convert_file(self, item: ImageItem) -> Path:
        """Crop, turn upright, downsample and convert one placed photo into a scratch JPEG."""
        with Image.open(item.path) as original:
            self._draft(original, item)
            own_profile = original.info.get("icc_profile")
            image = upright(_reduced(original, item, self.profile.image_ppi))
            image = _crop(image, item)
            image = self._downsample(image, item)
            if own_profile:
                image.info["icc_profile"] = own_profile  # kept whatever the steps above copied
            image = self._convert(image)
        name = hashlib.sha1(repr(_key(item)).encode()).hexdigest()[:16]
        out = self.scratch / f"{name}.jpg"
        image.info.pop("icc_profile", None)  # the output intent carries the profile, not each photo
        image.save(out, "JPEG", quality=JPEG_QUALITY[image.mode], subsampling=0,
                   dpi=(self.profile.image_ppi or RULES.press_image_ppi,) * 2)
        return out

    def _draft(self, image: Image.Image, item: ImageItem) -> None:
        """Let a JPEG decode at a fraction of its size when far fewer pixels are needed
        (a 50-megapixel photo then never sits whole in memory)."""
        if image.format not in ("JPEG", "MPO") or not self.profile.image_ppi:
            return
        image.draft(image.mode, needed_pixels(item, self.profile.image_ppi))

    def _downsample(self, image: Image.Image, item: ImageItem) -> Image.Image:
        if not self.profile.image_ppi:
            return image
        width = math.ceil(item.rect.w / 72.0 * self.profile.image_ppi)
        height = math.ceil(item.rect.h / 72.0 * self.profile.image_ppi)
        if image.width <= width and image.height <= height:
            return image
        return image.resize((width, height), Image.LANCZOS)

    def _convert(self, image: Image.Image) -> Image.Image:
        if not self.profile.cmyk:
            return to_screen(image, self.icc)
        cmyk = self._cmyk(image)
        if not self.ink_limit:
            return cmyk
        return limit_ink(cmyk, self.ink_limit - JPEG_INK_MARGIN)

    def _cmyk(self, image: Image.Image) -> Image.Image:
        """Separated through the output profile (which holds its own ink limit) from the
        photo's own profile; a grey photo without a colour profile on black ink alone."""
        separated = to_press(image, self.icc)
        if separated is not None:
            return separated
        return image if image.mode == "CMYK" else grey_to_black(image)


def _reduced(image: Image.Image, item: ImageItem, ppi: float | None) -> Image.Image:
    """The photo cut down by a whole factor when it has more than twice the pixels needed
    each way, so that the copies made after it (rotation, crop, colour) are small
    (:func:`layout.engine.reduced.reduce_opened`); the caller closes ``image``."""
    return reduce_opened(image, needed_pixels(item, ppi or SCREEN_PPI))


def decoded_bytes(item: ImageItem, ppi: float | None) -> int:
    """About how much memory a photo takes while it is made: its full decode, or for a
    JPEG decoded in draft or a PNG decoded in strips, at most twice the needed size each
    way (and a strip)."""
    width, height = item.pixel_size
    full = width * height * BYTES_PER_PIXEL
    if ppi and _decoded_reduced(item.path):
        need_w, need_h = needed_pixels(item, ppi)
        strip = 2 * STRIP_ROWS * max(width, height) * BYTES_PER_PIXEL
        return min(full, 4 * need_w * need_h * BYTES_PER_PIXEL + strip)
    return full


def _decoded_reduced(path: str) -> bool:
    """True for a JPEG (decoded in draft) or a PNG decoded in strips (the header is read)."""
    if path.lower().endswith((".jpg", ".jpeg")):
        return True
    try:
        with Image.open(path) as image:
            return strips_possible(image)
    except (OSError, ValueError):
        return False


def workers(items: list[ImageItem], ppi: float | None, cpus: int | None = None,
            budget: int | None = None) -> int:
    """How many photos to make at once: no more than the CPUs, and few enough that the
    largest photos decoded together stay within ``budget`` bytes (MEMORY_BUDGET)."""
    cpus = cpus or os.cpu_count() or 1
    budget = budget or MEMORY_BUDGET
    largest = max((decoded_bytes(i, ppi) for i in items), default=1)
    return max(1, min(len(items), cpus, budget // max(largest, 1)))


def _crop(image: Image.Image, item: ImageItem) -> Image.Image:
    """Only the part of the photo that shows."""
    c = item.crop
    box = (math.floor(c.x * image.width), math.floor(c.y * image.height),
           math.ceil(c.right * image.width), math.ceil(c.bottom * image.height))
    return image.crop(box) if box != (0, 0, image.width, image.height) else image


def grey_to_black(image: Image.Image) -> Image.Image:
    """A greyscale photo printed with black ink only (no rich black in the greys)."""
    black = ImageOps.invert(image.convert("L"))
    zero = Image.new("L", image.size, 0)
    return Image.merge("CMYK", (zero, zero, zero, black))


def limit_ink(image: Image.Image, limit_percent: float) -> Image.Image:
    """Total area coverage kept at or under the limit. Where the four inks add up to more,
    first the grey that cyan, magenta and yellow make together is moved to black (as a
    separation with more GCR would have made it: each unit moved saves two of ink and keeps
    the tone); what is still over is taken from cyan, magenta and yellow in proportion."""
    pixels = np.array(image)
    limit = limit_percent / 100.0 * 255.0
    over = pixels.sum(axis=2, dtype=np.uint16) > limit
    if not over.any():
        return image
    chosen = pixels[over].astype(np.float32)
    excess = chosen.sum(axis=1) - limit
    moved = np.clip(np.minimum.reduce([excess / 2.0, chosen[:, :3].min(axis=1), 255.0 - chosen[:, 3]]), 0.0, None)
    chosen[:, :3] -= moved[:, None]
    chosen[:, 3] += moved
    cmy = chosen[:, :3].sum(axis=1)
    room = np.clip(limit - chosen[:, 3], 0.0, None)
    chosen[:, :3] *= np.minimum(room / np.maximum(cmy, 1e-6), 1.0)[:, None]
    pixels[over] = np.floor(chosen).astype(np.uint8)
    return Image.fromarray(pixels, "CMYK")


def _key(item: ImageItem) -> tuple:
    return item.path, item.crop, round(item.rect.w, 2), round(item.rect.h, 2)


def _size_of(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size



