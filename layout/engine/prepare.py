"""Prepare a paragraph for line breaking: atoms, their widths, spaces and break rules.

A paragraph is a list of styled runs. Each run is split into atoms (see
``layout.engine.chars``); each atom gets a natural width in points, the space
it may give up when a line is tight, the space before it (Han–Latin spacing),
whether a line may break before it, and the glyphs that draw it with their
offsets inside the atom. Adjacent punctuation is compressed here, once, so that
breaking sees the widths that will be set.

Per-atom metrics come from an :class:`AtomTable` per font chain and size, which
remembers every atom it has measured: measuring is the hot path of layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from operator import add, not_, or_, sub
from typing import NamedTuple

from layout.engine.chars import NO_END, NO_START, NO_START_STRICT, Cls, atomize, classify
from layout.engine.fonts import FontChain
from layout.model.colour import Colour

HALF = 0.5
HAN_LATIN_SPACE = 0.25  # clreq: up to 1/4 em between Han and Latin letters or digits
HAN_LATIN_MIN = 0.125  # reduction step 6: no less than 1/8 em
WORD_SPACE_MIN = 0.125
TABLE_LIMIT = 50_000

HAN, OPEN, CLOSE, PAUSE, STOP, MIDDLE, LATIN, SPACE, DASH = (int(c) for c in Cls)
PUNCT = frozenset((OPEN, CLOSE, PAUSE, STOP, MIDDLE))
RIGHT_SPACED = frozenset((CLOSE, PAUSE, STOP))
MISSING = -1  # face index of a character that no font has


class Tier:
    """Where an atom's shrinkable space stands in clreq's reduction order."""

    SPACE = 0
    MIDDLE = 1
    BRACKET = 2
    PAUSE = 3
    HAN_LATIN = 4
    STOP = 5
    NONE = 6


_TIER_OF = {SPACE: Tier.SPACE, MIDDLE: Tier.MIDDLE, OPEN: Tier.BRACKET, CLOSE: Tier.BRACKET,
            PAUSE: Tier.PAUSE, STOP: Tier.STOP}


class AtomInfo(NamedTuple):
    """An atom measured in one font chain and size.

    ``end_cut`` and ``start_cut`` are the space it gives up at the end or the
    start of a line (a mark's half em); ``offsets`` are the x positions of its
    glyphs inside the atom's box (a mark is drawn where its ink belongs in its
    em box); ``faces`` the chain's face index per glyph (MISSING when no font
    has it); ``plain`` is true for one glyph from the chain's first face (the
    fast path).
    """

    cls: int
    width: float
    shrink: float
    tier: int
    end_cut: float
    start_cut: float
    glyphs: tuple[int, ...]
    offsets: tuple[float, ...]
    faces: tuple[int, ...]
    plain: bool
    glyph0: int
    offset0: float
    hscale: float = 1.0


class AtomTable:
    """Measures atoms in a font chain at a size and tracking, and remembers them."""

    def __init__(self, chain: FontChain, size: float, tracking: float) -> None:
        self.chain = chain
        self.size = size
        self.tracking = tracking
        self.known: dict[str, AtomInfo] = {}

    def get(self, atom: str) -> AtomInfo:
        """The atom's metrics (measured once)."""
        info = self.known.get(atom)
        if info is None:
            if len(self.known) > TABLE_LIMIT:
                self.known.clear()
            info = self.known[atom] = self._measure(atom)
        return info

    def _glyph(self, ch: str) -> tuple[int, int, float]:
        """(face index, glyph id, advance in em) of a character; a missing one is 1 em."""
        entry = self.chain.lookup.get(ord(ch))
        if entry is None:
            return MISSING, 0, 1.0
        face, advance = entry
        return face, self.chain.faces[face].glyph_ids[ord(ch)], advance

    def _dash(self, atom: str) -> AtomInfo | None:
        """A dash (——, ⸺) drawn as one unbroken rule: each glyph is stretched so that
        its ink fills its em boxes (GB/T 15834: the dash takes two ems)."""
        glyphs, offsets, faces, x, scale = [], [], [], 0.0, 1.0
        for ch in atom:
            face, gid, _ = self._glyph(ch)
            extent = self.chain.faces[face].ink_extent(ch) if face != MISSING else None
            if extent is None or extent[1] <= extent[0]:
                return None
            box = self.size * {"⸺": 2.0, "⸻": 3.0}.get(ch, 1.0)
            scale = box / ((extent[1] - extent[0]) * self.size)
            glyphs.append(gid)
            faces.append(face)
            offsets.append(x - extent[0] * self.size * scale)
            x += box + self.tracking * self.size
        return AtomInfo(DASH, x, 0.0, Tier.NONE, self.tracking * self.size, 0.0, tuple(glyphs),
                        tuple(offsets), tuple(faces), False, glyphs[0], offsets[0], scale)

    def _measure(self, atom: str) -> AtomInfo:
        cls = int(classify(atom))
        size, tracking = self.size, self.tracking
        if cls == DASH and atom.strip("—⸺⸻") == "":
            dash = self._dash(atom)
            if dash is not None:
                return dash
        if cls in PUNCT:
            face, gid, advance = self._glyph(atom)
            offset = 0.0
            if cls == OPEN:
                offset = (1.0 - advance) * size
            elif cls == MIDDLE:
                offset = (1.0 - advance) * size / 2
            end_cut = HALF * size if cls in RIGHT_SPACED else 0.0
            start_cut = HALF * size if cls == OPEN else 0.0
            return AtomInfo(cls, size * (1.0 + tracking), HALF * size, _TIER_OF[cls], end_cut,
                            start_cut, (gid,), (offset,), (face,), face == 0, gid, offset)
        glyphs, offsets, faces, x = [], [], [], 0.0
        extra = tracking * size if cls in (HAN, DASH) else 0.0
        for ch in atom:
            face, gid, advance = self._glyph(ch)
            glyphs.append(gid)
            faces.append(face)
            offsets.append(x)
            x += advance * size + extra
        shrink = 0.0
        if cls == SPACE and atom == " ":
            shrink = max(0.0, x - WORD_SPACE_MIN * size)
        end_cut = x if cls == SPACE else extra
        plain = len(atom) == 1 and faces[0] == 0
        return AtomInfo(cls, x, shrink, _TIER_OF.get(cls, Tier.NONE), end_cut, 0.0, tuple(glyphs),
                        tuple(offsets), tuple(faces), plain, glyphs[0], 0.0)


