"""Draw display lists with QPainter: the editor's screen and PNG previews.

Glyphs are drawn by glyph id from the same font files the engine measured,
at the engine's positions, so the screen shows exactly what the PDF prints.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QGlyphRun, QImage, QPainter, QPen, QRawFont, QTransform

from layout.engine.displaylist import (
    BoxItem,
    GlyphLines,
    GlyphRun,
    ImageItem,
    Item,
    PageDisplay,
    RuleItem,
    placeholder_marks,
)
from layout.engine.fonts import font_dir
from layout.engine.reduced import decode_upright
from layout.model.colour import Colour

PREVIEW_MAX_PIXELS = 1600  # photos are kept at most this wide or high for the screen
KEPT_RUNS = 50_000  # prepared text items kept between full drawings of a page
SCALED_PHOTOS = 128  # photos kept ready at the size they were last drawn at
# a text item, its Qt glyph runs with their colours, and its stretched runs (drawn glyph by glyph)
Prepared = tuple[Item, list[tuple[QGlyphRun, QColor]], list[GlyphRun]]


def qcolour(colour: Colour) -> QColor:
    """A screen colour for a CMYK colour."""
    r, g, b = colour.to_rgb()
    return QColor.fromRgbF(r, g, b)


def _pen(colour: Colour, weight: float, dash: tuple[float, ...]) -> QPen:
    """A pen; a PDF dash pattern (in points) becomes Qt's (in pen widths)."""
    pen = QPen(qcolour(colour), weight)
    if dash:
        pen.setDashPattern([d / max(weight, 0.1) for d in dash])
    return pen


