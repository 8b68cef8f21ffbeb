"""What the canvas draws over the page: margins, columns and gutters, the line grid (行格),
frame outlines coloured by kind, the selection with its handles, snap guides."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from layout.edit.snap import Guide
from layout.model.document import Page
from layout.model.frames import Frame
from layout.model.geometry import Rect

KIND_COLOURS = {
    "text": QColor(30, 120, 220),
    "headline": QColor(220, 60, 40),
    "photo": QColor(40, 160, 70),
    "photo_pair": QColor(20, 150, 140),
    "series": QColor(150, 70, 190),
}
FURNITURE_COLOUR = QColor(140, 140, 140)
# the grid is drawn in opaque colours: translucent lines cost ten to twenty times as much to draw
MARGIN_COLOUR = QColor(236, 110, 200)
COLUMN_COLOUR = QColor(120, 200, 240)
GRID_COLOUR = QColor(214, 238, 250)
SELECTION_COLOUR = QColor(0, 100, 255)
GUIDE_COLOUR = QColor(255, 0, 90)
HANDLE_PIXELS = 7.0
MIN_GRID_PIXELS = 3.0  # grid lines closer than this on screen are not drawn

ToView = Callable[[float, float], QPointF]


def view_rect(to_view: ToView, rect: Rect) -> QRectF:
    """A page rectangle on screen."""
    return QRectF(to_view(rect.x, rect.y), to_view(rect.right, rect.bottom))


def draw_grid(painter: QPainter, page: Page, scale: float) -> None:
    """Margins, column edges and, when they are far enough apart, the line-grid lines;
    the painter maps page points to the screen (``scale`` pixels a point)."""
    area, grid = page.type_area, page.grid
    painter.setBrush(Qt.NoBrush)
    if grid.line_pitch * scale >= MIN_GRID_PIXELS:
        painter.setPen(QPen(GRID_COLOUR, 0))
        ys = [area.y + k * grid.line_pitch for k in range(1, grid.line_count(area))]
        painter.drawLines([QLineF(area.x, y, area.right, y) for y in ys])
    painter.setPen(QPen(COLUMN_COLOUR, 0))
    for column in range(1, grid.columns + 1):
        left, width = grid.column_span(area, column, column)
        painter.drawRect(QRectF(left, area.y, width, area.h))
    painter.setPen(QPen(MARGIN_COLOUR, 0))
    painter.drawRect(QRectF(area.x, area.y, area.w, area.h))


def draw_frames(painter: QPainter, page: Page) -> None:
    """Every frame's outline, in its kind's colour; locked frames dashed (the painter maps
    page points to the screen)."""
    painter.setBrush(Qt.NoBrush)
    for frame in page.frames:
        pen = QPen(KIND_COLOURS.get(frame.kind, FURNITURE_COLOUR), 0)
        if frame.locked:
            pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        r = frame.rect
        painter.drawRect(QRectF(r.x, r.y, r.w, r.h))


MASTER_COLOUR = QColor(150, 60, 200)


def draw_master_items(painter: QPainter, frames: list[Frame]) -> None:
    """The outlines of what a page shows from its master page: dotted, in the master's colour
    (they are changed on the master, or detached, not on the page)."""
    painter.setBrush(Qt.NoBrush)
    pen = QPen(MASTER_COLOUR, 0)
    pen.setStyle(Qt.DotLine)
    painter.setPen(pen)
    for frame in frames:
        r = frame.rect
        painter.drawRect(QRectF(r.x, r.y, r.w, r.h))


def handle_rects(box: QRectF) -> dict[str, QRectF]:
    """The eight resize handles of a selection's bounding box, by compass point."""
    half = HANDLE_PIXELS / 2
    xs = {"w": box.left(), "": box.center().x(), "e": box.right()}
    ys = {"n": box.top(), "": box.center().y(), "s": box.bottom()}
    out = {}
    for ny, y in ys.items():
        for ex, x in xs.items():
            name = ny + ex
            if name:
                out[name] = QRectF(x - half, y - half, HANDLE_PIXELS, HANDLE_PIXELS)
    return out


