"""竖排: vertical text for headlines, kickers and boxed items.

Characters stand one under another in columns that run right to left, each in an
em cell (plus the style's tracking). Brackets, quotes, the dash and the ellipsis
take their vertical presentation forms (U+FE30 block: ︵︶︽︾﹁﹂…) where the font
has them; pause and stop marks keep their glyph and move from the lower left of
the cell to the upper right (mainland position in vertical text, clreq); a number
of one or two digits stands across in one cell (纵中横); a longer Latin word or
number is turned a quarter clockwise and takes its own length down the column. A
mark that may not start a column stays at the foot of the one before (clreq's
line-start rules), hanging below it.
"""

from __future__ import annotations

import re

from layout.engine.block import TextOrigin
from layout.engine.chars import NO_START
from layout.engine.displaylist import GlyphRun, MissingGlyph, Source, pack_glyphs, pack_xs
from layout.engine.fonts import FontChain, chain_for
from layout.engine.result import FrameResult
from layout.engine.runs import EM_BOX_ASCENT
from layout.model.geometry import Rect
from layout.model.styles import TextStyle

VERTICAL_FORMS = dict(zip("（）《》〈〉【】〔〕「」『』“”‘’—…｛｝",
                          "︵︶︽︾︿﹀︻︼︹︺﹁﹂﹃﹄﹁﹂﹃﹄︱︙︷︸"))
UPPER_RIGHT = set("、，。．")  # ink moved from the lower left to the upper right
CENTRED = set("：；！？")
COLUMN_GAP = 0.4  # em between columns
ACROSS = re.compile(r"\d{1,2}(?!\d)")  # 纵中横: a number of one or two digits
TURNED = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%\-/:]*[A-Za-z0-9%]")  # a Latin word or number, turned
DESCENT = 0.12  # em below the baseline in the em box: a turned word's baseline stands this far in


Cell = tuple[int, str]  # where a cell's text starts in its part, and the text


def _cells(text: str) -> list[Cell]:
    """The text cut into cells: a number of one or two digits in one, a longer Latin word
    or number in one (turned), any other character alone."""
    cells: list[Cell] = []
    at = 0
    while at < len(text):
        found = ACROSS.match(text, at) if at == 0 or not text[at - 1].isdigit() else None
        found = found or TURNED.match(text, at)
        if found:
            cells.append((at, found.group()))
            at = found.end()
        else:
            if not text[at].isspace():
                cells.append((at, text[at]))
            at += 1
    return cells


def _turned(cell: str) -> bool:
    return len(cell) > 1 and ACROSS.fullmatch(cell) is None


def _length(chain: FontChain, style: TextStyle, cell: str) -> float:
    """How far down the column a cell reaches: an em and the tracking, or a turned word's width."""
    size = style.size_pt
    if not _turned(cell):
        return size * (1 + style.tracking)
    return sum(chain.lookup.get(ord(ch), (0, 1.0))[1] for ch in cell) * size + style.tracking * size


def _columns(cells: list[Cell], lengths: list[float], height: float) -> list[list[tuple[Cell, float]]]:
    """Cells in columns no longer than ``height``, each with where it starts down its column;
    a cell that may not start a column hangs at the foot of the one before."""
    columns: list[list[tuple[Cell, float]]] = [[]]
    down = 0.0
    for cell, length in zip(cells, lengths):
        if columns[-1] and down + length > height + 1e-6 and cell[1] not in NO_START:
            columns.append([])
            down = 0.0
        columns[-1].append((cell, down))
        down += length
    return columns


def _glyph(chain: FontChain, ch: str) -> tuple[str, int, float] | None:
    """The face name, glyph id and advance (em) of a character, or None if no font has it."""
    entry = chain.lookup.get(ord(ch))
    if entry is None:
        return None
    face = chain.faces[entry[0]]
    return face.name, face.glyph_ids[ord(ch)], entry[1]