def screen_proxy(path: str) -> QImage:
    """The photo for the screen: at most PREVIEW_MAX_PIXELS wide or high, upright, in RGB or
    grey (CMYK converted naively, as Qt would); a null image when it cannot be read."""
    try:
        with Image.open(path) as opened:
            width, height = opened.size
        scale = min(1.0, PREVIEW_MAX_PIXELS / max(width, height, 1))
        picture = decode_upright(path, (max(1, round(width * scale)), max(1, round(height * scale))))
    except (OSError, ValueError, Image.DecompressionBombError):
        return QImage()
    picture.thumbnail((PREVIEW_MAX_PIXELS, PREVIEW_MAX_PIXELS), Image.LANCZOS)
    picture = picture if picture.mode in ("L", "RGB") else picture.convert("RGB")
    kind = QImage.Format_Grayscale8 if picture.mode == "L" else QImage.Format_RGB888
    data = picture.tobytes()
    return QImage(data, picture.width, picture.height, len(data) // picture.height, kind).copy()


class QtPageRenderer:
    """Replays display lists on a QPainter; keeps fonts and scaled photos between paints."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[str, float | None], QRawFont] = {}
        self._images: dict[str, QImage] = {}
        self._scaled: OrderedDict[tuple, QImage] = OrderedDict()
        self._runs: dict[int, Prepared] = {}
        self._used: dict[int, Prepared] = {}

    def raw_font(self, name: str, size: float) -> QRawFont:
        """The font file at a size (in page points, the painter scales it); each file is
        read once, other sizes are copies of it set to their size."""
        key = (name, size)
        font = self._fonts.get(key)
        if font is None:
            base = self._fonts.get((name, None))
            if base is None:
                base = QRawFont(str(font_dir() / name), size)
                self._fonts[(name, None)] = base
            font = QRawFont(base)
            font.setPixelSize(size)
            self._fonts[key] = font
        return font

    def image(self, path: str) -> QImage:
        """A photo upright (EXIF), decoded at screen size by the exports' reduced decoding
        (:mod:`layout.engine.reduced`: never whole when it is large), loaded once; null if
        unreadable."""
        image = self._images.get(path)
        if image is None:
            image = self._images[path] = screen_proxy(path)
        return image

    def draw_page(self, painter: QPainter, page: PageDisplay,
                  underlay: Callable[[QPainter], None] | None = None) -> None:
        """Draw a white page and its items; the painter maps points to the device.
        ``underlay`` draws on the white page before the items (the editor's grid)."""
        painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.white)
        if underlay is not None:
            underlay(painter)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        self._used = {}
        for item in page.items:
            self.draw(painter, item)
        self._runs = self._used  # glyph runs of items no longer shown are let go

    def draw_items(self, painter: QPainter, page: PageDisplay, items: list[Item],
                   underlay: Callable[[QPainter], None] | None = None) -> None:
        """Draw some of a page's items again over the white page (the painter clipped to where
        they changed): the editor's redraw of what an edit touched."""
        painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.white)
        if underlay is not None:
            underlay(painter)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        if len(self._used) > KEPT_RUNS:
            self._used = {}
        for item in items:
            self.draw(painter, item)

    def draw(self, painter: QPainter, item: Item) -> None:
        """Draw one display item."""
        if isinstance(item, (GlyphRun, GlyphLines)):
            self._text(painter, item)
        elif isinstance(item, ImageItem):
            self._image(painter, item)
        elif isinstance(item, RuleItem):
            painter.setPen(_pen(item.colour, item.weight, item.dash))
            painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
        elif isinstance(item, BoxItem):
            self._box(painter, item)

    def _text(self, painter: QPainter, item: GlyphRun | GlyphLines) -> None:
        """Draw a glyph run or a block of lines, from Qt glyph runs made once for the item."""
        key = id(item)
        prepared = self._used.get(key) or self._runs.get(key)
        if prepared is None or prepared[0] is not item:
            runs = [item] if isinstance(item, GlyphRun) else item.runs()
            prepared = (item, [self._prepare(run) for run in runs if run.hscale == 1.0 and not run.rotation],
                        [run for run in runs if run.hscale != 1.0 or run.rotation])
        self._used[key] = prepared
        for run, colour in prepared[1]:
            painter.setPen(colour)
            painter.drawGlyphRun(QPointF(0, 0), run)
        for run in prepared[2]:
            self._stretched(painter, run)

    def _prepare(self, item: GlyphRun) -> tuple[QGlyphRun, QColor]:
        run = QGlyphRun()
        run.setRawFont(self.raw_font(item.font, item.size))
        run.setGlyphIndexes(list(item.glyphs))
        run.setPositions([QPointF(x, item.y) for x in item.xs])
        return run, qcolour(item.colour)

    def _stretched(self, painter: QPainter, item: GlyphRun) -> None:
        """A run scaled across (长体/扁体, a stretched dash, two digits across in vertical
        text) or turned (Latin in vertical text), glyph by glyph, each under the transform
        the PDF's Tz and text matrix give it."""
        run = QGlyphRun()
        run.setRawFont(self.raw_font(item.font, item.size))
        painter.setPen(qcolour(item.colour))
        x0 = item.xs[0]
        for glyph, x in zip(item.glyphs, item.xs):
            run.setGlyphIndexes([glyph])
            run.setPositions([QPointF(0, 0)])
            painter.save()
            painter.translate(x0, item.y)
            painter.rotate(item.rotation)  # about the run's start, as the PDF's text matrix
            painter.translate(x - x0, 0)
            painter.scale(item.hscale, 1.0)
            painter.drawGlyphRun(QPointF(0, 0), run)
            painter.restore()

    def _image(self, painter: QPainter, item: ImageItem) -> None:
        image = self.image(item.path)
        r, crop = item.rect, item.crop
        if image.isNull():
            for mark in placeholder_marks(r):  # the file went since it was laid out
                self.draw(painter, mark)
            return
        source = QRectF(crop.x * image.width(), crop.y * image.height(),
                        crop.w * image.width(), crop.h * image.height())
        target = QRectF(r.x, r.y, r.w, r.h)
        if painter.transform().type().value > QTransform.TxScale.value:
            painter.drawImage(target, image, source)
            return
        device = painter.transform().mapRect(target).toAlignedRect()
        if not device.intersects(QRect(0, 0, painter.device().width(), painter.device().height())):
            return  # off the image being drawn (a part of a page at a large zoom)
        scaled = self._scaled_photo(item.path, image, source, device.size())
        painter.save()
        painter.resetTransform()
        painter.drawImage(device.topLeft(), scaled)  # pixel for pixel: no scaling at paint time
        painter.restore()

    def _scaled_photo(self, path: str, image: QImage, source: QRectF, size: QSize) -> QImage:
        """The photo's crop scaled once to the size it is drawn at (scaling at every paint is slow)."""
        key = (path, source.x(), source.y(), source.width(), source.height(), size.width(), size.height())
        scaled = self._scaled.get(key)
        if scaled is None:
            crop = image.copy(source.toAlignedRect())
            scaled = crop.scaled(size.expandedTo(QSize(1, 1)), Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
            self._scaled[key] = scaled
            if len(self._scaled) > SCALED_PHOTOS:
                self._scaled.popitem(last=False)
        else:
            self._scaled.move_to_end(key)
        return scaled

    def _box(self, painter: QPainter, item: BoxItem) -> None:
        painter.setPen(_pen(item.stroke, item.weight, item.dash) if item.stroke else Qt.NoPen)
        painter.setBrush(QBrush(qcolour(item.fill)) if item.fill else Qt.NoBrush)
        painter.drawRect(QRectF(item.rect.x, item.rect.y, item.rect.w, item.rect.h))


def render_png(page: PageDisplay, out: str | Path, dpi: float = 72.0,
               renderer: QtPageRenderer | None = None) -> QImage:
    """Render a page to a PNG file at ``dpi`` (needs a QGuiApplication)."""
    scale = dpi / 72.0
    image = QImage(round(page.width * scale), round(page.height * scale), QImage.Format_RGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.scale(scale, scale)
    (renderer or QtPageRenderer()).draw_page(painter, page)
    painter.end()
    image.save(str(out))
    return image
