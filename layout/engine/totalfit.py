"""Choose a paragraph's line ends together (total fit, after Knuth and Plass).

First fit fills each line as full as the rules allow, which can leave a later
line loose (a long word or number that will not fit spreads the rest of its
line), split a number from its unit, start a line with a dash, or leave one
character alone on a paragraph's last line; and a rule may have squeezed a
line's punctuation to take a mark in (挤进). From every start whose first-fit
lines reach such a line within ROUNDS lines, a line's end is chosen among its
first-fit end, the CANDIDATES - 1 breaks before it, and the break after it
where the line fits with its punctuation compressed, so that the ROUNDS lines
from there cost the least together:

- a line spaced out by ``s`` em between atoms costs
  ``((s - FREE) / (LOOSE - FREE)) ** 3`` (nothing up to FREE em, one at LOOSE
  em, the threshold of a visibly loose line);
- a squeezed line costs SQUEEZE_COST, and twice that again per em it gives up,
  whether a rule or the fit asks for it (so that squeezes go where they spare
  a loose line, and no more are made than first fit makes);
- a soft break (a number split from its unit, a dash or ellipsis starting a
  line) costs as much as a line spaced SOFT_SPACING em, a paragraph's last
  line of one character as much as one spaced LONE_SPACING em.

The rules stay absolute: every candidate is a break the rules allow, and a
squeezed one fits once compressed as clreq allows. The least costs are found
for all those starts at once by ROUNDS - 1 relaxation rounds (Bellman's, over
the lines from each start, one more line each round); lines further on count
as first fit sets them.
"""

from __future__ import annotations

import numpy as np

from layout.engine.prepare import EPSILON, count_in, min_width

LOOSE = 0.1  # em added between atoms: a line spaced more than this is loose
FREE = 0.05  # em added between atoms that costs nothing
SQUEEZE_COST = 1.0  # a line squeezed, and as much again for each half em it gives up
SOFT_SPACING = 0.1  # a soft break costs as much as a line spaced this much (em)
LONE_SPACING = 0.25  # a lone last character costs as much as a line spaced this much (em)
ROUNDS = 4  # lines from a start whose costs count
CANDIDATES = 2


LOOSE_SCALE = (LOOSE - FREE) ** -3


def looseness(spread: float) -> float:
    """What a line spaced ``spread`` em between atoms costs."""
    return max(spread - FREE, 0.0) ** 3 * LOOSE_SCALE


SOFT_COST = looseness(SOFT_SPACING)
LONE_COST = looseness(LONE_SPACING)


