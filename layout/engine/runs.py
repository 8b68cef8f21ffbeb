"""Turn set lines into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

from operator import add

import numpy as np

from layout.engine.displaylist import GlyphRun, Item, MissingGlyph
from layout.engine.justify import Line, SetLine, by_batch, geometry
from layout.engine.metrics import MISSING


def line_items(line: SetLine, baseline: float, missing: list[str] | None = None) -> list[Item]:
    """Display items for a set line on baseline ``baseline``.

    Characters that no font of the chain has become MissingGlyph items and are
    appended to ``missing``.
    """
    p, start, end = line.p, line.start, line.end
    if len(p.runs) == 1 and p.fancy[end] == p.fancy[start]:
        run = p.runs[0]
        return [GlyphRun(run.chain.faces[0].name, run.size, run.colour, baseline,
                         p.text[p.char_at[start]:p.char_at[end]], tuple(p.glyph0[start:end]),
                         tuple(map(add, line.atom_xs, p.draw[start:end])))]
    return _mixed_items(line, baseline, missing)


def _mixed_items(line: SetLine, baseline: float, missing: list[str] | None) -> list[Item]:
    """The general case: several runs, fallback faces, missing characters."""
    p = line.p
    items: list[Item] = []
    key: tuple[int, int, float] | None = None
    text: list[str] = []
    glyphs: list[int] = []
    xs: list[float] = []

    def flush() -> None:
        if key is not None and text:
            run = p.runs[key[0]]
            items.append(GlyphRun(run.chain.faces[key[1]].name, run.size, run.colour, baseline,
                                  "".join(text), tuple(glyphs), tuple(xs), key[2]))
        text.clear()
        glyphs.clear()
        xs.clear()

    for index, atom_x in zip(range(line.start, line.end), line.atom_xs):
        info, run_index = p.info_at(index), p.run_of[index]
        left = atom_x - p.lead[index]
        for ch, gid, offset, face in zip(p.atom(index), info.glyphs, info.offsets, info.faces):
            if face == MISSING:
                flush()
                key = None
                items.append(MissingGlyph(ch, left + offset, baseline, p.runs[run_index].size))
                if missing is not None:
                    missing.append(ch)
                continue
            if (run_index, face, info.hscale) != key:
                flush()
                key = (run_index, face, info.hscale)
            text.append(ch)
            glyphs.append(gid)
            xs.append(left + offset)
    flush()
    return items


def lines_items(lines: list[Line], baselines: list[float], missing: list[str]) -> list[Item]:
    """Display items of lines (from any batches), in order, on their baselines. A plain
    line (one run, each atom one glyph of the chain's first face) becomes one glyph run
    straight from the arrays; any other goes through :func:`line_items`."""
    made: list[list[Item] | SetLine | None] = [None] * len(lines)
    for indices in by_batch(lines).values():
        _batch_items([lines[i] for i in indices], [baselines[i] for i in indices], indices, made)
    items: list[Item] = []
    for done, baseline in zip(made, baselines):
        items += line_items(done, baseline, missing) if isinstance(done, SetLine) else done
    return items


def _batch_items(lines: list[Line], baselines: list[float], indices: list[int],
                 made: list[list[Item] | SetLine | None]) -> None:
    geo = geometry(lines)
    batch = lines[0][0].batch
    a = batch.arrays
    begin = geo.begin.tolist()
    xs = (geo.x + a["draw"][geo.atom]).tolist()
    glyphs = a["glyph0"][geo.atom].tolist()
    fancy = a["fancy"]
    first_atom = geo.atom[geo.begin[:-1]]
    end_atom = first_atom + np.diff(geo.begin)
    plain = (fancy[end_atom] == fancy[first_atom]).tolist()
    chars_from, chars_to = a["char_at"][first_atom].tolist(), a["char_at"][end_atom].tolist()
    widths, atom_xs = geo.width.tolist(), None
    for number, (line, index) in enumerate(zip(lines, indices)):
        p, low, high = line[0], begin[number], begin[number + 1]
        if p.size0 and plain[number]:
            run = p.runs[0]
            made[index] = [GlyphRun(run.chain.faces[0].name, p.size0, run.colour, baselines[number],
                                    batch.text[chars_from[number]:chars_to[number]], tuple(glyphs[low:high]),
                                    tuple(xs[low:high]))]
            continue
        if atom_xs is None:
            atom_xs = geo.x.tolist()
        made[index] = SetLine(p, line[1], line[2], atom_xs[low:high], widths[number])
