"""Turn a set line into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

from bisect import bisect_left
from operator import add

from layout.engine.displaylist import GlyphRun, Item, MissingGlyph
from layout.engine.justify import SetLine, align_offset
from layout.engine.metrics import MISSING
from layout.engine.prepare import PreparedParagraph


def plain_line_items(p: PreparedParagraph, start: int, end: int, measure: float, first_line: bool,
                     last_line: bool, align: str, x0: float, baseline: float) -> list[Item] | None:
    """The glyph run of a plain line set in one go, or None when the line needs the general
    path (several runs or faces, a mark to compress, word spaces or Han–Latin space to grow).

    A plain line's glyphs stand at their natural places plus an even share of the slack,
    so their x positions are ``ink_x`` shifted: no per-atom work in Python.
    """
    fancy = p.fancy
    if not p.size0 or fancy[end] != fancy[start]:
        return None
    cum, gap = p.cum, p.gap
    cut = 0.0 if first_line else p.start_cut[start]
    natural = cum[end] - cum[start] - gap[start] - cut - p.end_cut[end - 1]
    slack = measure - natural
    if slack < -1e-9:
        return None
    gaps = end - start - 1
    even = 0.0
    if align == "justify" and not last_line and slack > 1e-9:
        if gaps == 0 or ((p.space_at or p.gap_at) and (_any_within(p.space_at, start + 1, end - 1)
                                                       or _any_within(p.gap_at, start + 1, end))):
            return None
        even = slack / gaps
        shift = x0 - cut - cum[start] - gap[start]
    else:
        shift = x0 - cut - cum[start] - gap[start] + align_offset(align, measure, natural)
    xs = map(shift.__add__, p.ink_x[start:end])
    if even:
        xs = map(add, xs, map(even.__mul__, range(end - start)))
    run = p.runs[0]
    return [GlyphRun(run.chain.faces[0].name, p.size0, run.colour, baseline,
                     p.text[p.char_at[start]:p.char_at[end]], tuple(p.glyph0[start:end]), tuple(xs))]


def _any_within(indices: list[int], low: int, high: int) -> bool:
    if not indices:
        return False
    at = bisect_left(indices, low)
    return at < len(indices) and indices[at] < high


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
        info, run_index = p.info[index], p.run_of[index]
        left = atom_x - p.lead[index]
        for ch, gid, offset, face in zip(p.atoms[index], info.glyphs, info.offsets, info.faces):
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
