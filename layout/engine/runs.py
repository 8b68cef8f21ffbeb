"""Turn set lines into glyph runs: one run per font file, size and colour, and a flow's
lines alike into blocks of them (:class:`GlyphLines`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, groupby
from typing import NamedTuple

import numpy as np

from layout.engine.displaylist import (
    GLYPH_SIZE,
    X_SIZE,
    GlyphLines,
    GlyphRun,
    Item,
    MissingGlyph,
    Source,
    missing_marks,
    pack_glyphs,
    pack_xs,
)
from layout.engine.justify import ALIGN_CODES, LEFT, Geometry, LineTable, SetLine, by_batch, geometry
from layout.engine.metrics import MISSING
from layout.engine.prepare import Batch, PreparedParagraph, count_in


def line_items(line: SetLine, baseline: float, missing: list[str] | None = None) -> list[Item]:
    """Display items for a set line on baseline ``baseline``.

    Characters that no font of the chain has become MissingGlyph items and are
    appended to ``missing``.
    """
    return glyph_runs(line.p, line.start, line.end, line.atom_xs, baseline, missing)


def glyph_runs(p: PreparedParagraph, start: int, end: int, atom_xs: list[float], baseline: float,
               missing: list[str] | None, paragraph: int = 0) -> list[Item]:
    """The glyph runs of atoms start..end-1 whose boxes stand at ``atom_xs``: a new run
    wherever the run, the face or the horizontal scale changes; a missing character
    becomes a visible box. Each run's source is ``paragraph`` (its number in the text
    being set) and its characters' range in the paragraph's text."""
    batch = p.batch
    a, infos, text = batch.arrays, batch.infos, batch.text
    low, high = p.first + start, p.first + end
    runs = a["run"][low:high].tolist()
    chars = a["char_at"][low:high + 1].tolist()
    home = int(a["char_at"][p.first])  # where the paragraph starts in the batch's text
    atoms = zip(runs, a["id"][low:high].tolist(), a["lead"][low:high].tolist(), atom_xs, chars, chars[1:])
    items: list[Item] = []
    key: tuple[int, int, float] | None = None
    line_text: list[str] = []
    glyphs: list[int] = []
    xs: list[float] = []
    span = [0, 0]  # the characters of the run being made, in the batch's text

    def flush() -> None:
        if key is not None and line_text:
            run = p.runs[key[0] - p.first_run]
            items.append(GlyphRun(run.chain.faces[key[1]].name, run.size, run.colour, baseline,
                                  "".join(line_text), pack_glyphs(glyphs), pack_xs(xs), key[2],
                                  Source("", "", paragraph, span[0] - home, span[1] - home)))
        line_text.clear()
        glyphs.clear()
        xs.clear()

    for run_index, atom_id, lead, atom_x, char_from, char_to in atoms:
        info = infos[run_index][atom_id]
        left = atom_x - lead
        for at, (ch, gid, offset, face) in enumerate(zip(text[char_from:char_to], info.glyphs, info.offsets,
                                                         info.faces), char_from):
            if face == MISSING:
                flush()
                key = None
                mark = MissingGlyph(ch, left + offset, baseline, p.runs[run_index - p.first_run].size)
                items += [mark, *missing_marks(mark)]
                if missing is not None:
                    missing.append(ch)
                continue
            if (run_index, face, info.hscale) != key:
                flush()
                key = (run_index, face, info.hscale)
                span[0] = at
            span[1] = at + 1
            line_text.append(ch)
            glyphs.append(gid)
            xs.append(left + offset)
    flush()
    return items


FloatOrArray = float | np.ndarray
EM_BOX_ASCENT = 0.88  # ideographic em box: 880/1000 above the baseline in Noto CJK


WIDE_TOLERANCE = 0.01  # points a line may end past its column unreported (rounding)


def overrun_message(excess: float, text: str) -> str:
    """A line that runs ``excess`` points past its column or frame, in words."""
    return f"a line runs {excess:.1f} pt past its column: {text[:24]}"


def baseline_in_line(top: FloatOrArray, pitch: FloatOrArray, size: FloatOrArray) -> FloatOrArray:
    """The baseline of text of ``size`` whose em box is centred in a grid line at ``top``
    (numbers, or arrays of them)."""
    return top + (pitch - size) / 2 + EM_BOX_ASCENT * size


class LineSpan(NamedTuple):
    """Consecutive lines of one paragraph in one column of a flow: the first starts at
    atom ``start``, and they end at ``ends`` (atoms of the paragraph); the column's left
    edge ``x`` and ``width``; the paragraph's first-line ``indent`` and ``align``ment;
    they sit on grid lines ``line``, ``line + 1``, ... of ``pitch`` points below ``top``;
    ``paragraph`` is the paragraph's number in the text that flows (for the lines' sources)."""

    p: PreparedParagraph
    start: int
    ends: list[int]
    x: float
    width: float
    indent: float
    align: str
    top: float
    line: int
    pitch: float
    paragraph: int = 0


def spans_items(spans: list[LineSpan], missing: list[str], wide: list[str] | None = None) -> list[Item]:
    """Display items of the spans' lines (from any batches), in order. Lines of one run
    whose glyphs all come unscaled from the chain's first face are made straight from
    the arrays, as :class:`GlyphLines` of consecutive lines alike; any other line goes
    through :func:`glyph_runs`. The lines of each batch are set together. Lines that
    run past their column are described in ``wide``."""
    groups = by_batch(spans)
    if len(groups) == 1:
        lines = _BatchLines(spans)
        if wide is not None:
            wide += lines.wide()
        return lines.items(0, len(spans), missing)
    sets = {key: _BatchLines([spans[i] for i in indices]) for key, indices in groups.items()}
    if wide is not None:
        wide += [message for lines in sets.values() for message in lines.wide()]
    done = dict.fromkeys(sets, 0)  # spans of each batch already turned into items
    items: list[Item] = []
    for batch, same_batch in groupby(spans, lambda span: span.p.batch):
        key, count = id(batch), sum(1 for _ in same_batch)
        items += sets[key].items(done[key], done[key] + count, missing)
        done[key] += count
    return items


def _span_table(spans: list[LineSpan]) -> tuple[LineTable, np.ndarray, list[int]]:
    """The lines of spans from one batch: their table, baselines, and how many each span has."""
    a = spans[0].p.batch.arrays
    counts = [len(span.ends) for span in spans]
    total, repeats = sum(counts), np.array(counts)
    firsts = np.fromiter(chain.from_iterable((span.p.first, span.start + span.p.first, ALIGN_CODES.get(
        span.align, LEFT)) for span in spans), np.int64, 3 * len(spans)).reshape(-1, 3)
    offset, code = firsts[:, 0].repeat(repeats), firsts[:, 2].repeat(repeats)
    end = np.fromiter(chain.from_iterable(span.ends for span in spans), np.int64, total) + offset
    begins = repeats.cumsum() - repeats
    start = np.empty_like(end)
    start[1:] = end[:-1]
    start[begins] = firsts[:, 1]
    per_span = np.fromiter(chain.from_iterable((span.x, span.width, span.indent, span.top, span.line, span.pitch)
                                               for span in spans), float, 6 * len(spans))
    x, width, indent, top, line, pitch = per_span.reshape(-1, 6).repeat(repeats, axis=0).T
    first = start == offset
    indent = np.where(first, indent, 0.0)
    table = LineTable(start, end, width - indent, first, end == a["para_end"][start], code, x + indent)
    line = line + (np.arange(total) - begins.repeat(repeats))
    return table, baseline_in_line(top + line * pitch, pitch, a["em"][start]), counts


class _BatchLines:
    """The lines of a flow's spans from one batch, justified and positioned together,
    made into display items a run of consecutive spans at a time: :class:`GlyphLines`
    for stretches of lines alike, and the general path's glyph runs for lines of
    paragraphs of several runs and lines with a glyph from another face, a missing one
    or a scaled one."""

    def __init__(self, spans: list[LineSpan]) -> None:
        table, baselines, counts = _span_table(spans)
        batch = spans[0].p.batch
        self.spans, self.table, self.baselines = spans, table, baselines
        self.geo = geometry(batch.arrays, table)
        self.looks = [span.p.look for span in spans]
        one_run = np.array([look is not None for look in self.looks]).repeat(counts)
        self.general = ((count_in(batch.arrays["complex_at"], table.start, table.end) > 0)
                        | ~one_run).nonzero()[0].tolist()
        paragraphs = np.array([span.paragraph for span in spans], np.int64).repeat(counts)
        homes = batch.arrays["char_at"][np.array([span.p.first for span in spans], np.int64)].repeat(counts)
        self.made = _LinesMade(batch, self.geo, table, baselines, paragraphs, homes)
        self.span_begins = list(accumulate(counts, initial=0))

    def wide(self) -> list[str]:
        """What runs past its column: each such line's excess and its first characters."""
        excess = self.geo.width - self.table.measure
        found = (excess > WIDE_TOLERANCE).nonzero()[0].tolist()
        if not found:
            return []
        a, text = self.spans[0].p.batch.arrays, self.spans[0].p.batch.text
        return [overrun_message(float(excess[k]), text[a["char_at"][self.table.start[k]]:
                                                      a["char_at"][self.table.end[k]]]) for k in found]

    def items(self, first_span: int, end_span: int, missing: list[str]) -> list[Item]:
        """The items of the lines of spans first_span..end_span-1."""
        items: list[Item] = []
        geo, table = self.geo, self.table
        for low, high, alone in self._stretches(first_span, end_span):
            span = self.spans[bisect_right(self.span_begins, low) - 1]
            if alone:
                p = span.p
                items += glyph_runs(p, int(table.start[low]) - p.first, int(table.end[low]) - p.first,
                                    geo.x[geo.begin[low]:geo.begin[low + 1]].tolist(), float(self.baselines[low]),
                                    missing, span.paragraph)
            else:
                items.append(self.made.lines(span.p.look, low, high))
        return items

    def _stretches(self, first_span: int, end_span: int) -> list[tuple[int, int, bool]]:
        """The spans' lines cut into stretches set alike, (first, end, of the general
        path): each line of the general path alone, and runs of other lines in one look."""
        begins, looks = self.span_begins, self.looks
        low, high = begins[first_span], begins[end_span]
        general = self.general[bisect_left(self.general, low):bisect_left(self.general, high)]
        cuts = {low, high, *general, *(number + 1 for number in general)}
        cuts.update(begins[k] for k in range(first_span + 1, end_span) if looks[k] != looks[k - 1])
        ordered = sorted(cuts)
        alone = set(general)
        return [(a, b, a in alone) for a, b in zip(ordered, ordered[1:])]


