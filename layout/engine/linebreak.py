"""Choose where lines break (mainland rules, clreq), for every atom of a batch at once.

First fit on natural widths; where the natural break would start a line with
a no-start mark or end one with a no-end mark, first try to push the next
atoms in by compressing punctuation on the line (挤进), then push the last
atoms out to the next line (推出), as clreq orders it. Then, in paragraphs where
first fit leaves a loose line, a soft break (a number split from its unit, a
dash or ellipsis starting a line under the basic rules) or one character alone
on the last line, the lines' ends are chosen together (see ``totalfit``). A
word longer than the line overflows rather than break a rule; one longer than
any line, or a URL, breaks inside as ``prepare`` allows.

The answer for a measure is worked out with array arithmetic for a line
starting at every atom of a :class:`Batch` together, and remembered: breaking
a paragraph is then one lookup per line.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np

from layout.engine.prepare import EPSILON, Batch, PreparedParagraph, min_width, next_break, prev_break
from layout.engine.totalfit import total_fit

PUSH_IN_LOOKAHEAD = 3
GUESS_STEPS = 3  # a line's end is sought this many atoms from its guess, then searched for
PLANS_KEPT = 8  # measures remembered per batch (a frame being resized makes many)


def plan(batch: Batch, measure: float, first_measure: float) -> tuple[Sequence[int], list[int]]:
    """Line ends in the batch: for every atom, the end (a batch index) of a line of
    ``measure`` points that starts there and is not a paragraph's first line; for every
    paragraph, the end of its first line, ``first_measure`` points long."""
    key = (measure, first_measure)
    found = batch.plans.get(key)
    if found is None:
        if len(batch.plans) >= PLANS_KEPT:
            batch.plans.clear()
        found = batch.plans[key] = _plan(batch, measure, first_measure)
    return found


def ends_from(p: PreparedParagraph, start: int, measure: float, first_measure: float,
              most: int | None = None) -> list[int]:
    """The ends of a paragraph's lines from atom ``start`` on (each line's end is the next
    one's start; at most ``most`` of them), ``first_measure`` points long for its first
    line, ``measure`` after."""
    later, first_ends = plan(p.batch, measure, first_measure)
    first, count = p.first, p.count
    ends: list[int] = []
    most = count if most is None else most
    if start == 0 < count and most > 0:
        start = first_ends[p.number] - first
        ends.append(start)
    at, stop = first + start, first + count
    room = most - len(ends)
    append = ends.append
    while at < stop and room > 0:
        at = later[at]
        append(at - first)
        room -= 1
    return ends


def _plan(batch: Batch, measure: float, first_measure: float) -> tuple[Sequence[int], list[int]]:
    a = batch.arrays
    count = len(a["cls"])
    firsts = np.array([first for first, end in batch.bounds if end > first], np.int64)
    ends = _ends(a, firsts, measure, first_measure)
    first_ends = np.array([first for first, _ in batch.bounds], np.int64)
    first_ends[[end > first for first, end in batch.bounds]] = ends[count:]
    return array("q", ends[:count].astype(np.int64, copy=False).tobytes()), first_ends.tolist()


def _ends(a: dict[str, np.ndarray], firsts: np.ndarray, measure: float, first_measure: float) -> np.ndarray:
    """The ends of lines starting at every atom of the batch, ``measure`` points long and
    not a paragraph's first, then of the first lines of the paragraphs starting at
    ``firsts``, ``first_measure`` points long."""
    count = len(a["cls"])
    if not count:
        return np.zeros(0, np.int64)
    starts = np.concatenate((np.arange(count), firsts))
    measures = np.empty(len(starts))
    measures[:count], measures[count:] = measure, first_measure
    left = np.concatenate((a["open_cut"], a["open_at"][firsts]))
    bounds = starts, np.concatenate((a["para_end"], a["para_end"][firsts]))  # a line ends at or after its start
    guess = starts + ((measures + EPSILON) / np.concatenate((a["em"], a["em"][firsts]))).astype(np.int64)
    ends = np.maximum(_fit(a, starts, (left + measures + EPSILON, guess), bounds), starts + 1)
    para_end = bounds[1]
    if len(a["resort_at"]):
        _last_resort(a, starts, ends, measures)
    todo = ((ends < para_end) & ~a["breakable"].take(np.minimum(ends, count - 1))).nonzero()[0]
    if len(todo):
        ends[todo] = _resolve(a, starts[todo], ends[todo], para_end[todo], (measures[todo], left[todo]))
    total_fit(a, starts, ends, para_end, (measures, left))
    return ends


def _fit(a: dict[str, np.ndarray], starts: np.ndarray, aim: tuple[np.ndarray, np.ndarray],
         bounds: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """First fit: for lines from ``starts``, the largest end within ``bounds`` (the line's
    start, its paragraph's end) whose line closes within its limit (``aim``: the limits,
    and a guess of each end; ``close_at`` never decreases inside a paragraph). Each line
    starts from its guess and steps one atom at a time, the few still moving after
    GUESS_STEPS steps jump by a sorted search (see :func:`_search`), which the steps then
    correct where rounding put it one off."""
    close_at, last = a["close_at"], len(a["close_at"]) - 1
    (limit, guess), (first, end) = aim, bounds
    ends = np.minimum(np.maximum(guess, first), end)
    todo = None
    for step in range(GUESS_STEPS + 2):
        if step == GUESS_STEPS:  # far from the guess: search
            ends[todo] = np.minimum(np.maximum(_search(a, starts[todo], limit[todo]), first[todo]), end[todo])
        at, low, high, most = (ends, first, end, limit) if todo is None else \
            (ends[todo], first[todo], end[todo], limit[todo])
        up = (at < high) & (close_at.take(np.minimum(at, last)) <= most)
        down = (at > low) & (close_at.take(np.maximum(at - 1, 0)) > most)
        moving = (up | down).nonzero()[0]
        if not len(moving):
            return ends
        todo = moving if todo is None else todo[moving]
        ends[todo] += up[moving].astype(np.int64) - down[moving].astype(np.int64)
    while True:  # the search's rounding corrected
        up = (ends < end) & (close_at[np.minimum(ends, last)] <= limit)
        down = (ends > first) & (close_at[np.maximum(ends - 1, 0)] > limit)
        if not (up.any() or down.any()):
            return ends
        ends += up.astype(np.int64) - down.astype(np.int64)


def _search(a: dict[str, np.ndarray], starts: np.ndarray, limit: np.ndarray) -> np.ndarray:
    """First fit for a few lines by one sorted search over the batch: ``close_at`` lifted
    so that each paragraph starts above where the one before ends grows through the
    whole batch, and each line's limit is lifted as its paragraph is."""
    close_at, para_end = a["close_at"], a["para_end"]
    last_atom = (np.arange(len(close_at)) == para_end - 1)  # the last atom of each paragraph
    lifts = np.where(last_atom, close_at + 1.0, 0.0)
    shift = lifts.cumsum() - lifts
    return (close_at + shift).searchsorted(limit + shift[starts], "right")


