"""Character classes for mainland Chinese layout (clreq, GB/T 15834-2011 §5).

Sources: W3C clreq "prohibition rules for line start and line end" (basic /
GB法 level) and "tables of Chinese punctuation marks"; GB/T 15834-2011 §5.1;
collected in ../shared/notes/typesetting-and-print.md §1a–1c.
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import cache

import numpy as np


class Cls(IntEnum):
    """What kind of thing an atom (unbreakable unit of text) is."""

    HAN = 0  # an ideograph, a full-width character or number (２０２３), a symbol set full width (℃ Ⅱ ① ★)
    OPEN = 1  # opening bracket or quote: ink in the right half, space on the left
    CLOSE = 2  # closing bracket or quote: ink in the left half, space on the right
    PAUSE = 3  # 、，；： ink lower left (mainland), space on the right
    STOP = 4  # 。？！ ink lower left, space on the right; compressed last
    MIDDLE = 5  # interpunct · centred, a quarter em each side
    LATIN = 6  # a Latin word, a number with its signs and units
    SPACE = 7  # a white-space character
    DASH = 8  # —— or …… (2 em, never split)
    SOLIDUS = 9  # a solidus standing alone (公里/小时): no Han–Latin gap on either side


OPENING = "“‘（〔【《〈「『［｛〖〘〝"
CLOSING = "”’）〕】》〉」』］｝〗〙〞"
PAUSES = "、，；：．"
STOPS = "。？！‼⁇⁈⁉"
MIDDLES = "·・‧"
DASHES = ("——", "……", "⋯⋯", "⸺", "⸻")
FULL_WIDTH_DIGITS = "０１２３４５６７８９"

# Not at line start (GB法/basic): closing and pause/stop marks, interpuncts,
# connectors and the solidus, plus units and ASCII closers.
NO_START = set(CLOSING + PAUSES + STOPS + MIDDLES + "／/–～%％‰℃°)]},.;:!?")
# Not at line end: opening marks, currency prefixes, ASCII openers.
NO_END = set(OPENING + "([{¥$£￥＄")
# Strict level: dashes and ellipses may not start a line either.
NO_START_STRICT = NO_START | set(DASHES) | {"—", "…", "⋯"}

_CLASS_OF_CHAR: dict[str, Cls] = {}
for _chars, _cls in ((OPENING, Cls.OPEN), (CLOSING, Cls.CLOSE), (PAUSES, Cls.PAUSE),
                     (STOPS, Cls.STOP), (MIDDLES, Cls.MIDDLE)):
    for _ch in _chars:
        _CLASS_OF_CHAR[_ch] = _cls

# Atoms longer than one character, and white space (each a match):
# - a number with sign, currency prefix, separators and unit suffix ("-5", "¥100", "10.5%", "2023",
#   "120㎡", "0.5 ℃": a space before a unit symbol stays inside the number);
# - a Latin word with inner hyphens, apostrophes, slashes or digits ("5G", "COVID-19", "don't");
# - a two-em dash or ellipsis; a white-space character.
# Every other character is an atom by itself.
_DIGIT = r"[0-9０-９]"
# Every match starts with one of these characters (a lookahead, so that the regex
# engine skips the others; :func:`special_spans` looks for them with an array lookup).
_SPECIAL_START = r"[A-Za-z0-9０-９¥$£￥＄+\-−\u00C0-\u024F—…⋯\s]"
SPECIAL_RE = re.compile(
    rf"(?={_SPECIAL_START})"
    rf"([¥$£￥＄]?[+\-−]?{_DIGIT}+(?:[.,:/]{_DIGIT}+)*(?: ?(?:[%％‰℃℉\u3380-\u33df]|°[CF]?)|[A-Za-z]+)?"
    r"|[A-Za-z\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F]|[\-'’/.&](?=[A-Za-z0-9]))*"
    r"|——|……|⋯⋯"
    r"|\s)"
)


@cache
def _may_start() -> np.ndarray:
    """For each code point, whether a match may start there (none is above the Basic
    Multilingual Plane)."""
    table = np.zeros(0x110000, bool)
    every = "".join(map(chr, range(0x10000)))
    table[[match.start() for match in re.finditer(_SPECIAL_START, every)]] = True
    return table


# URLs and e-mail addresses (marks that end a sentence stay outside). A line may break
# after a run of / or after @ (free), after a run of ? & = # and, outside the host name
# (in a path, before an e-mail's @), of - _ (at a cost), and before
# a dot that at least two more dots follow in the same part of the address (at a cost:
# www | .example.gov.cn), never before the last labels of a name (no line starts with
# ".gov.cn", ".com") nor before / ? or inside the "//" after a scheme's colon.
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[!-~]*[A-Za-z0-9/#=_\-]|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
URL_PARTS = re.compile(r"[^/@?&=#]+")  # the parts of an address between its separators
URL_MARKS = re.compile(r"[_\-?&=#@]+")  # a last resort breaks after these
URL_FREE_AFTER = re.compile(r"(?<![:/])/+(?=[^/])|@")
URL_COSTLY_AFTER = re.compile(r"[\-_?&=#]+(?=[A-Za-z0-9])")
URL_HOST = re.compile(r"(?:[a-z]+://)?[^/@]*@?([^/]*)")  # an address's host name: group 1
LONG_WORD = 16  # a Latin word or number longer than this may break between characters, as a last resort
# A span starts a unit (WHOLE), or continues one: a URL after a run of its marks (PIECE: a
# break at a cost), a URL with a run of its marks (MARK: a break), a long word (LETTER: a
# break as a last resort).
WHOLE, PIECE, LETTER, MARK = 0, 1, 2, 3


def special_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, kind) of each match of SPECIAL_RE in ``text``, as ``finditer`` finds
    them, the regex tried only where a match may start, found with one array lookup
    (much quicker than the regex engine's own scan over Chinese text). A URL or e-mail
    address comes in pieces, and a word or number longer than LONG_WORD in characters:
    the kind of each span after the first is PIECE, MARK or LETTER, of every other WHOLE."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.intp)
    may = _may_start()[codes]
    urls = _url_spans(text) if "@" in text or "://" in text or "www." in text else []
    spans: list[tuple[int, int, int]] = []
    reached, match = 0, SPECIAL_RE.match
    for at in may.nonzero()[0].tolist():
        if at < reached:
            continue
        if urls and at >= urls[0][0]:
            start, end = urls.pop(0)
            if at == start:
                spans += _pieces(text, start, end)
                reached = end
                continue
        found = match(text, at)
        if found is not None:
            start, reached = found.span()
            if reached - start > LONG_WORD and not text[start].isspace():
                spans += [(k, k + 1, LETTER if k > start else WHOLE) for k in range(start, reached)]
            else:
                spans.append((start, reached, WHOLE))
    return spans


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs and e-mail addresses stand in text."""
    return [found.span() for found in URL_RE.finditer(text)]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """An address's pieces between the places a line may break inside it (see URL_RE's
    comment), each with the kind of the break before it: MARK free, PIECE at a cost."""
    breaks: dict[int, int] = {}
    host = URL_HOST.match(text, start, end)
    host_from, host_to = host.span(1) if "@" in text[start:end] else host.span()
    for found in URL_COSTLY_AFTER.finditer(text, start, end):
        if text[found.start()] not in "-_" or not host_from <= found.start() < host_to:
            breaks[found.end()] = PIECE
    for part in URL_PARTS.finditer(text, start, end):
        dots = [k for k in range(part.start(), part.end()) if text[k] == "."]
        for k in dots[:-2]:
            if k > part.start() and text[k - 1] != ".":
                breaks[k] = PIECE
    for found in URL_FREE_AFTER.finditer(text, start, end):
        breaks[found.end()] = MARK
    cuts = sorted(k for k in breaks if start < k < end)
    bounds = [start, *cuts, end]
    pieces: list[tuple[int, int, int]] = []
    for a, b in zip(bounds, bounds[1:]):
        pieces += _last_resort(text, a, b, breaks.get(a, WHOLE) if a > start else WHOLE)
    return pieces


