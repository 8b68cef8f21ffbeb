"""Lay out photo frames with captions, before-and-after pairs, and series blocks.

Every photo of a pair gets the same frame size; a series block puts its
single photos (挂账督办) in its first grid columns and its pairs (整治前后) in
the rest, each group under its title, with the series credit at the foot.
Replacing or re-cropping one photo changes only its crop, never a frame.
"""

from __future__ import annotations

import math
from pathlib import Path

from layout.engine.block import Block, TextOrigin, set_block
from layout.engine.displaylist import PlaceholderItem, placeholder_marks
from layout.engine.photo import place_photo
from layout.engine.result import FrameResult
from layout.model.document import Issue, Page
from layout.model.frames import Photo, PhotoFrame, PhotoPair, SeriesFrame
from layout.model.geometry import Rect
from layout.model.styles import TextStyle
from layout.store.assets import photo_path

CAPTION_GAP = 3.0  # points between a photo and its caption
CREDIT_GAP = 2.0


def line_pitch(style: TextStyle) -> float:
    """The pitch of short texts in a style (captions, labels, credits)."""
    return style.leading_pt or style.size_pt * 1.5


def text_height(text: str, style: TextStyle, width: float) -> float:
    """How tall a caption in this style is at this width."""
    if not text.strip():
        return 0.0
    pitch = line_pitch(style)
    probe = set_block([(text, style)], Rect(0, 0, width, 10_000), pitch)
    return probe.lines * pitch


def put_text(text: str, style: TextStyle, rect: Rect, centre: bool = False, part: str = "") -> Block:
    """Set a short text in a rectangle on its own pitch; ``part`` names it in its items' sources
    (the frame is filled in by :func:`layout.engine.frames.set_frame`)."""
    return set_block([(text, style)], rect, line_pitch(style), centre=centre,
                     sources=[TextOrigin("", part)] if part else None)


def put_photo(issue: Issue, photo: Photo, rect: Rect, fit: str = "fill") -> FrameResult:
    """A photo cropped into ``rect``, or a labelled placeholder."""
    path: Path | None = photo_path(issue, photo.image) if photo.image else None
    item, problem = place_photo(path, rect, fit, photo)
    placed = FrameResult(items=[item], problems=[problem] if problem else [])
    if isinstance(item, PlaceholderItem):
        placed.items += placeholder_marks(item.rect)
        placed.add_block(put_text(item.message, issue.style("label"), rect, centre=True))
    return placed


def photo_frame(issue: Issue, frame: PhotoFrame) -> FrameResult:
    """A photo frame: the photo, its caption below or to the right, and its credit."""
    r, caption = frame.rect, issue.style("caption")
    credit = issue.style("credit")
    credit_h = text_height(frame.credit, credit, r.w)
    photo_rect, placed = r, FrameResult()
    if frame.caption and frame.caption_side == "right":
        side = max(r.w / 3, 6 * caption.size_pt)
        photo_rect = Rect(r.x, r.y, r.w - side - CAPTION_GAP * 2, r.h)
        placed.add_block(put_text(frame.caption, caption, Rect(photo_rect.right + CAPTION_GAP * 2, r.y, side, r.h),
                                  part="caption"))
    elif frame.caption and frame.caption_side == "below":
        height = text_height(frame.caption, caption, r.w)
        photo_rect = Rect(r.x, r.y, r.w, max(1.0, r.h - height - CAPTION_GAP))
        placed.add_block(put_text(frame.caption, caption, Rect(r.x, photo_rect.bottom + CAPTION_GAP, r.w, height),
                                  part="caption"))
    if credit_h:
        photo_rect = Rect(photo_rect.x, photo_rect.y, photo_rect.w, max(1.0, photo_rect.h - credit_h - CREDIT_GAP))
        placed.add_block(put_text(frame.credit, credit, Rect(photo_rect.x, photo_rect.bottom + CREDIT_GAP,
                                                          photo_rect.w, credit_h), part="credit"))
    photo = put_photo(issue, frame.photo, photo_rect, frame.fit)
    photo.merge(placed)
    return photo


def pair_cells(pair: PhotoPair, rect: Rect, gutter: float, label_h: float, caption_h: float) -> list[Rect]:
    """The two equal photo frames of a pair, side by side or stacked."""
    if pair.arrangement == "stacked":
        h = (rect.h - caption_h - 2 * label_h - gutter) / 2
        return [Rect(rect.x, rect.y, rect.w, h), Rect(rect.x, rect.y + h + label_h + gutter, rect.w, h)]
    w = (rect.w - gutter) / 2
    h = rect.h - caption_h - label_h
    return [Rect(rect.x, rect.y, w, h), Rect(rect.x + w + gutter, rect.y, w, h)]


