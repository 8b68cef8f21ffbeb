"""Justify a broken line and position every character on it (clreq §3.8).

A full line ends exactly at the measure. Too long (after pushing in): space is
taken in clreq's reduction order — word spaces, interpuncts, brackets, pause
marks, Han–Latin spacing, then stops. Too short: word spaces grow to 1/2 em,
Han–Latin spacing to 1/3 em, then every remaining gap between atoms grows
equally; space is never added inside an atom (a Latin word, a number, ——).
The last line of a paragraph is set flush to its alignment without expansion.
"""

from __future__ import annotations

from dataclasses import dataclass

from layout.engine.chars import Cls
from layout.engine.linebreak import natural_width
from layout.engine.prepare import HAN_LATIN_SPACE, PreparedParagraph, Tier

SPACE_MAX = 0.5  # em: a word space grows to no more than 1/2 em
HAN_LATIN_MAX = 1 / 3  # em: many styles cap Han–Latin spacing at 1/3 em


@dataclass
class SetLine:
    """One line: its characters, their x offsets from the line's left edge, and runs."""

    chars: list[str]
    xs: list[float]
    runs: list[int]
    width: float
    start: int
    end: int


def _reduce(p: PreparedParagraph, start: int, end: int, excess: float) -> dict[int, float]:
    """How much each atom gives up, tier by tier, to remove ``excess`` points."""
    taken: dict[int, float] = {}
    last = end - 1
    for tier in range(Tier.NONE):
        if excess <= 1e-9:
            break
        members = [i for i in range(start + 1, end) if p.tier[i] == tier and p.shrink[i] > 0]
        members = [i for i in members if not (i == last and p.end_cut(i) and tier != Tier.HAN_LATIN)]
        capacity = sum(p.shrink[i] for i in members)
        if capacity <= 0:
            continue
        share = min(1.0, excess / capacity)
        for i in members:
            taken[i] = p.shrink[i] * share
        excess -= capacity * share
    return taken


def _expand(p: PreparedParagraph, start: int, end: int, slack: float) -> dict[int, float]:
    """How much space goes before each atom to fill ``slack`` points."""
    added: dict[int, float] = {}
    for kind, cap in ((Cls.SPACE, SPACE_MAX), (None, HAN_LATIN_MAX)):
        if slack <= 1e-9:
            return added
        if kind is Cls.SPACE:
            members = [i for i in range(start + 1, end - 1) if p.cls[i] is Cls.SPACE]
            room = {i: max(0.0, cap * p.em(i) - p.width[i]) for i in members}
        else:
            members = [i for i in range(start + 1, end) if p.gap[i] > 0]
            room = {i: (cap - HAN_LATIN_SPACE) * p.em(i) for i in members}
        total = sum(room.values())
        if total <= 0:
            continue
        share = min(1.0, slack / total)
        for i, r in room.items():
            added[i] = added.get(i, 0.0) + r * share
        slack -= total * share
    gaps = end - start - 1
    if slack > 1e-9 and gaps > 0:
        each = slack / gaps
        for i in range(start + 1, end):
            added[i] = added.get(i, 0.0) + each
    return added


def _place_atom(p: PreparedParagraph, index: int, x: float, line: SetLine) -> None:
    """Append the atom's characters at box position x (marks drawn inside their em box)."""
    atom, cls, run_index = p.atoms[index], p.cls[index], p.run_of[index]
    run = p.runs[run_index]
    lookup = run.chain.lookup
    if cls in (Cls.OPEN, Cls.CLOSE, Cls.PAUSE, Cls.STOP, Cls.MIDDLE):
        entry = lookup.get(ord(atom))
        advance = (entry[1] if entry else 1.0) * run.size
        box = x - p.lead[index]
        if cls is Cls.OPEN:
            box += run.size - advance
        elif cls is Cls.MIDDLE:
            box += (run.size - advance) / 2
        line.chars.append(atom)
        line.xs.append(box)
        line.runs.append(run_index)
        return
    extra = run.tracking * run.size if cls in (Cls.HAN, Cls.DASH) else 0.0
    for ch in atom:
        line.chars.append(ch)
        line.xs.append(x)
        line.runs.append(run_index)
        entry = lookup.get(ord(ch))
        x += (entry[1] if entry else 1.0) * run.size + extra


def set_line(p: PreparedParagraph, start: int, end: int, measure: float, *,
             first_line: bool, last_line: bool, align: str) -> SetLine:
    """Position the atoms start..end-1 on a line ``measure`` points long."""
    natural = natural_width(p, start, end, first_line)
    slack = measure - natural
    taken: dict[int, float] = {}
    added: dict[int, float] = {}
    if slack < -1e-9:
        taken = _reduce(p, start, end, -slack)
    elif align == "justify" and not last_line:
        added = _expand(p, start, end, slack)
    width = natural - sum(taken.values()) + sum(added.values())
    offset = 0.0
    if align == "center":
        offset = (measure - width) / 2
    elif align == "right":
        offset = measure - width
    line = SetLine([], [], [], width, start, end)
    x = offset - p.start_cut(start, first_line)
    for i in range(start, end):
        if i > start:
            x += p.gap[i] + added.get(i, 0.0)
        cut = taken.get(i, 0.0)
        before = p.tier[i] == Tier.HAN_LATIN or p.cls[i] is Cls.OPEN
        if before:
            x -= cut
        _place_atom(p, i, x, line)
        x += p.width[i] - (0.0 if before else cut)
    return line
