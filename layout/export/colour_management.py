"""Colour management of photos: the profile a photo carries, and transforms to the press
and to the screen.

A photo's embedded ICC profile is honoured (Adobe RGB, Display P3, a CMYK JPEG with
its press profile, a greyscale with a grey profile); sRGB is assumed only for an RGB
photo that embeds none, and a CMYK photo without one is taken to be in the output
condition already (it is passed through). Transforms are built once per pair of
profiles and kept: building one takes tens of milliseconds.
"""

from __future__ import annotations

import hashlib
import io
import threading
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

from layout.engine.pngfile import reduced_png, strips_possible

INTENT = ImageCms.Intent.RELATIVE_COLORIMETRIC
_lock = threading.Lock()


def embedded_profile(image: Image.Image) -> bytes | None:
    """The ICC profile the photo carries, or None."""
    data = image.info.get("icc_profile")
    return data or None


def describe_profile(data: bytes | None, mode: str) -> str:
    """What ``info`` says about a photo's colour: its profile's description, or what is assumed."""
    if data is None:
        if mode == "CMYK":
            return "CMYK, no profile (taken as the print condition's)"
        if mode in ("L", "LA", "1", "I;16"):
            return "greyscale, no profile"
        return "no profile (sRGB assumed)"
    try:
        profile = _profile_from_bytes(data)
    except (OSError, ImageCms.PyCMSError):
        return "a damaged profile (sRGB assumed)"
    return (profile.profile.profile_description or "unnamed profile").strip()


def photo_profile_description(path: str | Path) -> str:
    """The colour description of a photo file (the header is read, not the pixels)."""
    try:
        with Image.open(path) as image:
            return describe_profile(embedded_profile(image), image.mode)
    except (OSError, ValueError):
        return "unreadable"


@cache
def _profile_from_bytes_cached(digest: str, data: bytes) -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(io.BytesIO(data))


def _profile_from_bytes(data: bytes) -> ImageCms.ImageCmsProfile:
    return _profile_from_bytes_cached(hashlib.sha1(data).hexdigest(), data)


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@cache
def _file_profile(path: str, mtime: int) -> ImageCms.ImageCmsProfile:
    return ImageCms.getOpenProfile(path)


def _output(path: Path) -> ImageCms.ImageCmsProfile:
    return _file_profile(str(path), path.stat().st_mtime_ns)


@cache
def _transform(source_key: str, source: ImageCms.ImageCmsProfile, target_key: str,
               target: ImageCms.ImageCmsProfile, in_mode: str, out_mode: str) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(source, target, in_mode, out_mode, INTENT,
                                   ImageCms.Flags.BLACKPOINTCOMPENSATION)


def _source(image: Image.Image) -> tuple[str, ImageCms.ImageCmsProfile, str] | None:
    """The photo's own profile (key, profile, mode it applies to), or None when it has none
    that fits its mode."""
    data = embedded_profile(image)
    if data is None:
        return None
    try:
        profile = _profile_from_bytes(data)
    except (OSError, ImageCms.PyCMSError):
        return None
    space = profile.profile.xcolor_space.strip()
    mode = {"RGB": "RGB", "CMYK": "CMYK", "GRAY": "L"}.get(space)
    if mode is None or (mode == "CMYK") != (image.mode == "CMYK"):
        return None
    return hashlib.sha1(data).hexdigest(), profile, mode


def to_press(image: Image.Image, output_icc: Path) -> Image.Image | None:
    """The photo separated through the output profile from its own profile (sRGB when it
    has none); None for a greyscale or CMYK photo without a profile, which the caller
    prints as it is (grey on black ink, CMYK passed through)."""
    source = _source(image)
    if source is None:
        if image.mode in ("CMYK", "L", "LA", "1", "I", "I;16"):
            return None
        key, profile, mode = "srgb", _srgb(), "RGB"
    else:
        key, profile, mode = source
    if mode == "L":
        return None  # a grey photo prints on black alone, whatever grey profile it has
    with _lock:
        transform = _transform(key, profile, str(output_icc), _output(output_icc), mode, "CMYK")
    return ImageCms.applyTransform(image.convert(mode), transform)


def to_screen(image: Image.Image, output_icc: Path) -> Image.Image:
    """The photo in sRGB for a proof: from its own profile, a CMYK photo without one
    through the output profile."""
    source = _source(image)
    if source is None:
        if image.mode != "CMYK":
            return image.convert("RGB")
        key, profile, mode = str(output_icc), _output(output_icc), "CMYK"
    else:
        key, profile, mode = source
    with _lock:
        transform = _transform(key, profile, "srgb", _srgb(), mode, "RGB")
    return ImageCms.applyTransform(image.convert(mode), transform)


CHECK_SIDE = 400  # pixels: photos are checked for ink at about this size


def separated_ink(path: str | Path, output_icc: Path) -> np.ndarray:
    """Total ink (percent) of each pixel of the photo as separated for print, checked on a
    copy of about CHECK_SIDE pixels a side (a JPEG is decoded at a fraction of its size).
    Grey photos go on black alone; CMYK ones without a profile are taken as they are.
    Kept until the photo or the profile changes (preflight runs after every edit)."""
    source, icc = Path(path).stat(), output_icc.stat()
    return _separated_ink(str(path), source.st_mtime_ns, source.st_size, str(output_icc), icc.st_mtime_ns)


def ink_over(path: str | Path, output_icc: Path, limit: float) -> tuple[float, float]:
    """The share of the photo's pixels with more than ``limit`` percent ink, and its most ink
    (percent), as ``separated_ink`` finds them; kept as long as it is."""
    source, icc = Path(path).stat(), output_icc.stat()
    return _ink_over(str(path), source.st_mtime_ns, source.st_size, str(output_icc), icc.st_mtime_ns, limit)


@lru_cache(maxsize=256)
def _ink_over(path: str, mtime: int, size: int, output_icc: str, icc_mtime: int, limit: float) -> tuple[float, float]:
    tac = _separated_ink(path, mtime, size, output_icc, icc_mtime)
    return float((tac > limit + 0.5).mean()), float(tac.max())


@lru_cache(maxsize=64)
def _separated_ink(path: str, mtime: int, size: int, output_icc: str, icc_mtime: int) -> np.ndarray:
    with Image.open(path) as image:
        own = image.info.get("icc_profile")
        factor = min(image.size) // CHECK_SIDE
        if image.format in ("JPEG", "MPO"):
            image.draft(image.mode, (CHECK_SIDE, CHECK_SIDE))
        elif factor >= 2 and strips_possible(image):
            image = reduced_png(image, factor)  # a huge PNG is never decoded whole
        image.thumbnail((CHECK_SIDE, CHECK_SIDE))
        small = image.copy()
    if own:
        small.info["icc_profile"] = own
    separated = to_press(small, Path(output_icc))
    if separated is None:
        separated = small if small.mode == "CMYK" else None
    if separated is None:
        grey = np.asarray(small.convert("L"), dtype=np.float32)
        total = (255.0 - grey) / 255.0 * 100.0
    else:
        total = np.asarray(separated, dtype=np.float32).sum(axis=2) / 255.0 * 100.0
    total.setflags(write=False)
    return total
