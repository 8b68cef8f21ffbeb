"""How evenly set lines are spaced: loose lines, Han–Latin gaps and where the stretch went.

Works on the glyphs of set lines (left edge, advance end, character) in points,
from the display list or from another program's PDF, so that the same measures
compare our setting with Typst's (benchmarks/typeset.py) and hold it in tests.
Definitions (issue 21): a line is loose when two adjacent Chinese characters
stand more than 0.1 em apart; a Han–Latin gap is the space between a Chinese
character and a Latin letter or digit beside it (across a typed space); the
stretch ratio of a line is the extra space at its Han–Latin gaps beyond 1/4 em
over the extra space between its Chinese characters.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence

Glyph = tuple[float, float, str]  # left, right (advance end) and character of a glyph on a line

LOOSE_EM = 0.1
QUARTER = 0.25
STRETCHED_EM = 0.005  # em between Chinese characters that counts a line as stretched


def is_han(ch: str) -> bool:
    """A CJK ideograph."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_latin(ch: str) -> bool:
    """A Latin letter or digit."""
    return ch.isascii() and ch.isalnum()


def full_lines(lines: Iterable[list[Glyph]], width: float, size: float) -> list[list[Glyph]]:
    """The lines that reach the right edge (a paragraph's last line does not), each sorted."""
    out = []
    for glyphs in lines:
        glyphs = sorted(glyphs)
        if glyphs and glyphs[-1][1] >= width - size / 2:
            out.append(glyphs)
    return out


def han_gaps(glyphs: Sequence[Glyph]) -> list[float]:
    """The space between each two adjacent Chinese characters of a line (points)."""
    return [b[0] - a[1] for a, b in zip(glyphs, glyphs[1:]) if is_han(a[2]) and is_han(b[2])]


def han_latin_gaps(glyphs: Sequence[Glyph]) -> list[float]:
    """The space between each Chinese character and a Latin letter or digit beside it,
    a typed space between them included (points)."""
    solid = [g for g in glyphs if not g[2].isspace()]
    gaps = []
    for a, b in zip(solid, solid[1:]):
        if (is_han(a[2]) and is_latin(b[2])) or (is_latin(a[2]) and is_han(b[2])):
            gaps.append(b[0] - a[1])
    return gaps


def loose_per_1000(lines: Iterable[list[Glyph]], width: float, size: float) -> float:
    """Of the full lines, how many in a thousand have two adjacent Chinese characters
    more than LOOSE_EM apart."""
    full = full_lines(lines, width, size)
    loose = sum(1 for glyphs in full if max(han_gaps(glyphs), default=0.0) > LOOSE_EM * size + 0.01)
    return round(1000 * loose / max(len(full), 1), 1)


def han_latin_gap_median_em(lines: Iterable[list[Glyph]], width: float, size: float) -> float:
    """The median Han–Latin gap over the full lines, in em."""
    gaps = [gap for glyphs in full_lines(lines, width, size) for gap in han_latin_gaps(glyphs)]
    return round(statistics.median(gaps) / size, 3) if gaps else 0.0


def stretch_ratio_latin_to_han(lines: Iterable[list[Glyph]], width: float, size: float) -> float:
    """The median over stretched full lines with Han–Latin gaps of the mean extra space at
    those gaps beyond 1/4 em over the mean extra space between Chinese characters."""
    ratios = []
    for glyphs in full_lines(lines, width, size):
        latin, han = han_latin_gaps(glyphs), han_gaps(glyphs)
        if not latin or not han:
            continue
        han_extra = statistics.mean(han) / size
        if han_extra < STRETCHED_EM:
            continue
        latin_extra = statistics.mean(latin) / size - QUARTER
        ratios.append(max(latin_extra, 0.0) / han_extra)
    return round(statistics.median(ratios), 2) if ratios else 0.0
