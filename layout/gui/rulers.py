"""Rulers in millimetres along the top and left of the canvas, measured from the page's
top-left corner; they follow the canvas's zoom and scroll. A drag out of a ruler onto the
page leaves a ruler guide where it is let go (the top ruler a horizontal one, the side
ruler a vertical one), one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from layout.edit import operations as ops
from layout.gui.crash import contained
from layout.units import mm

RULER_PIXELS = 20
STEPS_MM = (1, 2, 5, 10, 20, 50, 100, 200)
MIN_TICK_PIXELS = 6.0


class Ruler(QWidget):
    """A ruler for one axis of a PageCanvas ("x" along the top, "y" down the side)."""

    def __init__(self, canvas, axis: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.axis = axis
        self._offset = QPoint()
        self._dragging = False  # a guide is being dragged out
        if axis == "x":
            self.setFixedHeight(RULER_PIXELS)
        else:
            self.setFixedWidth(RULER_PIXELS)
        canvas.view_changed.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """Thin along its axis."""
        return QSize(RULER_PIXELS, RULER_PIXELS)

    def _at(self, millimetres: float) -> float:
        """Where a distance from the page's corner falls on this ruler, in pixels."""
        point = self.canvas.to_view(mm(millimetres), mm(millimetres))
        return (point.x() + self._offset.x()) if self.axis == "x" else (point.y() + self._offset.y())

    @contained
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        """Ticks every step that leaves room, labels every tenth step's worth."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(236, 236, 238))
        self._offset = self.mapFromGlobal(self.canvas.viewport().mapToGlobal(QPoint(0, 0)))
        per_mm = self._at(1) - self._at(0)
        if self.canvas.page is None or per_mm <= 0:
            painter.end()
            return
        step = next((s for s in STEPS_MM if s * per_mm >= MIN_TICK_PIXELS), STEPS_MM[-1])
        label_every = next((s for s in STEPS_MM if s * per_mm >= 50), STEPS_MM[-1])
        length = self.width() if self.axis == "x" else self.height()
        first = int(-self._at(0) / per_mm // step) * step - step
        painter.setPen(QColor(90, 90, 90))
        font = painter.font()
        font.setPixelSize(9)
        painter.setFont(font)
        value = first
        while True:
            at = self._at(value)
            if at > length:
                break
            labelled = value % label_every == 0
            tick = RULER_PIXELS * (0.6 if labelled else 0.25)
            if self.axis == "x":
                painter.drawLine(QPointF(at, RULER_PIXELS - tick), QPointF(at, RULER_PIXELS))
                if labelled:
                    painter.drawText(QRectF(at + 2, 0, 40, 11), Qt.AlignLeft, str(value))
            else:
                painter.drawLine(QPointF(RULER_PIXELS - tick, at), QPointF(RULER_PIXELS, at))
                if labelled:
                    painter.drawText(QRectF(0, at + 1, RULER_PIXELS, 11), Qt.AlignLeft, str(value))
            value += step
        painter.end()

    @contained
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """A guide is being dragged out of the ruler."""
        self._dragging = event.button() == Qt.LeftButton and self.canvas.page is not None

    @contained
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """Let go over the page: a guide there (the top ruler gives a horizontal one)."""
        if not self._dragging or self.canvas.document is None:
            return
        self._dragging = False
        viewport = self.canvas.viewport()
        point = viewport.mapFromGlobal(event.globalPosition().toPoint())
        if not viewport.rect().contains(point):
            return
        x, y = self.canvas.to_page(QPointF(point))
        axis, at = ("y", y) if self.axis == "x" else ("x", x)
        try:
            change = ops.add_guide(self.canvas.document.issue, self.canvas.page_index, axis, round(at, 2))
        except ValueError as problem:
            self.canvas.message.emit(str(problem))
            return
        self.canvas.document.do(change, self.tr("Add guide"))
