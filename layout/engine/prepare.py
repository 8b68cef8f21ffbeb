"""Prepare paragraphs for line breaking: atoms, their widths, spaces and break rules.

A paragraph is a list of styled runs. Its text is split into atoms (see
``layout.engine.chars``), each measured once per font chain and size (see
``layout.engine.metrics``). Then, for the whole paragraph at once: adjacent
punctuation is compressed, so that breaking sees the widths that will be set;
a quarter em goes between Han and Latin atoms; and each atom learns whether a
line may start at it.

Many paragraphs (an article) are prepared together, as arrays over all their
atoms (a :class:`Batch`); a paragraph makes lists of its slices only when the
slow paths of breaking and setting ask for them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

import numpy as np

from layout.engine.chars import LETTER, MARK, special_spans
from layout.engine.fonts import FontChain
from layout.engine.metrics import (
    F_END_CUT,
    F_OFFSET0,
    F_SHRINK,
    F_START_CUT,
    F_WIDTH,
    FLOAT_COLUMNS,
    HALF,
    HAN,
    HAN_LATIN_MIN,
    HAN_LATIN_SPACE,
    HAN_LATIN_STRETCH,
    I_CLS,
    I_FLAGS,
    I_GLYPH0,
    I_KIND,
    I_TIER,
    INT_COLUMNS,
    K_NO_FIRST,
    K_NO_FIRST_STRICT,
    K_NO_LAST,
    K_RIGHT,
    KINDS,
    LATIN,
    MIDDLE,
    OPEN,
    PLAIN,
    SIMPLE,
    SPACE,
    AtomInfo,
    AtomTable,
    Tier,
    atom_table,
)
from layout.model.colour import Colour

CACHE_SIZE = 8192
EPSILON = 1e-6  # points: a width within this of a measure fits it
SCATTERED = 4


@dataclass(frozen=True, slots=True)
class StyledRun:
    """Text in one font chain, size, colour, tracking (em) and horizontal scale (a
    factor: below 1 长体, above 1 扁体)."""

    text: str
    chain: FontChain
    size: float
    colour: Colour
    tracking: float = 0.0
    hscale: float = 1.0

    @property
    def table(self) -> AtomTable:
        """The atom table of this run's chain, size, tracking and horizontal scale."""
        return atom_table(self.chain, self.size, self.tracking, self.hscale)

    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.text, self.chain, self.size, self.colour, self.tracking,
                                                self.hscale)))

    def __hash__(self) -> int:
        """Hashed once, when made: runs are the keys of the paragraph cache."""
        return self._hash


PER_ATOM = ("cls", "breakable", "width", "shrink", "tier", "lead", "draw", "gap", "start_cut", "end_cut", "id",
            "run", "glyph0", "open_at", "open_cut", "close_at", "para_end", "em",
            "punct_end", "soft")
PREFIX_SUMS = ("shrunk", "chars", "char_at", "stretch")
POSITIONS = ("fancy_at", "complex_at", "inner_at", "resort_at")


