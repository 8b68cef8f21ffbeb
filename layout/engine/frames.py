"""Set the frames that are not article bodies: headlines, captions, photos, pairs,
series blocks, boxes, rules, column rules and the folio or masthead.

Each frame is set on its own into a :class:`FrameResult`, and :func:`frame_key`
names everything its result depends on, so that a frame is set again only when
one of those things changes.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

from layout.engine.block import TextOrigin, set_block
from layout.engine.displaylist import BoxItem, GlyphRun, Item, RuleItem
from layout.engine.ornaments import border_items
from layout.engine.photoblocks import line_pitch, photo_frame, photo_pair, series_block
from layout.engine.result import FrameResult
from layout.engine.styling import grid_lines_for
from layout.engine.vertical import vertical_block
from layout.model.colour import BLACK, WHITE
from layout.model.document import Issue, Page
from layout.model.frames import (
    BoxFrame,
    CaptionFrame,
    FolioFrame,
    Frame,
    HeadlineFrame,
    Photo,
    PhotoFrame,
    PhotoPairFrame,
    RuleFrame,
    SeriesFrame,
    TextFrame,
)
from layout.model.styles import TextStyle, with_overrides
from layout.store.assets import photo_path

WEEKDAYS = "一二三四五六日"
COLUMN_RULE_WEIGHT = 0.3
STAT_SECONDS = 1.0  # how long a photo file's looked-up state is trusted
_STATES: dict[tuple[Path | None, str], tuple[float, tuple[int, int] | None]] = {}


def date_text(issue: Issue) -> str:
    """"2023年2月15日 星期三"."""
    when = issue.date
    return f"{when.year}年{when.month}月{when.day}日 星期{WEEKDAYS[when.weekday()]}"


def numbers_text(issue: Issue) -> str:
    """"第7712期 总第12345期" (期号 and 总期号; either left out when not set)."""
    parts = ([f"第{issue.number}期"] if issue.number else []) + ([f"总第{issue.serial}期"] if issue.serial else [])
    return " ".join(parts)


def folio_parts(issue: Issue, page: Page) -> list[tuple[str, str]]:
    """The folio line's three parts (text, alignment): page and section, paper, date."""
    left = f"第{page.number}版 {page.section}".strip()
    right = date_text(issue) + (f"  {page.editors}" if page.editors else "")
    return [(left, "left"), (issue.paper, "center"), (right, "right")]


def _on_fill(frame: HeadlineFrame | CaptionFrame, style: TextStyle) -> TextStyle:
    """A style as a frame sets it: in paper white where the frame reverses its type (反白)."""
    return dataclasses.replace(style, colour=WHITE) if frame.reverse else style


def _tint(frame: HeadlineFrame | CaptionFrame) -> FrameResult:
    """The frame's fill (底纹, or the ground of reversed type) behind its text."""
    return FrameResult(items=[BoxItem(frame.rect, frame.fill, None, 0.0)] if frame.fill is not None else [])


def _headline(issue: Issue, page: Page, frame: HeadlineFrame) -> FrameResult:
    result = _tint(frame)
    article = issue.article(frame.article)
    if article is None:
        return result
    group = article.headline
    title = with_overrides(issue.styles.get(frame.title_style) or issue.style("title"), article.overrides.get("title"))
    styles = {"kicker": issue.style_in(article, "kicker"), "title": title,
              "subtitle": issue.style_in(article, "subtitle")}
    parts = [(name, text, _on_fill(frame, styles[name])) for name, text in
             (("kicker", group.kicker), ("title", group.title), ("subtitle", group.subtitle)) if text]
    if frame.vertical:
        result.merge(vertical_block([(text, style) for _, text, style in parts], frame.rect,
                                    [TextOrigin(article.id, name, frame.id) for name, _, _ in parts]))
        return result
    result.add_block(set_block([(text, style) for _, text, style in parts], frame.rect, page.grid.line_pitch,
                               top=page.grid.snap_y(page.type_area, frame.rect.y), centre=True,
                               headline=True, sources=[TextOrigin(article.id, name, frame.id) for name, _, _ in parts]))
    return result


def _caption(issue: Issue, frame: CaptionFrame) -> FrameResult:
    style = _on_fill(frame, with_overrides(issue.style(frame.style), frame.overrides))
    result = _tint(frame)
    if frame.vertical:
        result.merge(vertical_block([(frame.text, style)], frame.rect, [TextOrigin("", "caption", frame.id)]))
        return result
    result.add_block(set_block([(frame.text, style)], frame.rect, line_pitch(style), strict=issue.strict,
                               sources=[TextOrigin("", "caption", frame.id)]))
    return result


def _folio(issue: Issue, page: Page, frame: FolioFrame) -> FrameResult:
    if frame.masthead:
        return _masthead(issue, page, frame)
    style = issue.style("folio")
    pitch = page.grid.line_pitch * grid_lines_for(style, page.grid.line_pitch)
    result = FrameResult()
    for text, align in folio_parts(issue, page):
        part_style = dataclasses.replace(style, align=align, indent=0.0)
        result.add_block(set_block([(text, part_style)], frame.rect, pitch, centre=True,
                                   sources=[TextOrigin("", "folio", frame.id)]))
    return result


