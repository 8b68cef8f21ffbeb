"""Export profiles as data: what each kind of PDF asks for (as WeasyPrint keeps its PDF variants).

- ``screen``: the plain export: the document's CMYK colours, photos as they are.
- ``press``: for the print shop: DeviceCMYK only, photos converted through the
  output profile, limited in ink and resolution, 100 % K text and thin rules
  overprinting, 3 mm bleed with TrimBox and BleedBox, crop marks outside the
  bleed, PDF/X-1a:2001, one file a page.
- ``proof``: for editors: RGB, screen-resolution photos, a 校样 watermark and a
  slug line on every page, all pages in one file with a bookmark each;
  ``proof-band`` puts the watermark in a band along the top margin instead.

Facts behind the numbers: ../shared/notes/typesetting-and-print.md §2 (PDF/X-1a
requirements; newspapers ask 200–300 ppi and a TAC of 220–240 %). The paper and its
ink limit are the print condition's (conditions.py), not the profile's.
"""

from __future__ import annotations

from dataclasses import dataclass

from layout.export.conditions import OutputCondition
from layout.model.settings import RULES
from layout.units import mm

__all__ = ["PROFILES", "ExportProfile", "OutputCondition"]


@dataclass(frozen=True)
class ExportProfile:
    """How a PDF is made: colour, photos, marks, boxes and the files written."""

    name: str
    cmyk: bool
    image_ppi: float | None  # photos are brought down to this at their placed size, never up
    limit_ink: bool = False  # photos kept within the print condition's total ink limit
    bleed: float = 0.0  # points
    crop_marks: bool = False
    overprint_black: bool = False
    pdfx: bool = False
    watermark: str = ""
    watermark_band: bool = False  # the 校样 mark in a band along the top margin, not across the page
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
    "press": ExportProfile("press", cmyk=True, image_ppi=RULES.press_image_ppi, limit_ink=True,
                           bleed=mm(RULES.bleed_mm),
                           crop_marks=True, overprint_black=True, pdfx=True, one_file_per_page=True),
    "proof": ExportProfile("proof", cmyk=False, image_ppi=RULES.proof_image_ppi, watermark="校样", slug=True),
    "proof-band": ExportProfile("proof-band", cmyk=False, image_ppi=RULES.proof_image_ppi, watermark="校样",
                                watermark_band=True, slug=True),
}
