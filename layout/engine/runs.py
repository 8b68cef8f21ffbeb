"""Turn a set line into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

from operator import add

from layout.engine.displaylist import GlyphRun, Item, MissingGlyph
from layout.engine.justify import SetLine
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
