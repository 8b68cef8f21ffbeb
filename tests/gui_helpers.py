"""Driving the editor's window in tests as a designer would: mouse drags, menu actions,
Chinese typed as an input method commits it, files dropped on the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLE

ARTICLE = Path(__file__).parent / "data" / "street_article.txt"
PHOTOS = SAMPLE.parent / "photos"


def view_point(canvas, x: float, y: float) -> QPoint:
    """A page point (points) as a point on the canvas's viewport."""
    return canvas.to_view(x, y).toPoint()


def drag(qtbot, canvas, start: QPoint, end: QPoint, steps: int = 6, modifier=Qt.NoModifier) -> None:
    """Press, move in steps and release the left button on the canvas."""
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, modifier, start)
    for k in range(1, steps + 1):
        at = start + (end - start) * (k / steps)
        qtbot.mouseMove(viewport, at)
    qtbot.mouseRelease(viewport, Qt.LeftButton, modifier, end)


def column_left(page, column: int) -> float:
    """The left edge of a grid column (1-based), in points."""
    return page.grid.column_span(page.type_area, column, column)[0]


def line_y(page, line: int) -> float:
    """The y of a grid line (0-based) from the page's top, in points."""
    return page.type_area.y + line * page.grid.line_pitch


def action(window, text: str):
    """The menu action with this text (or, in a submenu, containing it)."""
    for menu_action in window.menuBar().actions():
        for item in menu_action.menu().actions():
            if item.text().replace("&", "") == text:
                return item
            if item.menu():
                found = next((a for a in item.menu().actions() if text in a.text()), None)
                if found:
                    return found
    raise LookupError(text)


def type_chinese(widget, text: str) -> None:
    """Type Chinese as an input method does: a commit string (QTest types only Latin-1 keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def drop_files(canvas, paths: list[Path], at: QPoint) -> None:
    """Drop files on the canvas as a file manager would."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(at, Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(canvas.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(canvas.viewport(), drop)
