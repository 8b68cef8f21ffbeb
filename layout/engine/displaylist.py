"""The display list: what a page looks like, as positioned glyph runs, images and rules.

Page coordinates in points, origin at the top-left of the trimmed page, y down.
Renderers (PDF, screen, PNG) replay these items and decide nothing. ``dump``
writes a plain-text form for golden tests that diff well.

Text items carry where their characters come from (:class:`Source`: the article,
which part of it, the paragraph and the character range), as a tag: "what is
under the pointer" is a lookup (:meth:`PageDisplay.source_at`), and a tagged
PDF can give its text the document's structure.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from layout.model.colour import Colour
from layout.model.geometry import Rect

GLYPH_TYPE, X_TYPE = "i", "d"  # how runs pack glyph ids and x positions: native int32 and float64
INDEX_TYPE = "q"  # how line blocks pack where each line starts: native int64
GLYPH_SIZE, X_SIZE = array(GLYPH_TYPE).itemsize, array(X_TYPE).itemsize


SOURCE_TYPE = "q"  # how line blocks pack each line's paragraph, start and end: native int64


class Source(NamedTuple):
    """Where a text item's characters come from: ``part`` of ``article`` ("body",
    "byline", "kicker", "title", "subtitle", "jump"; for a frame's own text "caption",
    "credit", "label", "section", "folio", with ``article`` empty and the ``frame`` named; empty
    while the engine has not said), its
    ``paragraph`` (the article's paragraph index for the body, else 0) and the
    characters ``start``..``end - 1`` of that paragraph's (or that text's) string."""

    article: str
    part: str
    paragraph: int
    start: int
    end: int
    frame: str = ""


class GlyphRun(NamedTuple):
    """Glyphs of one font file at one size and colour on one baseline ``y``.

    Their ids and the x of each are packed as bytes (``packed_glyphs``,
    ``packed_xs``, see :func:`pack_glyphs`): compact, immutable, and not followed
    by the garbage collector; ``glyphs`` and ``xs`` read them as sequences.
    ``hscale`` scales the glyphs across (长体/扁体); ``rotation`` 90 turns the whole run a
    quarter clockwise about (xs[0], y), its x positions then running down the page
    (a Latin word in vertical text). (A named tuple: runs are made by the thousand on
    every layout.)
    """

    font: str
    size: float
    colour: Colour
    y: float
    text: str
    packed_glyphs: bytes
    packed_xs: bytes
    hscale: float = 1.0
    source: Source | None = None
    rotation: int = 0

    @property
    def glyphs(self) -> memoryview:
        """The glyph ids, in order."""
        return memoryview(self.packed_glyphs).cast(GLYPH_TYPE)

    @property
    def xs(self) -> memoryview:
        """The x of each glyph's origin, in points."""
        return memoryview(self.packed_xs).cast(X_TYPE)


