"""Break headlines at word boundaries into balanced lines, and shrink them to fit.

A headline line never breaks inside a word (jieba finds the words), never
starts with 的 or a closing mark nor ends with an opening mark, and the lines
of a headline are as even as the breaks allow. A style with ``fit_lines`` set
is made smaller, half a point at a time, until it fits in that many lines.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from itertools import combinations

from layout.engine.prepare import PreparedParagraph

MAX_LINES = 4
MAX_CANDIDATES = 24
NEVER_STARTS = {"的", "地", "得", "了", "着", "过"}
_jieba_lock = threading.Lock()


@cache
def _jieba():
    """jieba, loaded on first use (its dictionary takes about half a second)."""
    with _jieba_lock:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        return jieba


def warm_up() -> threading.Thread:
    """Load jieba in the background (the editor calls this at start-up)."""
    thread = threading.Thread(target=_jieba, daemon=True)
    thread.start()
    return thread


def word_starts(text: str) -> dict[int, str]:
    """Character offsets where a jieba word starts, with the word (the start of the text excluded)."""
    starts, offset = {}, 0
    for word in _jieba().lcut(text):
        starts[offset] = word
        offset += len(word)
    starts.pop(0, None)
    return starts


def candidate_breaks(p: PreparedParagraph) -> list[int]:
    """Atom indices a headline line may start at: a word's start, by the line-break rules,
    and not a particle such as 的 or 了."""
    starts = word_starts(p.text)
    found, offset = [], 0
    for index, atom in enumerate(p.atoms):
        word = starts.get(offset)
        if index and word is not None and p.breakable[index] and word not in NEVER_STARTS:
            found.append(index)
        offset += len(atom)
    return found


def _widths(p: PreparedParagraph, bounds: list[int]) -> list[float]:
    return [p.natural(s, e, True) for s, e in zip(bounds, bounds[1:])]


def balanced_breaks(p: PreparedParagraph, measure: float, max_lines: int = MAX_LINES) -> list[int] | None:
    """Line starts (atom indices, the first 0) of the fewest, most even lines that fit;
    None when no choice of word breaks fits."""
    if p.natural(0, len(p), True) <= measure + 1e-6:
        return [0]
    candidates = candidate_breaks(p)[:MAX_CANDIDATES]
    for lines in range(2, max_lines + 1):
        best, best_spread = None, None
        for chosen in combinations(candidates, lines - 1):
            bounds = [0, *chosen, len(p)]
            widths = _widths(p, bounds)
            if max(widths) > measure + 1e-6:
                continue
            spread = max(widths) - min(widths)
            if best_spread is None or spread < best_spread:
                best, best_spread = bounds[:-1], spread
        if best is not None:
            return best
    return None


def lines_needed(p: PreparedParagraph, measure: float, max_lines: int) -> int | None:
    """How many word-broken lines the headline needs, or None if more than max_lines."""
    breaks = balanced_breaks(p, measure, max_lines)
    return None if breaks is None else len(breaks)