def _last_resort(text: str, start: int, end: int, kind: int) -> list[tuple[int, int, int]]:
    """A piece of an address, and if longer than LONG_WORD characters, cut where it may
    break as a last resort (LETTER: only when it cannot fit on a line of its own): after
    each run of - _ ? & = # @, before a dot that two more follow, and a part still too
    long between its characters."""
    if end - start <= LONG_WORD:
        return [(start, end, kind)]
    cuts = [found.end() for found in URL_MARKS.finditer(text, start + 1, end) if found.end() < end]
    for part in URL_PARTS.finditer(text, start, end):
        dots = [k for k in range(part.start(), part.end()) if text[k] == "."]
        local = part.end() < len(text) and text[part.end()] == "@"  # an e-mail's name: no labels
        cuts += [k for k in (dots if local else dots[:-2]) if k > start]
    cuts = sorted(set(cuts))
    bounds = [start, *cuts, end]
    pieces: list[tuple[int, int, int]] = []
    for a, b in zip(bounds, bounds[1:]):
        steps = range(a, b) if b - a > LONG_WORD else (a,)
        edges = [*steps, b]
        pieces += [(c, d, LETTER) for c, d in zip(edges, edges[1:])]
    return [(start, pieces[0][1], kind), *pieces[1:]]


def atomize(text: str) -> list[str]:
    """Split text into atoms: the units that are never broken across lines."""
    atoms: list[str] = []
    at = 0
    for start, end, _ in special_spans(text):
        atoms += text[at:start]
        atoms.append(text[start:end])
        at = end
    atoms += text[at:]
    return atoms


def classify(atom: str) -> Cls:
    """The class of an atom produced by :func:`atomize`."""
    if len(atom) > 1:
        if atom in DASHES:
            return Cls.DASH
        return Cls.HAN if all(ch in FULL_WIDTH_DIGITS or ch in "％‰℃" for ch in atom) else Cls.LATIN
    found = _CLASS_OF_CHAR.get(atom)
    if found is not None:
        return found
    if atom.isspace():
        return Cls.SPACE
    if atom in "—…⋯⸺⸻":
        return Cls.DASH
    if atom == "/":
        return Cls.SOLIDUS
    code = ord(atom)
    if code < 0x2E80 and not (0x2000 <= code <= 0x206F or 0x2100 <= code <= 0x218F or 0x2460 <= code <= 0x27BF):
        return Cls.LATIN
    return Cls.HAN

