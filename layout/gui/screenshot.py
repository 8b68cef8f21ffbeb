"""``layout open DOC --screenshot PNG``: the window rendered offscreen to a picture, for
the README and for checks."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from layout.export.outputs import document_files, write_output

SIZE = (1600, 1000)


@dataclass
class Screenshot:
    """Where to write the picture, and what the window shows in it.

    ``zoom`` is "fit" (the page), "width", or a percentage; ``select`` names frames
    to show selected (with their handles); ``centre`` a frame to centre on.
    """

    path: str
    force: bool = False  # replace a link or a file that is not a PNG (never the document)
    page: int | None = None
    zoom: str = "fit"
    overlay: bool = False
    select: list[str] = field(default_factory=list)


def wait_for_preflight(app: QApplication, window, seconds: float = 10.0) -> None:
    """Let the preflight dock show the findings for the issue as it is (they come from a worker)."""
    dock = window.preflight
    dock.changed()
    deadline = time.monotonic() + seconds
    while dock.shown_generation != dock.generation and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()  # the status bar makes room for the counts


PLATFORM_NOTICES = ("does not support propagateSizeHints",)  # the offscreen platform's, not ours


def _filter_notices(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(notice in message for notice in PLATFORM_NOTICES):
        print(message, file=sys.stderr)


def quiet_platform_notices() -> None:
    """Keep the offscreen platform's notices off the terminal of a screenshot run."""
    qInstallMessageHandler(_filter_notices)


def png_bytes(image: QImage) -> bytes:
    """The picture encoded as PNG, in memory (so nothing is written before it is whole)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the window's picture cannot be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def take_screenshot(app: QApplication, window, shot: Screenshot) -> int:
    """Show the page the screenshot asks for, at its zoom, and save the window as a PNG."""
    window.resize(*SIZE)
    app.processEvents()
    canvas = window.canvas
    if shot.page is not None and window.session.issue is not None:
        numbers = [p.number for p in window.session.issue.pages]
        window.show_page(numbers.index(shot.page) if shot.page in numbers else shot.page - 1)
    canvas.set_overlay(shot.overlay)
    if shot.select:
        canvas.set_selection(shot.select)
    app.processEvents()
    if shot.zoom == "fit":
        canvas.fit_page()
    elif shot.zoom == "width":
        canvas.fit_width()
    else:
        canvas.set_zoom(float(shot.zoom.rstrip("%")) / 100)
    selected = canvas.selected_frames()
    if selected and shot.zoom not in ("fit", "width"):
        rect = selected[0].rect
        canvas.centre_on(rect.x + min(rect.w, 400) / 2, rect.y + min(rect.h, 300) / 2)
    app.processEvents()
    wait_for_preflight(app, window)
    write_output(Path(shot.path), png_bytes(window.grab().toImage()), force=shot.force, kind="png",
                 keep=document_files(window.document.path))
    window.document.undo_stack.setClean()
    return 0
