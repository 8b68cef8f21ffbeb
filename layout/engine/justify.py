"""Justify a broken line and position every atom on it (clreq §3.8).

A full line ends exactly at the measure. Too long (after pushing in): space is
taken in clreq's reduction order — word spaces, interpuncts, brackets, pause
marks, Han–Latin spacing, then stops. Too short: word spaces grow to 1/2 em,
Han–Latin spacing to 1/3 em, then every remaining gap between atoms grows
equally; space is never added inside an atom (a Latin word, a number, ——).
The last line of a paragraph is set flush to its alignment without expansion.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, repeat
from operator import add

from layout.engine.metrics import HAN_LATIN_SPACE, OPEN, Tier
from layout.engine.prepare import PreparedParagraph

SPACE_MAX = 0.5  # em: a word space grows to no more than 1/2 em
HAN_LATIN_MAX = 1 / 3  # em: many styles cap Han–Latin spacing at 1/3 em


class SetLine:
    """One line: atoms start..end-1 of a paragraph, the x of each atom's box
    (from the x0 given to :func:`set_line`), and the line's set width."""

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


def _reduce(p: PreparedParagraph, start: int, end: int, excess: float) -> dict[int, float]:
    """How much each atom gives up, tier by tier, to remove ``excess`` points."""
    taken: dict[int, float] = {}
    last = end - 1
    candidates = [i for i in range(start + 1, end) if p.shrink[i] > 0
                  and not (i == last and p.end_cut[i] and p.tier[i] != Tier.HAN_LATIN)]
    for tier in range(Tier.NONE):
        if excess <= 1e-9:
            break
        members = [i for i in candidates if p.tier[i] == tier]
        capacity = sum(p.shrink[i] for i in members)
        if capacity <= 0:
            continue
        share = min(1.0, excess / capacity)
        for i in members:
            taken[i] = p.shrink[i] * share
        excess -= capacity * share
    return taken


def _grow(added: dict[int, float], room: dict[int, float], slack: float) -> float:
    """Give each atom up to its room, evenly in proportion; return what is left."""
    total = sum(room.values())
    if total <= 0 or slack <= 1e-9:
        return slack
    share = min(1.0, slack / total)
    for i, r in room.items():
        added[i] = added.get(i, 0.0) + r * share
    return slack - total * share


def _within(indices: list[int], low: int, high: int) -> list[int]:
    """The sorted indices i with low <= i < high."""
    if not indices:
        return []
    return indices[bisect_left(indices, low):bisect_left(indices, high)]


def _expand(p: PreparedParagraph, start: int, end: int, slack: float) -> tuple[dict[int, float], float]:
    """Space added before particular atoms, and the amount added before every atom."""
    added: dict[int, float] = {}
    spaces = _within(p.space_at, start + 1, end - 1)
    if spaces:
        slack = _grow(added, {i: max(0.0, SPACE_MAX * p.em(i) - p.width[i]) for i in spaces}, slack)
    gapped = _within(p.gap_at, start + 1, end)
    if gapped:
        slack = _grow(added, {i: (HAN_LATIN_MAX - HAN_LATIN_SPACE) * p.em(i) for i in gapped}, slack)
    gaps = end - start - 1
    return added, (slack / gaps if slack > 1e-9 and gaps > 0 else 0.0)


def set_line(p: PreparedParagraph, start: int, end: int, measure: float, *,
             first_line: bool, last_line: bool, align: str, x0: float = 0.0) -> SetLine:
    """Position the atoms start..end-1 on a line ``measure`` points long whose left edge is x0."""
    cut = 0.0 if first_line else p.start_cut[start]
    natural = p.natural(start, end, first_line)
    slack = measure - natural
    if slack < -1e-9:
        return _set_adjusted(p, start, end, (x0, cut, natural), _reduce(p, start, end, -slack), {}, 0.0,
                             measure, align)
    if align == "justify" and not last_line and slack > 1e-9:
        added, even = _expand(p, start, end, slack)
        if added:
            return _set_adjusted(p, start, end, (x0, cut, natural), {}, added, even, measure, align)
        width = natural + even * (end - start - 1)
    else:
        even, width = 0.0, natural
    first = x0 - cut + align_offset(align, measure, width)
    steps = map(add, p.width[start:end - 1], p.gap[start + 1:end])
    if even:
        steps = map(add, steps, repeat(even))
    return SetLine(p, start, end, list(accumulate(steps, initial=first)), width)


def align_offset(align: str, measure: float, width: float) -> float:
    """Where a line of ``width`` starts in a measure, by its alignment."""
    if align == "center":
        return (measure - width) / 2
    if align == "right":
        return measure - width
    return 0.0


def _set_adjusted(p: PreparedParagraph, start: int, end: int, where: tuple[float, float, float],
                  taken: dict[int, float], added: dict[int, float], even: float, measure: float,
                  align: str) -> SetLine:
    """Positions when particular atoms give up or get space; ``where`` is the line's left
    edge, the space its first atom gives up there, and its natural width."""
    x0, cut, natural = where
    width = natural - sum(taken.values()) + sum(added.values()) + even * (end - start - 1)
    left = x0 - cut
    xs, x = [], left
    for i in range(start, end):
        if i > start:
            x += p.gap[i] + even + added.get(i, 0.0)
        cut = taken.get(i, 0.0)
        before = p.tier[i] == Tier.HAN_LATIN or p.cls[i] == OPEN
        if before:
            x -= cut
        xs.append(x)
        x += p.width[i] - (0.0 if before else cut)
    shift = align_offset(align, measure, width)
    if shift:
        xs = [v + shift for v in xs]
    return SetLine(p, start, end, xs, width)
