"""Turn a set line into glyph runs: one run per font file, size and colour."""

from __future__ import annotations

from layout.engine.displaylist import GlyphRun, Item, MissingGlyph
from layout.engine.justify import SetLine
from layout.engine.prepare import PreparedParagraph


def line_items(p: PreparedParagraph, line: SetLine, x0: float, baseline: float,
               missing: list[str] | None = None) -> list[Item]:
    """Display items for a line whose left edge is ``x0`` and baseline ``baseline``.

    Characters that no font of the chain has become MissingGlyph items and are
    appended to ``missing``.
    """
    items: list[Item] = []
    current: tuple[int, int] | None = None
    text: list[str] = []
    glyphs: list[int] = []
    xs: list[float] = []

    def flush() -> None:
        if current is None or not text:
            return
        run = p.runs[current[0]]
        face = run.chain.faces[current[1]]
        items.append(GlyphRun(face.name, run.size, run.colour, baseline,
                              "".join(text), tuple(glyphs), tuple(xs)))
        text.clear()
        glyphs.clear()
        xs.clear()

    for ch, x, run_index in zip(line.chars, line.xs, line.runs):
        run = p.runs[run_index]
        code = ord(ch)
        entry = run.chain.lookup.get(code)
        if entry is None:
            flush()
            current = None
            items.append(MissingGlyph(ch, x0 + x, baseline, run.size))
            if missing is not None:
                missing.append(ch)
            continue
        key = (run_index, entry[0])
        if key != current:
            flush()
            current = key
        text.append(ch)
        glyphs.append(run.chain.faces[entry[0]].glyph_ids[code])
        xs.append(x0 + x)
    flush()
    return items
