"""Justify broken lines and position every atom on them (clreq §3.8).

A full line ends exactly at the measure. Too long (after pushing in): space is
taken in clreq's reduction order — word spaces, interpuncts, brackets, pause
marks, Han–Latin spacing, then stops. Too short: every gap between atoms grows
by the same amount, word spaces and Han–Latin gaps alike (clreq: the Han–Latin
gap may stretch, but not alone; putting the stretch there first leaves figures
and Latin words standing in holes); space is never added inside an atom (a Latin
word, a number, ——).
The last line of a paragraph is set flush to its alignment without expansion.

Lines are set many at once, with array arithmetic over all their atoms
(:func:`geometry`); a flow sets all its lines in one go.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from layout.engine.metrics import OPEN, Tier
from layout.engine.prepare import PreparedParagraph

TOLERANCE = 1e-9
JUSTIFY, LEFT, CENTER, RIGHT = range(4)
COLUMNS = Tier.NONE
ALIGN_CODES = {"justify": JUSTIFY, "left": LEFT, "center": CENTER, "right": RIGHT}

# A line to set: (paragraph, start atom, end atom, measure, first line?, last line?, alignment, left edge x).
Line = tuple[PreparedParagraph, int, int, float, bool, bool, str, float]


class SetLine:
    """One line: atoms start..end-1 of a paragraph, the x of each atom's box
    (from the line's left edge x0, see :data:`Line`), and the line's set width."""

    __slots__ = ("p", "start", "end", "atom_xs", "width")

    def __init__(self, p: PreparedParagraph, start: int, end: int, atom_xs: list[float],
                 width: float) -> None:
        self.p = p
        self.start = start
        self.end = end
        self.atom_xs = atom_xs
        self.width = width

    @property
    def chars(self) -> list[str]:
        """The line's characters."""
        return list(self.p.text[self.p.char_at[self.start]:self.p.char_at[self.end]])

    @property
    def xs(self) -> list[float]:
        """The x of each character's glyph."""
        out: list[float] = []
        p = self.p
        for index, x in zip(range(self.start, self.end), self.atom_xs):
            out.extend(x - p.lead[index] + offset for offset in p.info[index].offsets)
        return out


class Geometry(NamedTuple):
    """Lines of one batch, set: for every atom of every line, line after line, its batch
    index (``atom``: an array of them, or a slice of the batch where the lines follow
    one another) and the ``x`` of its box; ``begin[i]`` where line i's atoms start in
    those arrays (one more entry, the total); each line's set ``width``."""

    atom: np.ndarray | slice
    x: np.ndarray
    begin: np.ndarray
    width: np.ndarray


class LineTable(NamedTuple):
    """Lines of one batch as columns, one entry a line: the batch indices of its first
    atom (``start``) and of the atom after its last (``end``), its ``measure``, whether
    it is its paragraph's ``first`` and ``last`` line, its alignment ``code`` (see
    ALIGN_CODES) and its left edge ``x0``."""

    start: np.ndarray
    end: np.ndarray
    measure: np.ndarray
    first: np.ndarray
    last: np.ndarray
    code: np.ndarray
    x0: np.ndarray


def line_table(lines: list[Line]) -> LineTable:
    """The columns of lines whose paragraphs come from one batch."""
    paras, starts, ends, measures, firsts, lasts, aligns, x0s = zip(*lines)
    offsets = np.array([p.first for p in paras], np.int64)
    code = np.array([ALIGN_CODES.get(align, LEFT) for align in aligns])
    return LineTable(offsets + np.array(starts, np.int64), offsets + np.array(ends, np.int64),
                     np.array(measures, float), np.array(firsts, bool), np.array(lasts, bool), code,
                     np.array(x0s, float))


def geometry(a: dict[str, np.ndarray], lines: LineTable) -> Geometry:
    """Justify and position lines of one batch (whose arrays are ``a``)."""
    s, e, measure, first, last, code, x0s = lines
    lengths = e - s
    begin = np.concatenate(([0], lengths.cumsum()))
    lead = a["open_at"][s] + a["start_cut"][s] * ~first  # where the first box starts, before x0
    natural = a["close_at"][e - 1] - lead
    slack = measure - natural
    gaps = a["stretch"][e] - a["stretch"][s + 1]  # the gaps' shares of the added space
    stretch = (code == JUSTIFY) & ~last & (slack > TOLERANCE) & (gaps > TOLERANCE)
    even = np.where(stretch, slack / np.where(stretch, gaps, 1.0), 0.0)
    width = natural + even * gaps
    k = np.arange(begin[-1]) - begin[:-1].repeat(lengths)
    if s[0] + begin[-1] == e[-1] and (s[1:] == e[:-1]).all():  # the lines cover a stretch of the batch
        atom = slice(int(s[0]), int(e[-1]))
    else:
        atom = s.repeat(lengths) + k
    x = a["open_at"][atom] + even.repeat(lengths) * _steps(a, atom, s.repeat(lengths))
    chosen = (slack < -TOLERANCE).nonzero()[0]
    if len(chosen):
        _squeeze(a, (s, e, begin, chosen), -slack[chosen], x, width)
    left = x0s - lead
    if (code >= CENTER).any():
        left += np.where(code == CENTER, (measure - width) / 2, 0.0) + np.where(code == RIGHT, measure - width, 0.0)
    return Geometry(atom, x + left.repeat(lengths), begin, width)


def _steps(a: dict[str, np.ndarray], atom: np.ndarray | slice, start: np.ndarray) -> np.ndarray:
    """The shares of the added space that stand before each atom of lines starting at
    ``start`` (see prepare's ``stretch``)."""
    stretch = a["stretch"]
    after = stretch[atom.start + 1:atom.stop + 1] if isinstance(atom, slice) else stretch[atom + 1]
    return after - stretch[start + 1]


def _some(lines: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For some of the lines (``chosen``): their atoms' batch indices, where they stand in
    the geometry's arrays, their line (0.. among the chosen), where each chosen line's
    atoms start among theirs (one more entry, the total), and each atom's place in its line."""
    s, e, begin, chosen = lines
    lengths = e[chosen] - s[chosen]
    line_of = np.arange(len(chosen)).repeat(lengths)
    starts = np.concatenate(([0], lengths.cumsum()))
    k = np.arange(starts[-1]) - starts[line_of]
    return s[chosen][line_of] + k, begin[chosen][line_of] + k, line_of, starts, k


def _squeeze(a: dict[str, np.ndarray], lines: tuple, amount: np.ndarray, x: np.ndarray, width: np.ndarray) -> None:
    """Lines too long by ``amount`` give up space tier by tier, in clreq's reduction order:
    a bracket or a Han–Latin gap gives its share up before itself, any other atom after.
    ``x`` and every line's ``width`` are updated."""
    atom, where, line_of, begin, _ = _some(lines)
    count = len(amount)
    tier, cls = a["tier"][atom], a["cls"][atom]
    weight, column = _capacities(a, atom, tier, begin)
    capacity = np.bincount(line_of * COLUMNS + column, weight, count * COLUMNS).reshape(count, COLUMNS)
    remaining = amount[:, None] - (capacity.cumsum(axis=1) - capacity)
    active = (remaining > TOLERANCE) & (capacity > 0)
    share = np.where(active, np.minimum(1.0, remaining / np.where(active, capacity, 1.0)), 0.0)
    moved = -weight * share.ravel()[line_of * COLUMNS + column]
    after = (tier != Tier.HAN_LATIN) & (cls != OPEN)  # gives its share up after itself
    running = _line_sums(moved, begin, line_of)
    x[where] += running - moved * after
    width[lines[3]] += running[begin[1:] - 1]


def _line_sums(values: np.ndarray, begin: np.ndarray, line_of: np.ndarray) -> np.ndarray:
    """Running sums of values within each line, up to and with each atom."""
    running = np.concatenate(([0.0], values.cumsum()))
    return running[1:] - running[begin[line_of]]


def _capacities(a: dict[str, np.ndarray], atom: np.ndarray, tier: np.ndarray,
                begin: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What each atom of lines to squeeze can give up (its shrink in its tier), and the
    column of :data:`COLUMNS` (its tier) it counts in. A line's first atom gives up
    nothing, nor its last if a mark whose space is cut at the line's end. ``begin``:
    where each line's atoms start (one more entry, the total)."""
    weight = a["shrink"][atom] * (tier < Tier.NONE)
    weight[begin[:-1]] = 0.0
    ends = begin[1:] - 1
    weight[ends] *= ~((a["end_cut"][atom[ends]] != 0) & (tier[ends] != Tier.HAN_LATIN))
    return weight, np.minimum(tier, Tier.NONE - 1)


def set_lines(lines: list[Line]) -> list[SetLine]:
    """Set lines (from any batches), each justified and positioned."""
    out: list[SetLine | None] = [None] * len(lines)
    for indices in by_batch(lines).values():
        chosen = [lines[i] for i in indices]
        geo = geometry(chosen[0][0].batch.arrays, line_table(chosen))
        xs, begin, width = geo.x.tolist(), geo.begin.tolist(), geo.width.tolist()
        for number, (index, line) in enumerate(zip(indices, chosen)):
            out[index] = SetLine(line[0], line[1], line[2], xs[begin[number]:begin[number + 1]], width[number])
    return out


def by_batch(lines: Sequence[tuple]) -> dict[int, list[int]]:
    """The indices of lines (or of anything whose first field is a prepared paragraph,
    such as a flow's line spans) grouped by the batch their paragraphs were prepared in."""
    if len({id(p.batch) for p in {line[0] for line in lines}}) == 1:
        return {0: list(range(len(lines)))}
    groups: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        groups.setdefault(id(line[0].batch), []).append(index)
    return groups
