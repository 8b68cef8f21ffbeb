"""Placing things on the page: an imported article carried by the pointer, a photo or a
before-and-after pair dropped or drawn, rules, boxes and tints from the tool bar.

What goes where is planned by the importer's placement functions and made by the
edit operations, exactly as ``layout import-article`` and ``add-photo-pair`` do.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from layout.edit import operations as ops
from layout.edit.change import Change
from layout.engine.photo import PhotoProblem, image_info
from layout.gui.tools import ColumnPlaceTool, DrawTool, new_frame_ids
from layout.importer.place import import_file, loose_texts, plan_article_at, plan_lines_at, plan_photo_pair_at
from layout.importer.plaintext import ImportedText
from layout.model.colour import Colour
from layout.model.document import Article
from layout.model.frames import PhotoFrame, PhotoPairFrame, SeriesFrame
from layout.model.geometry import Rect

ARTICLE_SUFFIXES = {".txt", ".text", ".docx"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
TINT = Colour(0.0, 0.0, 0.0, 0.08)
DROPPED_PHOTO_COLUMNS = 2
DROPPED_PAIR_COLUMNS = 4


class Placing:
    """The canvas's placing commands."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.queue: list[Article] = []
        self.loose: list[tuple[str, str]] = []  # the labels and credit lines of the file, after its articles

    # articles

    def import_article(self, path: str | Path) -> int:
        """Read a .txt or .docx and let the pointer carry its articles, one after another."""
        try:
            imported = import_file(path)
        except ValueError as problem:
            self.canvas.message.emit(str(problem))
            return 0
        if not imported.articles and not imported.labels and not imported.credits:
            self.canvas.message.emit(self.canvas.tr("No article found in %1").replace("%1", str(path)))
        return self.carry(imported)

    def carry(self, imported: ImportedText) -> int:
        """Let the pointer carry imported articles, then their labels and credit lines."""
        self.queue = list(imported.articles)
        self.loose = loose_texts(imported)
        self._carry_next()
        return len(imported.articles)

    def _carry_next(self) -> None:
        if not self.queue:
            self._carry_loose()
            return
        article = self.queue.pop(0)
        title = article.headline.title or article.headline.kicker
        self.canvas.message.emit(self.canvas.tr("Drag across columns to place 《%1》; a click places it in one column")
                                 .replace("%1", title))
        self.canvas.set_tool(ColumnPlaceTool(self.canvas, lambda first, last, top: self._article(article, first,
                                             last, top), self.canvas.tr("Place article"), self._carry_next))

    def _carry_loose(self) -> None:
        """After the articles, the pointer carries the file's labels and credit lines: a drag
        across columns places them as text frames of their own, one under another."""
        texts, self.loose = self.loose, []
        if not texts:
            self.canvas.set_tool(None)
            return
        self.canvas.message.emit(self.canvas.tr("Drag across columns to place the labels and credit lines: %1")
                                 .replace("%1", " / ".join(text for text, _ in texts)))
        self.canvas.set_tool(ColumnPlaceTool(self.canvas, lambda first, last, top: self._lines(texts, first, last,
                                             top), self.canvas.tr("Place labels"), self._carry_next))

    def _lines(self, texts: list[tuple[str, str]], first: int, last: int, top: int) -> Change:
        issue = self.canvas.document.issue
        placement = plan_lines_at(issue, texts, self.canvas.page, first, last, top, allow_overlap=True)
        if placement.overlaps:
            self.canvas.message.emit(self.canvas.tr("The labels cover %1").replace("%1", ", ".join(placement.overlaps)))
        return ops.placed(placement, issue, "place labels")

    def _article(self, article: Article, first: int, last: int, top: int) -> Change:
        issue = self.canvas.document.issue
        placement = plan_article_at(issue, article, self.canvas.page, first, last, top, allow_overlap=True)
        if placement.overlaps:
            covered = ", ".join(placement.overlaps)
            self.canvas.message.emit(self.canvas.tr("The article covers %1").replace("%1", covered))
        return ops.placed(placement, issue, "place article")

    # photos

    def carry_pair(self, before: str | Path, after: str | Path) -> None:
        """Let the pointer carry a before-and-after pair; a drag across columns places it."""
        self.canvas.message.emit(self.canvas.tr("Drag across columns to place the before-and-after pair"))
        self.canvas.set_tool(ColumnPlaceTool(self.canvas, lambda first, last, top: self._pair(before, after, first,
                                             last, top), self.canvas.tr("Place photo pair")))

    def _pair(self, before: str | Path, after: str | Path, first: int, last: int, top: int) -> Change:
        issue = self.canvas.document.issue
        placement = plan_photo_pair_at(issue, before, after, self.canvas.page, first, last, top, allow_overlap=True)
        return ops.placed(placement, issue, "place photo pair")

    def drop_photo(self, path: Path, point: QPointF) -> Change:
        """A photo dropped on a photo frame or pair fills it, on a series block it takes a single's
        slot (挂账督办); elsewhere it gets a new frame
        on the grid where it was dropped, as tall as its shape asks."""
        issue = self.canvas.document.issue
        target = self.canvas.frame_at(point)
        if isinstance(target, (PhotoFrame, PhotoPairFrame)) and not target.locked:
            side = None
            if isinstance(target, PhotoPairFrame):
                x, _ = self.canvas.to_page(point)
                side = "before" if x < target.rect.x + target.rect.w / 2 else "after"
            return ops.fill_photo(issue, target.id, path, side)
        if isinstance(target, SeriesFrame) and not target.locked:
            return ops.add_series_single(issue, target.id, path)
        page = self.canvas.page
        first, top = self.canvas.grid_cell(point)
        first = min(first, page.grid.columns - DROPPED_PHOTO_COLUMNS + 1)
        left, width = page.grid.column_span(page.type_area, first, first + DROPPED_PHOTO_COLUMNS - 1)
        (w, h), _, _ = image_info(path)
        lines = max(2, math.ceil(width * h / w / page.grid.line_pitch))
        rect = page.grid.area(page.type_area, first, first + DROPPED_PHOTO_COLUMNS - 1, top, lines)
        return ops.place_photo(issue, self.canvas.page_index, path, rect)

    def drop_pair(self, before: Path, after: Path, point: QPointF) -> Change:
        """Two photos dropped at once: a before-and-after pair across columns from where they fell,
        or one more pair in the series block they fell on."""
        target = self.canvas.frame_at(point)
        if isinstance(target, SeriesFrame) and not target.locked:
            return ops.add_series_pair(self.canvas.document.issue, target.id, before, after)
        page = self.canvas.page
        first, top = self.canvas.grid_cell(point)
        first = max(1, min(first, page.grid.columns - DROPPED_PAIR_COLUMNS + 1))
        last = min(page.grid.columns, first + DROPPED_PAIR_COLUMNS - 1)
        return self._pair(before, after, first, last, top)

    def accepts(self, event: QDragEnterEvent) -> bool:
        """True for files the page can take: photos and articles."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        return bool(paths) and all(p.suffix.lower() in IMAGE_SUFFIXES | ARTICLE_SUFFIXES for p in paths)

    def drop(self, event: QDropEvent) -> None:
        """Files dropped on the page: an article is carried, one photo placed, two make a pair."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        articles = [p for p in paths if p.suffix.lower() in ARTICLE_SUFFIXES]
        photos = [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]
        if articles:
            self.import_article(articles[0])
            return
        point = event.position()
        try:
            change = self.drop_pair(*photos, point) if len(photos) == 2 else self.drop_photo(photos[0], point)
        except (ValueError, PhotoProblem) as problem:
            self.canvas.message.emit(str(problem))
            return
        self.canvas.document.do(change, self.canvas.tr("Place photo"))
        self.canvas.set_selection(new_frame_ids(change))

    # rules, boxes, tints

    def draw_rule(self) -> None:
        """The pointer draws a rule: across when dragged wider than tall, else down."""
        def rule(rect: Rect) -> Change:
            line = Rect(rect.x, rect.y, rect.w, 0) if rect.w >= rect.h else Rect(rect.x, rect.y, 0, rect.h)
            return ops.add_rule(self.canvas.document.issue, self.canvas.page_index, line, 0.75)
        self.canvas.set_tool(DrawTool(self.canvas, rule, self.canvas.tr("Add rule")))

    def draw_series(self) -> None:
        """The pointer draws a series block (整治前后); drop photo pairs on it to fill it."""
        def series(rect: Rect) -> Change:
            return ops.add_series(self.canvas.document.issue, self.canvas.page_index, rect)
        self.canvas.set_tool(DrawTool(self.canvas, series, self.canvas.tr("Add series block")))

    def draw_box(self, tint: bool = False) -> None:
        """The pointer draws a box (an outline) or a tint (a light fill), behind the page's frames."""
        def box(rect: Rect) -> Change:
            issue = self.canvas.document.issue
            if tint:
                return ops.add_box(issue, self.canvas.page_index, rect, fill=TINT)
            return ops.add_box(issue, self.canvas.page_index, rect, stroke=Colour(0, 0, 0, 1))
        label = self.canvas.tr("Add tint") if tint else self.canvas.tr("Add box")
        self.canvas.set_tool(DrawTool(self.canvas, box, label))