class _LinesMade:
    """The glyphs of a batch's set lines, cut into :class:`GlyphLines` on demand."""

    def __init__(self, batch: Batch, geo: Geometry, table: LineTable, baselines: np.ndarray, paragraphs: np.ndarray,
                 homes: np.ndarray) -> None:
        glyphs, xs, line_glyphs = _line_glyphs(batch, geo)
        self.glyphs, self.xs, self.line_glyphs = glyphs.tobytes(), xs.tobytes(), line_glyphs.astype(np.int64)
        char_at = batch.arrays["char_at"]
        self.first, self.last = char_at[table.start], char_at[table.end]
        self.chars = np.concatenate(([0], (self.last - self.first).cumsum())).astype(np.int64)  # in a block's text
        self.resumed = ((self.first[1:] != self.last[:-1]).nonzero()[0] + 1).tolist()  # not right after the one before
        self.text, self.baselines = batch.text, baselines
        # each line's paragraph and its characters in that paragraph's text (``homes``: where it starts)
        self.sources = np.stack((paragraphs, self.first - homes, self.last - homes), axis=1).astype(np.int64)

    def lines(self, look: tuple, low: int, high: int) -> GlyphLines:
        """Lines low..high-1, all in ``look``, as one block."""
        cuts = [low, *self.resumed[bisect_right(self.resumed, low):bisect_left(self.resumed, high)], high]
        text = "".join(self.text[int(self.first[a]):int(self.last[b - 1])] for a, b in zip(cuts, cuts[1:]))
        g0, g1 = int(self.line_glyphs[low]), int(self.line_glyphs[high])
        return GlyphLines(*look, text, (self.chars[low:high + 1] - self.chars[low]).tobytes(),
                          (self.line_glyphs[low:high + 1] - g0).tobytes(), self.baselines[low:high].tobytes(),
                          self.glyphs[g0 * GLYPH_SIZE:g1 * GLYPH_SIZE], self.xs[g0 * X_SIZE:g1 * X_SIZE],
                          "", "", self.sources[low:high].tobytes())