@cache
def atom_table(chain: FontChain, size: float, tracking: float) -> AtomTable:
    """The shared table of a chain, size and tracking."""
    return AtomTable(chain, size, tracking)


@dataclass(frozen=True)
class StyledRun:
    """Text in one font chain, size, colour and tracking (em)."""

    text: str
    chain: FontChain
    size: float
    colour: Colour
    tracking: float = 0.0

    @property
    def table(self) -> AtomTable:
        """The atom table of this run's chain, size and tracking."""
        return atom_table(self.chain, self.size, self.tracking)


@dataclass
class PreparedParagraph:
    """Parallel lists, one entry per atom, ready for breaking and justification.

    ``width`` is the natural advance in points, ``lead`` the leading space
    already removed from an opening mark (its glyph is drawn that far left),
    ``gap`` the space before the atom, ``shrink`` the space the atom can still
    give up, ``end_cut``/``start_cut`` what it gives up at a line's end or
    start, ``breakable[i]`` whether a line may start at atom i. ``glyph0`` and
    ``draw`` are the first glyph of each atom and where it is drawn from the
    atom's x (for the fast path). ``cum`` holds prefix sums of gap + width and
    ``fancy`` prefix counts of atoms that are not plain, each with one more
    entry than there are atoms; ``space_at`` and ``gap_at`` list the word
    spaces and the atoms with Han–Latin space before them. ``ink_x[i]`` is
    where atom i's first glyph goes when atoms are set at their natural
    widths from 0 (cum + gap + draw): a plain line's glyphs are one addition away.
    """

    runs: list[StyledRun]
    atoms: list[str] = field(default_factory=list)
    info: list[AtomInfo] = field(default_factory=list)
    run_of: list[int] = field(default_factory=list)
    cls: list[int] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    shrink: list[float] = field(default_factory=list)
    tier: list[int] = field(default_factory=list)
    end_cut: list[float] = field(default_factory=list)
    start_cut: list[float] = field(default_factory=list)
    lead: list[float] = field(default_factory=list)
    gap: list[float] = field(default_factory=list)
    breakable: list[bool] = field(default_factory=list)
    cum: list[float] = field(default_factory=list)
    fancy: list[int] = field(default_factory=list)
    glyph0: list[int] = field(default_factory=list)
    draw: list[float] = field(default_factory=list)
    space_at: list[int] = field(default_factory=list)
    gap_at: list[int] = field(default_factory=list)
    ink_x: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.atoms)

    def em(self, index: int) -> float:
        """The em (type size) of the atom's run."""
        return self.runs[self.run_of[index]].size


_PUNCT_PAIRS = re.compile(b"[\x01-\x05]{2,}")  # runs of two or more marks (OPEN..MIDDLE)
_SPACE_OPEN = re.compile(b"\x07\x01")  # a word space, then an opening mark


def _codes(codes: bytes, *wanted: int) -> list[int]:
    """Indices of the atoms of the wanted classes (a C-speed scan of the class bytes)."""
    found: list[int] = []
    for code in wanted:
        index = codes.find(code)
        while index >= 0:
            found.append(index)
            index = codes.find(code, index + 1)
    return sorted(found)


