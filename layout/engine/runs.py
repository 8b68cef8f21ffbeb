"""Turn set lines into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, repeat
from typing import NamedTuple

import numpy as np

from layout.engine.displaylist import (
    GLYPH_SIZE,
    X_SIZE,
    GlyphRun,
    Item,
    MissingGlyph,
    glyph_run,
    pack_glyphs,
    pack_xs,
)
from layout.engine.justify import ALIGN_CODES, LEFT, LineTable, SetLine, geometry
from layout.engine.metrics import MISSING
from layout.engine.prepare import Batch, PreparedParagraph, count_in


def line_items(line: SetLine, baseline: float, missing: list[str] | None = None) -> list[Item]:
    """Display items for a set line on baseline ``baseline``.

    Characters that no font of the chain has become MissingGlyph items and are
    appended to ``missing``.
    """
    return glyph_runs(line.p, line.start, line.end, line.atom_xs, baseline, missing)


def glyph_runs(p: PreparedParagraph, start: int, end: int, atom_xs: list[float], baseline: float,
               missing: list[str] | None) -> list[Item]:
    """The glyph runs of atoms start..end-1 whose boxes stand at ``atom_xs``: a new run
    wherever the run, the face or the horizontal scale changes; a missing character
    becomes a visible box."""
    batch = p.batch
    a, infos, text = batch.arrays, batch.infos, batch.text
    low, high = p.first + start, p.first + end
    runs = a["run"][low:high].tolist()
    chars = a["char_at"][low:high + 1].tolist()
    atoms = zip(runs, a["id"][low:high].tolist(), a["lead"][low:high].tolist(), atom_xs, chars, chars[1:])
    items: list[Item] = []
    key: tuple[int, int, float] | None = None
    line_text: list[str] = []
    glyphs: list[int] = []
    xs: list[float] = []

    def flush() -> None:
        if key is not None and line_text:
            run = p.runs[key[0] - p.first_run]
            items.append(GlyphRun(run.chain.faces[key[1]].name, run.size, run.colour, baseline,
                                  "".join(line_text), pack_glyphs(glyphs), pack_xs(xs), key[2]))
        line_text.clear()
        glyphs.clear()
        xs.clear()

    for run_index, atom_id, lead, atom_x, char_from, char_to in atoms:
        info = infos[run_index][atom_id]
        left = atom_x - lead
        for ch, gid, offset, face in zip(text[char_from:char_to], info.glyphs, info.offsets, info.faces):
            if face == MISSING:
                flush()
                key = None
                items.append(MissingGlyph(ch, left + offset, baseline, p.runs[run_index - p.first_run].size))
                if missing is not None:
                    missing.append(ch)
                continue
            if (run_index, face, info.hscale) != key:
                flush()
                key = (run_index, face, info.hscale)
            line_text.append(ch)
            glyphs.append(gid)
            xs.append(left + offset)
    flush()
    return items


EM_BOX_ASCENT = 0.88  # ideographic em box: 880/1000 above the baseline in Noto CJK


def baseline_in_line(top: float, pitch: float, size: float) -> float:
    """The baseline of text of ``size`` whose em box is centred in a grid line at ``top``."""
    return top + (pitch - size) / 2 + EM_BOX_ASCENT * size


class LineSpan(NamedTuple):
    """Consecutive lines of one paragraph in one column of a flow: the first starts at
    atom ``start``, and they end at ``ends`` (atoms of the paragraph); the column's left
    edge ``x`` and ``width``; the paragraph's first-line ``indent`` and ``align``ment;
    they sit on grid lines ``line``, ``line + 1``, ... of ``pitch`` points below ``top``."""

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


def spans_items(spans: list[LineSpan], missing: list[str]) -> list[Item]:
    """Display items of the spans' lines (from any batches), in order. A line of one run
    whose glyphs all come unscaled from the chain's first face becomes one glyph run
    straight from the arrays; any other goes through :func:`glyph_runs`."""
    groups: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        groups.setdefault(id(span.p.batch), []).append(index)
    if len(groups) == 1:
        made, general = _batch_items(spans)
    else:
        parts: list[list] = [[]] * len(spans)
        for indices in groups.values():
            chosen = [spans[i] for i in indices]
            done, _ = _batch_items(chosen)
            bounds = list(accumulate((len(span.ends) for span in chosen), initial=0))
            for index, low, high in zip(indices, bounds, bounds[1:]):
                parts[index] = done[low:high]
        made = [line for part in parts for line in part]
        general = [number for number, done in enumerate(made) if type(done) is list]
    items: list[Item] = []
    done = 0
    for number in general:
        items += made[done:number]
        items += glyph_runs(*made[number], missing)
        done = number + 1
    return items + made[done:] if general else made


_NO_LOOK = ("", 0.0, None)  # stands in for a paragraph of several runs, whose lines are made apart


def _span_table(spans: list[LineSpan]) -> tuple[LineTable, list[float], list[int]]:
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
    em = a["em"][start]
    line = line + (np.arange(total) - begins.repeat(repeats))
    baselines = top + line * pitch + ((pitch - em) / 2 + EM_BOX_ASCENT * em)
    return table, baselines.tolist(), counts


def _batch_items(spans: list[LineSpan]) -> tuple[list[GlyphRun | list], list[int]]:
    """Each line's glyph run, or the arguments of :func:`glyph_runs` for it (but the
    last); and the numbers of the lines that take those."""
    table, baselines, counts = _span_table(spans)
    batch = spans[0].p.batch
    a, text = batch.arrays, batch.text
    geo = geometry(a, table)
    begin = geo.begin.tolist()
    xs = (geo.x + a["draw"][geo.atom]).tobytes()
    glyphs = a["glyph0"][geo.atom].astype(np.int32, copy=False).tobytes()
    glyph_at, x_at = (geo.begin * GLYPH_SIZE).tolist(), (geo.begin * X_SIZE).tolist()
    first_atom, end_atom = table.start, table.end
    chars = map(slice, a["char_at"][first_atom].tolist(), a["char_at"][end_atom].tolist())
    looks = [span.p.look or _NO_LOOK for span in spans]
    fonts, sizes, colours = (chain.from_iterable(map(repeat, column, counts)) for column in zip(*looks))
    made: list[GlyphRun | list] = list(map(glyph_run, zip(
        fonts, sizes, colours, baselines, map(text.__getitem__, chars),
        map(glyphs.__getitem__, map(slice, glyph_at, glyph_at[1:])), map(xs.__getitem__, map(slice, x_at, x_at[1:])),
        repeat(1.0))))
    one_run = np.array([look is not _NO_LOOK for look in looks]).repeat(counts)
    others = ((count_in(a["fancy_at"], first_atom, end_atom) > 0) | ~one_run).nonzero()[0].tolist()
    general: list[int] = []
    if others:
        simple = (one_run & (count_in(a["complex_at"], first_atom, end_atom) == 0)).tolist()
        fancy = np.zeros(len(a["cls"]), bool)
        fancy[a["fancy_at"]] = True
        fancy_at = fancy[geo.atom].nonzero()[0]
        expanded = _expanded(batch, fancy_at, geo.atom[fancy_at], geo.x[fancy_at])
        fancy_at = fancy_at.tolist()
        span_begins = list(accumulate(counts, initial=0))
        for number in others:
            at = slice(begin[number], begin[number + 1])
            if simple[number]:
                inside = fancy_at[bisect_left(fancy_at, at.start):bisect_left(fancy_at, at.stop)]
                made[number] = _simple_run(made[number], at, inside, (glyphs, xs, expanded))
            else:
                p = spans[bisect_right(span_begins, number) - 1].p
                made[number] = [p, int(first_atom[number]) - p.first, int(end_atom[number]) - p.first,
                                geo.x[at].tolist(), baselines[number]]
                general.append(number)
    return made, general


def _expanded(batch: Batch, positions: np.ndarray, atoms: np.ndarray,
              box_xs: np.ndarray) -> dict[int, tuple[bytes, bytes]]:
    """The glyphs, and their x, packed, of atoms (batch indices, at these positions of the
    lines' arrays, their boxes at ``box_xs``) that are not one glyph each, by position."""
    a = batch.arrays
    out = {}
    for position, run, atom_id, left in zip(positions.tolist(), a["run"][atoms].tolist(), a["id"][atoms].tolist(),
                                            (box_xs - a["lead"][atoms]).tolist()):
        info = batch.infos[run][atom_id]
        out[position] = (pack_glyphs(info.glyphs), pack_xs([left + offset for offset in info.offsets]))
    return out


def _simple_run(plain: GlyphRun, at: slice, inside: list[int], parts: tuple) -> GlyphRun:
    """A one-run line whose glyphs all come unscaled from the first face, from its run made
    as if every atom were one glyph (``plain``): the atoms at ``inside`` (positions in the
    lines' arrays) get theirs from ``parts``: the lines' first glyphs and their x, packed,
    and what :func:`_expanded` made."""
    glyphs, xs, expanded = parts
    glyph_parts: list[bytes] = []
    x_parts: list[bytes] = []
    done = at.start
    for position in inside:
        more_glyphs, more_xs = expanded[position]
        glyph_parts += (glyphs[done * GLYPH_SIZE:position * GLYPH_SIZE], more_glyphs)
        x_parts += (xs[done * X_SIZE:position * X_SIZE], more_xs)
        done = position + 1
    glyph_parts.append(glyphs[done * GLYPH_SIZE:at.stop * GLYPH_SIZE])
    x_parts.append(xs[done * X_SIZE:at.stop * X_SIZE])
    return plain._replace(packed_glyphs=b"".join(glyph_parts), packed_xs=b"".join(x_parts))
