"""Prepare paragraphs for line breaking: atoms, their widths, spaces and break rules.

A paragraph is a list of styled runs. Its text is split into atoms (see
``layout.engine.chars``), each measured once per font chain and size (see
``layout.engine.metrics``). Then, for the whole paragraph at once: adjacent
punctuation is compressed, so that breaking sees the widths that will be set;
a quarter em goes between Han and Latin atoms; and each atom learns whether a
line may start at it.

Many paragraphs (an article) are prepared together, as arrays over all their
atoms: the work per paragraph is then little more than handing out its slices.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from layout.engine.chars import SPECIAL_RE
from layout.engine.fonts import FontChain
from layout.engine.metrics import (
    CLOSE,
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
    I_CLS,
    I_GLYPH0,
    I_NO_END,
    I_NO_START,
    I_NO_START_STRICT,
    I_PLAIN,
    I_TIER,
    INT_COLUMNS,
    LATIN,
    MIDDLE,
    OPEN,
    PAUSE,
    SPACE,
    STOP,
    AtomInfo,
    AtomTable,
    Tier,
    atom_table,
)
from layout.model.colour import Colour

CACHE_SIZE = 8192


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


class _Batch:
    """Arrays over the atoms of several paragraphs prepared together; a paragraph
    reads its slice of the ones it needs only on the slow paths."""

    def __init__(self, arrays: dict[str, np.ndarray], infos: list[list[AtomInfo]]) -> None:
        self.arrays = arrays
        self.infos = infos  # per run of the batch: its table's measured atoms, by id


class PreparedParagraph:
    """Parallel lists, one entry per atom, ready for breaking and justification.

    ``text`` is the runs' text and ``char_at[i]`` where atom i starts in it
    (one more entry than there are atoms). ``cls`` holds each atom's class
    and ``breakable`` whether a line may start at it, as bytes. ``cum`` holds
    prefix sums of gap + width and ``fancy`` prefix counts of atoms that are
    not plain (one glyph of the chain's first face), each with one more entry
    than there are atoms. ``gap`` is the space before an atom (Han–Latin),
    ``end_cut``/``start_cut`` the space it gives up at a line's end or start;
    ``space_at`` and ``gap_at`` list the word spaces and the atoms with
    Han–Latin space before them. ``glyph0`` is each atom's first glyph and
    ``ink_x[i]`` where it goes when atoms are set at their natural widths from 0:
    a plain line's glyphs are one addition away.

    Read on the slow paths only, and made when first asked for: ``width`` (the
    natural advance), ``shrink`` (the space an atom can still give up),
    ``tier`` (its place in the reduction order), ``lead`` (the leading space
    already removed from an opening mark), ``draw`` (where the first glyph is
    drawn from the atom's x), ``run_of``, ``atoms`` and ``info``.
    """

    def __init__(self, runs: list[StyledRun], text: str, fields: dict[str, object],
                 batch: _Batch | None = None, span: tuple[int, int, int] = (0, 0, 0)) -> None:
        self.runs = runs
        self.text = text
        self.char_at: list[int] = fields["char_at"]
        self.cls: bytes = fields["cls"]
        self.breakable: bytes = fields["breakable"]
        self.cum: list[float] = fields["cum"]
        self.fancy: list[int] = fields["fancy"]
        self.gap: list[float] = fields["gap"]
        self.end_cut: list[float] = fields["end_cut"]
        self.start_cut: list[float] = fields["start_cut"]
        self.space_at: list[int] = fields["space_at"]
        self.gap_at: list[int] = fields["gap_at"]
        self.glyph0: list[int] = fields["glyph0"]
        self.ink_x: list[float] = fields["ink_x"]
        self.count = len(self.cls)
        self.size0 = runs[0].size if len(runs) == 1 else 0.0  # the em of a one-run paragraph
        self._batch = batch
        self._span = span  # first atom and first run in the batch, and the atom count

    def __len__(self) -> int:
        return self.count

    def _column(self, name: str) -> list:
        first, _, count = self._span
        if self._batch is None:
            return []
        return self._batch.arrays[name][first:first + count].tolist()

    @cached_property
    def width(self) -> list[float]:
        """Each atom's natural advance in points (after punctuation compression)."""
        return self._column("width")

    @cached_property
    def shrink(self) -> list[float]:
        """The space each atom can still give up when a line is too long."""
        return self._column("shrink")

    @cached_property
    def tier(self) -> list[int]:
        """Where each atom's shrinkable space stands in the reduction order."""
        return self._column("tier")

    @cached_property
    def lead(self) -> list[float]:
        """The leading space removed from an opening mark (its glyph is drawn that far left)."""
        return self._column("lead")

    @cached_property
    def draw(self) -> list[float]:
        """Where each atom's first glyph is drawn from the atom's x."""
        return self._column("draw")

    @cached_property
    def run_of(self) -> list[int]:
        """The index of each atom's run."""
        _, first_run, _ = self._span
        return [run - first_run for run in self._column("run")]

    @cached_property
    def atoms(self) -> list[str]:
        """The atoms' text."""
        text, at = self.text, self.char_at
        return [text[a:b] for a, b in zip(at, at[1:])]

    @cached_property
    def info(self) -> list[AtomInfo]:
        """Each atom's measured metrics."""
        _, first_run, _ = self._span
        return [self._batch.infos[first_run + run][atom_id]
                for run, atom_id in zip(self.run_of, self._column("id"))]

    def em(self, index: int) -> float:
        """The em (type size) of the atom's run."""
        return self.size0 or self.runs[self.run_of[index]].size


def _empty(runs: list[StyledRun]) -> PreparedParagraph:
    fields = {"char_at": [0], "cls": b"", "breakable": b"", "cum": [0.0], "fancy": [0], "gap": [],
              "end_cut": [], "start_cut": [], "space_at": [], "gap_at": [], "glyph0": [], "ink_x": []}
    return PreparedParagraph(runs, "", fields)


def _atom_starts(runs: list[StyledRun], chars: int) -> np.ndarray:
    """The character offset of every atom: each character, except the inner ones of a
    Latin word, a number or a dash (never across runs)."""
    inner = None
    offset = 0
    for run in runs:
        for match in SPECIAL_RE.finditer(run.text):
            a, b = match.span()
            if b - a > 1:
                if inner is None:
                    inner = np.zeros(chars, bool)
                inner[offset + a + 1:offset + b] = True
        offset += len(run.text)
    return np.arange(chars) if inner is None else np.flatnonzero(~inner)


def _atom_ids(runs: list[StyledRun], text: str, char_at: np.ndarray, atom_run: np.ndarray,
              codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[AtomInfo]]]:
    """Every atom's id in its run's table, with its rows of float and int metrics."""
    count = len(char_at) - 1
    tables = list(dict.fromkeys(run.table for run in runs))
    one_char = (np.diff(char_at) == 1) & (codes < 0x10000)
    if len(tables) == 1:
        ids = _table_ids(tables[0], text, char_at, np.arange(count), codes, one_char)
        return ids, tables[0].floats[ids], tables[0].ints[ids], [run.table.infos for run in runs]
    ids = np.empty(count, np.int64)
    floats = np.empty((count, len(FLOAT_COLUMNS)))
    ints = np.empty((count, len(INT_COLUMNS)), np.int64)
    table_of_run = np.array([tables.index(run.table) for run in runs])
    for number, table in enumerate(tables):
        where = np.flatnonzero(table_of_run[atom_run] == number)
        ids[where] = found = _table_ids(table, text, char_at, where, codes[where], one_char[where])
        floats[where] = table.floats[found]
        ints[where] = table.ints[found]
    return ids, floats, ints, [run.table.infos for run in runs]


def _table_ids(table: AtomTable, text: str, char_at: np.ndarray, where: np.ndarray, codes: np.ndarray,
               one_char: np.ndarray) -> np.ndarray:
    """The ids in ``table`` of the atoms at ``where`` (their first characters' ``codes``);
    atoms never seen before are measured."""
    table.make_room()
    found = np.where(one_char, table.bmp[codes & 0xFFFF], -1)
    for k in np.flatnonzero(found < 0).tolist():
        i = int(where[k])
        found[k] = table.id_of(text[char_at[i]:char_at[i + 1]])
    return found


def _previous(values: np.ndarray, fill: int | float) -> np.ndarray:
    """values shifted one to the right: out[i] = values[i - 1], out[0] = fill."""
    out = np.empty_like(values)
    out[0] = fill
    out[1:] = values[:-1]
    return out


def _compress_adjacent(a: dict[str, np.ndarray], same: np.ndarray, em: np.ndarray) -> None:
    """Two adjacent marks (2 em) take 1.5 em: the first gives up its trailing space,
    else the second its leading space (clreq: adjustment of adjacent punctuation).
    An opening mark after a word space gives up its leading space too."""
    cls, width, shrink = a["cls"], a["width"], a["shrink"]
    half = HALF * em
    opening = cls == OPEN
    after_space = same & opening & (_previous(cls, -1) == SPACE)
    punct = (cls >= OPEN) & (cls <= MIDDLE)
    pair = same & punct & _previous(punct, False)
    right = ((cls == CLOSE) | (cls == PAUSE) | (cls == STOP)) & (shrink > 0)
    gives_trailing = pair & _previous(right, False)
    before = np.flatnonzero(gives_trailing) - 1
    width[before] -= half[before]
    shrink[before] = a["end_cut"][before] = 0.0
    leading = np.flatnonzero(after_space | (pair & ~gives_trailing & opening))
    width[leading] -= half[leading]
    a["lead"][leading] = half[leading]
    shrink[leading] = a["start_cut"][leading] = 0.0


def _gaps(a: dict[str, np.ndarray], same: np.ndarray, em: np.ndarray) -> None:
    """A quarter em between Han and Latin atoms; it can shrink to 1/8 em."""
    cls = a["cls"]
    latin, han = cls == LATIN, cls == HAN
    at = np.flatnonzero(same & ((latin & _previous(han, False)) | (han & _previous(latin, False))))
    if not len(at):
        return
    em_pair = np.minimum(em[at], em[at - 1])
    a["gap"][at] = HAN_LATIN_SPACE * em_pair
    loose = a["tier"][at] == Tier.NONE
    a["tier"][at[loose]] = Tier.HAN_LATIN
    a["shrink"][at[loose]] = (HAN_LATIN_SPACE - HAN_LATIN_MIN) * em_pair[loose]


def _breakable(a: dict[str, np.ndarray], same: np.ndarray, ints: np.ndarray, strict: bool) -> np.ndarray:
    """May a line start at atom i? Not before a no-start mark nor after a no-end mark;
    between Latin atoms and around spaces only after a space."""
    cls = a["cls"]
    no_start = ints[:, I_NO_START_STRICT if strict else I_NO_START] != 0
    allowed = same & ~no_start & ~_previous(ints[:, I_NO_END] != 0, False)
    space, latin = cls == SPACE, cls == LATIN
    space_before = _previous(space, False)
    word = space | space_before | (latin & _previous(latin, False))
    return np.where(word, space_before, allowed) & same


def _prefix_sums(steps: np.ndarray, bounds: list[tuple[int, int]], para_of: np.ndarray,
                 column: np.ndarray) -> np.ndarray:
    """Running sums of steps within each paragraph (each from 0), inclusive: summed in the
    same order as one paragraph alone, so that the sums are exactly the same."""
    longest = max(end - first for first, end in bounds)
    if len(bounds) * longest > 4 * len(steps) + 4096:  # a few long paragraphs among many short ones
        out = np.empty_like(steps)
        for first, end in bounds:
            np.cumsum(steps[first:end], out=out[first:end])
        return out
    table = np.zeros((len(bounds), longest))
    table[para_of, column] = steps
    return table.cumsum(axis=1)[para_of, column]


def _sparse_list(values: np.ndarray) -> list[float]:
    """values as a list, quicker than tolist when most of them are zero."""
    out = [0.0] * len(values)
    at = np.flatnonzero(values)
    if len(at) > len(values) // 4:
        return values.tolist()
    for index, value in zip(at.tolist(), values[at].tolist()):
        out[index] = value
    return out


def _before_each(counts: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    """For each paragraph, the running count just before its first atom."""
    return np.where(firsts > 0, counts[np.maximum(firsts - 1, 0)], 0)


def _positions(indices: np.ndarray, firsts: np.ndarray) -> list[list[int]]:
    """Sorted atom indices split by paragraph, each counted from its paragraph's first atom."""
    out: list[list[int]] = [[] for _ in firsts]
    if len(indices):
        owners = np.searchsorted(firsts, indices, "right") - 1
        for owner, index in zip(owners.tolist(), (indices - firsts[owners]).tolist()):
            out[owner].append(index)
    return out


def prepare_many(paragraphs: Sequence[Sequence[StyledRun]], strict: bool = False) -> list[PreparedParagraph]:
    """Atoms and metrics of several paragraphs, each made of styled runs, prepared together."""
    runs = [run for para in paragraphs for run in para]
    text = "".join(run.text for run in runs)
    if not text:
        return [_empty(list(para)) for para in paragraphs]
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.int64)
    char_at = np.append(_atom_starts(runs, len(text)), len(text))
    count = len(char_at) - 1
    run_chars = np.cumsum([0] + [len(run.text) for run in runs])
    run_atom = np.searchsorted(char_at, run_chars)  # each run's first atom, and the end
    atom_run = np.repeat(np.arange(len(runs)), np.diff(run_atom))
    ids, floats, ints, infos = _atom_ids(runs, text, char_at, atom_run, codes[char_at[:-1]])
    em = np.array([run.size for run in runs])[atom_run]
    para_runs = np.cumsum([0] + [len(para) for para in paragraphs])
    para_atom = run_atom[para_runs].tolist()
    bounds = list(zip(para_atom, para_atom[1:]))
    same = np.ones(count, bool)
    same[[first for first, end in bounds if first < end]] = False
    a = {"cls": ints[:, I_CLS].copy(), "tier": ints[:, I_TIER].copy(), "width": floats[:, F_WIDTH].copy(),
         "shrink": floats[:, F_SHRINK].copy(), "end_cut": floats[:, F_END_CUT].copy(),
         "start_cut": floats[:, F_START_CUT].copy(), "lead": np.zeros(count), "gap": np.zeros(count),
         "id": ids, "run": atom_run}
    _compress_adjacent(a, same, em)
    _gaps(a, same, em)
    a["draw"] = floats[:, F_OFFSET0] - a["lead"]
    firsts = np.array([first for first, _ in bounds], np.int64)
    para_of = np.repeat(np.arange(len(bounds)), [end - first for first, end in bounds])
    column = np.arange(count) - firsts[para_of]
    cum = _prefix_sums(a["gap"] + a["width"], bounds, para_of, column)
    ink_x = (np.where(same, _previous(cum, 0.0), 0.0) + a["gap"]) + a["draw"]
    fancy = np.cumsum(ints[:, I_PLAIN] == 0)
    lists = {name: _sparse_list(a[name]) for name in ("gap", "end_cut", "start_cut")}
    lists.update(cum=cum.tolist(), ink_x=ink_x.tolist(), glyph0=ints[:, I_GLYPH0].tolist(),
                 fancy=(fancy - _before_each(fancy, firsts)[para_of]).tolist(),
                 char_at=(char_at[:-1] - char_at[firsts][para_of]).tolist())
    cls_bytes = a["cls"].astype(np.uint8).tobytes()
    breakable = _breakable(a, same, ints, strict).tobytes()
    spaces = _positions(np.flatnonzero(a["cls"] == SPACE), firsts)
    gapped = _positions(np.flatnonzero(a["gap"]), firsts)
    batch = _Batch(a, infos)
    out = []
    para_chars = char_at[para_atom].tolist()
    for number, (para, (first, end)) in enumerate(zip(paragraphs, bounds)):
        if first == end:
            out.append(_empty(list(para)))
            continue
        char_list = lists["char_at"][first:end]
        char_list.append(para_chars[number + 1] - para_chars[number])
        fields = {"cls": cls_bytes[first:end], "breakable": breakable[first:end],
                  "cum": [0.0, *lists["cum"][first:end]], "fancy": [0, *lists["fancy"][first:end]],
                  "char_at": char_list, "space_at": spaces[number], "gap_at": gapped[number]}
        for name in ("gap", "end_cut", "start_cut", "glyph0", "ink_x"):
            fields[name] = lists[name][first:end]
        para_text = text[para_chars[number]:para_chars[number + 1]]
        out.append(PreparedParagraph(list(para), para_text, fields, batch,
                                     (first, int(para_runs[number]), end - first)))
    return out


def prepare(runs: list[StyledRun], strict: bool = False) -> PreparedParagraph:
    """Atoms and metrics of a paragraph made of styled runs."""
    return prepare_many([runs], strict)[0]


_CACHE: OrderedDict[tuple[tuple[StyledRun, ...], bool], PreparedParagraph] = OrderedDict()


def prepared_many(paragraphs: Sequence[tuple[StyledRun, ...]], strict: bool = False) -> list[PreparedParagraph]:
    """:func:`prepare_many`, remembered: a paragraph is prepared again only when its text
    or styles change (prepared paragraphs are never modified afterwards). The ones not
    remembered are prepared together."""
    keys = [(runs, strict) for runs in paragraphs]
    found = [_CACHE.get(key) for key in keys]
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
