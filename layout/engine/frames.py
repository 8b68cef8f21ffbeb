"""Set the frames that are not article bodies: headlines, captions, folios, photos, rules.

Each frame is set on its own into a :class:`FrameResult`, and :func:`frame_key`
names everything its result depends on, so that a frame is set again only when
one of those things changes.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field

from layout.engine.block import Block, set_block
from layout.engine.displaylist import Item, PlaceholderItem, RuleItem
from layout.engine.photo import place_photo
from layout.engine.styling import grid_lines_for
from layout.model.document import (
    CaptionFrame,
    FolioFrame,
    Frame,
    HeadlineFrame,
    Issue,
    Page,
    PhotoFrame,
    RuleFrame,
)

WEEKDAYS = "一二三四五六日"


@dataclass
class FrameResult:
    """A frame's items, what went wrong in it, and characters no font has."""

    items: list[Item] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def add_block(self, block: Block) -> None:
        """Take a set block's items and its overflow and missing characters."""
        self.items.extend(block.items)
        self.missing.extend(block.missing)
        if block.overflow:
            self.problems.append(f"{block.overflow} characters do not fit in the frame")


def folio_parts(issue: Issue, page: Page) -> list[tuple[str, str]]:
    """The folio line's three parts (text, alignment): page and section, paper, date."""
    when = issue.date
    date_text = f"{when.year}年{when.month}月{when.day}日 星期{WEEKDAYS[when.weekday()]}"
    left = f"第{page.number}版 {page.section}".strip()
    right = date_text + (f"  {page.editors}" if page.editors else "")
    return [(left, "left"), (issue.paper, "center"), (right, "right")]


def _headline(issue: Issue, page: Page, frame: HeadlineFrame) -> FrameResult:
    result = FrameResult()
    article = issue.article(frame.article)
    if article is None:
        return result
    group = article.headline
    parts = [(group.kicker, issue.style("kicker")), (group.title, issue.style("title")),
             (group.subtitle, issue.style("subtitle"))]
    result.add_block(set_block([p for p in parts if p[0]], frame.rect, page.grid.line_pitch,
                               top=page.grid.snap_y(page.type_area, frame.rect.y), centre=True,
                               headline=True))
    return result


def _caption(issue: Issue, frame: CaptionFrame) -> FrameResult:
    style = issue.style(frame.style)
    result = FrameResult()
    result.add_block(set_block([(frame.text, style)], frame.rect, style.leading_pt or style.size_pt * 1.5,
                               strict=issue.strict))
    return result


def _folio(issue: Issue, page: Page, frame: FolioFrame) -> FrameResult:
    style = issue.style("folio")
    pitch = page.grid.line_pitch * grid_lines_for(style, page.grid.line_pitch)
    result = FrameResult()
    for text, align in folio_parts(issue, page):
        part_style = dataclasses.replace(style, align=align, indent=0.0)
        result.add_block(set_block([(text, part_style)], frame.rect, pitch, centre=True))
    return result


def _photo(issue: Issue, frame: PhotoFrame) -> FrameResult:
    path = issue.resolve(frame.image) if frame.image else None
    item, problem = place_photo(path, frame.rect, frame.fit)
    result = FrameResult(items=[item], problems=[problem] if problem else [])
    if isinstance(item, PlaceholderItem):
        style = issue.style("label")
        result.add_block(set_block([(item.message, style)], frame.rect, style.size_pt * 1.5, centre=True))
    return result


def _rule(frame: RuleFrame) -> FrameResult:
    r = frame.rect
    if r.w >= r.h:
        y = r.y + r.h / 2
        return FrameResult(items=[RuleItem(r.x, y, r.right, y, frame.weight, frame.colour)])
    x = r.x + r.w / 2
    return FrameResult(items=[RuleItem(x, r.y, x, r.bottom, frame.weight, frame.colour)])


def set_frame(issue: Issue, page: Page, frame: Frame) -> FrameResult:
    """The display items of a frame that is not part of an article's body."""
    if isinstance(frame, HeadlineFrame):
        return _headline(issue, page, frame)
    if isinstance(frame, CaptionFrame):
        return _caption(issue, frame)
    if isinstance(frame, FolioFrame):
        return _folio(issue, page, frame)
    if isinstance(frame, PhotoFrame):
        return _photo(issue, frame)
    if isinstance(frame, RuleFrame):
        return _rule(frame)
    return FrameResult()


def _photo_state(issue: Issue, frame: PhotoFrame) -> tuple[int, int] | None:
    """The photo file's modification time and size (a replaced file is read again)."""
    if not frame.image:
        return None
    try:
        stat = os.stat(issue.resolve(frame.image))
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def frame_key(issue: Issue, page: Page, frame: Frame) -> str:
    """Everything a frame's result depends on, as one string."""
    depends: tuple = (frame, page.number, page.grid, page.margins)
    if isinstance(frame, HeadlineFrame):
        article = issue.article(frame.article)
        depends += (article.headline if article else None,
                    *(issue.style(n) for n in ("kicker", "title", "subtitle")))
    elif isinstance(frame, CaptionFrame):
        depends += (issue.style(frame.style), issue.line_breaking)
    elif isinstance(frame, FolioFrame):
        depends += (issue.paper, issue.date, page.section, page.editors, issue.style("folio"))
    elif isinstance(frame, PhotoFrame):
        depends += (issue.source, _photo_state(issue, frame), issue.style("label"))
    return repr(depends)
