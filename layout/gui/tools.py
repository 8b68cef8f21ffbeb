"""What the mouse does on the canvas: select and arrange frames, or place new things.

Each tool is a small state machine fed the canvas's mouse events; the geometry of
a drag (snapping, handles, whole grid lines) is worked out by ``layout.edit.drag``,
and every result is an edit operation the document makes as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen

from layout.edit import operations as ops
from layout.edit.change import Batch, Change, EditError, InsertFrame
from layout.edit.drag import FrameDrag
from layout.edit.snap import SnapTargets
from layout.engine.displaylist import ImageItem
from layout.gui.overlay import SELECTION_COLOUR, handle_rects, view_rect
from layout.model.frames import TextFrame
from layout.model.geometry import Rect

DRAG_PIXELS = 3.0  # the pointer must move this far before a press becomes a drag
HANDLE_CURSORS = {"n": Qt.SizeVerCursor, "s": Qt.SizeVerCursor, "e": Qt.SizeHorCursor, "w": Qt.SizeHorCursor,
                  "nw": Qt.SizeFDiagCursor, "se": Qt.SizeFDiagCursor, "ne": Qt.SizeBDiagCursor,
                  "sw": Qt.SizeBDiagCursor}


def new_frame_ids(change: Change) -> list[str]:
    """The ids of the frames a change puts on a page."""
    if isinstance(change, InsertFrame):
        return [change.frame.id]
    if isinstance(change, Batch):
        return [i for c in change.changes for i in new_frame_ids(c)]
    return []


class Tool:
    """The mouse's behaviour on the canvas; the base does nothing."""

    cursor = Qt.ArrowCursor

    def __init__(self, canvas) -> None:
        self.canvas = canvas

    def press(self, event: QMouseEvent) -> None:
        """The left button went down."""

    def move(self, event: QMouseEvent) -> None:
        """The pointer moved."""

    def release(self, event: QMouseEvent) -> None:
        """The left button came up."""

    def paint(self, painter: QPainter) -> None:
        """Draw the tool's own marks over the page."""

    def cancel(self) -> None:
        """Stop what the tool is doing, changing nothing."""

    def wheel(self, steps: float) -> bool:
        """The wheel turned by ``steps`` notches over the page; True when the tool used it."""
        return False


class SelectTool(Tool):
    """Click, Shift-click and rubber band select; dragging moves, a handle resizes."""

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._start: QPointF | None = None
        self._drag: FrameDrag | None = None
        self._dragging = False
        self._band: QRectF | None = None
        self._rects: dict[str, Rect] = {}

    def _handle_at(self, point: QPointF) -> str | None:
        box = self.canvas.selection_box()
        if box is None or any(f.locked for f in self.canvas.selected_frames()):
            return None
        return next((name for name, rect in handle_rects(box).items() if rect.adjusted(-2, -2, 2, 2).contains(point)),
                    None)

    def press(self, event: QMouseEvent) -> None:
        """Start a resize, a move or a rubber band, selecting what was hit."""
        point = event.position()
        article = self.canvas.overset_marker_at(point)
        if article is not None:
            self.canvas.set_tool(LinkTool(self.canvas, article))
            return
        self._start = point
        shift = bool(event.modifiers() & Qt.ShiftModifier)
        handle = None if shift else self._handle_at(point)
        if handle is not None:
            self._begin_drag(handle)
            return
        frame = self.canvas.frame_at(point)
        if frame is None:
            self._band = QRectF(point, point)
            if not shift:
                self.canvas.set_selection([])
            return
        group = self.canvas.group_of(frame)
        if shift:
            chosen = [i for i in self.canvas.selection if i not in group] if frame.id in self.canvas.selection \
                else self.canvas.selection + group
            self.canvas.set_selection(chosen)
            self._start = None
            return
        if frame.id not in self.canvas.selection:
            self.canvas.set_selection(group)
        self._begin_drag(None)

    def _begin_drag(self, handle: str | None) -> None:
        frames = [f for f in self.canvas.selected_frames() if not f.locked]
        if not frames:
            return
        page = self.canvas.page
        self._drag = FrameDrag({f.id: f.rect for f in frames},
                               SnapTargets.for_page(page, {f.id for f in frames}), handle,
                               frozenset(f.id for f in frames if isinstance(f, TextFrame)))
        self._dragging = False

    def move(self, event: QMouseEvent) -> None:
        """Carry the drag on (the article flows again as it goes), or grow the band."""
        point = event.position()
        if self._start is None:
            handle = self._handle_at(point)
            self.canvas.viewport().setCursor(HANDLE_CURSORS.get(handle, Qt.ArrowCursor))
            return
        if self._band is not None:
            self._band = QRectF(self._start, point).normalized()
            self.canvas.viewport().update()
            return
        if self._drag is None:
            return
        delta = point - self._start
        if not self._dragging and max(abs(delta.x()), abs(delta.y())) < DRAG_PIXELS:
            return
        self._dragging = True
        scale = self.canvas.scale()
        snap = self.canvas.snapping and not event.modifiers() & Qt.AltModifier
        result = self._drag.update(delta.x() / scale, delta.y() / scale, snap, self.canvas.tolerance())
        self.canvas.guides = result.guides
        document = self.canvas.document
        try:
            change = ops.set_rects(document.issue, result.rects)
        except EditError:
            return  # past what a frame may be (off the pasteboard): the last allowed position stays
        self._rects = result.rects
        document.preview(change)

    def release(self, event: QMouseEvent) -> None:
        """End the drag as one undo step, or select what the band touches."""
        document = self.canvas.document
        if self._dragging and self._rects:
            label = self.canvas.tr("Resize") if self._drag.handle else self.canvas.tr("Move")
            document.do(ops.set_rects(document.issue, self._rects), label)
        elif self._band is not None and self._band.width() + self._band.height() > DRAG_PIXELS:
            touched = [f.id for f in self.canvas.page.frames
                       if view_rect(self.canvas.to_view, f.rect).intersects(self._band)]
            chosen = self.canvas.selection + touched if event.modifiers() & Qt.ShiftModifier else touched
            self.canvas.set_selection(chosen)
        self.cancel()

    def cancel(self) -> None:
        """Drop a drag or band under way; a preview is taken back."""
        if self._dragging and self.canvas.document is not None:
            self.canvas.document.preview(None)
        self._start, self._drag, self._band, self._dragging, self._rects = None, None, None, False, {}
        self.canvas.guides = []
        self.canvas.viewport().update()

    def paint(self, painter: QPainter) -> None:
        """The rubber band."""
        if self._band is not None:
            painter.setPen(QPen(SELECTION_COLOUR, 1, Qt.DashLine))
            painter.setBrush(QColor(0, 100, 255, 30))
            painter.drawRect(self._band)


