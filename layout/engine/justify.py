"""Justify broken lines and position every atom on them (clreq §3.8).

A full line ends exactly at the measure. Too long (after pushing in): space is
taken in clreq's reduction order — word spaces, interpuncts, brackets, pause
marks, Han–Latin spacing, then stops. Too short: word spaces grow to 1/2 em,
Han–Latin spacing to 1/3 em, then every remaining gap between atoms grows
equally; space is never added inside an atom (a Latin word, a number, ——).
The last line of a paragraph is set flush to its alignment without expansion.

Lines are set many at once, with array arithmetic over all their atoms
(:func:`geometry`); a flow sets all its lines in one go.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from layout.engine.metrics import HAN_LATIN_SPACE, OPEN, SPACE, Tier
from layout.engine.prepare import PreparedParagraph

SPACE_MAX = 0.5  # em: a word space grows to no more than 1/2 em
HAN_LATIN_MAX = 1 / 3  # em: many styles cap Han–Latin spacing at 1/3 em
TOLERANCE = 1e-9
JUSTIFY, LEFT, CENTER, RIGHT = range(4)
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
    index ``atom`` and the ``x`` of its box; ``begin[i]`` where line i's atoms start in
    those arrays (one more entry, the total); each line's set ``width``."""

    atom: np.ndarray
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
    begin = np.concatenate(([0], np.cumsum(lengths)))
    natural = a["close_at"][e - 1] - np.where(first, a["open_at"][s], a["open_cut"][s])
    slack = measure - natural
    stretch = (code == JUSTIFY) & ~last & (slack > TOLERANCE) & (lengths > 1)
    even = np.where(stretch, slack / np.maximum(lengths - 1, 1), 0.0)
    width = natural + even * (lengths - 1)
    line_of = np.repeat(np.arange(len(s)), lengths)
    k = np.arange(begin[-1]) - begin[line_of]
    if s[0] + begin[-1] == e[-1] and (s[1:] == e[:-1]).all():  # the lines cover a stretch of the batch
        atom, base = np.arange(s[0], e[-1]), a["open_at"][s[0]:e[-1]]
    else:
        atom = s[line_of] + k
        base = a["open_at"][atom]
    x = base + even[line_of] * k
    squeezed = np.flatnonzero(slack < -TOLERANCE)
    if len(squeezed):
        _squeeze(a, (s, e, begin, squeezed), -slack[squeezed], x, width)
    flexible = np.flatnonzero(stretch & ((a["spaces"][np.maximum(e - 1, s + 1)] - a["spaces"][s + 1] > 0)
                                         | (a["gapped"][e] - a["gapped"][s + 1] > 0)))
    if len(flexible):
        _stretch(a, (s, e, begin, flexible), slack[flexible], x, (even, width))
    shift = np.where(code == CENTER, (measure - width) / 2, 0.0) + np.where(code == RIGHT, measure - width, 0.0)
    left = x0s - np.where(first, 0.0, a["start_cut"][s]) - a["open_at"][s] + shift
    return Geometry(atom, x + left[line_of], begin, width)


def _some(lines: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple]:
    """For some of the lines (``chosen``): their atoms' batch indices, where they stand in
    the geometry's arrays, their line (0.. among the chosen), their place in it, and
    the spans (line, place, the line's last atom, how many lines) the sums need."""
    s, e, begin, chosen = lines
    lengths = e[chosen] - s[chosen]
    line_of = np.repeat(np.arange(len(chosen)), lengths)
    k = np.arange(int(lengths.sum())) - (np.cumsum(lengths) - lengths)[line_of]
    atom = s[chosen][line_of] + k
    return atom, begin[chosen][line_of] + k, line_of, np.concatenate(([0], np.cumsum(lengths))), \
        (line_of, k, e[chosen][line_of] - 1, len(chosen))


def _squeeze(a: dict[str, np.ndarray], lines: tuple, excess: np.ndarray, x: np.ndarray, width: np.ndarray) -> None:
    """Lines too long by ``excess``: each atom gives up its share (a bracket or a Han–Latin
    gap gives it up before itself, any other atom after)."""
    atom, where, line_of, begin, spans = _some(lines)
    taken = _taken(a, atom, spans, excess)
    before = (a["tier"][atom] == Tier.HAN_LATIN) | (a["cls"][atom] == OPEN)
    taken_sum = _line_sums(taken, begin, line_of)
    x[where] += np.where(before, 0.0, taken) - taken_sum
    width[lines[3]] -= taken_sum[begin[1:] - 1]