def _masthead(issue: Issue, page: Page, frame: FolioFrame) -> FrameResult:
    """The front page's 报头: the paper's name large at the left, date and edition at the right."""
    result = FrameResult()
    name = issue.style("masthead")
    result.add_block(set_block([(issue.paper, name)], frame.rect, line_pitch(name), centre=True,
                               sources=[TextOrigin("", "folio", frame.id)]))
    info = dataclasses.replace(issue.style("folio"), align="right", indent=0.0)
    lines = "\n".join(t for t in (date_text(issue), numbers_text(issue), issue.edition,
                                  f"第{page.number}版 {page.section}".strip()) if t)
    result.add_block(set_block([(lines, info)], frame.rect, line_pitch(info), centre=True,
                               sources=[TextOrigin("", "folio", frame.id)]))
    return result


def _rule(frame: RuleFrame) -> FrameResult:
    r = frame.rect
    if r.w >= r.h:
        y = r.y + r.h / 2
        return FrameResult(items=[RuleItem(r.x, y, r.right, y, frame.weight, frame.colour)])
    x = r.x + r.w / 2
    return FrameResult(items=[RuleItem(x, r.y, x, r.bottom, frame.weight, frame.colour)])


def _box(frame: BoxFrame) -> FrameResult:
    """A tint and a border (花边, see ``ornaments``): the tint fills the border's outer
    box where it has one, else a box of its own behind it."""
    items: list[Item] = []
    if frame.colour is not None and frame.weight:
        items = border_items(frame.rect, frame.border, frame.colour, frame.weight)
    if frame.fill is not None:
        first = items[0] if items else None
        if isinstance(first, BoxItem) and first.rect == frame.rect and first.fill is None:
            items[0] = dataclasses.replace(first, fill=frame.fill)
        else:
            items.insert(0, BoxItem(frame.rect, frame.fill, None, 0.0))
    return FrameResult(items=items)


def _column_rules(page: Page, frame: TextFrame) -> FrameResult:
    """栏线: a hairline down the middle of each gutter of a text frame."""
    if not frame.column_rules or frame.columns < 2:
        return FrameResult()
    gutter = page.grid.gutter if frame.gutter is None else frame.gutter
    width = (frame.rect.w - (frame.columns - 1) * gutter) / frame.columns
    r = frame.rect
    xs = [r.x + i * (width + gutter) - gutter / 2 for i in range(1, frame.columns)]
    return FrameResult(items=[RuleItem(x, r.y, x, r.bottom, COLUMN_RULE_WEIGHT, BLACK) for x in xs])


def set_frame(issue: Issue, page: Page, frame: Frame) -> FrameResult:
    """The display items of a frame that is not part of an article's body; its own texts'
    sources name it."""
    result = _set_frame(issue, page, frame)
    result.items = [item._replace(source=item.source._replace(frame=frame.id))
                    if type(item) is GlyphRun and item.source is not None and not item.source.frame else item
                    for item in result.items]
    return result


def _set_frame(issue: Issue, page: Page, frame: Frame) -> FrameResult:
    if isinstance(frame, HeadlineFrame):
        return _headline(issue, page, frame)
    if isinstance(frame, CaptionFrame):
        return _caption(issue, frame)
    if isinstance(frame, FolioFrame):
        return _folio(issue, page, frame)
    if isinstance(frame, PhotoFrame):
        return photo_frame(issue, frame)
    if isinstance(frame, PhotoPairFrame):
        return photo_pair(issue, frame.pair, frame.rect, page.grid.gutter / 2)
    if isinstance(frame, SeriesFrame):
        return series_block(issue, page, frame)
    if isinstance(frame, RuleFrame):
        return _rule(frame)
    if isinstance(frame, BoxFrame):
        return _box(frame)
    if isinstance(frame, TextFrame):
        return _column_rules(page, frame)
    return FrameResult()


def file_state(issue: Issue, photo: Photo) -> tuple[str | None, tuple[int, int] | None]:
    """A photo file and its modification time and size (a replaced file is read again).

    A file's state is looked up at most once every STAT_SECONDS, so that an editor
    laying a page out at every mouse move does not ask the file system each time."""
    if not photo.image:
        return None, None
    key = (issue.source, photo.image)
    now = time.monotonic()
    known = _STATES.get(key)
    if known is not None and now - known[0] < STAT_SECONDS:
        return photo.image, known[1]
    try:
        stat = os.stat(photo_path(issue, photo.image))
        state = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        state = None
    _STATES[key] = (now, state)
    return photo.image, state


def photos_of(frame: Frame) -> list[Photo]:
    """The photos a frame shows: its own, a pair's two, a series block's all."""
    if isinstance(frame, PhotoFrame):
        return [frame.photo]
    if isinstance(frame, PhotoPairFrame):
        return [frame.pair.before, frame.pair.after]
    if isinstance(frame, SeriesFrame):
        return [*frame.singles, *(p for pair in frame.pairs for p in (pair.before, pair.after))]
    return []


def page_key(issue: Issue, page: Page) -> str:
    """What every frame on a page depends on (the page's grid, the issue's styles), as one string."""
    return repr((page.number, page.grid, page.margins, issue.styles, issue.line_breaking))


def frame_key(issue: Issue, page: Page, frame: Frame, shared: str | None = None) -> str:
    """Everything a frame's result depends on, as one string; ``shared`` is the page's
    ``page_key`` when the caller has it already."""
    depends: tuple = (frame, shared if shared is not None else page_key(issue, page))
    if isinstance(frame, HeadlineFrame):
        article = issue.article(frame.article)
        depends += (article.headline if article else None, article.overrides if article else None)
    elif isinstance(frame, FolioFrame):
        depends += (issue.paper, issue.date, issue.edition, issue.number, issue.serial, page.section, page.editors)
    photos = photos_of(frame)
    if photos:
        depends += (issue.source, *(file_state(issue, p) for p in photos))
    return repr(depends)
