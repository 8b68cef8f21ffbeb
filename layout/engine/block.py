"""Set short texts (headlines, captions, folio lines) as blocks of whole lines."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from layout.engine.displaylist import Item, tagged
from layout.engine.headline import balanced_breaks, lines_needed
from layout.engine.justify import Line, SetLine, set_lines
from layout.engine.linebreak import ends_from
from layout.engine.runs import WIDE_TOLERANCE, baseline_in_line, line_items, overrun_message
from layout.engine.styling import LINE_HEIGHT, grid_lines_for, paragraph_for
from layout.engine.textflow import FlowParagraph
from layout.model.geometry import Rect
from layout.model.styles import TextStyle

MIN_FIT = 0.6  # a headline shrinks to fit down to 60 % of its size
FIT_STEP = 0.5  # points
HEADLINE_LEADING = 1.25  # em between the baselines of one headline's lines, unless its style sets a leading


class TextOrigin(NamedTuple):
    """Where a text set in a block comes from: an article's part, or a frame's own text."""

    article: str
    part: str
    frame: str = ""


@dataclass
class Block:
    """A set block: its items, how many pitch lines it takes, what did not fit, and lines
    that run past the frame (described)."""

    items: list[Item] = field(default_factory=list)
    lines: int = 0
    overflow: int = 0
    missing: list[str] = field(default_factory=list)
    wide: list[str] = field(default_factory=list)


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


def headline_setting(text: str, style: TextStyle, measure: float,
                     strict: bool = False) -> tuple[FlowParagraph, TextStyle, list[int] | None]:
    """A headline's paragraph, its style, and where its lines start: whole words at the
    style's size (in ``fit_lines`` lines when the style asks), else whole words at a
    smaller size down to MIN_FIT of it, else broken at the joints inside words (see
    ``headline.joints``) at the largest size that fits; None when nothing fits."""
    fitted = fitted_style(text, style, measure)
    for fine in (False, True):
        for size in _sizes(fitted):
            trial = fitted if size == fitted.size_pt else dataclasses.replace(fitted, size=size)
            para = paragraph_for(text, trial, strict)
            starts = balanced_breaks(para.prepared, measure, fine=fine)
            if starts is not None:
                return para, trial, starts
    return paragraph_for(text, fitted, strict), fitted, None


def _sizes(style: TextStyle) -> list[float]:
    """The style's size, then half a point smaller at a time down to MIN_FIT of it."""
    sizes, size = [], style.size_pt
    while size >= style.size_pt * MIN_FIT - 1e-6:
        sizes.append(size)
        size -= FIT_STEP
    return sizes


def headline_lines(text: str, style: TextStyle, rect: Rect, strict: bool = False) -> tuple[FlowParagraph, TextStyle,
                                                                                            list[SetLine]]:
    """A headline set in lines (see :func:`headline_setting`; broken as body text when even
    the joints inside words cannot fit), its paragraph and the style it is set in."""
    para, style, starts = headline_setting(text, style, rect.w, strict)
    if starts is None:
        return para, style, break_paragraph(para, rect.w, rect.x)
    bounds = [*starts, len(para.prepared)]
    return para, style, set_lines([(para.prepared, s, e, rect.w, True, True, para.align, rect.x)
                                   for s, e in zip(bounds, bounds[1:])])


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


def group_grid_lines(style: TextStyle, lines: int, leading: float, pitch: float) -> int:
    """Whole grid lines taken by ``lines`` lines of a headline ``leading`` points apart."""
    height = (lines - 1) * leading + style.size_pt * LINE_HEIGHT
    return max(grid_lines_for(style, pitch), math.ceil(height / pitch - 1e-6))


class _Group(NamedTuple):
    """Lines set together: their paragraph and lines, the grid lines they take, the distance
    between their baselines, and where the paragraph's text is: which part, from which character."""

    para: FlowParagraph
    lines: list[SetLine]
    span: int
    leading: float
    part: int
    offset: int


def _groups(parts: list[tuple[str, TextStyle]], rect: Rect, pitch: float, headline: bool,
            strict: bool) -> list[_Group]:
    """What to place, one under another."""
    groups = []
    for part, (text, style) in enumerate(parts):
        offset = 0
        for paragraph_text in text.split("\n"):
            here, offset = offset, offset + len(paragraph_text) + 1
            if not paragraph_text.strip():
                continue
            if headline:
                para, style, lines = headline_lines(paragraph_text, style, rect, strict)
                leading = style.leading_pt or HEADLINE_LEADING * style.size_pt
                groups.append(_Group(para, lines, group_grid_lines(style, len(lines), leading, pitch), leading,
                                     part, here))
                continue
            para = paragraph_for(paragraph_text, style, strict)
            span = grid_lines_for(style, pitch)
            groups.extend(_Group(para, [line], span, span * pitch, part, here)
                          for line in break_paragraph(para, rect.w, rect.x))
    return groups


def set_block(parts: list[tuple[str, TextStyle]], rect: Rect, pitch: float, *,
              top: float | None = None, centre: bool = False, headline: bool = False,
              strict: bool = False, sources: Sequence[TextOrigin] | None = None) -> Block:
    """Set each (text, style) part in ``rect``; each part takes whole pitch lines.

    With ``centre`` the block is centred vertically on whole lines of the frame;
    ``headline`` breaks lines between words, balances them, shrinks styles that
    ask for it to fit their number of lines, and sets a headline's lines its
    style's leading apart (HEADLINE_LEADING em by default), centred in the whole
    grid lines they take together. ``sources`` names where each part's text comes
    from (its article, part and frame), for the text items' sources.
    """
    top = rect.y if top is None else top
    groups = _groups(parts, rect, pitch, headline, strict)
    block = Block(lines=sum(group.span for group in groups))
    room = max(0, int((rect.bottom - top) / pitch + 1e-6))
    y = top + (max(0, room - block.lines) // 2) * pitch if centre else top
    for para, lines, span, leading, part, offset in groups:
        if y + span * pitch > rect.bottom + 1e-6:
            block.overflow += sum(1 for line in lines for ch in line.chars if not ch.isspace())
            continue
        first = baseline_in_line(y, span * pitch - (len(lines) - 1) * leading, para.prepared.em(lines[0].start))
        for number, line in enumerate(lines):
            items = line_items(line, first + number * leading, block.missing)
            if sources is not None:
                origin = sources[part]
                items = tagged(items, origin.article, origin.part, frame=origin.frame, offset=offset, paragraph=0)
            block.items.extend(items)
            if line.width > rect.w + WIDE_TOLERANCE:
                block.wide.append(overrun_message(line.width - rect.w, "".join(line.chars)))
        y += span * pitch
    return block