class GlyphLines(NamedTuple):
    """Lines of glyphs of one font file at one size and colour, one glyph run a line,
    kept together: how a flow hands over its body text, so that a column of lines is a
    few objects, not one a line. :meth:`runs` gives the lines as :class:`GlyphRun`.

    ``text`` holds the lines' characters one after another, and line k's are
    ``text[chars[k]:chars[k + 1]]``; its glyphs are ``starts[k]``..``starts[k + 1] - 1``
    of the packed glyph ids and x positions; ``ys`` are the baselines. The offsets
    and baselines are packed as bytes like a run's glyphs (``packed_chars``,
    ``packed_starts``, ``packed_ys``). Each line's source is ``part`` of ``article``,
    with its paragraph, start and end packed three int64 a line (``packed_sources``).
    """

    font: str
    size: float
    colour: Colour
    text: str
    packed_chars: bytes
    packed_starts: bytes
    packed_ys: bytes
    packed_glyphs: bytes
    packed_xs: bytes
    article: str = ""
    part: str = ""
    packed_sources: bytes = b""

    @property
    def ys(self) -> memoryview:
        """Each line's baseline."""
        return memoryview(self.packed_ys).cast(X_TYPE)

    def sources(self) -> list[Source | None]:
        """Each line's source (None for lines of a block made without them)."""
        values = memoryview(self.packed_sources).cast(SOURCE_TYPE).tolist()
        if not values:
            return [None] * (len(self.packed_ys) // X_SIZE)
        return [Source(self.article, self.part, *values[k:k + 3]) for k in range(0, len(values), 3)]

    def first_run(self) -> GlyphRun | None:
        """The first line as a glyph run (None when there are no lines), without the others."""
        if len(self.packed_ys) < X_SIZE:
            return None
        chars = memoryview(self.packed_chars).cast(INDEX_TYPE)
        starts = memoryview(self.packed_starts).cast(INDEX_TYPE)
        g0, g1 = starts[0], starts[1]
        values = memoryview(self.packed_sources).cast(SOURCE_TYPE)[:3].tolist()
        source = Source(self.article, self.part, *values) if values else None
        return GlyphRun(self.font, self.size, self.colour, self.ys[0], self.text[chars[0]:chars[1]],
                        self.packed_glyphs[g0 * GLYPH_SIZE:g1 * GLYPH_SIZE], self.packed_xs[g0 * X_SIZE:g1 * X_SIZE],
                        1.0, source)

    def runs(self) -> list[GlyphRun]:
        """Each line as a glyph run."""
        chars = memoryview(self.packed_chars).cast(INDEX_TYPE).tolist()
        starts = memoryview(self.packed_starts).cast(INDEX_TYPE).tolist()
        glyphs, xs, text = self.packed_glyphs, self.packed_xs, self.text
        return [GlyphRun(self.font, self.size, self.colour, y, text[c0:c1], glyphs[g0 * GLYPH_SIZE:g1 * GLYPH_SIZE],
                         xs[g0 * X_SIZE:g1 * X_SIZE], 1.0, source)
                for y, c0, c1, g0, g1, source in zip(self.ys.tolist(), chars, chars[1:], starts, starts[1:],
                                                     self.sources())]


def pack_glyphs(values: Iterable[int]) -> bytes:
    """Glyph ids packed as a run holds them."""
    return array(GLYPH_TYPE, values).tobytes()


def pack_xs(values: Iterable[float]) -> bytes:
    """x positions packed as a run holds them."""
    return array(X_TYPE, values).tobytes()


def tagged(items: Iterable[Item], article: str, part: str | None = None, *, frame: str = "",
           offset: int = 0, paragraph: int | None = None) -> list[Item]:
    """The items with their text's source given ``article`` (and ``frame``); with ``part``
    the part too, with ``paragraph`` that paragraph, and ``offset`` added to the ranges
    (a paragraph's place in a longer text)."""
    out: list[Item] = []
    for item in items:
        kind = type(item)
        if kind is GlyphRun and item.source is not None:
            s = item.source
            out.append(item._replace(source=Source(article, part or s.part, s.paragraph if paragraph is None
                                                   else paragraph, s.start + offset, s.end + offset, frame)))
        elif kind is GlyphLines:
            out.append(item._replace(article=article, part=part or item.part))
        else:
            out.append(item)
    return out


@dataclass(frozen=True, slots=True)
class MissingGlyph:
    """A character that no font has: drawn as a visible box, never dropped."""

    char: str
    x: float
    y: float
    size: float


@dataclass(frozen=True, slots=True)
class ImageItem:
    """A photo: ``crop`` is the part of the source image shown, as fractions (0..1)
    of the image as it is meant to be seen (EXIF ``orientation`` applied)."""

    path: str
    rect: Rect
    crop: Rect
    pixel_size: tuple[int, int]
    orientation: int = 1
    mode: str = "RGB"

    @property
    def image_rect(self) -> Rect:
        """Where the whole image lies on the page, scaled so that its crop fills ``rect``
        (the one place this is worked out: the PDF, the screen's crop tool)."""
        r, crop = self.rect, self.crop
        width, height = r.w / crop.w, r.h / crop.h
        return Rect(r.x - crop.x * width, r.y - crop.y * height, width, height)

    @property
    def ppi(self) -> float:
        """Effective resolution at the placed size: pixels per inch of the crop."""
        if self.rect.w <= 0 or self.rect.h <= 0:
            return math.inf  # shown at no size: no resolution is too low
        across = self.crop.w * self.pixel_size[0] / (self.rect.w / 72.0)
        down = self.crop.h * self.pixel_size[1] / (self.rect.h / 72.0)
        return min(across, down)


@dataclass(frozen=True, slots=True)
class PlaceholderItem:
    """An empty or broken photo slot: a grey box with a cross and a message."""

    rect: Rect
    message: str


@dataclass(frozen=True, slots=True)
class RuleItem:
    """A straight line; ``dash`` is a PDF dash pattern (empty: solid)."""

    x1: float
    y1: float
    x2: float
    y2: float
    weight: float
    colour: Colour
    dash: tuple[float, ...] = ()
    layer: int | None = None  # drawn with this layer (a marker: with what it marks), not with the rules


@dataclass(frozen=True, slots=True)
class BoxItem:
    """A filled and/or stroked rectangle; ``dash`` is a PDF dash pattern (empty: solid)."""

    rect: Rect
    fill: Colour | None = None
    stroke: Colour | None = None
    weight: float = 0.5
    dash: tuple[float, ...] = ()
    layer: int | None = None  # drawn with this layer (a marker: with what it marks), not with the tints


Item = GlyphRun | GlyphLines | MissingGlyph | ImageItem | PlaceholderItem | RuleItem | BoxItem

PHOTO_LAYER, TEXT_LAYER = 1, 3  # the drawing order of a page: tints and boxes 0, photos 1, rules 2, text 3
PLACEHOLDER_FILL = Colour(0, 0, 0, 0.12)
PLACEHOLDER_STROKE = Colour(0, 0, 0, 0.6)
MISSING_MARK = Colour(0, 1, 1, 0)  # a red that no page colour is


def placeholder_marks(rect: Rect) -> list[Item]:
    """How an empty or broken photo slot looks: a grey box with a cross. The engine puts
    these items after each :class:`PlaceholderItem` (which renderers do not draw)."""
    return [BoxItem(rect, fill=PLACEHOLDER_FILL, stroke=PLACEHOLDER_STROKE, weight=0.5, layer=PHOTO_LAYER),
            RuleItem(rect.x, rect.y, rect.right, rect.bottom, 0.5, PLACEHOLDER_STROKE, layer=PHOTO_LAYER),
            RuleItem(rect.x, rect.bottom, rect.right, rect.y, 0.5, PLACEHOLDER_STROKE, layer=PHOTO_LAYER)]


def missing_marks(item: MissingGlyph) -> list[Item]:
    """How a character no font has looks: a red box with a cross, one em wide. The engine
    puts these items after each :class:`MissingGlyph` (which renderers do not draw)."""
    s = item.size
    top = item.y - 0.88 * s
    weight = max(0.3, s / 20)
    return [BoxItem(Rect(item.x + s * 0.05, top + s * 0.05, s * 0.9, s * 0.9), stroke=MISSING_MARK, weight=weight,
                    layer=TEXT_LAYER),
            RuleItem(item.x, top, item.x + s, top + s, weight, MISSING_MARK, layer=TEXT_LAYER)]


def line_by_line(items: Iterable[Item]) -> Iterator[Item]:
    """The items in order, with the lines of each :class:`GlyphLines` as glyph runs."""
    for item in items:
        if type(item) is GlyphLines:
            yield from item.runs()
        else:
            yield item


@dataclass
class PageDisplay:
    """The display list of one page."""

    number: int
    width: float
    height: float
    items: list[Item] = field(default_factory=list)

    def source_at(self, x: float, y: float) -> Source | None:
        """The source of the text under the point (x, y): of the line whose baseline band
        holds y and whose glyphs span x (a little room to each side)."""
        for item in line_by_line(self.items):
            if type(item) is not GlyphRun or item.source is None:
                continue
            xs = item.xs
            if xs and item.y - item.size <= y <= item.y + item.size * 0.3 \
                    and xs[0] - item.size * 0.5 <= x <= xs[-1] + item.size * 1.5:
                return item.source
        return None

    def text(self) -> str:
        """The page's characters in drawing order (missing ones included)."""
        return "".join(
            item.text if isinstance(item, (GlyphRun, GlyphLines)) else item.char
            for item in self.items
            if isinstance(item, (GlyphRun, GlyphLines, MissingGlyph))
        )


def _f(value: float) -> str:
    return f"{value:.2f}"


def _colour(colour: Colour | None) -> str:
    if colour is None:
        return "none"
    return "cmyk(" + ",".join(f"{v:g}" for v in colour.to_percent()) + ")"


def _rect(rect: Rect) -> str:
    return f"{_f(rect.x)} {_f(rect.y)} {_f(rect.w)} {_f(rect.h)}"


def _source(source: Source | None) -> str:
    if source is None:
        return " src=none"
    frame = f"@{source.frame}" if source.frame else ""
    return f" src={source.article}/{source.part}/{source.paragraph}:{source.start}-{source.end}{frame}"


def dump_item(item: Item, sources: bool = False) -> str:
    """One line of text for one item (of a :class:`GlyphLines`, one a line); with ``sources``
    a text line ends with its source (``src=ARTICLE/PART/PARAGRAPH:START-END@FRAME``)."""
    if isinstance(item, GlyphLines):
        return "\n".join(dump_item(run, sources) for run in item.runs())
    if isinstance(item, GlyphRun):
        xs = " ".join(_f(x) for x in item.xs)
        scale = (f" hscale={item.hscale:.3f}" if item.hscale != 1.0 else "") + (
            f" rot={item.rotation}" if item.rotation else "")
        return (f"T {item.font} {_f(item.size)} {_colour(item.colour)} y={_f(item.y)}{scale} "
                f"{item.text!r} x=[{xs}]" + (_source(item.source) if sources else ""))
    if isinstance(item, MissingGlyph):
        return f"M U+{ord(item.char):04X} {_f(item.size)} {_f(item.x)} {_f(item.y)}"
    if isinstance(item, ImageItem):
        return (f"I {item.path} {_rect(item.rect)} crop={_rect(item.crop)} px={item.pixel_size} "
                f"orientation={item.orientation} {item.mode} ppi={item.ppi:.0f}")
    if isinstance(item, PlaceholderItem):
        return f"P {_rect(item.rect)} {item.message!r}"
    if isinstance(item, RuleItem):
        ends = " ".join(_f(v) for v in (item.x1, item.y1, item.x2, item.y2))
        return f"R {ends} w={_f(item.weight)} {_colour(item.colour)} dash={list(item.dash)}"
    return (f"B {_rect(item.rect)} fill={_colour(item.fill)} stroke={_colour(item.stroke)} "
            f"w={_f(item.weight)} dash={list(item.dash)}")


def dump(page: PageDisplay, sources: bool = False) -> str:
    """The whole page as text, one item a line (text lines with their sources, if asked)."""
    head = f"page {page.number} {_f(page.width)}x{_f(page.height)}"
    return "\n".join([head, *(dump_item(item, sources) for item in page.items)]) + "\n"
