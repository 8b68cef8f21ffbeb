"""Print conditions: the paper and press a press PDF is made for, as named settings.

A condition names its characterisation (the PDF/X OutputConditionIdentifier), whether
that name is registered with the ICC (then the output intent says RegistryName
``http://www.color.org``; a custom condition says nothing it cannot back), its output
profile, its total ink limit, and the paper white and solid black it promises, which a
plant's own profile (``--icc FILE``) is checked against.

- ``newsprint`` (the default: every template is a newspaper page): coldset offset on
  newsprint, ISO 12647-3, registered as ``IFRA26``; the project's own profile built by
  tools/build_newsprint_profile.py from the standard's aims (docs/print.md); 220 %.
- ``coated``: ISO 12647-2 coated paper, ``FOGRA39``, ISO Coated v2 300 % (basICColor);
  300 %, that profile's own limit.
- a custom condition: any CMYK output profile, with its description as the condition.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

from layout.model.settings import RULES

REGISTRY = "http://www.color.org"
CUSTOM = "Custom"
# How far a plant's profile may stray from the condition it is declared for (CIEDE2000).
# Measured prints stay within ΔE 3–5 of the aims (ISO 12647-3 tolerances for paper and
# solids are of that order); a profile for another paper is 10 and more away.
PAPER_TOLERANCE = 6.0
BLACK_TOLERANCE = 10.0
MIN_INK_LIMIT, MAX_INK_LIMIT = 100.0, 400.0  # percent: one solid ink, all four solid


@dataclass(frozen=True)
class OutputCondition:
    """The printing condition a press PDF is made for (PDF/X OutputIntent and ink limit)."""

    name: str = "newsprint"
    identifier: str = "IFRA26"
    info: str = "Coldset offset on newsprint (ISO 12647-3), 220 % total ink"
    registered: bool = True
    ink_limit: float = RULES.press_ink_limit
    packaged_profile: str | None = "layout-newsprint-220.icc"
    profile: Path | None = None
    paper: tuple[float, float, float] | None = (82.0, 0.0, 3.0)  # CIELAB, ISO 12647-3 (docs/print.md)
    black: tuple[float, float, float] | None = (32.0, 1.0, 5.0)
    plate_order: str = "KCMY"  # the order the inks go down, as the slug shows it (coldset: black first)

    @property
    def registry_name(self) -> str | None:
        """The registry that knows the identifier, or None for a custom condition."""
        return REGISTRY if self.registered else None

    def profile_path(self) -> Path:
        """The ICC output profile file (the packaged one unless another is given)."""
        if self.profile is not None:
            return self.profile
        return Path(str(resources.files("layout.export") / "icc" / str(self.packaged_profile)))

    def with_profile(self, icc: Path) -> OutputCondition:
        """This condition printed with a plant's own profile (checked with :meth:`check`)."""
        return replace(self, profile=icc, packaged_profile=None)

    def with_ink_limit(self, limit: float | None) -> OutputCondition:
        """This condition with another total ink limit (percent); None keeps it."""
        if limit is None:
            return self
        if not MIN_INK_LIMIT <= limit <= MAX_INK_LIMIT:
            raise ValueError(f"ink limit {limit:g} %: give a total between 100 and 400 %")
        return replace(self, ink_limit=float(limit))

    def check(self) -> None:
        """Raise ValueError unless the profile is a CMYK output profile that prints this
        condition's paper white and solid black (for a registered condition)."""
        path = self.profile_path()
        profile = _open(path)
        space = profile.profile.xcolor_space.strip()
        device = profile.profile.device_class
        if space != "CMYK" or device != "prtr":
            raise ValueError(f"{path}: a {space} {device} profile; press output needs a CMYK output (prtr) profile")
        if self.paper is None or self.black is None:
            return
        paper, black = profile_points(path)
        for what, aim, got, tolerance in (("paper white", self.paper, paper, PAPER_TOLERANCE),
                                          ("solid black", self.black, black, BLACK_TOLERANCE)):
            difference = float(delta_e_2000(aim, got))
            if difference > tolerance:
                raise ValueError(
                    f"{path.name} does not describe {self.identifier}: its {what} is L*a*b* "
                    f"{got[0]:.0f}/{got[1]:.0f}/{got[2]:.0f}, the condition's "
                    f"{aim[0]:.0f}/{aim[1]:.0f}/{aim[2]:.0f} (ΔE00 {difference:.1f} > {tolerance:g}); "
                    "give the condition the profile is made for, or none (a custom condition)")


def custom_condition(icc: Path, ink_limit: float | None = None) -> OutputCondition:
    """A plant's profile as its own condition: identified as Custom, described by the profile."""
    profile = _open(icc)
    description = (profile.profile.profile_description or icc.stem).strip()
    limit = ink_limit if ink_limit is not None else profile_ink_limit(icc)
    return OutputCondition(name="custom", identifier=CUSTOM, info=description, registered=False,
                           ink_limit=float(limit), packaged_profile=None, profile=icc, paper=None, black=None)


CONDITIONS: dict[str, OutputCondition] = {
    "newsprint": OutputCondition(),
    "coated": OutputCondition(
        name="coated", identifier="FOGRA39", info="ISO Coated v2 300% (basICColor), FOGRA39",
        ink_limit=RULES.coated_ink_limit, packaged_profile="ISOcoated_v2_300_bas.icc",
        paper=(95.0, 0.0, -2.0), black=(16.0, 0.0, 0.0)),  # FOGRA39L.ti3 (icc-profiles-free), patches 1 and 1260
}
ALIASES = {c.identifier.lower(): name for name, c in CONDITIONS.items()}
DEFAULT_CONDITION = RULES.print_condition