class Batch:
    """Arrays over the atoms of paragraphs prepared together; paragraph k holds atoms
    ``bounds[k]`` (first, end).

    Per atom: its class, whether a line may start at it, ``width``, ``shrink``,
    ``tier``, ``lead``, ``draw``, ``gap``, ``start_cut`` and ``end_cut`` (see
    :class:`PreparedParagraph`), its ``id`` in its ``run``'s atom table, its
    first glyph, and x positions from its paragraph's start at natural widths
    (running sums of gap + width, in the same order as for the paragraph alone):
    ``open_at``, where its box starts when it starts a paragraph's first line
    (after its gap), ``open_cut`` the same on a later line (less its start cut),
    ``close_at`` where a line that ends with it ends (less its end cut);
    ``para_end``, where its paragraph ends; ``em``, its run's size; ``punct_end``,
    a mark that gives up space at a line's end; ``soft``, a line may start at it only
    at a cost (see :func:`_soft_breaks`). Prefix sums, one entry longer:
    ``shrunk`` (the space atoms can give up), ``stretch`` (the share of a justified
    line's added space each gap takes, the gap before an atom: one between Chinese
    characters and at word spaces, HAN_LATIN_STRETCH at a Han–Latin gap, shared by
    the two sides of a word space beside Han, none inside a Latin word, a number or
    an address: see :func:`_stretch_weights`), ``chars`` (characters that count
    against a lone last one: none for marks and spaces, one for a Latin word or
    number, else the atom's length) and ``char_at``, where each atom starts in
    ``text``. Positions (sorted atom indices) of the few atoms of some kinds:
    ``fancy_at`` (not one glyph of the chain's first face), ``complex_at`` (a glyph
    from another face, a missing one, or a scaled one), ``inner_at`` (the pieces of a URL
    and the characters of a long word after the first: a line may start there, but
    no space is added before them), ``resort_at`` (of those, a long word's: a line
    starts there only when the word cannot fit on a line of its own); ``breaks``, where a line may
    start, after a -1; ``stops``, where one may start or a paragraph starts, then
    the number of atoms (see :func:`prev_break`, :func:`next_break`).
    """

    def __init__(self, text: str, arrays: dict[str, np.ndarray], bounds: list[tuple[int, int]],
                 infos: list[list[AtomInfo]]) -> None:
        self.text = text
        self.arrays = arrays
        self.bounds = bounds
        self.infos = infos  # per run of the batch: its table's measured atoms, by id
        self.plans: dict[tuple[float, float], tuple[Sequence[int], list[int]]] = {}  # line ends (see linebreak)


class PreparedParagraph:
    """One paragraph of a :class:`Batch`: atoms ``first``..``first + count - 1``, whose
    runs' text is ``text``. Breaking and setting work on the batch's arrays; the lists
    here, one entry per atom, are made when first asked for: ``char_at`` (where each
    atom starts in ``text``, and its length), ``breakable`` (whether a line may start
    at it, as bytes), ``width``, ``lead``, ``open_at``, ``open_cut``, ``close_at``
    (see :class:`Batch`), ``run_of`` (its run), ``atoms`` (its text) and ``info`` (its
    measured metrics).
    """

    def __init__(self, runs: list[StyledRun], batch: Batch, number: int, first_run: int, text: str) -> None:
        self.runs = runs
        self.batch = batch
        self.number = number
        self.first, end = batch.bounds[number]
        self.count = end - self.first
        self.first_run = first_run
        self.text = text
        one = runs[0] if len(runs) == 1 else None
        self.size0 = one.size if one else 0.0  # the em of a one-run paragraph
        self.look = (one.chain.faces[0].name, one.size, one.colour) if one else None  # its font, size, colour

    def __len__(self) -> int:
        return self.count

    def _list(self, name: str) -> list:
        return self.batch.arrays[name][self.first:self.first + self.count].tolist()

    @cached_property
    def breakable(self) -> bytes:
        """Whether a line may start at each atom (1) or not (0)."""
        return self.batch.arrays["breakable"][self.first:self.first + self.count].tobytes()

    @cached_property
    def char_at(self) -> list[int]:
        """Where each atom starts in ``text``, and the text's length."""
        values = self.batch.arrays["char_at"][self.first:self.first + self.count + 1]
        return (values - values[0]).tolist()

    @cached_property
    def width(self) -> list[float]:
        """Each atom's natural advance in points (after punctuation compression)."""
        return self._list("width")

    @cached_property
    def lead(self) -> list[float]:
        """The leading space removed from each opening mark."""
        return self._list("lead")

    @cached_property
    def open_at(self) -> list[float]:
        """Where each atom's box starts when it starts a first line."""
        return self._list("open_at")

    @cached_property
    def open_cut(self) -> list[float]:
        """Where each atom's box starts when it starts a later line."""
        return self._list("open_cut")

    @cached_property
    def close_at(self) -> list[float]:
        """Where a line that ends with each atom ends."""
        return self._list("close_at")

    @cached_property
    def run_of(self) -> list[int]:
        """The index of each atom's run."""
        return [run - self.first_run for run in self._list("run")]

    @cached_property
    def atoms(self) -> list[str]:
        """The atoms' text."""
        text, at = self.text, self.char_at
        return [text[a:b] for a, b in zip(at, at[1:])]

    @cached_property
    def info(self) -> list[AtomInfo]:
        """Each atom's measured metrics."""
        infos = self.batch.infos
        return [infos[self.first_run + run][atom_id] for run, atom_id in zip(self.run_of, self._list("id"))]

    def em(self, index: int) -> float:
        """The em (type size) of the atom's run."""
        return self.size0 or self.runs[self.run_of[index]].size

    def natural(self, start: int, end: int, first_line: bool) -> float:
        """The width of atoms start..end-1 set on one line, before justification."""
        return self.close_at[end - 1] - (self.open_at[start] if first_line else self.open_cut[start])