def photo_pair(issue: Issue, pair: PhotoPair, rect: Rect, gutter: float) -> FrameResult:
    """Before and after photos in equal frames, a label under each, the caption below both."""
    label, caption = issue.style("label"), issue.style("caption")
    label_h = line_pitch(label)
    caption_h = text_height(pair.caption, caption, rect.w)
    caption_h += CAPTION_GAP if caption_h else 0.0
    placed = FrameResult()
    for photo, name, cell in zip((pair.before, pair.after), pair.labels,
                                 pair_cells(pair, rect, gutter, label_h, caption_h)):
        placed.merge(put_photo(issue, photo, cell))
        placed.add_block(put_text(name, label, Rect(cell.x, cell.bottom, cell.w, label_h), part="label"))
    if pair.caption:
        placed.add_block(put_text(pair.caption, caption, Rect(rect.x, rect.bottom - caption_h + CAPTION_GAP,
                                                          rect.w, caption_h - CAPTION_GAP), part="caption"))
    return placed


def _grid_cells(area: Rect, count: int, columns: int, gutter: float) -> list[Rect]:
    """``count`` equal cells, ``columns`` to a row, filling ``area``."""
    if count == 0:
        return []
    columns = max(1, min(columns, count))
    rows = math.ceil(count / columns)
    w = (area.w - (columns - 1) * gutter) / columns
    h = (area.h - (rows - 1) * gutter) / rows
    return [Rect(area.x + (i % columns) * (w + gutter), area.y + (i // columns) * (h + gutter), w, h)
            for i in range(count)]


def _single(issue: Issue, photo: Photo, cell: Rect) -> FrameResult:
    caption = issue.style("caption")
    height = text_height(photo.caption, caption, cell.w)
    photo_rect = Rect(cell.x, cell.y, cell.w, max(1.0, cell.h - height - (CAPTION_GAP if height else 0)))
    placed = put_photo(issue, photo, photo_rect)
    if height:
        below = Rect(cell.x, photo_rect.bottom + CAPTION_GAP, cell.w, height)
        placed.add_block(put_text(photo.caption, caption, below, part="caption"))
    return placed


def _titled(issue: Issue, title: str, area: Rect, pitch: float) -> tuple[FrameResult, Rect]:
    """A group title on two grid lines at the top of ``area``; the rest of the area."""
    placed = FrameResult()
    if not title:
        return placed, area
    height = 2 * pitch
    placed.add_block(set_block([(title, issue.style("section"))], Rect(area.x, area.y, area.w, height), pitch,
                               centre=True, sources=[TextOrigin("", "section")]))
    return placed, Rect(area.x, area.y + height, area.w, area.h - height)


def series_block(issue: Issue, page: Page, frame: SeriesFrame) -> FrameResult:
    """Singles in the first grid columns, pairs in the rest, the credit at the foot."""
    grid, r = page.grid, frame.rect
    credit = issue.style("credit")
    credit_h = line_pitch(credit) if frame.credit else 0.0
    body = Rect(r.x, r.y, r.w, r.h - credit_h)
    pairs_area = body
    placed = FrameResult()
    if frame.singles and frame.singles_span:
        width = frame.singles_span * grid.column_width(page.type_area) + (frame.singles_span - 1) * grid.gutter
        singles_area = Rect(body.x, body.y, width, body.h)
        pairs_area = Rect(body.x + width + grid.gutter, body.y, body.w - width - grid.gutter, body.h)
        titled, cells_area = _titled(issue, frame.singles_title, singles_area, grid.line_pitch)
        placed.merge(titled)
        for photo, cell in zip(frame.singles, _grid_cells(cells_area, len(frame.singles),
                                                         frame.singles_columns, grid.gutter)):
            placed.merge(_single(issue, photo, cell))
    titled, cells_area = _titled(issue, frame.title, pairs_area, grid.line_pitch)
    placed.merge(titled)
    for pair, cell in zip(frame.pairs, _grid_cells(cells_area, len(frame.pairs), frame.pair_columns,
                                                   grid.gutter)):
        placed.merge(photo_pair(issue, pair, cell, grid.gutter / 2))
    if frame.credit:
        placed.add_block(put_text(frame.credit, credit, Rect(r.x, r.bottom - credit_h, r.w, credit_h),
                                  part="credit"))
    return placed
