"""Setting text with the engine in tests."""

from __future__ import annotations

from layout.engine.block import break_paragraph
from layout.engine.chars import Cls, classify
from layout.engine.fonts import chain_for
from layout.engine.justify import SetLine
from layout.engine.metrics import RIGHT_SPACED
from layout.engine.prepare import PreparedParagraph, StyledRun, prepare
from layout.engine.textflow import FlowParagraph
from layout.model.colour import BLACK

SIZE = 9.0


def prepared(text: str, strict: bool = False) -> PreparedParagraph:
    """Text in the body Song at 9 pt, prepared for breaking."""
    return prepare([StyledRun(text, chain_for("song"), SIZE, BLACK)], strict)


def set_text(text: str, chars_per_line: float, *, indent: float = 0.0, align: str = "justify",
             strict: bool = False) -> list[SetLine]:
    """Break and justify text in the body Song at 9 pt on a measure of ``chars_per_line`` em."""
    para = FlowParagraph(prepared(text, strict), align, indent * SIZE)
    return break_paragraph(para, chars_per_line * SIZE)


def line_texts(lines: list[SetLine]) -> list[str]:
    """The characters of each line."""
    return ["".join(line.chars) for line in lines]


def right_edge(line: SetLine) -> float:
    """Where the last character ends: a line-end mark keeps only its inked half em,
    a dash (stretched to fill its em boxes) ends with its boxes."""
    last = line.chars[-1]
    if classify(line.p.atoms[line.end - 1]) is Cls.DASH and last in "—⸺⸻":
        return line.atom_xs[-1] + line.p.width[line.end - 1]
    if classify(last) in RIGHT_SPACED:
        return line.xs[-1] + SIZE / 2
    if classify(last) is Cls.SPACE:
        return line.xs[-1]
    entry = chain_for("song").lookup.get(ord(last))
    return line.xs[-1] + (entry[1] if entry else 1.0) * SIZE
