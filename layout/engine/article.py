"""Lay out an article's body through the chain of text frames it flows into."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from layout.engine.block import Block, TextOrigin, set_block
from layout.engine.displaylist import GlyphLines, GlyphRun, Item, Source
from layout.engine.styling import flow_paragraphs, run_for
from layout.engine.textflow import FlowParagraph, FlowState, Slot, flow, remaining_chars
from layout.model.document import Article, Issue, Page
from layout.model.frames import BoxFrame, PhotoFrame, TextFrame
from layout.model.geometry import Rect
from layout.model.styles import TextStyle

_BYLINE_SPLIT = re.compile(r"^([^（(]*)([（(].*)$")
MIN_WRAP_PITCHES = 3  # a line beside a wrapped photo narrower than this many line pitches stays empty


@dataclass
class ArticleLayout:
    """Items per page number, overset characters and the lines they would take in the last
    column (copy-fit in lines: 超出 3 行 41 字), empty grid lines left at the columns' feet
    when all the text fits (underset), characters no font has, problems (page number,
    frame id, what), and widows and orphans left (the same)."""

    items: dict[int, list[Item]] = field(default_factory=dict)
    overset: int = 0
    lines: int = 0
    overset_lines: int = 0
    underset_lines: int = 0
    missing: list[str] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    stranded: list[tuple[int, str, str]] = field(default_factory=list)


def split_byline(byline: str) -> tuple[str, str]:
    """"本报讯（记者 赵紫楠）" → ("本报讯", "（记者 赵紫楠）"): the lead word is set bold."""
    match = _BYLINE_SPLIT.match(byline)
    if match is None:
        return byline, ""
    return match.group(1), match.group(2)


def body_paragraphs(issue: Issue, article: Article) -> list[FlowParagraph]:
    """The article's paragraphs, prepared together, the byline run in at the head of the first one."""
    styles = [_tracked(issue.style_in(article, p.style, p), article.tracking) for p in article.paragraphs]
    parts = [((run_for(p.text, style),), style) for p, style in zip(article.paragraphs, styles)]
    if article.byline:
        lead, rest = split_byline(article.byline)
        body = styles[0] if styles else _tracked(issue.style_in(article, "body"), article.tracking)
        runs = [run_for(lead, issue.style_in(article, "byline-lead"))]
        if rest:
            runs.append(run_for(rest, issue.style_in(article, "byline")))
        if article.paragraphs:
            runs.append(run_for(article.paragraphs[0].text, body))
        parts[:1] = [(tuple(runs), body)]
    return flow_paragraphs(parts, issue.strict)


def _tracked(style: TextStyle, tracking: float) -> TextStyle:
    """A style with an article's copy-fit tracking added (em)."""
    return dataclasses.replace(style, tracking=style.tracking + tracking) if tracking else style


def frame_slots(page: Page, frame: TextFrame) -> list[Slot]:
    """The columns of a text frame, tops on the page's line grid, cut around the frames
    that push text away (see :func:`wrap_areas`)."""
    grid = page.grid
    gutter = grid.gutter if frame.gutter is None else frame.gutter
    width = (frame.rect.w - (frame.columns - 1) * gutter) / frame.columns
    top = grid.snap_y(page.type_area, frame.rect.y)
    lines = max(0, int((frame.rect.bottom - top) / grid.line_pitch + 1e-6))
    columns = [Slot(frame.rect.x + i * (width + gutter), top, width, lines, grid.line_pitch)
               for i in range(frame.columns)]
    areas = wrap_areas(page, frame)
    return [part for column in columns for part in around(column, areas)] if areas else columns


def wrap_areas(page: Page, frame: TextFrame) -> list[Rect]:
    """The rectangles, grown by their offsets, of the photos, boxes and other text frames
    on the page that push text away (``wrap`` above 0) and cover part of the text frame
    (图文互斥)."""
    areas = []
    for other in page.frames:
        wrap = getattr(other, "wrap", 0.0)
        if isinstance(other, (PhotoFrame, BoxFrame, TextFrame)) and other is not frame and wrap > 0 \
                and other.rect.intersects(frame.rect):
            r = other.rect
            areas.append(Rect(r.x - wrap, r.y - wrap, r.w + 2 * wrap, r.h + 2 * wrap))
    return areas


def around(column: Slot, areas: list[Rect]) -> list[Slot]:
    """A column cut around areas, a measure per grid line: a line an area covers in part
    takes the wider side left beside it, if at least MIN_WRAP_PITCHES line pitches wide;
    a line with less is left empty. Whole grid lines stay on the grid above and below
    an area; lines of one measure in a row make one slot."""
    pitch, left, right = column.pitch, column.x, column.x + column.width
    spans: list[tuple[float, float] | None] = []
    for line in range(column.lines):
        top = column.top + line * pitch
        span: tuple[float, float] | None = (left, right)
        for area in areas:
            if span is None or area.bottom <= top + 1e-6 or area.y >= top + pitch - 1e-6 \
                    or area.right <= span[0] or area.x >= span[1]:
                continue
            sides = [(span[0], min(span[1], area.x)), (max(span[0], area.right), span[1])]
            wide = max(sides, key=lambda side: side[1] - side[0])
            span = wide if wide[1] - wide[0] >= MIN_WRAP_PITCHES * pitch else None
        spans.append(span)
    slots: list[Slot] = []
    for line, span in enumerate(spans):
        if span is None:
            continue
        if line and spans[line - 1] == span:
            slots[-1].lines += 1
        else:
            slots.append(Slot(span[0], column.top + line * pitch, span[1] - span[0], 1, pitch))
    return slots


