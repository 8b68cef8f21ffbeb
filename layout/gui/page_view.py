"""A widget that shows one laid-out page at a zoom factor."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from layout.engine.displaylist import PageDisplay
from layout.render.qt import QtPageRenderer

SCREEN_DPI = 96.0


class PageView(QWidget):
    """Paints a page's display list; ``zoom`` 1.0 is the page's real size on a 96 dpi screen."""

    def __init__(self, renderer: QtPageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._page: PageDisplay | None = None
        self._zoom = 0.5

    @property
    def zoom(self) -> float:
        """The zoom factor."""
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        """Change the zoom factor (kept between 5 % and 800 %)."""
        self._zoom = max(0.05, min(8.0, zoom))
        self._resize()

    def set_page(self, page: PageDisplay | None) -> None:
        """Show another display list."""
        self._page = page
        self._resize()

    def scale(self) -> float:
        """Pixels per point."""
        return self._zoom * SCREEN_DPI / 72.0

    def _resize(self) -> None:
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """The page's size in pixels at the current zoom."""
        if self._page is None:
            return QSize(200, 200)
        s = self.scale()
        return QSize(round(self._page.width * s), round(self._page.height * s))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        """Draw the page."""
        if self._page is None:
            return
        painter = QPainter(self)
        painter.scale(self.scale(), self.scale())
        self._renderer.draw_page(painter, self._page)
        painter.end()
