"""Measure atoms in a font chain at a size: widths, spaces, glyphs and break flags.

An atom (see ``layout.engine.chars``) gets a natural width in points, the
space it may give up when a line is tight, the space it gives up at a line's
end or start, the glyphs that draw it with their offsets inside the atom, and
whether a line may start or end at it. An :class:`AtomTable` per font chain,
size and tracking measures each atom once and keeps its metrics in arrays, so
that preparing a text is a few array lookups: measuring is the hot path of layout.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import numpy as np

from layout.engine.chars import NO_END, NO_START, NO_START_STRICT, Cls, classify
from layout.engine.fonts import FontChain

HALF = 0.5
HAN_LATIN_SPACE = 0.25  # clreq: up to 1/4 em between Han and Latin letters or digits
HAN_LATIN_MIN = 0.125  # reduction step 6: no less than 1/8 em
HAN_LATIN_STRETCH = 0.5  # a Han–Latin gap takes half the added space of a gap between Chinese characters
WORD_SPACE_MIN = 0.25  # a word space between Latin words never shrinks below 1/4 em
TABLE_LIMIT = 50_000

HAN, OPEN, CLOSE, PAUSE, STOP, MIDDLE, LATIN, SPACE, DASH, SOLIDUS = (int(c) for c in Cls)
PUNCT = frozenset((OPEN, CLOSE, PAUSE, STOP, MIDDLE))
RIGHT_SPACED = frozenset((CLOSE, PAUSE, STOP))
MISSING = -1  # face index of a character that no font has


FLOAT_COLUMNS = ("width", "shrink", "end_cut", "start_cut", "offset0")
F_WIDTH, F_SHRINK, F_END_CUT, F_START_CUT, F_OFFSET0 = range(len(FLOAT_COLUMNS))
INT_COLUMNS = ("cls", "tier", "glyph0", "flags", "kind")
I_CLS, I_TIER, I_GLYPH0, I_FLAGS, I_KIND = range(len(INT_COLUMNS))
# Bits of the flags column: one glyph of the chain's first face; every glyph from the first face, unscaled.
PLAIN, SIMPLE = 1, 2
# The kind column: the class (below 16) and what the rules for neighbours need to know, as bits:
# a mark with space on its right that it can give up; no line may start with it (basic, strict);
# no line may end with it.
K_RIGHT, K_NO_FIRST, K_NO_FIRST_STRICT, K_NO_LAST = 16, 32, 64, 128
KINDS = 256


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
    """Measures atoms in a font chain at a size, tracking and horizontal scale (glyphs,
    their advances and the marks' spaces scaled across; tracking stays in em of the
    size), and remembers them.

    Every atom measured gets an id; ``floats`` and ``ints`` hold its metrics in
    columns (rows F_* and I_* hold one kind of metric each) so that a whole text's metrics are gathered with
    one array lookup, and ``bmp`` maps a one-character atom of the Basic
    Multilingual Plane straight to its id (-1: not measured yet).
    """

    def __init__(self, chain: FontChain, size: float, tracking: float, hscale: float = 1.0) -> None:
        self.chain = chain
        self.size = size
        self.tracking = tracking
        self.hscale = hscale
        self.reset()

    def reset(self) -> None:
        """Forget every atom (old ``infos`` lists stay valid for whoever holds them)."""
        self.ids: dict[str, int] = {}
        self.infos: list[AtomInfo] = []
        self.bmp = np.full(0x10000, -1, np.int64)
        self.floats = np.zeros((len(FLOAT_COLUMNS), 256))
        self.ints = np.zeros((len(INT_COLUMNS), 256), np.int32)

    def make_room(self) -> None:
        """Start afresh when the table has grown past its limit (call between texts)."""
        if len(self.infos) > TABLE_LIMIT:
            self.reset()

    def id_of(self, atom: str) -> int:
        """The atom's id (measured once)."""
        found = self.ids.get(atom)
        return self._add(atom) if found is None else found

    def _add(self, atom: str) -> int:
        info = self._measure(atom)
        index = len(self.infos)
        if index == self.floats.shape[1]:
            self.floats = np.concatenate([self.floats, np.zeros_like(self.floats)], axis=1)
            self.ints = np.concatenate([self.ints, np.zeros_like(self.ints)], axis=1)
        self.floats[:, index] = (info.width, info.shrink, info.end_cut, info.start_cut, info.offset0)
        flags = (PLAIN if info.plain else 0) | (SIMPLE if info.hscale == 1.0 and not any(info.faces) else 0)
        kind = (info.cls | (K_RIGHT if info.cls in RIGHT_SPACED and info.shrink > 0 else 0)
                | (K_NO_FIRST if atom in NO_START else 0) | (K_NO_FIRST_STRICT if atom in NO_START_STRICT else 0)
                | (K_NO_LAST if atom in NO_END else 0))
        self.ints[:, index] = (info.cls, info.tier, info.glyph0, flags, kind)
        self.infos.append(info)
        self.ids[atom] = index
        if len(atom) == 1 and ord(atom) < 0x10000:
            self.bmp[ord(atom)] = index
        return index

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
            box = self.size * self.hscale * {"⸺": 2.0, "⸻": 3.0}.get(ch, 1.0)
            scale = box / ((extent[1] - extent[0]) * self.size)
            glyphs.append(gid)
            faces.append(face)
            offsets.append(x - extent[0] * self.size * scale)
            x += box + self.tracking * self.size
        return AtomInfo(DASH, x, 0.0, Tier.NONE, self.tracking * self.size, 0.0, tuple(glyphs),
                        tuple(offsets), tuple(faces), False, glyphs[0], offsets[0], scale)

    def _measure(self, atom: str) -> AtomInfo:
        cls = int(classify(atom))
        scale = self.hscale
        size, tracking = self.size * scale, self.tracking / scale  # the em set across; tracking in em of the size
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
                            start_cut, (gid,), (offset,), (face,), face == 0, gid, offset, scale)
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
                        tuple(offsets), tuple(faces), plain, glyphs[0], 0.0, scale)


@cache
def atom_table(chain: FontChain, size: float, tracking: float, hscale: float = 1.0) -> AtomTable:
    """The shared table of a chain, size, tracking and horizontal scale."""
    return AtomTable(chain, size, tracking, hscale)
