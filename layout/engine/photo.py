"""Place photos in their frames: fill (crop around the focus, zoomed) or fit (show all).

Only the image header is read here (size, EXIF orientation, colour mode), so a
page of large photos lays out quickly. A photo that is missing, unreadable or
absurdly large becomes a placeholder with a message, never a crash.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from layout.engine.displaylist import ImageItem, Item, PlaceholderItem
from layout.engine.pngfile import ORIENTATION, png_orientation
from layout.model.frames import Photo
from layout.model.geometry import Rect
from layout.store.assets import AssetError, check_photo_file

FULL = Rect(0.0, 0.0, 1.0, 1.0)
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485  # Pillow's own guard (about 9,500 × 9,500)
FORMATS = {"JPEG", "PNG", "TIFF", "MPO"}


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
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                kind, mode = image.format, image.mode
                orientation = png_orientation(image) if kind == "PNG" else image.getexif().get(ORIENTATION, 1)
            _check_complete(path)
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


def _check_complete(path: Path) -> None:
    """Raise OSError for a damaged or truncated file. A JPEG is decoded at an eighth of
    its size (quick); a PNG's chunks and checksums are verified without decoding."""
    with Image.open(path) as image:
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
        elif image.format == "PNG":
            image.verify()


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
    if frame.w <= 0 or frame.h <= 0:
        return PlaceholderItem(frame, "图框太小"), f"photo {path.name} has no room in its frame ({frame.w:.1f} × " \
                                                 f"{frame.h:.1f} pt)"
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
