"""Turn set lines into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

import numpy as np

from layout.engine.displaylist import GlyphRun, Item, MissingGlyph
from layout.engine.justify import Line, SetLine, by_batch, geometry
from layout.engine.metrics import MISSING
from layout.engine.prepare import PreparedParagraph


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
                                  "".join(line_text), tuple(glyphs), tuple(xs), key[2]))
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
    """Display items of lines (from any batches), in order, on their baselines. A plain
    line (one run, each atom one glyph of the chain's first face) becomes one glyph run
    straight from the arrays; any other goes through :func:`line_items`."""
    made: list[list[Item] | tuple[Line, list[float]] | None] = [None] * len(lines)
    for indices in by_batch(lines).values():
        _batch_items([lines[i] for i in indices], [baselines[i] for i in indices], indices, made)
    items: list[Item] = []
    for done, baseline in zip(made, baselines):
        if isinstance(done, tuple):
            (p, start, end, *_), atom_xs = done
            done = glyph_runs(p, start, end, atom_xs, baseline, missing)
        items += done
    return items


def _batch_items(lines: list[Line], baselines: list[float], indices: list[int],
                 made: list[list[Item] | tuple[Line, list[float]] | None]) -> None:
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
    atom_xs = None
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
        made[index] = (line, atom_xs[low:high])
