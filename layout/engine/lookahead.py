"""Choose a line's end by what it does to the lines after it (a look-ahead fit).

First fit fills each line as full as the rules allow, which can leave the
next line loose (a long word or number that will not fit spreads the rest of
its line), split a number from its unit, or leave one character alone on a
paragraph's last line. Where a line or the one after it costs something, its
end is chosen among the first-fit end and the two breaks before it by the
cost of this line and of the line set after it (NEXT_LINES):

- a line spaced out by ``s`` em between atoms costs ``(s / LOOSE) ** 3``
  (one at LOOSE em, the threshold of a visibly loose line);
- a soft break (a number split from its unit, a dash or ellipsis starting a
  line) costs SOFT_COST, a paragraph's last line of one character LONE_COST.

This is Knuth and Plass's total fit cut down to a window of two lines: the
costs of every possible line start are worked out for the whole batch at once,
with array arithmetic, which keeps breaking as fast as first fit. The rules
stay absolute: only breaks the rules allow are candidates.
"""

from __future__ import annotations

import numpy as np

from layout.engine.prepare import prev_break

LOOSE = 0.1  # em added between atoms: a line spaced more than this is loose
SOFT_COST = 1.5  # a soft break costs as much as a line spaced about 0.115 em
LONE_COST = 8.0  # a paragraph's last line of a single character
CANDIDATES = 3  # the first-fit end and the breaks before it
NEXT_LINES = 1  # lines after a candidate whose cost counts


def spacing(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray,
            line: tuple[np.ndarray | float, np.ndarray]) -> np.ndarray:
    """The space (em) added between each two atoms of lines from ``starts`` to ``ends``
    justified to their measures (``line``: the measures and where the first boxes start;
    negative where a line is squeezed)."""
    measure, left = line
    slack = measure - (a["close_at"][ends - 1] - left)
    return slack / np.maximum(ends - starts - 1, 1) / a["em"][starts]


def costs(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
          line: tuple[np.ndarray | float, np.ndarray]) -> np.ndarray:
    """What lines from ``starts`` to ``ends`` (in paragraphs ending at ``para_end``) cost."""
    last = ends >= para_end
    spread = np.maximum(spacing(a, starts, ends, line), 0.0) / LOOSE
    at = np.minimum(ends, len(a["cls"]) - 1)
    soft = ~last & a["soft"][at]
    lone = last & (a["chars"][ends] - a["chars"][starts] == 1)
    return np.where(last, 0.0, spread * spread * spread) + SOFT_COST * soft + LONE_COST * lone


def look_ahead(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
               line: tuple[np.ndarray, np.ndarray], moved: np.ndarray) -> None:
    """Change first-fit ``ends`` (of lines from ``starts``; the first ``len(a["cls"])`` of
    them start at each atom and are no paragraph's first) where a break before costs less
    over two lines. ``line``: the lines' measures and where their first boxes start;
    ``moved``: the lines whose ends a rule moved."""
    count = len(a["cls"])
    if not count:
        return
    todo = _worth_a_look(a, starts, ends, para_end, line, moved)
    if not len(todo):
        return
    later = ends[:count]
    candidates = [ends[todo]]
    for _ in range(CANDIDATES - 1):
        candidates.append(prev_break(a, np.maximum(candidates[-1] - 1, 0)))
    s, stop = np.tile(starts[todo], CANDIDATES), np.tile(para_end[todo], CANDIDATES)
    first_fit = np.tile(candidates[0], CANDIDATES)
    end = np.concatenate(candidates)
    usable = end > s + 1
    usable[:len(todo)] = True  # the first-fit end, whatever it holds
    end = np.where(usable, end, first_fit)
    total = costs(a, s, end, stop, (np.tile(line[0][todo], CANDIDATES), np.tile(line[1][todo], CANDIDATES)))
    total += _next_costs(a, end, stop, later, (line[0][0], a["open_cut"]))
    total[~usable] = np.inf
    ends[todo] = end.reshape(CANDIDATES, -1)[total.reshape(CANDIDATES, -1).argmin(axis=0), np.arange(len(todo))]


def _worth_a_look(a: dict[str, np.ndarray], starts: np.ndarray, ends: np.ndarray, para_end: np.ndarray,
                  line: tuple[np.ndarray, np.ndarray], moved: np.ndarray) -> np.ndarray:
    """The lines that are loose or end at a soft break, or whose next line does: the only
    ones whose end may change. A line is loose only where it ends before an atom wider
    than an em (a Latin word, a number, a dash) or where a rule moved its end
    (``moved``), so only those are measured."""
    count = len(a["cls"])
    at = np.minimum(ends, count - 1)
    going_on = ends < para_end
    look = going_on & a["lookout"][at]
    look[moved] = True
    maybe = look.nonzero()[0]
    measure, left = line[0][maybe], line[1][maybe]
    s, e = starts[maybe], ends[maybe]
    room = measure - a["close_at"][e - 1] + left - LOOSE * (e - s - 1) * a["em"][s]
    flagged = maybe[(e < para_end[maybe]) & ((room > 0) | a["soft"][at[maybe]])]
    marked = np.zeros(count, bool)
    marked[flagged[flagged < count]] = True  # later lines starting at these atoms
    todo = marked[at] & going_on  # lines followed by one of them
    todo[flagged] = True
    return todo.nonzero()[0]


def _next_costs(a: dict[str, np.ndarray], ends: np.ndarray, para_end: np.ndarray, later: np.ndarray,
                line: tuple[float, np.ndarray]) -> np.ndarray:
    """What the NEXT_LINES first-fit lines after lines ending at ``ends`` cost (``later``: each
    later line's first-fit end by its start; ``line``: a later line's measure and where
    each atom's box starts on one)."""
    total = np.zeros(len(ends))
    start = ends
    for _ in range(NEXT_LINES):
        going_on = start < para_end
        at = np.where(going_on, start, 0)
        end = np.where(going_on, later[at], at + 1)
        total += np.where(going_on, costs(a, at, end, para_end, (line[0], line[1][at])), 0.0)
        start = np.where(going_on, end, para_end)
    return total