def _compress_adjacent(p: PreparedParagraph, codes: bytes) -> bool:
    """Two adjacent marks (2 em) take 1.5 em: the first gives up its trailing space,
    else the second its leading space (clreq: adjustment of adjacent punctuation).
    An opening mark after a word space gives up its leading space too.
    True when any opening mark lost its leading space (``lead`` changed)."""
    cls = p.cls
    leads = False
    for match in _SPACE_OPEN.finditer(codes):
        i = match.start() + 1
        p.width[i] -= HALF * p.em(i)
        p.lead[i] = HALF * p.em(i)
        p.shrink[i] = p.start_cut[i] = 0.0
        leads = True
    for run in _PUNCT_PAIRS.finditer(codes):
        for i in range(run.start() + 1, run.end()):
            if cls[i - 1] in RIGHT_SPACED and p.shrink[i - 1] > 0:
                p.width[i - 1] -= HALF * p.em(i - 1)
                p.shrink[i - 1] = p.end_cut[i - 1] = 0.0
            elif cls[i] == OPEN and p.lead[i] == 0:
                p.width[i] -= HALF * p.em(i)
                p.lead[i] = HALF * p.em(i)
                p.shrink[i] = p.start_cut[i] = 0.0
                leads = True
    return leads


def _gaps(p: PreparedParagraph, latin: list[int]) -> None:
    """A quarter em between Han and Latin atoms; it can shrink to 1/8 em."""
    cls = p.cls
    last = len(cls) - 1
    for i in latin:
        for j, k in ((i, i - 1), (i + 1, i)):  # the gap before i, and the gap after it
            if k >= 0 and j <= last and HAN in (cls[j], cls[k]) and p.gap[j] == 0:
                em = min(p.em(j), p.em(k))
                p.gap[j] = HAN_LATIN_SPACE * em
                if p.tier[j] == Tier.NONE:
                    p.tier[j] = Tier.HAN_LATIN
                    p.shrink[j] = (HAN_LATIN_SPACE - HAN_LATIN_MIN) * em


def _break_rules(p: PreparedParagraph, strict: bool, words: list[int]) -> None:
    """May a line start at atom i? Not before a no-start mark nor after a no-end mark;
    between Latin atoms and around spaces only after a space."""
    no_start = NO_START_STRICT if strict else NO_START
    atoms, cls = p.atoms, p.cls
    blocked = map(or_, map(no_start.__contains__, atoms[1:]), map(NO_END.__contains__, atoms))
    p.breakable = [False, *map(not_, blocked)]
    for i in words:
        for j in (i, i + 1):
            if 0 < j < len(cls) and (cls[j] == SPACE or cls[j - 1] == SPACE or
                                     (cls[j] == LATIN and cls[j - 1] == LATIN)):
                p.breakable[j] = cls[j - 1] == SPACE


def _measured(run: StyledRun, atoms: list[str]) -> list[AtomInfo]:
    """The atoms' metrics, from the run's table."""
    table = run.table
    try:
        return list(map(table.known.__getitem__, atoms))
    except KeyError:
        return list(map(table.get, atoms))


def prepare(runs: list[StyledRun], strict: bool = False) -> PreparedParagraph:
    """Atoms and metrics of a paragraph made of styled runs."""
    p = PreparedParagraph(runs=runs)
    for index, run in enumerate(runs):
        atoms = atomize(run.text)
        p.atoms += atoms
        p.info += _measured(run, atoms)
        p.run_of += [index] * len(atoms)
    count = len(p.atoms)
    p.lead = [0.0] * count
    p.gap = [0.0] * count
    if not count:
        p.fancy = [0]
        p.cum = [0.0]
        return p
    cls, width, shrink, tier, end_cut, start_cut, _, _, _, plain, glyph0, offset0, _ = zip(*p.info)
    p.cls, p.width, p.shrink, p.tier = list(cls), list(width), list(shrink), list(tier)
    p.end_cut, p.start_cut, p.glyph0 = list(end_cut), list(start_cut), list(glyph0)
    p.fancy = [0, *accumulate(map(not_, plain))]
    codes = bytes(p.cls)
    leads = _compress_adjacent(p, codes)
    latin, spaces = _codes(codes, LATIN), _codes(codes, SPACE)
    _break_rules(p, strict, sorted(latin + spaces))
    p.draw = list(map(sub, offset0, p.lead)) if leads else list(offset0)
    p.space_at = spaces
    if latin:
        _gaps(p, latin)
        p.gap_at = [i for i in sorted(set(latin + [i + 1 for i in latin])) if i < count and p.gap[i]]
        p.cum = [0.0, *accumulate(map(add, p.gap, p.width))]
        p.ink_x = list(map(add, map(add, p.cum, p.gap), p.draw))
    else:
        p.cum = [0.0, *accumulate(p.width)]
        p.ink_x = list(map(add, p.cum, p.draw))
    return p


@lru_cache(maxsize=8192)
def prepared(runs: tuple[StyledRun, ...], strict: bool = False) -> PreparedParagraph:
    """:func:`prepare`, remembered: a paragraph is prepared again only when its text or
    styles change (prepared paragraphs are never modified afterwards)."""
    return prepare(list(runs), strict)