def _line_glyphs(batch: Batch, geo: Geometry) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The set lines' glyphs in one sequence: their ids and x, and where each line's
    start (one more entry, the total). Most atoms are one glyph of the chain's first
    face; the few others (a number, a Latin word, an ellipsis) take theirs from their
    measured metrics."""
    a, atoms = batch.arrays, geo.atom
    glyphs, xs = a["glyph0"][atoms].astype(np.int32, copy=False), geo.x + a["draw"][atoms]
    fancy_at = a["fancy_at"]  # ``index``: the fancy atoms set, in the batch; ``where``: among the set atoms
    if isinstance(atoms, slice):
        low, high = fancy_at.searchsorted((atoms.start, atoms.stop)).tolist()
        index = fancy_at[low:high]
        where = index - atoms.start
    else:
        is_fancy = np.zeros(len(a["cls"]), bool)
        is_fancy[fancy_at] = True
        where = is_fancy[atoms].nonzero()[0]
        index = atoms[where]
    if not len(where):
        return glyphs, xs, geo.begin
    infos = [batch.infos[run][atom_id] for run, atom_id in zip(a["run"][index].tolist(), a["id"][index].tolist())]
    sizes = np.array([len(info.glyphs) for info in infos])
    per_atom = np.ones(len(xs), np.int64)
    per_atom[where] = sizes
    first = np.concatenate(([0], per_atom.cumsum()))  # where each atom's glyphs start
    total = int(sizes.sum())
    slots = first[where].repeat(sizes) + np.arange(total) - (sizes.cumsum() - sizes).repeat(sizes)
    out_glyphs, out_xs = glyphs.repeat(per_atom), xs.repeat(per_atom)  # the fancy ones' glyphs are put in next
    out_glyphs[slots] = np.fromiter(chain.from_iterable(info.glyphs for info in infos), np.int32, total)
    offsets = np.fromiter(chain.from_iterable(info.offsets for info in infos), float, total)
    out_xs[slots] = (geo.x[where] - a["lead"][index]).repeat(sizes) + offsets
    return out_glyphs, out_xs, first[geo.begin]
