"""Break and place the plain lines of a flow all at once, with array arithmetic.

Most lines of Chinese body text need nothing but an even share of the slack:
their glyphs stand at their natural places, shifted. Such lines are set for a
whole flow at once (:func:`place_plain`). Every other line goes the general
way, line by line (``justify``, ``runs``), which gives the same result.
"""

from __future__ import annotations

import numpy as np

from layout.engine.displaylist import GlyphRun
from layout.engine.prepare import PreparedParagraph

TOLERANCE = 1e-9
JUSTIFY, LEFT, CENTER, RIGHT = range(4)
ALIGN_CODES = {"justify": JUSTIFY, "left": LEFT, "center": CENTER, "right": RIGHT}

# A line to set: (paragraph, start, end, measure, first line?, last line?, alignment, left edge x, baseline y).
Line = tuple[PreparedParagraph, int, int, float, bool, bool, str, float, float]


def place_plain(lines: list[Line]) -> list[GlyphRun | None]:
    """Each line's glyph run when it is plain (one run, one face, nothing to compress, no
    word or Han–Latin space to grow), else None; computed batch by batch."""
    out: list[GlyphRun | None] = [None] * len(lines)
    groups: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line[0].size0:
            groups.setdefault(id(line[0].batch), []).append(index)
    for indices in groups.values():
        for index, run in zip(indices, _place([lines[i] for i in indices])):
            out[index] = run
    return out


def _place(lines: list[Line]) -> list[GlyphRun | None]:
    """Glyph runs of lines from one batch (None where a line is not plain)."""
    paras, starts, ends, measures, firsts, lasts, aligns, x0s, baselines = zip(*lines)
    batch = paras[0].batch
    a = batch.arrays
    offsets = np.array([p.first for p in paras], np.int64)
    s, e = offsets + np.array(starts, np.int64), offsets + np.array(ends, np.int64)
    measure, first, last = np.array(measures), np.array(firsts, bool), np.array(lasts, bool)
    code = np.array([ALIGN_CODES.get(align, LEFT) for align in aligns])
    left = np.where(first, a["open_at"][s], a["open_cut"][s])
    natural = a["close_at"][e - 1] - left
    slack = measure - natural
    stretch = (code == JUSTIFY) & ~last & (slack > TOLERANCE)
    gaps = e - s - 1
    flexible = ((a["spaces"][np.maximum(e - 1, s + 1)] - a["spaces"][s + 1] > 0)
                | (a["gapped"][e] - a["gapped"][s + 1] > 0))
    plain = (a["fancy"][e] == a["fancy"][s]) & (slack >= -TOLERANCE) & ~(stretch & ((gaps == 0) | flexible))
    even = np.where(stretch, slack / np.maximum(gaps, 1), 0.0)
    shift = np.array(x0s) - left + np.select([code == CENTER, code == RIGHT], [slack / 2, slack], 0.0)
    chosen = np.flatnonzero(plain)
    lengths = (e - s)[chosen]
    begin = np.cumsum(lengths) - lengths
    line_of = np.repeat(np.arange(len(chosen)), lengths)
    k = np.arange(int(lengths.sum())) - begin[line_of]
    atom = s[chosen][line_of] + k
    xs = (a["ink_x"][atom] + shift[chosen][line_of] + even[chosen][line_of] * k).tolist()
    glyphs = a["glyph0"][atom].tolist()
    char_from, char_to = a["char_at"][s[chosen]].tolist(), a["char_at"][e[chosen]].tolist()
    out: list[GlyphRun | None] = [None] * len(lines)
    text = batch.text
    for number, (index, low, high) in enumerate(zip(chosen.tolist(), begin.tolist(), (begin + lengths).tolist())):
        p, run = paras[index], paras[index].runs[0]
        out[index] = GlyphRun(run.chain.faces[0].name, p.size0, run.colour, baselines[index],
                              text[char_from[number]:char_to[number]], tuple(glyphs[low:high]), tuple(xs[low:high]))
    return out
