"""Set short texts (headlines, captions, folio lines) as blocks of whole lines."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from layout.engine.displaylist import Item
from layout.engine.headline import balanced_breaks, lines_needed
from layout.engine.justify import Line, SetLine, set_lines
from layout.engine.linebreak import ends_from
from layout.engine.runs import baseline_in_line, line_items
from layout.engine.styling import grid_lines_for, paragraph_for
from layout.engine.textflow import FlowParagraph
from layout.model.geometry import Rect
from layout.model.styles import TextStyle

MIN_FIT = 0.6  # a headline shrinks to fit down to 60 % of its size
FIT_STEP = 0.5  # points


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
    lines: list[Line] = []
    start = 0
    for end in ends_from(p, 0, measure, measure - para.indent):
        indent = para.indent if start == 0 else 0.0
        lines.append((p, start, end, measure - indent, start == 0, end >= len(p), para.align, x0 + indent))
        start = end
    return set_lines(lines)


def headline_lines(para: FlowParagraph, measure: float, x0: float) -> list[SetLine] | None:
    """A headline's lines broken between words and balanced, or None if words cannot fit."""
    p = para.prepared
    starts = balanced_breaks(p, measure)
    if starts is None:
        return None
    bounds = [*starts, len(p)]
    return set_lines([(p, s, e, measure, True, True, para.align, x0) for s, e in zip(bounds, bounds[1:])])


def fitted_style(text: str, style: TextStyle, measure: float) -> TextStyle:
    """The style, made smaller half a point at a time until the headline fits in
    ``style.fit_lines`` lines (at most down to MIN_FIT of its size)."""
    if style.fit_lines <= 0:
        return style
    size = style.size_pt
    while size >= style.size_pt * MIN_FIT:
        trial = dataclasses.replace(style, size=size)
        if lines_needed(paragraph_for(text, trial).prepared, measure, style.fit_lines):
            return trial
        size -= FIT_STEP
    return dataclasses.replace(style, size=round(style.size_pt * MIN_FIT * 2) / 2)


def set_block(parts: list[tuple[str, TextStyle]], rect: Rect, pitch: float, *,
              top: float | None = None, centre: bool = False, headline: bool = False,
              strict: bool = False) -> Block:
    """Set each (text, style) part in ``rect``; every line takes whole pitch lines.

    With ``centre`` the block is centred vertically on whole lines of the frame;
    ``headline`` breaks lines between words, balances them, and shrinks styles
    that ask for it to fit their number of lines.
    """
    top = rect.y if top is None else top
    planned: list[tuple[FlowParagraph, SetLine, int]] = []
    for text, style in parts:
        for paragraph_text in text.split("\n"):
            if not paragraph_text.strip():
                continue
            if headline:
                style = fitted_style(paragraph_text, style, rect.w)
            para = paragraph_for(paragraph_text, style, strict)
            span = grid_lines_for(style, pitch)
            lines = headline_lines(para, rect.w, rect.x) if headline else None
            planned.extend((para, line, span) for line in lines or break_paragraph(para, rect.w, rect.x))
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
