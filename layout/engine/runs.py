"""Turn set lines into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

from bisect import bisect_left
from itertools import repeat
from operator import add

import numpy as np

from layout.engine.displaylist import GlyphRun, Item, MissingGlyph, glyph_ids, glyph_run, positions
from layout.engine.justify import Line, SetLine, by_batch, geometry
from layout.engine.metrics import MISSING
from layout.engine.prepare import Batch, PreparedParagraph


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
                                  "".join(line_text), glyph_ids(glyphs), positions(xs), key[2]))
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


def lines_items(lines: list[Line], baselines: list[float], missing: list[str]) -> list[Item]:
    """Display items of lines (from any batches), in order, on their baselines. A line of
    one run whose glyphs all come unscaled from the chain's first face becomes one glyph
    run straight from the arrays; any other goes through :func:`glyph_runs`."""
    groups = list(by_batch(lines).values())
    if len(groups) == 1:
        made = _batch_items(lines, baselines)
    else:
        made = [None] * len(lines)
        for indices in groups:
            chosen = [lines[i] for i in indices]
            for index, done in zip(indices, _batch_items(chosen, [baselines[i] for i in indices])):
                made[index] = done
    items: list[Item] = []
    for done, baseline in zip(made, baselines):
        if type(done) is list:
            (p, start, end, *_), atom_xs = done
            items += glyph_runs(p, start, end, atom_xs, baseline, missing)
        else:
            items.append(done)
    return items


_NO_LOOK = ("", 0.0, None)  # stands in for a paragraph of several runs, whose lines are made apart


def _batch_items(lines: list[Line], baselines: list[float]) -> list[GlyphRun | list]:
    """Each line's glyph run, or [line, its atoms' x] for the general glyph-run maker."""
    geo = geometry(lines)
    batch = lines[0][0].batch
    a, text = batch.arrays, batch.text
    begin = geo.begin.tolist()
    spans = list(map(slice, begin, begin[1:]))
    xs = positions((geo.x + a["draw"][geo.atom]).tobytes())
    glyphs = glyph_ids(a["glyph0"][geo.atom].astype(np.int32, copy=False).tobytes())
    first_atom = geo.atom[geo.begin[:-1]]
    end_atom = first_atom + np.diff(geo.begin)
    chars = map(slice, a["char_at"][first_atom].tolist(), a["char_at"][end_atom].tolist())
    looks = [line[0].look or _NO_LOOK for line in lines]
    made: list[GlyphRun | list] = list(map(glyph_run, map(add, looks, zip(
        baselines, map(text.__getitem__, chars), map(glyphs.__getitem__, spans),
        map(xs.__getitem__, spans), repeat(1.0)))))
    plain = (a["fancy"][end_atom] == a["fancy"][first_atom]) & np.array([look is not _NO_LOOK for look in looks])
    others = np.flatnonzero(~plain).tolist()
    if others:
        simple = (a["complex"][end_atom] == a["complex"][first_atom]).tolist()
        fancy_at = np.flatnonzero(a["fancy"][geo.atom + 1] != a["fancy"][geo.atom])
        expanded = _expanded(batch, fancy_at, geo.atom[fancy_at], geo.x[fancy_at])
        fancy_at = fancy_at.tolist()
        for number in others:
            line, at = lines[number], spans[number]
            if looks[number] is not _NO_LOOK and simple[number]:
                inside = fancy_at[bisect_left(fancy_at, at.start):bisect_left(fancy_at, at.stop)]
                made[number] = _simple_run(made[number], at, inside, (glyphs, xs, expanded))
            else:
                made[number] = [line, geo.x[at].tolist()]
    return made


def _expanded(batch: Batch, positions: np.ndarray, atoms: np.ndarray,
              box_xs: np.ndarray) -> dict[int, tuple[tuple[int, ...], list[float]]]:
    """The glyphs, and their x, of atoms (batch indices, at these positions of the lines'
    arrays, their boxes at ``box_xs``) that are not one glyph each, by position."""
    a = batch.arrays
    out = {}
    for position, run, atom_id, left in zip(positions.tolist(), a["run"][atoms].tolist(), a["id"][atoms].tolist(),
                                            (box_xs - a["lead"][atoms]).tolist()):
        info = batch.infos[run][atom_id]
        out[position] = (info.glyphs, [left + offset for offset in info.offsets])
    return out


def _simple_run(plain: GlyphRun, at: slice, inside: list[int], parts: tuple) -> GlyphRun:
    """A one-run line whose glyphs all come unscaled from the first face, from its run made
    as if every atom were one glyph (``plain``): the atoms at ``inside`` (positions in the
    lines' arrays) get theirs from ``parts``: the lines' first glyphs and their x, and
    what :func:`_expanded` made."""
    glyphs, xs, expanded = parts
    out_glyphs, out_xs = glyph_ids(), positions()
    done = at.start
    for position, (more_glyphs, more_xs) in zip(inside, map(expanded.__getitem__, inside)):
        out_glyphs += glyphs[done:position]
        out_glyphs.extend(more_glyphs)
        out_xs += xs[done:position]
        out_xs.extend(more_xs)
        done = position + 1
    out_glyphs += glyphs[done:at.stop]
    out_xs += xs[done:at.stop]
    return plain._replace(glyphs=out_glyphs, xs=out_xs)
