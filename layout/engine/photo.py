"""Place photos in their frames: fill (crop around the focus, zoomed) or fit (show all).

Only the image header is read here (size, EXIF orientation, colour mode), so a
page of large photos lays out quickly. A photo that is missing, unreadable or
absurdly large becomes a placeholder with a message, never a crash.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from layout.engine.displaylist import ImageItem, Item, PlaceholderItem
from layout.engine.pngfile import ORIENTATION, check_png_pixels, png_orientation
from layout.model.frames import Photo
from layout.model.geometry import Rect
from layout.store.assets import AssetError, check_photo_file

FULL = Rect(0.0, 0.0, 1.0, 1.0)
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485  # Pillow's own guard (about 9,500 × 9,500)
FORMATS = {"JPEG", "PNG", "TIFF", "MPO"}
MIN_PHOTO_SIDE = 1.0  # pt: a photo's place in a pair or series block shrunk below this has no room


class PhotoWarning(UserWarning):
    """Something odd in a photo that still prints (a damaged EXIF block), with the file's name."""


class PhotoProblem(ValueError):
    """A photo that cannot be placed, with the reason in words."""


_INFO: dict[tuple[str, int, int], tuple[tuple[int, int], int, str]] = {}  # by path, mtime and size
INFO_CACHE_SIZE = 4096


def image_info(path: Path) -> tuple[tuple[int, int], int, str]:
    """(pixel size as seen, EXIF orientation, colour mode), reading only the header (and
    checking the file is whole); remembered while the file's time and size stay the same."""
    try:
        info = check_photo_file(path)
    except FileNotFoundError:
        raise PhotoProblem("is missing") from None
    except AssetError as exc:
        raise PhotoProblem(str(exc)) from None
    key = (str(path), info.st_mtime_ns, info.st_size)
    found = _INFO.get(key)
    if found is None:
        found = _read_info(path)
        if len(_INFO) >= INFO_CACHE_SIZE:
            _INFO.clear()
        _INFO[key] = found
    return found


