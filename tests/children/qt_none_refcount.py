"""Child process for the PySide6 guard: does a Qt call take a reference from None?

Prints one JSON object: ``sys.getrefcount(None)`` before and after a few thousand
void Qt calls and a full redraw of the sample page. Run as a child so that the
bad combination (PySide6 6.12.0 before Python 3.12) fails the test, not the run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGlyphRun, QImage, QPainter, QPen, QRawFont
from PySide6.QtWidgets import QApplication, QLabel

from layout.engine.fonts import font_dir
from layout.engine.page import LayoutEngine
from layout.render.qt import QtPageRenderer
from layout.store.fileformat import load

CALLS = 500  # rounds; each makes eleven void calls


def void_calls(painter: QPainter, label: QLabel, font: QRawFont) -> None:
    """The void methods the editor calls most while it draws a page."""
    run = QGlyphRun()
    pen = QPen(QColor(Qt.black), 1.0)
    for _ in range(CALLS):
        run.setRawFont(font)
        run.setGlyphIndexes([1, 2])
        run.setPositions([QPointF(0, 10), QPointF(10, 10)])
        painter.save()
        painter.setPen(pen)
        painter.drawLine(QLineF(0, 0, 10, 10))
        painter.fillRect(QRectF(0, 0, 5, 5), QColor(Qt.red))
        painter.restore()
        label.setText("版")
        label.update()
        label.setFixedSize(40, 20)


def main(sample: str) -> None:
    """Count None's references around the calls and a full redraw of the sample's first page."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    page = LayoutEngine().layout(load(Path(sample))).pages[0]
    image = QImage(400, 600, QImage.Format_RGB32)
    label = QLabel()
    font = QRawFont(str(next(font_dir().glob("NotoSerifSC-Regular.ttf"))), 12.0)
    renderer = QtPageRenderer()
    before = sys.getrefcount(None)
    painter = QPainter(image)
    void_calls(painter, label, font)
    painter.scale(400 / page.width, 600 / page.height)
    renderer.draw_page(painter, page)
    painter.end()
    after = sys.getrefcount(None)
    print(json.dumps({"before": before, "after": after}))
    app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1])