def _spacing(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray,
             line: tuple[np.ndarray | float, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """For lines from ``starts`` to ``ends`` (``line``: their measures and where their first
    boxes start): the room left (em; negative where a line is squeezed), and the space
    added between each two Chinese characters (em; see prepare's ``stretch``; where no
    gap takes space, the line is set flush left: the room left counts for a line of
    Latin words run together, nothing for one of a URL's pieces alone, which a URL
    can only give)."""
    measure, left = line
    slack = (measure + left - a["close_at"].take(ends - 1)) / a["em"].take(starts)
    stretch = a["stretch"]
    gaps = stretch.take(ends) - stretch.take(starts + 1)
    spread = slack / np.where(gaps > 0, gaps, 1.0)  # slack itself where no gap: x / 1.0 is x exactly
    inner = a["inner_at"]
    if len(inner):  # else no line is a URL's pieces alone, in this batch as in any other
        in_word = count_in(inner, starts, starts + 2) > 0  # a line's first atom is in a URL or long word
        pieces = (count_in(inner, starts + 1, ends) == ends - starts - 1) & ((ends - starts > 1) | in_word)
        np.copyto(spread, 0.0, where=(gaps <= 0) & pieces)
    return slack, spread


def costs(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
          line: tuple[np.ndarray | float, np.ndarray]) -> np.ndarray:
    """What lines from ``starts`` to ``ends`` (in paragraphs ending at ``para_end``) cost;
    ``line``: their measures and where their first boxes start. The arrays broadcast to
    the shape of ``ends``."""
    slack, over = _spacing(a, starts, ends, line)
    over -= FREE
    np.maximum(over, 0.0, out=over)
    cost = over * over
    cost *= over
    cost *= LOOSE_SCALE
    np.add(cost, SOFT_COST, out=cost, where=a["soft"].take(np.minimum(ends, len(a["cls"]) - 1)))
    last = np.flatnonzero(ends >= para_end)
    if len(last):
        firsts = np.broadcast_to(starts, ends.shape).ravel().take(last)
        cost.ravel()[last] = LONE_COST * _lone(a, firsts, ends.ravel().take(last))
    squeezed = np.flatnonzero(slack < -EPSILON)
    if len(squeezed):
        cost.ravel()[squeezed] += SQUEEZE_COST * (1.0 - 2.0 * slack.ravel().take(squeezed))
    return cost


def _lone(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Whether the lines from ``starts`` to ``ends`` hold one character."""
    chars = a["chars"]
    return chars.take(ends) - chars.take(starts) == 1


def total_fit(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
              line: tuple[np.ndarray, np.ndarray]) -> None:
    """Change first-fit ``ends`` (of lines from ``starts``; the first ``len(a["cls"])`` of
    them start at each atom and are no paragraph's first) to the total fit's, in the
    paragraphs where first fit leaves a line that costs something. ``line``: the lines'
    measures and where their first boxes start."""
    rows = _rows(a, starts, ends, para_end, line)
    if not len(rows):
        return
    s, stop = starts.take(rows), para_end.take(rows)
    measure, left = line[0].take(rows), line[1].take(rows)
    candidates = _candidates(a, s, ends.take(rows), stop, (measure, left))
    usable = candidates >= 0
    candidates = np.where(usable, candidates, candidates[0])
    cost = costs(a, s, candidates, stop, (measure, left))
    np.copyto(cost, np.inf, where=~usable)
    count = len(a["cls"])
    after = np.where(candidates >= stop, count, candidates)  # where the rest starts
    to_go = _costs_to_go(rows, cost, after, count)
    ends[rows] = _cheapest(cost + to_go.take(after), candidates)


def _rows(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
          line: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The lines whose ends total fit may change: those starting where a line may (a
    break, or a paragraph's start for its first line) whose first-fit lines lead within
    ROUNDS lines to a costly one: spaced LOOSE em or more, squeezed, ending at a soft
    break, or a lone last character (each costs at least as much as a line spaced LOOSE
    em). From the others first fit meets no such line, and lines further on do not count
    (see :func:`_costs_to_go`)."""
    count = len(a["cls"])
    slack, spread = _spacing(a, starts, ends, line)
    at = np.minimum(ends, count - 1)
    costly = spread > FREE
    costly |= a["soft"].take(at)
    ended = ends >= para_end
    last = ended.nonzero()[0]
    costly[last] = _lone(a, starts.take(last), ends.take(last))
    costly |= slack < -EPSILON
    starting = np.ones(len(starts), bool)
    starting[:count] = a["breakable"]
    costly &= starting
    reach = starting & ~ended  # lines after which the paragraph goes on
    for _ in range(ROUNDS - 1):
        costly |= reach & costly.take(at)
    return costly.nonzero()[0]


def _candidates(a: dict[str, np.ndarray], starts: np.ndarray, first_fit: np.ndarray, para_end: np.ndarray,
                line: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Each line's candidate ends, a column a line: the first-fit end, the CANDIDATES - 1
    breaks before it that leave two atoms on the line, and the break after it where the
    line fits once its punctuation is compressed (``line``: the lines' measures and where
    their first boxes start); -1 for none."""
    breaks = a["breaks"]  # -1, then the atoms a line may start at
    before = _breaks_before(a).take(first_fit)  # breaks[before - 1]: the last break before the first-fit end
    candidates = np.empty((CANDIDATES + 1, len(starts)), np.int64)
    candidates[0] = first_fit
    for back in range(1, CANDIDATES):
        breaks.take(np.maximum(before - back, 0), out=candidates[back])
    last = len(breaks) - 1
    at = before + (breaks.take(np.minimum(before, last)) == first_fit)  # the first break after the end
    after = np.minimum(np.where(at <= last, breaks.take(np.minimum(at, last)), para_end), para_end)
    fits = (first_fit < para_end) & (min_width(a, line[1], starts, after) <= line[0] + EPSILON)
    candidates[CANDIDATES] = np.where(fits, after, -1)
    candidates[1:CANDIDATES][candidates[1:CANDIDATES] <= starts + 1] = -1
    return candidates


def _breaks_before(a: dict[str, np.ndarray]) -> np.ndarray:
    """For each atom (by index, and the batch's end), how many of ``a["breaks"]`` lie
    before it (as ``a["breaks"].searchsorted``, in one pass)."""
    return np.concatenate(([1], a["breakable"].cumsum() + 1))


def _costs_to_go(rows: np.ndarray, cost: np.ndarray, after: np.ndarray, count: int) -> np.ndarray:
    """The least cost of the lines from each atom (by index; ``count``: a paragraph's end)
    to its paragraph's end, from the lines in ``rows`` (sorted) that start at each atom and
    are not a paragraph's first (their candidates' ``cost``, and where the rest starts
    after each)."""
    later = rows.searchsorted(count)  # the rows before are later lines, those after first ones
    atoms, cost, after = rows[:later], cost[:, :later], after[:, :later]
    to_go = np.zeros(count + 1)
    for turn in range(ROUNDS - 1):  # the lines after each row's own, one more each round (none at first)
        to_go[atoms] = (cost + to_go.take(after) if turn else cost).min(axis=0)
    return to_go


def _cheapest(total: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """For each line (a column), the candidate end of least ``total`` cost, the first of
    equal ones, as ``argmin`` picks it (a NaN first of all) without its work per column."""
    best = total.min(axis=0)  # NaN where a column holds one
    hit = (total == best) | np.isnan(total)
    chosen = candidates[-1].copy()
    for row in range(len(candidates) - 2, -1, -1):
        np.copyto(chosen, candidates[row], where=hit[row])
    return chosen