def _read_info(path: Path) -> tuple[tuple[int, int], int, str]:
    try:
        check_photo_file(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                kind, mode = image.format, image.mode
                orientation = png_orientation(image) if kind == "PNG" else image.getexif().get(ORIENTATION, 1)
            _check_complete(path)
        for warning in caught:  # Pillow's (a damaged EXIF block), told once with the file's name
            if issubclass(warning.category, ResourceWarning):  # another object's, collected meanwhile
                warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
            else:
                warnings.warn(PhotoWarning(f"photo {path}: {str(warning.message).strip()}"), stacklevel=2)
    except FileNotFoundError:
        raise PhotoProblem("is missing") from None
    except AssetError as exc:
        raise PhotoProblem(str(exc)) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoProblem(f"is too large to place ({_header_size(path)}; at most {MAX_PIXELS:,} pixels)") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise PhotoProblem(f"cannot be read ({exc})") from None
    if kind not in FORMATS:
        raise PhotoProblem(f"is a {kind} file; use JPEG, PNG or TIFF")
    if width * height > MAX_PIXELS:
        raise PhotoProblem(f"is too large to place ({width}×{height} pixels)")
    size = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    return size, orientation, mode


_COMPLETE: dict[tuple, bool] = {}  # files found whole, by path, size, time and identity


def _check_complete(path: Path) -> None:
    """Raise OSError for a damaged or truncated file. A JPEG is decoded at an eighth of
    its size (quick); a PNG's chunks and checksums are verified and its pixel data counted
    without keeping it; a TIFF's strips or tiles must lie within the file. A file found
    whole is not read again until it changes."""
    info = os.stat(path)
    key = (str(path), info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)
    if key in _COMPLETE:
        return
    with Image.open(path) as image:
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
        elif image.format == "PNG":
            image.verify()
            check_png_pixels(str(path))
        elif image.format == "TIFF":
            _check_tiff_data(image, info.st_size)
    _COMPLETE[key] = True


def _check_tiff_data(image: Image.Image, file_size: int) -> None:
    """Raise OSError when a TIFF's strips or tiles (its pixel data) reach past the file's end,
    or an uncompressed one holds fewer bytes than its pixels need."""
    tags = image.tag_v2
    offsets = tags.get(273) or tags.get(324) or ()  # StripOffsets, TileOffsets
    counts = tags.get(279) or tags.get(325) or ()  # StripByteCounts, TileByteCounts
    if not offsets or len(offsets) != len(counts):
        raise OSError("its pixel data is not where the file says (no strips or tiles)")
    end = max(offset + count for offset, count in zip(offsets, counts))
    if end > file_size:
        raise OSError(f"its pixel data is cut short (it reaches byte {end:,} of a {file_size:,}-byte file): "
                      "the file is damaged or truncated")
    bits = sum(tags.get(258, (8,)) if isinstance(tags.get(258, 8), tuple) else (tags.get(258, 8),))
    if tags.get(259, 1) == 1 and 273 in tags and sum(counts) < image.height * (-(-image.width * bits // 8)):
        raise OSError("its pixel data is cut short (fewer bytes than its pixels need): the file is damaged")


def _header_size(path: Path) -> str:
    """"20000×20000 pixels", read without Pillow's size guard."""
    previous, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with Image.open(path) as image:
            return f"{image.width}×{image.height} pixels"
    except (OSError, ValueError):
        return "too many pixels"
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def upright(image: Image.Image) -> Image.Image:
    """A photo as it is meant to be seen and printed: EXIF rotation applied, transparency
    flattened onto white, 16-bit and odd modes brought to 8-bit L or RGB (CMYK kept)."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        scale = 1 / 256 if image.mode.startswith("I;16") or _is_16_bit(image) else 1.0
        return image.convert("F").point(lambda v: v * scale).convert("L")
    if image.mode in ("RGBA", "LA", "P", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode == "1":
        return image.convert("L")
    if image.mode not in ("RGB", "L", "CMYK"):
        return image.convert("RGB")
    return image


def _is_16_bit(image: Image.Image) -> bool:
    low, high = image.getextrema()
    return high > 255


def fill_crop(pixels: tuple[int, int], frame: Rect, focus: tuple[float, float] = (0.5, 0.5),
              zoom: float = 1.0) -> Rect:
    """The part of the image with the frame's aspect ratio, enlarged ``zoom`` times,
    as near to centred on ``focus`` as the image's edges allow (the whole image for a
    frame of no width or height)."""
    width, height = pixels
    if min(width, height, frame.w, frame.h) <= 0:
        return Rect(0.0, 0.0, 1.0, 1.0)  # nothing to fit: a frame (or an image) of no size
    image_ratio, frame_ratio = width / height, frame.w / frame.h
    if image_ratio > frame_ratio:
        w, h = frame_ratio / image_ratio, 1.0
    else:
        w, h = 1.0, image_ratio / frame_ratio
    w, h = w / max(zoom, 1.0), h / max(zoom, 1.0)
    x = min(max(focus[0] - w / 2, 0.0), 1.0 - w)
    y = min(max(focus[1] - h / 2, 0.0), 1.0 - h)
    return Rect(x, y, w, h)


def fit_rect(pixels: tuple[int, int], frame: Rect) -> Rect:
    """The largest rectangle of the image's aspect ratio centred in the frame."""
    width, height = pixels
    if width <= 0 or height <= 0:
        return frame
    scale = min(frame.w / width, frame.h / height)
    w, h = width * scale, height * scale
    return Rect(frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2, w, h)


def place_photo(path: Path | None, frame: Rect, fit: str = "fill",
                photo: Photo | None = None) -> tuple[Item, str | None]:
    """The item for a photo and, when it cannot be shown, the reason."""
    if path is None:
        return PlaceholderItem(frame, "空图框"), None
    if min(frame.w, frame.h) < MIN_PHOTO_SIDE:  # a block too small for its photos (or of no size)
        return (PlaceholderItem(frame, f"图片无位置 {path.name}"),
                f"photo {path} has no room: its place is {frame.w:.1f} × {frame.h:.1f} pt "
                f"(at least {MIN_PHOTO_SIDE:g} pt each way); make the frame larger")
    try:
        pixels, orientation, mode = image_info(path)
    except PhotoProblem as problem:
        label = "缺图" if "missing" in str(problem) else "图片无法使用"
        return PlaceholderItem(frame, f"{label} {path.name}"), f"photo {path} {problem}"
    if fit == "fit":
        return ImageItem(str(path), fit_rect(pixels, frame), FULL, pixels, orientation, mode), None
    focus, zoom = (photo.focus, photo.zoom) if photo else ((0.5, 0.5), 1.0)
    crop = fill_crop(pixels, frame, focus, zoom)
    return ImageItem(str(path), frame, crop, pixels, orientation, mode), None
