"""Plan where imported articles and photo pairs go on a page, on the grid.

These work out the frames (and the article) to add without changing the issue:
the edit operations in ``layout.edit`` add them, so that the command line's
import-article and add-photo-pair and the editor make the same, undoable change.
Positions are given as grid columns ("1-3") and a top in mm from
the top of the type area, snapped to the line grid; a height in mm is
optional: without it, an article gets the lines its text needs (copy-fitting)
and a pair the height its photos' shape asks for.
"""

from __future__ import annotations

import copy
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from layout.engine import copyfit
from layout.engine.photo import PhotoProblem, image_info
from layout.importer.limits import check_docx_size, check_imported, read_text_file
from layout.importer.plaintext import ImportedText, parse
from layout.model.document import Article, Issue, Page
from layout.model.frames import (
    BoxFrame,
    CaptionFrame,
    Frame,
    HeadlineFrame,
    Photo,
    PhotoPair,
    PhotoPairFrame,
    TextFrame,
)
from layout.model.geometry import Rect
from layout.units import mm, to_mm

LABEL_AND_CAPTION_LINES = 4


@dataclass
class Placement:
    """What to place (frames on a page, and the article they belong to), how many grid
    lines it takes, what did not fit (characters, and grid lines the page had no room
    for), what it covers."""

    page: Page | None = None
    frames: list[Frame] = field(default_factory=list)
    article: Article | None = None
    lines: int = 0
    overset: int = 0
    overlaps: list[str] = field(default_factory=list)
    missing_lines: int = 0


def import_file(path: str | Path, quotes: str = "curly") -> ImportedText:
    """Articles from a .txt or .docx file, refused while it is read when it holds more
    than a document may (:mod:`layout.importer.limits`)."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    if path.suffix.lower() == ".docx":
        from layout.importer.docx import read_docx  # python-docx and lxml load only when needed

        check_docx_size(path)
        imported = read_docx(path, quotes)
    elif path.suffix.lower() in (".txt", ".text", ""):
        imported = parse(read_text_file(path), quotes=quotes)
    else:
        raise ValueError(f"{path}: cannot import {path.suffix} files (use .txt or .docx)")
    check_imported(path, imported)
    return imported


def find_page(issue: Issue, number: int) -> Page:
    """The page with this number."""
    for page in issue.pages:
        if page.number == number:
            return page
    raise ValueError(f"the issue has no page {number} (it has {', '.join(str(p.number) for p in issue.pages)})")


def parse_columns(text: str, page: Page) -> tuple[int, int]:
    """"2-4" or "3" as (first, last) grid columns, checked against the page's grid."""
    parts = text.replace("–", "-").split("-")
    try:
        first, last = int(parts[0]), int(parts[-1])
    except ValueError:
        raise ValueError(f"columns {text!r}: write them as 2-4 or 3") from None
    if len(parts) > 2 or not 1 <= first <= last <= page.grid.columns:
        raise ValueError(f"columns {text!r} are not within 1-{page.grid.columns}")
    return first, last


def top_line(page: Page, top_mm: float) -> int:
    """The grid line at or below ``top_mm`` from the top of the type area."""
    if top_mm < 0:
        raise ValueError(f"top {top_mm} mm is above the type area")
    line = math.ceil(mm(top_mm) / page.grid.line_pitch - 1e-6)
    if line >= page.grid.line_count(page.type_area):
        raise ValueError(f"top {top_mm} mm is below the type area")
    return line