Placer = Callable[[int, int, int], Change]
DrawnPlacer = Callable[[Rect], Change]


class ColumnPlaceTool(Tool):
    """Place something across grid columns: a drag picks the columns and the top line,
    a click the column under the pointer. ``place(first, last, top_line)`` plans it."""

    cursor = Qt.CrossCursor

    def __init__(self, canvas, place: Placer, label: str, done: Callable[[], None] | None = None) -> None:
        super().__init__(canvas)
        self._place = place
        self._label = label
        self._done = done
        self._start: QPointF | None = None
        self._now: QPointF | None = None

    def press(self, event: QMouseEvent) -> None:
        """Where the placement starts."""
        self._start = self._now = event.position()

    def move(self, event: QMouseEvent) -> None:
        """Show the columns the placement would take."""
        if self._start is not None:
            self._now = event.position()
            self.canvas.viewport().update()

    def release(self, event: QMouseEvent) -> None:
        """Place it, as one undo step, and select what was placed."""
        if self._start is None:
            return
        (first, top), (last, _) = self.canvas.grid_cell(self._start), self.canvas.grid_cell(event.position())
        first, last = min(first, last), max(first, last)
        self._start = self._now = None
        document = self.canvas.document
        try:
            change = self._place(first, last, top)
        except ValueError as problem:
            self.canvas.message.emit(str(problem))
            return
        document.do(change, self._label)
        self.canvas.set_selection(new_frame_ids(change))
        if self._done is not None:
            self._done()

    def paint(self, painter: QPainter) -> None:
        """The columns and lines the placement is over so far."""
        if self._start is None or self._now is None:
            return
        page = self.canvas.page
        (first, top), (last, bottom) = self.canvas.grid_cell(self._start), self.canvas.grid_cell(self._now)
        first, last = min(first, last), max(first, last)
        rect = page.grid.area(page.type_area, first, last, top, max(1, bottom - top))
        painter.setPen(QPen(SELECTION_COLOUR, 1.5, Qt.DashLine))
        painter.setBrush(QColor(0, 100, 255, 40))
        painter.drawRect(view_rect(self.canvas.to_view, rect))

    def cancel(self) -> None:
        """Forget a placement under way."""
        self._start = self._now = None