def _atom_starts(runs: list[StyledRun], chars: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The character offset of every atom: each character, except the inner ones of a
    Latin word, a number or a dash; and (offset, kind) of the atoms that continue a URL
    or a long word (see ``chars.special_spans``). The runs are searched as one text with
    a character between them that no such atom can hold, so that none runs across two."""
    inner = None
    joints = []
    ends = list(accumulate(len(run.text) + 1 for run in runs))  # where each separator stands
    for a, b, kind in special_spans("\x00".join(run.text for run in runs)):
        shift = bisect_right(ends, a) if b - a > 1 or kind else 0  # separators before the match
        if b - a > 1:
            if inner is None:
                inner = np.zeros(chars, bool)
            inner[a + 1 - shift:b - shift] = True
        if kind:
            joints.append((a - shift, kind))
    return np.arange(chars) if inner is None else (~inner).nonzero()[0], joints


def _atom_ids(runs: list[StyledRun], text: str, char_at: np.ndarray, atom_run: np.ndarray,
              codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[AtomInfo]]]:
    """Every atom's id in its run's table, with its rows of float and int metrics."""
    count = len(char_at) - 1
    run_tables = [run.table for run in runs]
    tables = list(dict.fromkeys(run_tables))
    one_char = (char_at[1:] - char_at[:-1] == 1) & (codes < 0x10000)
    if len(tables) == 1:
        ids = _table_ids(tables[0], text, char_at, np.arange(count), codes, one_char)
        table = tables[0]
        return ids, table.floats.take(ids, axis=1), table.ints.take(ids, axis=1), \
            [table.infos for table in run_tables]  # after any table started afresh
    ids = np.empty(count, np.int64)
    floats = np.empty((len(FLOAT_COLUMNS), count))
    ints = np.empty((len(INT_COLUMNS), count), np.int32)
    table_of_run = np.array([tables.index(table) for table in run_tables])
    for number, table in enumerate(tables):
        where = (table_of_run[atom_run] == number).nonzero()[0]
        ids[where] = found = _table_ids(table, text, char_at, where, codes[where], one_char[where])
        floats[:, where] = table.floats.take(found, axis=1)
        ints[:, where] = table.ints.take(found, axis=1)
    return ids, floats, ints, [table.infos for table in run_tables]


def _table_ids(table: AtomTable, text: str, char_at: np.ndarray, where: np.ndarray, codes: np.ndarray,
               one_char: np.ndarray) -> np.ndarray:
    """The ids in ``table`` of the atoms at ``where`` (their first characters' ``codes``);
    atoms never seen before are measured."""
    table.make_room()
    found = np.where(one_char, table.bmp[codes & 0xFFFF], -1)
    unknown = (found < 0).nonzero()[0]
    if len(unknown):
        at = where[unknown]
        spans = zip(char_at[at].tolist(), char_at[at + 1].tolist())
        found[unknown] = [table.id_of(text[low:high]) for low, high in spans]
    return found


def _previous(values: np.ndarray, fill: int | float) -> np.ndarray:
    """values shifted one to the right: out[i] = values[i - 1], out[0] = fill."""
    out = np.empty_like(values)
    out[0] = fill
    out[1:] = values[:-1]
    return out


GIVES_TRAILING, LEADING, GAP, BREAK, BREAK_STRICT = 1, 2, 4, 8, 16  # bits of PAIR_RULES


def _pair_rules() -> np.ndarray:
    """What each pair of kinds (the atom before, the atom; see metrics' kind column) means
    for the atom, as bits: the atom before gives up its trailing space (two adjacent marks,
    the first with space on its right), it gives up its leading space (an opening mark
    after another mark or a word space), a Han–Latin gap goes before it, a line may
    start at it (basic and strict rules: not before a no-start mark nor after a no-end
    mark; between Latin atoms and around spaces only after a space)."""
    before, kind = np.divmod(np.arange(KINDS * KINDS), KINDS)
    cls, prev = kind & 15, before & 15
    punct, prev_punct = (cls >= OPEN) & (cls <= MIDDLE), (prev >= OPEN) & (prev <= MIDDLE)
    prev_right = (before & K_RIGHT) != 0
    gives = punct & prev_punct & prev_right
    leading = (cls == OPEN) & ((prev == SPACE) | (prev_punct & ~prev_right))
    gap = ((cls == LATIN) & (prev == HAN)) | ((cls == HAN) & (prev == LATIN))
    word = (cls == SPACE) | (prev == SPACE) | ((cls == LATIN) & (prev == LATIN))
    after_end = (before & K_NO_LAST) != 0
    basic = np.where(word, prev == SPACE, ((kind & K_NO_FIRST) == 0) & ~after_end)
    strict = np.where(word, prev == SPACE, ((kind & K_NO_FIRST_STRICT) == 0) & ~after_end)
    return (gives * GIVES_TRAILING | leading * LEADING | gap * GAP | basic * BREAK | strict * BREAK_STRICT).astype(
        np.uint8)


PAIR_RULES = _pair_rules()


def _compress_adjacent(a: dict[str, np.ndarray], rules: np.ndarray, em: np.ndarray) -> None:
    """Two adjacent marks (2 em) take 1.5 em: the first gives up its trailing space,
    else the second its leading space (clreq: adjustment of adjacent punctuation).
    An opening mark after a word space gives up its leading space too."""
    width, shrink = a["width"], a["shrink"]
    before = (rules & GIVES_TRAILING).nonzero()[0] - 1
    width[before] -= HALF * em[before]
    shrink[before] = a["end_cut"][before] = 0.0
    leading = (rules & LEADING).nonzero()[0]
    half = HALF * em[leading]
    width[leading] -= half
    a["lead"][leading] = half
    shrink[leading] = a["start_cut"][leading] = 0.0


def _gaps(a: dict[str, np.ndarray], rules: np.ndarray, em: np.ndarray) -> None:
    """A quarter em between Han and Latin atoms; it can shrink to 1/8 em."""
    at = (rules & GAP).nonzero()[0]
    if not len(at):
        return
    em_pair = np.minimum(em[at], em[at - 1])
    a["gap"][at] = HAN_LATIN_SPACE * em_pair
    loose = a["tier"][at] == Tier.NONE
    a["tier"][at[loose]] = Tier.HAN_LATIN
    a["shrink"][at[loose]] = (HAN_LATIN_SPACE - HAN_LATIN_MIN) * em_pair[loose]


RANGE_MARKS = np.array([ord(ch) for ch in "—–～~-"])  # between two numbers: a range (2022—2023年)


def _is_digit(codes: np.ndarray) -> np.ndarray:
    """Whether each code point is a digit, ASCII or full width."""
    return ((codes - 0x30).astype(np.uint64) < 10) | ((codes - 0xFF10).astype(np.uint64) < 10)


def _soft_breaks(codes: tuple[np.ndarray, np.ndarray], kind: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Where a line should start only when nothing better is at hand: a Han character
    after a number (its unit or measure word: 186.4|公里, 42.7|万人; jlreq keeps numbers
    and units together); a dash or ellipsis, which the strict rules forbid at a line's
    start (clreq); either side of a dash between two numbers (a range: 2022—|2023年);
    and a number after a word space after a Latin word (a name and its number: Windows
    11, GB 50014). ``codes``: the code points of each atom's first and last characters;
    ``same``: in the same paragraph as the atom before."""
    first, last = codes
    digit_end = _is_digit(last)
    cls = kind & 15
    soft = _previous(digit_end, False) & same & (cls == HAN)
    soft |= (kind & K_NO_FIRST_STRICT) != 0
    count = len(kind)
    after_number = np.flatnonzero(digit_end[:-2]) + 1  # the few atoms after a number
    marks = first[after_number]
    dash = after_number[(marks[:, None] == RANGE_MARKS).any(axis=1) & (last[after_number] == marks)
                        & _is_digit(first[after_number + 1]) & same[after_number] & same[after_number + 1]]
    soft[dash] = True
    soft[dash + 1] = True
    spaces = np.flatnonzero(cls[1:count - 1] == SPACE) + 1  # a name, a space, a number
    named = spaces[(cls[spaces - 1] == LATIN) & _is_digit(first[spaces + 1]) & same[spaces] & same[spaces + 1]]
    soft[named + 1] = True
    return soft


def _spaces_beside_han(kind: np.ndarray, same: np.ndarray) -> np.ndarray:
    """The word spaces beside anything but Latin in their paragraph (最快 2 小时): they
    stand for the Han–Latin gap. ``same``: in the same paragraph as the atom before."""
    cls = kind & 15
    space = (cls == SPACE).nonzero()[0]
    later = np.minimum(space + 1, len(cls) - 1)
    before = np.where(same[space], cls[np.maximum(space - 1, 0)], LATIN)
    after = np.where((space + 1 < len(cls)) & same[later], cls[later], LATIN)
    return space[(before != LATIN) | (after != LATIN)]


def _shrink_spaces_beside_han(a: dict[str, np.ndarray], beside: np.ndarray, em: np.ndarray) -> None:
    """A word space beside Han (``beside``) shrinks as far as the Han–Latin gap (to 1/8
    em); one between Latin words keeps its 1/4 em."""
    a["shrink"][beside] = np.maximum(0.0, a["width"][beside] - HAN_LATIN_MIN * em[beside])


def _stretch_weights(a: dict[str, np.ndarray], kind: np.ndarray, beside: np.ndarray) -> np.ndarray:
    """The share of a justified line's added space the gap before each atom takes (see
    :class:`Batch`'s ``stretch``); ``beside``: the word spaces beside Han."""
    cls = kind & 15
    weight = np.ones(len(cls))
    weight[(cls == LATIN) & (_previous(cls, HAN) == LATIN)] = 0.0  # 23H|2: inside a word
    weight[a["gap"] != 0] = HAN_LATIN_STRETCH
    weight[beside] = HAN_LATIN_STRETCH / 2
    weight[beside[beside + 1 < len(cls)] + 1] = HAN_LATIN_STRETCH / 2
    weight[a["inner_at"]] = 0.0
    return weight


def _prefix_sums(steps: np.ndarray, bounds: list[tuple[int, int]], para_of: np.ndarray,
                 column: np.ndarray) -> np.ndarray:
    """Running sums of steps within each paragraph (each from 0), inclusive: summed in the
    same order as one paragraph alone, so that the sums are exactly the same."""
    longest = max(end - first for first, end in bounds)
    if len(bounds) * longest > 4 * len(steps) + 4096:  # a few long paragraphs among many short ones
        out = np.empty_like(steps)
        for first, end in bounds:
            steps[first:end].cumsum(out=out[first:end])
        return out
    table = np.zeros((len(bounds), longest))
    flat = para_of * longest + column  # a 2-D index as a flat one: much quicker to gather
    table.ravel()[flat] = steps
    return table.cumsum(axis=1).ravel()[flat]


def _empty_batch(paragraphs: Sequence[Sequence[StyledRun]]) -> Batch:
    arrays = ({name: np.zeros(0) for name in PER_ATOM} | {name: np.zeros(1, np.int64) for name in PREFIX_SUMS}
              | {name: np.zeros(0, np.int64) for name in POSITIONS}
              | {"breaks": np.array([-1]), "stops": np.array([0])})
    return Batch("", arrays, [(0, 0)] * len(paragraphs), [run.table.infos for para in paragraphs for run in para])


def _arrays(runs: list[StyledRun], text: str, bounds: list[tuple[int, int]], strict: bool,
            atoms: tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]
            ) -> tuple[dict[str, np.ndarray], list[list[AtomInfo]]]:
    """Every per-atom array of the batch (see :class:`Batch`); ``atoms``: where each
    starts in the text, its run, and the atoms that continue a URL or a long word with
    their kinds."""
    char_at, atom_run, joints = atoms
    count = len(char_at) - 1
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.int64)
    ids, floats, ints, infos = _atom_ids(runs, text, char_at, atom_run, codes[char_at[:-1]])
    em = np.array([run.size for run in runs])[atom_run]
    wide = em * np.array([run.hscale for run in runs])[atom_run]  # the em set across: scaled
    firsts = np.array([first for first, _ in bounds], np.int64)
    lengths = [end - first for first, end in bounds]
    para_of = np.arange(len(bounds)).repeat(lengths)
    starts = np.zeros(count, bool)
    starts[firsts[firsts < count]] = True
    same = ~starts  # in the same paragraph as the atom before
    a = {"cls": ints[I_CLS], "tier": ints[I_TIER], "width": floats[F_WIDTH], "shrink": floats[F_SHRINK],
         "end_cut": floats[F_END_CUT], "start_cut": floats[F_START_CUT], "lead": np.zeros(count),
         "gap": np.zeros(count), "id": ids, "run": atom_run, "glyph0": ints[I_GLYPH0], "char_at": char_at}
    punct = (a["cls"] >= OPEN) & (a["cls"] <= MIDDLE)  # the marks
    kind = ints[I_KIND].astype(np.intp)
    rules = PAIR_RULES[_previous(kind, 0) * KINDS + kind] * same  # nothing across paragraphs
    _compress_adjacent(a, rules, wide)
    _gaps(a, rules, wide)
    beside = _spaces_beside_han(kind, same)
    _shrink_spaces_beside_han(a, beside, em)
    a["draw"] = floats[F_OFFSET0] - a["lead"]
    a["breakable"] = (rules & (BREAK_STRICT if strict else BREAK)) != 0
    a["soft"] = a["breakable"] & _soft_breaks((codes[char_at[:-1]], codes[char_at[1:] - 1]), kind, same)
    a["inner_at"] = a["resort_at"] = np.zeros(0, np.int64)
    if len(joints[0]):
        _join(a, kind, joints)
    cum = _prefix_sums(a["gap"] + a["width"], bounds, para_of, np.arange(count) - firsts[para_of])
    a["open_at"] = np.where(same, _previous(cum, 0.0), 0.0) + a["gap"]
    a["open_cut"] = a["open_at"] + a["start_cut"]
    a["close_at"] = cum - a["end_cut"]
    ends = np.array([end for _, end in bounds], np.int64)
    a["para_end"] = ends[para_of]
    a["em"] = em
    a["shrunk"] = np.concatenate(([0.0], a["shrink"].cumsum()))
    a["stretch"] = np.concatenate(([0.0], _stretch_weights(a, kind, beside).cumsum()))
    flags, cls = ints[I_FLAGS], a["cls"]
    a["fancy_at"], a["complex_at"] = (flags & PLAIN == 0).nonzero()[0], (flags & SIMPLE == 0).nonzero()[0]
    counted = np.where(cls == LATIN, 1, char_at[1:] - char_at[:-1]) * (~punct & (cls != SPACE))
    a["chars"] = np.concatenate(([0], counted.cumsum()))
    a["breaks"] = np.concatenate(([-1], a["breakable"].nonzero()[0]))
    a["stops"] = np.concatenate(((a["breakable"] | ~same).nonzero()[0], [count]))
    a["punct_end"] = punct & (a["end_cut"] != 0)
    return a, infos


def _join(a: dict[str, np.ndarray], kind: np.ndarray, joints: tuple[np.ndarray, np.ndarray]) -> None:
    """Let lines start inside URLs (``joints``: atoms of kind PIECE or MARK, and their
    kinds; see ``chars``, which chose where an address may break) and long words (LETTER:
    soft breaks) where the rules allow (``kind``: each atom's kind)."""
    at, kinds = joints
    allowed = ((kind[at] & K_NO_FIRST) == 0) | (kinds != LETTER)
    at, kinds = at[allowed], kinds[allowed]
    a["breakable"][at] = True
    a["soft"][at[kinds != MARK]] = True
    a["inner_at"], a["resort_at"] = at, at[kinds == LETTER]


def count_in(positions: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """How many of the sorted ``positions`` lie in low..high-1, for each pair of bounds."""
    return positions.searchsorted(high) - positions.searchsorted(low)


def min_width(a: dict[str, np.ndarray], left: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The width of lines from ``starts`` (whose boxes start at ``left``) to ``ends`` with
    every shrinkable space given up (a line-end mark's space is cut, not shrunk). The
    arrays broadcast: a column of starts may take a row of ends each."""
    last = ends - 1
    shrink = a["shrunk"].take(ends) - a["shrunk"].take(starts + 1)
    shrink = shrink - a["shrink"].take(last) * ((last != starts) & a["punct_end"].take(last))
    return a["close_at"].take(last) - left - np.maximum(0.0, shrink)


def prev_break(a: dict[str, np.ndarray], at: np.ndarray) -> np.ndarray:
    """The last atom at or before each of ``at`` where a line may start (-1: none)."""
    breaks = a["breaks"]
    return breaks[breaks.searchsorted(at, "right") - 1]


def next_break(a: dict[str, np.ndarray], at: np.ndarray) -> np.ndarray:
    """The first atom at or after each of ``at`` where a line may start, else its paragraph's end."""
    stops = a["stops"]
    return stops[stops.searchsorted(at)]


def prepare_many(paragraphs: Sequence[Sequence[StyledRun]], strict: bool = False) -> list[PreparedParagraph]:
    """Atoms and metrics of several paragraphs, each made of styled runs, prepared together."""
    runs = [run for para in paragraphs for run in para]
    text = "".join(run.text for run in runs)
    para_runs = np.cumsum([0] + [len(para) for para in paragraphs]).tolist()
    if not text:
        batch = _empty_batch(paragraphs)
    else:
        starts, joints = _atom_starts(runs, len(text))
        char_at = np.concatenate((starts, [len(text)]))
        run_atom = char_at.searchsorted(np.cumsum([0] + [len(run.text) for run in runs]))
        atom_run = np.arange(len(runs)).repeat(run_atom[1:] - run_atom[:-1])
        para_atom = run_atom[para_runs].tolist()
        bounds = list(zip(para_atom, para_atom[1:]))
        joined = (char_at.searchsorted(np.array([at for at, _ in joints], np.int64)),
                  np.array([kind for _, kind in joints], np.int64))
        arrays, infos = _arrays(runs, text, bounds, strict, (char_at, atom_run, joined))
        batch = Batch(text, arrays, bounds, infos)
    chars = batch.arrays["char_at"][[first for first, _ in batch.bounds] + [len(batch.arrays["cls"])]].tolist()
    return [PreparedParagraph(list(para), batch, number, para_runs[number], text[chars[number]:chars[number + 1]])
            for number, para in enumerate(paragraphs)]


def prepare(runs: list[StyledRun], strict: bool = False) -> PreparedParagraph:
    """Atoms and metrics of a paragraph made of styled runs."""
    return prepare_many([runs], strict)[0]


_CACHE: OrderedDict[tuple[tuple[StyledRun, ...], bool], PreparedParagraph] = OrderedDict()


def prepared_many(paragraphs: Sequence[tuple[StyledRun, ...]], strict: bool = False) -> list[PreparedParagraph]:
    """:func:`prepare_many`, remembered: a paragraph is prepared again only when its text
    or styles change (prepared paragraphs are never modified afterwards). The ones not
    remembered are prepared together; when the remembered ones come from SCATTERED or more
    batches (a text edited paragraph by paragraph), all of them are, so that breaking and
    setting them stays one pass over one batch."""
    keys = [(runs, strict) for runs in paragraphs]
    found = [_CACHE.get(key) for key in keys]
    if None in found and len({id(hit.batch) for hit in found if hit is not None}) >= SCATTERED:
        found = [None] * len(keys)  # edited bit by bit: prepare the whole text together again
    todo = list(dict.fromkeys(key for key, hit in zip(keys, found) if hit is None))
    made = dict(zip(todo, prepare_many([runs for runs, _ in todo], strict))) if todo else {}
    out = [made[key] if hit is None else hit for key, hit in zip(keys, found)]
    for key, para in zip(keys, out):
        _CACHE[key] = para
        _CACHE.move_to_end(key)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return out


def prepared(runs: tuple[StyledRun, ...], strict: bool = False) -> PreparedParagraph:
    """One paragraph through :func:`prepared_many`."""
    return prepared_many([runs], strict)[0]


def forget_prepared() -> None:
    """Forget every remembered paragraph (for measuring preparation from cold)."""
    _CACHE.clear()