def unique_id(issue: Issue, base: str, planned: set[str] | frozenset[str] = frozenset()) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no frame or article uses yet (nor ``planned``)."""
    taken = {f.id for p in issue.pages for f in p.frames} | {a.id for a in issue.articles} | set(planned)
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _overlaps(page: Page, frames: list[Frame]) -> list[str]:
    """Frames already on the page that the new ones would cover (boxes lie behind)."""
    new = {f.id for f in frames}
    return [other.id for other in page.frames if other.id not in new and not isinstance(other, BoxFrame)
            and any(f.rect.intersects(other.rect) for f in frames)]


def _refuse_overlaps(page: Page, frames: list[Frame], allow: bool) -> list[str]:
    covered = _overlaps(page, frames)
    if covered and not allow:
        lowest = max(f.rect.bottom for f in page.frames if f.id in covered)
        below = to_mm(page.grid.snap_y(page.type_area, lowest) - page.type_area.y)
        raise ValueError(f"it would cover {', '.join(covered)} on page {page.number}; "
                         f"place it lower (--top {below:.0f} clears them) or allow it with --force")
    return covered


def _lines_left(page: Page, top: int) -> int:
    return page.grid.line_count(page.type_area) - top


def plan_article(issue: Issue, article: Article, page_number: int, columns: str, top_mm: float,
                 height_mm: float | None = None, allow_overlap: bool = False) -> Placement:
    """The article (with a new id) and its headline and text frames at a grid position."""
    page = find_page(issue, page_number)
    first, last = parse_columns(columns, page)
    return plan_article_at(issue, article, page, first, last, top_line(page, top_mm),
                           None if height_mm is None else math.floor(mm(height_mm) / page.grid.line_pitch + 1e-6),
                           allow_overlap)


def plan_article_at(issue: Issue, article: Article, page: Page, first: int, last: int, top: int,
                    lines: int | None = None, allow_overlap: bool = False) -> Placement:
    """The article over grid columns first..last from grid line ``top``, ``lines`` high
    (None: as many as its text needs), with its headline frame above its text frame."""
    article = copy.deepcopy(article)
    article.id = unique_id(issue, "a1" if not issue.articles else f"a{len(issue.articles) + 1}")
    head_lines = copyfit.headline_lines(issue, article, page, first, last)
    if lines is None:
        lines = head_lines + copyfit.body_lines(issue, article, page, first, last)
    else:
        lines = max(head_lines + 1, lines)
    missing = max(0, lines - _lines_left(page, top))
    lines -= missing
    frames: list[Frame] = []
    area = page.type_area
    if head_lines:
        frames.append(HeadlineFrame(unique_id(issue, f"{article.id}-head"),
                                    page.grid.area(area, first, last, top, head_lines), article=article.id))
    body = TextFrame(unique_id(issue, f"{article.id}-body"),
                     page.grid.area(area, first, last, top + head_lines, max(1, lines - head_lines)),
                     columns=last - first + 1)
    frames.append(body)
    covered = _refuse_overlaps(page, frames, allow_overlap)
    article.flow = [body.id]
    return Placement(page=page, frames=frames, article=article, lines=lines, overlaps=covered, missing_lines=missing)


def relative_path(issue: Issue, photo: str | Path) -> str:
    """A photo path as the document stores it: relative to the document's folder; absolute
    while the document has no folder yet (untitled: saving makes it relative, see
    :func:`layout.store.fileformat.rebase_photos`)."""
    photo = Path(photo).resolve()
    if issue.source is None:
        return photo.as_posix()
    return Path(os.path.relpath(photo, issue.source.parent)).as_posix()


def plan_photo_pair(issue: Issue, before: str | Path, after: str | Path, page_number: int, columns: str,
                    top_mm: float, caption: str = "", height_mm: float | None = None,
                    allow_overlap: bool = False) -> Placement:
    """A before-and-after pair (整治前/整治后) at a grid position."""
    page = find_page(issue, page_number)
    first, last = parse_columns(columns, page)
    lines = None if height_mm is None else math.floor(mm(height_mm) / page.grid.line_pitch + 1e-6)
    return plan_photo_pair_at(issue, before, after, page, first, last, top_line(page, top_mm), caption, lines,
                              allow_overlap)


def plan_photo_pair_at(issue: Issue, before: str | Path, after: str | Path, page: Page, first: int, last: int,
                       top: int, caption: str = "", lines: int | None = None,
                       allow_overlap: bool = False) -> Placement:
    """A pair over grid columns first..last from grid line ``top``; ``lines`` None: as its photos need."""
    shapes = []
    for photo in (before, after):
        try:
            (width, height), _, _ = image_info(Path(photo))
        except PhotoProblem as problem:
            raise ValueError(f"{photo}: {problem}") from None
        shapes.append(height / width)
    if lines is None:
        _, span = page.grid.column_span(page.type_area, first, last)
        photo_height = (span - page.grid.gutter / 2) / 2 * max(shapes)
        lines = math.ceil(photo_height / page.grid.line_pitch) + LABEL_AND_CAPTION_LINES
    lines = min(max(lines, LABEL_AND_CAPTION_LINES + 2), _lines_left(page, top))
    pair = PhotoPair(Photo(relative_path(issue, before)), Photo(relative_path(issue, after)), caption=caption)
    frame = PhotoPairFrame(unique_id(issue, "pair"), page.grid.area(page.type_area, first, last, top, lines), pair=pair)
    covered = _refuse_overlaps(page, [frame], allow_overlap)
    return Placement(page=page, frames=[frame], lines=lines, overlaps=covered)


def loose_texts(imported: ImportedText) -> list[tuple[str, str]]:
    """The labels (挂账督办, 整治前后) and credit lines found outside any article, each with
    the style its text frame takes."""
    return [(label, "section") for label in imported.labels] + [(c, "credit") for c in imported.credits]


def plan_lines(issue: Issue, texts: list[tuple[str, str]], page_number: int, columns: str,
               top_mm: float, allow_overlap: bool = False) -> Placement:
    """Short texts (labels such as 挂账督办, credit lines) one under another, in their styles."""
    page = find_page(issue, page_number)
    first, last = parse_columns(columns, page)
    return plan_lines_at(issue, texts, page, first, last, top_line(page, top_mm), allow_overlap)


def plan_lines_at(issue: Issue, texts: list[tuple[str, str]], page: Page, first: int, last: int, top: int,
                  allow_overlap: bool = False) -> Placement:
    """Short texts as text frames of their own (CaptionFrame) one under another across the
    grid columns ``first``..``last`` from grid line ``top``, each in its style."""
    placement = Placement(page=page)
    for text, style in texts:
        lines = 2 if style == "section" else max(1, math.ceil(len(text) / (13 * (last - first + 1))))
        lines = min(lines, _lines_left(page, top))
        if lines <= 0:
            placement.overset += len(text)
            continue
        rect = page.grid.area(page.type_area, first, last, top, lines)
        frame = CaptionFrame(unique_id(issue, "caption", {f.id for f in placement.frames}), rect,
                             text=text, style=style)
        placement.overlaps += _refuse_overlaps(page, [frame], allow_overlap)
        placement.frames.append(frame)
        top += lines
        placement.lines += lines
    return placement


def rect_mm(rect: Rect) -> str:
    """A rectangle for messages: left, top, width, height in mm."""
    return "×".join(f"{to_mm(v):.0f}" for v in (rect.w, rect.h)) + f" mm at ({to_mm(rect.x):.0f}, {to_mm(rect.y):.0f})"