def _cell_runs(chain: FontChain, style: TextStyle, cell: str, x: float, top: float, source: Source | None) -> list:
    """The glyph runs of one cell whose em box has its left edge at ``x`` and top at ``top``."""
    size = style.size_pt
    if _turned(cell):
        return _turned_runs(chain, style, cell, x, top, source)
    ch = VERTICAL_FORMS.get(cell, cell) if len(cell) == 1 else cell
    if len(cell) == 1 and ch != cell and ord(ch) not in chain.lookup:
        ch = cell
    found = [_glyph(chain, c) for c in ch]
    if any(f is None for f in found):
        return [MissingGlyph(cell, x, top + EM_BOX_ASCENT * size, size)]
    width = sum(f[2] for f in found) * size
    scale = min(1.0, size / width) if len(ch) > 1 else 1.0  # two digits squeezed into one em
    dx, dy = (size - width * scale) / 2, 0.0
    if cell in UPPER_RIGHT:
        dx, dy = size / 2, -size / 2
    elif cell in CENTRED:
        dx = (size - width) / 2 + size / 4
    baseline = top + dy + EM_BOX_ASCENT * size
    runs, pen = [], x + dx
    for c, (font, gid, advance) in zip(ch, found):
        runs.append(GlyphRun(font, size, style.colour, baseline, c, pack_glyphs([gid]), pack_xs([pen]), scale,
                             source))
        pen += advance * size * scale
    return runs


def _turned_runs(chain: FontChain, style: TextStyle, cell: str, x: float, top: float,
                 source: Source | None) -> list:
    """A Latin word turned a quarter clockwise, reading down the column from ``top``, the
    tops of its letters towards the right of the column: runs that turn about (their
    first x, ``top``), their x positions counting down the column from there."""
    size = style.size_pt
    found = [_glyph(chain, c) for c in cell]
    if any(f is None for f in found):
        return [MissingGlyph(ch, x, top + EM_BOX_ASCENT * size, size) for ch in cell]
    pivot, offsets, at = x + DESCENT * size, [], 0.0
    for f in found:
        offsets.append(at)
        at += f[2] * size
    runs = []
    for font in dict.fromkeys(f[0] for f in found):  # a run a face: one, as a rule
        picked = [k for k, f in enumerate(found) if f[0] == font]
        runs.append(GlyphRun(font, size, style.colour, top + offsets[picked[0]], "".join(cell[k] for k in picked),
                             pack_glyphs([found[k][1] for k in picked]),
                             pack_xs([pivot + offsets[k] - offsets[picked[0]] for k in picked]), 1.0, source, 90))
    return runs


def vertical_block(parts: list[tuple[str, TextStyle]], rect: Rect,
                   origins: list[TextOrigin] | None = None) -> FrameResult:
    """Texts in their styles set vertically in ``rect``: each part in columns from the
    right, the parts one after another leftwards, the block centred across the frame;
    what does not fit is reported. ``origins``: where each part comes from (the runs'
    source tags)."""
    result = FrameResult()
    laid: list[tuple[TextStyle, list[list[tuple[Cell, float]]]]] = []
    for text, style in parts:
        chain, cells = chain_for(style.font), _cells(text)
        height = rect.h + style.tracking * style.size_pt
        laid.append((style, _columns(cells, [_length(chain, style, cell) for _, cell in cells], height)))
    widths = [len(columns) * style.size_pt * (1 + COLUMN_GAP) - COLUMN_GAP * style.size_pt
              for style, columns in laid]
    total = sum(widths) + sum(style.size_pt * COLUMN_GAP for style, _ in laid[1:])
    right = rect.right - max(0.0, (rect.w - total) / 2)
    for number, (style, columns) in enumerate(laid):
        origin = origins[number] if origins else None
        chain = chain_for(style.font)
        size = style.size_pt
        for column in columns:
            x = right - size
            if x < rect.x - 0.01:
                result.problems.append(f"{sum(len(c[1]) for c, _ in column)} characters do not fit in the frame")
                continue
            for (at, cell), down in column:
                source = Source(origin.article, origin.part, 0, at, at + len(cell), origin.frame) if origin else None
                result.items += _cell_runs(chain, style, cell, x, rect.y + down, source)
            right -= size * (1 + COLUMN_GAP)
        right -= size * COLUMN_GAP
    return result
