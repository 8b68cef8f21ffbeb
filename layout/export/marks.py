"""Page geometry of an exported PDF: media, bleed and trim boxes, crop marks and the press slug."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from layout.engine.block import set_block
from layout.engine.displaylist import BoxItem, Item
from layout.export.profiles import MARK_LENGTH, MARK_OFFSET, MARK_WEIGHT, ExportProfile
from layout.model.colour import Colour
from layout.model.geometry import Rect
from layout.model.styles import TextStyle
from layout.units import mm

REGISTRATION = (1.0, 1.0, 1.0, 1.0)  # crop marks print on every plate


@dataclass(frozen=True)
class Sheet:
    """Where the trimmed page sits on the PDF page: its offset and the boxes (PDF points, y up)."""

    width: float
    height: float
    offset: float
    trim: tuple[float, float, float, float]
    bleed: tuple[float, float, float, float]


def sheet_for(trim_width: float, trim_height: float, profile: ExportProfile) -> Sheet:
    """The PDF page for a trimmed page: bleed around it and room for marks outside that."""
    offset = profile.bleed + profile.marks_margin
    b = profile.bleed
    return Sheet(
        width=trim_width + 2 * offset,
        height=trim_height + 2 * offset,
        offset=offset,
        trim=(offset, offset, offset + trim_width, offset + trim_height),
        bleed=(offset - b, offset - b, offset + trim_width + b, offset + trim_height + b),
    )


def draw_crop_marks(canvas: Canvas, sheet: Sheet, bleed: float) -> None:
    """Eight short lines on the trim lines, starting outside the bleed (in registration colour)."""
    x0, y0, x1, y1 = sheet.trim
    near, far = bleed + MARK_OFFSET, bleed + MARK_OFFSET + MARK_LENGTH
    canvas.saveState()
    canvas.setStrokeColorCMYK(*REGISTRATION)
    canvas.setLineWidth(MARK_WEIGHT)
    for x in (x0, x1):
        canvas.line(x, y0 - near, x, y0 - far)
        canvas.line(x, y1 + near, x, y1 + far)
    for y in (y0, y1):
        canvas.line(x0 - near, y, x0 - far, y)
        canvas.line(x1 + near, y, x1 + far, y)
    canvas.restoreState()


PLATE_COLOURS = {"C": Colour(1, 0, 0, 0), "M": Colour(0, 1, 0, 0), "Y": Colour(0, 0, 1, 0), "K": Colour(0, 0, 0, 1)}
PATCH = mm(3)


def slug_items(text: str, style: TextStyle, width: float, height: float, bleed: float,
               plate_order: str) -> list[Item]:
    """The press slug in page coordinates, in the band under the bleed (outside the trim and
    clear of the crop marks): a patch of each plate's ink in the press's colour order, so
    each plate shows which it is, then the text in black. No point of it has more than one ink."""
    top = height + bleed + MARK_OFFSET
    x = mm(8)
    items: list[Item] = []
    for ink in plate_order:
        items.append(BoxItem(Rect(x, top + mm(0.5), PATCH, PATCH), fill=PLATE_COLOURS[ink]))
        x += PATCH + mm(1)
    block = set_block([(text, style)], Rect(x + mm(2), top, width - x - mm(12), MARK_LENGTH), MARK_LENGTH)
    return [*items, *block.items]