class DrawTool(Tool):
    """Draw a rule or a box: a drag gives its rectangle, edges snapped like a move."""

    cursor = Qt.CrossCursor

    def __init__(self, canvas, place: DrawnPlacer, label: str) -> None:
        super().__init__(canvas)
        self._place = place
        self._label = label
        self._start: tuple[float, float] | None = None
        self.rect: Rect | None = None

    def _snapped(self, point: QPointF, snap: bool) -> tuple[float, float]:
        x, y = self.canvas.to_page(point)
        if not snap:
            return x, y
        targets = SnapTargets.for_page(self.canvas.page)
        tolerance = self.canvas.tolerance()
        nx, ny = targets.nearest("x", x, tolerance), targets.nearest("y", y, tolerance)
        return (x if nx is None else nx), (y if ny is None else ny)

    def press(self, event: QMouseEvent) -> None:
        """Where the drawing starts."""
        self._start = self._snapped(event.position(), not event.modifiers() & Qt.AltModifier)

    def move(self, event: QMouseEvent) -> None:
        """The rectangle so far."""
        if self._start is None:
            return
        x, y = self._snapped(event.position(), not event.modifiers() & Qt.AltModifier)
        x0, y0 = self._start
        self.rect = Rect(min(x0, x), min(y0, y), abs(x - x0), abs(y - y0))
        self.canvas.viewport().update()

    def release(self, event: QMouseEvent) -> None:
        """Add the rule or box as one undo step."""
        rect, self._start, self.rect = self.rect, None, None
        if rect is None or rect.w + rect.h < 2:
            return
        change = self._place(rect)
        self.canvas.document.do(change, self._label)
        self.canvas.set_selection(new_frame_ids(change))
        self.canvas.set_tool(None)

    def paint(self, painter: QPainter) -> None:
        """The rectangle being drawn."""
        if self.rect is not None:
            painter.setPen(QPen(SELECTION_COLOUR, 1, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(view_rect(self.canvas.to_view, self.rect))

    def cancel(self) -> None:
        """Forget a drawing under way."""
        self._start = self.rect = None


class TextTool(DrawTool):
    """The text tool (T): drag a text frame (a click makes one a column wide and two grid
    lines deep there) and type into it at once, in the label style."""

    cursor = Qt.IBeamCursor

    def __init__(self, canvas, style: str = "label") -> None:
        super().__init__(canvas, self._frame, canvas.tr("Add text frame"))
        self.style = style

    def _frame(self, rect: Rect) -> Change:
        return ops.add_text_frame(self.canvas.document.issue, self.canvas.page_index, rect, style=self.style)

    def release(self, event: QMouseEvent) -> None:
        """Add the frame as one undo step and open it for typing."""
        if self._start is not None and (self.rect is None or self.rect.w < 2 or self.rect.h < 2):
            page = self.canvas.page
            column, line = self.canvas.grid_cell(event.position())
            self.rect = page.grid.area(page.type_area, column, column, line, 2)
        rect, self._start, self.rect = self.rect, None, None
        if rect is None:
            return
        try:
            change = self._place(rect)
        except EditError as problem:
            self.canvas.message.emit(str(problem))
            return
        self.canvas.document.do(change, self._label)
        ids = new_frame_ids(change)
        self.canvas.set_selection(ids)
        self.canvas.set_tool(None)
        if ids and self.canvas.page.frame(ids[0]) is not None:
            self.canvas.edit_text(ids[0])


class LinkTool(Tool):
    """After a click on an overset marker: a click on an empty text frame (on this page or
    another) links the story on into it; a drag on an empty place draws a new frame for it;
    a click on an empty place makes one from there to the foot of the column."""

    cursor = Qt.PointingHandCursor

    def __init__(self, canvas, article_id: str) -> None:
        super().__init__(canvas)
        self.article_id = article_id
        self._draw = DrawTool(canvas, self._new_frame, canvas.tr("Link"))
        self._drawing = False
        canvas.message.emit(canvas.tr("Click an empty text frame, or drag a new one, to continue the story"))

    def press(self, event: QMouseEvent) -> None:
        """Link into the frame clicked, or start drawing a new one."""
        frame = self.canvas.frame_at(event.position())
        document = self.canvas.document
        if isinstance(frame, TextFrame):
            try:
                change = ops.link_frame(document.issue, self.article_id, frame.id)
            except ValueError as problem:
                self.canvas.message.emit(str(problem))
                return
            document.do(change, self.canvas.tr("Link"))
            self.canvas.set_selection([frame.id])
            self.canvas.set_tool(None)
            return
        self._drawing = True
        self._draw.press(event)

    def move(self, event: QMouseEvent) -> None:
        """Draw the new frame."""
        if self._drawing:
            self._draw.move(event)

    def release(self, event: QMouseEvent) -> None:
        """Make the drawn frame, or one down the column from a click."""
        if not self._drawing:
            return
        self._drawing = False
        if self._draw.rect is None:
            column, line = self.canvas.grid_cell(event.position())
            page = self.canvas.page
            lines = page.grid.line_count(page.type_area) - line
            self._draw.rect = page.grid.area(page.type_area, column, column, line, max(1, lines))
        self._draw.release(event)

    def _new_frame(self, rect: Rect) -> Change:
        page = self.canvas.page
        columns = max(1, round(page.grid.columns_for(page.type_area, rect.w)))
        return ops.link_new_frame(self.canvas.document.issue, self.article_id, self.canvas.page_index, rect, columns)

    def paint(self, painter: QPainter) -> None:
        """The frame being drawn."""
        self._draw.paint(painter)

    def cancel(self) -> None:
        """Stop linking."""
        self._draw.cancel()
        self._drawing = False


class CropTool(Tool):
    """Cropping a photo by eye: dragging moves the image inside its frame (the focus point
    follows), the wheel zooms it, the part outside the frame shows ghosted. Esc or a click
    outside the frame ends it; each drag and each wheel step is one undo step."""

    cursor = Qt.SizeAllCursor
    ZOOM_STEP = 1.1
    GHOST_OPACITY = 0.35

    def __init__(self, canvas, frame_id: str) -> None:
        super().__init__(canvas)
        self.frame_id = frame_id
        self._start: QPointF | None = None
        self._focus: tuple[float, float] | None = None
        canvas.message.emit(canvas.tr("Drag the photo inside its frame, the wheel zooms; Esc ends"))

    def _frame(self):
        return self.canvas.page.frame(self.frame_id)

    def _image_item(self) -> ImageItem | None:
        """The frame's photo as the engine placed it (its crop)."""
        frame = self._frame()
        display = self.canvas.page_display()
        return next((i for i in display.items if isinstance(i, ImageItem) and frame is not None
                     and frame.rect.contains(i.rect, 0.5)), None) if display else None


    def press(self, event: QMouseEvent) -> None:
        """Start moving the image, or end cropping on a click outside the frame."""
        frame = self._frame()
        if frame is None or self.canvas.frame_at(event.position()) is not frame:
            self.canvas.set_tool(None)
            return
        self._start, self._focus = event.position(), frame.focus

    def _moved_focus(self, point: QPointF) -> tuple[float, float] | None:
        item = self._image_item()
        if item is None or self._start is None:
            return None
        whole = item.image_rect
        scale = self.canvas.scale()
        dx, dy = (point.x() - self._start.x()) / scale, (point.y() - self._start.y()) / scale
        return (round(min(1.0, max(0.0, self._focus[0] - dx / whole.w)), 4),
                round(min(1.0, max(0.0, self._focus[1] - dy / whole.h)), 4))

    def move(self, event: QMouseEvent) -> None:
        """The image follows the pointer; the page shows the new crop as it goes."""
        focus = self._moved_focus(event.position())
        if focus is not None:
            document = self.canvas.document
            document.preview(ops.set_frame_fields(document.issue, self.frame_id, "crop", focus=focus))

    def release(self, event: QMouseEvent) -> None:
        """The new focus, as one undo step."""
        focus = self._moved_focus(event.position())
        self._start = None
        document = self.canvas.document
        document.preview(None)
        if focus is not None and focus != self._focus:
            document.do(ops.set_frame_fields(document.issue, self.frame_id, "crop", focus=focus),
                        self.canvas.tr("Crop"))

    def wheel(self, steps: float) -> bool:
        """Zoom the photo in its frame."""
        frame = self._frame()
        zoom = round(min(8.0, max(1.0, frame.zoom * self.ZOOM_STEP ** steps)), 3)
        if zoom != frame.zoom:
            document = self.canvas.document
            document.do(ops.set_frame_fields(document.issue, self.frame_id, "crop", zoom=zoom), self.canvas.tr("Crop"))
        return True

    def paint(self, painter: QPainter) -> None:
        """The whole photo, ghosted, around the frame's crop."""
        item = self._image_item()
        if item is None:
            return
        image = self.canvas.renderer.image(item.path)
        painter.save()
        painter.setOpacity(self.GHOST_OPACITY)
        painter.drawImage(view_rect(self.canvas.to_view, item.image_rect), image)
        painter.restore()
        painter.setPen(QPen(SELECTION_COLOUR, 2))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(view_rect(self.canvas.to_view, item.rect))

    def cancel(self) -> None:
        """Stop cropping (a drag under way is taken back)."""
        if self._start is not None:
            self.canvas.document.preview(None)
        self._start = None