def draw_selection(painter: QPainter, rects: list[QRectF], box: QRectF | None, handles: bool) -> None:
    """The selected frames' outlines, and the handles of their bounding box."""
    painter.setPen(QPen(SELECTION_COLOUR, 1.5))
    painter.setBrush(Qt.NoBrush)
    for rect in rects:
        painter.drawRect(rect)
    if box is None or not handles:
        return
    painter.setBrush(Qt.white)
    painter.setPen(QPen(SELECTION_COLOUR, 1))
    for rect in handle_rects(box).values():
        painter.drawRect(rect)


CORRECTION_COLOUR = QColor(220, 30, 30)
CORRECTION_TINT = QColor(220, 30, 30, 60)


def draw_correction_marks(painter: QPainter, marks: list[tuple[Rect, bool]], to_view: ToView) -> None:
    """Editors' corrections on the page: a red box round their characters (tinted when chosen)."""
    painter.save()
    painter.setBrush(Qt.NoBrush)
    for rect, chosen in marks:
        box = view_rect(to_view, rect)
        if chosen:
            painter.fillRect(box, CORRECTION_TINT)
        painter.setPen(QPen(CORRECTION_COLOUR, 2 if chosen else 1))
        painter.drawRect(box)
    painter.restore()


def draw_guides(painter: QPainter, guides: list[Guide], page: Page, to_view: ToView) -> None:
    """The lines edges snapped to, across the page."""
    painter.setPen(QPen(GUIDE_COLOUR, 1, Qt.DashLine))
    for guide in guides:
        if guide.axis == "x":
            painter.drawLine(to_view(guide.at, -20), to_view(guide.at, page.height + 20))
        else:
            painter.drawLine(to_view(-20, guide.at), to_view(page.width + 20, guide.at))


RULER_GUIDE_COLOUR = QColor(0, 170, 200)


def draw_ruler_guides(painter: QPainter, page: Page, to_view: ToView) -> None:
    """The page's ruler guides (参考线), across the page and the pasteboard beside it."""
    painter.setPen(QPen(RULER_GUIDE_COLOUR, 1))
    for axis, at in page.guides:
        if axis == "x":
            painter.drawLine(to_view(at, -200), to_view(at, page.height + 200))
        else:
            painter.drawLine(to_view(-200, at), to_view(page.width + 200, at))


OVERSET_COLOUR = QColor(220, 20, 40)
MARKER_PIXELS = 12.0
CHAIN_COLOUR = QColor(0, 100, 255)


def overset_marker(frame_box: QRectF) -> QRectF:
    """Where a text frame's overset marker (⊞) sits: on its bottom right corner."""
    return QRectF(frame_box.right() - MARKER_PIXELS, frame_box.bottom() - MARKER_PIXELS,
                  MARKER_PIXELS, MARKER_PIXELS)


def draw_overset_marker(painter: QPainter, frame_box: QRectF) -> None:
    """A red boxed plus: the story goes on past this frame."""
    box = overset_marker(frame_box)
    painter.setPen(QPen(OVERSET_COLOUR, 1.5))
    painter.setBrush(Qt.white)
    painter.drawRect(box)
    centre = box.center()
    half = box.width() * 0.3
    painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()))
    painter.drawLine(QPointF(centre.x(), centre.y() - half), QPointF(centre.x(), centre.y() + half))


def draw_chain_number(painter: QPainter, frame_box: QRectF, number: int) -> None:
    """A story's frame numbered in its chain (1, 2, …) at its top left."""
    label = QRectF(frame_box.left(), frame_box.top(), 16, 14)
    painter.setPen(Qt.NoPen)
    painter.setBrush(CHAIN_COLOUR)
    painter.drawRect(label)
    painter.setPen(Qt.white)
    painter.drawText(label, Qt.AlignCenter, str(number))
