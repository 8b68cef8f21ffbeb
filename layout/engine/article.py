"""Lay out an article's body through the chain of text frames it flows into."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from layout.engine.displaylist import Item
from layout.engine.prepare import prepared
from layout.engine.styling import paragraph_for, run_for
from layout.engine.textflow import FlowParagraph, Slot, flow, remaining_chars
from layout.model.document import Article, Issue, Page, TextFrame

_BYLINE_SPLIT = re.compile(r"^([^（(]*)([（(].*)$")


@dataclass
class ArticleLayout:
    """Items per page number, overset characters, and characters no font has."""

    items: dict[int, list[Item]] = field(default_factory=dict)
    overset: int = 0
    lines: int = 0
    missing: list[str] = field(default_factory=list)


def split_byline(byline: str) -> tuple[str, str]:
    """"本报讯（记者 赵紫楠）" → ("本报讯", "（记者 赵紫楠）"): the lead word is set bold."""
    match = _BYLINE_SPLIT.match(byline)
    if match is None:
        return byline, ""
    return match.group(1), match.group(2)


def body_paragraphs(issue: Issue, article: Article) -> list[FlowParagraph]:
    """The article's paragraphs, the byline run in at the head of the first one."""
    paragraphs = [paragraph_for(p.text, issue.style(p.style)) for p in article.paragraphs]
    if article.byline:
        lead, rest = split_byline(article.byline)
        body = issue.style(article.paragraphs[0].style if article.paragraphs else "body")
        runs = [run_for(lead, issue.style("byline-lead"))]
        if rest:
            runs.append(run_for(rest, issue.style("byline")))
        if article.paragraphs:
            runs.append(run_for(article.paragraphs[0].text, body))
        first = FlowParagraph(prepared(tuple(runs)), body.align, body.indent * body.size_pt)
        paragraphs[:1] = [first]
    return paragraphs


def frame_slots(page: Page, frame: TextFrame) -> list[Slot]:
    """The columns of a text frame, tops on the page's line grid."""
    grid = page.grid
    gutter = grid.gutter if frame.gutter is None else frame.gutter
    width = (frame.rect.w - (frame.columns - 1) * gutter) / frame.columns
    top = grid.snap_y(page.type_area, frame.rect.y)
    lines = max(0, int((frame.rect.bottom - top) / grid.line_pitch + 1e-6))
    return [
        Slot(frame.rect.x + i * (width + gutter), top, width, lines, grid.line_pitch)
        for i in range(frame.columns)
    ]


def layout_article(issue: Issue, article: Article) -> ArticleLayout:
    """Flow the article through its frames, in chain order, page by page."""
    paragraphs = body_paragraphs(issue, article)
    result = ArticleLayout()
    state = None
    for frame_id in article.flow:
        found = issue.find_frame(frame_id)
        if found is None or not isinstance(found[1], TextFrame):
            continue
        page, frame = found
        flowed = flow(paragraphs, frame_slots(page, frame), state)
        result.items.setdefault(page.number, []).extend(flowed.items)
        result.lines += flowed.lines
        result.missing.extend(flowed.missing)
        state = flowed.state
    if state is None:
        result.overset = sum(len(a) for p in paragraphs for a in p.prepared.atoms if not a.isspace())
    else:
        result.overset = remaining_chars(paragraphs, state)
    return result
