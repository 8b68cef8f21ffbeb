"""Set short texts (headlines, captions, folio lines) as blocks of whole lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.engine.displaylist import Item
from layout.engine.justify import SetLine, set_line
from layout.engine.linebreak import break_line
from layout.engine.runs import line_items
from layout.engine.styling import grid_lines_for, paragraph_for
from layout.engine.textflow import FlowParagraph, baseline_in_line
from layout.model.geometry import Rect
from layout.model.styles import TextStyle


@dataclass
class Block:
    """A set block: its items, how many pitch lines it takes, and what did not fit."""

    items: list[Item] = field(default_factory=list)
    lines: int = 0
    overflow: int = 0
    missing: list[str] = field(default_factory=list)


def break_paragraph(para: FlowParagraph, measure: float, x0: float = 0.0) -> list[SetLine]:
    """All the lines of a paragraph at one measure, the left edge at x0."""
    p = para.prepared
    lines: list[SetLine] = []
    start = 0
    while start < len(p):
        first = start == 0
        indent = para.indent if first else 0.0
        end = break_line(p, start, measure - indent, first)
        lines.append(set_line(p, start, end, measure - indent, first_line=first,
                              last_line=end >= len(p), align=para.align, x0=x0 + indent))
        start = end
    return lines


def set_block(parts: list[tuple[str, TextStyle]], rect: Rect, pitch: float, *,
              top: float | None = None, centre: bool = False) -> Block:
    """Set each (text, style) part in ``rect``; every line takes whole pitch lines.

    With ``centre`` the block is centred vertically on whole lines of the frame.
    """
    top = rect.y if top is None else top
    planned: list[tuple[FlowParagraph, SetLine, int]] = []
    for text, style in parts:
        for paragraph_text in text.split("\n"):
            if not paragraph_text.strip():
                continue
            para = paragraph_for(paragraph_text, style)
            span = grid_lines_for(style, pitch)
            planned.extend((para, line, span) for line in break_paragraph(para, rect.w, rect.x))
    block = Block(lines=sum(span for _, _, span in planned))
    room = max(0, int((rect.bottom - top) / pitch + 1e-6))
    y = top + (max(0, room - block.lines) // 2) * pitch if centre else top
    for para, line, span in planned:
        if y + span * pitch > rect.bottom + 1e-6:
            block.overflow += sum(1 for ch in line.chars if not ch.isspace())
            continue
        baseline = baseline_in_line(y, span * pitch, para.prepared.em(line.start))
        block.items.extend(line_items(line, baseline, block.missing))
        y += span * pitch
    return block