def _stretch(a: dict[str, np.ndarray], lines: tuple, slack: np.ndarray, x: np.ndarray,
             spread: tuple[np.ndarray, np.ndarray]) -> None:
    """Lines with word spaces or Han–Latin gaps to grow: those take the slack first, the
    rest is shared evenly (``spread``: every line's even share and width, updated)."""
    atom, where, line_of, begin, spans = _some(lines)
    even, width = spread
    chosen = lines[3]
    added, new_even = _added(a, atom, spans, slack)
    change = new_even - even[chosen]
    added_sum = _line_sums(added, begin, line_of)
    x[where] += added_sum + change[line_of] * spans[1]
    width[chosen] += added_sum[begin[1:] - 1] + change * (np.diff(begin) - 1)
    even[chosen] = new_even


def _line_sums(values: np.ndarray, begin: np.ndarray, line_of: np.ndarray) -> np.ndarray:
    """Running sums of values within each line, up to and with each atom."""
    running = np.concatenate(([0.0], np.cumsum(values)))
    return running[1:] - running[begin[line_of]]


def _taken(a: dict[str, np.ndarray], atom: np.ndarray, spans: tuple, excess: np.ndarray) -> np.ndarray:
    """How much each atom gives up, tier by tier, to remove each line's ``excess`` points
    (every atom but the first may shrink; a line-end mark's space is cut, not shrunk)."""
    line_of, k, last, count = spans
    shrink, tier = a["shrink"][atom], a["tier"][atom]
    cut_at_end = (atom == last) & (a["end_cut"][atom] != 0) & (tier != Tier.HAN_LATIN)
    weights = np.where((k > 0) & (shrink > 0) & ~cut_at_end & (excess[line_of] > 0), shrink, 0.0)
    if not weights.any():
        return weights
    capacity = np.bincount(line_of * (Tier.NONE + 1) + tier, weights, count * (Tier.NONE + 1))
    capacity = capacity.reshape(count, Tier.NONE + 1)
    share = np.zeros_like(capacity)
    for rank in np.flatnonzero(capacity[:, :Tier.NONE].any(axis=0)).tolist():
        room = capacity[:, rank]
        active = (excess > TOLERANCE) & (room > 0)
        share[:, rank] = np.where(active, np.minimum(1.0, excess / np.where(active, room, 1.0)), 0.0)
        excess = excess - room * share[:, rank]
    return weights * share.ravel()[line_of * (Tier.NONE + 1) + tier]


def _added(a: dict[str, np.ndarray], atom: np.ndarray, spans: tuple,
           slack: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Space added before particular atoms (word spaces up to 1/2 em, then Han–Latin space
    up to 1/3 em), and the amount then added before every atom but the first of a line."""
    line_of, k, last, count = spans
    em, stretching = a["em"][atom], (k > 0) & (slack[line_of] > 0)
    spaces = stretching & (a["cls"][atom] == SPACE) & (atom < last)
    added = np.zeros(len(atom))
    for room in (np.where(spaces, np.maximum(0.0, SPACE_MAX * em - a["width"][atom]), 0.0),
                 np.where(stretching & (a["gap"][atom] != 0), (HAN_LATIN_MAX - HAN_LATIN_SPACE) * em, 0.0)):
        total = np.bincount(line_of, room, count)
        active = (total > 0) & (slack > TOLERANCE)
        share = np.where(active, np.minimum(1.0, slack / np.where(active, total, 1.0)), 0.0)
        added += room * share[line_of]
        slack = slack - total * share
    gaps = np.bincount(line_of, k > 0, count)
    return added, np.where((slack > TOLERANCE) & (gaps > 0), slack / np.maximum(gaps, 1), 0.0)


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


def by_batch(lines: list[Line]) -> dict[int, list[int]]:
    """The lines' indices grouped by the batch their paragraphs were prepared in."""
    if len({id(p.batch) for p in {line[0] for line in lines}}) == 1:
        return {0: list(range(len(lines)))}
    groups: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        groups.setdefault(id(line[0].batch), []).append(index)
    return groups