def condition_named(name: str) -> OutputCondition:
    """A condition by its name (newsprint, coated) or identifier (IFRA26, FOGRA39)."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in CONDITIONS:
        known = ", ".join(f"{n} ({c.identifier})" for n, c in CONDITIONS.items())
        raise ValueError(f"print condition {name!r} is not known; choose one of {known}, or give --icc alone "
                         "for a custom condition")
    return CONDITIONS[key]


def resolve_condition(name: str | None, icc: Path | None, ink_limit: float | None) -> OutputCondition:
    """The condition for the command line's --condition, --icc and --ink-limit."""
    if icc is not None and not icc.is_file():
        raise ValueError(f"{icc}: no such ICC profile")
    if icc is not None and name is None:
        condition = custom_condition(icc, ink_limit)
        condition.check()
        return condition
    condition = condition_named(name or DEFAULT_CONDITION)
    if icc is not None:
        condition = condition.with_profile(icc)
    condition = condition.with_ink_limit(ink_limit)
    condition.check()
    return condition


@cache
def _open_cached(path: str, mtime: int) -> ImageCms.ImageCmsProfile:
    return ImageCms.getOpenProfile(path)


def _open(path: Path) -> ImageCms.ImageCmsProfile:
    try:
        return _open_cached(str(path), path.stat().st_mtime_ns)
    except (OSError, ImageCms.PyCMSError) as exc:
        raise ValueError(f"{path}: not an ICC profile ({exc})") from None


def _to_lab(path: Path, cmyk: list[tuple[int, int, int, int]]) -> np.ndarray:
    """CIELAB (absolute colorimetric) that the profile predicts for CMYK values 0–255."""
    lab = ImageCms.createProfile("LAB", 5000)
    transform = ImageCms.buildTransform(_open(path), lab, "CMYK", "LAB",
                                        ImageCms.Intent.ABSOLUTE_COLORIMETRIC)
    image = Image.new("CMYK", (len(cmyk), 1))
    image.putdata(cmyk)
    raw = np.array(ImageCms.applyTransform(image, transform), dtype=np.uint8).reshape(-1, 3)
    signed = raw.view(np.int8).astype(float)  # Pillow's LAB keeps a* and b* as signed bytes
    return np.stack([raw[:, 0] * 100.0 / 255.0, signed[:, 1], signed[:, 2]], axis=1)


def profile_points(path: Path) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Paper white and solid black (100 % K) as the profile predicts them."""
    paper, black = _to_lab(path, [(0, 0, 0, 0), (0, 0, 0, 255)])
    return tuple(paper), tuple(black)


def profile_ink_limit(path: Path) -> float:
    """The most ink the profile puts down for a photo's darkest colours (percent): its
    separation of sRGB black and of dark, saturated colours (relative colorimetric with
    black point compensation, as photos are separated)."""
    srgb = ImageCms.createProfile("sRGB")
    transform = ImageCms.buildTransform(srgb, _open(path), "RGB", "CMYK", ImageCms.Intent.RELATIVE_COLORIMETRIC,
                                        ImageCms.Flags.BLACKPOINTCOMPENSATION)
    darks = [(0, 0, 0), (40, 0, 0), (0, 40, 0), (0, 0, 40), (30, 30, 0), (0, 30, 30), (30, 0, 30)]
    image = Image.new("RGB", (len(darks), 1))
    image.putdata(darks)
    cmyk = np.array(ImageCms.applyTransform(image, transform), dtype=float).reshape(-1, 4)
    return float(np.ceil(cmyk.sum(axis=1).max() / 255.0 * 100.0))


def delta_e_2000(lab1, lab2) -> np.ndarray:
    """CIEDE2000 colour difference (CIE 142-2001; Sharma, Wu and Dalal 2005)."""
    l1, a1, b1 = np.moveaxis(np.asarray(lab1, dtype=float), -1, 0)
    l2, a2, b2 = np.moveaxis(np.asarray(lab2, dtype=float), -1, 0)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2.0
    g = 0.5 * (1.0 - np.sqrt(c_mean ** 7 / (c_mean ** 7 + 25.0 ** 7)))
    a1p, a2p = (1.0 + g) * a1, (1.0 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360.0
    dl, dc = l2 - l1, c2p - c1p
    dh = h2p - h1p
    dh = np.where(dh > 180.0, dh - 360.0, np.where(dh < -180.0, dh + 360.0, dh))
    dh = np.where(c1p * c2p == 0, 0.0, dh)
    dhh = 2.0 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2.0))
    lp, cp = (l1 + l2) / 2.0, (c1p + c2p) / 2.0
    hsum = h1p + h2p
    hp = np.where(np.abs(h1p - h2p) > 180.0, np.where(hsum < 360.0, hsum + 360.0, hsum - 360.0), hsum) / 2.0
    hp = np.where(c1p * c2p == 0, hsum, hp)
    t = (1.0 - 0.17 * np.cos(np.radians(hp - 30.0)) + 0.24 * np.cos(np.radians(2.0 * hp))
         + 0.32 * np.cos(np.radians(3.0 * hp + 6.0)) - 0.20 * np.cos(np.radians(4.0 * hp - 63.0)))
    sl = 1.0 + 0.015 * (lp - 50.0) ** 2 / np.sqrt(20.0 + (lp - 50.0) ** 2)
    sc, sh = 1.0 + 0.045 * cp, 1.0 + 0.015 * cp * t
    rt = (-2.0 * np.sqrt(cp ** 7 / (cp ** 7 + 25.0 ** 7))
          * np.sin(np.radians(60.0 * np.exp(-(((hp - 275.0) / 25.0) ** 2)))))
    return np.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))
