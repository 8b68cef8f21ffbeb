"""Choose where lines break in a prepared paragraph (mainland rules, clreq).

First fit on natural widths; where the natural break would start a line with
a no-start mark or end one with a no-end mark, first try to push the next
atoms in by compressing punctuation on the line (挤进), then push the last
atoms out to the next line (推出), as clreq orders it. A paragraph never ends
with a single character alone on its last line when the line above can give
one up. A word longer than the line overflows rather than break a rule.
"""

from __future__ import annotations

from bisect import bisect_right

from layout.engine.metrics import LATIN, PUNCT, SPACE
from layout.engine.prepare import PreparedParagraph

EPSILON = 1e-6
PUSH_IN_LOOKAHEAD = 3
ORPHAN_WINDOW = 8  # a remainder longer than this many atoms cannot be a lone character
ORPHAN_MAX_SPACING = 0.15  # em added between characters at most, to avoid a lone last character


def natural_width(p: PreparedParagraph, start: int, end: int, first_line: bool) -> float:
    """The width of atoms start..end-1 set on one line, before justification."""
    cut = 0.0 if first_line else p.start_cut[start]
    return p.cum[end] - p.cum[start] - p.gap[start] - cut - p.end_cut[end - 1]


def min_width(p: PreparedParagraph, start: int, end: int, first_line: bool) -> float:
    """The width of the same atoms with every shrinkable space given up."""
    shrink = sum(p.shrink[start + 1:end])
    last = end - 1
    if last != start and p.cls[last] in PUNCT and p.end_cut[last]:
        shrink -= p.shrink[last]
    return natural_width(p, start, end, first_line) - max(0.0, shrink)


def _fit(p: PreparedParagraph, start: int, measure: float, first_line: bool) -> int:
    """The largest end such that start..end-1 fits on natural widths (at least one atom)."""
    cum = p.cum
    cut = 0.0 if first_line else p.start_cut[start]
    limit = cum[start] + p.gap[start] + cut + measure + EPSILON
    end = bisect_right(cum, limit + (p.size0 or p.em(start))) - 1
    count = p.count
    if end > count:
        end = count
    end_cut = p.end_cut
    while end > start + 1 and cum[end] - end_cut[end - 1] > limit:
        end -= 1
    return end if end > start else start + 1


def _push_in(p: PreparedParagraph, start: int, end: int, measure: float, first_line: bool) -> int | None:
    """A break a few atoms later that fits once punctuation is compressed."""
    for candidate in range(end + 1, min(len(p), end + PUSH_IN_LOOKAHEAD) + 1):
        if min_width(p, start, candidate, first_line) > measure + EPSILON:
            return None
        if candidate == len(p) or p.breakable[candidate]:
            return candidate
    return None


def _push_out(p: PreparedParagraph, start: int, end: int) -> int | None:
    """The nearest allowed break before ``end`` that leaves something on the line."""
    breakable = p.breakable
    for candidate in range(end - 1, start, -1):
        if breakable[candidate]:
            return candidate
    return None


def _next_break(p: PreparedParagraph, end: int) -> int:
    """The first allowed break after ``end`` (for a word longer than the line)."""
    while end < len(p) and not p.breakable[end]:
        end += 1
    return end


def _is_orphan(p: PreparedParagraph, start: int) -> bool:
    """True when atoms start.. hold a single character, give or take punctuation."""
    count = len(p)
    if count - start > ORPHAN_WINDOW:
        return False
    chars = 0
    for index in range(start, count):
        cls = p.cls[index]
        if cls not in PUNCT and cls != SPACE:
            chars += 1 if cls == LATIN else p.char_at[index + 1] - p.char_at[index]
            if chars > 1:
                return False
    return chars == 1


def break_line(p: PreparedParagraph, start: int, measure: float, first_line: bool) -> int:
    """Where the line that starts at atom ``start`` ends (exclusive)."""
    end = _fit(p, start, measure, first_line)
    count = p.count
    if end < count and not p.breakable[end]:
        end = (_push_in(p, start, end, measure, first_line) or _push_out(p, start, end)
               or _next_break(p, end))
    if count - end <= ORPHAN_WINDOW and end < count and _is_orphan(p, end) \
            and min_width(p, end, count, False) <= measure:
        earlier = _push_out(p, start, end)
        if earlier is not None and earlier > start + 1 and _loose_enough(p, start, earlier, measure, first_line):
            end = earlier
    return end


def _loose_enough(p: PreparedParagraph, start: int, end: int, measure: float, first_line: bool) -> bool:
    """Would the line start..end-1 stay tighter than ORPHAN_MAX_SPACING em between characters?
    A lone last character is better than a visibly letter-spaced line above it."""
    slack = measure - natural_width(p, start, end, first_line)
    gaps = end - start - 1
    return gaps > 0 and slack / gaps <= ORPHAN_MAX_SPACING * p.em(start)
