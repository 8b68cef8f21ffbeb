"""Draw display lists into a PDF with reportlab.

Fonts are embedded as TrueType subsets with ToUnicode maps, so text can be
searched and copied. Each glyph run is one text object: the glyphs are shown
with TJ and positioned by the engine's x coordinates, not by reportlab's
metrics. Colours are CMYK, as the model keeps them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.engine.displaylist import (
    BoxItem,
    GlyphLines,
    GlyphRun,
    ImageItem,
    Item,
    PageDisplay,
    RuleItem,
)
from layout.engine.fonts import font_dir
from layout.engine.reduced import SCREEN_PPI, decode_upright, needed_pixels, whole_factor
from layout.model.colour import BLACK, Colour
from layout.render.pdftags import Tagger

THIN_RULE = 2.0  # points: black rules up to this weight overprint in press output


def _utf16_hex(code: int) -> str:
    """A code point as UTF-16BE hex, with a surrogate pair above U+FFFF."""
    if code < 0x10000:
        return f"{code:04X}"
    value = code - 0x10000
    return f"{0xD800 + (value >> 10):04X}{0xDC00 + (value & 0x3FF):04X}"


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A subset's ToUnicode CMap (PDF 1.7 §9.10.3), UTF-16BE as the format requires.

    reportlab 5.1 writes code points above U+FFFF (𠮷, CJK Ext B) as plain hex,
    so they copy and search as the wrong characters; this replaces its function.
    """
    entries = [f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


ttfonts.makeToUnicodeCMap = to_unicode_cmap
# Streams are written binary: ASCII85 makes files a quarter larger, and reportlab's
# pure-Python encoder takes about half a second per photo.
rl_config.useA85 = 0


@cache
def register_font(file_name: str) -> TTFont:
    """Register a font file from fonts/ with reportlab once; its name is the file's stem."""
    name = file_name.rsplit(".", 1)[0]
    font = TTFont(name, str(font_dir() / file_name))
    pdfmetrics.registerFont(font)
    return font


_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name's byte that is not UTF-8, as Python keeps it


def image_reader(item: ImageItem) -> ImageReader | str:
    """The photo as reportlab should embed it: the file itself when it can go in as it is
    (a JPEG passes through untouched), else an upright, flattened 8-bit copy, decoded
    reduced when it has more than twice the pixels SCREEN_PPI needs each way."""
    needed = needed_pixels(item, SCREEN_PPI)
    width, height = item.pixel_size
    stored = (height, width) if item.orientation in (5, 6, 7, 8) else (width, height)
    as_is = item.mode in ("RGB", "L", "CMYK") and not item.path.lower().endswith((".tif", ".tiff"))
    if item.orientation == 1 and as_is and whole_factor(stored, needed) == 1:
        if item.path.isascii() or not _SURROGATE.search(item.path):
            return item.path
        return ImageReader(io.BytesIO(Path(item.path).read_bytes()))  # reportlab encodes a name as UTF-8
    return ImageReader(decode_upright(item.path, needed))


def _fp(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


@dataclass
class PdfPainter:
    """Draws the items of one page on a reportlab canvas (y is flipped here).

    ``rgb`` draws colours as RGB (proofs); ``overprint_black`` sets 100 % K
    text and thin 100 % K rules to overprint (press); ``prepare_image`` turns
    a photo into the file to embed (cropped, converted, downsampled); with a
    ``tagger`` every item is marked content (tagged text or an artifact).
    """

    canvas: Canvas
    page_height: float
    rgb: bool = False
    overprint_black: bool = False
    prepare_image: Callable[[ImageItem], tuple[str, ImageItem]] | None = None
    tagger: Tagger | None = None
    _fill_overprint: bool = False
    _stroke_overprint: bool = False

    def fill(self, colour: Colour) -> None:
        """Set the fill colour (and overprint for solid black, when asked)."""
        if self.rgb:
            self.canvas.setFillColorRGB(*colour.to_rgb())
            return
        self.canvas.setFillColorCMYK(colour.c, colour.m, colour.y, colour.k)
        self._overprint_fill(self.overprint_black and colour == BLACK)

    def stroke(self, colour: Colour, weight: float = 0.0) -> None:
        """Set the stroke colour (and overprint for thin solid black rules, when asked)."""
        if self.rgb:
            self.canvas.setStrokeColorRGB(*colour.to_rgb())
            return
        self.canvas.setStrokeColorCMYK(colour.c, colour.m, colour.y, colour.k)
        self._overprint_stroke(self.overprint_black and colour == BLACK and weight <= THIN_RULE)

    def _overprint_fill(self, on: bool) -> None:
        if on != self._fill_overprint:
            self.canvas.setFillOverprint(on)
            if on:
                self.canvas.setOverprintMask(1)
            self._fill_overprint = on

    def _overprint_stroke(self, on: bool) -> None:
        if on != self._stroke_overprint:
            self.canvas.setStrokeOverprint(on)
            if on:
                self.canvas.setOverprintMask(1)
            self._stroke_overprint = on

    def draw(self, item: Item) -> None:
        """Draw one display item (as marked content when tagging)."""
        if self.tagger is None:
            self._draw(item)
        elif isinstance(item, GlyphLines):
            for run in item.runs():
                self.draw(run)
        else:
            begin, end = (self.tagger.text_marks(item, self.page_height) if isinstance(item, GlyphRun)
                          else ("/Artifact BMC", "EMC"))
            self.canvas._code.append(begin)
            self._draw(item)
            self.canvas._code.append(end)

    def _draw(self, item: Item) -> None:
        if isinstance(item, GlyphRun):
            self.glyph_run(item)
        elif isinstance(item, GlyphLines):
            for run in item.runs():
                self.glyph_run(run)
        elif isinstance(item, ImageItem):
            self.image(item)
        elif isinstance(item, RuleItem):
            self.rule(item)
        elif isinstance(item, BoxItem):
            self.box(item)

    def glyph_run(self, run: GlyphRun) -> None:
        """One BT…ET text object: glyphs placed at the engine's x positions with TJ.

        A run scaled across (长体/扁体, a stretched dash) is drawn with horizontal
        scaling (Tz), which scales advances and TJ adjustments too (PDF 1.7 §9.4.4).
        """
        font = register_font(run.font)
        doc = self.canvas._doc
        size, scale = run.size, run.hscale
        self.fill(run.colour)
        codes: list[tuple[int, int]] = []
        for subset, data in font.splitString(run.text, doc):
            codes.extend((subset, byte) for byte in data)
        turn = "0 -1 1 0" if run.rotation == 90 else "1 0 0 1"  # a quarter clockwise: Latin in vertical text
        ops = [f"BT {turn} {_fp(run.xs[0])} {_fp(self.page_height - run.y)} Tm"]
        if scale != 1.0:
            ops.append(f"{_fp(scale * 100)} Tz")
        current, pen, parts = -1, run.xs[0], []
        for (subset, code), ch, x in zip(codes, run.text, run.xs):
            if subset != current:
                if parts:
                    ops.append(f"[{' '.join(parts)}] TJ")
                    parts = []
                ops.append(f"{font.getSubsetInternalName(subset, doc)} {_fp(size)} Tf")
                current = subset
            shift = (x - pen) * 1000.0 / (size * scale)
            if abs(shift) > 0.01:
                parts.append(_fp(-shift))
            parts.append("(" + self.canvas._escape(bytes((code,))) + ")")
            pen = x + font.stringWidth(ch, size) * scale
        if parts:
            ops.append(f"[{' '.join(parts)}] TJ")
        if scale != 1.0:
            ops.append("100 Tz")  # text state outlives ET: put the scaling back
        ops.append("ET")
        self.canvas._code.append(" ".join(ops))

    def image(self, item: ImageItem) -> None:
        """A photo clipped to its frame, scaled so that the crop fills it."""
        if self.prepare_image is not None:
            source, item = self.prepare_image(item)
        else:
            source = image_reader(item)
        r, whole = item.rect, item.image_rect
        left, top, full_w, full_h = whole.x, whole.y, whole.w, whole.h
        c = self.canvas
        c.saveState()
        path = c.beginPath()
        path.rect(r.x, self.page_height - r.bottom, r.w, r.h)
        c.clipPath(path, stroke=0, fill=0)
        c.drawImage(source, left, self.page_height - top - full_h, full_w, full_h)
        c.restoreState()

    def rule(self, item: RuleItem) -> None:
        """A straight line, solid or dashed."""
        self.stroke(item.colour, item.weight)
        self.canvas.setLineWidth(item.weight)
        self.canvas.setDash(list(item.dash) or [], 0)
        h = self.page_height
        self.canvas.line(item.x1, h - item.y1, item.x2, h - item.y2)
        self.canvas.setDash([], 0)

    def box(self, item: BoxItem) -> None:
        """A filled and/or stroked rectangle."""
        r = item.rect
        if item.fill is not None:
            self.fill(item.fill)
        if item.stroke is not None:
            self.stroke(item.stroke, item.weight)
            self.canvas.setLineWidth(item.weight)
            self.canvas.setDash(list(item.dash) or [], 0)
        self.canvas.rect(r.x, self.page_height - r.bottom, r.w, r.h,
                         stroke=int(item.stroke is not None), fill=int(item.fill is not None))
        self.canvas.setDash([], 0)


def draw_page(canvas: Canvas, page: PageDisplay, *, rgb: bool = False, overprint_black: bool = False,
              prepare_image: Callable[[ImageItem], tuple[str, ImageItem]] | None = None,
              tagger: Tagger | None = None) -> None:
    """Draw one page's display list on the canvas's current page."""
    painter = PdfPainter(canvas, page.height, rgb, overprint_black, prepare_image, tagger)
    for item in page.items:
        painter.draw(item)


def char_width(font: str, char: str, size: float) -> float:
    """A character's advance in a font file of fonts/ at a size (for the tagger's anchors)."""
    return register_font(font).stringWidth(char, size)
