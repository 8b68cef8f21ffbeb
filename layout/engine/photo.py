"""Place photos in their frames: fill (crop to the frame) or fit (show all)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from layout.engine.displaylist import ImageItem, Item, PlaceholderItem
from layout.model.geometry import Rect

FULL = Rect(0.0, 0.0, 1.0, 1.0)


def image_size(path: Path) -> tuple[int, int]:
    """Pixel size as displayed (EXIF rotation applied), reading only the header."""
    with Image.open(path) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def fill_crop(pixels: tuple[int, int], frame: Rect) -> Rect:
    """The centred part of the image with the frame's aspect ratio."""
    width, height = pixels
    image_ratio, frame_ratio = width / height, frame.w / frame.h
    if image_ratio > frame_ratio:
        share = frame_ratio / image_ratio
        return Rect((1 - share) / 2, 0.0, share, 1.0)
    share = image_ratio / frame_ratio
    return Rect(0.0, (1 - share) / 2, 1.0, share)


def fit_rect(pixels: tuple[int, int], frame: Rect) -> Rect:
    """The largest rectangle of the image's aspect ratio centred in the frame."""
    width, height = pixels
    scale = min(frame.w / width, frame.h / height)
    w, h = width * scale, height * scale
    return Rect(frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2, w, h)


def place_photo(path: Path | None, frame: Rect, fit: str) -> tuple[Item, str | None]:
    """The item for a photo and, when it cannot be shown, the reason."""
    if path is None:
        return PlaceholderItem(frame, "空图框"), None
    try:
        pixels = image_size(path)
    except FileNotFoundError:
        return PlaceholderItem(frame, f"缺图 {path.name}"), f"photo {path} is missing"
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return PlaceholderItem(frame, f"坏图 {path.name}"), f"photo {path} cannot be read ({exc})"
    if fit == "fit":
        return ImageItem(str(path), fit_rect(pixels, frame), FULL, pixels), None
    return ImageItem(str(path), frame, fill_crop(pixels, frame), pixels), None
