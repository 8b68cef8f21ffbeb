"""Export profiles as data: what each kind of PDF asks for (as WeasyPrint keeps its PDF variants).

- ``screen``: the plain export: the document's CMYK colours, photos as they are.
- ``press``: for the print shop: DeviceCMYK only, photos converted through the
  output profile, limited in ink and resolution, 100 % K text and thin rules
  overprinting, 3 mm bleed with TrimBox and BleedBox, crop marks outside the
  bleed, PDF/X-1a:2001, one file a page.
- ``proof``: for editors: RGB, screen-resolution photos, a 校样 watermark and a
  slug line on every page, all pages in one file with a bookmark each.

Facts behind the numbers: ../shared/notes/typesetting-and-print.md §2 (PDF/X-1a
requirements; newspapers ask 200–300 ppi and a TAC of 220–240 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PIL import ImageCms

from layout.model.settings import RULES
from layout.units import mm

DEFAULT_ICC = "ISOcoated_v2_300_bas.icc"


@dataclass(frozen=True)
class OutputCondition:
    """The printing condition a press PDF is made for (PDF/X OutputIntent)."""

    identifier: str = "FOGRA39"
    info: str = "ISO Coated v2 300% (basICColor), FOGRA39"
    profile: Path | None = None

    def profile_path(self) -> Path:
        """The ICC output profile file (the packaged one unless another is given)."""
        if self.profile is not None:
            return self.profile
        return Path(str(resources.files("layout.export") / "icc" / DEFAULT_ICC))

    def check(self) -> None:
        """Raise ValueError unless the profile is a CMYK output (printer) profile."""
        path = self.profile_path()
        try:
            profile = ImageCms.getOpenProfile(str(path))
        except (OSError, ImageCms.PyCMSError) as exc:
            raise ValueError(f"{path}: not an ICC profile ({exc})") from None
        space = profile.profile.xcolor_space.strip()
        device = profile.profile.device_class
        if space != "CMYK" or device != "prtr":
            raise ValueError(f"{path}: a {space} {device} profile; press output needs a CMYK output (prtr) profile")


@dataclass(frozen=True)
class ExportProfile:
    """How a PDF is made: colour, photos, marks, boxes and the files written."""

    name: str
    cmyk: bool
    image_ppi: float | None  # photos are brought down to this at their placed size, never up
    ink_limit: float | None = None  # percent total area coverage for photos
    bleed: float = 0.0  # points
    crop_marks: bool = False
    overprint_black: bool = False
    pdfx: bool = False
    watermark: str = ""
    slug: bool = False
    one_file_per_page: bool = False

    @property
    def marks_margin(self) -> float:
        """Room outside the bleed for crop marks."""
        return MARK_OFFSET + MARK_LENGTH if self.crop_marks else 0.0


MARK_OFFSET = mm(2)  # crop marks start this far outside the bleed
MARK_LENGTH = mm(5)
MARK_WEIGHT = 0.25

PROFILES: dict[str, ExportProfile] = {
    "screen": ExportProfile("screen", cmyk=True, image_ppi=None),
    "press": ExportProfile("press", cmyk=True, image_ppi=RULES.press_image_ppi, ink_limit=RULES.press_ink_limit,
                           bleed=mm(RULES.bleed_mm),
                           crop_marks=True, overprint_black=True, pdfx=True, one_file_per_page=True),
    "proof": ExportProfile("proof", cmyk=False, image_ppi=RULES.proof_image_ppi, watermark="校样", slug=True),
}