def _last_resort(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, measures: np.ndarray) -> None:
    """Lines that would end inside a long word (see ``prepare``'s ``resort_at``) end before
    the word instead where it fits on a line of its own."""
    resort = a["resort_at"]
    runs = np.concatenate(([0], (np.diff(resort) != 1).nonzero()[0] + 1))  # where each word's letters start
    inside = np.isin(ends, resort).nonzero()[0]
    word = runs.searchsorted(resort.searchsorted(ends[inside]), "right") - 1
    first = resort[runs[word]] - 1  # the word's first atom
    last = resort[np.append(runs[1:], len(resort))[word] - 1]
    fits = a["close_at"][last] - a["open_cut"][first] <= measures[inside] + EPSILON
    move = fits & (first > starts[inside])
    ends[inside[move]] = first[move]


def _push_in(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
             line: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """For each line, the first of the next three breaks that fits once punctuation is
    compressed and is not a soft break, or -1 (a candidate too wide, or a rule's, ends
    the search). ``line``: the lines' measures and where their first boxes start."""
    measure, left = line
    last = len(a["cls"]) - 1
    candidate = ends + np.arange(1, PUSH_IN_LOOKAHEAD + 1)[:, None]  # a row of candidates per column of lines
    exists = candidate <= para_end
    widest = min_width(a, left, starts, np.minimum(candidate, para_end))
    too_wide = exists & (widest > measure + EPSILON)
    at = np.minimum(candidate, last)
    allowed = exists & ~too_wide & ((candidate == para_end) | (a["breakable"][at] & ~a["soft"][at]))
    decided = ~exists | too_wide | allowed  # the search ends at the first of these
    found = np.where(allowed[-1], candidate[-1], -1)
    for row in range(PUSH_IN_LOOKAHEAD - 2, -1, -1):  # an earlier decided candidate comes first
        found = np.where(allowed[row], candidate[row], np.where(decided[row], -1, found))
    return found


def _resolve(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
             line: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Ends that would break a rule: pushed in (see :func:`_push_in`), else pushed out
    (the last break before), else to the next break."""
    found = _push_in(a, starts, ends, para_end, line)
    rest = (found < 0).nonzero()[0]
    if len(rest):
        s, e = starts[rest], ends[rest]
        earlier = prev_break(a, e - 1)
        found[rest] = np.where(earlier > s, earlier, next_break(a, e))
    return found
