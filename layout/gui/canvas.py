"""The page canvas: the engine's display list of one page on a pasteboard, with zoom,
panning, the grid overlay, the selection, and the current tool's mouse handling.

The canvas never lays out text: it draws the display list the document's engine
made, and every change it makes goes through the document as an edit operation.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from layout.edit import operations as ops
from layout.edit.session import EditorSession
from layout.edit.snap import Guide, bounds
from layout.engine.headline import warm_up
from layout.gui.crash import contained
from layout.gui.document import EditorDocument
from layout.gui.overlay import (
    draw_chain_number,
    draw_correction_marks,
    draw_frames,
    draw_grid,
    draw_guides,
    draw_master_items,
    draw_overset_marker,
    draw_ruler_guides,
    draw_selection,
    overset_marker,
    view_rect,
)
from layout.gui.redraw import ChangedDrawing
from layout.gui.text_editor import TextFrameEditor
from layout.gui.tools import SelectTool
from layout.model.document import Page
from layout.model.frames import Frame
from layout.model.geometry import Rect
from layout.model.masters import master_items
from layout.render.qt import QtPageRenderer
from layout.units import mm

SCREEN_DPI = 96.0
PASTEBOARD = 360.0  # points of pasteboard around the page (about 127 mm), where frames may be parked
PASTEBOARD_COLOUR = QColor(200, 200, 204)
CACHE_PIXELS = 6_000_000  # a page drawn larger than this is drawn only where the window shows it
REDRAW_SHARE = 0.5  # a change covering more of the page image than this draws all of it again
TILE_MARGIN = 400  # pixels drawn round what the window shows, so that a short scroll draws nothing
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
SNAP_PIXELS = 6.0
SHARPEN_MS = 150  # after a zoom step, the page is drawn sharp again once zooming pauses this long


class PageCanvas(QAbstractScrollArea):
    """Shows one page of an EditorDocument; ``zoom`` 1.0 is the page's real size on a 96 dpi screen."""

    selection_changed = Signal()
    view_changed = Signal()
    message = Signal(str)
    frame_activated = Signal(str)  # a frame was double-clicked: edit what it holds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: EditorDocument | None = None
        self.zoom = 0.5
        self.overlay = True
        self.snapping = True
        self.guides: list[Guide] = []
        self.correction_marks: dict[int, list[tuple[Rect, bool]]] = {}  # page number → (box, chosen)
        self.renderer = QtPageRenderer()
        self.renders = 0
        self.redraws = 0  # page images drawn again only where an edit changed them
        self._image: tuple[QImage, QRect] | None = None
        # what the page image shows: the display list's items, the scale, the overlay and the page drawn
        self._drawn: tuple[tuple, float, bool, int] | None = None
        # the last image with what it showed, to draw again only where an edit changed it
        self._before: tuple[QImage, QRect, tuple, float, bool, int] | None = None
        # while zooming: the last image drawn, shown scaled until the page is drawn sharp again
        self._stale: tuple[QImage, QRect, float] | None = None
        self._sharpen = QTimer(self)
        self._sharpen.setSingleShot(True)
        self._sharpen.setInterval(SHARPEN_MS)
        self._sharpen.timeout.connect(self.viewport().update)
        self._pan_from: QPoint | None = None
        self._space = False
        self.placing = None  # set by the window: what dropped files become
        self.default_tool = SelectTool(self)
        self.tool = self.default_tool
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setAcceptDrops(True)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # the document and its page

    def set_document(self, document: EditorDocument | None) -> None:
        """Show another document (from its first page): draw its session's page, follow its
        page and selection."""
        if self.document is not None:
            self.document.laid_out.disconnect(self.refresh)
            self.session.unsubscribe("page", self.refresh)
            self.session.unsubscribe("selection", self._selection_changed)
        self.document = document
        if document is not None:
            document.laid_out.connect(self.refresh)
            self.session.subscribe("page", self.refresh)
            self.session.subscribe("selection", self._selection_changed)
        self.set_tool(None)
        self.refresh()
        self.selection_changed.emit()

    @property
    def session(self) -> EditorSession | None:
        """What the editor is doing (the document's session)."""
        return self.document.session if self.document is not None else None

    @property
    def page_index(self) -> int:
        """The position of the page shown (the session's)."""
        return self.session.page_index if self.session is not None else 0

    @property
    def selection(self) -> list[str]:
        """The selected frames' ids (the session's)."""
        return self.session.selection if self.session is not None else []

    @property
    def page(self) -> Page | None:
        """The page shown (the model's)."""
        return self.session.page if self.session is not None else None

    def page_display(self):
        """The engine's display list of the page shown."""
        return self.session.page_display() if self.session is not None else None

    def show_page(self, index: int) -> None:
        """Show the page at ``index`` (kept within the issue's pages)."""
        if self.session is not None:
            self.session.show_page(index)

    def _selection_changed(self) -> None:
        self.viewport().update()
        self.selection_changed.emit()

    def refresh(self, whole: bool = False) -> None:
        """The layout changed: draw the page again (where it changed, see ``_page_image``; all
        of it with ``whole``), and drop selected frames that are gone."""
        self._before = None
        if self._image is not None and self._drawn is not None and not whole:
            self._before = (*self._image, *self._drawn)
        self._image = self._stale = None  # the drawing from before the change shows nothing true
        self._sharpen.stop()
        if self.session is not None:
            self.session.keep_selection()  # frames that are gone leave the selection
        self._update_scroll_range()
        self.viewport().update()

    # zoom and coordinates

    def scale(self) -> float:
        """Pixels per point."""
        return self.zoom * SCREEN_DPI / 72.0

    def _content_size(self) -> tuple[float, float]:
        page = self.page
        if page is None:
            return 0.0, 0.0
        s = self.scale()
        return (page.width + 2 * PASTEBOARD) * s, (page.height + 2 * PASTEBOARD) * s

    def _origin(self) -> QPointF:
        """Where the pasteboard's top-left corner is on the viewport."""
        width, height = self._content_size()
        view = self.viewport().size()
        x = (view.width() - width) / 2 if width < view.width() else -self.horizontalScrollBar().value()
        y = (view.height() - height) / 2 if height < view.height() else -self.verticalScrollBar().value()
        return QPointF(x, y)

    def to_view(self, x: float, y: float) -> QPointF:
        """A point on the page (points) on the viewport (pixels)."""
        s, origin = self.scale(), self._origin()
        return QPointF(origin.x() + (x + PASTEBOARD) * s, origin.y() + (y + PASTEBOARD) * s)

    def to_page(self, point: QPointF) -> tuple[float, float]:
        """A viewport point in page points."""
        s, origin = self.scale(), self._origin()
        return (point.x() - origin.x()) / s - PASTEBOARD, (point.y() - origin.y()) / s - PASTEBOARD

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom (5 % to 800 %), keeping the page point under ``anchor`` (default: the centre) in place."""
        anchor = anchor if anchor is not None else QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        fixed = self.to_page(anchor)
        old_scale = self.scale()
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if self._image is not None:
            self._stale = (*self._image, old_scale)
            self._sharpen.start()
        self._image = None
        self._update_scroll_range()
        moved = self.to_view(*fixed)
        self.horizontalScrollBar().setValue(round(self.horizontalScrollBar().value() + moved.x() - anchor.x()))
        self.verticalScrollBar().setValue(round(self.verticalScrollBar().value() + moved.y() - anchor.y()))
        self.viewport().update()
        self.view_changed.emit()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in (factor > 1) or out."""
        self.set_zoom(self.zoom * factor, anchor)

    def fit_page(self) -> None:
        """The whole page in the window."""
        page = self.page
        if page is not None:
            view = self.viewport().size()
            s = min(view.width() / (page.width + 20), view.height() / (page.height + 20))
            self.set_zoom(s * 72.0 / SCREEN_DPI)
            self.centre_on(page.width / 2, page.height / 2)

    def fit_width(self) -> None:
        """The page's width in the window, from its top."""
        page = self.page
        if page is not None:
            s = self.viewport().width() / (page.width + 20)
            self.set_zoom(s * 72.0 / SCREEN_DPI)
            self.centre_on(page.width / 2, self.viewport().height() / 2 / self.scale() - 10)

    def centre_on(self, x: float, y: float) -> None:
        """Scroll so that a page point is in the middle of the window."""
        point = self.to_view(x, y)
        centre = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        self.horizontalScrollBar().setValue(round(self.horizontalScrollBar().value() + point.x() - centre.x()))
        self.verticalScrollBar().setValue(round(self.verticalScrollBar().value() + point.y() - centre.y()))

    def _update_scroll_range(self) -> None:
        width, height = self._content_size()
        view = self.viewport().size()
        for bar, content, extent in ((self.horizontalScrollBar(), width, view.width()),
                                     (self.verticalScrollBar(), height, view.height())):
            bar.setRange(0, max(0, round(content - extent)))
            bar.setPageStep(extent)
            bar.setSingleStep(20)

    def _scrolled(self) -> None:
        self.viewport().update()
        self.view_changed.emit()

    @contained
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        """Keep the scroll range in step with the window."""
        super().resizeEvent(event)
        self._update_scroll_range()
        self.view_changed.emit()

    # painting

    def _content_rect(self) -> QRect:
        """The page and its pasteboard in pixels at this zoom, from the page's corner."""
        display = self.page_display()
        s = self.scale()
        margin = round(PASTEBOARD * s)
        return QRect(-margin, -margin, round(display.width * s) + 2 * margin, round(display.height * s) + 2 * margin)

    def _visible_content(self) -> QRect:
        """The part of the page and pasteboard the window shows (pixels from the page's corner)."""
        corner = self.to_view(0, 0)
        shown = QRect(round(-corner.x()), round(-corner.y()), self.viewport().width(), self.viewport().height())
        return self._content_rect().intersected(shown)

    def _page_image(self) -> tuple[QImage, QRect] | None:
        """The page and its pasteboard (where frames may be parked) drawn at the current zoom:
        all of it when small enough, else the part shown and a margin round it; made again
        only for a new layout, zoom or a scroll past what it holds."""
        display = self.page_display()
        if display is None:
            return None
        visible = self._visible_content()
        if visible.isEmpty():
            return None
        if self._image is not None and self._image[1].contains(visible):
            return self._image
        s = self.scale()
        page = self.page
        underlay = (lambda p: draw_grid(p, page, s)) if self.overlay else None
        shown = (tuple(display.items), s, self.overlay, self.page_index)
        before, self._before = self._before, None
        if before is not None and before[1].contains(visible) and before[3:] == shown[1:] \
                and self._redraw(before, display, underlay):
            self._drawn = shown
            return self._image
        whole = self._content_rect()
        region = whole if whole.width() * whole.height() <= CACHE_PIXELS else \
            visible.adjusted(-TILE_MARGIN, -TILE_MARGIN, TILE_MARGIN, TILE_MARGIN).intersected(whole)
        image = QImage(max(1, region.width()), max(1, region.height()), QImage.Format_RGB32)
        image.fill(PASTEBOARD_COLOUR)
        painter = QPainter(image)
        painter.translate(-region.x(), -region.y())
        painter.scale(s, s)
        self.renderer.draw_page(painter, display, underlay)
        painter.end()
        self._image = (image, region)
        self._drawn = shown
        self.renders += 1
        if self.renders == 1:  # the page is up: what the first edits need loads behind it
            QTimer.singleShot(0, warm_up)
        return self._image

    def _redraw(self, before: tuple, display, underlay) -> bool:
        """Draw the last image again where the display list changed (True), unless the
        change covers much of it (False: draw it all)."""
        image, region, items, s = before[:4]
        changed = ChangedDrawing(items, display.items)
        if changed.region is None:
            self._image = (image, region)
            return True
        r = changed.region
        if r.w * r.h * s * s > REDRAW_SHARE * region.width() * region.height():
            return False
        image = image.copy()
        painter = QPainter(image)
        painter.translate(-region.x(), -region.y())
        painter.scale(s, s)
        clip = QRectF(r.x, r.y, r.w, r.h)
        painter.setClipRect(clip)
        painter.fillRect(clip, PASTEBOARD_COLOUR)
        self.renderer.draw_items(painter, display, changed.to_draw(), underlay)
        painter.end()
        self._image = (image, region)
        self.redraws += 1
        return True

    @contained
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        """Pasteboard, page, overlay, selection, guides and the tool's own marks."""
        painter = QPainter(self.viewport())
        try:
            painter.fillRect(event.rect(), PASTEBOARD_COLOUR)
            page = self.page
            if page is not None:
                self._paint_page(painter)
                if self.overlay:
                    painter.save()
                    painter.translate(self.to_view(0, 0))
                    painter.scale(self.scale(), self.scale())
                    draw_frames(painter, page)
                    if self.document is not None:
                        draw_master_items(painter, master_items(self.document.issue, page))
                    painter.restore()
                self._paint_story_marks(painter)
                draw_correction_marks(painter, self.correction_marks.get(page.number, []), self.to_view)
                self._paint_selection(painter)
                draw_ruler_guides(painter, page, self.to_view)
                draw_guides(painter, self.guides, page, self.to_view)
                self.tool.paint(painter)
        finally:
            painter.end()

    def _paint_page(self, painter: QPainter) -> None:
        if self._image is None and self._stale is not None and self._sharpen.isActive():
            self._paint_stale(painter)
            return
        self._stale = None
        cached = self._page_image()
        if cached is not None:
            image, region = cached
            corner = self.to_view(0, 0)
            painter.drawImage(QPointF(corner.x() + region.x(), corner.y() + region.y()), image)

    def sharpen_now(self) -> None:
        """Draw the page sharp at the current zoom now, not after the pause."""
        self._sharpen.stop()
        self.viewport().repaint()

    def _paint_stale(self, painter: QPainter) -> None:
        """The page as last drawn, scaled to the new zoom (quick; drawn sharp a moment later)."""
        image, region, old_scale = self._stale
        factor = self.scale() / old_scale
        corner = self.to_view(0, 0)
        painter.drawImage(QRectF(corner.x() + region.x() * factor, corner.y() + region.y() * factor,
                                 region.width() * factor, region.height() * factor), image)

    def overset_frames(self) -> dict[str, str]:
        """Text frames on this page whose story goes on past them: frame id → article id."""
        document, page = self.document, self.page
        out = {}
        if document is None or page is None:
            return out
        here = {frame.id for frame in page.frames}
        for article in document.issue.articles:
            if not here.intersection(article.flow) or not document.layout.overset_of(article.id):
                continue
            last = next((i for i in reversed(article.flow) if document.issue.find_frame(i)), None)
            if last is not None and last in here:
                out[last] = article.id
        return out

    def _paint_story_marks(self, painter: QPainter) -> None:
        """Overset markers, and the selected story's frames numbered along its chain."""
        page = self.page
        for frame_id in self.overset_frames():
            draw_overset_marker(painter, view_rect(self.to_view, page.frame(frame_id).rect))
        articles = {ops.article_of(self.document.issue, f.id) for f in self.selected_frames()} - {None}
        for article_id in articles:
            for number, frame_id in enumerate(self.document.issue.article(article_id).flow, start=1):
                frame = page.frame(frame_id)
                if frame is not None:
                    draw_chain_number(painter, view_rect(self.to_view, frame.rect), number)

    def overset_marker_at(self, point: QPointF) -> str | None:
        """The article whose overset marker is under a viewport point, if any."""
        page = self.page
        for frame_id, article_id in self.overset_frames().items():
            marker = overset_marker(view_rect(self.to_view, page.frame(frame_id).rect))
            if marker.adjusted(-2, -2, 2, 2).contains(point):
                return article_id
        return None

    def _paint_selection(self, painter: QPainter) -> None:
        frames = self.selected_frames()
        if not frames:
            return
        rects = [view_rect(self.to_view, f.rect) for f in frames]
        movable = not any(f.locked for f in frames)
        draw_selection(painter, rects, self.selection_box(), movable)

    # the selection

    def selected_frames(self) -> list[Frame]:
        """The selected frames on the page shown."""
        page = self.page
        if page is None:
            return []
        return [f for f in (page.frame(i) for i in self.selection) if f is not None]

    def selection_box(self) -> QRectF | None:
        """The bounding box of the selection on screen."""
        frames = self.selected_frames()
        return view_rect(self.to_view, bounds([f.rect for f in frames])) if frames else None

    def set_selection(self, frame_ids: list[str]) -> None:
        """Select these frames (the session tells the views)."""
        if self.session is not None:
            self.session.select(frame_ids)
        self.viewport().update()

    def group_of(self, frame: Frame) -> list[str]:
        """A click selects a frame with the rest of its article on this page (headline and text)."""
        article = ops.article_of(self.document.issue, frame.id)
        return ops.article_frames(self.document.issue, article, self.page) if article else [frame.id]

    def frame_at(self, point: QPointF) -> Frame | None:
        """The topmost frame under a viewport point (rules are easy to hit)."""
        page = self.page
        if page is None:
            return None
        x, y = self.to_page(point)
        slack = 3.0 / self.scale()
        for frame in reversed(page.frames):
            r = frame.rect
            if r.x - slack <= x <= r.right + slack and r.y - slack <= y <= r.bottom + slack:
                return frame
        return None

    def grid_cell(self, point: QPointF) -> tuple[int, int]:
        """The grid column (1-based) and grid line (0-based) nearest a viewport point."""
        page = self.page
        return page.grid.cell_at(page.type_area, *self.to_page(point))

    def tolerance(self) -> float:
        """The snapping distance in points."""
        return SNAP_PIXELS / self.scale()

    def set_overlay(self, on: bool) -> None:
        """Show or hide the grid (drawn under the page's content) and the frame outlines."""
        self.overlay = on
        self.refresh()

    def edit_text(self, frame_id: str) -> TextFrameEditor:
        """Type into a text frame of its own (a label, a credit, a heading) in place."""
        self.text_editor = TextFrameEditor(self, frame_id)
        return self.text_editor

    def set_tool(self, tool) -> None:
        """Use a tool for the mouse (None: the selection tool)."""
        if self.tool is not None and self.tool is not tool:
            self.tool.cancel()
        self.tool = tool or self.default_tool
        if self.session is not None:  # the session knows which tool is taken up (by its kind)
            self.session.set_tool(type(self.tool).__name__.removesuffix("Tool").lower() or "select")
        self.viewport().setCursor(self.tool.cursor)
        self.viewport().update()

    # input

    @contained
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """Pan with the middle button or with the space bar held; else the tool's."""
        self.setFocus()
        if event.button() == Qt.MiddleButton or (event.button() == Qt.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            return
        if event.button() == Qt.LeftButton and self.page is not None:
            self.tool.press(event)

    @contained
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """Pan, or hand the move to the tool."""
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self.page is not None:
            self.tool.move(event)

    @contained
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """End a pan, or hand the release to the tool."""
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.OpenHandCursor if self._space else self.tool.cursor)
            return
        if event.button() == Qt.LeftButton and self.page is not None:
            self.tool.release(event)

    @contained
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """A double click on a frame edits what it holds (text, headline, photo crop)."""
        frame = self.frame_at(event.position()) if event.button() == Qt.LeftButton and self.page else None
        if frame is None or self.tool is not self.default_tool:
            self.mousePressEvent(event)
            return
        self.tool.cancel()
        self.frame_activated.emit(frame.id)

    @contained
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt naming)
        """Ctrl+wheel zooms around the pointer; the wheel alone scrolls."""
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.ControlModifier:
            if steps:
                self.zoom_by(ZOOM_STEP ** steps, event.position())
            return
        if steps and self.page is not None and self.tool.wheel(steps):
            return
        super().wheelEvent(event)

    @contained
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt naming)
        """Photos and article files may be dropped on the page."""
        if self.placing is not None and self.page is not None and self.placing.accepts(event):
            event.acceptProposedAction()

    @contained
    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Keep accepting while the files are dragged over the page."""
        event.acceptProposedAction()

    @contained
    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt naming)
        """Place what was dropped."""
        event.acceptProposedAction()
        self.placing.drop(event)

    @contained(default=False)
    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt naming)
        """Tab moves through the frames of the page, not out of the canvas."""
        return False

    @contained
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """Space pans; Tab, Esc, arrows and Delete act on the selection."""
        key = event.key()
        if key == Qt.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
        elif key in (Qt.Key_Tab, Qt.Key_Backtab):
            self._cycle(-1 if key == Qt.Key_Backtab or event.modifiers() & Qt.ShiftModifier else 1)
        elif key == Qt.Key_Escape:
            self.set_tool(None)
            self.set_selection([])
        elif key in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down):
            self._nudge(key, bool(event.modifiers() & Qt.ShiftModifier))
        elif key in (Qt.Key_Delete, Qt.Key_Backspace):
            self.delete_selection()
        else:
            super().keyPressEvent(event)

    @contained
    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """Letting go of the space bar ends panning."""
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(self.tool.cursor)
        else:
            super().keyReleaseEvent(event)

    def _cycle(self, step: int) -> None:
        page = self.page
        if page is None or not page.frames:
            return
        ids = [f.id for f in page.frames]
        current = ids.index(self.selection[0]) if self.selection and self.selection[0] in ids else -step
        self.set_selection([ids[(current + step) % len(ids)]])

    def _nudge(self, key: int, big: bool) -> None:
        """Arrows move by 1 mm across and one grid line down or up; with Shift by a column
        across and by five lines down or up."""
        page = self.page
        if page is None or not self.selection or self.document is None:
            return
        across = page.grid.column_width(page.type_area) + page.grid.gutter if big else mm(1)
        down = page.grid.line_pitch * (5 if big else 1)
        dx = {Qt.Key_Left: -across, Qt.Key_Right: across}.get(key, 0.0)
        dy = {Qt.Key_Up: -down, Qt.Key_Down: down}.get(key, 0.0)
        self.document.do(ops.move_frames(self.document.issue, self.selection, dx, dy), self.tr("Nudge"))

    def delete_selection(self) -> None:
        """Delete the selected frames (one undo step)."""
        if self.document is not None and self.selection:
            self.document.do(ops.delete_frames(self.document.issue, self.selection), self.tr("Delete"))