def _chain(issue: Issue, article: Article) -> list[tuple[Page, TextFrame]]:
    """The article's text frames in flow order, with their pages."""
    chain = []
    for frame_id in article.flow:
        found = issue.find_frame(frame_id)
        if found is not None and isinstance(found[1], TextFrame):
            chain.append((found[0], found[1]))
    return chain


def _jump_line(issue: Issue, article: Article, slot: Slot, text: str, align: str) -> Block:
    """A continuation line (转第X版 / 上接第X版) on one grid line of a column."""
    style = dataclasses.replace(issue.style("jump"), align=align)
    return set_block([(text, style)], Rect(slot.x, slot.top, slot.width, slot.pitch), slot.pitch,
                     sources=[TextOrigin(article.id, "jump")])


def body_sources(items: list[Item], article: Article) -> list[Item]:
    """The body's items with their sources: the article, and the byline told from the
    first paragraph it is run in at the head of (ranges then count in the paragraph's own text)."""
    byline = len(article.byline) if article.byline else 0
    out: list[Item] = []
    for item in items:
        kind = type(item)
        if kind is GlyphLines:
            out.append(item._replace(article=article.id, part="body"))
        elif kind is GlyphRun and item.source is not None:
            s = item.source
            if byline and s.paragraph == 0 and s.end <= byline:
                source = Source(article.id, "byline", 0, s.start, s.end)
            elif byline and s.paragraph == 0:
                source = Source(article.id, "body", 0, max(0, s.start - byline), s.end - byline)
            else:
                source = Source(article.id, "body", s.paragraph, s.start, s.end)
            out.append(item._replace(source=source))
        else:
            out.append(item)
    return out


def _is_done(paragraphs: list[FlowParagraph], state: FlowState) -> bool:
    return remaining_chars(paragraphs, state) == 0


def layout_article(issue: Issue, article: Article) -> ArticleLayout:
    """Flow the article through its frames, in chain order, page by page.

    Where the chain goes on to another page, the last line of the frame it
    leaves says （转第X版） and the first line of the frame it enters says
    （上接第X版）, as long as text goes on.
    """
    paragraphs = body_paragraphs(issue, article)
    result = ArticleLayout()
    state = FlowState()
    chain = _chain(issue, article)
    capacity, last_slot = 0, None
    for index, (page, frame) in enumerate(chain):
        if _is_done(paragraphs, state):
            break
        slots = frame_slots(page, frame)
        capacity += sum(slot.lines for slot in slots)
        if article.balance and index == len(chain) - 1 and not wrap_areas(page, frame):
            slots = balanced_slots(paragraphs, slots, state)
        items = result.items.setdefault(page.number, [])
        previous = chain[index - 1][0] if index else None
        if previous is not None and previous.number != page.number and slots and slots[0].lines > 1:
            block = _jump_line(issue, article, slots[0], f"（上接第{previous.number}版）", "left")
            items += block.items
            capacity -= 1
            slots[0] = dataclasses.replace(slots[0], top=slots[0].top + slots[0].pitch, lines=slots[0].lines - 1)
        following = chain[index + 1][0] if index + 1 < len(chain) else None
        after = next(iter(frame_slots(*chain[index + 1])), None) if following is not None else None
        flowed = flow(paragraphs, slots, state, after)
        if following is not None and following.number != page.number and slots and slots[-1].lines > 1 \
                and not _is_done(paragraphs, flowed.state):
            slots[-1] = dataclasses.replace(slots[-1], lines=slots[-1].lines - 1)
            capacity -= 1
            flowed = flow(paragraphs, slots, state, after)
            last = slots[-1]
            items += _jump_line(issue, article, dataclasses.replace(last, top=last.top + last.lines * last.pitch),
                                f"（转第{following.number}版）", "right").items
        items += body_sources(flowed.items, article)
        result.lines += flowed.lines
        last_slot = slots[-1] if slots else last_slot
        result.missing.extend(flowed.missing)
        result.problems += [(page.number, frame.id, message) for message in flowed.wide]
        result.stranded += [(page.number, frame.id, message) for message in flowed.stranded]
        state = flowed.state
    result.overset = remaining_chars(paragraphs, state)
    if result.overset and last_slot is not None:
        rest = dataclasses.replace(last_slot, lines=10**6)
        result.overset_lines = flow(paragraphs, [rest], state).lines
    elif not result.overset:
        result.underset_lines = max(0, capacity - result.lines)
    return result


def balanced_slots(paragraphs: list[FlowParagraph], slots: list[Slot], state: FlowState) -> list[Slot]:
    """The columns of an article's last frame made as short as they can be with all the
    text still fitting, so that they end on the same grid line (齐栏; only the last one
    shorter, by less than a line a column); the slots as they are when it does not fit."""
    if len(slots) < 2 or not _is_done(paragraphs, flow(paragraphs, slots, state).state):
        return slots
    low, high = 0, max(slot.lines for slot in slots)  # too short, long enough

    def fits(depth: int) -> bool:
        trial = [dataclasses.replace(slot, lines=min(slot.lines, depth)) for slot in slots]
        return _is_done(paragraphs, flow(paragraphs, trial, state).state)

    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle
    return [dataclasses.replace(slot, lines=min(slot.lines, high)) for slot in slots]
