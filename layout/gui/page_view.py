"""A widget that shows one laid-out page at a zoom factor.

The page is drawn once into an image at the current zoom and that image is
what repaints (scrolling, exposing) show; only a new page or a new zoom draws
it again. Above CACHE_PIXELS the page is drawn directly, clipped to what shows.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from layout.engine.displaylist import PageDisplay
from layout.render.qt import QtPageRenderer

SCREEN_DPI = 96.0
CACHE_PIXELS = 40_000_000  # about 160 MB of image; beyond that, draw directly


class PageView(QWidget):
    """Paints a page's display list; ``zoom`` 1.0 is the page's real size on a 96 dpi screen."""

    def __init__(self, renderer: QtPageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._page: PageDisplay | None = None
        self._zoom = 0.5
        self._image: QImage | None = None
        self.renders = 0

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
        self._image = None
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """The page's size in pixels at the current zoom."""
        if self._page is None:
            return QSize(200, 200)
        s = self.scale()
        return QSize(round(self._page.width * s), round(self._page.height * s))

    def _page_image(self) -> QImage | None:
        """The page drawn at the current zoom, made once; None when it would be too big."""
        size = self.sizeHint()
        if size.width() * size.height() > CACHE_PIXELS:
            return None
        if self._image is None:
            image = QImage(size, QImage.Format_RGB32)
            image.fill(Qt.white)
            painter = QPainter(image)
            painter.scale(self.scale(), self.scale())
            self._renderer.draw_page(painter, self._page)
            painter.end()
            self._image = image
            self.renders += 1
        return self._image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        """Show the page: the cached image where there is one, else draw what is exposed."""
        if self._page is None:
            return
        painter = QPainter(self)
        image = self._page_image()
        if image is not None:
            painter.drawImage(event.rect(), image, event.rect())
        else:
            painter.setClipRect(event.rect())
            painter.scale(self.scale(), self.scale())
            self._renderer.draw_page(painter, self._page)
            self.renders += 1
        painter.end()
