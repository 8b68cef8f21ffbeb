"""Choose where lines break in a prepared paragraph (mainland rules, clreq).

First fit on natural widths; where the natural break would start a line with
a no-start mark or end one with a no-end mark, first try to push the next
atoms in by compressing punctuation on the line (挤进), then push the last
atoms out to the next line (推出), as clreq orders it. A paragraph never ends
with a single character alone on its last line when the line above can give
one up.
"""

from __future__ import annotations

from bisect import bisect_right

from layout.engine.chars import Cls
from layout.engine.prepare import PUNCT, PreparedParagraph

EPSILON = 1e-6
PUSH_IN_LOOKAHEAD = 3


def natural_width(p: PreparedParagraph, start: int, end: int, first_line: bool) -> float:
    """The width of atoms start..end-1 set on one line, before justification."""
    return (
        p.cum[end] - p.cum[start] - p.gap[start]
        - p.start_cut(start, first_line) - p.end_cut(end - 1)
    )


def min_width(p: PreparedParagraph, start: int, end: int, first_line: bool) -> float:
    """The width of the same atoms with every shrinkable space given up."""
    shrink = sum(p.shrink[start + 1:end])
    last = end - 1
    if p.end_cut(last) and p.cls[last] in PUNCT and last != start:
        shrink -= p.shrink[last]
    return natural_width(p, start, end, first_line) - max(0.0, shrink)


def _fit(p: PreparedParagraph, start: int, measure: float, first_line: bool) -> int:
    """The largest end such that start..end-1 fits on natural widths (at least one atom)."""
    limit = p.cum[start] + p.gap[start] + p.start_cut(start, first_line) + measure
    end = min(len(p), bisect_right(p.cum, limit + p.em(start) + EPSILON) - 1)
    end = max(end, start + 1)
    while end > start + 1 and natural_width(p, start, end, first_line) > measure + EPSILON:
        end -= 1
    return end


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
    for candidate in range(end - 1, start, -1):
        if p.breakable[candidate]:
            return candidate
    return None


def _next_break(p: PreparedParagraph, end: int) -> int:
    """The first allowed break after ``end``: a word longer than the line overflows
    rather than break a rule."""
    while end < len(p) and not p.breakable[end]:
        end += 1
    return end


def _is_orphan(p: PreparedParagraph, start: int) -> bool:
    """True when atoms start.. hold a single character, give or take punctuation."""
    chars = 0
    for index in range(start, len(p)):
        if p.cls[index] not in PUNCT and p.cls[index] is not Cls.SPACE:
            chars += len(p.atoms[index]) if p.cls[index] is not Cls.LATIN else 1
            if chars > 1:
                return False
    return chars == 1


def break_line(p: PreparedParagraph, start: int, measure: float, first_line: bool) -> int:
    """Where the line that starts at atom ``start`` ends (exclusive)."""
    end = _fit(p, start, measure, first_line)
    if end < len(p) and not p.breakable[end]:
        end = (_push_in(p, start, end, measure, first_line) or _push_out(p, start, end)
               or _next_break(p, end))
    if end < len(p) and _is_orphan(p, end) and min_width(p, end, len(p), False) <= measure:
        earlier = _push_out(p, start, end)
        if earlier is not None and earlier > start + 1:
            end = earlier
    return end
