"""Flow paragraphs through columns on the page's line grid.

A flow position is (paragraph, atom). Columns are filled line by line, on the
grid, and the next column or linked frame resumes where the last one stopped,
so an article's layout can be taken up again in any frame of its chain. Where
a paragraph's style keeps its lines, a first line that would stand alone at
the bottom of a column goes to the next column of the run, and a column ends a
line early rather than leave a paragraph's last line alone at the top of the
next (newsroom practice), the next linked frame's first column included; the
ones that cannot be helped are reported. The
lines' breaks come from the line plan (``linebreak``); once all the lines of a
flow are known, they are justified and turned into glyph runs together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from layout.engine.displaylist import Item
from layout.engine.linebreak import ends_from
from layout.engine.prepare import PreparedParagraph
from layout.engine.runs import LineSpan, spans_items


@dataclass(slots=True)
class FlowParagraph:
    """A prepared paragraph and how it is set: alignment, first-line indent (points),
    empty grid lines above it, and whether it avoids widows and orphans."""

    prepared: PreparedParagraph
    align: str = "justify"
    indent: float = 0.0
    space_before: int = 0
    keep_lines: bool = False


@dataclass
class Slot:
    """A column to fill: left edge, top (on the grid), width, and the grid lines it holds."""

    x: float
    top: float
    width: float
    lines: int
    pitch: float


@dataclass
class FlowState:
    """Where the flow stands: the paragraph and atom the next line starts at."""

    paragraph: int = 0
    atom: int = 0


@dataclass
class FlowResult:
    """What a run of slots received, where the flow stopped, characters no font has,
    lines that run past their column (described), and widows and orphans left (the
    first characters of each)."""

    items: list[Item] = field(default_factory=list)
    lines: int = 0
    state: FlowState = field(default_factory=FlowState)
    missing: list[str] = field(default_factory=list)
    wide: list[str] = field(default_factory=list)
    stranded: list[str] = field(default_factory=list)


def _skip_empty(paragraphs: list[FlowParagraph], state: FlowState) -> None:
    while state.paragraph < len(paragraphs) and state.atom >= len(paragraphs[state.paragraph].prepared):
        state.paragraph += 1
        state.atom = 0


def flow(paragraphs: list[FlowParagraph], slots: list[Slot], state: FlowState | None = None,
         after: Slot | None = None) -> FlowResult:
    """Fill the slots in order from ``state``; return items and where the flow stopped.
    ``after``: the slot the flow goes on in after these (the first column of the next
    linked frame), for widows and orphans at the bottom of the last."""
    result = FlowResult(state=FlowState() if state is None else FlowState(state.paragraph, state.atom))
    pos = result.state
    spans: list[LineSpan] = []
    spaced = -1
    for number, slot in enumerate(slots):
        following = slots[number + 1] if number + 1 < len(slots) else after
        line_no = 0
        while line_no < slot.lines:
            _skip_empty(paragraphs, pos)
            if pos.paragraph >= len(paragraphs):
                break
            para = paragraphs[pos.paragraph]
            if pos.atom == 0 and line_no > 0 and para.space_before and spaced != pos.paragraph:
                spaced = pos.paragraph  # the space above a subhead, given once
                line_no += para.space_before
                continue
            span = _fill(para, slot, pos.atom, line_no, pos.paragraph)
            kept = _keep_lines(para, span, slot, following) if para.keep_lines and following else span
            if kept.ends:
                if line_no == 0 or line_no + len(kept.ends) == slot.lines:  # at the top or the bottom
                    _note_stranded(para, kept, slot, result.stranded)
                spans.append(kept)
                pos.atom, line_no = kept.ends[-1], line_no + len(kept.ends)
            if kept is not span:
                break  # the column ends early: the line given up starts the next one
        result.lines += line_no
        if pos.paragraph >= len(paragraphs):
            break
    _skip_empty(paragraphs, pos)
    if spans:
        result.items += spans_items(spans, result.missing, result.wide)
    return result


def _keep_lines(para: FlowParagraph, span: LineSpan, slot: Slot, following: Slot) -> LineSpan:
    """The span less its last line where that line would be an orphan (the paragraph's
    first, alone at the bottom: no lines then), or where the line after it, in the
    ``following`` slot, would be a widow (the paragraph's last, alone at its top) and
    giving one up leaves no orphan."""
    p, ends = para.prepared, span.ends
    if span.line + len(ends) < slot.lines or ends[-1] >= len(p):
        return span  # the paragraph ends in this slot, or the slot is not full
    if span.start == 0 and len(ends) == 1:
        return span._replace(ends=[])
    widow = ends_from(p, ends[-1], following.width, following.width - para.indent, 1)[0] >= len(p)
    if widow and len(ends) > (2 if span.start == 0 else 1):
        return span._replace(ends=ends[:-1])
    return span


def _note_stranded(para: FlowParagraph, span: LineSpan, slot: Slot, stranded: list[str]) -> None:
    """Record a widow (a paragraph's last line alone at the top of a slot, the paragraph
    begun before it) or an orphan (its first line alone at the bottom, continued after)."""
    p, ends = para.prepared, span.ends
    widow = span.line == 0 and span.start > 0 and len(ends) == 1 and ends[0] >= len(p)
    orphan = span.start == 0 and len(ends) == 1 and ends[0] < len(p) and span.line + 1 == slot.lines
    if widow or orphan:
        text = p.text[p.char_at[span.start]:p.char_at[ends[0]]]
        stranded.append(f"{'a widow' if widow else 'an orphan'}: {text[:12]}")


def _fill(para: FlowParagraph, slot: Slot, start: int, line_no: int, paragraph: int) -> LineSpan:
    """The lines of paragraph number ``paragraph`` from atom ``start`` on, in a slot from grid
    line ``line_no`` on, until the paragraph or the slot ends (at least one line)."""
    ends = ends_from(para.prepared, start, slot.width, slot.width - para.indent, slot.lines - line_no)
    return LineSpan(para.prepared, start, ends, slot.x, slot.width, para.indent, para.align, slot.top, line_no,
                    slot.pitch, paragraph)


def remaining_chars(paragraphs: list[FlowParagraph], state: FlowState) -> int:
    """Characters (not white space) not yet set from ``state`` on: the overset."""
    count = 0
    for index in range(state.paragraph, len(paragraphs)):
        p = paragraphs[index].prepared
        start = state.atom if index == state.paragraph else 0
        count += sum(not ch.isspace() for ch in p.text[p.char_at[start]:])
    return count
