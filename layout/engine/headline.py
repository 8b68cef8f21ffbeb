"""Break headlines at word boundaries into balanced lines.

A headline line never breaks inside a word: jieba finds the words, with the
newsroom's dictionary of state bodies, districts and programmes loaded
(data/newsroom.dict, and the user's own files named in ``$LAYOUT_DICTIONARY``),
so that 全国人大常委会 or 生态环境保护 stay whole. A line never starts with
的 or a closing mark nor ends with an opening mark, never holds a single
character, and the lines of a headline are as even as the breaks allow. Only
when whole words cannot fit does :func:`balanced_breaks` with ``fine`` break
inside a long word, at the joints of jieba's finer segmentation
(``cut_for_search``: 中国人民政治协商会议 → 中国|人民|政治|协商|会议), as few
times as it can.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import cache, lru_cache
from pathlib import Path

from layout.engine.prepare import PreparedParagraph

MAX_LINES = 6
NEVER_STARTS = {"的", "地", "得", "了", "着", "过"}
NEWSROOM_DICTIONARY = Path(__file__).with_name("data") / "newsroom.dict"
SINGLE_PENALTY = 4  # a finer segmentation avoids pieces of one character
_jieba_lock = threading.Lock()


def dictionaries() -> list[Path]:
    """The word lists loaded into jieba: the newsroom's, then the user's (``$LAYOUT_DICTIONARY``,
    file names separated by the system's path separator; jieba's format, a word a line,
    optionally followed by a frequency and a part of speech)."""
    extra = os.environ.get("LAYOUT_DICTIONARY", "")
    return [NEWSROOM_DICTIONARY, *(Path(name) for name in extra.split(os.pathsep) if name)]


@cache
def _jieba():
    """jieba, loaded on first use (its dictionary takes about half a second), with the
    dictionaries of :func:`dictionaries`."""
    with _jieba_lock:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        for path in dictionaries():
            if path.is_file():
                jieba.load_userdict(str(path))
        return jieba


def add_dictionary(path: str | Path) -> None:
    """Load a further word list (jieba's format) into jieba, for this process."""
    jieba = _jieba()
    with _jieba_lock:
        jieba.load_userdict(str(path))
        word_starts.cache_clear()
        joints.cache_clear()


_warming: threading.Thread | None = None


def warm_up() -> threading.Thread:
    """Load jieba in the background, once (the editor calls this when it has painted the
    first page, so that the first headline fitted at a new size finds it loaded)."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=_jieba, name="warm-up", daemon=True)
        _warming.start()
    return _warming


def ready() -> bool:
    """True once jieba is loaded (a headline broken inside words then costs no wait)."""
    return _jieba.cache_info().currsize > 0


@lru_cache(maxsize=512)
def word_starts(text: str) -> dict[int, str]:
    """Character offsets where a jieba word starts, with the word (the start of the text
    excluded; remembered, so not to be changed)."""
    starts, offset = {}, 0
    for word in _jieba().lcut(text):
        starts[offset] = word
        offset += len(word)
    starts.pop(0, None)
    return starts


@lru_cache(maxsize=512)
def joints(text: str) -> frozenset[int]:
    """Character offsets inside words where a word may be broken as a last resort: where
    the pieces of the best tiling of each word by jieba's finer words meet (longer pieces
    first, single characters avoided; see :func:`_tile`)."""
    pieces: dict[int, list[int]] = {}
    for _, start, end in _jieba().tokenize(text, mode="search"):
        pieces.setdefault(start, []).append(end)
    found, offset = set(), 0
    for word in _jieba().lcut(text):
        found.update(_tile(pieces, offset, offset + len(word)))
        offset += len(word)
    return frozenset(found)


def _tile(pieces: dict[int, list[int]], start: int, end: int) -> list[int]:
    """The inner boundaries of the tiling of start..end by finer words (``pieces``: their
    ends by start; the word itself excluded) and single characters with the highest score
    (a piece scores its length squared, a single character -SINGLE_PENALTY), except those
    next to a single character (十四|届 is no joint)."""
    best: dict[int, tuple[int, list[int]]] = {start: (0, [])}
    for at in range(start, end):
        if at not in best:
            continue
        score, cuts = best[at]
        steps = [(at + 1, -SINGLE_PENALTY)] + [(e, (e - at) ** 2) for e in pieces.get(at, ())
                                                 if e <= end and (at, e) != (start, end) and e - at > 1]
        for stop, gain in steps:
            if stop not in best or best[stop][0] < score + gain:
                best[stop] = (score + gain, [*cuts, stop])
    edges = [start, *best[end][1]]
    return [b for a, b, c in zip(edges, edges[1:], edges[2:]) if b - a > 1 and c - b > 1]


def candidate_breaks(p: PreparedParagraph, fine: bool = False) -> tuple[list[int], set[int]]:
    """Atom indices a headline line may start at (by the line-break rules, not before a
    particle such as 的 or 了): where a word starts and, with ``fine``, the joints inside
    words; and which of them are joints."""
    starts = word_starts(p.text)
    inner = joints(p.text) if fine else frozenset()
    found, offset, fine_at = [], 0, set()
    for index, atom in enumerate(p.atoms):
        word = starts.get(offset)
        if index and p.breakable[index] and (word is not None and word not in NEVER_STARTS or offset in inner):
            found.append(index)
            if word is None:
                fine_at.add(index)
        offset += len(atom)
    return found, fine_at


def balanced_breaks(p: PreparedParagraph, measure: float, max_lines: int = MAX_LINES,
                    fine: bool = False) -> list[int] | None:
    """Line starts (atom indices, the first 0) of the fewest lines that fit, none of a
    single character, breaking where the editor typed a space wherever it can (a space
    in a headline is the editor's break), then as even as they can be; with ``fine``,
    breaking inside as few words as it can (see :func:`joints`). None when no such
    choice fits."""
    if p.natural(0, len(p), True) <= measure + 1e-6:
        return [0]
    candidates, fine_at = candidate_breaks(p, fine)
    bounds = [0, *candidates, len(p)]
    chars = p.batch.arrays["chars"]
    count = [int(chars[p.first + b]) for b in bounds]
    spaced = {index for index in candidates if p.atoms[index - 1].isspace()}
    # best[j]: (breaks inside words, breaks not at a space, widest line, -narrowest line, line starts)
    # of the lines up to bounds[j]
    best: list[tuple[int, int, float, float, list[int]] | None] = \
        [(0, 0, 0.0, float("-inf"), [])] + [None] * (len(bounds) - 1)
    for _ in range(max_lines):
        best = _one_more_line(p, measure, bounds, (count, fine_at, spaced), best)
        if best[-1] is not None:
            return best[-1][4]
    return None


def _one_more_line(p: PreparedParagraph, measure: float, bounds: list[int],
                   rules: tuple[list[int], set[int]], best: list) -> list:
    """The best ways to reach each bound with one line more than ``best`` has (None: none);
    ``rules``: the characters before each bound, the bounds inside words, and those after
    a space."""
    count, fine_at, spaced = rules
    out: list = [None] * len(bounds)
    for j in range(1, len(bounds)):
        for i in range(j):
            if best[i] is None or count[j] - count[i] < 2 <= count[-1]:
                continue
            width = p.natural(bounds[i], bounds[j], True)
            if width > measure + 1e-6:
                continue
            inner, unspaced, widest, narrowest, starts = best[i]
            trial = (inner + (bounds[i] in fine_at), unspaced + (i > 0 and bounds[i] not in spaced),
                     max(widest, width), max(narrowest, -width), [*starts, bounds[i]])
            if out[j] is None or trial[:4] < out[j][:4]:
                out[j] = trial
    return out


def lines_needed(p: PreparedParagraph, measure: float, max_lines: int) -> int | None:
    """How many word-broken lines the headline needs, or None if more than max_lines."""
    breaks = balanced_breaks(p, measure, max_lines)
    return None if breaks is None else len(breaks)
