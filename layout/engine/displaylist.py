"""The display list: what a page looks like, as positioned glyph runs, images and rules.

Page coordinates in points, origin at the top-left of the trimmed page, y down.
Renderers (PDF, screen, PNG) replay these items and decide nothing. ``dump``
writes a plain-text form for golden tests that diff well.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from layout.model.colour import Colour
from layout.model.geometry import Rect

GLYPH_TYPE, X_TYPE = "i", "d"  # how runs pack glyph ids and x positions: native int32 and float64
INDEX_TYPE = "q"  # how line blocks pack where each line starts: native int64
GLYPH_SIZE, X_SIZE = array(GLYPH_TYPE).itemsize, array(X_TYPE).itemsize


class GlyphRun(NamedTuple):
    """Glyphs of one font file at one size and colour on one baseline ``y``.

    Their ids and the x of each are packed as bytes (``packed_glyphs``,
    ``packed_xs``, see :func:`pack_glyphs`): compact, immutable, and not followed
    by the garbage collector; ``glyphs`` and ``xs`` read them as sequences.
    (A named tuple: runs are made by the thousand on every layout.)
    """

    font: str
    size: float
    colour: Colour
    y: float
    text: str
    packed_glyphs: bytes
    packed_xs: bytes
    hscale: float = 1.0

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
    ``packed_starts``, ``packed_ys``).
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

    @property
    def ys(self) -> memoryview:
        """Each line's baseline."""
        return memoryview(self.packed_ys).cast(X_TYPE)

    def runs(self) -> list[GlyphRun]:
        """Each line as a glyph run."""
        chars = memoryview(self.packed_chars).cast(INDEX_TYPE).tolist()
        starts = memoryview(self.packed_starts).cast(INDEX_TYPE).tolist()
        glyphs, xs, text = self.packed_glyphs, self.packed_xs, self.text
        return [GlyphRun(self.font, self.size, self.colour, y, text[c0:c1], glyphs[g0 * GLYPH_SIZE:g1 * GLYPH_SIZE],
                         xs[g0 * X_SIZE:g1 * X_SIZE])
                for y, c0, c1, g0, g1 in zip(self.ys.tolist(), chars, chars[1:], starts, starts[1:])]


def pack_glyphs(values: Iterable[int]) -> bytes:
    """Glyph ids packed as a run holds them."""
    return array(GLYPH_TYPE, values).tobytes()


def pack_xs(values: Iterable[float]) -> bytes:
    """x positions packed as a run holds them."""
    return array(X_TYPE, values).tobytes()


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
    def ppi(self) -> float:
        """Effective resolution at the placed size: pixels per inch of the crop."""
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


@dataclass(frozen=True, slots=True)
class BoxItem:
    """A filled and/or stroked rectangle; ``dash`` is a PDF dash pattern (empty: solid)."""

    rect: Rect
    fill: Colour | None = None
    stroke: Colour | None = None
    weight: float = 0.5
    dash: tuple[float, ...] = ()


Item = GlyphRun | GlyphLines | MissingGlyph | ImageItem | PlaceholderItem | RuleItem | BoxItem


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


def dump_item(item: Item) -> str:
    """One line of text for one item (of a :class:`GlyphLines`, one a line)."""
    if isinstance(item, GlyphLines):
        return "\n".join(map(dump_item, item.runs()))
    if isinstance(item, GlyphRun):
        xs = " ".join(_f(x) for x in item.xs)
        scale = f" hscale={item.hscale:.3f}" if item.hscale != 1.0 else ""
        return (f"T {item.font} {_f(item.size)} {_colour(item.colour)} y={_f(item.y)}{scale} "
                f"{item.text!r} x=[{xs}]")
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


def dump(page: PageDisplay) -> str:
    """The whole page as text, one item a line."""
    head = f"page {page.number} {_f(page.width)}x{_f(page.height)}"
    return "\n".join([head, *(dump_item(item) for item in page.items)]) + "\n"
